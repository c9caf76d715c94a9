package io.kubeboot.resources.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.AnotherReplica;
import io.kubeboot.resources.support.ApiTest;
import io.kubeboot.resources.support.RestClient;
import java.io.BufferedReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A watch with a label selector sees objects enter and leave its selection as upstream's watch
 * cache shows them: ADDED when a change makes an object match, DELETED (its last matching state at
 * the change's resourceVersion) when a change makes it stop matching, and nothing for changes of
 * objects that match neither before nor after.
 */
class WatchSelectorTransitionTest extends ApiTest {

  private static final String PATH = "/api/v1/namespaces/default/configmaps";

  @Autowired
  private AnotherReplica anotherReplica;

  @Test
  void relabellingIntoAndOutOfTheSelectorIsAddedAndDeleted() throws Exception {
    String start = api.get(PATH).body().at("/metadata/resourceVersion").asString();
    BufferedReader watch = api.watch(PATH + "?watch=true&labelSelector=app%3Dselected&resourceVersion=" + start
        + "&timeoutSeconds=60");

    api.post(PATH, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"moving\","
        + "\"labels\":{\"app\":\"other\"}},\"data\":{\"step\":\"created outside\"}}");
    api.patch(PATH + "/moving", "application/merge-patch+json", "{\"data\":{\"step\":\"changed outside\"}}");
    String entered = relabel("selected");
    JsonNode added = next(watch);
    assertThat(added.path("type").asString()).isEqualTo("ADDED");
    assertThat(added.at("/object/metadata/resourceVersion").asString()).isEqualTo(entered);
    assertThat(added.at("/object/data/step").asString()).isEqualTo("changed outside");

    String changed = version(api.patch(PATH + "/moving", "application/merge-patch+json",
        "{\"data\":{\"step\":\"changed inside\"}}"));
    JsonNode modified = next(watch);
    assertThat(modified.path("type").asString()).isEqualTo("MODIFIED");
    assertThat(modified.at("/object/metadata/resourceVersion").asString()).isEqualTo(changed);

    String left = relabel("other");
    JsonNode deleted = next(watch);
    assertThat(deleted.path("type").asString()).isEqualTo("DELETED");
    assertThat(deleted.at("/object/metadata/resourceVersion").asString()).isEqualTo(left);
    assertThat(deleted.at("/object/metadata/labels/app").asString())
        .as("as upstream, the object as it was when it last matched").isEqualTo("selected");

    api.patch(PATH + "/moving", "application/merge-patch+json", "{\"data\":{\"step\":\"outside again\"}}");
    api.delete(PATH + "/moving", null);
    api.post(PATH, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"marker\","
        + "\"labels\":{\"app\":\"selected\"}}}");
    JsonNode afterwards = next(watch);
    assertThat(afterwards.path("type").asString())
        .as("changes and the deletion of an object outside the selection are not sent").isEqualTo("ADDED");
    assertThat(afterwards.at("/object/metadata/name").asString()).isEqualTo("marker");
    watch.close();
  }

  @Test
  void leavingTheSelectorAfterAnotherReplicasWriteShowsThatWrite() throws Exception {
    api.post(PATH, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"shared\","
        + "\"labels\":{\"app\":\"shared\"}},\"data\":{\"step\":\"written here\"}}");
    String start = api.get(PATH).body().at("/metadata/resourceVersion").asString();
    BufferedReader watch = api.watch(PATH + "?watch=true&labelSelector=app%3Dshared&resourceVersion=" + start
        + "&timeoutSeconds=60");
    anotherReplica.set("configmaps", "default", "shared", "{data,step}", "\"written elsewhere\"");

    api.patch(PATH + "/shared", "application/merge-patch+json", "{\"metadata\":{\"labels\":{\"app\":\"gone\"}}}");

    JsonNode deleted = next(watch);
    assertThat(deleted.path("type").asString()).isEqualTo("DELETED");
    assertThat(deleted.at("/object/data/step").asString()).as("its stored state before the change")
        .isEqualTo("written elsewhere");
    watch.close();
  }

  @Test
  void deletingAMatchingObjectIsDeleted() throws Exception {
    api.post(PATH, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"doomed\","
        + "\"labels\":{\"app\":\"doomed\"}}}");
    String start = api.get(PATH).body().at("/metadata/resourceVersion").asString();
    BufferedReader watch = api.watch(PATH + "?watch=true&labelSelector=app%3Ddoomed&resourceVersion=" + start
        + "&timeoutSeconds=60");
    api.delete(PATH + "/doomed", null);
    JsonNode deleted = next(watch);
    assertThat(deleted.path("type").asString()).isEqualTo("DELETED");
    assertThat(deleted.at("/object/metadata/name").asString()).isEqualTo("doomed");
    watch.close();
  }

  private String relabel(String app) {
    return version(api.patch(PATH + "/moving", "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"app\":\"" + app + "\"}}}"));
  }

  private static String version(RestClient.Reply reply) {
    assertThat(reply.code()).as(reply.body().toString()).isEqualTo(200);
    return reply.body().at("/metadata/resourceVersion").asString();
  }

  private static JsonNode next(BufferedReader watch) throws Exception {
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return watch.readLine();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(line).as("the watch ended").isNotNull();
    return RestClient.JSON.readTree(line);
  }
}
