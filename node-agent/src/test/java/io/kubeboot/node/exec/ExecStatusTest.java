package io.kubeboot.node.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The error-channel Status as kubectl reads it: {@code Success}, or the exit code in a cause. */
class ExecStatusTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void successIsJustTheStatus() {
    JsonNode status = render(ExecStatus.success());

    assertThat(status.path("status").asString()).isEqualTo("Success");
    assertThat(status.has("reason")).isFalse();
    assertThat(status.has("details")).isFalse();
  }

  @Test
  void aNonZeroExitCodeIsACauseOfReasonExitCode() {
    JsonNode status = render(ExecStatus.exitCode(List.of("sh", "-c", "exit 3"), 3));

    assertThat(status.path("status").asString()).isEqualTo("Failure");
    assertThat(status.path("reason").asString()).isEqualTo("NonZeroExitCode");
    assertThat(status.path("message").asString())
        .isEqualTo("command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3");
    JsonNode causes = status.path("details").path("causes");
    assertThat(causes.size()).isEqualTo(1);
    assertThat(causes.path(0).path("reason").asString()).isEqualTo("ExitCode");
    assertThat(causes.path(0).path("message").asString()).isEqualTo("3");
  }

  @Test
  void anotherFailureIsAnInternalError() {
    JsonNode status = render(ExecStatus.internalError("exit code unknown"));

    assertThat(status.path("status").asString()).isEqualTo("Failure");
    assertThat(status.path("reason").asString()).isEqualTo("InternalError");
    assertThat(status.path("code").asInt()).isEqualTo(500);
    assertThat(status.path("message").asString()).isEqualTo("Internal error occurred: exit code unknown");
  }

  private JsonNode render(Object status) {
    return json.readTree(json.writeValueAsBytes(status));
  }
}
