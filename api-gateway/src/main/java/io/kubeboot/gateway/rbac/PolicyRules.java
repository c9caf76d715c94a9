package io.kubeboot.gateway.rbac;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kubeboot.gateway.auth.Attributes;
import java.util.List;

/** Whether one RBAC {@link PolicyRule} allows a request, matched field by field as upstream's {@code RuleAllows}. */
final class PolicyRules {

  static final String ALL = "*";

  private PolicyRules() {
  }

  static boolean allows(PolicyRule rule, Attributes request) {
    if (!contains(rule.getVerbs(), request.verb())) {
      return false;
    }
    if (!request.resourceRequest()) {
      return nonResourceUrlMatches(rule.getNonResourceURLs(), request.path());
    }
    return contains(rule.getApiGroups(), request.apiGroup())
        && resourceMatches(rule.getResources(), request.resource(), request.subresource())
        && resourceNameMatches(rule.getResourceNames(), request.name());
  }

  /** {@code *}, the resource itself ({@code pods}, {@code pods/log}), or {@code *}{@code /subresource}. */
  static boolean resourceMatches(List<String> ruleResources, String resource, String subresource) {
    String combined = subresource == null ? resource : resource + "/" + subresource;
    for (String ruleResource : nullToEmpty(ruleResources)) {
      if (ruleResource.equals(ALL) || ruleResource.equals(combined)
          || (subresource != null && ruleResource.equals("*/" + subresource))) {
        return true;
      }
    }
    return false;
  }

  /** A rule without names allows every object; one with names only requests naming one of them. */
  static boolean resourceNameMatches(List<String> ruleNames, String name) {
    return nullToEmpty(ruleNames).isEmpty() || (name != null && ruleNames.contains(name));
  }

  /** {@code *}, the path itself, or a prefix ending in {@code *} ({@code /apis/*}). */
  static boolean nonResourceUrlMatches(List<String> ruleUrls, String path) {
    for (String ruleUrl : nullToEmpty(ruleUrls)) {
      if (ruleUrl.equals(ALL) || ruleUrl.equals(path)
          || (ruleUrl.endsWith(ALL) && path.startsWith(ruleUrl.substring(0, ruleUrl.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(List<String> values, String value) {
    List<String> present = nullToEmpty(values);
    return present.contains(ALL) || present.contains(value);
  }

  private static List<String> nullToEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}
