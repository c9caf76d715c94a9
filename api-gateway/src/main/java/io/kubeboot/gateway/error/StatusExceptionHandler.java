package io.kubeboot.gateway.error;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.common.api.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure leaves the gateway as a Kubernetes {@code Status}, which kubectl prints as
 * {@code Error from server (<reason>): <message>}: never a stack trace or an HTML error page.
 * Filters hand their failures here too, through Spring's {@code handlerExceptionResolver}.
 */
@RestControllerAdvice
class StatusExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(StatusExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Status> apiException(ApiException e) {
    return render(e);
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<Status> noHandler(Exception e) {
    return render(ApiErrors.pathNotFound());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Status> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    return render(ApiException.methodNotAllowed("the server does not allow this method on the requested resource"));
  }

  /** The client is gone: there is nobody to tell. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("client closed the connection: {}", e.getMessage());
  }

  /**
   * Anything else: Spring's own request errors (missing parameter, unreadable request, ...) keep
   * their HTTP code; the rest is an internal error, logged here and not shown to the client beyond
   * its type and message.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Status> other(Exception e) {
    if (e instanceof ErrorResponse error) {
      String detail = error.getBody().getDetail();
      return render(ApiErrors.of(error.getStatusCode().value(), detail == null ? e.getMessage() : detail));
    }
    log.error("unexpected failure", e);
    return render(ApiException.internal(e.getClass().getSimpleName() + ": " + e.getMessage()));
  }

  private static ResponseEntity<Status> render(ApiException e) {
    // The type is set here, not negotiated: a client asking only for protobuf or a Table still
    // gets its error, as JSON, like from upstream.
    return ResponseEntity.status(e.code()).contentType(MediaType.APPLICATION_JSON).body(e.status());
  }
}
