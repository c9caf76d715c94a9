package io.kubeboot.resources.patch;

import static io.kubeboot.resources.patch.Fixtures.dollarKeys;
import static io.kubeboot.resources.patch.Fixtures.names;
import static io.kubeboot.resources.patch.Fixtures.object;
import static io.kubeboot.resources.patch.Fixtures.strategic;
import static io.kubeboot.resources.patch.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** Strategic merge patch: the patches kubectl sends, the merge keys, the directives. */
class StrategicMergePatchTest {

  @Test
  void setImageChangesOnlyThatContainersImage() {
    var result = strategic(Fixtures.DEPLOYMENT, """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"kubernetes-bootcamp"}],
          "containers":[{"image":"jocatalin/kubernetes-bootcamp:v2","name":"kubernetes-bootcamp"}]}}}}""");

    var expected = object(Fixtures.DEPLOYMENT);
    ((ObjectNode) expected.at("/spec/template/spec/containers/0")).put("image", "jocatalin/kubernetes-bootcamp:v2");
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void applyUpdateChangesImageAndLabelAndKeepsServerOnlyContainer() {
    var result = strategic(Fixtures.POD, """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"kind\\":\\"Pod\\"}"},
          "labels":{"tier":"web"}},
         "spec":{"$setElementOrder/containers":[{"name":"nginx"}],
          "containers":[{"image":"nginx:1.26","name":"nginx"}]}}""");

    assertThat(result.at("/metadata/labels")).isEqualTo(tree("{\"app\":\"nginx\",\"tier\":\"web\"}"));
    assertThat(result.at("/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration").asString())
        .isEqualTo("{\"kind\":\"Pod\"}");
    assertThat(names(result.at("/spec/containers"))).containsExactly("nginx", "log-shipper");
    assertThat(result.at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.26");
    assertThat(result.at("/spec/containers/0/ports")).isEqualTo(object(Fixtures.POD).at("/spec/containers/0/ports"));
    assertThat(dollarKeys(result)).isEmpty();
  }

  @Test
  void applyRemovingAContainerPortDeletesOnlyThatPort() {
    var result = strategic(Fixtures.POD, """
        {"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"log-shipper"}],
          "containers":[{"$setElementOrder/ports":[{"containerPort":443}],"name":"nginx",
            "ports":[{"$patch":"delete","containerPort":80}]}]}}""");

    assertThat(result.at("/spec/containers/0/ports")).isEqualTo(tree("[{\"containerPort\":443,\"protocol\":\"TCP\"}]"));
    assertThat(result.at("/spec/containers/0/image").asString()).isEqualTo("nginx:1.25");
    assertThat(dollarKeys(result)).isEmpty();
  }

  @Test
  void applyRemovingAFieldSendsNull() {
    var result = strategic(Fixtures.POD, """
        {"spec":{"containers":[{"name":"nginx","resources":null,"volumeMounts":null}]}}""");

    assertThat(result.at("/spec/containers/0")).isEqualTo(tree("""
        {"name":"nginx","image":"nginx:1.25",
         "ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443,"protocol":"TCP"}]}"""));
  }

  /**
   * One row per list field: a list tagged upstream merges with the current one by its key (new
   * elements first, see {@link #newListElementsGoBeforeTheServersOnes}); an untagged one is replaced.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      # tagged: merged by key
      containerPortsMergeByContainerPort | POD | /spec/containers/0/ports \
        | {"spec":{"containers":[{"name":"nginx","ports":[{"containerPort":443,"name":"https"}]}]}} \
        | [{"containerPort":80,"protocol":"TCP"},{"containerPort":443,"protocol":"TCP","name":"https"}]
      envMergesByName | DEPLOYMENT | /spec/template/spec/containers/0/env \
        | {"spec":{"template":{"spec":{"containers":[{"name":"kubernetes-bootcamp","env":[{"name":"LOG_LEVEL","value":"debug"}]}]}}}} \
        | [{"name":"MODE","value":"demo"},{"name":"LOG_LEVEL","value":"debug"}]
      volumeMountsMergeByMountPath | POD | /spec/containers/0/volumeMounts \
        | {"spec":{"containers":[{"name":"nginx","volumeMounts":[{"mountPath":"/usr/share/nginx/html","readOnly":true}]}]}} \
        | [{"name":"html","mountPath":"/usr/share/nginx/html","readOnly":true}]
      volumesMergeByName | POD | /spec/volumes \
        | {"spec":{"volumes":[{"name":"cache","emptyDir":{"medium":"Memory"}}]}} \
        | [{"name":"cache","emptyDir":{"medium":"Memory"}},{"name":"html","emptyDir":{}}]
      imagePullSecretsMergeByName | POD | /spec/imagePullSecrets \
        | {"spec":{"imagePullSecrets":[{"name":"mirror"}]}} \
        | [{"name":"mirror"},{"name":"regcred"}]
      ownerReferencesMergeByUid | POD | /metadata/ownerReferences \
        | {"metadata":{"ownerReferences":[{"uid":"rs-uid-1","blockOwnerDeletion":true}]}} \
        | [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"nginx-5d8f7c","uid":"rs-uid-1","controller":true,"blockOwnerDeletion":true}]
      finalizersMergeAsASet | POD | /metadata/finalizers \
        | {"metadata":{"finalizers":["example.com/b","example.com/c"]}} \
        | ["example.com/a","example.com/b","example.com/c"]
      podConditionsMergeByType | POD | /status/conditions \
        | {"status":{"conditions":[{"type":"Ready","status":"False","reason":"ContainersNotReady"}]}} \
        | [{"type":"Ready","status":"False","reason":"ContainersNotReady"},{"type":"PodScheduled","status":"True"}]
      podIPsMergeByIp | POD | /status/podIPs \
        | {"status":{"podIPs":[{"ip":"fd00::5"}]}} \
        | [{"ip":"fd00::5"},{"ip":"10.244.1.5"}]
      serviceSpecPortsMergeByPort | SERVICE | /spec/ports \
        | {"spec":{"ports":[{"port":9090,"targetPort":9191}]}} \
        | [{"name":"http","port":8080,"protocol":"TCP","targetPort":8080,"nodePort":31234},{"name":"metrics","port":9090,"protocol":"TCP","targetPort":9191,"nodePort":31999}]
      nodeConditionsMergeByType | NODE | /status/conditions \
        | {"status":{"conditions":[{"type":"Ready","status":"True","reason":"KubeletReady"}]}} \
        | [{"type":"MemoryPressure","status":"False","reason":"KubeletHasSufficientMemory"},{"type":"Ready","status":"True","reason":"KubeletReady"}]
      nodeAddressesMergeByType | NODE | /status/addresses \
        | {"status":{"addresses":[{"type":"InternalIP","address":"192.168.1.11"}]}} \
        | [{"type":"InternalIP","address":"192.168.1.11"},{"type":"Hostname","address":"node-1"}]
      nodePodCIDRsMergeAsASet | NODE | /spec/podCIDRs \
        | {"spec":{"podCIDRs":["fd00:1::/64"]}} \
        | ["fd00:1::/64","10.244.1.0/24"]
      deploymentConditionsMergeByType | DEPLOYMENT | /status/conditions \
        | {"status":{"conditions":[{"type":"Progressing","status":"True","reason":"ReplicaSetUpdated"}]}} \
        | [{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"},{"type":"Progressing","status":"True","reason":"ReplicaSetUpdated"}]
      jobConditionsMergeByType | JOB | /status/conditions \
        | {"status":{"conditions":[{"type":"Complete","status":"True"}]}} \
        | [{"type":"Suspended","status":"False"},{"type":"Complete","status":"True"}]
      # untagged: replaced, as upstream
      tolerationsAreReplaced | POD | /spec/tolerations \
        | {"spec":{"tolerations":[{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}]}} \
        | [{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}]
      containerArgsAreReplaced | POD | /spec/containers/1/args \
        | {"spec":{"containers":[{"name":"log-shipper","args":["cat"]}]}} \
        | ["cat"]
      jobCommandIsReplaced | JOB | /spec/template/spec/containers/0/command \
        | {"spec":{"template":{"spec":{"containers":[{"name":"pi","command":["perl","-v"]}]}}}} \
        | ["perl","-v"]
      nodeTaintsAreReplacedSoKubectlTaintCanRemoveOne | NODE | /spec/taints \
        | {"spec":{"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]}} \
        | [{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]
      """)
  void listFieldFollowsItsUpstreamTag(String behaviour, String fixture, String pointer, String patch, String expected) {
    assertThat(strategic(fixture(fixture), patch).at(pointer)).isEqualTo(tree(expected));
  }

  /** Where the pod template sits in each workload; the same PodSpec tags must apply there. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      apps/v1  | Deployment  | spec.template
      apps/v1  | ReplicaSet  | spec.template
      apps/v1  | DaemonSet   | spec.template
      apps/v1  | StatefulSet | spec.template
      batch/v1 | Job         | spec.template
      batch/v1 | CronJob     | spec.jobTemplate.spec.template
      v1       | Pod         | ''
      """)
  void podTemplateContainersMergeByNameInEveryWorkload(String apiVersion, String kind, String templatePath) {
    String template = """
        {"spec":{"containers":[{"name":"app","image":"app:v1","ports":[{"containerPort":8080}],
          "env":[{"name":"A","value":"1"}]}]}}""";
    String change = """
        {"spec":{"containers":[{"name":"app","image":"app:v2","env":[{"name":"B","value":"2"}]}]}}""";
    String current = nest(templatePath, template).replaceFirst("^\\{",
        "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",");

    var result = strategic(current, nest(templatePath, change));

    String pointer = templatePath.isEmpty() ? "" : "/" + templatePath.replace('.', '/');
    assertThat(result.at(pointer + "/spec/containers")).isEqualTo(tree("""
        [{"name":"app","image":"app:v2","ports":[{"containerPort":8080}],
          "env":[{"name":"B","value":"2"},{"name":"A","value":"1"}]}]"""));
  }

  @Test
  void unknownKindMergesMapsButReplacesLists() {
    var widget = new ResourceType("example.com", "v1", "Widget", "widgets", "widget", true, List.of(), Set.of(), null);
    var current = object("""
        {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","finalizers":["a"]},
         "spec":{"size":1,"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}""");

    var result = new Patcher().apply(PatchType.STRATEGIC, current, """
        {"metadata":{"finalizers":["b"]},"spec":{"color":"red","containers":[{"name":"a","image":"z"}]}}"""
        .getBytes(StandardCharsets.UTF_8), widget);

    assertThat(result).isEqualTo(tree("""
        {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","finalizers":["b"]},
         "spec":{"size":1,"containers":[{"name":"a","image":"z"}],"color":"red"}}"""));
  }

  @Test
  void patchDeleteDirectiveRemovesListElement() {
    var result = strategic(Fixtures.POD, """
        {"spec":{"containers":[{"$patch":"delete","name":"log-shipper"}]}}""");

    assertThat(names(result.at("/spec/containers"))).containsExactly("nginx");
  }

  @Test
  void patchReplaceDirectiveReplacesTheWholeList() {
    var result = strategic(Fixtures.POD, """
        {"spec":{"containers":[{"$patch":"replace"},{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}]}]}}""");

    assertThat(result.at("/spec/containers")).isEqualTo(tree("""
        [{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}]}]"""));
  }

  @Test
  void patchReplaceDirectiveReplacesAMap() {
    var result = strategic(Fixtures.POD, """
        {"metadata":{"labels":{"$patch":"replace","app":"web"}}}""");

    assertThat(result.at("/metadata/labels")).isEqualTo(tree("{\"app\":\"web\"}"));
  }

  @Test
  void patchDeleteDirectiveEmptiesAMapLikeUpstream() {
    var result = strategic(Fixtures.POD, """
        {"metadata":{"labels":{"$patch":"delete"}}}""");

    assertThat(result.at("/metadata/labels")).isEqualTo(tree("{}"));
  }

  @Test
  void setElementOrderReordersMergedContainers() {
    var result = strategic(Fixtures.POD, """
        {"spec":{"$setElementOrder/containers":[{"name":"log-shipper"},{"name":"nginx"}],
          "containers":[{"name":"nginx","image":"nginx:1.26"}]}}""");

    assertThat(names(result.at("/spec/containers"))).containsExactly("log-shipper", "nginx");
    assertThat(result.at("/spec/containers/1/image").asString()).isEqualTo("nginx:1.26");
    assertThat(result.at("/spec/containers/1/ports").size()).isEqualTo(2);
  }

  @Test
  void setElementOrderWithoutTheListOnlyReorders() {
    var result = strategic(Fixtures.POD, """
        {"metadata":{"$setElementOrder/finalizers":["example.com/b","example.com/a"]}}""");

    assertThat(result.at("/metadata/finalizers")).isEqualTo(tree("[\"example.com/b\",\"example.com/a\"]"));
  }

  /** Upstream interleaves by server position rather than appending the server-only elements. */
  @Test
  void setElementOrderKeepsServerOnlyElementsWhereTheServerHadThem() {
    var result = strategic("""
        {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}}""", """
        {"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"a"}],"containers":[{"name":"c","image":"c"}]}}""");

    assertThat(names(result.at("/spec/containers"))).containsExactly("b", "c", "a");
  }

  /** As on a real cluster (see kubectl patch's documentation), an added container comes first. */
  @Test
  void newListElementsGoBeforeTheServersOnes() {
    var result = strategic(Fixtures.POD, """
        {"spec":{"containers":[{"name":"metrics","image":"prom/statsd-exporter"}]}}""");

    assertThat(names(result.at("/spec/containers")))
        .containsExactly("metrics", "nginx", "log-shipper");
  }

  @Test
  void deleteFromPrimitiveListRemovesAFinalizer() {
    var result = strategic(Fixtures.POD, """
        {"metadata":{"$setElementOrder/finalizers":["example.com/b"],"$deleteFromPrimitiveList/finalizers":["example.com/a"]}}""");

    assertThat(result.at("/metadata/finalizers")).isEqualTo(tree("[\"example.com/b\"]"));
  }

  /** What kubectl apply sends when a Deployment's strategy changes to Recreate. */
  @Test
  void retainKeysClearsTheFieldsItDoesNotList() {
    var result = strategic(Fixtures.DEPLOYMENT, """
        {"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""");

    assertThat(result.at("/spec/strategy")).isEqualTo(tree("{\"type\":\"Recreate\"}"));
  }

  @Test
  void directivesAndNullsNeverReachTheResult() {
    var result = strategic(Fixtures.POD, """
        {"metadata":{"annotations":{"new":"yes","gone":null}},
         "spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"log-shipper"},{"name":"metrics"}],
          "containers":[{"name":"metrics","image":"prom/statsd-exporter","resources":null,
            "$setElementOrder/ports":[{"containerPort":9102}],"ports":[{"containerPort":9102,"hostPort":null}],
            "securityContext":{"$patch":"replace","runAsUser":1000}}],
          "affinity":{"nodeAffinity":{"$retainKeys":["requiredDuringSchedulingIgnoredDuringExecution"]}}}}""");

    assertThat(dollarKeys(result)).isEmpty();
    assertThat(result.at("/spec/containers/2")).isEqualTo(tree("""
        {"name":"metrics","image":"prom/statsd-exporter","ports":[{"containerPort":9102}],
         "securityContext":{"runAsUser":1000}}"""));
    assertThat(result.at("/metadata/annotations/new").asString()).isEqualTo("yes");
    assertThat(result.at("/spec/affinity")).isEqualTo(tree("{\"nodeAffinity\":{}}"));
  }

  @Test
  void numericMergeKeysMatchWhateverTheirNumberType() {
    var result = strategic(Fixtures.SERVICE, """
        {"spec":{"ports":[{"port":8080.0,"name":"web"}]}}""");

    assertThat(names(result.at("/spec/ports"))).containsExactly("web", "metrics");
  }

  private static String fixture(String name) {
    return switch (name) {
      case "POD" -> Fixtures.POD;
      case "DEPLOYMENT" -> Fixtures.DEPLOYMENT;
      case "SERVICE" -> Fixtures.SERVICE;
      case "NODE" -> Fixtures.NODE;
      case "JOB" -> Fixtures.JOB;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** {@code value} placed at a dotted path: {@code nest("a.b", "{}")} is {@code {"a":{"b":{}}}}. */
  private static String nest(String path, String value) {
    if (path.isEmpty()) {
      return value;
    }
    String nested = value;
    String[] keys = path.split("\\.");
    for (int i = keys.length - 1; i >= 0; i--) {
      nested = "{\"" + keys[i] + "\":" + nested + "}";
    }
    return nested;
  }
}
