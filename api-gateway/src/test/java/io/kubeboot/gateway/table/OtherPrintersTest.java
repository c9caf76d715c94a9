package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Printing.cells;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Namespaces, events, config, accounts, endpoints, leases and RBAC objects. */
class OtherPrintersTest {

  @Test
  void namespace() {
    assertThat(cells(new NamespacePrinter(), """
        {"metadata":{"name":"default","creationTimestamp":"2024-01-10T10:00:00Z"},"status":{"phase":"Active"}}"""))
        .containsExactly("default", "Active", "120m");
  }

  @Test
  void events() {
    EventPrinter printer = new EventPrinter();
    assertThat(cells(printer, """
        {"metadata":{"name":"web-1.17a"},"type":"Warning","reason":"BackOff","message":" Back-off restarting \\n",
         "involvedObject":{"kind":"Pod","name":"web-1","fieldPath":"spec.containers{web}"},
         "source":{"component":"kubelet","host":"node-1"},"count":5,
         "firstTimestamp":"2024-01-10T11:50:00Z","lastTimestamp":"2024-01-10T11:59:30Z"}"""))
        .containsExactly("30s", "Warning", "BackOff", "pod/web-1", "spec.containers{web}", "kubelet, node-1",
            "Back-off restarting", "10m", 5L, "web-1.17a");
    assertThat(cells(printer, """
        {"metadata":{"name":"e"},"type":"Normal","reason":"Scheduled","involvedObject":{"kind":"Node"},
         "eventTime":"2024-01-10T11:59:00.000000Z","reportingComponent":"scheduler",
         "series":{"count":3,"lastObservedTime":"2024-01-10T11:59:50.000000Z"}}"""))
        .containsExactly("10s", "Normal", "Scheduled", "node", "", "scheduler", "", "60s", 3L, "e");
    assertThat(cells(printer, "{\"metadata\":{\"name\":\"e\"}}").get(8)).isEqualTo(1L);
  }

  @Test
  void configMapsSecretsAndServiceAccounts() {
    assertThat(cells(new ConfigMapPrinter(), """
        {"metadata":{"name":"cfg"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}"""))
        .containsExactly("cfg", 3L, "<unknown>");
    assertThat(cells(new SecretPrinter(), """
        {"metadata":{"name":"s"},"type":"Opaque","data":{"k":"dg=="}}"""))
        .containsExactly("s", "Opaque", 1L, "<unknown>");
    assertThat(cells(new ServiceAccountPrinter(), "{\"metadata\":{\"name\":\"default\"}}"))
        .containsExactly("default", 0L, "<unknown>");
  }

  @Test
  void endpointsShowTheFirstThreeAddresses() {
    assertThat(cells(new EndpointsPrinter(), """
        {"metadata":{"name":"web"},"subsets":[
          {"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"ports":[{"port":80},{"port":443}]}]}""").get(1))
        .isEqualTo("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...");
    assertThat(cells(new EndpointsPrinter(), """
        {"metadata":{"name":"h"},"subsets":[{"addresses":[{"ip":"fd00::1"}],"ports":[{"port":80}]},
          {"addresses":[{"ip":"10.0.0.3"}]}]}""").get(1)).isEqualTo("[fd00::1]:80,10.0.0.3");
    assertThat(cells(new EndpointsPrinter(), "{\"metadata\":{\"name\":\"e\"}}").get(1)).isEqualTo("<none>");
  }

  @Test
  void endpointSlices() {
    assertThat(cells(new EndpointSlicePrinter(), """
        {"metadata":{"name":"web-x"},"addressType":"IPv4","ports":[{"port":80},{"name":"all"}],
         "endpoints":[{"addresses":["10.0.0.1"]},{"addresses":["10.0.0.2","10.0.0.3","10.0.0.4"]}]}"""))
        .containsExactly("web-x", "IPv4", "80,*", "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", "<unknown>");
    assertThat(cells(new EndpointSlicePrinter(), "{\"metadata\":{\"name\":\"e\"},\"addressType\":\"IPv4\"}"))
        .containsExactly("e", "IPv4", "<unset>", "<unset>", "<unknown>");
  }

  @Test
  void leasesAndRbac() {
    assertThat(cells(new LeasePrinter(), """
        {"metadata":{"name":"node-1"},"spec":{"holderIdentity":"node-1"}}""")).containsExactly("node-1", "node-1", "<unknown>");
    assertThat(cells(new RolePrinter(), """
        {"metadata":{"name":"view","creationTimestamp":"2024-01-10T11:00:00Z"}}"""))
        .containsExactly("view", "2024-01-10T11:00:00Z");
    assertThat(cells(new RoleBindingPrinter(), """
        {"metadata":{"name":"b"},"roleRef":{"kind":"ClusterRole","name":"view"},"subjects":[
          {"kind":"User","name":"alice"},{"kind":"User","name":"bob"},{"kind":"Group","name":"devs"},
          {"kind":"ServiceAccount","namespace":"kube-system","name":"ctrl"}]}"""))
        .containsExactly("b", "ClusterRole/view", "<unknown>", "alice, bob", "devs", "kube-system:ctrl");
  }
}
