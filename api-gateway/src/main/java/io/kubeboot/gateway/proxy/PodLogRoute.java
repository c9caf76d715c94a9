package io.kubeboot.gateway.proxy;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.gateway.GatewayProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pods/log} goes to the node agent that runs the pod, as the API server sends it to the
 * kubelet: the pod (from resource-service) names its node, the Node gives the agent's
 * InternalIP and kubelet port, and the agent's {@code /containerLogs/{ns}/{pod}/{container}}
 * answers. When the pod or node cannot be read, resource-service's own answer (a Status) is
 * returned instead.
 */
@Component
class PodLogRoute {

  /** The log options the agent understands, passed on as they came. */
  private static final List<String> OPTIONS = List.of("follow", "tailLines", "timestamps", "previous");

  private final HttpClient http;
  private final String resourceService;
  private final Duration requestTimeout;
  private final JsonMapper json;

  PodLogRoute(HttpClient http, GatewayProperties properties, JsonMapper json) {
    this.http = http;
    this.resourceService = properties.resourceService().url().toString().replaceFirst("/+$", "");
    this.requestTimeout = properties.resourceService().requestTimeout();
    this.json = json;
  }

  /** {@code path} is {@code /api/v1/namespaces/{ns}/pods/{name}/log}. */
  HttpResponse<InputStream> send(HttpServletRequest request) {
    String[] segments = request.getRequestURI().split("/");
    String namespace = segments[4];
    String pod = segments[6];
    HttpResponse<InputStream> podReply = get(URI.create(resourceService + "/api/v1/namespaces/" + namespace
        + "/pods/" + pod), true);
    if (podReply.statusCode() != 200) {
      return podReply;
    }
    JsonNode podObject = read(podReply);
    String nodeName = podObject.path("spec").path("nodeName").asString("");
    if (nodeName.isEmpty()) {
      throw ApiException.badRequest("pod " + pod + " does not have a host assigned");
    }
    String container = request.getParameter("container");
    if (container == null || container.isEmpty()) {
      container = podObject.path("spec").path("containers").path(0).path("name").asString("");
    }
    HttpResponse<InputStream> nodeReply = get(URI.create(resourceService + "/api/v1/nodes/" + nodeName), true);
    if (nodeReply.statusCode() != 200) {
      return nodeReply;
    }
    JsonNode node = read(nodeReply);
    String address = internalIp(node);
    int port = node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
    if (address == null || port == 0) {
      throw ApiException.badRequest("node " + nodeName + " has no kubelet endpoint");
    }
    return get(URI.create("http://" + address + ":" + port + "/containerLogs/" + namespace + "/" + pod + "/"
        + encode(container) + query(request)), false);
  }

  private static String internalIp(JsonNode node) {
    for (JsonNode address : node.path("status").path("addresses")) {
      if ("InternalIP".equals(address.path("type").asString(""))) {
        return address.path("address").asString(null);
      }
    }
    return null;
  }

  private static String query(HttpServletRequest request) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    for (String option : OPTIONS) {
      String value = request.getParameter(option);
      if (value != null) {
        query.add(option + "=" + encode(value));
      }
    }
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** @param bounded an ordinary read with the request time limit; a followed log has none */
  private HttpResponse<InputStream> get(URI uri, boolean bounded) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (bounded) {
      request.timeout(requestTimeout);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ResourceServiceClient.unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ResourceServiceClient.unavailable(e);
    }
  }

  private JsonNode read(HttpResponse<InputStream> reply) {
    try (InputStream in = reply.body()) {
      return json.readTree(in);
    } catch (IOException e) {
      throw ResourceServiceClient.unavailable(e);
    }
  }
}
