package io.kubeboot.node.proxy;

import io.fabric8.kubernetes.api.model.Service;
import java.time.Duration;

/**
 * A Service's {@code sessionAffinity}: {@code None}, or {@code ClientIP} for {@code timeout}
 * (its {@code sessionAffinityConfig.clientIP.timeoutSeconds}, 10800 by default as upstream).
 */
record SessionAffinity(boolean clientIp, Duration timeout) {

  static final SessionAffinity NONE = new SessionAffinity(false, Duration.ZERO);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10800);

  static SessionAffinity of(Service service) {
    if (!"ClientIP".equals(service.getSpec().getSessionAffinity())) {
      return NONE;
    }
    var config = service.getSpec().getSessionAffinityConfig();
    Integer seconds = config == null || config.getClientIP() == null ? null : config.getClientIP().getTimeoutSeconds();
    return new SessionAffinity(true, seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds));
  }
}
