package io.kubeboot.gateway.proxy;

import io.kubeboot.gateway.table.TableConverter;
import io.kubeboot.gateway.table.TableRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An ordinary resource request answered by resource-service in one piece: the body made JSON,
 * the request forwarded, and the reply turned into a Table when {@code kubectl get} asked for one.
 */
@Component
class ResourceProxy {

  private final RequestBodies bodies;
  private final ResourceServiceClient resourceService;
  private final TableConverter tables;
  private final JsonMapper json;

  ResourceProxy(RequestBodies bodies, ResourceServiceClient resourceService, TableConverter tables, JsonMapper json) {
    this.bodies = bodies;
    this.resourceService = resourceService;
    this.tables = tables;
    this.json = json;
  }

  ProxiedReply forward(HttpServletRequest request) {
    Optional<TableRequest> table = TableRequest.of(request);
    ProxiedReply reply = resourceService.exchange(request, bodies.read(request));
    if (table.isEmpty() || !reply.isSuccess() || !isJson(reply.headers())) {
      return reply;
    }
    return asTable(reply.body(), table.get()).map(converted -> {
      HttpHeaders headers = HttpHeaders.copyOf(reply.headers());
      headers.set(HttpHeaders.CONTENT_TYPE, table.get().contentType());
      return new ProxiedReply(reply.status(), headers, converted);
    }).orElse(reply);
  }

  private Optional<byte[]> asTable(byte[] content, TableRequest table) {
    JsonNode body;
    try {
      body = json.readTree(content);
    } catch (JacksonException e) {
      return Optional.empty(); // not ours to judge: pass resource-service's reply through
    }
    if (!body.isObject() || "Status".equals(body.path("kind").asString(""))) {
      return Optional.empty();
    }
    return Optional.of(json.writeValueAsBytes(tables.convert(body, table)));
  }

  private static boolean isJson(HttpHeaders headers) {
    try {
      MediaType type = headers.getContentType();
      return type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
