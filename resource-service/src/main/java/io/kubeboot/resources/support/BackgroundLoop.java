package io.kubeboot.resources.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A daemon thread that repeats one step for as long as the application runs: the event-log
 * tailer of the watch hub and the outbox relay are both this. A failing step is logged and
 * retried after a second; stopping interrupts the thread.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

  private final String name;
  private volatile boolean running;
  private volatile Thread thread;

  protected BackgroundLoop(String name) {
    this.name = name;
  }

  /** One step; it may block (briefly) waiting for work. */
  protected abstract void step() throws InterruptedException;

  /** Runs on the caller's thread before the loop starts. */
  protected void beforeStart() {
  }

  /** Runs on the caller's thread after the loop was told to stop. */
  protected void afterStop() {
  }

  @Override
  public void start() {
    beforeStart();
    running = true;
    thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
    afterStop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Until stopped; a loop that a stop and a quick start have replaced ends too, never running beside the new one. */
  private void loop() {
    while (running && thread == Thread.currentThread()) {
      try {
        step();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("{} failed; retrying in a second", name, e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
