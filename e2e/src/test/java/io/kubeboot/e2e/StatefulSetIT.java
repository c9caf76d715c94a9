package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The StatefulSet controller with the real scheduler and two real node agents, driven by kubectl:
 * OrderedReady scaling creates web-0, web-1, web-2 each after the previous is Ready, and removes
 * them from the highest ordinal down, each after the previous is gone. The order is read from a
 * watch of every pod change, not from polls that could miss a step.
 */
class StatefulSetIT {

  private static final String NS = "stateful";
  static WorkloadCluster cluster;

  /** One pod change as the watch saw it. */
  record Seen(Watcher.Action action, String pod, boolean ready, boolean terminating) {
  }

  @BeforeAll
  static void start() {
    cluster = WorkloadCluster.start(NS, 2, "scheduler-service", "reconciler-service");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void scalesUpInOrdinalOrderAndDownFromTheHighest() throws Exception {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    try (Watch watch = cluster.client.pods().inNamespace(NS).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        if (action == Action.BOOKMARK || action == Action.ERROR || pod.getMetadata().getName() == null) {
          return; // progress marks, not pod changes
        }
        boolean ready = pod.getStatus() != null && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        seen.add(new Seen(action, pod.getMetadata().getName(), ready, pod.getMetadata().getDeletionTimestamp() != null));
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      Kubectl.Result applied = cluster.kubectl.withInput("""
          apiVersion: apps/v1
          kind: StatefulSet
          metadata:
            name: web
            namespace: %s
          spec:
            replicas: 0
            serviceName: web
            selector:
              matchLabels: {app: web}
            template:
              metadata:
                labels: {app: web}
              spec:
                terminationGracePeriodSeconds: 2
                containers:
                - name: web
                  image: kubeboot/busybox:latest
                  command: ["sleep", "3600"]
          """.formatted(NS), "apply", "-f", "-");
      assertThat(applied.exitCode()).as(applied.toString()).isZero();

      Kubectl.Result up = cluster.kubectl.run("-n", NS, "scale", "statefulset/web", "--replicas=3");
      assertThat(up.exitCode()).as(up.toString()).isZero();
      await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
          .until(() -> readyPods().equals(List.of("web-0", "web-1", "web-2")));
      assertThat(firstAdded(seen, "web-1")).as(seen.toString()).isGreaterThan(firstReady(seen, "web-0"));
      assertThat(firstAdded(seen, "web-2")).as(seen.toString()).isGreaterThan(firstReady(seen, "web-1"));

      Pod web1 = cluster.client.pods().inNamespace(NS).withName("web-1").get();
      assertThat(web1.getMetadata().getLabels()).containsEntry("statefulset.kubernetes.io/pod-name", "web-1")
          .containsEntry("apps.kubernetes.io/pod-index", "1").containsKey("controller-revision-hash");
      assertThat(web1.getSpec().getHostname()).isEqualTo("web-1");
      assertThat(web1.getSpec().getSubdomain()).isEqualTo("web");
      assertThat(web1.getMetadata().getOwnerReferences().get(0).getController()).isTrue();
      // a defaulted set has rollingUpdate.partition 0, for which kubectl reports a partitioned roll out, as upstream
      assertThat(cluster.kubectl.outputUntil("roll out complete", Duration.ofSeconds(100), "-n", NS, "rollout",
          "status", "statefulset/web", "--timeout=90s")).contains("partitioned roll out complete: 3 new pods");
      assertThat(cluster.events(NS)).anyMatch(e -> "SuccessfulCreate".equals(e.getReason())
          && "create Pod web-2 in StatefulSet web successful".equals(e.getMessage()));

      Kubectl.Result down = cluster.kubectl.run("-n", NS, "scale", "statefulset/web", "--replicas=1");
      assertThat(down.exitCode()).as(down.toString()).isZero();
      await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
          .until(() -> cluster.client.pods().inNamespace(NS).list().getItems().stream()
              .map(p -> p.getMetadata().getName()).toList().equals(List.of("web-0")));
      assertThat(firstTerminating(seen, "web-1")).as(seen.toString()).isGreaterThan(index(seen, "web-2",
          Watcher.Action.DELETED));
      assertThat(index(seen, "web-1", Watcher.Action.DELETED)).isGreaterThan(index(seen, "web-2",
          Watcher.Action.DELETED));
      assertThat(cluster.events(NS)).anyMatch(e -> "SuccessfulDelete".equals(e.getReason())
          && "delete Pod web-2 in StatefulSet web successful".equals(e.getMessage()));
    }
  }

  private static List<String> readyPods() {
    return cluster.client.pods().inNamespace(NS).list().getItems().stream()
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()) && p.getStatus()
            .getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .map(p -> p.getMetadata().getName()).sorted().toList();
  }

  private static int firstAdded(List<Seen> seen, String pod) {
    return index(seen, pod, Watcher.Action.ADDED);
  }

  private static int index(List<Seen> seen, String pod, Watcher.Action action) {
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).pod().equals(pod) && seen.get(i).action() == action) {
        return i;
      }
    }
    throw new AssertionError(pod + " " + action + " never seen in " + seen);
  }

  private static int firstReady(List<Seen> seen, String pod) {
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).pod().equals(pod) && seen.get(i).ready()) {
        return i;
      }
    }
    throw new AssertionError(pod + " never seen ready in " + seen);
  }

  private static int firstTerminating(List<Seen> seen, String pod) {
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).pod().equals(pod) && seen.get(i).terminating()) {
        return i;
      }
    }
    throw new AssertionError(pod + " never seen terminating in " + seen);
  }
}
