package io.kubeboot.resources.strategy;

import static io.kubeboot.resources.strategy.DeploymentsTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesTest {

  /** What {@code kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port 8080} sends. */
  static final String KUBECTL_EXPOSE = """
      {"apiVersion":"v1","kind":"Service","metadata":{"creationTimestamp":null,"labels":{"app":"kubernetes-bootcamp"},
        "name":"kubernetes-bootcamp","namespace":"default"},
       "spec":{"ports":[{"port":8080,"protocol":"TCP","targetPort":8080}],"selector":{"app":"kubernetes-bootcamp"},
        "type":"NodePort"},"status":{"loadBalancer":{}}}""";

  private final ResourceStrategy<Service> strategy = Strategies.forClass(Service.class);

  @Test
  void kubectlExposeGetsUpstreamsDefaults() {
    Service service = created(KUBECTL_EXPOSE);
    assertThat(Json.tree(service.getSpec())).isEqualTo(Json.tree("""
        {"ports":[{"port":8080,"protocol":"TCP","targetPort":8080}],"selector":{"app":"kubernetes-bootcamp"},
         "type":"NodePort","sessionAffinity":"None","externalTrafficPolicy":"Cluster","internalTrafficPolicy":"Cluster",
         "ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack"}"""));
    assertThat(Json.tree(service.getStatus())).isEqualTo(Json.tree("{\"loadBalancer\":{}}"));
    assertThat(StorageCalls.createErrors(strategy, service)).isEmpty();
  }

  @Test
  void clusterIpServicesGetNoExternalPolicyAndTargetPortDefaultsToPort() {
    Service service = created("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
         "spec":{"ports":[{"port":80}],"selector":{"app":"web"}}}""");
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getExternalTrafficPolicy()).isNull();
    assertThat(service.getSpec().getPorts().get(0).getProtocol()).isEqualTo("TCP");
    assertThat(service.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(80));
  }

  @Test
  void portsAreRequiredUnlessHeadlessOrExternalName() {
    Service plain = created("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},"spec":{}}""");
    assertThat(messages(strategy.validate(plain))).containsExactly("spec.ports: Required value");

    Service headless = created("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"db","namespace":"default"},
         "spec":{"clusterIP":"None","selector":{"app":"db"}}}""");
    assertThat(headless.getSpec().getClusterIPs()).containsExactly("None");
    assertThat(StorageCalls.createErrors(strategy, headless)).isEmpty();

    Service external = created("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"ext","namespace":"default"},
         "spec":{"type":"ExternalName"}}""");
    assertThat(external.getSpec().getIpFamilies()).isEmpty();
    assertThat(messages(strategy.validate(external))).containsExactly("spec.externalName: Required value");
  }

  @Test
  void portRulesUseUpstreamMessages() {
    Service service = created("""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
         "spec":{"type":"ClusterIP","ports":[{"port":0,"protocol":"HTTP"},{"name":"a","port":80,"nodePort":30080}]}}""");
    assertThat(messages(strategy.validate(service))).containsExactly(
        "spec.ports[0].name: Required value",
        "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
        "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
        "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive",
        "spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  }

  @Test
  void nodePortsMustBeInTheRange() {
    Service service = created(KUBECTL_EXPOSE.replace("\"targetPort\":8080", "\"targetPort\":8080,\"nodePort\":80"));
    assertThat(messages(strategy.validate(service))).containsExactly("spec.ports[0].nodePort: Invalid value: 80:"
        + " provided port is not in the valid range. The range of valid ports is 30000-32767");
  }

  @Test
  void typeMustBeKnownAndServiceNamesAreDns1035() {
    Service service = created(KUBECTL_EXPOSE.replace("\"NodePort\"", "\"Magic\"")
        .replace("\"name\":\"kubernetes-bootcamp\"", "\"name\":\"1bootcamp\""));
    assertThat(StorageCalls.createErrors(strategy, service)).contains(
        "spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\","
            + " \"NodePort\"")
        .anyMatch(m -> m.startsWith("metadata.name: Invalid value: \"1bootcamp\": a DNS-1035 label must consist"));
  }

  @Test
  void updateWithoutAllocatedValuesKeepsThem() {
    Service old = allocated(created(KUBECTL_EXPOSE));
    // a replace from the original manifest carries neither clusterIP nor nodePort
    Service replace = Json.read(KUBECTL_EXPOSE, Service.class);
    replace.getMetadata().setResourceVersion("42");
    replace.getMetadata().setUid(old.getMetadata().getUid());
    replace.getMetadata().setCreationTimestamp(old.getMetadata().getCreationTimestamp());
    strategy.prepareForUpdate(replace, old);
    assertThat(replace.getSpec().getClusterIP()).isEqualTo("10.96.0.17");
    assertThat(replace.getSpec().getClusterIPs()).containsExactly("10.96.0.17");
    assertThat(replace.getSpec().getPorts().get(0).getNodePort()).isEqualTo(31234);
    assertThat(strategy.validateUpdate(replace, old)).isEmpty();
  }

  @Test
  void clusterIpMayNotChangeOnceSet() {
    Service old = allocated(created(KUBECTL_EXPOSE));
    Service update = Json.copy(old);
    update.getSpec().setClusterIP("10.96.0.99");
    strategy.prepareForUpdate(update, old);
    assertThat(messages(strategy.validateUpdate(update, old)))
        .containsExactly("spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.99\"}: may not change once set");
  }

  @Test
  void switchingToClusterIpDropsTheNodePort() {
    Service old = allocated(created(KUBECTL_EXPOSE));
    Service update = Json.copy(old);
    update.getSpec().setType("ClusterIP");
    strategy.prepareForUpdate(update, old);
    assertThat(update.getSpec().getPorts().get(0).getNodePort()).isNull();
    assertThat(update.getSpec().getExternalTrafficPolicy()).isNull();
    assertThat(strategy.validateUpdate(update, old)).isEmpty();
  }

  private Service created(String json) {
    Service service = Json.read(json, Service.class);
    strategy.prepareForCreate(service);
    return service;
  }

  /** What the storage layer allocates after validation. */
  private static Service allocated(Service service) {
    service.getSpec().setClusterIP("10.96.0.17");
    service.getSpec().setClusterIPs(List.of("10.96.0.17"));
    service.getSpec().getPorts().get(0).setNodePort(31234);
    return DeploymentsTest.stored(service);
  }
}
