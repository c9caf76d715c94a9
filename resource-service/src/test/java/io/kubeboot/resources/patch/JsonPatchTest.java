package io.kubeboot.resources.patch;

import static io.kubeboot.resources.patch.Fixtures.object;
import static io.kubeboot.resources.patch.Fixtures.patch;
import static io.kubeboot.resources.patch.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubeboot.common.api.ApiException;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPatchTest {

  /** The replica set's template, as kubectl rollout undo sends it back (no pod-template-hash). */
  private static final String PREVIOUS_TEMPLATE = """
      {"metadata":{"labels":{"app":"kubernetes-bootcamp"}},
       "spec":{"containers":[{"name":"kubernetes-bootcamp","image":"jocatalin/kubernetes-bootcamp:v2",
         "ports":[{"containerPort":8080,"protocol":"TCP"}]}],"restartPolicy":"Always"}}""";

  @Test
  void jsonPatchReplaceTemplateForRolloutUndo() {
    var result = patch(PatchType.JSON, Fixtures.DEPLOYMENT, """
        [{"op":"replace","path":"/spec/template","value":%s},
         {"op":"replace","path":"/metadata/annotations","value":{"deployment.kubernetes.io/revision":"2"}}]"""
        .formatted(PREVIOUS_TEMPLATE));

    assertThat(result.at("/spec/template")).isEqualTo(tree(PREVIOUS_TEMPLATE));
    assertThat(result.at("/metadata/annotations")).isEqualTo(tree("{\"deployment.kubernetes.io/revision\":\"2\"}"));
    assertThat(result.at("/spec/replicas")).isEqualTo(object(Fixtures.DEPLOYMENT).at("/spec/replicas"));
  }

  @Test
  void allOperationsApplyInOrder() {
    var result = patch(PatchType.JSON, Fixtures.POD, """
        [{"op":"test","path":"/spec/containers/0/name","value":"nginx"},
         {"op":"add","path":"/metadata/labels/version","value":"v2"},
         {"op":"remove","path":"/metadata/labels/tier"},
         {"op":"copy","from":"/metadata/labels/app","path":"/metadata/labels/component"},
         {"op":"move","from":"/spec/nodeName","path":"/metadata/annotations/scheduled-on"},
         {"op":"add","path":"/spec/containers/0/ports/-","value":{"containerPort":8443}}]""");

    assertThat(result.at("/metadata/labels")).isEqualTo(tree("""
        {"app":"nginx","version":"v2","component":"nginx"}"""));
    assertThat(result.at("/metadata/annotations/scheduled-on").asString()).isEqualTo("node-1");
    assertThat(result.at("/spec/nodeName").isMissingNode()).isTrue();
    assertThat(result.at("/spec/containers/0/ports/2/containerPort").asInt()).isEqualTo(8443);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      failed test                  | [{"op":"test","path":"/spec/replicas","value":3}]
      replace of a missing path    | [{"op":"replace","path":"/spec/paused","value":true}]
      remove of a missing path     | [{"op":"remove","path":"/metadata/labels/missing"}]
      index out of range           | [{"op":"replace","path":"/spec/template/spec/containers/5/image","value":"x"}]
      unknown operation            | [{"op":"frobnicate","path":"/spec"}]
      operation without a path     | [{"op":"add","value":1}]
      root replaced by a non-object | [{"op":"replace","path":"","value":[1,2]}]
      """)
  void operationThatDoesNotApplyIsUnprocessableLikeUpstream(String why, String operations) {
    ApiException error = catchThrowableOfType(ApiException.class,
        () -> patch(PatchType.JSON, Fixtures.DEPLOYMENT, operations));

    assertThat(error.code()).isEqualTo(422);
    assertThat(error.reason()).isEqualTo("Invalid");
    assertThat(error.getMessage()).startsWith("the server rejected our request due to an error in our request");
  }

  @Test
  void rolloutUndoOfADeploymentWithoutAnnotationsIsUnprocessable() {
    var withoutAnnotations = object(Fixtures.DEPLOYMENT);
    ((tools.jackson.databind.node.ObjectNode) withoutAnnotations.get("metadata")).remove("annotations");

    ApiException error = catchThrowableOfType(ApiException.class, () -> patch(PatchType.JSON,
        withoutAnnotations.toString(), """
            [{"op":"replace","path":"/metadata/annotations","value":{"deployment.kubernetes.io/revision":"2"}}]"""));

    assertThat(error.code()).isEqualTo(422);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"op\":\"add\",\"path\":\"/a\",\"value\":1}", "[\"add\"]", "[[]]", "\"replace\""})
  void patchThatIsNotAListOfOperationObjectsIsBadRequest(String body) {
    ApiException error = catchThrowableOfType(ApiException.class, () -> patch(PatchType.JSON, Fixtures.POD, body));

    assertThat(error.code()).isEqualTo(400);
  }

  @Test
  void moreOperationsThanUpstreamAllowsIsTooLarge() {
    String test = "{\"op\":\"test\",\"path\":\"/kind\",\"value\":\"Pod\"}";
    String body = "[" + String.join(",", Collections.nCopies(JsonPatch.MAX_OPERATIONS + 1, test)) + "]";

    ApiException error = catchThrowableOfType(ApiException.class, () -> patch(PatchType.JSON, Fixtures.POD, body));

    assertThat(error.code()).isEqualTo(413);
    assertThat(error.getMessage()).isEqualTo("The allowed maximum operations in a JSON patch is 10000, got 10001");
  }
}
