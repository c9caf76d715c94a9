package io.kubeboot.gateway.metrics;

import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.common.metrics.MetersByLabels;
import io.kubeboot.gateway.Requests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Upstream's API server request metrics, recorded when a request completes (for a stream, when it
 * ends): {@code apiserver_request_total{verb,resource,subresource,code}} and
 * {@code apiserver_request_duration_seconds{verb,resource}} with upstream's buckets. Watches are
 * counted but not timed, as upstream: their duration is how long a client watched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestMetricsFilter extends OncePerRequestFilter {

  /** kube-apiserver's buckets for apiserver_request_duration_seconds, in seconds. */
  private static final Duration[] BUCKETS = DoubleStream.of(0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0,
          1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60)
      .mapToObj(seconds -> Duration.ofNanos(Math.round(seconds * 1e9))).toArray(Duration[]::new);

  /** The labels of apiserver_request_total. */
  private record Outcome(String verb, String resource, String subresource, String code) {
  }

  /** The labels of apiserver_request_duration_seconds. */
  private record Operation(String verb, String resource) {
  }

  private final MetersByLabels<Outcome, Counter> requests;
  private final MetersByLabels<Operation, Timer> durations;

  RequestMetricsFilter(MeterRegistry registry) {
    this.requests = new MetersByLabels<>(outcome -> Counter.builder("apiserver.request")
        .description("Counter of apiserver requests broken out for each verb, resource, subresource and HTTP code.")
        .tag("verb", outcome.verb())
        .tag("resource", outcome.resource())
        .tag("subresource", outcome.subresource())
        .tag("code", outcome.code())
        .register(registry));
    this.durations = new MetersByLabels<>(operation -> Timer.builder("apiserver.request.duration")
        .description("Response latency distribution in seconds for each verb and resource.")
        .tag("verb", operation.verb())
        .tag("resource", operation.resource())
        .serviceLevelObjectives(BUCKETS)
        .register(registry));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/actuator");
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return true; // the request was counted when it started its stream, and is recorded when it ends
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            record(request, response, start);
          }

          @Override
          public void onTimeout(AsyncEvent event) {
          }

          @Override
          public void onError(AsyncEvent event) {
          }

          @Override
          public void onStartAsync(AsyncEvent event) {
          }
        });
      } else {
        record(request, response, start);
      }
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response, long start) {
    RequestInfo info = Requests.info(request);
    String verb = verb(request, info);
    String resource = info.resource() == null ? "" : info.resource();
    String subresource = info.subresource() == null ? "" : info.subresource();
    requests.get(new Outcome(verb, resource, subresource, String.valueOf(response.getStatus()))).increment();
    if (!verb.equals("WATCH")) {
      durations.get(new Operation(verb, resource)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** Upstream's verb label: LIST, WATCH, POST, APPLY, ... for resources, the HTTP method otherwise. */
  static String verb(HttpServletRequest request, RequestInfo info) {
    if (!info.resourceRequest()) {
      return request.getMethod().toUpperCase(Locale.ROOT);
    }
    return switch (info.verb()) {
      case "get" -> "GET";
      case "list" -> "LIST";
      case "watch" -> "WATCH";
      case "create" -> "POST";
      case "update" -> "PUT";
      case "patch" -> "application/apply-patch+yaml".equals(request.getContentType()) ? "APPLY" : "PATCH";
      case "delete" -> "DELETE";
      case "deletecollection" -> "DELETECOLLECTION";
      default -> info.verb().toUpperCase(Locale.ROOT);
    };
  }
}
