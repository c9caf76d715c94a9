package io.kubeboot.node.exec;

import io.kubeboot.common.api.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/** A refused exec, before any upgrade, as the Status kubectl prints ({@code error: <message>}). */
@RestControllerAdvice(assignableTypes = ExecController.class)
class ExecErrorHandler {

  private final JsonMapper json;

  ExecErrorHandler(JsonMapper json) {
    this.json = json;
  }

  /** Bytes, so the answer has a Content-Length: the gateway reads it off a connection kept open. */
  @ExceptionHandler(ApiException.class)
  ResponseEntity<byte[]> refused(ApiException e) {
    return ResponseEntity.status(e.code()).contentType(MediaType.APPLICATION_JSON)
        .body(json.writeValueAsBytes(e.status()));
  }
}
