package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceSpec;
import io.fabric8.kubernetes.api.model.NamespaceStatus;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upstream's namespace strategy: DNS-label names, the {@code kubernetes.io/metadata.name} label
 * always equal to the name (so namespaces can be selected by name), phase Active and the
 * {@code kubernetes} finalizer on create; only the finalize subresource changes finalizers.
 */
final class Namespaces extends BaseStrategy<Namespace> {

  static final String NAME_LABEL = "kubernetes.io/metadata.name";
  static final String KUBERNETES_FINALIZER = "kubernetes";
  private static final List<String> STANDARD_FINALIZERS = List.of("kubernetes", "orphan", "foregroundDeletion");

  Namespaces(ResourceType resourceType) {
    super(resourceType, Namespace.class, NameRule.DNS1123_LABEL, StatusSubresource.of(Namespace::getSpec,
        Namespace::setSpec, Namespace::getStatus, Namespace::setStatus, NamespaceStatus::new));
  }

  @Override
  void applyDefaults(Namespace namespace) {
    if (namespace.getSpec() == null) {
      namespace.setSpec(new NamespaceSpec());
    }
    // a generateName namespace has no name yet; the storage layer prepares again once it has
    String name = namespace.getMetadata().getName();
    if (!Nulls.isEmpty(name)) {
      Map<String, String> labels = new LinkedHashMap<>(Nulls.map(namespace.getMetadata().getLabels()));
      labels.put(NAME_LABEL, name);
      namespace.getMetadata().setLabels(labels);
    }
  }

  @Override
  void onCreate(Namespace namespace) {
    namespace.getStatus().setPhase("Active");
    List<String> finalizers = new ArrayList<>(Nulls.list(namespace.getSpec().getFinalizers()));
    if (!finalizers.contains(KUBERNETES_FINALIZER)) {
      finalizers.add(KUBERNETES_FINALIZER);
    }
    namespace.getSpec().setFinalizers(finalizers);
  }

  @Override
  void onUpdate(Namespace namespace, Namespace old) {
    namespace.getSpec().setFinalizers(Copies.deepCopy(old.getSpec() == null ? null : old.getSpec().getFinalizers()));
  }

  @Override
  public void prepareForFinalizeUpdate(Namespace namespace, Namespace old) {
    if (namespace.getSpec() == null) {
      namespace.setSpec(new NamespaceSpec());
    }
    namespace.setStatus(Copies.deepCopy(old.getStatus()));
  }

  @Override
  List<FieldError> validateObject(Namespace namespace) {
    FieldPath path = FieldPath.of("spec", "finalizers");
    List<FieldError> errors = new ArrayList<>();
    for (String finalizer : Nulls.list(namespace.getSpec() == null ? null : namespace.getSpec().getFinalizers())) {
      errors.addAll(FieldErrors.invalidEach(path, finalizer, StringFormats.qualifiedName(Nulls.string(finalizer))));
      if (!Nulls.string(finalizer).contains("/") && !STANDARD_FINALIZERS.contains(finalizer)) {
        errors.add(FieldErrors.invalid(path, finalizer,
            "name is neither a standard finalizer name nor is it fully qualified"));
      }
    }
    return errors;
  }
}
