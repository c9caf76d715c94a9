package io.kubeboot.node.exec;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.runtime.PodContainer;
import io.kubeboot.node.simulated.SimulatedRuntimeConfiguration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kubelet's exec and attach endpoints, which the gateway's {@code pods/exec} and
 * {@code pods/attach} pass through to: {@code /exec/{namespace}/{pod}/{container}?command=...&stdin=&stdout=&stderr=&tty=}
 * and {@code /attach/...} alike. The request is checked first and refused with a Status (no
 * command, no stream, container not running); then the connection is upgraded to a WebSocket
 * speaking the {@code v5.channel.k8s.io} (or v4) protocol, served by a {@link StreamSession}.
 *
 * <p>Only WebSocket is served. kubectl 1.30+ uses it; older kubectl asks for SPDY and gets a
 * Status saying so.
 */
@RestController
@ConditionalOnExpression(SimulatedRuntimeConfiguration.DISABLED)
class ExecController {

  private final DockerRuntime runtime;
  private final JsonMapper json;
  private final ServletContext servletContext;

  ExecController(DockerRuntime runtime, JsonMapper json, ServletContext servletContext) {
    this.runtime = runtime;
    this.json = json;
    this.servletContext = servletContext;
  }

  @RequestMapping(path = "/exec/{namespace}/{pod}/{container}", method = {RequestMethod.GET, RequestMethod.POST})
  void exec(@PathVariable String namespace, @PathVariable String pod, @PathVariable String container,
      @RequestParam(name = "command", required = false) List<String> command,
      @RequestParam(defaultValue = "false") boolean stdin, @RequestParam(defaultValue = "false") boolean stdout,
      @RequestParam(defaultValue = "false") boolean stderr, @RequestParam(defaultValue = "false") boolean tty,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (command == null || command.isEmpty()) {
      throw ApiException.badRequest("you must specify at least one command for the container");
    }
    PodContainer target = checked(namespace, pod, container, stdin, stdout, stderr, request);
    // A terminal has no separate stderr: it is the same stream as stdout.
    String execId = runtime.createExec(target.id(), command, stdin, stdout, stderr && !tty, tty);
    upgrade(request, response, new StreamSession(new ExecProcess(runtime, execId, command, tty), json, tty));
  }

  @RequestMapping(path = "/attach/{namespace}/{pod}/{container}", method = {RequestMethod.GET, RequestMethod.POST})
  void attach(@PathVariable String namespace, @PathVariable String pod, @PathVariable String container,
      @RequestParam(defaultValue = "false") boolean stdin, @RequestParam(defaultValue = "false") boolean stdout,
      @RequestParam(defaultValue = "false") boolean stderr, @RequestParam(defaultValue = "false") boolean tty,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    PodContainer target = checked(namespace, pod, container, stdin, stdout, stderr, request);
    upgrade(request, response,
        new StreamSession(new AttachedContainer(runtime, target.id(), stdin, stdout, stderr && !tty, tty), json, tty));
  }

  /** The running container, once the request is known to be one this endpoint can serve. */
  private PodContainer checked(String namespace, String pod, String container, boolean stdin, boolean stdout,
      boolean stderr, HttpServletRequest request) {
    if (!stdin && !stdout && !stderr) {
      throw ApiException.badRequest("you must specify at least one of stdin, stdout, stderr");
    }
    PodContainer target = runtime.podContainers(namespace, pod, container).stream().filter(PodContainer::running)
        .max(Comparator.comparingInt(PodContainer::attempt))
        .orElseThrow(() -> ApiException.badRequest("container not found (\"" + container + "\")"));
    requireWebSocket(request);
    return target;
  }

  private static void requireWebSocket(HttpServletRequest request) {
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    if (upgrade != null && upgrade.toUpperCase().startsWith("SPDY")) {
      throw ApiException.badRequest("SPDY is not supported for exec by this server; use kubectl 1.30 or newer,"
          + " which speaks WebSocket (" + StreamChannel.V5 + ")");
    }
    if (!"websocket".equalsIgnoreCase(upgrade)) {
      throw ApiException.badRequest("Upgrade request required");
    }
    String offered = request.getHeader("Sec-WebSocket-Protocol");
    boolean supported = offered != null && List.of(offered.split("\\s*,\\s*")).stream()
        .anyMatch(StreamChannel.PROTOCOLS::contains);
    if (!supported) {
      throw ApiException.badRequest("none of the offered WebSocket subprotocols is supported; this server speaks "
          + String.join(", ", StreamChannel.PROTOCOLS));
    }
  }

  private void upgrade(HttpServletRequest request, HttpServletResponse response, Endpoint session)
      throws IOException {
    ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
    ServerEndpointConfig config = ServerEndpointConfig.Builder.create(StreamSession.class, request.getRequestURI())
        .subprotocols(StreamChannel.PROTOCOLS)
        .configurator(new ServerEndpointConfig.Configurator() {
          @Override
          public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(session);
          }
        })
        .build();
    try {
      container.upgradeHttpToWebSocket(request, response, config, Map.of());
    } catch (DeploymentException e) {
      throw ApiException.internal("cannot start the exec stream: " + e.getMessage());
    }
  }
}
