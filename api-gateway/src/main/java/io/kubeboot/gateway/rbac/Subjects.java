package io.kubeboot.gateway.rbac;

import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kubeboot.gateway.auth.UserInfo;
import java.util.List;
import java.util.Optional;

/** Which subject of a binding, if any, is the user, as upstream's RBAC {@code appliesTo}. */
final class Subjects {

  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  private Subjects() {
  }

  /**
   * @param bindingNamespace the RoleBinding's namespace, which a ServiceAccount subject without one
   *     is in; null for a ClusterRoleBinding
   */
  static Optional<Subject> matching(UserInfo user, List<Subject> subjects, String bindingNamespace) {
    if (subjects == null) {
      return Optional.empty();
    }
    return subjects.stream().filter(subject -> appliesTo(user, subject, bindingNamespace)).findFirst();
  }

  private static boolean appliesTo(UserInfo user, Subject subject, String bindingNamespace) {
    String kind = subject.getKind() == null ? "" : subject.getKind();
    return switch (kind) {
      case "User" -> user.name().equals(subject.getName());
      case "Group" -> user.groups().contains(subject.getName());
      case "ServiceAccount" -> {
        String namespace = isEmpty(subject.getNamespace()) ? bindingNamespace : subject.getNamespace();
        yield !isEmpty(namespace)
            && user.name().equals(SERVICE_ACCOUNT_PREFIX + namespace + ":" + subject.getName());
      }
      default -> false;
    };
  }

  /** How upstream names a subject in an authorization reason: {@code User "alice"}, {@code ServiceAccount "ns/sa"}. */
  static String describe(Subject subject, String bindingNamespace) {
    if ("ServiceAccount".equals(subject.getKind())) {
      String namespace = isEmpty(subject.getNamespace()) ? bindingNamespace : subject.getNamespace();
      return "ServiceAccount \"" + subject.getName() + "/" + namespace + "\"";
    }
    return subject.getKind() + " \"" + subject.getName() + "\"";
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
