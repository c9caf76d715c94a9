package io.kubeboot.common.selector;

import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.selector.Requirement.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed label selector: requirements that must all hold, as upstream's {@code labels.Selector}.
 * Immutable. Requirements are kept sorted by key (stable for equal keys), which makes
 * {@link #toString()} the canonical form upstream prints, e.g. in {@code Scale.status.selector}.
 *
 * <p>Two selectors select no restriction of their own: {@link #everything()} (empty, matches all)
 * and {@link #nothing()} (what a missing selector in an object means, matches none). Storage can push
 * {@link #requirements()} into SQL; it must check {@link #matchesNothing()} first, because
 * "nothing" has no requirements either.
 */
public final class LabelSelector {

  private static final LabelSelector EVERYTHING = new LabelSelector(List.of(), false);
  private static final LabelSelector NOTHING = new LabelSelector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean nothing;

  private LabelSelector(List<Requirement> requirements, boolean nothing) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key));
    this.requirements = List.copyOf(sorted);
    this.nothing = nothing;
  }

  public static LabelSelector everything() {
    return EVERYTHING;
  }

  public static LabelSelector nothing() {
    return NOTHING;
  }

  /**
   * Parses the {@code labelSelector} query parameter, e.g. {@code app=web,tier!=db,env in (a,b),!canary}.
   * Null or blank selects everything.
   *
   * @throws ApiException 400 BadRequest with upstream's message for bad syntax, keys or values
   */
  public static LabelSelector parse(String selector) {
    if (selector == null) {
      return EVERYTHING;
    }
    List<Requirement> requirements = LabelSelectorParser.parse(selector);
    return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements, false);
  }

  /**
   * Converts an object's selector ({@code spec.selector} of a Deployment, ReplicaSet, ...) as
   * upstream's {@code LabelSelectorAsSelector}: a null selector matches nothing, an empty one
   * everything; matchLabels become {@code =} and matchExpressions In/NotIn/Exists/DoesNotExist.
   *
   * @throws ApiException 400 BadRequest for an unknown operator or an invalid key or value
   */
  public static LabelSelector of(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return NOTHING;
    }
    Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    if (matchLabels.isEmpty() && expressions.isEmpty()) {
      return EVERYTHING;
    }
    try {
      List<Requirement> requirements = new ArrayList<>();
      // Sorted so that a bad selector always reports the same first error.
      new TreeMap<>(matchLabels).forEach((key, value) ->
          requirements.add(Requirement.checked(key, Operator.EQUALS, List.of(value == null ? "" : value))));
      for (LabelSelectorRequirement expression : expressions) {
        List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
        requirements.add(Requirement.checked(expression.getKey() == null ? "" : expression.getKey(),
            operator(expression.getOperator()), values));
      }
      return new LabelSelector(requirements, false);
    } catch (InvalidSelectorException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /**
   * The selector for a plain label map such as a Service's {@code spec.selector}: every label must
   * be equal. Like upstream's {@code SelectorFromSet}, an empty map selects everything and nothing
   * is validated (the map was validated when its object was stored).
   */
  public static LabelSelector fromSet(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return EVERYTHING;
    }
    List<Requirement> requirements = new ArrayList<>();
    labels.forEach((key, value) ->
        requirements.add(new Requirement(key, Operator.EQUALS, Set.of(value == null ? "" : value))));
    return new LabelSelector(requirements, false);
  }

  private static Operator operator(String operator) {
    return switch (operator == null ? "" : operator) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> throw new InvalidSelectorException("\"" + operator + "\" is not a valid label selector operator");
    };
  }

  /** Whether every requirement holds for these labels; null labels are no labels. */
  public boolean matches(Map<String, String> labels) {
    if (nothing) {
      return false;
    }
    Map<String, String> present = labels == null ? Map.of() : labels;
    return requirements.stream().allMatch(r -> r.matches(present));
  }

  /** True when the selector does not restrict anything (false for {@link #nothing()}). */
  public boolean isEmpty() {
    return !nothing && requirements.isEmpty();
  }

  public boolean matchesNothing() {
    return nothing;
  }

  /** The requirements, sorted by key; all must hold. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** The canonical query form, e.g. {@code app=web,env in (a,b),tier!=db}; empty for everything and nothing. */
  @Override
  public String toString() {
    return String.join(",", requirements.stream().map(Requirement::toString).toList());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LabelSelector that && nothing == that.nothing && requirements.equals(that.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() * 31 + Boolean.hashCode(nothing);
  }
}
