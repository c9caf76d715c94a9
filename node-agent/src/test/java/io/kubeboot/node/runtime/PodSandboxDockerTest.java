package io.kubeboot.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import io.kubeboot.node.NodeProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Docker mechanics a pod rests on, against the real engine: a pause container holds the
 * network namespace, an app container joins it (so both see one IP address), and the app
 * container's output is read back through the logs API.
 */
@SpringBootTest
class PodSandboxDockerTest {

  private static final String APP_IMAGE = "kubeboot/busybox:latest";

  @Autowired
  DockerClient docker;

  @Autowired
  NodeProperties node;

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void removeContainers() {
    created.forEach(id -> docker.removeContainerCmd(id).withForce(true).exec());
  }

  @Test
  void appContainerSharesThePauseContainersNetworkAndItsLogsAreReadable() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String pause = create(docker.createContainerCmd(node.pauseImage()).withName("kb-test-pause-" + suffix));
    docker.startContainerCmd(pause).exec();
    String podIp = docker.inspectContainerCmd(pause).exec().getNetworkSettings().getIpAddress();
    assertThat(podIp).isNotBlank();

    String app = create(docker.createContainerCmd(APP_IMAGE).withName("kb-test-app-" + suffix)
        .withCmd("sh", "-c", "echo hello from the pod; ip -4 -o addr show eth0")
        .withHostConfig(HostConfig.newHostConfig()
            .withNetworkMode("container:" + pause)
            .withMemory(134217728L)
            .withNanoCPUs(500_000_000L)));
    docker.startContainerCmd(app).exec();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> !docker.inspectContainerCmd(app).exec().getState().getRunning());

    assertThat(docker.inspectContainerCmd(app).exec().getState().getExitCodeLong()).isZero();
    assertThat(docker.inspectContainerCmd(app).exec().getHostConfig().getMemory()).isEqualTo(134217728L);
    String logs = logsOf(app);
    assertThat(logs).contains("hello from the pod").contains("inet " + podIp + "/");
  }

  private String create(com.github.dockerjava.api.command.CreateContainerCmd cmd) {
    String id = cmd.exec().getId();
    created.add(id);
    return id;
  }

  private String logsOf(String containerId) throws InterruptedException {
    StringBuilder out = new StringBuilder();
    docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame frame) {
            out.append(new String(frame.getPayload()));
          }
        })
        .awaitCompletion();
    return out.toString();
  }
}
