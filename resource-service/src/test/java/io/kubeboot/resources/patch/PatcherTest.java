package io.kubeboot.resources.patch;

import static io.kubeboot.resources.patch.Fixtures.object;
import static io.kubeboot.resources.patch.Fixtures.patch;
import static io.kubeboot.resources.patch.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kubeboot.common.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** What holds for every patch type, and what JSON merge patch and strategic merge patch share. */
class PatcherTest {

  static Stream<Arguments> malformedBodies() {
    return Arrays.stream(PatchType.values()).flatMap(type -> Stream.of(
        "", "{", "not json", "{\"spec\":{}} trailing", "[{\"op\":\"add\",").map(body -> Arguments.of(type, body)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("malformedBodies")
  void malformedPatchIsBadRequest(PatchType type, String body) {
    ApiException error = catchThrowableOfType(ApiException.class, () -> patch(type, Fixtures.POD, body));

    assertThat(error.code()).isEqualTo(400);
    assertThat(error.reason()).isEqualTo("BadRequest");
    assertThat(error.getMessage()).startsWith("error decoding patch: ");
  }

  @ParameterizedTest
  @EnumSource(value = PatchType.class, names = {"MERGE", "STRATEGIC"})
  void mergePatchThatIsNotAnObjectIsBadRequest(PatchType type) {
    for (String body : new String[] {"[]", "null", "\"spec\"", "42"}) {
      ApiException error = catchThrowableOfType(ApiException.class, () -> patch(type, Fixtures.POD, body));
      assertThat(error.code()).as(body).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(PatchType.class)
  void currentObjectIsNeverChanged(PatchType type) {
    var current = object(Fixtures.DEPLOYMENT);
    String body = type == PatchType.JSON
        ? "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"nginx\"}]"
        : "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"kubernetes-bootcamp\","
            + "\"image\":\"nginx\"}]}}}}";

    var result = new Patcher().apply(type, current, body.getBytes(StandardCharsets.UTF_8), Fixtures.kindOf(current));

    assertThat(result.at("/spec/template/spec/containers/0/image").asString()).isEqualTo("nginx");
    assertThat(current).isEqualTo(object(Fixtures.DEPLOYMENT));
  }

  @ParameterizedTest
  @EnumSource(value = PatchType.class, names = {"MERGE", "STRATEGIC"})
  void nullDeletesALabel(PatchType type) {
    var result = patch(type, Fixtures.POD, """
        {"metadata":{"labels":{"tier":null,"not-there":null}}}""");

    assertThat(result.at("/metadata/labels")).isEqualTo(tree("""
        {"app":"nginx"}"""));
  }

  @ParameterizedTest
  @EnumSource(value = PatchType.class, names = {"MERGE", "STRATEGIC"})
  void rolloutRestartAddsTemplateAnnotationAndKeepsTheRest(PatchType type) {
    var result = patch(type, Fixtures.DEPLOYMENT, """
        {"spec":{"template":{"metadata":{"annotations":
          {"kubectl.kubernetes.io/restartedAt":"2025-06-01T10:00:00Z"}}}}}""");

    var expected = object(Fixtures.DEPLOYMENT);
    ((ObjectNode) expected.at("/spec/template/metadata"))
        .set("annotations", tree("{\"kubectl.kubernetes.io/restartedAt\":\"2025-06-01T10:00:00Z\"}"));
    assertThat(result).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(value = PatchType.class, names = {"MERGE", "STRATEGIC"})
  void rolloutPauseAndResumeSetPaused(PatchType type) {
    var paused = patch(type, Fixtures.DEPLOYMENT, "{\"spec\":{\"paused\":true}}");
    var resumed = patch(type, paused.toString(), "{\"spec\":{\"paused\":false}}");

    assertThat(paused.at("/spec/paused").asBoolean()).isTrue();
    assertThat(resumed.at("/spec/paused").asBoolean()).isFalse();
    assertThat(resumed.at("/spec/template")).isEqualTo(object(Fixtures.DEPLOYMENT).at("/spec/template"));
  }
}
