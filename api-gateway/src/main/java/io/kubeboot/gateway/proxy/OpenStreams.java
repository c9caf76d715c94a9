package io.kubeboot.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The upstream streams of the long-running responses open now (watches, followed logs). When the
 * gateway shuts down it closes them, so each response ends as a watch that times out does and its
 * client reconnects, to another replica, as kube-apiserver's clients do when it stops. Left open,
 * they would hold graceful shutdown for its whole timeout.
 *
 * <p>The context publishes {@link ContextClosedEvent} before it stops the web server, so the
 * responses have ended by the time graceful shutdown waits for active requests; a stream opened
 * after that is closed as it opens.
 */
@Component
class OpenStreams {

  private final Set<InputStream> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  /** Relays {@code upstream} through {@code relay}, ending it early if the gateway shuts down. */
  void relay(InputStream upstream, Relay relay) throws IOException {
    open.add(upstream);
    try (upstream) {
      if (!closing) {
        relay.copy(upstream);
      }
    } catch (IOException e) {
      if (!closing) {
        throw e;
      } // else the read this gateway's shutdown broke: the response ends here
    } finally {
      open.remove(upstream);
    }
  }

  @FunctionalInterface
  interface Relay {
    void copy(InputStream upstream) throws IOException;
  }

  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    closing = true;
    for (InputStream upstream : open) {
      try {
        // a reader blocked on the JDK client's body stream wakes at the end of the stream
        upstream.close();
      } catch (IOException e) {
        // already broken: its relay ends on its own
      }
    }
  }
}
