package io.kubeboot.node.exec;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.common.api.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused exec, before any upgrade, as the Status kubectl prints ({@code error: <message>}). */
@RestControllerAdvice(assignableTypes = ExecController.class)
class ExecErrorHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Status> refused(ApiException e) {
    return ResponseEntity.status(e.code()).body(e.status());
  }
}
