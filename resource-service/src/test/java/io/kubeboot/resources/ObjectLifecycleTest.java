package io.kubeboot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.store.EventLog;
import io.kubeboot.resources.store.StoredEvent;
import io.kubeboot.resources.support.ApiTest;
import io.kubeboot.resources.support.RestClient;
import io.kubeboot.resources.support.RestClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Create, read, update, patch and delete through the REST paths, with upstream's semantics. */
class ObjectLifecycleTest extends ApiTest {

  @Autowired
  EventLog eventLog;

  private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/default/deployments";

  @Test
  void defaultNamespacesExistAtStart() {
    Reply namespaces = api.get("/api/v1/namespaces");
    assertThat(namespaces.body().path("items").findValuesAsString("name"))
        .contains("default", "kube-system", "kube-public", "kube-node-lease");
  }

  @Test
  void createSetsServerFieldsAndGenerateName() {
    Reply created = api.post(CONFIGMAPS, """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"cfg-"},"data":{"a":"1"}}""");

    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().at("/metadata/name").asString()).matches("cfg-[a-z0-9]{5}");
    assertThat(created.body().at("/metadata/uid").asString()).hasSize(36);
    assertThat(created.body().at("/metadata/creationTimestamp").asString()).endsWith("Z");
    assertThat(created.body().at("/metadata/namespace").asString()).isEqualTo("default");
    assertThat(Long.parseLong(created.body().at("/metadata/resourceVersion").asString())).isPositive();
  }

  @Test
  void resourceVersionsIncreaseAndStaleUpdatesConflict() {
    Reply created = api.post(CONFIGMAPS, """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"rv-check"},"data":{"a":"1"}}""");
    String firstVersion = created.body().at("/metadata/resourceVersion").asString();

    Reply updated = api.put(CONFIGMAPS + "/rv-check", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"rv-check","resourceVersion":"%s"},"data":{"a":"2"}}"""
        .formatted(firstVersion));
    Reply stale = api.put(CONFIGMAPS + "/rv-check", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"rv-check","resourceVersion":"%s"},"data":{"a":"3"}}"""
        .formatted(firstVersion));

    assertThat(updated.code()).isEqualTo(200);
    assertThat(Long.parseLong(updated.body().at("/metadata/resourceVersion").asString()))
        .isGreaterThan(Long.parseLong(firstVersion));
    assertThat(stale.code()).isEqualTo(409);
    assertThat(stale.reason()).isEqualTo("Conflict");
    assertThat(api.get(CONFIGMAPS + "/rv-check").body().at("/data/a").asString()).isEqualTo("2");
  }

  @Test
  void concurrentPatchesOfOneObjectAreAllApplied() throws Exception {
    api.post(CONFIGMAPS, """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"contended"}}""");
    long before = revision();
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String key = "k" + i;
      replies.add(writers.submit(() -> api.patch(CONFIGMAPS + "/contended", "application/merge-patch+json",
          "{\"data\":{\"" + key + "\":\"v\"}}")));
    }
    for (Future<Reply> reply : replies) {
      assertThat(reply.get().code()).isEqualTo(200);
    }
    writers.shutdown();

    // no patch overwrote another's (each was applied to the state before it), and each wrote once
    assertThat(api.get(CONFIGMAPS + "/contended").body().path("data").size()).isEqualTo(40);
    List<StoredEvent> changes = eventLog.after(before, 1000).stream().filter(e -> e.name().equals("contended"))
        .toList();
    assertThat(changes).hasSize(40).allMatch(e -> e.type().equals("MODIFIED"));
  }

  @Test
  void createInAMissingNamespaceIsNotFoundAndInATerminatingOneForbidden() {
    api.post("/api/v1/namespaces", """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"closing"}}""");
    api.delete("/api/v1/namespaces/closing", null);
    long before = revision();

    Reply missing = api.post("/api/v1/namespaces/absent/configmaps", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""");
    Reply terminating = api.post("/api/v1/namespaces/closing/configmaps", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""");

    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.body().path("message").asString()).isEqualTo("namespaces \"absent\" not found");
    assertThat(terminating.code()).isEqualTo(403);
    assertThat(terminating.body().path("message").asString()).contains("because it is being terminated");
    assertThat(revision()).isEqualTo(before);
  }

  @Test
  void duplicateNameIsAlreadyExists() {
    String body = """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"twice"}}""";
    api.post(CONFIGMAPS, body);
    Reply again = api.post(CONFIGMAPS, body);

    assertThat(again.code()).isEqualTo(409);
    assertThat(again.reason()).isEqualTo("AlreadyExists");
    assertThat(again.body().path("message").asString()).isEqualTo("configmaps \"twice\" already exists");
  }

  @Test
  void badInputIsRejectedAndNothingIsWritten() {
    long before = revision();

    Reply malformed = api.post(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":");
    Reply badName = api.post(CONFIGMAPS, """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Not_Valid"}}""");
    Reply wrongType = api.post(DEPLOYMENTS, """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"typed"},"spec":{"replicas":"many"}}""");
    Reply noNamespace = api.post("/api/v1/namespaces/nowhere/configmaps", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"lost"}}""");
    Reply unknownResource = api.get("/api/v1/namespaces/default/widgets");

    assertThat(malformed.code()).isEqualTo(400);
    assertThat(badName.code()).isEqualTo(422);
    assertThat(badName.reason()).isEqualTo("Invalid");
    assertThat(badName.body().at("/details/causes/0/field").asString()).isEqualTo("metadata.name");
    assertThat(wrongType.code()).isEqualTo(400);
    assertThat(noNamespace.code()).isEqualTo(404);
    assertThat(unknownResource.code()).isEqualTo(404);
    assertThat(revision()).isEqualTo(before);
  }

  @Test
  void generationMovesWithSpecOnlyAndStatusSubresourceChangesOnlyStatus() {
    api.post(DEPLOYMENTS, deployment("gen", "kubeboot/busybox:1"));
    Reply labelled = api.patch(DEPLOYMENTS + "/gen", "application/merge-patch+json",
        "{\"metadata\":{\"labels\":{\"tier\":\"web\"}}}");
    Reply retagged = api.patch(DEPLOYMENTS + "/gen", "application/strategic-merge-patch+json", """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"gen"}],
         "containers":[{"name":"gen","image":"kubeboot/busybox:2"}]}}}}""");
    Reply status = api.put(DEPLOYMENTS + "/gen/status", withStatusAndSpecChange(retagged.body()));

    assertThat(labelled.body().at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(retagged.body().at("/metadata/generation").asLong()).isEqualTo(2);
    assertThat(retagged.body().at("/spec/template/spec/containers/0/image").asString()).isEqualTo("kubeboot/busybox:2");
    assertThat(status.code()).isEqualTo(200);
    assertThat(status.body().at("/status/replicas").asInt()).isEqualTo(7);
    assertThat(status.body().at("/spec/replicas").asInt()).as("spec ignored on /status").isEqualTo(1);
    assertThat(status.body().at("/metadata/generation").asLong()).isEqualTo(2);
  }

  @Test
  void scaleSubresourceReadsAndWritesReplicas() {
    api.post(DEPLOYMENTS, deployment("scaled", "kubeboot/busybox:1"));

    Reply scale = api.patch(DEPLOYMENTS + "/scaled/scale", "application/merge-patch+json", "{\"spec\":{\"replicas\":4}}");

    assertThat(scale.code()).isEqualTo(200);
    assertThat(scale.body().path("kind").asString()).isEqualTo("Scale");
    assertThat(scale.body().path("apiVersion").asString()).isEqualTo("autoscaling/v1");
    assertThat(scale.body().at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(scale.body().at("/status/selector").asString()).isEqualTo("app=scaled");
    Reply deployment = api.get(DEPLOYMENTS + "/scaled");
    assertThat(deployment.body().at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(deployment.body().at("/metadata/generation").asLong()).isEqualTo(2);
  }

  @Test
  void listFiltersBySelectorsAndPages() {
    for (int i = 0; i < 5; i++) {
      api.post(CONFIGMAPS, """
          {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"page-%d","labels":{"set":"paging","n":"%d"}}}"""
          .formatted(i, i));
    }
    Reply equal = api.get(CONFIGMAPS + "?labelSelector=set%3Dpaging,n%3D3");
    Reply in = api.get(CONFIGMAPS + "?labelSelector=set%3Dpaging,n%20in%20(1,2)");
    Reply byName = api.get(CONFIGMAPS + "?fieldSelector=metadata.name%3Dpage-4");
    Reply first = api.get(CONFIGMAPS + "?labelSelector=set%3Dpaging&limit=2");
    Reply second = api.get(CONFIGMAPS + "?labelSelector=set%3Dpaging&limit=2&continue="
        + first.body().at("/metadata/continue").asString());

    assertThat(equal.body().path("items").findValuesAsString("name")).containsExactly("page-3");
    assertThat(in.body().path("items").findValuesAsString("name")).containsExactly("page-1", "page-2");
    assertThat(byName.body().path("items").findValuesAsString("name")).containsExactly("page-4");
    assertThat(first.body().path("items").findValuesAsString("name")).containsExactly("page-0", "page-1");
    assertThat(second.body().path("items").findValuesAsString("name")).containsExactly("page-2", "page-3");
    assertThat(second.body().at("/metadata/resourceVersion").asString())
        .isEqualTo(first.body().at("/metadata/resourceVersion").asString());
    assertThat(first.body().path("kind").asString()).isEqualTo("ConfigMapList");
  }

  @Test
  void deleteCollectionHonoursTheSelector() {
    api.post(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dc-a\",\"labels\":{\"dc\":\"x\"}}}");
    api.post(CONFIGMAPS, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"dc-b\",\"labels\":{\"dc\":\"y\"}}}");

    Reply deleted = api.delete(CONFIGMAPS + "?labelSelector=dc%3Dx", null);

    assertThat(deleted.body().path("items").findValuesAsString("name")).containsExactly("dc-a");
    assertThat(api.get(CONFIGMAPS + "/dc-a").code()).isEqualTo(404);
    assertThat(api.get(CONFIGMAPS + "/dc-b").code()).isEqualTo(200);
  }

  private long revision() {
    return Long.parseLong(api.get("/api/v1/namespaces").body().at("/metadata/resourceVersion").asString());
  }

  private static String withStatusAndSpecChange(tools.jackson.databind.JsonNode deployment) {
    tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) deployment.deepCopy();
    copy.withObject("/status").put("replicas", 7);
    copy.withObject("/spec").put("replicas", 9);
    return copy.toString();
  }

  static String deployment(String name, String image) {
    return """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1$s","labels":{"app":"%1$s"}},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"%1$s"}},
          "template":{"metadata":{"labels":{"app":"%1$s"}},
           "spec":{"containers":[{"name":"%1$s","image":"%2$s","ports":[{"containerPort":80}]}]}}}}"""
        .formatted(name, image);
  }
}
