package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.kubeboot.common.api.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Upstream's {@code ValidatePodUpdate}: a running pod's spec is fixed except container images,
 * a shorter {@code activeDeadlineSeconds}, added tolerations (and new tolerationSeconds), removed
 * scheduling gates, and {@code terminationGracePeriodSeconds} going from negative to 1.
 */
final class PodUpdateRules {

  static final String MUTABLE_FIELDS_MESSAGE = "pod updates may not change fields other than "
      + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
      + "`spec.tolerations` (only additions to existing tolerations),"
      + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

  private static final FieldPath SPEC = FieldPath.of("spec");

  private PodUpdateRules() {
  }

  static List<FieldError> validate(PodSpec spec, PodSpec old) {
    List<FieldError> errors = new ArrayList<>();
    if (!containerUpdates(spec.getContainers(), old.getContainers(), SPEC.child("containers"), errors)
        || !containerUpdates(spec.getInitContainers(), old.getInitContainers(), SPEC.child("initContainers"), errors)) {
      return errors;
    }
    errors.addAll(activeDeadline(spec.getActiveDeadlineSeconds(), old.getActiveDeadlineSeconds()));
    errors.addAll(onlyAddedTolerations(Nulls.list(spec.getTolerations()), Nulls.list(old.getTolerations())));
    errors.addAll(onlyDeletedSchedulingGates(Nulls.list(spec.getSchedulingGates()),
        Nulls.list(old.getSchedulingGates())));
    if (Objects.equals(spec, old)) {
      return errors;
    }
    PodSpec munged = mungeMutableFields(spec, old);
    if (!Objects.equals(munged, old)) {
      errors.add(FieldErrors.forbidden(SPEC, MUTABLE_FIELDS_MESSAGE + "\n" + SpecDiff.between(old, munged, "spec")));
    }
    return errors;
  }

  /** False when containers were added or removed, after which upstream checks nothing more. */
  private static boolean containerUpdates(List<Container> containers, List<Container> old, FieldPath path,
      List<FieldError> errors) {
    List<Container> updated = Nulls.list(containers);
    if (updated.size() != Nulls.list(old).size()) {
      errors.add(FieldErrors.forbidden(path, "pod updates may not add or remove containers"));
      return false;
    }
    for (int i = 0; i < updated.size(); i++) {
      String image = Nulls.string(updated.get(i).getImage());
      if (image.isEmpty()) {
        errors.add(FieldErrors.required(path.index(i).child("image")));
      } else if (!image.strip().equals(image)) {
        errors.add(FieldErrors.invalid(path.index(i).child("image"), image,
            "must not have leading or trailing whitespace"));
      }
    }
    return true;
  }

  private static List<FieldError> activeDeadline(Long updated, Long old) {
    FieldPath path = SPEC.child("activeDeadlineSeconds");
    if (updated == null) {
      return old == null ? List.of()
          : List.of(FieldErrors.invalid(path, null, "must not update from a positive integer to nil value"));
    }
    if (updated < 0 || updated > Integer.MAX_VALUE) {
      return List.of(FieldErrors.invalid(path, updated, StringFormats.inclusiveRange(0, Integer.MAX_VALUE)));
    }
    if (old != null && old < updated) {
      return List.of(FieldErrors.invalid(path, updated, "must be less than or equal to previous value"));
    }
    return List.of();
  }

  private static List<FieldError> onlyAddedTolerations(List<Toleration> updated, List<Toleration> old) {
    FieldPath path = SPEC.child("tolerations");
    for (Toleration existing : old) {
      boolean kept = updated.stream().anyMatch(candidate -> sameIgnoringSeconds(existing, candidate));
      if (!kept) {
        return List.of(FieldErrors.forbidden(path, "existing toleration can not be modified except its tolerationSeconds"));
      }
    }
    return PodSpecValidation.tolerations(updated, path);
  }

  private static List<FieldError> onlyDeletedSchedulingGates(List<PodSchedulingGate> updated,
      List<PodSchedulingGate> old) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> existing = old.stream().map(PodSchedulingGate::getName).collect(Collectors.toSet());
    for (int i = 0; i < updated.size(); i++) {
      String name = updated.get(i).getName();
      if (!existing.contains(name)) {
        errors.add(FieldErrors.forbidden(SPEC.child("schedulingGates").index(i).child("name"),
            "only deletion is allowed, but found new scheduling gate '" + name + "'"));
      }
    }
    return errors;
  }

  private static boolean sameIgnoringSeconds(Toleration existing, Toleration candidate) {
    Toleration copy = Copies.deepCopy(existing);
    copy.setTolerationSeconds(candidate.getTolerationSeconds());
    return copy.equals(candidate);
  }

  /** The new spec with every field a pod update may change put back to its old value. */
  private static PodSpec mungeMutableFields(PodSpec spec, PodSpec old) {
    PodSpec munged = Copies.deepCopy(spec);
    restoreImages(munged.getContainers(), old.getContainers());
    restoreImages(munged.getInitContainers(), old.getInitContainers());
    munged.setActiveDeadlineSeconds(old.getActiveDeadlineSeconds());
    munged.setSchedulingGates(Copies.deepCopy(old.getSchedulingGates()));
    munged.setTolerations(Copies.deepCopy(old.getTolerations()));
    Long oldGrace = old.getTerminationGracePeriodSeconds();
    if (oldGrace != null && oldGrace < 0 && Long.valueOf(1).equals(munged.getTerminationGracePeriodSeconds())) {
      munged.setTerminationGracePeriodSeconds(oldGrace);
    }
    return munged;
  }

  private static void restoreImages(List<Container> containers, List<Container> old) {
    List<Container> updated = Nulls.list(containers);
    for (int i = 0; i < updated.size(); i++) {
      updated.get(i).setImage(old.get(i).getImage());
    }
  }
}
