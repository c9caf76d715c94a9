package io.kubeboot.resources.bootstrap;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.api.ObjectApi;
import io.kubeboot.resources.api.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The RBAC objects every cluster starts with ({@code bootstrap/rbac-policy.yaml}), created through
 * the API like any other object, as kube-apiserver's bootstrap policy: each one that is missing is
 * created; one that exists is left as it is, so an administrator's changes stay.
 */
@Component
class DefaultRbacPolicy implements ApplicationRunner {

  static final String POLICY = "bootstrap/rbac-policy.yaml";

  private final ObjectApi api;

  DefaultRbacPolicy(ObjectApi api) {
    this.api = api;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (ObjectNode object : policy()) {
      ResourceType type = ResourceRegistry.standard()
          .byKind(object.path("apiVersion").asString(), object.path("kind").asString()).orElseThrow();
      try {
        api.create(type, null, object, WriteOptions.DEFAULT);
      } catch (ApiException e) {
        if (e.code() != 409) {
          throw e;
        }
      }
    }
  }

  /** The policy's objects in file order, labelled as upstream's defaults and with aggregated rules filled in. */
  static List<ObjectNode> policy() {
    List<ObjectNode> objects = new ArrayList<>();
    for (JsonNode item : read().path("items")) {
      ObjectNode object = (ObjectNode) item;
      object.withObject("/metadata").withObject("labels").put("kubernetes.io/bootstrapping", "rbac-defaults");
      object.withObject("/metadata").withObject("annotations")
          .put("rbac.authorization.kubernetes.io/autoupdate", "true");
      if (object.has("aggregationRule")) {
        object.set("rules", aggregatedRules(object.path("aggregationRule"), objects));
      }
      objects.add(object);
    }
    return objects;
  }

  /**
   * What upstream's ClusterRole aggregation controller would gather: the rules of the ClusterRoles
   * whose labels match one of the selectors ({@code matchLabels} only, all that upstream's defaults
   * use). kubeboot has no such controller, so only the policy's own roles (those before this one in
   * the file) are gathered, once, when the role is created.
   */
  private static ArrayNode aggregatedRules(JsonNode aggregationRule, List<ObjectNode> earlier) {
    ArrayNode rules = YAMLMapper.builder().build().createArrayNode();
    for (ObjectNode role : earlier) {
      JsonNode labels = role.at("/metadata/labels");
      boolean selected = false;
      for (JsonNode selector : aggregationRule.path("clusterRoleSelectors")) {
        selected |= selector.path("matchLabels").properties().stream()
            .allMatch(label -> label.getValue().equals(labels.path(label.getKey())));
      }
      if (selected && "ClusterRole".equals(role.path("kind").asString())) {
        role.path("rules").forEach(rules::add);
      }
    }
    return rules;
  }

  private static JsonNode read() {
    try (InputStream in = DefaultRbacPolicy.class.getClassLoader().getResourceAsStream(POLICY)) {
      if (in == null) {
        throw new IllegalStateException(POLICY + " is missing from the classpath");
      }
      return YAMLMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
