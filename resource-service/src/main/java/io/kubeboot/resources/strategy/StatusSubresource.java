package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How a kind with a {@code status} subresource splits into spec and status: the main resource
 * may not write status, and {@code /status} may write nothing else.
 */
final class StatusSubresource<T extends HasMetadata, P, S> {

  private final Function<T, P> spec;
  private final BiConsumer<T, P> setSpec;
  private final Function<T, S> status;
  private final BiConsumer<T, S> setStatus;
  private final Supplier<S> initialStatus;

  private StatusSubresource(Function<T, P> spec, BiConsumer<T, P> setSpec, Function<T, S> status,
      BiConsumer<T, S> setStatus, Supplier<S> initialStatus) {
    this.spec = spec;
    this.setSpec = setSpec;
    this.status = status;
    this.setStatus = setStatus;
    this.initialStatus = initialStatus;
  }

  /** A kind whose status a create request may not set: it starts as {@code emptyStatus}. */
  static <T extends HasMetadata, P, S> StatusSubresource<T, P, S> of(Function<T, P> spec, BiConsumer<T, P> setSpec,
      Function<T, S> status, BiConsumer<T, S> setStatus, Supplier<S> emptyStatus) {
    return new StatusSubresource<>(spec, setSpec, status, setStatus, emptyStatus);
  }

  /** A kind whose creator reports the first status itself (a Node, created by its kubelet). */
  static <T extends HasMetadata, P, S> StatusSubresource<T, P, S> keptOnCreate(Function<T, P> spec,
      BiConsumer<T, P> setSpec, Function<T, S> status, BiConsumer<T, S> setStatus) {
    return new StatusSubresource<>(spec, setSpec, status, setStatus, null);
  }

  void onCreate(T object) {
    if (initialStatus != null) {
      setStatus.accept(object, initialStatus.get());
    }
  }

  void carryForward(T object, T old) {
    setStatus.accept(object, Copies.deepCopy(status.apply(old)));
  }

  void keepOnlyStatus(T object, T old) {
    String resourceVersion = object.getMetadata() == null ? null : object.getMetadata().getResourceVersion();
    setSpec.accept(object, Copies.deepCopy(spec.apply(old)));
    ObjectMeta metadata = Copies.deepCopy(old.getMetadata());
    metadata.setResourceVersion(resourceVersion);
    object.setMetadata(metadata);
  }
}
