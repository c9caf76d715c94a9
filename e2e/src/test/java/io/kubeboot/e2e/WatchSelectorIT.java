package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kubectl get pods -l app=selected -w} as upstream shows it: a pod relabelled into the
 * selector arrives as ADDED, one relabelled out of it leaves as DELETED.
 */
class WatchSelectorIT {

  static final String NAMESPACE = "watch-selector";
  static ControlPlane cluster;
  static Kubectl kubectl;

  @BeforeAll
  static void start() {
    cluster = ControlPlane.get();
    kubectl = Kubectl.version("1.33", cluster);
    assertThat(kubectl.run("create", "namespace", NAMESPACE).exitCode()).isZero();
  }

  @Test
  void aPodRelabelledIntoAndOutOfTheSelectorIsAddedThenDeleted() throws Exception {
    run("moving", "other");
    run("marker", "selected");
    Process watch = kubectl.start("get", "pods", "-l", "app=selected", "-w", "--output-watch-events", "-n", NAMESPACE);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(watch.getInputStream(),
        StandardCharsets.UTF_8))) {
      // the marker's line means kubectl has listed: the relabelling below comes after its list
      assertThat(nextEventOf(lines).get(60, TimeUnit.SECONDS)).startsWith("ADDED").contains("marker");
      CompletableFuture<String> added = nextEventOf(lines);
      relabel("selected");
      assertThat(added.get(60, TimeUnit.SECONDS)).startsWith("ADDED").contains("moving");

      CompletableFuture<String> deleted = nextEventOf(lines);
      relabel("other");
      assertThat(deleted.get(60, TimeUnit.SECONDS)).startsWith("DELETED").contains("moving");
    } finally {
      watch.destroyForcibly();
    }
  }

  private static void run(String pod, String app) {
    Kubectl.Result created = kubectl.run("run", pod, "--image=kubeboot/busybox:latest", "--labels=app=" + app,
        "-n", NAMESPACE);
    assertThat(created.exitCode()).as(created.toString()).isZero();
  }

  private static void relabel(String app) {
    Kubectl.Result labelled = kubectl.run("label", "pod", "moving", "app=" + app, "--overwrite", "-n", NAMESPACE);
    assertThat(labelled.exitCode()).as(labelled.toString()).isZero();
  }

  /** The next line that is an event (kubectl prints its column header once, before the first). */
  private static CompletableFuture<String> nextEventOf(BufferedReader lines) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = lines.readLine()) != null; ) {
          if (!line.startsWith("EVENT") && !line.isBlank()) {
            return line;
          }
        }
        return "the watch ended";
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
