package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Printing.cells;
import static io.kubeboot.gateway.table.Printing.object;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServicePrinterTest {

  private final ServicePrinter printer = new ServicePrinter();

  @Test
  void aNodePortService() {
    assertThat(cells(printer, """
        {"metadata":{"name":"web","creationTimestamp":"2024-01-10T11:00:00Z"},
         "spec":{"type":"NodePort","clusterIP":"10.96.0.12","clusterIPs":["10.96.0.12"],
           "ports":[{"port":8080,"nodePort":31234,"protocol":"TCP","targetPort":8080},{"port":53,"protocol":"UDP"}],
           "selector":{"app":"web","tier":"front"}}}"""))
        .containsExactly("web", "NodePort", "10.96.0.12", "<none>", "8080:31234/TCP,53/UDP", "60m",
            "app=web,tier=front");
  }

  @Test
  void portsDefaultToTcpAndNoneIsNone() {
    assertThat(ServicePrinter.ports(object("[{\"port\":80}]"))).isEqualTo("80/TCP");
    assertThat(cells(printer, "{\"metadata\":{\"name\":\"headless\"},\"spec\":{\"type\":\"ClusterIP\",\"clusterIP\":\"None\"}}"))
        .containsExactly("headless", "ClusterIP", "None", "<none>", "<none>", "<unknown>", "<none>");
  }

  @Test
  void externalAddresses() {
    assertThat(cells(printer, """
        {"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","clusterIPs":["10.96.0.2"],"ports":[{"port":80}]}}""")
        .get(3)).isEqualTo("<pending>");
    assertThat(cells(printer, """
        {"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","externalIPs":["1.2.3.4"]},
         "status":{"loadBalancer":{"ingress":[{"ip":"192.168.5.1"},{"hostname":"lb.example.com"}]}}}""")
        .get(3)).isEqualTo("192.168.5.1,lb.example.com,1.2.3.4");
    assertThat(cells(printer, """
        {"metadata":{"name":"ext"},"spec":{"type":"ExternalName","externalName":"db.example.com"}}""")
        .get(3)).isEqualTo("db.example.com");
    assertThat(cells(printer, """
        {"metadata":{"name":"ip"},"spec":{"type":"ClusterIP","externalIPs":["1.2.3.4","5.6.7.8"]}}""")
        .get(3)).isEqualTo("1.2.3.4,5.6.7.8");
  }
}
