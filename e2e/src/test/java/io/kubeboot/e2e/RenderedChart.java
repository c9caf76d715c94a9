package io.kubeboot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Optional;

/**
 * The objects {@code helm template} rendered, parsed by fabric8's Serialization, looked up as a
 * user of the chart would: by kind and name.
 */
final class RenderedChart {

  private final List<HasMetadata> objects;

  private RenderedChart(List<HasMetadata> objects) {
    this.objects = objects;
  }

  /** Parses the multi-document YAML that {@code helm template} prints. */
  static RenderedChart parse(String manifests) {
    Object parsed = Serialization.unmarshal(manifests);
    if (parsed instanceof HasMetadata single) {
      return new RenderedChart(List.of(single));
    }
    @SuppressWarnings("unchecked")
    List<HasMetadata> all = (List<HasMetadata>) parsed;
    return new RenderedChart(all);
  }

  List<HasMetadata> objects() {
    return objects;
  }

  <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
    return objects.stream().filter(kind::isInstance).map(kind::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  <T extends HasMetadata> T get(Class<T> kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name
        + " among " + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList()));
  }

  <T extends HasMetadata> List<T> all(Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  Deployment deployment(String name) {
    return get(Deployment.class, name);
  }

  DaemonSet daemonSet(String name) {
    return get(DaemonSet.class, name);
  }

  StatefulSet statefulSet(String name) {
    return get(StatefulSet.class, name);
  }

  Service service(String name) {
    return get(Service.class, name);
  }

  Secret secret(String name) {
    return get(Secret.class, name);
  }

  /** The only container of a workload's pod template. */
  static Container container(PodTemplateSpec template) {
    assertThat(template.getSpec().getContainers()).hasSize(1);
    return template.getSpec().getContainers().get(0);
  }

  static EnvVar env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
  }

  static String envValue(Container container, String name) {
    return env(container, name).getValue();
  }
}
