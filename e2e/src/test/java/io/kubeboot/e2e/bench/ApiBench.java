package io.kubeboot.e2e.bench;

import io.kubeboot.e2e.ControlPlane;
import io.kubeboot.e2e.Tls;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kubeboot bench api}: drives the API through the gateway (TLS, bearer token) with
 * concurrent clients: creates/s, gets/s, lists of 1,000 objects, watch fan-out to 100 watchers,
 * and a mixed open-loop load at a fixed rate. Prints one line per figure, the last a summary.
 */
public final class ApiBench {

  private static final String NS = "/api/v1/namespaces/bench";
  private static final int CLIENTS = 16;
  private static final int WARM_UP_ROUNDS = 8;
  /** Objects the warm-up reads and updates. */
  private static final int WARM_OBJECTS = 100;
  /** Threads of the open loop: at most this many of its requests are in flight at once. */
  private static final int SENDERS = 64;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ControlPlane cluster = ControlPlane.get();
  private final HttpClient http = Tls.trustingClient();

  public static void main(String[] args) throws Exception {
    int creates = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int mixedRate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    new ApiBench().run(creates, mixedRate);
    System.exit(0);
  }

  private void run(int creates, int mixedRate) throws Exception {
    send("POST", "/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"bench\"}}");
    warmUp();

    Latencies createLatency = new Latencies(creates);
    Map<String, Duration> cpuBefore = cluster.cpuTimes();
    CpuUse machine = CpuUse.since(cluster);
    double createRate = closedLoop(creates, createLatency,
        i -> send("POST", NS + "/configmaps", configMap("cm-" + i)));
    System.out.printf("creates: %.0f/s with %d clients, %s, %s%n", createRate, CLIENTS, createLatency.summary(),
        cpuPerRequest(cpuBefore, creates));
    System.out.printf("creates, whole machine: %s%n", machine.summary());

    Latencies getLatency = new Latencies(20_000);
    cpuBefore = cluster.cpuTimes();
    double getRate = closedLoop(20_000, getLatency,
        i -> send("GET", NS + "/configmaps/cm-" + ThreadLocalRandom.current().nextInt(creates), null));
    System.out.printf("gets: %.0f/s with %d clients, %s, %s%n", getRate, CLIENTS, getLatency.summary(),
        cpuPerRequest(cpuBefore, 20_000));

    Latencies listLatency = new Latencies(50);
    for (int i = 0; i < 50; i++) {
      long start = System.nanoTime();
      send("GET", NS + "/configmaps?limit=1000", null);
      listLatency.record(System.nanoTime() - start);
    }
    System.out.printf("list of 1000 objects: %s%n", listLatency.summary());

    // the open loop's 64 senders start with connections (TLS handshakes) and threads of their own:
    // its first seconds are timed apart, as what a burst of new clients sees
    Mixed leadIn = openLoop(mixedRate, 5, creates);
    System.out.printf("mixed %d req/s, first 5 s on new connections: %s; %s%n", mixedRate, leadIn.all().summary(),
        leadIn.slowBySecond());
    // then the senders hold a connection each, as long-lived clients do (client-go keeps its
    // connection for the process's life): what is timed is the server, not handshakes of the moment
    openConnections(SENDERS);
    GatewayLatency gatewayBefore = GatewayLatency.read(http, cluster.apiUrl());
    Mixed mixed = openLoop(mixedRate, 20, creates);
    System.out.printf("mixed %d req/s for the next 20 s (70%% get, 20%% list of 50, 10%% update): %s; get %s, list %s, "
            + "update %s; %s%n", mixedRate, mixed.all().summary(), mixed.gets().summary(), mixed.lists().summary(),
        mixed.updates().summary(), GatewayLatency.read(http, cluster.apiUrl()).since(gatewayBefore));
    System.out.println(mixed.slowBySecond());

    // last: the watchers it leaves behind are the gateway's and resource-service's until their next event
    Latencies fanOut = watchFanOut(100, 50);
    System.out.printf("watch fan-out to 100 watchers, 50 updates: delivery %s%n", fanOut.summary());

    System.out.printf("summary: creates %.0f/s, gets %.0f/s, list1000 p99 %.0fms, watch fan-out p99 %.0fms, "
            + "mixed %d/s p99 %.1fms%n", createRate, getRate, listLatency.percentileMillis(99),
        fanOut.percentileMillis(99), mixedRate, mixed.all().percentileMillis(99));
  }

