package io.kubeboot.common.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What one Kubernetes REST request addresses and does, resolved from method, path and query as
 * upstream's {@code RequestInfoFactory} does. Routing, authorization and metrics read this record
 * instead of parsing URLs again.
 *
 * <p>Resource requests have a Kubernetes verb ({@code get, list, watch, create, update, patch,
 * delete, deletecollection}, {@code proxy} for the legacy prefix, "" for an unknown HTTP method) and
 * at least {@code resource}; every other request (discovery, {@code /version}, {@code /openapi/v3},
 * health) has only the lower-case HTTP method and the path, the other fields null.
 *
 * <p>Two deliberate differences from upstream, both about the object a request names:
 * <ul>
 *   <li>{@code /api/v1/namespaces/{name}[/status|/finalize]} is the cluster-scoped Namespace object,
 *       so {@code namespace} is null; upstream also records {@code {name}} as the namespace, which
 *       lets RBAC grant access to a namespace through a RoleBinding inside it. An authorizer that
 *       wants that rule takes {@code name} when {@code resource} is {@code namespaces}.</li>
 *   <li>{@code name} comes only from the path. Upstream also fills it for list and watch from a
 *       {@code fieldSelector=metadata.name=x} (for RBAC {@code resourceNames}); route by
 *       {@code verb}, and let the authorizer read the field selector if it needs that.</li>
 * </ul>
 */
public record RequestInfo(
    boolean resourceRequest,
    String verb,
    String apiPrefix,
    String group,
    String version,
    String namespace,
    String resource,
    String subresource,
    String name,
    String path) {

  private static final String CORE_PREFIX = "api";
  private static final String GROUP_PREFIX = "apis";
  /** Legacy verbs written into the path: {@code /api/v1/watch/pods}, {@code /api/v1/proxy/nodes/n1}. */
  private static final Set<String> PATH_VERBS = Set.of("watch", "proxy");
  /** Without these, {@code /namespaces/ns/status} would read as a resource named "status" in ns. */
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");
  private static final Pattern OUTER_SLASHES = Pattern.compile("^/+|/+$");

  /**
   * @param queryParam the first value of a query parameter, null when absent
   * @throws ApiException 500, as upstream, for a path verb with nothing after it ({@code /api/v1/watch})
   */
  public static RequestInfo resolve(String method, String path, Function<String, String> queryParam) {
    String httpVerb = method.toLowerCase(Locale.ROOT);
    RequestInfo nonResource = new RequestInfo(false, httpVerb, null, null, null, null, null, null, null, path);
    List<String> parts = segments(path);
    if (parts.size() < 3 || !(parts.get(0).equals(CORE_PREFIX) || parts.get(0).equals(GROUP_PREFIX))) {
      return nonResource;
    }
    String apiPrefix = parts.get(0);
    List<String> rest = parts.subList(1, parts.size());
    String group = "";
    if (apiPrefix.equals(GROUP_PREFIX)) {
      if (rest.size() < 3) {
        return nonResource; // /apis/{group}/{version} is discovery
      }
      group = rest.get(0);
      rest = rest.subList(1, rest.size());
    }
    String version = rest.get(0);
    rest = rest.subList(1, rest.size());

    String verb;
    if (PATH_VERBS.contains(rest.get(0))) {
      if (rest.size() < 2) {
        throw ApiException.internal(
            "failed to create RequestInfo: unable to determine kind and namespace from url, " + path);
      }
      verb = rest.get(0);
      rest = rest.subList(1, rest.size());
    } else {
      verb = crudVerb(method);
    }

    String namespace = null;
    if (rest.get(0).equals("namespaces") && rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : null;
    // A proxied path continues with the target's own path, not a subresource.
    String subresource = rest.size() > 2 && !verb.equals("proxy") ? rest.get(2) : null;

    name = emptyToNull(name);
    if (name == null && verb.equals("get")) {
      verb = watchRequested(queryParam.apply("watch")) ? "watch" : "list";
    }
    if (name == null && verb.equals("delete")) {
      verb = "deletecollection";
    }
    return new RequestInfo(true, verb, apiPrefix, group, version, emptyToNull(namespace), resource,
        emptyToNull(subresource), name, path);
  }

  /** Whether the request addresses objects inside one namespace. */
  public boolean namespaced() {
    return namespace != null;
  }

  /** Upstream's group-resource string: {@code pods}, {@code deployments.apps}; null if no resource. */
  public String groupResource() {
    if (resource == null) {
      return null;
    }
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  private static String crudVerb(String method) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "GET", "HEAD" -> "get";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> "";
    };
  }

  /**
   * Whether a {@code watch} query parameter asks for a watch, as upstream's query bool: present and
   * neither "0" nor "false" (any case) means true, even "".
   */
  public static boolean watchRequested(String watch) {
    return watch != null && !watch.equals("0") && !watch.equalsIgnoreCase("false");
  }

  /** Path segments without the leading and trailing slashes; inner empty segments are kept. */
  private static List<String> segments(String path) {
    String trimmed = OUTER_SLASHES.matcher(path).replaceAll("");
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
