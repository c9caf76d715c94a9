package io.kubeboot.resources.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code metadata.name} must look like for a kind, as upstream's {@code NameIs...}
 * functions. Which kind uses which rule is the kind's {@link ResourceStrategy#nameRule()}.
 */
public enum NameRule {
  /** Most kinds: pods, deployments, configmaps, nodes, leases ... ({@code NameIsDNSSubdomain}). */
  DNS1123_SUBDOMAIN,
  /** Namespaces and statefulsets ({@code NameIsDNSLabel}). */
  DNS1123_LABEL,
  /** Services: a label that starts with a letter ({@code NameIsDNS1035Label}), because the name becomes a DNS name and env var prefix. */
  DNS1035_LABEL,
  /** RBAC kinds and core/v1 events: anything that is a single URL path segment ({@code ValidatePathSegmentName}). */
  PATH_SEGMENT;

  /** Upstream's messages for a full name; empty when valid. */
  public List<String> check(String name) {
    return switch (this) {
      case DNS1123_SUBDOMAIN -> StringFormats.dns1123Subdomain(name);
      case DNS1123_LABEL -> StringFormats.dns1123Label(name);
      case DNS1035_LABEL -> StringFormats.dns1035Label(name);
      case PATH_SEGMENT -> pathSegment(name);
    };
  }

  /**
   * Upstream's messages for a {@code generateName} prefix: a trailing dash is allowed because a
   * random suffix follows it.
   */
  public List<String> checkPrefix(String prefix) {
    if (this == PATH_SEGMENT) {
      return forbiddenContent(prefix);
    }
    return check(maskTrailingDash(prefix));
  }

  // upstream's maskTrailingDash replaces the last two characters by "a"; kept to give the same verdicts
  private static String maskTrailingDash(String name) {
    if (name.length() > 1 && name.endsWith("-")) {
      return name.substring(0, name.length() - 2) + "a";
    }
    return name;
  }

  private static List<String> pathSegment(String name) {
    if (name.equals(".") || name.equals("..")) {
      return List.of("may not be '" + name + "'");
    }
    return forbiddenContent(name);
  }

  private static List<String> forbiddenContent(String name) {
    List<String> errors = new ArrayList<>();
    for (String illegal : List.of("/", "%")) {
      if (name.contains(illegal)) {
        errors.add("may not contain '" + illegal + "'");
      }
    }
    return errors;
  }
}
