package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Printing.cell;
import static io.kubeboot.gateway.table.Printing.cells;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodPrinterTest {

  private final PodPrinter printer = new PodPrinter();

  @Test
  void aRunningPod() {
    assertThat(cells(printer, """
        {"metadata":{"name":"web-1","creationTimestamp":"2024-01-10T11:56:50Z"},
         "spec":{"nodeName":"node-1","containers":[{"name":"a"},{"name":"b"}]},
         "status":{"phase":"Running","podIPs":[{"ip":"10.244.1.5"}],"conditions":[{"type":"Ready","status":"True"}],
           "containerStatuses":[
             {"name":"a","ready":true,"restartCount":0,"state":{"running":{}}},
             {"name":"b","ready":true,"restartCount":0,"state":{"running":{}}}]}}"""))
        .containsExactly("web-1", "2/2", "Running", "0", "3m10s", "10.244.1.5", "node-1", "<none>", "<none>");
  }

  @Test
  void aPodNotYetScheduledIsPendingWithNothingWide() {
    assertThat(cells(printer, """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Pending"}}"""))
        .containsExactly("p", "0/1", "Pending", "0", "<unknown>", "<none>", "<none>", "<none>", "<none>");
  }

  /** The last container's waiting or terminated reason wins; the first container is checked last. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      {"waiting":{"reason":"ContainerCreating"}}                    | ContainerCreating
      {"waiting":{"reason":"ErrImagePull","message":"not found"}}   | ErrImagePull
      {"waiting":{"reason":"ImagePullBackOff"}}                     | ImagePullBackOff
      {"waiting":{"reason":"CrashLoopBackOff"}}                     | CrashLoopBackOff
      {"terminated":{"reason":"Completed","exitCode":0}}            | Completed
      {"terminated":{"reason":"OOMKilled","exitCode":137}}          | OOMKilled
      {"terminated":{"exitCode":2}}                                 | ExitCode:2
      {"terminated":{"exitCode":137,"signal":9}}                    | Signal:9
      """)
  void theStatusIsTheContainersReason(String state, String status) {
    assertThat(cell(printer, """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},
         "status":{"phase":"Running","containerStatuses":[{"name":"a","ready":false,"restartCount":0,"state":%s}]}}"""
        .formatted(state), "Status")).isEqualTo(status);
  }

  @Test
  void aCompletedContainerBesideARunningOneIsNotCompleted() {
    String pod = """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"},{"name":"b"}]},
         "status":{"phase":"Running","conditions":[%s],"containerStatuses":[
           {"name":"a","ready":false,"state":{"terminated":{"reason":"Completed","exitCode":0}}},
           {"name":"b","ready":true,"state":{"running":{}}}]}}""";

    assertThat(cell(printer, pod.formatted("{\"type\":\"Ready\",\"status\":\"True\"}"), "Status")).isEqualTo("Running");
    assertThat(cell(printer, pod.formatted("{\"type\":\"Ready\",\"status\":\"False\"}"), "Status"))
        .isEqualTo("NotReady");
    assertThat(cell(printer, pod.formatted(""), "Ready")).isEqualTo("1/2");
  }

  @Test
  void restartsSayWhenTheLastOneWas() {
    assertThat(cell(printer, """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},
         "status":{"phase":"Running","containerStatuses":[{"name":"a","ready":true,"restartCount":4,
           "state":{"running":{}},"lastState":{"terminated":{"exitCode":1,"finishedAt":"2024-01-10T11:55:00Z"}}}]}}""",
        "Restarts")).isEqualTo("4 (5m ago)");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      [{"name":"init","state":{"waiting":{"reason":"PodInitializing"}}}]                          | Init:0/2
      [{"name":"init","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]                         | Init:CrashLoopBackOff
      [{"name":"init","state":{"terminated":{"exitCode":3}}}]                                     | Init:ExitCode:3
      [{"name":"init","state":{"terminated":{"reason":"Error","exitCode":1}}}]                    | Init:Error
      [{"name":"init","state":{"terminated":{"exitCode":0}}},{"name":"init2","state":{"running":{}}}] | Init:1/2
      """)
  void initContainersShowTheirProgress(String initStatuses, String status) {
    assertThat(cell(printer, """
        {"metadata":{"name":"p"},"spec":{"initContainers":[{"name":"init"},{"name":"init2"}],"containers":[{"name":"a"}]},
         "status":{"phase":"Pending","initContainerStatuses":%s,
           "containerStatuses":[{"name":"a","state":{"waiting":{"reason":"PodInitializing"}}}]}}"""
        .formatted(initStatuses), "Status")).isEqualTo(status);
  }

  @Test
  void aStartedSidecarCountsAsAContainerAndDoesNotHoldInitializationUp() {
    String pod = """
        {"metadata":{"name":"p"},
         "spec":{"initContainers":[{"name":"proxy","restartPolicy":"Always"}],"containers":[{"name":"a"}]},
         "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"}],
           "initContainerStatuses":[{"name":"proxy","started":true,"ready":true,"state":{"running":{}}}],
           "containerStatuses":[{"name":"a","ready":true,"state":{"running":{}}}]}}""";

    assertThat(cell(printer, pod, "Ready")).isEqualTo("2/2");
    assertThat(cell(printer, pod, "Status")).isEqualTo("Running");
  }

  @Test
  void aDeletedPodIsTerminatingUnlessItHadFinished() {
    String pod = """
        {"metadata":{"name":"p","deletionTimestamp":"2024-01-10T11:59:00Z"},"spec":{"containers":[{"name":"a"}]},
         "status":{"phase":"%s","reason":"%s"}}""";

    assertThat(cell(printer, pod.formatted("Running", ""), "Status")).isEqualTo("Terminating");
    assertThat(cell(printer, pod.formatted("Succeeded", ""), "Status")).isEqualTo("Succeeded");
    assertThat(cell(printer, pod.formatted("Running", "NodeLost"), "Status")).isEqualTo("Unknown");
  }

  @Test
  void schedulingGatesAndEvictionReasonsShow() {
    assertThat(cell(printer, """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},
         "status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}}""",
        "Status")).isEqualTo("SchedulingGated");
    assertThat(cell(printer, """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}]},"status":{"phase":"Failed","reason":"Evicted"}}""",
        "Status")).isEqualTo("Evicted");
  }

  @Test
  void readinessGatesCountTheirTrueConditions() {
    assertThat(cell(printer, """
        {"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"}],
           "readinessGates":[{"conditionType":"example.com/lb"},{"conditionType":"example.com/dns"}]},
         "status":{"phase":"Running","conditions":[{"type":"example.com/lb","status":"True"}],
           "nominatedNodeName":"node-2","podIP":"10.0.0.9"}}""", "Readiness Gates")).isEqualTo("1/2");
  }
}
