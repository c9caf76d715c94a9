package io.kubeboot.gateway.rbac;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Optional;

/** The RBAC objects the authorizer reads: the roles and bindings as the API has them. */
interface RbacObjects {

  List<ClusterRoleBinding> clusterRoleBindings();

  List<RoleBinding> roleBindings(String namespace);

  Optional<ClusterRole> clusterRole(String name);

  Optional<Role> role(String namespace, String name);
}
