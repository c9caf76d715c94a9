package io.kubeboot.resources.patch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON properties of a fabric8 model class and the class of each one's values. Read from the
 * fields' {@code @JsonProperty} annotations, which every generated fabric8 model class carries;
 * going through Jackson's bean introspection instead would need a mapper configured like fabric8's
 * and its internal API, for the same answer.
 */
final class ModelProperties {

  private static final ClassValue<Map<String, Class<?>>> PROPERTIES = new ClassValue<>() {
    @Override
    protected Map<String, Class<?>> computeValue(Class<?> type) {
      return read(type);
    }
  };

  private ModelProperties() {
  }

  /**
   * The class of the property's value, of its elements for a list and of its values for a map;
   * {@code null} when the class has no such property.
   */
  static Class<?> valueType(Class<?> owner, String property) {
    return PROPERTIES.get(owner).get(property);
  }

  private static Map<String, Class<?>> read(Class<?> type) {
    Map<String, Class<?>> properties = new HashMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.isAnnotationPresent(JsonIgnore.class)) {
          continue;
        }
        Class<?> valueType = valueClass(field.getGenericType());
        if (valueType != null) {
          properties.putIfAbsent(jsonName(field), valueType);
        }
      }
    }
    return Map.copyOf(properties);
  }

  private static String jsonName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property == null || property.value().isEmpty() ? field.getName() : property.value();
  }

  private static Class<?> valueClass(Type type) {
    if (type instanceof Class<?> c) {
      return c.isArray() ? c.getComponentType() : c;
    }
    if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return valueClass(arguments[0]);
      }
      if (Map.class.isAssignableFrom(raw)) {
        return valueClass(arguments[1]);
      }
      return raw;
    }
    return null;
  }
}
