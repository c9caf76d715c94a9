package io.kubeboot.resources.rest;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.resources.api.DeleteRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads request bodies: JSON (or YAML) objects and DeleteOptions. Anything malformed or too big
 * is a 400/413 Status before any write happens.
 */
@Component
class RequestBodies {

  /** Upstream's limit on a request body. */
  static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

  static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  ObjectNode object(HttpServletRequest request, byte[] body) {
    byte[] bytes = raw(body);
    if (bytes.length == 0) {
      throw ApiException.badRequest("the body of the request was empty");
    }
    String contentType = request.getContentType() == null ? "application/json" : request.getContentType();
    JsonNode tree;
    try {
      tree = (contentType.contains("yaml") ? YAML : JSON).readTree(bytes);
    } catch (JacksonException e) {
      throw ApiException.badRequest("the object provided is unrecognized (must be of type Object): "
          + e.getOriginalMessage());
    }
    if (!(tree instanceof ObjectNode object)) {
      throw ApiException.badRequest("the object provided is unrecognized (must be of type Object)");
    }
    return object;
  }

  byte[] raw(byte[] body) {
    if (body != null && body.length > MAX_BODY_BYTES) {
      throw ApiException.tooLarge("Request entity too large: limit is 3145728");
    }
    return body == null ? new byte[0] : body;
  }

  /** DeleteOptions come in the body (kubectl) or the query string (curl, some clients). */
  DeleteRequest deleteRequest(HttpServletRequest request, byte[] body) {
    JsonNode options = JSON.createObjectNode();
    byte[] bytes = raw(body);
    if (bytes.length > 0) {
      try {
        options = JSON.readTree(bytes);
      } catch (JacksonException e) {
        throw ApiException.badRequest("invalid DeleteOptions: " + e.getOriginalMessage());
      }
    }
    Long grace = options.hasNonNull("gracePeriodSeconds") ? Long.valueOf(options.get("gracePeriodSeconds").asLong())
        : parseLong(request.getParameter("gracePeriodSeconds"));
    String propagation = options.path("propagationPolicy").asString(request.getParameter("propagationPolicy"));
    if (options.path("orphanDependents").asBoolean(false)) {
      propagation = "Orphan";
    }
    JsonNode preconditions = options.path("preconditions");
    boolean dryRun = options.path("dryRun").isArray() && !options.path("dryRun").isEmpty()
        || "All".equals(request.getParameter("dryRun"));
    return new DeleteRequest(grace, propagation, preconditions.path("uid").asString(null),
        preconditions.path("resourceVersion").asString(null), dryRun);
  }

  private static Long parseLong(String value) {
    try {
      return value == null || value.isEmpty() ? null : Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid gracePeriodSeconds: " + value);
    }
  }
}
