package io.kubeboot.common.scheduling;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;

/**
 * Upstream's node selector semantics: terms are ORed; within a term every expression and field
 * requirement must hold; a term with neither matches nothing. Fields are {@code metadata.name} only.
 */
public final class NodeSelectorMatcher {

  private NodeSelectorMatcher() {
  }

  public static boolean matches(NodeSelector selector, String nodeName, Map<String, String> labels) {
    return selector.getNodeSelectorTerms().stream().anyMatch(term -> matches(term, nodeName, labels));
  }

  public static boolean matches(NodeSelectorTerm term, String nodeName, Map<String, String> labels) {
    List<NodeSelectorRequirement> expressions = term.getMatchExpressions();
    List<NodeSelectorRequirement> fields = term.getMatchFields();
    if (expressions.isEmpty() && fields.isEmpty()) {
      return false;
    }
    return expressions.stream().allMatch(requirement -> matches(requirement, labels.get(requirement.getKey())))
        && fields.stream().allMatch(requirement -> "metadata.name".equals(requirement.getKey())
            && matches(requirement, nodeName));
  }

  /** One requirement against the value found under its key (null when the node has no such label). */
  public static boolean matches(NodeSelectorRequirement requirement, String value) {
    List<String> values = requirement.getValues();
    return switch (requirement.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt" -> compare(value, values) > 0;
      case "Lt" -> compare(value, values) < 0;
      default -> false;
    };
  }

  /** The label as an integer against the single bound; 0 (no match for Gt or Lt) when either is not one. */
  private static int compare(String value, List<String> values) {
    if (value == null || values.size() != 1) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(value), Long.parseLong(values.get(0)));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
