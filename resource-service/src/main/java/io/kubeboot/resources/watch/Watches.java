package io.kubeboot.resources.watch;

import java.io.Flushable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Opens watches: the entry point the REST layer uses. */
@Component
public class Watches {

  private final WatchHub hub;
  private final WatchProperties properties;

  Watches(WatchHub hub, WatchProperties properties) {
    this.hub = hub;
    this.properties = properties;
  }

  public StreamingResponseBody open(WatchRequest request, Flushable response) {
    return new WatchStream(hub, request, properties.bookmarkIntervalSeconds(), response);
  }

  public long defaultTimeoutSeconds() {
    return properties.defaultTimeoutSeconds();
  }
}
