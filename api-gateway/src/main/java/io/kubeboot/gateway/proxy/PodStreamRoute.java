package io.kubeboot.gateway.proxy;

import io.kubeboot.common.api.ApiException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code pods/exec} and {@code pods/attach} go to the node agent that runs the pod, as the API
 * server sends them to the kubelet: the container is checked against the pod (as upstream does
 * before proxying), then the upgrade request goes to the agent's
 * {@code /exec|attach/{ns}/{pod}/{container}} with the client's own query and upgrade headers. A {@code 101} turns the connection into an {@link UpgradeTunnel};
 * any other answer (a Status) is passed on as it came.
 */
@Component
class PodStreamRoute {

  private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> FINISHED = Set.of("Succeeded", "Failed");

  private final PodKubelet kubelets;

  PodStreamRoute(PodKubelet kubelets) {
    this.kubelets = kubelets;
  }

  /** {@code path} is {@code /api/v1/namespaces/{ns}/pods/{name}/exec} or {@code .../attach}. */
  void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String[] segments = request.getRequestURI().split("/");
    String namespace = segments[4];
    String pod = segments[6];
    String subresource = segments[7];
    PodKubelet.Target target = kubelets.locate(namespace, pod);
    String container = target.container(request.getParameter("container"));
    if (!target.hasContainer(container)) {
      throw ApiException.badRequest("container " + container + " is not valid for pod " + pod);
    }
    String phase = target.pod().path("status").path("phase").asString("");
    if (FINISHED.contains(phase)) {
      String verb = "exec".equals(subresource) ? "exec into" : "attach to";
      throw ApiException.badRequest("cannot " + verb + " a container in a completed pod; current phase is " + phase);
    }
    String path = "/" + subresource + "/" + encode(namespace) + "/" + encode(pod) + "/" + encode(container)
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    KubeletUpgrade agent;
    try {
      agent = KubeletUpgrade.send(target.host(), target.port(), request.getMethod(), path, forwarded(request),
          HANDSHAKE_TIMEOUT);
    } catch (IOException e) {
      throw ApiException.internal("error dialing backend: " + e.getMessage());
    }
    if (agent.status() != HttpServletResponse.SC_SWITCHING_PROTOCOLS) {
      try (agent) {
        refuse(agent, response);
      }
      return;
    }
    for (KubeletUpgrade.Header header : agent.headers()) {
      response.addHeader(header.name(), header.value());
    }
    try {
      request.upgrade(UpgradeTunnel.class).connect(agent);
    } catch (ServletException | RuntimeException e) {
      agent.close();
      throw ApiException.internal("cannot switch protocols: " + e.getMessage());
    }
  }

  private static void refuse(KubeletUpgrade agent, HttpServletResponse response) throws IOException {
    byte[] body = agent.body();
    response.setStatus(agent.status());
    agent.headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type")).findFirst()
        .ifPresent(h -> response.setContentType(h.value()));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The client's headers minus its credentials and what describes this hop only. */
  private static Map<String, List<String>> forwarded(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      if (!KubeletUpgrade.isHopByHopOrCredential(name)) {
        headers.put(name, Collections.list(request.getHeaders(name)));
      }
    }
    return headers;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
