package io.kubeboot.resources.strategy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule parser upstream validates CronJobs with ({@code cron.ParseStandard} of
 * robfig/cron v3): five fields, ranges, steps and names, the {@code @hourly}-style descriptors,
 * {@code @every <duration>} and a {@code TZ=}/{@code CRON_TZ=} prefix; its error texts are what
 * kubectl shows after {@code spec.schedule: Invalid value}.
 */
final class CronSchedules {

  private record Bounds(long min, long max, Map<String, Long> names) {
  }

  private static final List<Bounds> FIELDS = List.of(
      new Bounds(0, 59, Map.of()),
      new Bounds(0, 23, Map.of()),
      new Bounds(1, 31, Map.of()),
      new Bounds(1, 12, Map.ofEntries(Map.entry("jan", 1L), Map.entry("feb", 2L), Map.entry("mar", 3L),
          Map.entry("apr", 4L), Map.entry("may", 5L), Map.entry("jun", 6L), Map.entry("jul", 7L), Map.entry("aug", 8L),
          Map.entry("sep", 9L), Map.entry("oct", 10L), Map.entry("nov", 11L), Map.entry("dec", 12L))),
      new Bounds(0, 6, Map.of("sun", 0L, "mon", 1L, "tue", 2L, "wed", 3L, "thu", 4L, "fri", 5L, "sat", 6L)));

  private static final List<String> DESCRIPTORS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DURATION_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)([^0-9.]*)");
  private static final List<String> DURATION_UNITS = List.of("ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h");

  private CronSchedules() {
  }

  /** The parser's error for an invalid schedule; empty when it parses. */
  static Optional<String> error(String schedule) {
    String spec = schedule;
    if (spec.isEmpty()) {
      return Optional.of("empty spec string");
    }
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      int space = spec.indexOf(' ');
      if (space == -1) {
        return Optional.of("invalid timezone specification: " + spec);
      }
      String zone = spec.substring(spec.indexOf('=') + 1, space);
      if (!zoneExists(zone)) {
        return Optional.of("provided bad location " + zone + ": unknown time zone " + zone);
      }
      spec = spec.substring(space).strip();
    }
    if (spec.startsWith("@")) {
      return descriptor(spec);
    }
    String[] fields = spec.isBlank() ? new String[0] : spec.strip().split("\\s+");
    if (fields.length != FIELDS.size()) {
      return Optional.of("expected exactly 5 fields, found " + fields.length + ": [" + String.join(" ", fields) + "]");
    }
    for (int i = 0; i < fields.length; i++) {
      for (String range : fields[i].split(",")) {
        if (range.isEmpty()) {
          continue;
        }
        Optional<String> error = range(range, FIELDS.get(i));
        if (error.isPresent()) {
          return error;
        }
      }
    }
    return Optional.empty();
  }

  /** What Go's {@code time.LoadLocation} accepts: IANA zone names, "UTC" and "Local". */
  static boolean zoneExists(String zone) {
    return zone.isEmpty() || zone.equals("UTC") || zone.equals("Local") || ZoneId.getAvailableZoneIds().contains(zone);
  }

  /** A parsed number or the parser's message for why it is not one. */
  private record Parsed(long value, String error) {
    static Parsed of(long value) {
      return new Parsed(value, null);
    }

    static Parsed failure(String error) {
      return new Parsed(0, error);
    }
  }

  private static Optional<String> range(String expr, Bounds bounds) {
    String[] rangeAndStep = expr.split("/", -1);
    String[] lowAndHigh = rangeAndStep[0].split("-", -1);
    long start;
    long end;
    if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
      start = bounds.min();
      end = bounds.max();
    } else {
      if (lowAndHigh.length > 2) {
        return Optional.of("too many hyphens: " + expr);
      }
      Parsed low = intOrName(lowAndHigh[0], bounds);
      Parsed high = lowAndHigh.length == 2 ? intOrName(lowAndHigh[1], bounds) : low;
      if (low.error() != null || high.error() != null) {
        return Optional.of(low.error() != null ? low.error() : high.error());
      }
      start = low.value();
      end = high.value();
    }
    long step = 1;
    if (rangeAndStep.length > 2) {
      return Optional.of("too many slashes: " + expr);
    }
    if (rangeAndStep.length == 2) {
      Parsed parsed = integer(rangeAndStep[1]);
      if (parsed.error() != null) {
        return Optional.of(parsed.error());
      }
      step = parsed.value();
      if (lowAndHigh.length == 1) {
        // "N/step" means "N-max/step"
        end = bounds.max();
      }
    }
    if (start < bounds.min()) {
      return Optional.of("beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expr);
    }
    if (end > bounds.max()) {
      return Optional.of("end of range (" + end + ") above maximum (" + bounds.max() + "): " + expr);
    }
    if (start > end) {
      return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
    }
    if (step == 0) {
      return Optional.of("step of range should be a positive number: " + expr);
    }
    return Optional.empty();
  }

  private static Parsed intOrName(String expr, Bounds bounds) {
    Long named = bounds.names().get(expr.toLowerCase(Locale.ROOT));
    return named != null ? Parsed.of(named) : integer(expr);
  }

  private static Parsed integer(String expr) {
    String prefix = "failed to parse int from " + expr + ": strconv.Atoi: parsing " + GoValue.quote(expr);
    if (!INTEGER.matcher(expr).matches()) {
      return Parsed.failure(prefix + ": invalid syntax");
    }
    long value;
    try {
      value = Long.parseLong(expr);
    } catch (NumberFormatException tooLarge) {
      return Parsed.failure(prefix + ": value out of range");
    }
    if (value < 0) {
      return Parsed.failure("negative number (" + value + ") not allowed: " + expr);
    }
    return Parsed.of(value);
  }

  private static Optional<String> descriptor(String spec) {
    if (DESCRIPTORS.contains(spec)) {
      return Optional.empty();
    }
    if (spec.startsWith("@every ")) {
      String duration = spec.substring("@every ".length());
      return durationError(duration).map(error -> "failed to parse duration " + spec + ": " + error);
    }
    return Optional.of("unrecognized descriptor: " + spec);
  }

  /** Go's {@code time.ParseDuration} verdict, e.g. {@code 1h30m}, {@code 1.5h}, {@code 300ms}. */
  private static Optional<String> durationError(String text) {
    String quoted = GoValue.quote(text);
    String rest = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (rest.equals("0")) {
      return Optional.empty();
    }
    if (rest.isEmpty()) {
      return Optional.of("time: invalid duration " + quoted);
    }
    while (!rest.isEmpty()) {
      Matcher part = DURATION_PART.matcher(rest);
      if (!part.lookingAt() || part.group(1).isEmpty() || part.group(1).equals(".")) {
        return Optional.of("time: invalid duration " + quoted);
      }
      String unit = part.group(2);
      if (unit.isEmpty()) {
        return Optional.of("time: missing unit in duration " + quoted);
      }
      if (!DURATION_UNITS.contains(unit)) {
        return Optional.of("time: unknown unit " + GoValue.quote(unit) + " in duration " + quoted);
      }
      rest = rest.substring(part.end());
    }
    return Optional.empty();
  }
}
