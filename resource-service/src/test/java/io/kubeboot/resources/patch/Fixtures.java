package io.kubeboot.resources.patch;

import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Objects as a cluster stores them, and helpers to patch them in tests. */
final class Fixtures {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** kubectl create deployment kubernetes-bootcamp, after the controllers had their say. */
  static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment",
       "metadata":{"name":"kubernetes-bootcamp","namespace":"default","uid":"4a3f1c9e-0b1d-4c55-9a41-5d0e7f3b2c11",
         "resourceVersion":"1021","generation":1,"labels":{"app":"kubernetes-bootcamp"},
         "annotations":{"deployment.kubernetes.io/revision":"1"}},
       "spec":{"replicas":1,"selector":{"matchLabels":{"app":"kubernetes-bootcamp"}},
         "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
         "template":{"metadata":{"labels":{"app":"kubernetes-bootcamp"}},
           "spec":{"containers":[{"name":"kubernetes-bootcamp","image":"gcr.io/google-samples/kubernetes-bootcamp:v1",
               "ports":[{"containerPort":8080,"protocol":"TCP"}],
               "env":[{"name":"MODE","value":"demo"},{"name":"LOG_LEVEL","value":"info"}],
               "resources":{"limits":{"memory":"128Mi"},"requests":{"cpu":"100m"}},
               "imagePullPolicy":"IfNotPresent","terminationMessagePath":"/dev/termination-log"}],
             "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst"}}},
       "status":{"observedGeneration":1,"replicas":1,"updatedReplicas":1,"readyReplicas":1,"availableReplicas":1,
         "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"},
           {"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable"}]}}
      """;

  /** A pod of a ReplicaSet with a web server and a log shipper. */
  static final String POD = """
      {"apiVersion":"v1","kind":"Pod",
       "metadata":{"name":"nginx","namespace":"default","uid":"9d2e6a70-5b8e-4f0e-8f3c-3e2f1a0b7c44",
         "labels":{"app":"nginx","tier":"frontend"},
         "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"},
         "finalizers":["example.com/a","example.com/b"],
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"nginx-5d8f7c","uid":"rs-uid-1","controller":true}]},
       "spec":{"containers":[
           {"name":"nginx","image":"nginx:1.25",
            "ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443,"protocol":"TCP"}],
            "resources":{"limits":{"cpu":"500m","memory":"128Mi"}},
            "volumeMounts":[{"name":"html","mountPath":"/usr/share/nginx/html"}]},
           {"name":"log-shipper","image":"busybox:1.36","args":["tail","-f","/var/log/nginx/access.log"]}],
         "volumes":[{"name":"html","emptyDir":{}}],
         "imagePullSecrets":[{"name":"regcred"}],
         "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],
         "nodeName":"node-1","restartPolicy":"Always"},
       "status":{"phase":"Running","podIP":"10.244.1.5","podIPs":[{"ip":"10.244.1.5"}],
         "conditions":[{"type":"Ready","status":"True"},{"type":"PodScheduled","status":"True"}]}}
      """;

  /** kubectl expose deployment/kubernetes-bootcamp --type=NodePort, with a metrics port added. */
  static final String SERVICE = """
      {"apiVersion":"v1","kind":"Service",
       "metadata":{"name":"kubernetes-bootcamp","namespace":"default","labels":{"app":"kubernetes-bootcamp"}},
       "spec":{"type":"NodePort","clusterIP":"10.96.0.15","selector":{"app":"kubernetes-bootcamp"},
         "ports":[{"name":"http","port":8080,"protocol":"TCP","targetPort":8080,"nodePort":31234},
           {"name":"metrics","port":9090,"protocol":"TCP","targetPort":9090,"nodePort":31999}]},
       "status":{"loadBalancer":{}}}
      """;

  static final String NODE = """
      {"apiVersion":"v1","kind":"Node",
       "metadata":{"name":"node-1","labels":{"kubernetes.io/hostname":"node-1"}},
       "spec":{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],
         "taints":[{"key":"node.kubernetes.io/not-ready","effect":"NoSchedule"},
           {"key":"dedicated","value":"gpu","effect":"NoSchedule"}]},
       "status":{"addresses":[{"type":"InternalIP","address":"192.168.1.10"},{"type":"Hostname","address":"node-1"}],
         "conditions":[{"type":"MemoryPressure","status":"False","reason":"KubeletHasSufficientMemory"},
           {"type":"Ready","status":"False","reason":"KubeletNotReady"}]}}
      """;

  static final String JOB = """
      {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"default"},
       "spec":{"backoffLimit":4,"template":{"spec":{"restartPolicy":"Never",
         "containers":[{"name":"pi","image":"perl:5.34","command":["perl","-Mbignum=bpi","-wle","print bpi(2000)"]}]}}},
       "status":{"active":1,"conditions":[{"type":"Suspended","status":"False"},{"type":"Complete","status":"False"}]}}
      """;

  private Fixtures() {
  }

  static ObjectNode object(String json) {
    return (ObjectNode) tree(json);
  }

  static JsonNode tree(String json) {
    return MAPPER.readTree(json);
  }

  static ResourceType kind(String apiVersion, String kind) {
    return ResourceRegistry.standard().byKind(apiVersion, kind).orElseThrow();
  }

  /** The kind of a fixture, from its own apiVersion and kind. */
  static ResourceType kindOf(ObjectNode object) {
    return kind(object.get("apiVersion").asString(), object.get("kind").asString());
  }

  static ObjectNode patch(PatchType type, String current, String patch) {
    ObjectNode object = object(current);
    return new Patcher().apply(type, object, patch.getBytes(StandardCharsets.UTF_8), kindOf(object));
  }

  static ObjectNode strategic(String current, String patch) {
    return patch(PatchType.STRATEGIC, current, patch);
  }

  /** The {@code name} of each element of a list. */
  static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.forEach(element -> names.add(element.path("name").asString()));
    return names;
  }

  /** Every key starting with {@code $} anywhere in the tree, to prove no directive was stored. */
  static List<String> dollarKeys(JsonNode node) {
    List<String> found = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (field.getKey().startsWith("$")) {
          found.add(field.getKey());
        }
        found.addAll(dollarKeys(field.getValue()));
      }
    } else if (node.isArray()) {
      node.forEach(element -> found.addAll(dollarKeys(element)));
    }
    return found;
  }
}
