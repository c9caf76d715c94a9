package io.kubeboot.node.simulated;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.kubeboot.node.runtime.Labels;
import io.kubeboot.node.runtime.PodContainer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container runtime would report for a pod on a simulated node: the sandbox with the pod
 * IP, init containers completed, app containers running since {@code started}. Fed to the real
 * agent's status calculation, so simulated pods carry the same believable status.
 */
final class SimulatedContainers {

  private SimulatedContainers() {
  }

  static List<PodContainer> of(Pod pod, String podIp, Instant started) {
    String uid = pod.getMetadata().getUid();
    List<PodContainer> containers = new ArrayList<>();
    containers.add(new PodContainer("sim-" + uid + "-sandbox", uid, Labels.SANDBOX, 0, "kubeboot/pause:latest",
        imageId("kubeboot/pause:latest"), PodContainer.State.RUNNING, 0, null, started, null, podIp));
    for (Container init : pod.getSpec().getInitContainers()) {
      containers.add(container(uid, init, PodContainer.State.EXITED, started, started));
    }
    for (Container app : pod.getSpec().getContainers()) {
      containers.add(container(uid, app, PodContainer.State.RUNNING, started, null));
    }
    return containers;
  }

  private static PodContainer container(String uid, Container spec, PodContainer.State state, Instant started,
      Instant finished) {
    return new PodContainer("sim-" + uid + "-" + spec.getName(), uid, spec.getName(), 0, spec.getImage(),
        imageId(spec.getImage()), state, 0, null, started, finished, null);
  }

  /** A stable, digest-shaped image ID, as a registry would give one. */
  private static String imageId(String image) {
    return "sha256:" + String.format("%064x", new java.math.BigInteger(1, image.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)).mod(java.math.BigInteger.TWO.pow(256)));
  }
}
