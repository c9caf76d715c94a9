package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** Validation as the storage layer runs it: the metadata rules beside the kind's own. */
final class StorageCalls {

  private StorageCalls() {
  }

  static <T extends HasMetadata> List<String> createErrors(ResourceStrategy<T> strategy, T object) {
    ResourceType type = ResourceRegistry.standard().all().stream().filter(t -> t.type().equals(strategy.type()))
        .findFirst().orElseThrow();
    List<FieldError> errors = new ArrayList<>(ObjectMetaValidation.validate(object.getMetadata(), type,
        strategy.nameRule()));
    errors.addAll(strategy.validate(object));
    return errors.stream().map(FieldError::toString).toList();
  }
}
