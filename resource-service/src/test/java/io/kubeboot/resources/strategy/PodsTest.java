package io.kubeboot.resources.strategy;

import static io.kubeboot.resources.strategy.DeploymentsTest.messages;
import static io.kubeboot.resources.strategy.DeploymentsTest.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodsTest {

  static final String NGINX = """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx","namespace":"default"},
       "spec":{"containers":[{"name":"nginx","image":"nginx:1.27","ports":[{"containerPort":80}],
         "resources":{"limits":{"cpu":"500m","memory":"128Mi"}},
         "livenessProbe":{"httpGet":{"path":"/","port":80}},
         "env":[{"name":"POD_IP","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}}]}]}}""";

  private final ResourceStrategy<Pod> strategy = Strategies.forClass(Pod.class);

  @Test
  void createAppliesDefaultsAdmissionAndInitialStatus() {
    Pod pod = created(NGINX);

    assertThat(Json.tree(pod.getSpec())).isEqualTo(Json.tree("""
        {"containers":[{"name":"nginx","image":"nginx:1.27","imagePullPolicy":"IfNotPresent",
           "ports":[{"containerPort":80,"protocol":"TCP"}],
           "resources":{"limits":{"cpu":"500m","memory":"128Mi"},"requests":{"cpu":"500m","memory":"128Mi"}},
           "livenessProbe":{"httpGet":{"path":"/","port":80,"scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,
                            "successThreshold":1,"failureThreshold":3},
           "env":[{"name":"POD_IP","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"status.podIP"}}}],
           "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
         "restartPolicy":"Always","dnsPolicy":"ClusterFirst","schedulerName":"default-scheduler",
         "terminationGracePeriodSeconds":30,"securityContext":{},"enableServiceLinks":true,
         "serviceAccountName":"default","serviceAccount":"default","priority":0,"preemptionPolicy":"PreemptLowerPriority",
         "tolerations":[
           {"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},
           {"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]}"""));
    assertThat(Json.tree(pod.getStatus())).isEqualTo(Json.tree("{\"phase\":\"Pending\",\"qosClass\":\"Guaranteed\"}"));
    assertThat(StorageCalls.createErrors(strategy, pod)).isEmpty();
  }

  @Test
  void qosClassFollowsRequestsAndLimits() {
    assertThat(created(NGINX.replace("\"limits\"", "\"requests\"")).getStatus().getQosClass()).isEqualTo("Burstable");
    assertThat(created(NGINX.replace("\"limits\":{\"cpu\":\"500m\",\"memory\":\"128Mi\"}", "\"limits\":{}"))
        .getStatus().getQosClass()).isEqualTo("BestEffort");
  }

  @Test
  void anExistingWildcardTolerationSuppressesTheDefaultOnes() {
    Pod pod = created(NGINX.replace("\"containers\"", "\"tolerations\":[{\"operator\":\"Exists\"}],\"containers\""));
    assertThat(pod.getSpec().getTolerations()).hasSize(1);
  }

  @Test
  void containersAreRequired() {
    Pod pod = created("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"empty","namespace":"default"},"spec":{}}""");
    assertThat(messages(strategy.validate(pod))).containsExactly("spec.containers: Required value");
  }

  @Test
  void containerRulesUseUpstreamPathsAndMessages() {
    Pod pod = created("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"bad","namespace":"default"},
         "spec":{"restartPolicy":"Sometimes","containers":[
           {"name":"Web_1","ports":[{"containerPort":70000,"name":"http"},{"containerPort":81,"name":"http"}]},
           {"name":"Web_1","image":"busybox","imagePullPolicy":"Maybe",
            "volumeMounts":[{"name":"data","mountPath":"/data"}],
            "resources":{"requests":{"cpu":"2"},"limits":{"cpu":"1"}}}]}}""");
    assertThat(messages(strategy.validate(pod))).containsExactly(
        "spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case"
            + " alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', "
            + " or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        "spec.containers[0].image: Required value",
        "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
        "spec.containers[0].ports[1].name: Duplicate value: \"http\"",
        "spec.containers[1].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case"
            + " alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', "
            + " or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        "spec.containers[1].volumeMounts[0].name: Invalid value: \"data\": not found",
        "spec.containers[1].imagePullPolicy: Unsupported value: \"Maybe\": supported values: \"Always\","
            + " \"IfNotPresent\", \"Never\"",
        "spec.containers[1].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
        "spec.containers[1].name: Duplicate value: \"Web_1\"",
        "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"");
  }

  @Test
  void volumeNamesAreUniqueAndMountsMustExist() {
    Pod pod = created("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"vols","namespace":"default"},
         "spec":{"volumes":[{"name":"data"},{"name":"data","emptyDir":{}}],
                 "containers":[{"name":"c","image":"busybox","volumeMounts":[{"name":"data","mountPath":"/d"}]}]}}""");
    // a volume without a source is an emptyDir
    assertThat(pod.getSpec().getVolumes().get(0).getEmptyDir()).isNotNull();
    assertThat(messages(strategy.validate(pod))).containsExactly("spec.volumes[1].name: Duplicate value: \"data\"");
  }

  @Test
  void imageMayChangeButNothingElse() {
    Pod old = stored(created(NGINX));
    Pod newImage = Json.copy(old);
    newImage.getSpec().getContainers().get(0).setImage("nginx:1.28");
    strategy.prepareForUpdate(newImage, old);
    assertThat(strategy.validateUpdate(newImage, old)).isEmpty();

    Pod newPort = Json.copy(old);
    newPort.getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(8080);
    strategy.prepareForUpdate(newPort, old);
    assertThat(messages(strategy.validateUpdate(newPort, old))).singleElement().asString().isEqualTo(
        "spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
            + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to"
            + " existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was"
            + " previously negative)\n"
            + "- spec.containers[0].ports[0].containerPort: 80\n"
            + "+ spec.containers[0].ports[0].containerPort: 8080");
  }

  @Test
  void containersMayNotBeAddedAndTolerationsOnlyAdded() {
    Pod old = stored(created(NGINX));
    Pod more = Json.copy(old);
    more.getSpec().getContainers().add(Json.copy(more.getSpec().getContainers().get(0)));
    more.getSpec().getContainers().get(1).setName("second");
    strategy.prepareForUpdate(more, old);
    assertThat(messages(strategy.validateUpdate(more, old)))
        .contains("spec.containers: Forbidden: pod updates may not add or remove containers");

    Pod fewerTolerations = Json.copy(old);
    fewerTolerations.getSpec().getTolerations().remove(1);
    strategy.prepareForUpdate(fewerTolerations, old);
    assertThat(messages(strategy.validateUpdate(fewerTolerations, old)))
        .contains("spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds");
  }

  @Test
  void statusUpdateKeepsSpecAndBackfillsQos() {
    Pod old = stored(created(NGINX));
    Pod status = Json.copy(old);
    status.getSpec().getContainers().get(0).setImage("evil:latest");
    status.getStatus().setPhase("Running");
    status.getStatus().setQosClass(null);
    status.getSpec().getContainers().get(0).getResources().setLimits(Map.of("cpu", new Quantity("9")));
    strategy.prepareForStatusUpdate(status, old);
    assertThat(status.getSpec()).isEqualTo(old.getSpec());
    assertThat(status.getStatus().getPhase()).isEqualTo("Running");
    assertThat(status.getStatus().getQosClass()).isEqualTo("Guaranteed");
  }

  @Test
  void mainResourceUpdateCannotWriteStatus() {
    Pod old = stored(created(NGINX));
    Pod update = Json.copy(old);
    update.getStatus().setPhase("Succeeded");
    strategy.prepareForUpdate(update, old);
    assertThat(update.getStatus().getPhase()).isEqualTo("Pending");
  }

  private Pod created(String json) {
    Pod pod = Json.read(json, Pod.class);
    strategy.prepareForCreate(pod);
    return pod;
  }
}
