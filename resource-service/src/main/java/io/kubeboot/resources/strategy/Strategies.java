package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The strategy for each resource of the registry: kinds with rules of their own get theirs,
 * every other kind a generic one with its name rule (RBAC names are path segments, as upstream's
 * {@code ValidateRBACName}; the rest DNS subdomains).
 */
public final class Strategies {

  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private static final Map<String, Function<ResourceType, ResourceStrategy<?>>> SPECIFIC = Map.ofEntries(
      Map.entry("/Pod", Pods::new),
      Map.entry("/Service", Services::new),
      Map.entry("/Namespace", Namespaces::new),
      Map.entry("/Node", Nodes::new),
      Map.entry("/Secret", Secrets::new),
      Map.entry("/ConfigMap", ConfigMaps::new),
      Map.entry("/Event", Events::new),
      Map.entry("apps/Deployment", Deployments::new),
      Map.entry("apps/ReplicaSet", ReplicaSets::new),
      Map.entry("apps/DaemonSet", DaemonSets::new),
      Map.entry("apps/StatefulSet", StatefulSets::new),
      Map.entry("batch/Job", Jobs::new),
      Map.entry("batch/CronJob", CronJobs::new));

  private static final Map<ResourceType, ResourceStrategy<?>> CACHE = new ConcurrentHashMap<>();

  private Strategies() {
  }

  public static ResourceStrategy<?> forType(ResourceType type) {
    return CACHE.computeIfAbsent(type, Strategies::create);
  }

  /**
   * The same strategy typed for callers that hold objects as {@link HasMetadata}; passing an
   * object of another class than {@code type.type()} fails with a ClassCastException.
   */
  @SuppressWarnings("unchecked")
  public static ResourceStrategy<HasMetadata> forObjects(ResourceType type) {
    return (ResourceStrategy<HasMetadata>) forType(type);
  }

  /** The strategy for a kind of the standard registry, by its model class. */
  public static <T extends HasMetadata> ResourceStrategy<T> forClass(Class<T> modelClass) {
    ResourceType type = ResourceRegistry.standard().all().stream().filter(t -> t.type().equals(modelClass)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(modelClass.getName() + " is not a served kind"));
    @SuppressWarnings("unchecked")
    ResourceStrategy<T> strategy = (ResourceStrategy<T>) forType(type);
    return strategy;
  }

  private static ResourceStrategy<?> create(ResourceType type) {
    Function<ResourceType, ResourceStrategy<?>> specific = SPECIFIC.get(type.group() + "/" + type.kind());
    if (specific != null) {
      return specific.apply(type);
    }
    NameRule rule = RBAC_GROUP.equals(type.group()) ? NameRule.PATH_SEGMENT : NameRule.DNS1123_SUBDOMAIN;
    return generic(type, rule);
  }

  private static <T extends HasMetadata> ResourceStrategy<T> generic(ResourceType type, NameRule rule) {
    @SuppressWarnings("unchecked")
    Class<T> modelClass = (Class<T>) type.type();
    return new GenericStrategy<>(type, modelClass, rule);
  }
}
