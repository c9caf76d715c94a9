package io.kubeboot.gateway.table;

import java.time.Duration;

/**
 * Upstream's {@code duration.HumanDuration}, the AGE of {@code kubectl get}: precise while short
 * ({@code 5s}, {@code 3m10s}), coarser as it grows ({@code 2d3h}, {@code 3y45d}).
 */
final class HumanDuration {

  private HumanDuration() {
  }

  static String format(Duration d) {
    long seconds = d.toMillis() / 1000; // toward zero, as Go's int(d.Seconds())
    if (seconds < -1) {
      return "<invalid>"; // more than clock skew: the timestamp is in the future
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      long days = hours / 24 % 365;
      return days == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + days + "d";
    }
    return hours / 24 / 365 + "y";
  }
}
