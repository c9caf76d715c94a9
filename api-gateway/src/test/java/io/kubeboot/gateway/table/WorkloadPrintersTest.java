package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Printing.cells;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs and CronJobs. */
class WorkloadPrintersTest {

  private static final String TEMPLATE = """
      "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[
        {"name":"web","image":"nginx:1.25"},{"name":"log","image":"busybox"}]}}""";

  @Test
  void deployment() {
    assertThat(cells(new DeploymentPrinter(), """
        {"metadata":{"name":"web","creationTimestamp":"2024-01-10T11:59:55Z"},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"},
           "matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]},%s},
         "status":{"replicas":3,"updatedReplicas":3,"readyReplicas":2,"availableReplicas":2}}""".formatted(TEMPLATE)))
        .containsExactly("web", "2/3", 3L, 2L, "5s", "web,log", "nginx:1.25,busybox", "app=web,tier in (a,b)");
  }

  @Test
  void aNewDeploymentHasZeroesNotGaps() {
    assertThat(cells(new DeploymentPrinter(), """
        {"metadata":{"name":"ang"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"ang"}},
         "template":{"spec":{"containers":[{"name":"ang","image":"junebao/ang"}]}}},"status":{}}"""))
        .containsExactly("ang", "0/1", 0L, 0L, "<unknown>", "ang", "junebao/ang", "app=ang");
  }

  @Test
  void replicaSet() {
    assertThat(cells(new ReplicaSetPrinter(), """
        {"metadata":{"name":"web-5d4f"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},%s},
         "status":{"replicas":2,"readyReplicas":1}}""".formatted(TEMPLATE)))
        .containsExactly("web-5d4f", 2L, 2L, 1L, "<unknown>", "web,log", "nginx:1.25,busybox", "app=web");
  }

  @Test
  void daemonSet() {
    assertThat(cells(new DaemonSetPrinter(), """
        {"metadata":{"name":"agent"},"spec":{"selector":{"matchLabels":{"app":"agent"}},
           "template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux"},"containers":[{"name":"a","image":"agent:1"}]}}},
         "status":{"desiredNumberScheduled":3,"currentNumberScheduled":3,"numberReady":2,"updatedNumberScheduled":3,
           "numberAvailable":2}}"""))
        .containsExactly("agent", 3L, 3L, 2L, 3L, 2L, "kubernetes.io/os=linux", "<unknown>", "a", "agent:1", "app=agent");
  }

  @Test
  void statefulSet() {
    assertThat(cells(new StatefulSetPrinter(), """
        {"metadata":{"name":"db"},"spec":{"replicas":3,%s},"status":{"readyReplicas":1}}""".formatted(TEMPLATE)))
        .containsExactly("db", "1/3", "<unknown>", "web,log", "nginx:1.25,busybox");
  }

  @Test
  void jobs() {
    JobPrinter printer = new JobPrinter();
    assertThat(cells(printer, """
        {"metadata":{"name":"pi","creationTimestamp":"2024-01-10T11:50:00Z"},
         "spec":{"completions":3,"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"u"}},%s},
         "status":{"succeeded":3,"startTime":"2024-01-10T11:50:00Z","completionTime":"2024-01-10T11:51:10Z",
           "conditions":[{"type":"SuccessCriteriaMet","status":"True"},{"type":"Complete","status":"True"}]}}"""
        .formatted(TEMPLATE)))
        .containsExactly("pi", "Complete", "3/3", "70s", "10m", "web,log", "nginx:1.25,busybox",
            "batch.kubernetes.io/controller-uid=u");
    assertThat(cells(printer, """
        {"metadata":{"name":"run"},"spec":{"parallelism":2},"status":{"startTime":"2024-01-10T11:59:00Z","succeeded":1}}""")
        .subList(1, 4)).containsExactly("Running", "1/1 of 2", "60s");
    assertThat(cells(printer, """
        {"metadata":{"name":"new"},"spec":{},"status":{}}""").subList(1, 4)).containsExactly("Running", "0/1", "");
    assertThat(cells(printer, """
        {"metadata":{"name":"f"},"spec":{},"status":{"conditions":[{"type":"Failed","status":"True"}]}}""").get(1))
        .isEqualTo("Failed");
    assertThat(cells(printer, """
        {"metadata":{"name":"s","deletionTimestamp":"2024-01-10T11:59:00Z"},"spec":{},
         "status":{"conditions":[{"type":"Suspended","status":"True"}]}}""").get(1)).isEqualTo("Terminating");
  }

  @Test
  void cronJob() {
    assertThat(cells(new CronJobPrinter(), """
        {"metadata":{"name":"backup","creationTimestamp":"2024-01-09T12:00:00Z"},
         "spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":{"spec":{"containers":[
           {"name":"b","image":"busybox"}]}}}}},
         "status":{"active":[{"name":"backup-1"}],"lastScheduleTime":"2024-01-10T11:55:00Z"}}"""))
        .containsExactly("backup", "*/5 * * * *", "<none>", false, 1L, "5m", "24h", "b", "busybox", "");
  }
}
