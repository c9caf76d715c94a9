package io.kubeboot.gateway.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime.TypeMeta;
import io.kubernetes.client.proto.Runtime.Unknown;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProtobufBodiesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final ProtoKinds kinds = new ProtoKinds(ResourceRegistry.standard());
  private final ProtobufBodies bodies = new ProtobufBodies(kinds);

  /** The JSON kubectl 1.31 sends for the same command (kubectl-contract.md), down to the empty structs. */
  @Test
  void kubectlCreateDeploymentBecomesTheJsonOlderKubectlSends() throws Exception {
    assertThat(converted(captured("create-deployment-ang.bin"))).isEqualTo(json("""
        {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"ang","labels":{"app":"ang"}},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"ang"}},
          "template":{"metadata":{"labels":{"app":"ang"}},"spec":{"containers":[{"name":"ang","image":"junebao/ang","resources":{}}]}},
          "strategy":{}},"status":{}}"""));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      create-namespace-demo.bin | {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo"},"spec":{},"status":{}}
      create-configmap-cfg.bin  | {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg"},"data":{"a":"1","b":"two"}}
      create-secret-generic-s1.bin | {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s1"},"data":{"k":"dg=="}}
      create-service-nodeport-web.bin | {"apiVersion":"v1","kind":"Service","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"ports":[{"name":"8080-80","protocol":"TCP","port":8080,"targetPort":80}],"selector":{"app":"web"},"type":"NodePort"},"status":{"loadBalancer":{}}}
      create-service-clusterip-api.bin | {"apiVersion":"v1","kind":"Service","metadata":{"name":"api","labels":{"app":"api"}},"spec":{"ports":[{"name":"80-http","protocol":"TCP","port":80,"targetPort":"http"}],"selector":{"app":"api"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}
      create-job-hello.bin | {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"hello"},"spec":{"template":{"metadata":{},"spec":{"containers":[{"name":"hello","image":"kubeboot/busybox:latest","command":["echo","hi"],"resources":{}}],"restartPolicy":"Never"}}},"status":{}}
      create-cronjob-cj.bin | {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"cj"},"spec":{"schedule":"*/1 * * * *","jobTemplate":{"metadata":{"name":"cj"},"spec":{"template":{"metadata":{},"spec":{"containers":[{"name":"cj","image":"busybox","command":["date"],"resources":{}}],"restartPolicy":"OnFailure"}}}}},"status":{}}
      create-deployment-web2-replicas0-port80.bin | {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web2","labels":{"app":"web2"}},"spec":{"replicas":0,"selector":{"matchLabels":{"app":"web2"}},"template":{"metadata":{"labels":{"app":"web2"}},"spec":{"containers":[{"name":"nginx","image":"nginx","ports":[{"containerPort":80}],"resources":{}}]}},"strategy":{}},"status":{}}
      """)
  void everyCapturedKubectlCreateBodyConverts(String file, String expected) throws Exception {
    assertThat(converted(captured(file))).isEqualTo(json(expected));
  }

  @Test
  void intOrStringIsANumberOrAStringAndAnUnsetOneIsOmitted() {
    V1.Service service = V1.Service.newBuilder()
        .setMetadata(ObjectMeta.newBuilder().setName("s"))
        .setSpec(V1.ServiceSpec.newBuilder()
            .addPorts(V1.ServicePort.newBuilder().setPort(80).setTargetPort(IntOrString.newBuilder()
                .setType(0).setIntVal(8080)))
            .addPorts(V1.ServicePort.newBuilder().setPort(443).setNodePort(0).setTargetPort(IntOrString.newBuilder()
                .setType(1).setStrVal("https")))
            .addPorts(V1.ServicePort.newBuilder().setPort(53).setProtocol("UDP")))
        .build();

    assertThat(converted(body("v1", "Service", service)).path("spec").path("ports")).isEqualTo(json("""
        [{"port":80,"targetPort":8080},{"port":443,"targetPort":"https"},{"port":53,"protocol":"UDP"}]"""));
  }

  @Test
  void podWithEveryApimachineryTypeAndInlinedStructs() {
    V1.Container container = V1.Container.newBuilder()
        .setName("app").setImage("busybox")
        .setResources(V1.ResourceRequirements.newBuilder()
            .putLimits("memory", Quantity.newBuilder().setString("128Mi").build())
            .putRequests("cpu", Quantity.newBuilder().setString("250m").build()))
        .setReadinessProbe(V1.Probe.newBuilder().setPeriodSeconds(5)
            .setHandler(V1.ProbeHandler.newBuilder().setHttpGet(V1.HTTPGetAction.newBuilder().setPath("/healthz")
                .setPort(IntOrString.newBuilder().setType(1).setStrVal("http")))))
        .addEnv(V1.EnvVar.newBuilder().setName("PASSWORD").setValueFrom(V1.EnvVarSource.newBuilder()
            .setSecretKeyRef(V1.SecretKeySelector.newBuilder()
                .setLocalObjectReference(V1.LocalObjectReference.newBuilder().setName("db"))
                .setKey("password"))))
        .build();
    V1.Pod pod = V1.Pod.newBuilder()
        .setMetadata(ObjectMeta.newBuilder().setName("p").setNamespace("default")
            .setCreationTimestamp(Meta.Time.newBuilder().setSeconds(1700000000).setNanos(123))
            .setDeletionTimestamp(Meta.Time.newBuilder()) // the zero time: absent in JSON
            .setGeneration(0))
        .setSpec(V1.PodSpec.newBuilder()
            .addContainers(container)
            .setTerminationGracePeriodSeconds(0)
            .addVolumes(V1.Volume.newBuilder().setName("cache")
                .setVolumeSource(V1.VolumeSource.newBuilder().setEmptyDir(V1.EmptyDirVolumeSource.newBuilder()))))
        .build();

    JsonNode json = converted(body("v1", "Pod", pod));

    assertThat(json).isEqualTo(json("""
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"p","namespace":"default","creationTimestamp":"2023-11-14T22:13:20Z"},
         "spec":{"volumes":[{"name":"cache","emptyDir":{}}],
           "containers":[{"name":"app","image":"busybox",
             "env":[{"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}],
             "resources":{"limits":{"memory":"128Mi"},"requests":{"cpu":"250m"}},
             "readinessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":5}}],
           "terminationGracePeriodSeconds":0}}"""));
  }

  @Test
  void deploymentStrategyKeepsItsIntOrStringPercentages() {
    V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
        .setMetadata(ObjectMeta.newBuilder().setName("d"))
        .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(3).setRevisionHistoryLimit(0)
            .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType("RollingUpdate")
                .setRollingUpdate(V1Apps.RollingUpdateDeployment.newBuilder()
                    .setMaxSurge(IntOrString.newBuilder().setType(1).setStrVal("25%"))
                    .setMaxUnavailable(IntOrString.newBuilder().setType(0).setIntVal(0)))))
        .setStatus(V1Apps.DeploymentStatus.newBuilder().setReplicas(0).setObservedGeneration(0))
        .build();

    assertThat(converted(body("apps/v1", "Deployment", deployment))).isEqualTo(json("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},
         "spec":{"replicas":3,"revisionHistoryLimit":0,
           "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":0,"maxSurge":"25%"}}},
         "status":{}}"""));
  }

  @Test
  void leaseFromTheSupplementalSchemaWritesMicroTime() {
    Descriptor lease = kinds.find("coordination.k8s.io/v1", "Lease").orElseThrow();
    Descriptor spec = lease.findFieldByName("spec").getMessageType();
    DynamicMessage message = DynamicMessage.newBuilder(lease)
        .setField(lease.findFieldByName("metadata"), ObjectMeta.newBuilder().setName("node-1").build())
        .setField(lease.findFieldByName("spec"), DynamicMessage.newBuilder(spec)
            .setField(spec.findFieldByName("holderIdentity"), "node-1")
            .setField(spec.findFieldByName("leaseDurationSeconds"), 40)
            .setField(spec.findFieldByName("renewTime"),
                Meta.MicroTime.newBuilder().setSeconds(1700000000).setNanos(123456789).build())
            .build())
        .build();

    assertThat(converted(body("coordination.k8s.io/v1", "Lease", message))).isEqualTo(json("""
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"node-1"},
         "spec":{"holderIdentity":"node-1","leaseDurationSeconds":40,"renewTime":"2023-11-14T22:13:20.123456Z"}}"""));
  }

  @Test
  void endpointSliceFromTheSupplementalSchema() {
    Descriptor slice = kinds.find("discovery.k8s.io/v1", "EndpointSlice").orElseThrow();
    Descriptor endpoint = slice.findFieldByName("endpoints").getMessageType();
    Descriptor conditions = endpoint.findFieldByName("conditions").getMessageType();
    Descriptor port = slice.findFieldByName("ports").getMessageType();
    DynamicMessage message = DynamicMessage.newBuilder(slice)
        .setField(slice.findFieldByName("metadata"), ObjectMeta.newBuilder().setName("web-abc").build())
        .setField(slice.findFieldByName("addressType"), "IPv4")
        .addRepeatedField(slice.findFieldByName("endpoints"), DynamicMessage.newBuilder(endpoint)
            .addRepeatedField(endpoint.findFieldByName("addresses"), "10.244.1.5")
            .setField(endpoint.findFieldByName("conditions"), DynamicMessage.newBuilder(conditions)
                .setField(conditions.findFieldByName("ready"), false).build())
            .setField(endpoint.findFieldByName("targetRef"),
                V1.ObjectReference.newBuilder().setKind("Pod").setName("web-1").build())
            .build())
        .addRepeatedField(slice.findFieldByName("ports"), DynamicMessage.newBuilder(port)
            .setField(port.findFieldByName("port"), 8080).setField(port.findFieldByName("protocol"), "TCP").build())
        .build();

    assertThat(converted(body("discovery.k8s.io/v1", "EndpointSlice", message))).isEqualTo(json("""
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"web-abc"},"addressType":"IPv4",
         "endpoints":[{"addresses":["10.244.1.5"],"conditions":{"ready":false},"targetRef":{"kind":"Pod","name":"web-1"}}],
         "ports":[{"protocol":"TCP","port":8080}]}"""));
  }

  @Test
  void aBodyWithoutTheMagicPrefixIsABadRequest() {
    assertBadRequest(() -> bodies.toJson("{\"kind\":\"Pod\"}".getBytes()), "does not start with");
  }

  @Test
  void anUndecodableBodyIsABadRequest() {
    assertBadRequest(() -> bodies.toJson(new byte[] {'k', '8', 's', 0, (byte) 0xff, (byte) 0xff, 0x01}),
        "cannot be decoded");
  }

  @Test
  void anUnknownKindIsABadRequest() {
    assertBadRequest(() -> bodies.toJson(body("example.com/v1", "Widget", V1.Pod.getDefaultInstance())),
        "no kind \"Widget\" is registered for version \"example.com/v1\"");
  }

  @Test
  void anEncodedEnvelopeIsABadRequest() {
    byte[] gzipped = envelope(Unknown.newBuilder()
        .setTypeMeta(TypeMeta.newBuilder().setApiVersion("v1").setKind("Pod"))
        .setContentEncoding("gzip").build());
    assertBadRequest(() -> bodies.toJson(gzipped), "unsupported content encoding");
  }

  private static void assertBadRequest(Runnable call, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(400);
      assertThat(e.getMessage()).contains(message);
    });
  }

  /** A body as kubectl writes it: the magic, then a runtime.Unknown around the object. */
  static byte[] body(String apiVersion, String kind, Message object) {
    return envelope(Unknown.newBuilder()
        .setTypeMeta(TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
        .setRaw(ByteString.copyFrom(object.toByteArray()))
        .build());
  }

  private static byte[] envelope(Unknown unknown) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'k', '8', 's', 0});
    out.writeBytes(unknown.toByteArray());
    return out.toByteArray();
  }

  static byte[] captured(String file) throws Exception {
    return Files.readAllBytes(Path.of("src/test/resources/protobuf/kubectl-1.33", file));
  }

  /** Re-read, so that numbers compare by value: the converter writes int64 fields as longs. */
  private JsonNode converted(byte[] body) {
    return json(JSON.writeValueAsString(bodies.toJson(body)));
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
