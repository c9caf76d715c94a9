package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeboot.common.api.FieldError;
import java.util.List;

/**
 * One kind's API-server rules, as upstream's registry strategies: defaults and server-set fields
 * on create and update, and validation with upstream's field paths and messages. Get one from
 * {@link Strategies}.
 *
 * <p>The storage layer calls, for a create: set {@code metadata.uid} (and generate the name),
 * {@link #prepareForCreate}, {@link ObjectMetaValidation#validate} plus {@link #validate}, then
 * allocate what it owns (a Service's clusterIP and nodePorts) and store. For an update of the
 * main resource: {@link #prepareForUpdate}, {@link ObjectMetaValidation#validate} plus
 * {@link #validateUpdate}. For {@code /status}: {@link #prepareForStatusUpdate}, then the same
 * validation. A non-empty error list becomes a 422 with
 * {@code ApiException.invalid(kind, group, name, errors)}.
 *
 * <p>Left to the storage layer: uid, creationTimestamp, resourceVersion, {@code
 * metadata.generation} (1 on create, +1 when the spec changes), and keeping uid and
 * creationTimestamp from the old object on update, and resourceVersion preconditions. A patch
 * is applied to the stored object first; the result is the {@code object} passed here.
 */
public interface ResourceStrategy<T extends HasMetadata> {

  Class<T> type();

  /** What {@code metadata.name} must look like for this kind. */
  NameRule nameRule();

  /**
   * Defaults (upstream's defaults.go), the default admission plugins (pods) and server-set
   * fields (status reset or initial status, a Job's generated selector). Mutates the object.
   */
  void prepareForCreate(T object);

  /**
   * Defaults again and carries forward what the main resource may not change: the status of
   * kinds with a status subresource, plus kind-specific fields (a Namespace's finalizers, a
   * Service's allocated clusterIP and nodePorts when the update omits them).
   */
  void prepareForUpdate(T object, T old);

  /**
   * For an update through {@code /status}: everything but the status comes from {@code old}
   * (spec and metadata; the new object's resourceVersion is kept for the precondition check).
   *
   * @throws UnsupportedOperationException for kinds without a status subresource
   */
  void prepareForStatusUpdate(T object, T old);

  /**
   * For an update through a namespace's {@code /finalize}: the new spec (its finalizers) is taken,
   * the status stays the old one.
   *
   * @throws UnsupportedOperationException for kinds without a finalize subresource
   */
  void prepareForFinalizeUpdate(T object, T old);

  /**
   * Create validation of the kind's own rules. The rules every object's metadata obeys are
   * {@link ObjectMetaValidation#validate}, which the caller runs beside this (on create and on
   * update) with {@link #nameRule()}.
   */
  List<FieldError> validate(T object);

  /**
   * Update validation: the kind's rules for the new object plus what may not change from
   * {@code old} (metadata identity included). As for {@link #validate}, the caller adds
   * {@link ObjectMetaValidation#validate} of the new object.
   */
  List<FieldError> validateUpdate(T object, T old);
}
