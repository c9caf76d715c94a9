package io.kubeboot.gateway.openapi;

import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.gateway.discovery.GroupVersionKind;
import io.kubeboot.gateway.discovery.Subresource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI v3 documents kubectl reads before {@code apply} and {@code explain}, one per
 * group-version and built once from the {@link ResourceRegistry}. They describe the REST paths, not
 * the schemas: what kubectl needs is that every PATCH operation of a kind carries
 * {@code x-kubernetes-group-version-kind} and the {@code fieldValidation} query parameter, which
 * tells it the server validates fields, so it sends {@code fieldValidation=Strict} instead of
 * validating against schemas itself. PATCH bodies are left undeclared on purpose: a document that
 * listed strategic merge patch would make {@code apply} look for schemas here rather than use its
 * compiled-in types.
 */
@Component
class OpenApiDocuments {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PREFIX = "/openapi/v3/";

  /** "api/v1", "apis/apps/v1", ... -> the serialized document. */
  private final Map<String, Document> documents = new LinkedHashMap<>();
  private final byte[] index;

  record Document(byte[] json, String hash) {
  }

  OpenApiDocuments(ResourceRegistry registry, JsonMapper mapper) {
    Map<String, List<ResourceType>> byGroupVersion = registry.all().stream()
        .collect(Collectors.groupingBy(t -> t.groupVersionPath().substring(1), LinkedHashMap::new, Collectors.toList()));
    ObjectNode paths = NODES.objectNode();
    byGroupVersion.forEach((groupVersion, types) -> {
      byte[] json = mapper.writeValueAsBytes(document(types));
      Document document = new Document(json, sha256(json));
      documents.put(groupVersion, document);
      paths.putObject(groupVersion).put("serverRelativeURL", PREFIX + groupVersion + "?hash=" + document.hash());
    });
    ObjectNode root = NODES.objectNode();
    root.set("paths", paths);
    index = mapper.writeValueAsBytes(root);
  }

  byte[] index() {
    return index;
  }

  /** @param groupVersion the path below {@code /openapi/v3/}, e.g. {@code apis/apps/v1} */
  Optional<Document> document(String groupVersion) {
    return Optional.ofNullable(documents.get(groupVersion));
  }

  private static ObjectNode document(List<ResourceType> types) {
    ObjectNode doc = NODES.objectNode();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", "kubeboot");
    ObjectNode paths = doc.putObject("paths");
    for (ResourceType type : types) {
      addPaths(paths, type);
    }
    doc.putObject("components").putObject("schemas");
    return doc;
  }

  private static void addPaths(ObjectNode paths, ResourceType type) {
    GroupVersionKind gvk = GroupVersionKind.of(type);
    String scope = type.namespaced() ? "/namespaces/{namespace}/" : "/";
    String collection = type.groupVersionPath() + scope + type.plural();
    String item = collection + "/{name}";
    String kind = operationKind(type, type.namespaced());

    ObjectNode list = pathItem(paths, collection, type.namespaced() ? List.of("namespace") : List.of());
    list.set("get", operation("list", kind, "list", gvk, false));
    list.set("post", operation("create", kind, "post", gvk, true));
    list.set("delete", operation("deleteCollection", kind, "deletecollection", gvk, false));

    ObjectNode one = pathItem(paths, item, type.namespaced() ? List.of("name", "namespace") : List.of("name"));
    one.set("get", operation("read", kind, "get", gvk, false));
    one.set("put", operation("replace", kind, "put", gvk, true));
    one.set("patch", operation("patch", kind, "patch", gvk, true));
    one.set("delete", operation("delete", kind, "delete", gvk, false));

    if (type.namespaced()) {
      ObjectNode all = pathItem(paths, type.groupVersionPath() + "/" + type.plural(), List.of());
      all.set("get", operation("list", operationKind(type, false) + "ForAllNamespaces", "list", gvk, false));
    }
    for (Subresource subresource : Subresource.of(type)) {
      if (!subresource.writable()) {
        continue;
      }
      GroupVersionKind responseKind = subresource.responseKind(type);
      String suffix = capitalize(subresource.path());
      ObjectNode sub = pathItem(paths, item + "/" + subresource.path(),
          type.namespaced() ? List.of("name", "namespace") : List.of("name"));
      sub.set("get", operation("read", kind + suffix, "get", responseKind, false));
      sub.set("put", operation("replace", kind + suffix, "put", responseKind, true));
      sub.set("patch", operation("patch", kind + suffix, "patch", responseKind, true));
    }
  }

  private static ObjectNode pathItem(ObjectNode paths, String path, List<String> pathParameters) {
    ObjectNode item = paths.putObject(path);
    if (!pathParameters.isEmpty()) {
      ArrayNode parameters = item.putArray("parameters");
      pathParameters.forEach(name -> parameters.addObject()
          .put("name", name).put("in", "path").put("required", true)
          .put("description", name.equals("name") ? "name of the object" : "object name and auth scope")
          .putObject("schema").put("type", "string").put("uniqueItems", true));
    }
    return item;
  }

  private static ObjectNode operation(String verb, String kind, String action, GroupVersionKind gvk, boolean write) {
    ObjectNode operation = NODES.objectNode();
    operation.put("operationId", verb + kind);
    operation.put("x-kubernetes-action", action);
    operation.putObject("x-kubernetes-group-version-kind")
        .put("group", gvk.group()).put("version", gvk.version()).put("kind", gvk.kind());
    if (write) {
      ArrayNode parameters = operation.putArray("parameters");
      query(parameters, "dryRun", "When present, modifications are not persisted. Valid value: All");
      query(parameters, "fieldManager", "The name of the actor making these changes.");
      query(parameters, "fieldValidation",
          "How the server handles unknown or duplicate fields: Ignore, Warn or Strict.");
    }
    operation.putObject("responses").putObject("200").put("description", "OK");
    return operation;
  }

  private static void query(ArrayNode parameters, String name, String description) {
    parameters.addObject().put("name", name).put("in", "query").put("description", description)
        .putObject("schema").put("type", "string").put("uniqueItems", true);
  }

  /** Upstream's operation naming: {@code CoreV1NamespacedPod}, {@code RbacAuthorizationV1ClusterRole}. */
  static String operationKind(ResourceType type, boolean namespaced) {
    String group = type.group().isEmpty() ? "Core"
        : Arrays.stream(type.group().replaceFirst("\\.k8s\\.io$", "").split("\\."))
            .map(OpenApiDocuments::capitalize).collect(Collectors.joining());
    return group + capitalize(type.version()) + (namespaced ? "Namespaced" : "") + type.kind();
  }

  private static String capitalize(String word) {
    return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static String sha256(byte[] json) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
