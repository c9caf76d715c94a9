package io.kubeboot.e2e;

import static io.kubeboot.e2e.RenderedChart.container;
import static io.kubeboot.e2e.RenderedChart.env;
import static io.kubeboot.e2e.RenderedChart.envValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * helm/kubeboot as a user relies on it: it lints clean, and {@code helm template} (Helm as a
 * library, no cluster) renders each control-plane service as a Deployment of its image with a
 * Service and probes, pointed at the release's PostgreSQL and Kafka or at external ones, and the
 * node agent as a host-network DaemonSet on the node's Docker socket.
 */
class HelmChartTest {

  static final Path CHART = Path.of(System.getProperty("kubeboot.root", "..")).toAbsolutePath().normalize()
      .resolve("helm/kubeboot");
  static final String VERSION = System.getProperty("kubeboot.version", "0.1.0-SNAPSHOT");
  static final String RELEASE = "kb";
  static final String NAMESPACE = "kubeboot-system";
  static final String PREFIX = "kb-kubeboot-";
  /** Each control-plane service, its port and the token (identity) it uses. */
  static final Map<String, Integer> SERVICE_PORTS = Map.of("resource-service", 6444, "api-gateway", 6443,
      "scheduler-service", 10259, "reconciler-service", 10257);
  static final Map<String, String> IDENTITIES = Map.of("resource-service", "admin", "api-gateway", "admin",
      "scheduler-service", "kube-scheduler", "reconciler-service", "kube-controller-manager");

  static RenderedChart defaults;
  static RenderedChart external;

  @BeforeAll
  static void render() {
    defaults = RenderedChart.parse(template().call());
    external = RenderedChart.parse(template().withValuesFile(CHART.resolve("ci/external-values.yaml")).call());
  }

  static com.marcnuri.helm.TemplateCommand template() {
    return new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
  }

  @Test
  void chartLintsCleanInStrictMode() {
    LintResult lint = new Helm(CHART).lint().strict().call();

    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }

