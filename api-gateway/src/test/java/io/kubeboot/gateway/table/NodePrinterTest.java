package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Printing.cells;
import static io.kubeboot.gateway.table.Printing.object;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodePrinterTest {

  private final NodePrinter printer = new NodePrinter();

  @Test
  void aReadyNode() {
    assertThat(cells(printer, """
        {"metadata":{"name":"node-1","creationTimestamp":"2024-01-08T09:00:00Z",
           "labels":{"node-role.kubernetes.io/control-plane":"","node-role.kubernetes.io/worker":"","kubernetes.io/role":"edge"}},
         "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
           "addresses":[{"type":"Hostname","address":"node-1"},{"type":"InternalIP","address":"192.168.1.10"}],
           "nodeInfo":{"kubeletVersion":"v1.33.0-kubeboot","osImage":"Debian GNU/Linux 12","kernelVersion":"6.1.0",
             "containerRuntimeVersion":"docker://24.0.7"}}}"""))
        .containsExactly("node-1", "Ready", "control-plane,edge,worker", "2d3h", "v1.33.0-kubeboot", "192.168.1.10",
            "<none>", "Debian GNU/Linux 12", "6.1.0", "docker://24.0.7");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', textBlock = """
      [{"type":"Ready","status":"True"}]    | false | Ready
      [{"type":"Ready","status":"False"}]   | false | NotReady
      [{"type":"Ready","status":"Unknown"}] | false | NotReady
      []                                    | false | Unknown
      [{"type":"Ready","status":"True"}]    | true  | Ready,SchedulingDisabled
      []                                    | true  | Unknown,SchedulingDisabled
      """)
  void status(String conditions, boolean unschedulable, String expected) {
    assertThat(NodePrinter.status(object("""
        {"spec":{"unschedulable":%s},"status":{"conditions":%s}}""".formatted(unschedulable, conditions))))
        .isEqualTo(expected);
  }

  @Test
  void aNodeWithoutInfoPrintsPlaceholders() {
    assertThat(cells(printer, "{\"metadata\":{\"name\":\"n\"}}"))
        .containsExactly("n", "Unknown", "<none>", "<unknown>", "", "<none>", "<none>", "<unknown>", "<unknown>",
            "<unknown>");
  }
}
