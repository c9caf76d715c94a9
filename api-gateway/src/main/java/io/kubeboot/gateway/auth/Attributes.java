package io.kubeboot.gateway.auth;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.RequestInfo;
import io.kubeboot.common.selector.FieldSelector;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What an authorizer judges, as upstream's {@code authorizer.Attributes}: who asks, and what the
 * request does. Resource requests have a Kubernetes verb ({@code get, list, watch, create, update,
 * patch, delete, deletecollection}), an API group, a resource, perhaps a subresource, a namespace and
 * an object name; other requests have the lower-case HTTP method and the path.
 *
 * @param namespace null at the cluster scope
 * @param name null when the request names no single object
 */
public record Attributes(UserInfo user, boolean resourceRequest, String verb, String apiGroup, String namespace,
    String resource, String subresource, String name, String path) {

  /** Names upstream refuses as a path segment, so a field selector cannot pass one off as an object's name. */
  private static final Set<String> INVALID_NAMES = Set.of(".", "..");

  /** A resource request, e.g. from a SelfSubjectAccessReview; empty strings count as absent. */
  public static Attributes ofResource(UserInfo user, String verb, String apiGroup, String namespace,
      String resource, String subresource, String name) {
    return new Attributes(user, true, verb, apiGroup == null ? "" : apiGroup, emptyToNull(namespace), resource,
        emptyToNull(subresource), emptyToNull(name), null);
  }

  /** A request for a path outside the resource tree: discovery, {@code /version}, health. */
  public static Attributes ofPath(UserInfo user, String verb, String path) {
    return new Attributes(user, false, verb, null, null, null, null, null, path);
  }

  /**
   * The attributes of an HTTP request, as upstream derives them from its RequestInfo: a request for
   * a Namespace object is in that namespace (so a RoleBinding there can grant reading it), and a
   * list or watch whose field selector pins {@code metadata.name} names that object (so a rule's
   * {@code resourceNames} can allow it).
   *
   * @param queryParam the first value of a query parameter, null when absent
   */
  public static Attributes of(UserInfo user, RequestInfo info, Function<String, String> queryParam) {
    if (!info.resourceRequest()) {
      return ofPath(user, info.verb(), info.path());
    }
    String name = info.name();
    if (name == null && (info.verb().equals("list") || info.verb().equals("watch"))) {
      name = nameFromFieldSelector(queryParam.apply("fieldSelector")).orElse(null);
    }
    String namespace = info.namespace();
    if (namespace == null && info.resource().equals("namespaces") && info.group().isEmpty()) {
      namespace = info.name();
    }
    return ofResource(user, info.verb(), info.group(), namespace, info.resource(), info.subresource(), name);
  }

  /**
   * The 403 for a refused request, worded as upstream's: {@code pods is forbidden: User "bob" cannot
   * list resource "pods" in API group "" in the namespace "default"}, then {@code : reason} if any.
   */
  public ApiException forbidden(String reason) {
    StringBuilder message = new StringBuilder("User \"" + user.name() + "\" cannot " + verb);
    if (resourceRequest) {
      message.append(" resource \"").append(subresource == null ? resource : resource + "/" + subresource)
          .append("\" in API group \"").append(apiGroup).append('"')
          .append(namespace != null ? " in the namespace \"" + namespace + "\"" : " at the cluster scope");
    } else {
      message.append(" path \"").append(path).append('"');
    }
    if (reason != null && !reason.isEmpty()) {
      message.append(": ").append(reason);
    }
    String groupResource = resourceRequest ? (apiGroup.isEmpty() ? resource : resource + "." + apiGroup) : null;
    String subject = groupResource == null ? "forbidden"
        : name == null ? groupResource + " is forbidden" : groupResource + " \"" + name + "\" is forbidden";
    return ApiException.forbidden(groupResource, name, subject + ": " + message);
  }

  private static Optional<String> nameFromFieldSelector(String fieldSelector) {
    try {
      return FieldSelector.parse(fieldSelector).requiresExactMatch("metadata.name")
          .filter(name -> !name.isEmpty() && !INVALID_NAMES.contains(name) && !name.contains("/")
              && !name.contains("%"));
    } catch (ApiException invalid) {
      return Optional.empty(); // as upstream: a selector that does not parse names nothing
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
