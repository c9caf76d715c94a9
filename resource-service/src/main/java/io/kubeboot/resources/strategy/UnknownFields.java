package io.kubeboot.resources.strategy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON fields a request sent that the kind does not have: fabric8 keeps them in each model
 * object's {@code additionalProperties}, so they are found by walking the typed object.
 *
 * <p>Paths are upstream's: {@code spec.foo}, {@code metadata.unknownMeta},
 * {@code spec.template.spec.containers[0].foo}, in document order (an object's own unknown
 * fields before those of the objects inside it). Only the outermost unknown field is reported,
 * not fields nested in it.
 *
 * <p>What upstream answers for {@code fieldValidation} (kube-apiserver, k8s.io/apiserver
 * {@code pkg/endpoints/handlers}):
 * <ul>
 * <li><b>Strict, on create (POST) and update (PUT)</b>: 400, reason {@code BadRequest}, status
 * {@code Failure}, message {@code Deployment in version "v1" cannot be handled as a Deployment:
 * strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].bar"}
 * (every unknown field, comma-separated, no causes). Evidence: {@code create.go}
 * (kubernetes/kubernetes at a1bfb76458a2, lines ~113-134: with Strict the body is decoded with
 * the strict serializer and any strict decoding error goes through {@code transformDecodeError}),
 * and {@code transformDecodeError} in {@code rest.go}, which returns
 * {@code errors.NewBadRequest(fmt.Sprintf("%s in version %q cannot be handled as a %s: %v", ...))}.
 * For PUT, {@code update.go} decodes the same way; the integration test
 * {@code test/integration/apiserver/field_validation_test.go} (6f137b77b15d) expects the error
 * to end in {@code strict decoding error: unknown field "spec.unknown1", ...} for both
 * post-strict-validation and put-strict-validation. kubectl's apply creates with POST {@code fieldValidation=Strict}, so it
 * prints {@code Error from server (BadRequest): error when creating "x.yaml": Deployment in
 * version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"}.
 * <li><b>Strict, on PATCH</b> (json, merge and strategic merge): 422, reason {@code Invalid}:
 * {@code patch.go} (00f7534700c0, {@code jsonPatcher.applyPatchToCurrentObject} and
 * {@code applyPatchToObject}) returns {@code errors.NewInvalid(schema.GroupKind{}, "",
 * field.ErrorList{field.Invalid(field.NewPath("patch"), <patched object>, "strict decoding error: unknown field \"spec.foo\"")})},
 * i.e. message {@code  "" is invalid: patch: Invalid value: "<patched object JSON>": strict
 * decoding error: unknown field "spec.foo"} with one cause on field {@code patch}. So the known
 * question has two answers: 400 for POST/PUT bodies, 422 for patches.
 * <li><b>Warn</b> (kubectl's default for plain create/replace is none; the server default for
 * an absent parameter is Warn): the request succeeds and each field becomes a warning header
 * {@code 299 - "unknown field \"spec.foo\""}, which kubectl prints as
 * {@code Warning: unknown field "spec.foo"}.
 * <li><b>Ignore</b>: the fields are dropped silently.
 * </ul>
 * Duplicate JSON fields ({@code duplicate field "spec.paused"}) are part of the same upstream
 * error, but fabric8 has already collapsed them, so they cannot be found here.
 */
public final class UnknownFields {

  private static final Map<Class<?>, ModelClass> CLASSES = new ConcurrentHashMap<>();

  private UnknownFields() {
  }

  public static List<String> find(HasMetadata typed) {
    List<String> paths = new ArrayList<>();
    walk(typed, "", paths);
    return paths;
  }

  private static void walk(Object value, String path, List<String> paths) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", paths);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, element) -> walk(element, path + "[" + key + "]", paths));
    } else if (value instanceof KubernetesResource && isModel(value.getClass())) {
      ModelClass model = CLASSES.computeIfAbsent(value.getClass(), ModelClass::of);
      if (model.properties().isEmpty()) {
        // a class of free-form content (managedFields' FieldsV1): everything in it is "additional"
        return;
      }
      model.additionalProperties(value).keySet().forEach(name -> paths.add(join(path, String.valueOf(name))));
      model.properties().forEach((name, field) -> walk(model.read(field, value), join(path, name), paths));
    }
  }

  // a generic resource keeps its whole content as "additional" properties: nothing there is unknown
  private static boolean isModel(Class<?> type) {
    return type.getName().startsWith("io.fabric8.kubernetes.api.model.")
        && !GenericKubernetesResource.class.isAssignableFrom(type);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** A model class's JSON properties in wire order, and its additional-properties accessor. */
  private record ModelClass(Map<String, Field> properties, Method additional) {

    static ModelClass of(Class<?> type) {
      Map<String, Field> byName = new LinkedHashMap<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          JsonProperty property = field.getAnnotation(JsonProperty.class);
          if (property != null && !Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            byName.putIfAbsent(property.value().isEmpty() ? field.getName() : property.value(), field);
          }
        }
      }
      Map<String, Field> ordered = new LinkedHashMap<>();
      JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
      if (order != null) {
        Arrays.stream(order.value()).filter(byName::containsKey).forEach(name -> ordered.put(name, byName.get(name)));
      }
      byName.forEach(ordered::putIfAbsent);
      Method additional;
      try {
        additional = type.getMethod("getAdditionalProperties");
      } catch (NoSuchMethodException none) {
        additional = null;
      }
      return new ModelClass(ordered, additional);
    }

    Map<?, ?> additionalProperties(Object value) {
      if (additional == null) {
        return Map.of();
      }
      try {
        Object result = additional.invoke(value);
        return result instanceof Map<?, ?> map ? map : Map.of();
      } catch (ReflectiveOperationException unreadable) {
        throw new IllegalStateException("cannot read additional properties of " + value.getClass().getName(), unreadable);
      }
    }

    Object read(Field field, Object value) {
      try {
        return field.get(value);
      } catch (IllegalAccessException unreadable) {
        throw new IllegalStateException("cannot read " + field, unreadable);
      }
    }
  }
}
