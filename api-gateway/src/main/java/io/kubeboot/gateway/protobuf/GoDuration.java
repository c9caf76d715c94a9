package io.kubeboot.gateway.protobuf;

import java.math.BigInteger;

/**
 * Go's {@code time.Duration.String()}, the JSON form of {@code metav1.Duration}: {@code 1h0m0s},
 * {@code 1m30s}, {@code 1.5s}, {@code 300ms}, {@code 0s}.
 */
final class GoDuration {

  private GoDuration() {
  }

  static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    // The magnitude of Long.MIN_VALUE does not fit a long.
    BigInteger magnitude = BigInteger.valueOf(nanos).abs();
    String sign = nanos < 0 ? "-" : "";
    if (magnitude.compareTo(BigInteger.valueOf(1_000_000_000L)) < 0) {
      long u = magnitude.longValueExact();
      if (u < 1_000) {
        return sign + u + "ns";
      }
      if (u < 1_000_000) {
        return sign + fraction(u, 3) + "µs";
      }
      return sign + fraction(u, 6) + "ms";
    }
    BigInteger[] secondsAndNanos = magnitude.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
    long totalSeconds = secondsAndNanos[0].longValueExact();
    String seconds = fraction(totalSeconds % 60 * 1_000_000_000L + secondsAndNanos[1].longValueExact(), 9) + "s";
    long minutes = totalSeconds / 60;
    if (minutes == 0) {
      return sign + seconds;
    }
    long hours = minutes / 60;
    return sign + (hours > 0 ? hours + "h" : "") + (minutes % 60) + "m" + seconds;
  }

  /** {@code value / 10^digits} with the fraction's trailing zeros, and a bare point, left out. */
  private static String fraction(long value, int digits) {
    long scale = (long) Math.pow(10, digits);
    String whole = String.valueOf(value / scale);
    long rest = value % scale;
    if (rest == 0) {
      return whole;
    }
    String decimals = String.format("%0" + digits + "d", rest).replaceFirst("0+$", "");
    return whole + "." + decimals;
  }
}
