package io.kubeboot.reconciler.cronjob;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * A CronJob's schedule as upstream reads it ({@code cron.ParseStandard} of robfig/cron v3): five
 * fields with ranges, steps, lists and names, the {@code @hourly}-style macros, {@code @every},
 * an optional legacy {@code TZ=} prefix, in {@code spec.timeZone} (UTC when none is given: the
 * zone upstream's controller manager runs in as deployed).
 *
 * <p>The field matching is Spring's {@link CronExpression}, a well-kept parser already on the
 * classpath (cron-utils is not among the available packages); it wants a seconds field, so
 * {@code 0} is prepended. Two differences from standard cron are bridged here: when both
 * day-of-month and day-of-week are restricted, standard cron runs on days matching <em>either</em>
 * (Spring requires both), so each is evaluated alone and the sooner time wins; and {@code @every}
 * is not cron syntax at all, so it is a fixed interval.
 */
final class CronSchedule {

  private static final List<String> MACROS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final Pattern DURATION_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");

  private final List<CronExpression> expressions;
  private final Duration every;
  private final ZoneId zone;

  private CronSchedule(List<CronExpression> expressions, Duration every, ZoneId zone) {
    this.expressions = expressions;
    this.every = every;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException for a schedule or time zone upstream would not accept; its
   *     message says what is wrong
   */
  static CronSchedule parse(String schedule, String timeZone) {
    String spec = schedule.strip();
    ZoneId zone = zone(timeZone == null ? "UTC" : timeZone);
    if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
      int space = spec.indexOf(' ');
      if (space < 0) {
        throw new IllegalArgumentException("invalid timezone specification: " + spec);
      }
      zone = zone(spec.substring(spec.indexOf('=') + 1, space));
      spec = spec.substring(space).strip();
    }
    if (spec.startsWith("@every ")) {
      return new CronSchedule(List.of(), every(spec.substring("@every ".length()).strip()), zone);
    }
    if (MACROS.contains(spec)) {
      return new CronSchedule(List.of(CronExpression.parse(spec)), null, zone);
    }
    String[] fields = spec.toUpperCase(Locale.ROOT).split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException("expected exactly 5 fields, found " + fields.length + ": " + spec);
    }
    if (!star(fields[2]) && !star(fields[4])) {
      return new CronSchedule(List.of(expression(fields, fields[2], "*"), expression(fields, "*", fields[4])), null,
          zone);
    }
    return new CronSchedule(List.of(expression(fields, fields[2], fields[4])), null, zone);
  }

  /** The first scheduled time strictly after {@code after}; empty if there is none (e.g. February 31st). */
  Optional<Instant> next(Instant after) {
    if (every != null) {
      // robfig's ConstantDelaySchedule: the interval on from the whole second
      return Optional.of(after.truncatedTo(ChronoUnit.SECONDS).plus(every));
    }
    ZonedDateTime from = after.atZone(zone);
    return expressions.stream().map(expression -> expression.next(from)).filter(java.util.Objects::nonNull)
        .map(ZonedDateTime::toInstant).min(Instant::compareTo);
  }

  ZoneId zone() {
    return zone;
  }

  private static CronExpression expression(String[] fields, String dayOfMonth, String dayOfWeek) {
    return CronExpression.parse(String.join(" ", "0", fields[0], fields[1], dayOfMonth, fields[3], dayOfWeek));
  }

  /** robfig's star bit: a list with a {@code *} or {@code ?} element not stepped by more than one. */
  private static boolean star(String field) {
    return Arrays.stream(field.split(",")).anyMatch(range -> {
      String[] rangeAndStep = range.split("/", -1);
      boolean all = rangeAndStep[0].equals("*") || rangeAndStep[0].equals("?");
      return all && (rangeAndStep.length == 1 || rangeAndStep[1].equals("1"));
    });
  }

  private static ZoneId zone(String name) {
    if (name.isEmpty() || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone " + name);
    }
  }

  /** A Go duration ({@code 1h30m}, {@code 1.5h}) cut to whole seconds, at least one, as robfig's {@code Every}. */
  private static Duration every(String text) {
    Matcher part = DURATION_PART.matcher(text);
    double nanos = 0;
    int end = 0;
    while (part.lookingAt()) {
      if (part.group(1).isEmpty() || part.group(1).equals(".")) {
        break;
      }
      nanos += Double.parseDouble(part.group(1)) * unitNanos(part.group(2));
      end = part.end();
      part.region(end, text.length());
    }
    if (end != text.length() || text.isEmpty()) {
      throw new IllegalArgumentException("failed to parse duration @every " + text);
    }
    long seconds = (long) Math.floor(nanos / 1e9);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs", "μs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      default -> 3600e9;
    };
  }
}
