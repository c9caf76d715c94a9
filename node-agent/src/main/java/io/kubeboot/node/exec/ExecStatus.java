package io.kubeboot.node.exec;

import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import java.util.List;

/**
 * How an exec ended, as the {@code Status} sent on the error channel before the connection
 * closes. kubectl exits 0 on {@code Success}, with the code of a {@code NonZeroExitCode} cause,
 * and prints the message of any other failure.
 */
final class ExecStatus {

  private ExecStatus() {
  }

  static Status success() {
    return new StatusBuilder().withMetadata(new ListMeta()).withStatus("Success").build();
  }

  /** The process exited with {@code exitCode} (not 0). */
  static Status exitCode(List<String> command, int exitCode) {
    return new StatusBuilder().withMetadata(new ListMeta()).withStatus("Failure")
        .withMessage("command terminated with non-zero exit code: error executing command [" + String.join(" ", command) + "]"
            + ", exit code " + exitCode)
        .withReason("NonZeroExitCode")
        .withNewDetails().withCauses(new StatusCauseBuilder().withReason("ExitCode").withMessage(String.valueOf(exitCode)).build()).endDetails()
        .build();
  }

  /** The exec could not run or its outcome is unknown. */
  static Status internalError(String message) {
    return new StatusBuilder().withMetadata(new ListMeta()).withStatus("Failure")
        .withMessage("Internal error occurred: " + message).withReason("InternalError").withCode(500)
        .withNewDetails().withCauses(new StatusCauseBuilder().withMessage(message).build()).endDetails()
        .build();
  }
}
