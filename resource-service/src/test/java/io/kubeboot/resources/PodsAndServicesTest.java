package io.kubeboot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.AnotherReplica;
import io.kubeboot.resources.support.ApiTest;
import io.kubeboot.resources.support.RestClient;
import io.kubeboot.resources.support.RestClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pod and service behaviours the API server owns: binding, graceful deletion, allocation. */
class PodsAndServicesTest extends ApiTest {

  private static final String PODS = "/api/v1/namespaces/default/pods";
  private static final String SERVICES = "/api/v1/namespaces/default/services";

  @Autowired
  private AnotherReplica anotherReplica;

  @Test
  void podIsDefaultedAndBoundOnce() {
    Reply created = api.post(PODS, pod("bind-me"));
    Reply bound = api.post(PODS + "/bind-me/binding",
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"bind-me\"},\"target\":{\"kind\":\"Node\",\"name\":\"node-1\"}}");
    Reply again = api.post(PODS + "/bind-me/binding",
        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"bind-me\"},\"target\":{\"kind\":\"Node\",\"name\":\"node-2\"}}");

    assertThat(created.body().at("/spec/restartPolicy").asString()).isEqualTo("Always");
    assertThat(created.body().at("/spec/containers/0/imagePullPolicy").asString()).isEqualTo("IfNotPresent");
    assertThat(created.body().at("/status/phase").asString()).isEqualTo("Pending");
    assertThat(bound.code()).isEqualTo(201);
    assertThat(again.code()).isEqualTo(409);
    Reply pod = api.get(PODS + "/bind-me");
    assertThat(pod.body().at("/spec/nodeName").asString()).isEqualTo("node-1");
    assertThat(pod.body().at("/status/conditions/0/type").asString()).isEqualTo("PodScheduled");
  }

  /*
   * A binding starts from this replica's own last write of the pod. The next two tests change the
   * pod behind its back, as another replica would, and check that the binding sees the change.
   */

  @Test
  void bindingKeepsWhatAnotherReplicaWroteSinceThisOneCreatedThePod() {
    api.post(PODS, pod("relabelled"));
    anotherReplica.set("pods", "default", "relabelled", "{metadata,labels}", "{\"set-by\":\"another-replica\"}");

    Reply bound = api.post(PODS + "/relabelled/binding", "{\"target\":{\"kind\":\"Node\",\"name\":\"node-1\"}}");

    assertThat(bound.code()).isEqualTo(201);
    Reply pod = api.get(PODS + "/relabelled");
    assertThat(pod.body().at("/spec/nodeName").asString()).isEqualTo("node-1");
    assertThat(pod.body().at("/metadata/labels/set-by").asString()).isEqualTo("another-replica");
  }

  @Test
  void bindingAPodAnotherReplicaBoundMeanwhileIsAConflict() {
    api.post(PODS, pod("bound-elsewhere"));
    anotherReplica.set("pods", "default", "bound-elsewhere", "{spec,nodeName}", "\"node-2\"");

    Reply bound = api.post(PODS + "/bound-elsewhere/binding",
        "{\"target\":{\"kind\":\"Node\",\"name\":\"node-1\"}}");

    assertThat(bound.code()).isEqualTo(409);
    assertThat(bound.body().path("message").asString()).contains("already assigned to node \"node-2\"");
    assertThat(api.get(PODS + "/bound-elsewhere").body().at("/spec/nodeName").asString()).isEqualTo("node-2");
  }

  @Test
  void boundPodIsDeletedGracefullyUnboundPodAtOnce() {
    api.post(PODS, pod("graceful"));
    api.post(PODS + "/graceful/binding", "{\"target\":{\"kind\":\"Node\",\"name\":\"node-1\"}}");
    api.post(PODS, pod("pending"));

    Reply graceful = api.delete(PODS + "/graceful", "{\"propagationPolicy\":\"Background\"}");
    Reply pending = api.delete(PODS + "/pending", "{\"propagationPolicy\":\"Background\"}");

    assertThat(graceful.code()).isEqualTo(200);
    assertThat(graceful.body().at("/metadata/deletionTimestamp").isMissingNode()).isFalse();
    assertThat(graceful.body().at("/metadata/deletionGracePeriodSeconds").asLong()).isEqualTo(30);
    assertThat(api.get(PODS + "/graceful").code()).as("still there until the node finishes").isEqualTo(200);
    assertThat(pending.code()).isEqualTo(200);
    assertThat(api.get(PODS + "/pending").code()).isEqualTo(404);

    Reply finished = api.delete(PODS + "/graceful", "{\"gracePeriodSeconds\":0}");
    assertThat(finished.code()).isEqualTo(200);
    assertThat(api.get(PODS + "/graceful").code()).isEqualTo(404);
  }

  @Test
  void finalizersHoldDeletionUntilRemoved() {
    api.post("/api/v1/namespaces/default/configmaps", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"held","finalizers":["example.com/hold"]}}""");

    Reply marked = api.delete("/api/v1/namespaces/default/configmaps/held", null);
    assertThat(marked.body().at("/metadata/deletionTimestamp").isMissingNode()).isFalse();
    assertThat(api.get("/api/v1/namespaces/default/configmaps/held").code()).isEqualTo(200);

    Reply released = api.patch("/api/v1/namespaces/default/configmaps/held", "application/merge-patch+json",
        "{\"metadata\":{\"finalizers\":null}}");
    assertThat(released.code()).isEqualTo(200);
    assertThat(api.get("/api/v1/namespaces/default/configmaps/held").code()).isEqualTo(404);
  }

  @Test
  void nodePortServiceGetsClusterIpAndNodePortAndReleasesThem() {
    Reply first = api.post(SERVICES, service("web", "NodePort", 0));
    int nodePort = first.body().at("/spec/ports/0/nodePort").asInt();
    Reply clash = api.post(SERVICES, service("web-two", "NodePort", nodePort));

    assertThat(first.code()).isEqualTo(201);
    assertThat(first.body().at("/spec/clusterIP").asString()).startsWith("10.");
    assertThat(nodePort).isBetween(30000, 32767);
    assertThat(first.body().at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    assertThat(clash.code()).isEqualTo(422);
    assertThat(clash.body().path("message").asString()).contains("provided port is already allocated");
    assertThat(api.get(SERVICES + "/web-two").code()).isEqualTo(404);

    api.delete(SERVICES + "/web", null);
    Reply reused = api.post(SERVICES, service("web-three", "NodePort", nodePort));
    assertThat(reused.code()).isEqualTo(201);
    assertThat(reused.body().at("/spec/ports/0/nodePort").asInt()).isEqualTo(nodePort);
  }

  static String pod(String name) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%1$s","labels":{"app":"%1$s"}},
         "spec":{"containers":[{"name":"main","image":"kubeboot/busybox:1.0"}]}}""".formatted(name);
  }

  static String service(String name, String type, int nodePort) {
    String port = nodePort == 0 ? "{\"port\":8080,\"protocol\":\"TCP\",\"targetPort\":8080}"
        : "{\"port\":8080,\"protocol\":\"TCP\",\"targetPort\":8080,\"nodePort\":" + nodePort + "}";
    return """
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"%s","labels":{"app":"web"}},
         "spec":{"ports":[%s],"selector":{"app":"web"},"type":"%s"},"status":{"loadBalancer":{}}}"""
        .formatted(name, port, type);
  }
}
