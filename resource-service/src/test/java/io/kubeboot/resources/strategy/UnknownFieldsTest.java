package io.kubeboot.resources.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

  @Test
  void kubectlBodiesHaveNone() {
    assertThat(UnknownFields.find(Json.read(DeploymentsTest.KUBECTL_CREATE, Deployment.class))).isEmpty();
    assertThat(UnknownFields.find(Json.read(PodsTest.NGINX, Pod.class))).isEmpty();
  }

  @Test
  void pathsAreUpstreamsInDocumentOrder() {
    // the body of upstream's field validation integration test, without its duplicate keys
    Deployment deployment = Json.read("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"d","unknownMeta":"x","labels":{"app":"nginx"}},
         "spec":{"unknown1":"val1","unknownDupe":"valDupe","paused":true,
           "selector":{"matchLabels":{"app":"nginx"}},
           "template":{"metadata":{"labels":{"app":"nginx"}},
             "spec":{"containers":[{"name":"nginx","image":"nginx:latest","unknownNested":"val1",
               "ports":[{"containerPort":80,"foo":{"bar":1}}]}]}}}}""", Deployment.class);
    assertThat(UnknownFields.find(deployment)).containsExactly(
        "metadata.unknownMeta",
        "spec.unknown1",
        "spec.unknownDupe",
        "spec.template.spec.containers[0].unknownNested",
        "spec.template.spec.containers[0].ports[0].foo");
  }

  @Test
  void freeFormContentIsNotUnknown() {
    Pod pod = Json.read("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","managedFields":[{"manager":"kubectl",
           "operation":"Update","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:containers":{}}}}]},
         "spec":{"containers":[{"name":"c","image":"i"}]}}""", Pod.class);
    assertThat(UnknownFields.find(pod)).isEmpty();
  }

  @Test
  void topLevelAndMapValuedFieldsToo() {
    Pod pod = Json.read("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spex":{},
         "spec":{"containers":[{"name":"c","image":"i","resources":{"limits":{"cpu":"1"}}}],
                 "nodeSelector":{"disk":"ssd"}}}""", Pod.class);
    assertThat(UnknownFields.find(pod)).containsExactly("spex");
  }
}