  @Test
  void eachControlPlaneServiceIsADeploymentOfItsImageWithProbesAndScrapeAnnotations() {
    SERVICE_PORTS.forEach((service, port) -> {
      Deployment deployment = defaults.deployment(PREFIX + service);
      PodTemplateSpec pod = deployment.getSpec().getTemplate();
      Container container = container(pod);

      assertThat(container.getImage()).isEqualTo("kubeboot/" + service + ":" + VERSION);
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
      assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(envValue(container, "KUBEBOOT_PORT")).isEqualTo(port.toString());
      assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health");
      assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
      assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
      String healthPort = container.getReadinessProbe().getHttpGet().getPort().getStrVal();
      int metricsPort = container.getPorts().stream().filter(p -> p.getName().equals(healthPort)).findFirst()
          .orElseThrow().getContainerPort();
      assertThat(pod.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/path", "/actuator/prometheus")
          .containsEntry("prometheus.io/port", Integer.toString(metricsPort));
      assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(container.getResources().getLimits()).containsKey("memory");
    });
  }

  @Test
  void everyComponentReachesTheGatewayWithItsOwnTokenAndTheReleasesKafka() {
    SERVICE_PORTS.keySet().forEach(service -> {
      Container container = container(defaults.deployment(PREFIX + service).getSpec().getTemplate());

      assertThat(envValue(container, "KUBEBOOT_API_URL"))
          .isEqualTo("https://kb-kubeboot-api-gateway." + NAMESPACE + ".svc:6443");
      assertThat(envValue(container, "KUBEBOOT_KAFKA_BOOTSTRAP")).isEqualTo("kb-kubeboot-kafka:9092");
      assertSecretRef(env(container, "KUBEBOOT_API_TOKEN").getValueFrom(), "kb-kubeboot-tokens",
          IDENTITIES.get(service));
    });
    Container resourceService = container(defaults.deployment(PREFIX + "resource-service").getSpec().getTemplate());
    assertThat(envValue(resourceService, "KUBEBOOT_DB_URL"))
        .isEqualTo("jdbc:postgresql://kb-kubeboot-postgres:5432/kubeboot");
    assertThat(envValue(resourceService, "KUBEBOOT_DB_USER")).isEqualTo("kubeboot");
    assertSecretRef(env(resourceService, "KUBEBOOT_DB_PASSWORD").getValueFrom(), "kb-kubeboot-postgres", "password");
    Container reconciler = container(defaults.deployment(PREFIX + "reconciler-service").getSpec().getTemplate());
    assertThat(envValue(reconciler, "KUBEBOOT_RECONCILER_CLUSTERCIDR")).isEqualTo("10.244.0.0/16");
  }

  @Test
  void servicesExposeEachComponentsPortsToItsPods() {
    SERVICE_PORTS.forEach((service, port) -> {
      Service svc = defaults.service(PREFIX + service);
      PodTemplateSpec pod = defaults.deployment(PREFIX + service).getSpec().getTemplate();

      assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(svc.getSpec().getSelector());
      ServicePort first = svc.getSpec().getPorts().get(0);
      assertThat(first.getPort()).isEqualTo(port);
      assertThat(container(pod).getPorts()).anyMatch(p -> p.getName().equals(first.getTargetPort().getStrVal())
          && p.getContainerPort().equals(port));
    });
    assertThat(defaults.service(PREFIX + "api-gateway").getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort)
        .containsExactly(tuple("https", 6443), tuple("management", 8081));
    assertThat(defaults.service(PREFIX + "postgres").getSpec().getPorts().get(0).getPort()).isEqualTo(5432);
    assertThat(defaults.service(PREFIX + "kafka").getSpec().getPorts().get(0).getPort()).isEqualTo(9092);
  }

  @Test
  void gatewayServesTlsWithACertificateForItsServiceAndAuthenticatesTheTokensSecret() throws Exception {
    Container gateway = container(defaults.deployment(PREFIX + "api-gateway").getSpec().getTemplate());
    PodSpec pod = defaults.deployment(PREFIX + "api-gateway").getSpec().getTemplate().getSpec();
    assertThat(envValue(gateway, "KUBEBOOT_TOKENS_FILE")).isEqualTo("/etc/kubeboot/tokens/tokens.csv");
    assertThat(envValue(gateway, "SERVER_SSL_CERTIFICATE")).isEqualTo("/etc/kubeboot/tls/tls.crt");
    assertThat(envValue(gateway, "KUBEBOOT_RESOURCE_SERVICE_URL")).isEqualTo("http://kb-kubeboot-resource-service:6444");
    assertThat(pod.getVolumes()).extracting(v -> v.getSecret().getSecretName())
        .containsExactlyInAnyOrder("kb-kubeboot-tokens", "kb-kubeboot-gateway-tls");

    Secret tls = defaults.secret("kb-kubeboot-gateway-tls");
    assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");
    X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(Base64.getDecoder().decode(tls.getData().get("tls.crt"))));
    assertThat(certificate.getSubjectAlternativeNames().stream().map(name -> name.get(1).toString()).toList())
        .contains("localhost", "kb-kubeboot-api-gateway." + NAMESPACE + ".svc", "127.0.0.1");
    assertThat(new String(Base64.getDecoder().decode(tls.getData().get("tls.key")), StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----");

    Map<String, String> tokens = defaults.secret("kb-kubeboot-tokens").getStringData();
    assertThat(tokens.get("tokens.csv").lines()).containsExactly(
        tokens.get("admin") + ",admin,admin,\"system:masters\"",
        tokens.get("kube-scheduler") + ",system:kube-scheduler,system:kube-scheduler,\"system:authenticated\"",
        tokens.get("kube-controller-manager")
            + ",system:kube-controller-manager,system:kube-controller-manager,\"system:authenticated\"",
        tokens.get("node-agent") + ",system:node-agent,system:node-agent,\"system:nodes\"");
    assertThat(List.of("admin", "kube-scheduler", "kube-controller-manager", "node-agent"))
        .allSatisfy(identity -> assertThat(tokens.get(identity)).hasSize(48));
  }

  @Test
  void nodeAgentIsAHostNetworkDaemonSetOnTheNodesDockerSocket() {
    DaemonSet daemonSet = defaults.daemonSet(PREFIX + "node-agent");
    PodSpec pod = daemonSet.getSpec().getTemplate().getSpec();
    Container agent = container(daemonSet.getSpec().getTemplate());

    assertThat(pod.getHostNetwork()).isTrue();
    assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
    assertThat(agent.getImage()).isEqualTo("kubeboot/node-agent:" + VERSION);
    assertThat(agent.getSecurityContext().getPrivileged()).isTrue();
    Volume socket = pod.getVolumes().stream().filter(v -> v.getHostPath() != null
        && v.getHostPath().getPath().equals("/var/run/docker.sock")).findFirst().orElseThrow();
    assertThat(socket.getHostPath().getType()).isEqualTo("Socket");
    assertThat(agent.getVolumeMounts()).anyMatch(m -> m.getName().equals(socket.getName())
        && m.getMountPath().equals("/var/run/docker.sock"));
    assertThat(agent.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/var/lib/kubeboot/node"));
    assertThat(env(agent, "KUBEBOOT_NODE_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
    assertThat(env(agent, "KUBEBOOT_NODE_ADDRESS").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("status.hostIP");
    assertThat(envValue(agent, "KUBEBOOT_PORT")).isEqualTo("11250");
    assertThat(envValue(agent, "KUBEBOOT_NODE_ROOTDIR")).isEqualTo("/var/lib/kubeboot/node");
    assertSecretRef(env(agent, "KUBEBOOT_API_TOKEN").getValueFrom(), "kb-kubeboot-tokens", "node-agent");
    assertThat(agent.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health");
  }

  @Test
  void postgresAndKafkaAreStatefulSetsOfTheRelease() {
    StatefulSet postgres = defaults.statefulSet(PREFIX + "postgres");
    Container db = container(postgres.getSpec().getTemplate());
    assertThat(db.getImage()).isEqualTo("kubeboot/postgres:" + VERSION);
    assertSecretRef(env(db, "POSTGRES_PASSWORD").getValueFrom(), "kb-kubeboot-postgres", "password");
    assertThat(db.getReadinessProbe().getExec().getCommand()).containsExactly("postgres-ready");

    StatefulSet kafka = defaults.statefulSet(PREFIX + "kafka");
    Container broker = container(kafka.getSpec().getTemplate());
    assertThat(broker.getImage()).isEqualTo("kubeboot/kafka:" + VERSION);
    assertThat(envValue(broker, "KAFKA_ADVERTISED_HOST")).isEqualTo("kb-kubeboot-kafka." + NAMESPACE + ".svc");
    assertThat(broker.getReadinessProbe().getExec().getCommand()).containsExactly("kafka-ready");
  }

  @Test
  void externalPostgresAndKafkaReplaceTheStatefulSets() {
    assertThat(external.all(StatefulSet.class)).isEmpty();
    assertThat(external.find(Service.class, PREFIX + "postgres")).isEmpty();
    assertThat(external.find(Service.class, PREFIX + "kafka")).isEmpty();
    assertThat(external.find(Secret.class, PREFIX + "postgres")).as("the password is the user's own Secret").isEmpty();

    Container resourceService = container(external.deployment(PREFIX + "resource-service").getSpec().getTemplate());
    assertThat(envValue(resourceService, "KUBEBOOT_DB_URL")).isEqualTo("jdbc:postgresql://db.example.com:5432/kubeboot");
    assertSecretRef(env(resourceService, "KUBEBOOT_DB_PASSWORD").getValueFrom(), "kubeboot-db", "db-password");
    SERVICE_PORTS.keySet().forEach(service -> {
      Container container = container(external.deployment(PREFIX + service).getSpec().getTemplate());
      assertThat(envValue(container, "KUBEBOOT_KAFKA_BOOTSTRAP"))
          .isEqualTo("kafka-0.kafka.infra.svc:9092,kafka-1.kafka.infra.svc:9092");
      assertThat(envValue(container, "KUBEBOOT_TOPIC_PREFIX")).isEqualTo("kb-prod.events.");
    });
    Container agent = container(external.daemonSet(PREFIX + "node-agent").getSpec().getTemplate());
    assertThat(envValue(agent, "KUBEBOOT_KAFKA_BOOTSTRAP")).isEqualTo("kafka-0.kafka.infra.svc:9092,kafka-1.kafka.infra.svc:9092");
  }

  @Test
  void externalInfrastructureWithoutItsAddressIsRefused() {
    assertThatThrownBy(() -> template().set("postgres.enabled", false).set("postgres.password", "secret").call())
        .hasMessageContaining("postgres.external.url is required");
    assertThatThrownBy(() -> template().set("kafka.enabled", false).call())
        .hasMessageContaining("kafka.external.bootstrapServers is required");
    assertThatThrownBy(() -> template().set("postgres.enabled", false)
        .set("postgres.external.url", "jdbc:postgresql://db:5432/kubeboot").call())
        .hasMessageContaining("needs postgres.password or postgres.existingSecret");
  }

  private static void assertSecretRef(EnvVarSource source, String secret, String key) {
    assertThat(source.getSecretKeyRef().getName()).isEqualTo(secret);
    assertThat(source.getSecretKeyRef().getKey()).isEqualTo(key);
  }
}
