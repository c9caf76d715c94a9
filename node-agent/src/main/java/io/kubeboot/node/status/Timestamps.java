package io.kubeboot.node.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** API timestamps are RFC 3339 in whole seconds, so a recomputed status compares equal to the stored one. */
public final class Timestamps {

  private Timestamps() {
  }

  public static String format(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
