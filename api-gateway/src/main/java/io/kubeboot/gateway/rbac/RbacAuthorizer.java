package io.kubeboot.gateway.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kubeboot.gateway.auth.Attributes;
import io.kubeboot.gateway.auth.Authorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upstream's RBAC authorizer: a request is allowed when a ClusterRoleBinding, or a RoleBinding in
 * the request's namespace, binds the user (by name, group or service account) to a role with a rule
 * that allows it. Nothing is ever denied outright; no rule means no. Members of
 * {@code system:masters} are allowed before RBAC is asked, as kube-apiserver's privileged-group
 * authorizer does, so the admin never depends on the RBAC objects.
 */
class RbacAuthorizer implements Authorizer {

  static final String PRIVILEGED_GROUP = "system:masters";

  private final RbacObjects objects;

  RbacAuthorizer(RbacObjects objects) {
    this.objects = objects;
  }

  @Override
  public Decision authorize(Attributes request) {
    if (request.user().groups().contains(PRIVILEGED_GROUP)) {
      return Decision.allow("");
    }
    List<String> errors = new ArrayList<>();
    for (var binding : objects.clusterRoleBindings()) {
      Optional<Decision> allowed = allowedBy(request, binding, binding.getSubjects(), binding.getRoleRef(), null, errors);
      if (allowed.isPresent()) {
        return allowed.get();
      }
    }
    if (request.namespace() != null) {
      for (var binding : objects.roleBindings(request.namespace())) {
        Optional<Decision> allowed = allowedBy(request, binding, binding.getSubjects(), binding.getRoleRef(),
            request.namespace(), errors);
        if (allowed.isPresent()) {
          return allowed.get();
        }
      }
    }
    // upstream's wording for roles that bindings name but that do not exist
    String reason = errors.isEmpty() ? "" : "RBAC: " + (errors.size() == 1 ? errors.get(0) : errors.toString());
    return Decision.deny(reason);
  }

  /**
   * @param namespace the RoleBinding's namespace; null for a ClusterRoleBinding
   */
  private Optional<Decision> allowedBy(Attributes request, HasMetadata binding, List<Subject> subjects, RoleRef roleRef,
      String namespace, List<String> errors) {
    Optional<Subject> subject = Subjects.matching(request.user(), subjects, namespace);
    if (subject.isEmpty() || roleRef == null) {
      return Optional.empty();
    }
    Optional<List<PolicyRule>> rules = rulesOf(roleRef, namespace, errors);
    if (rules.isEmpty() || rules.get().stream().noneMatch(rule -> PolicyRules.allows(rule, request))) {
      return Optional.empty();
    }
    String bindingName = namespace == null ? "ClusterRoleBinding \"" + binding.getMetadata().getName() + "\""
        : "RoleBinding \"" + binding.getMetadata().getName() + "/" + namespace + "\"";
    return Optional.of(Decision.allow("RBAC: allowed by " + bindingName + " of " + roleRef.getKind() + " \""
        + roleRef.getName() + "\" to " + Subjects.describe(subject.get(), namespace)));
  }

  private Optional<List<PolicyRule>> rulesOf(RoleRef roleRef, String namespace, List<String> errors) {
    String kind = roleRef.getKind() == null ? "" : roleRef.getKind();
    Optional<List<PolicyRule>> rules = switch (kind) {
      case "ClusterRole" -> objects.clusterRole(roleRef.getName()).map(role -> rulesOrNone(role.getRules()));
      case "Role" -> namespace == null ? Optional.empty()
          : objects.role(namespace, roleRef.getName()).map(role -> rulesOrNone(role.getRules()));
      default -> {
        errors.add("unsupported role reference kind: \"" + kind + "\"");
        yield Optional.empty();
      }
    };
    if (rules.isEmpty() && (kind.equals("ClusterRole") || kind.equals("Role"))) {
      errors.add(kind.toLowerCase(java.util.Locale.ROOT) + ".rbac.authorization.k8s.io \"" + roleRef.getName()
          + "\" not found");
    }
    return rules;
  }

  private static List<PolicyRule> rulesOrNone(List<PolicyRule> rules) {
    return rules == null ? List.of() : rules;
  }
}
