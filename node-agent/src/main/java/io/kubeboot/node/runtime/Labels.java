package io.kubeboot.node.runtime;

/**
 * The labels that tie a Docker container to its pod. They are the agent's only memory: after a
 * restart it finds, adopts and counts its containers by them.
 */
public final class Labels {

  public static final String NODE = "io.kubeboot.node";
  public static final String POD_UID = "io.kubeboot.pod.uid";
  public static final String POD_NAMESPACE = "io.kubeboot.pod.namespace";
  public static final String POD_NAME = "io.kubeboot.pod.name";
  public static final String CONTAINER = "io.kubeboot.container.name";
  /** 0 for the first run of a container, n after n restarts: upstream's restartCount. */
  public static final String ATTEMPT = "io.kubeboot.container.attempt";
  /** The pause container's name within the pod, like upstream's "POD" sandbox. */
  public static final String SANDBOX = "POD";

  private Labels() {
  }
}
