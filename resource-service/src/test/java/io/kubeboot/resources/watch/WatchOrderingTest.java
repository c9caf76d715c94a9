package io.kubeboot.resources.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.AnotherReplica;
import io.kubeboot.resources.support.ResourceServiceTest;
import io.kubeboot.resources.support.RestClient;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The watch guarantee: with many writers committing concurrently, a watcher receives every
 * change exactly once, in strictly increasing resourceVersion order, and one that resumes from
 * a version it saw gets exactly the rest.
 */
@ResourceServiceTest
class WatchOrderingTest {

  private static final int WRITERS = 8;
  private static final int UPDATES = 40;

  @LocalServerPort
  int port;

  @Autowired
  AnotherReplica anotherReplica;

  @Test
  void concurrentWritersAreSeenCompleteAndInOrder() throws Exception {
    RestClient api = new RestClient(port);
    String path = "/api/v1/namespaces/watch-order/configmaps";
    BufferedReader watch = watchNewNamespace(api, "watch-order");

    Set<Long> written = new ConcurrentSkipListSet<>();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      String name = "cm-" + w;
      done.add(writers.submit(() -> {
        written.add(version(succeeded(api.post(path, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
            + "\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"n\":\"0\"}}"))));
        for (int i = 1; i <= UPDATES; i++) {
          written.add(version(succeeded(api.patch(path + "/" + name, "application/merge-patch+json",
              "{\"data\":{\"n\":\"" + i + "\"}}"))));
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    writers.shutdown();

    List<Long> seen = new ArrayList<>();
    long resumeFrom = 0;
    while (seen.size() < written.size()) {
      String line = watch.readLine();
      assertThat(line).as("watch ended after %d of %d events, last %s", seen.size(), written.size(),
          seen.isEmpty() ? "-" : seen.get(seen.size() - 1)).isNotNull();
      JsonNode event = RestClient.JSON.readTree(line);
      assertThat(event.path("type").asString()).as(event.toString()).isIn("ADDED", "MODIFIED");
      seen.add(version(event.path("object")));
      if (seen.size() == written.size() / 2) {
        resumeFrom = seen.get(seen.size() - 1);
      }
    }
    watch.close();

    assertThat(written).hasSize(WRITERS * (UPDATES + 1));
    assertThat(seen).isSorted().doesNotHaveDuplicates();
    assertThat(seen).containsExactlyElementsOf(written);

    BufferedReader resumed = api.watch(path + "?watch=true&resourceVersion=" + resumeFrom + "&timeoutSeconds=30");
    List<Long> rest = new ArrayList<>();
    while (rest.size() < written.size() - written.size() / 2) {
      rest.add(version(RestClient.JSON.readTree(resumed.readLine()).path("object")));
    }
    resumed.close();
    assertThat(rest).containsExactlyElementsOf(seen.subList(written.size() / 2, seen.size()));
  }

  /**
   * This replica's watch hub takes its own batches' events from memory; another replica's changes
   * between them are only in the log, and the watch shows each in its place all the same.
   */
  @Test
  void anotherReplicasChangesBetweenThisOnesAreSeenInTheirPlace() throws Exception {
    RestClient api = new RestClient(port);
    String path = "/api/v1/namespaces/watch-replicas/configmaps";
    BufferedReader watch = watchNewNamespace(api, "watch-replicas");

    List<String> written = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      written.add("here-" + i + "@" + createConfigMap(api, path, "here-" + i));
      written.add("there-" + i + "@" + anotherReplica.createConfigMap("watch-replicas", "there-" + i));
    }
    written.add("here-last@" + createConfigMap(api, path, "here-last"));

    List<String> seen = new ArrayList<>();
    while (seen.size() < written.size()) {
      String line = watch.readLine();
      assertThat(line).as("watch ended after %s", seen).isNotNull();
      JsonNode object = RestClient.JSON.readTree(line).path("object");
      seen.add(object.at("/metadata/name").asString() + "@" + version(object));
    }
    watch.close();
    assertThat(seen).containsExactlyElementsOf(written);
  }

  /** Creates the namespace and watches its config maps from now on. */
  private static BufferedReader watchNewNamespace(RestClient api, String namespace) {
    api.post("/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + namespace + "\"}}");
    String path = "/api/v1/namespaces/" + namespace + "/configmaps";
    String start = api.get(path).body().at("/metadata/resourceVersion").asString();
    return api.watch(path + "?watch=true&resourceVersion=" + start + "&timeoutSeconds=60");
  }

  private static long createConfigMap(RestClient api, String path, String name) {
    return version(succeeded(api.post(path,
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\"}}")));
  }

  private static JsonNode succeeded(RestClient.Reply reply) {
    assertThat(reply.code()).as(reply.body().toString()).isBetween(200, 201);
    return reply.body();
  }

  private static long version(JsonNode object) {
    return Long.parseLong(object.at("/metadata/resourceVersion").asString());
  }
}
