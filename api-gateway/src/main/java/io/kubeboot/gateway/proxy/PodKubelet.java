package io.kubeboot.gateway.proxy;

import io.fabric8.kubernetes.api.model.Status;
import io.kubeboot.common.api.ApiException;
import io.kubeboot.gateway.GatewayProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the node agent that runs a pod, as the API server finds the kubelet for the node
 * subresources: the pod (from resource-service) names its node, the Node gives the agent's
 * InternalIP and kubelet port. When the pod or node cannot be read, resource-service's own
 * answer (a Status) is thrown as it came.
 */
@Component
class PodKubelet {

  private final HttpClient http;
  private final String resourceService;
  private final Duration requestTimeout;
  private final JsonMapper json;

  PodKubelet(HttpClient http, GatewayProperties properties, JsonMapper json) {
    this.http = http;
    this.resourceService = properties.resourceService().url().toString().replaceFirst("/+$", "");
    this.requestTimeout = properties.resourceService().requestTimeout();
    this.json = json;
  }

  /** The pod and its node agent's address. */
  record Target(JsonNode pod, String host, int port) {

    String name() {
      return pod.path("metadata").path("name").asString("");
    }

    /** {@code requested}, or the pod's first container when none was named, as upstream defaults it. */
    String container(String requested) {
      return requested == null || requested.isEmpty()
          ? pod.path("spec").path("containers").path(0).path("name").asString("") : requested;
    }

    /** Whether the pod has a container (of any kind) by that name. */
    boolean hasContainer(String name) {
      for (String kind : new String[] {"containers", "initContainers", "ephemeralContainers"}) {
        for (JsonNode container : pod.path("spec").path(kind)) {
          if (name.equals(container.path("name").asString(""))) {
            return true;
          }
        }
      }
      return false;
    }
  }

  Target locate(String namespace, String pod) {
    JsonNode podObject = get("/api/v1/namespaces/" + namespace + "/pods/" + pod);
    String nodeName = podObject.path("spec").path("nodeName").asString("");
    if (nodeName.isEmpty()) {
      throw ApiException.badRequest("pod " + pod + " does not have a host assigned");
    }
    JsonNode node = get("/api/v1/nodes/" + nodeName);
    String address = internalIp(node);
    int port = node.path("status").path("daemonEndpoints").path("kubeletEndpoint").path("Port").asInt(0);
    if (address == null || port == 0) {
      throw ApiException.badRequest("node " + nodeName + " has no kubelet endpoint");
    }
    return new Target(podObject, address, port);
  }

  private static String internalIp(JsonNode node) {
    for (JsonNode address : node.path("status").path("addresses")) {
      if ("InternalIP".equals(address.path("type").asString(""))) {
        return address.path("address").asString(null);
      }
    }
    return null;
  }

  private JsonNode get(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(resourceService + path)).GET().timeout(requestTimeout).build();
    HttpResponse<InputStream> reply;
    try {
      reply = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ResourceServiceClient.unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ResourceServiceClient.unavailable(e);
    }
    try (InputStream in = reply.body()) {
      byte[] body = in.readAllBytes();
      if (reply.statusCode() != 200) {
        throw refusal(reply.statusCode(), body);
      }
      return json.readTree(body);
    } catch (IOException | JacksonException e) {
      throw ResourceServiceClient.unavailable(e);
    }
  }

  private ApiException refusal(int code, byte[] body) {
    try {
      Status status = json.readValue(body, Status.class);
      if (status.getCode() == null) {
        status.setCode(code);
      }
      return new ApiException(status);
    } catch (JacksonException e) {
      return ApiException.internal("resource-service answered " + code);
    }
  }
}
