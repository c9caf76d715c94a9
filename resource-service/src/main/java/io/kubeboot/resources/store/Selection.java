package io.kubeboot.resources.store;

import io.kubeboot.common.selector.FieldSelector;
import io.kubeboot.common.selector.LabelSelector;
import io.kubeboot.common.selector.Requirement;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The label and field selectors of a list or watch. A selection of everything needs no look at
 * an object at all, which spares a watch without selectors parsing every change it passes on.
 */
public record Selection(LabelSelector labels, FieldSelector fields) {

  public static Selection parse(String labelSelector, String fieldSelector) {
    return new Selection(LabelSelector.parse(labelSelector), FieldSelector.parse(fieldSelector));
  }

  /** No selector: every object is selected. */
  public boolean everything() {
    return labels.isEmpty() && fields.isEmpty();
  }

  public boolean matches(ObjectNode object) {
    return everything() || labels.matches(labelsOf(object)) && fields.matches(object);
  }

  /** The label requirements of the form key=value, which the database can filter with its index. */
  public Map<String, String> labelEqualities() {
    Map<String, String> equalities = new HashMap<>();
    for (Requirement requirement : labels.requirements()) {
      boolean equality = requirement.op() == Requirement.Operator.EQUALS
          || requirement.op() == Requirement.Operator.DOUBLE_EQUALS
          || requirement.op() == Requirement.Operator.IN && requirement.values().size() == 1;
      if (equality) {
        equalities.put(requirement.key(), requirement.values().iterator().next());
      }
    }
    return equalities;
  }

  private static Map<String, String> labelsOf(ObjectNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    if (!labels.isObject()) {
      return Map.of();
    }
    Map<String, String> map = new HashMap<>();
    labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
    return map;
  }
}
