package io.kubeboot.node.logs;

import java.nio.charset.StandardCharsets;

/** A refused log request as the Kubernetes {@code Status} kubectl prints. */
record LogStatus(String message, String reason, int code) {

  static LogStatus badRequest(String message) {
    return new LogStatus(message, "BadRequest", 400);
  }

  byte[] json() {
    String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
    return ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
        + escaped + "\",\"reason\":\"" + reason + "\",\"code\":" + code + "}").getBytes(StandardCharsets.UTF_8);
  }
}
