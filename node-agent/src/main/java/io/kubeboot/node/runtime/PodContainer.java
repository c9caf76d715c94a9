package io.kubeboot.node.runtime;

import java.time.Instant;

/**
 * One Docker container of a pod as the engine last reported it.
 *
 * @param name the container's name in the pod spec ({@link Labels#SANDBOX} for the pause container)
 * @param exitCode meaningful when {@link State#EXITED}
 * @param ip the address on the node's pod network (the pause container's is the pod IP)
 */
public record PodContainer(String id, String podUid, String name, int attempt, String image, String imageId,
    State state, int exitCode, String error, Instant startedAt, Instant finishedAt, String ip) {

  public enum State { CREATED, RUNNING, EXITED }

  public boolean running() {
    return state == State.RUNNING;
  }

  public boolean exited() {
    return state == State.EXITED;
  }

  public boolean succeeded() {
    return exited() && exitCode == 0;
  }
}
