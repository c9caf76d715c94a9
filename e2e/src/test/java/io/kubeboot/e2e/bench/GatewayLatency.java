package io.kubeboot.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own view of request latency, read from its {@code apiserver_request_duration_seconds}
 * histogram: how many requests (watches aside) it finished, and how many within 50 ms. Between two
 * snapshots it tells time spent in the control plane from time spent queueing in the client.
 */
record GatewayLatency(double count, double within50ms) {

  private static final Pattern SAMPLE =
      Pattern.compile("^apiserver_request_duration_seconds_(bucket|count)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

  static GatewayLatency read(HttpClient http, String apiUrl) throws Exception {
    String metrics = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    double count = 0;
    double within = 0;
    Matcher sample = SAMPLE.matcher(metrics);
    while (sample.find()) {
      double value = Double.parseDouble(sample.group(3));
      if (sample.group(1).equals("count")) {
        count += value;
      } else if (sample.group(2).contains("le=\"0.05\"")) {
        within += value;
      }
    }
    return new GatewayLatency(count, within);
  }

  /** "gateway: 99.2% of 10000 within 50 ms" for the requests since {@code before}. */
  String since(GatewayLatency before) {
    double requests = count - before.count;
    return String.format("gateway: %.1f%% of %.0f within 50 ms", 100 * (within50ms - before.within50ms) / requests,
        requests);
  }
}
