package io.kubeboot.resources.watch;

import java.io.Flushable;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Opens watches: the entry point the REST layer uses. */
@Component
public class Watches {

  private final WatchHub hub;
  private final WatchProperties properties;
  private volatile boolean closing;

  Watches(WatchHub hub, WatchProperties properties) {
    this.hub = hub;
    this.properties = properties;
  }

  public StreamingResponseBody open(WatchRequest request, Flushable response) {
    return new WatchStream(hub, request, properties.bookmarkIntervalSeconds(), response,
        () -> closing);
  }

  /**
   * Ends every open watch within a second, as one that times out, when the service shuts down:
   * its clients reconnect, to another replica, as kube-apiserver's do when it stops. Left open,
   * watches would hold graceful shutdown for its whole timeout. The context publishes this event
   * before it stops the web server.
   */
  @EventListener(ContextClosedEvent.class)
  void endOpenWatches() {
    closing = true;
  }

  public long defaultTimeoutSeconds() {
    return properties.defaultTimeoutSeconds();
  }
}