  /** Control-plane CPU per request since {@code before} (all its JVMs; Postgres and Kafka not counted). */
  private String cpuPerRequest(Map<String, Duration> before, int requests) {
    Map<String, Duration> after = cluster.cpuTimes();
    StringBuilder perProcess = new StringBuilder();
    double total = 0;
    for (var entry : after.entrySet()) {
      double ms = entry.getValue().minus(before.getOrDefault(entry.getKey(), Duration.ZERO)).toNanos() / 1e6 / requests;
      total += ms;
      perProcess.append(String.format(" %s %.2f", entry.getKey(), ms));
    }
    return String.format("control-plane CPU %.2f ms/request (%s)", total, perProcess.toString().trim());
  }

  /**
   * Rounds of every request the benchmark makes until the JIT compilers are nearly done: fresh
   * JVMs compile for a minute or more, and a figure taken meanwhile measures the compilers. The
   * kinds are interleaved, as a running server sees them: after phases of one kind each, the
   * creates measured were slower (943-1,304/s against 1,122-1,711/s; why is not measured, see
   * the README).
   */
  private void warmUp() throws Exception {
    Latencies ignored = new Latencies(10_000);
    closedLoop(WARM_OBJECTS, ignored, i -> send("POST", NS + "/configmaps", configMap("warm-" + i)));
    for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
      CpuUse use = CpuUse.since(cluster);
      long start = System.nanoTime();
      int offset = round * 10_000;
      closedLoop(4600, ignored, i -> {
        String existing = NS + "/configmaps/warm-" + ThreadLocalRandom.current().nextInt(WARM_OBJECTS);
        int slot = i % 46; // per 46 requests: 10 creates, 30 gets, 3 lists, 3 updates
        if (slot < 10) {
          send("POST", NS + "/configmaps", configMap("warm-" + (offset + i)));
        } else if (slot < 40) {
          send("GET", existing, null);
        } else if (slot < 43) {
          send("GET", NS + "/configmaps?limit=50", null);
        } else {
          send("PATCH", existing, "{\"data\":{\"n\":\"" + i + "\"}}");
        }
      });
      double compiling = use.jitCompilers().toNanos() / (double) (System.nanoTime() - start);
      System.out.printf("warm-up round %d: JIT compilers used %.0f%% of a core%n", round, compiling * 100);
      if (compiling < 0.1) {
        return;
      }
    }
  }

  interface Request {
    void send(int i) throws Exception;
  }

  /** {@code total} requests spread over {@link #CLIENTS} threads; returns requests per second. */
  private double closedLoop(int total, Latencies latencies, Request request) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < CLIENTS; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          long begin = System.nanoTime();
          request.send(i);
          latencies.record(System.nanoTime() - begin);
        }
        return null;
      }));
    }
    for (var worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * Leaves {@code count} connections open in the client's pool: rounds of as many GETs sent at the
   * same instant, each of which finds every other connection busy.
   */
  private void openConnections(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    for (int round = 0; round < 3; round++) {
      CyclicBarrier together = new CyclicBarrier(count);
      List<java.util.concurrent.Future<?>> requests = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        requests.add(pool.submit(() -> {
          together.await();
          return send("GET", NS + "/configmaps/cm-0", null);
        }));
      }
      for (var request : requests) {
        request.get();
      }
    }
    pool.shutdown();
  }

  /** Latencies of the mixed load: all its requests, and each kind. */
  private record Mixed(Latencies all, Latencies gets, Latencies lists, Latencies updates, AtomicIntegerArray slow) {

    /** "slow (> 50 ms) by second started: 3:12 4:40 ..." for the seconds that had any. */
    String slowBySecond() {
      StringBuilder seconds = new StringBuilder("slow (> 50 ms) by second started:");
      for (int second = 0; second < slow.length(); second++) {
        if (slow.get(second) > 0) {
          seconds.append(' ').append(second).append(':').append(slow.get(second));
        }
      }
      return seconds.toString();
    }
  }

  /** Requests started at a fixed rate whatever the latency (open loop), so queueing shows in p99. */
  private Mixed openLoop(int rate, int seconds, int objects) throws Exception {
    int total = rate * seconds;
    Mixed mixed = new Mixed(new Latencies(total), new Latencies(total), new Latencies(total), new Latencies(total),
        new AtomicIntegerArray(seconds + 1));
    long started = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch done = new CountDownLatch(total);
    AtomicInteger issued = new AtomicInteger();
    long periodNanos = 1_000_000_000L / rate;
    ticker.scheduleAtFixedRate(() -> {
      if (issued.getAndIncrement() >= total) {
        return;
      }
      senders.submit(() -> {
        int pick = ThreadLocalRandom.current().nextInt(100);
        String name = "cm-" + ThreadLocalRandom.current().nextInt(objects);
        long begin = System.nanoTime();
        try {
          Latencies kind;
          if (pick < 70) {
            send("GET", NS + "/configmaps/" + name, null);
            kind = mixed.gets();
          } else if (pick < 90) {
            send("GET", NS + "/configmaps?limit=50", null);
            kind = mixed.lists();
          } else {
            send("PATCH", NS + "/configmaps/" + name, "{\"data\":{\"n\":\"" + begin + "\"}}");
            kind = mixed.updates();
          }
          long took = System.nanoTime() - begin;
          mixed.all().record(took);
          kind.record(took);
          if (took > 50_000_000L) {
            mixed.slow().incrementAndGet((int) Math.min(seconds, (begin - started) / 1_000_000_000L));
          }
        } catch (Exception e) {
          System.err.println("request failed: " + e.getMessage());
        } finally {
          done.countDown();
        }
      });
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    done.await(seconds + 60L, TimeUnit.SECONDS);
    ticker.shutdownNow();
    senders.shutdown();
    return mixed;
  }

  /** Delivery latency from a write's response to each watcher seeing it. */
  private Latencies watchFanOut(int watchers, int updates) throws Exception {
    String version = versionOf(send("GET", NS + "/configmaps?limit=1", null));
    send("POST", NS + "/configmaps", configMap("watched"));
    Latencies latencies = new Latencies(watchers * updates);
    ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
    CountDownLatch received = new CountDownLatch(watchers * updates);
    ExecutorService readers = Executors.newFixedThreadPool(watchers);
    List<InputStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int w = 0; w < watchers; w++) {
      // async: a watch's response headers may only come with its first event
      var watch = http.sendAsync(request("GET", NS
          + "/configmaps?watch=true&fieldSelector=metadata.name%3Dwatched&resourceVersion=" + version, null),
          HttpResponse.BodyHandlers.ofInputStream());
      readers.submit(() -> {
        InputStream body = watch.get().body();
        streams.add(body);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String n = JSON.readTree(line).at("/object/data/n").asString("");
            if (!n.isEmpty()) {
              Long sent = sentAt.get(n);
              if (sent != null) {
                latencies.record(System.nanoTime() - sent);
                received.countDown();
              }
            }
          }
        } catch (Exception closed) {
          // the benchmark closes the watches at the end
        }
        return null;
      });
    }
    Thread.sleep(1000);
    for (int u = 0; u < updates; u++) {
      String n = "u" + u;
      long start = System.nanoTime();
      sentAt.put(n, start);
      send("PATCH", NS + "/configmaps/watched", "{\"data\":{\"n\":\"" + n + "\"}}");
      Thread.sleep(20);
    }
    if (!received.await(60, TimeUnit.SECONDS)) {
      System.out.printf("watch fan-out: only %d of %d deliveries arrived%n",
          watchers * updates - received.getCount(), watchers * updates);
    }
    for (InputStream stream : streams) {
      stream.close();
    }
    readers.shutdownNow();
    return latencies;
  }

  private String send(String method, String path, String body) throws Exception {
    HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300 && !(method.equals("POST") && response.statusCode() == 409)) {
      throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private HttpRequest request(String method, String path, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(cluster.apiUrl() + path))
        .header("Authorization", "Bearer " + cluster.adminToken());
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    String type = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
    return builder.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static String configMap(String name) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
        + "\",\"labels\":{\"bench\":\"api\"}},\"data\":{\"n\":\"0\"}}";
  }

  private static String versionOf(String list) {
    return JSON.readTree(list).at("/metadata/resourceVersion").asString();
  }
}
