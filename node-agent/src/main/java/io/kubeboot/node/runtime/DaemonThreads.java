package io.kubeboot.node.runtime;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so the agent's background loops never hold the JVM open and show in dumps by purpose. */
public final class DaemonThreads {

  private DaemonThreads() {
  }

  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
