package io.kubeboot.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * {@code pods/log} goes to the node agent that runs the pod (found by {@link PodKubelet}), as the
 * API server sends it to the kubelet: the agent's {@code /containerLogs/{ns}/{pod}/{container}}
 * answers.
 */
@Component
class PodLogRoute {

  /** The log options the agent understands, passed on as they came. */
  private static final List<String> OPTIONS = List.of("follow", "tailLines", "timestamps", "previous");

  private final HttpClient http;
  private final PodKubelet kubelets;

  PodLogRoute(HttpClient http, PodKubelet kubelets) {
    this.http = http;
    this.kubelets = kubelets;
  }

  /** {@code path} is {@code /api/v1/namespaces/{ns}/pods/{name}/log}. */
  HttpResponse<InputStream> send(HttpServletRequest request) {
    String[] segments = request.getRequestURI().split("/");
    String namespace = segments[4];
    String pod = segments[6];
    PodKubelet.Target target = kubelets.locate(namespace, pod);
    String container = target.container(request.getParameter("container"));
    URI uri = URI.create("http://" + target.host() + ":" + target.port() + "/containerLogs/" + namespace + "/" + pod
        + "/" + encode(container) + query(request));
    try {
      // no time limit: a followed log lasts as long as the client wants it
      return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ResourceServiceClient.unavailable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ResourceServiceClient.unavailable(e);
    }
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
}
