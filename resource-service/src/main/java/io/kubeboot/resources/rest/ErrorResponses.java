package io.kubeboot.resources.rest;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure becomes a Kubernetes Status with its HTTP code; nothing leaks a stack trace. */
@RestControllerAdvice
class ErrorResponses {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Status> api(ApiException e) {
    return ResponseEntity.status(e.code()).contentType(MediaType.APPLICATION_JSON).body(e.status());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Status> notFound(NoResourceFoundException e) {
    return api(ApiException.notFound("the server could not find the requested resource"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Status> method(HttpRequestMethodNotSupportedException e) {
    return api(ApiException.methodNotAllowed("the server does not allow this method on the requested resource"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Status> unexpected(Exception e) {
    log.error("unexpected failure serving a request", e);
    return api(ApiException.internal(e.getClass().getSimpleName() + ": " + e.getMessage()));
  }
}
