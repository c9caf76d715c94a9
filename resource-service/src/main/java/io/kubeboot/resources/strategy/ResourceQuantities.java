package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.kubeboot.common.api.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Upstream's container {@code ValidateResourceRequirements}: standard resource names, valid and
 * non-negative quantities, and no request above its limit.
 */
final class ResourceQuantities {

  private static final Pattern QUANTITY = Pattern.compile("[+-]?[0-9.]+([eEinumkKMGTP]*[-+]?[0-9]*)");
  private static final String QUANTITY_FORMAT =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  private static final Set<String> CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");

  private ResourceQuantities() {
  }

  /** The quantity's numeric value, or null when it is not a quantity at all. */
  static BigDecimal amount(Quantity quantity) {
    if (quantity == null || quantity.getAmount() == null || !QUANTITY.matcher(text(quantity)).matches()) {
      return null;
    }
    try {
      return quantity.getNumericalAmount();
    } catch (RuntimeException notANumber) {
      return null;
    }
  }

  static List<FieldError> validate(ResourceRequirements resources, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    if (resources == null) {
      return errors;
    }
    FieldPath limitsPath = path.child("limits");
    FieldPath requestsPath = path.child("requests");
    Map<String, Quantity> limits = new TreeMap<>(Nulls.map(resources.getLimits()));
    limits.forEach((name, quantity) -> errors.addAll(quantity(name, quantity, limitsPath.key(name))));
    new TreeMap<>(Nulls.map(resources.getRequests())).forEach((name, quantity) -> {
      errors.addAll(quantity(name, quantity, requestsPath.key(name)));
      BigDecimal request = amount(quantity);
      BigDecimal limit = amount(limits.get(name));
      if (request != null && limit != null && request.compareTo(limit) > 0) {
        // upstream names the requests map here, not the key
        errors.add(FieldErrors.invalid(requestsPath, text(quantity),
            "must be less than or equal to " + name + " limit of " + text(limits.get(name))));
      }
    });
    return errors;
  }

  private static List<FieldError> quantity(String name, Quantity quantity, FieldPath path) {
    List<FieldError> errors = new ArrayList<>(resourceName(name, path));
    BigDecimal amount = amount(quantity);
    if (amount == null) {
      errors.add(FieldErrors.invalid(path, quantity == null ? "" : text(quantity), QUANTITY_FORMAT));
    } else if (amount.signum() < 0) {
      errors.add(FieldErrors.invalid(path, text(quantity), FieldErrors.NEGATIVE));
    }
    return errors;
  }

  private static List<FieldError> resourceName(String name, FieldPath path) {
    List<FieldError> errors = new ArrayList<>(FieldErrors.invalidEach(path, name, StringFormats.qualifiedName(name)));
    if (errors.isEmpty() && !name.contains("/") && !CONTAINER_RESOURCES.contains(name)
        && !name.startsWith("hugepages-")) {
      errors.add(FieldErrors.invalid(path, name, "must be a standard resource type or fully qualified"));
      errors.add(FieldErrors.invalid(path, name, "must be a standard resource for containers"));
    }
    return errors;
  }

  private static String text(Quantity quantity) {
    return Nulls.string(quantity.getAmount()) + Nulls.string(quantity.getFormat());
  }
}
