package io.kubeboot.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.resources.support.ApiTest;
import io.kubeboot.resources.support.RestClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * A namespace goes away as upstream's: deletion marks it Terminating, the {@code kubernetes}
 * finalizer holds it until the namespace controller empties it and takes the finalizer off
 * through {@code /finalize}, the only way to change {@code spec.finalizers}.
 */
class NamespaceFinalizeTest extends ApiTest {

  @Test
  void deletedNamespaceStaysTerminatingUntilFinalized() {
    api.post("/api/v1/namespaces", """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"doomed"}}""");

    Reply deleted = api.delete("/api/v1/namespaces/doomed", null);
    Reply terminating = api.get("/api/v1/namespaces/doomed");
    Reply createInside = api.post("/api/v1/namespaces/doomed/configmaps", """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"late"}}""");

    assertThat(deleted.code()).isEqualTo(200);
    assertThat(terminating.body().at("/status/phase").asString()).isEqualTo("Terminating");
    assertThat(terminating.body().at("/spec/finalizers/0").asString()).isEqualTo("kubernetes");
    assertThat(createInside.code()).isEqualTo(403);

    Reply finalized = api.put("/api/v1/namespaces/doomed/finalize", """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"doomed"},"spec":{"finalizers":[]}}""");

    assertThat(finalized.code()).isEqualTo(200);
    assertThat(api.get("/api/v1/namespaces/doomed").code()).isEqualTo(404);
  }

  @Test
  void onlyFinalizeChangesFinalizersAndItKeepsTheStatus() {
    api.post("/api/v1/namespaces", """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"kept"}}""");

    Reply update = api.put("/api/v1/namespaces/kept", """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"kept"},"spec":{"finalizers":[]}}""");
    assertThat(update.body().at("/spec/finalizers/0").asString()).isEqualTo("kubernetes");

    Reply finalize = api.put("/api/v1/namespaces/kept/finalize", """
        {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"kept"},"spec":{"finalizers":["example.com/hold"]},
         "status":{"phase":"Terminating"}}""");
    assertThat(finalize.code()).isEqualTo(200);
    assertThat(finalize.body().at("/spec/finalizers/0").asString()).isEqualTo("example.com/hold");
    assertThat(finalize.body().at("/status/phase").asString()).isEqualTo("Active");
  }
}
