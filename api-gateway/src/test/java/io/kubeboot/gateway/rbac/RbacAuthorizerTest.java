package io.kubeboot.gateway.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.kubeboot.gateway.auth.Attributes;
import io.kubeboot.gateway.auth.Authorizer.Decision;
import io.kubeboot.gateway.auth.UserInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RbacAuthorizerTest {

  private static final UserInfo ALICE = new UserInfo("alice", "", List.of("devs", "system:authenticated"));

  private final Objects objects = new Objects();
  private final RbacAuthorizer authorizer = new RbacAuthorizer(objects);

  @Test
  void withoutBindingsNobodyButSystemMastersMayDoAnything() {
    assertThat(authorizer.authorize(listPods(ALICE, "team-a"))).isEqualTo(Decision.deny(""));
    UserInfo admin = new UserInfo("admin", "", List.of("system:masters"));
    assertThat(authorizer.authorize(Attributes.ofResource(admin, "delete", "", null, "nodes", null, "n1")).allowed())
        .isTrue();
  }

  @Test
  void aRoleBindingGrantsItsRoleInItsNamespaceOnly() {
    objects.roles.add(new RoleBuilder().withNewMetadata().withNamespace("team-a").withName("pod-reader").endMetadata()
        .addNewRule().withApiGroups("").withResources("pods").withVerbs("get", "list", "watch").endRule().build());
    objects.roleBindings.add(roleBinding("team-a", "read-pods", "Role", "pod-reader", subject("User", "alice", null)));

    Decision allowed = authorizer.authorize(listPods(ALICE, "team-a"));
    assertThat(allowed.allowed()).isTrue();
    assertThat(allowed.reason()).isEqualTo(
        "RBAC: allowed by RoleBinding \"read-pods/team-a\" of Role \"pod-reader\" to User \"alice\"");
    assertThat(authorizer.authorize(listPods(ALICE, "team-b")).allowed()).isFalse();
    assertThat(authorizer.authorize(Attributes.ofResource(ALICE, "delete", "", "team-a", "pods", null, "web"))
        .allowed()).isFalse();
    assertThat(authorizer.authorize(Attributes.ofResource(ALICE, "list", "", null, "pods", null, null)).allowed())
        .as("a namespaced grant is no cluster-wide list").isFalse();
  }

  @Test
  void aClusterRoleBindingGrantsEverywhereAndAGroupIsASubject() {
    objects.clusterRoles.add(podReader());
    objects.clusterRoleBindings.add(new ClusterRoleBindingBuilder().withNewMetadata().withName("devs-read").endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "pod-reader")
        .withSubjects(subject("Group", "devs", null)).build());

    assertThat(authorizer.authorize(listPods(ALICE, "anywhere")).reason()).isEqualTo(
        "RBAC: allowed by ClusterRoleBinding \"devs-read\" of ClusterRole \"pod-reader\" to Group \"devs\"");
    assertThat(authorizer.authorize(Attributes.ofResource(ALICE, "list", "", null, "pods", null, null)).allowed())
        .isTrue();
    assertThat(authorizer.authorize(listPods(new UserInfo("bob", "", List.of("system:authenticated")), "x"))
        .allowed()).isFalse();
  }

  @Test
  void aRoleBindingMayGrantAClusterRoleWithinItsNamespace() {
    objects.clusterRoles.add(podReader());
    objects.roleBindings.add(roleBinding("team-a", "read", "ClusterRole", "pod-reader", subject("User", "alice", null)));
    assertThat(authorizer.authorize(listPods(ALICE, "team-a")).allowed()).isTrue();
    assertThat(authorizer.authorize(listPods(ALICE, "team-b")).allowed()).isFalse();
  }

  @Test
  void aServiceAccountSubjectIsInTheBindingsNamespaceUnlessItSaysOtherwise() {
    objects.clusterRoles.add(podReader());
    objects.roleBindings.add(roleBinding("team-a", "robots", "ClusterRole", "pod-reader",
        subject("ServiceAccount", "builder", null), subject("ServiceAccount", "deployer", "ci")));
    UserInfo builder = new UserInfo("system:serviceaccount:team-a:builder", "", List.of());
    UserInfo deployer = new UserInfo("system:serviceaccount:ci:deployer", "", List.of());
    UserInfo otherBuilder = new UserInfo("system:serviceaccount:team-b:builder", "", List.of());
    assertThat(authorizer.authorize(listPods(builder, "team-a")).allowed()).isTrue();
    assertThat(authorizer.authorize(listPods(deployer, "team-a")).reason())
        .endsWith("to ServiceAccount \"deployer/ci\"");
    assertThat(authorizer.authorize(listPods(otherBuilder, "team-a")).allowed()).isFalse();
  }

  @Test
  void aBindingToAMissingRoleIsTheReasonOfTheRefusal() {
    objects.roleBindings.add(roleBinding("team-a", "dangling", "Role", "gone", subject("User", "alice", null)));
    assertThat(authorizer.authorize(listPods(ALICE, "team-a")))
        .isEqualTo(Decision.deny("RBAC: role.rbac.authorization.k8s.io \"gone\" not found"));
  }

  private static ClusterRole podReader() {
    return new ClusterRoleBuilder().withNewMetadata().withName("pod-reader").endMetadata()
        .addNewRule().withApiGroups("").withResources("pods").withVerbs("get", "list", "watch").endRule().build();
  }

  private static RoleBinding roleBinding(String namespace, String name, String roleKind, String role,
      Subject... subjects) {
    return new RoleBindingBuilder().withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withNewRoleRef("rbac.authorization.k8s.io", roleKind, role).withSubjects(subjects).build();
  }

  private static Subject subject(String kind, String name, String namespace) {
    Subject subject = new Subject();
    subject.setKind(kind);
    subject.setName(name);
    subject.setNamespace(namespace);
    return subject;
  }

  private static Attributes listPods(UserInfo user, String namespace) {
    return Attributes.ofResource(user, "list", "", namespace, "pods", null, null);
  }

  /** The RBAC objects as plain lists, looked up as the cache does. */
  private static final class Objects implements RbacObjects {
    final List<ClusterRole> clusterRoles = new ArrayList<>();
    final List<ClusterRoleBinding> clusterRoleBindings = new ArrayList<>();
    final List<Role> roles = new ArrayList<>();
    final List<RoleBinding> roleBindings = new ArrayList<>();

    @Override
    public List<ClusterRoleBinding> clusterRoleBindings() {
      return clusterRoleBindings;
    }

    @Override
    public List<RoleBinding> roleBindings(String namespace) {
      return roleBindings.stream().filter(b -> b.getMetadata().getNamespace().equals(namespace)).toList();
    }

    @Override
    public Optional<ClusterRole> clusterRole(String name) {
      return clusterRoles.stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    @Override
    public Optional<Role> role(String namespace, String name) {
      return roles.stream().filter(r -> r.getMetadata().getNamespace().equals(namespace)
          && r.getMetadata().getName().equals(name)).findFirst();
    }
  }
}
