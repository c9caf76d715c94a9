package io.kubeboot.gateway.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kubeboot.gateway.GatewayProperties;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's copy of the RBAC objects: one fabric8 informer per kind, listing and then watching
 * resource-service directly (the gateway is the API's front door, so it reads the store behind it
 * rather than itself). A watch delivers a new binding within moments of its commit. Informers retry
 * for as long as resource-service is unreachable; until all four have listed once the cache is not
 * {@link #synced()} and grants nothing, while {@code system:masters} needs none of it.
 *
 * <p>Started only when the gateway authorizes with RBAC.
 */
@Component
class RbacCache implements RbacObjects, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RbacCache.class);

  private final GatewayProperties properties;
  private volatile KubernetesClient client;
  private volatile SharedIndexInformer<ClusterRole> clusterRoles;
  private volatile SharedIndexInformer<ClusterRoleBinding> clusterRoleBindings;
  private volatile SharedIndexInformer<Role> roles;
  private volatile SharedIndexInformer<RoleBinding> roleBindings;

  RbacCache(GatewayProperties properties) {
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    if (!properties.gateway().authorizesWithRbac() || client != null) {
      return;
    }
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(properties.resourceService().url().toString())
        .withOnlyHttpWatches(true)
        .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
    clusterRoles = started(client.rbac().clusterRoles().runnableInformer(0));
    clusterRoleBindings = started(client.rbac().clusterRoleBindings().runnableInformer(0));
    roles = started(client.rbac().roles().inAnyNamespace().runnableInformer(0));
    roleBindings = started(client.rbac().roleBindings().inAnyNamespace().runnableInformer(0));
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> started(SharedIndexInformer<T> informer) {
    informer.exceptionHandler((started, failure) -> {
      log.warn("RBAC informer of {} failed; retrying: {}", informer.getApiTypeClass().getSimpleName(),
          failure.toString());
      return true;
    });
    informer.start();
    return informer;
  }

  /** Whether every kind has been listed at least once. */
  boolean synced() {
    return informers().allMatch(informer -> informer != null && informer.hasSynced());
  }

  @Override
  public List<ClusterRoleBinding> clusterRoleBindings() {
    return clusterRoleBindings == null ? List.of() : clusterRoleBindings.getStore().list();
  }

  @Override
  public List<RoleBinding> roleBindings(String namespace) {
    return roleBindings == null ? List.of() : roleBindings.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  @Override
  public Optional<ClusterRole> clusterRole(String name) {
    return clusterRoles == null ? Optional.empty() : Optional.ofNullable(clusterRoles.getStore().getByKey(name));
  }

  @Override
  public Optional<Role> role(String namespace, String name) {
    return roles == null ? Optional.empty()
        : Optional.ofNullable(roles.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }

  @Override
  public synchronized void stop() {
    if (client == null) {
      return;
    }
    informers().forEach(SharedIndexInformer::stop);
    client.close();
    client = null;
  }

  @Override
  public boolean isRunning() {
    return client != null;
  }

  private Stream<SharedIndexInformer<?>> informers() {
    return Stream.of(clusterRoles, clusterRoleBindings, roles, roleBindings);
  }
}
