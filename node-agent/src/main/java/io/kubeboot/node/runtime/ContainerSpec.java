package io.kubeboot.node.runtime;

import java.util.List;
import java.util.Map;

/**
 * What to create: a pod's container in Docker's terms. Kubernetes {@code command} is Docker's
 * entrypoint and {@code args} its cmd (null keeps the image's).
 *
 * @param networkMode {@code container:<pause id>} for app containers; null joins {@code network}
 * @param network the node's pod network, for the pause container
 * @param binds host directory bindings, {@code host:container}
 */
public record ContainerSpec(String name, String image, List<String> entrypoint, List<String> cmd, List<String> env,
    String workingDir, List<String> binds, Long memoryBytes, Long nanoCpus, String networkMode, String network,
    Map<String, String> labels, String hostname) {
}
