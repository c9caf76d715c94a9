package io.kubeboot.node.logs;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.kubeboot.node.runtime.DockerRuntime;
import io.kubeboot.node.simulated.SimulatedRuntimeConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import io.kubeboot.node.runtime.PodContainer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The kubelet's log endpoint, which the gateway's {@code pods/log} proxies to: a container's
 * output as plain text, the current run or the one before it ({@code previous}), the last lines
 * only ({@code tailLines}), with timestamps, and followed as it grows ({@code follow}).
 */
@RestController
@ConditionalOnExpression(SimulatedRuntimeConfiguration.DISABLED)
class ContainerLogsController {

  private final DockerRuntime runtime;

  ContainerLogsController(DockerRuntime runtime) {
    this.runtime = runtime;
  }

  @GetMapping("/containerLogs/{namespace}/{pod}/{container}")
  ResponseEntity<StreamingResponseBody> logs(@PathVariable String namespace, @PathVariable String pod, @PathVariable String container,
      @RequestParam(defaultValue = "false") boolean follow, @RequestParam(required = false) Integer tailLines,
      @RequestParam(defaultValue = "false") boolean timestamps, @RequestParam(defaultValue = "false") boolean previous,
      HttpServletResponse response) {
    List<PodContainer> runs = runtime.podContainers(namespace, pod, container).stream()
        .sorted(Comparator.comparingInt(PodContainer::attempt).reversed()).toList();
    Optional<PodContainer> chosen = runs.stream().skip(previous ? 1 : 0).findFirst();
    if (chosen.isEmpty()) {
      String message = previous
          ? "previous terminated container \"" + container + "\" in pod \"" + pod + "\" not found"
          : "container \"" + container + "\" in pod \"" + pod + "\" is waiting to start: ContainerCreating";
      byte[] status = LogStatus.badRequest(message).json();
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(out -> out.write(status));
    }
    String id = chosen.get().id();
    StreamingResponseBody body = out -> copy(id, follow && !previous, tailLines, timestamps, out, response);
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
  }

  private void copy(String id, boolean follow, Integer tailLines, boolean timestamps, OutputStream out,
      HttpServletResponse response) throws IOException {
    ResultCallback.Adapter<Frame> sink = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        try {
          out.write(frame.getPayload());
          response.flushBuffer();
        } catch (IOException clientGone) {
          try {
            close();
          } catch (IOException ignored) {
            // closing a stream that is going away anyway
          }
        }
      }
    };
    try (sink) {
      runtime.logs(id, follow, tailLines, timestamps, sink).awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
