package io.kubeboot.gateway.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.kubeboot.common.api.ApiException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a k8s.io/api protobuf message into the JSON the same object has in the Kubernetes REST API,
 * by walking its descriptor: field names from the descriptor, repeated fields as arrays, map
 * entries as objects, and the apimachinery types that have their own JSON form written as upstream
 * writes them.
 *
 * <p>Go's protobuf encoder writes every non-pointer field, zero or not, so a message carries
 * {@code ""}, {@code 0} and {@code false} that the JSON of the same Go object would omit
 * ({@code omitempty}). Those are dropped, except in fields that are pointers upstream and where an
 * explicit zero means something ({@code spec.replicas: 0} is not the default of 1); status is the
 * server's to write, so zeros there always go. Nested messages are kept even when empty, as Go's
 * JSON keeps structs ({@code "resources":{}}).
 */
final class ProtoJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper RAW_JSON = JsonMapper.builder().build();

  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

  /** Pointer fields whose zero value is a choice, not an absence (outside status). */
  private static final Set<String> ZERO_MEANINGFUL = Set.of(
      "replicas", "parallelism", "completions", "backoffLimit", "backoffLimitPerIndex", "maxFailedIndexes",
      "activeDeadlineSeconds", "ttlSecondsAfterFinished", "startingDeadlineSeconds", "successfulJobsHistoryLimit",
      "failedJobsHistoryLimit", "revisionHistoryLimit", "progressDeadlineSeconds", "terminationGracePeriodSeconds",
      "deletionGracePeriodSeconds", "gracePeriodSeconds", "runAsUser", "runAsGroup", "fsGroup", "priority",
      "automountServiceAccountToken", "enableServiceLinks", "allowPrivilegeEscalation", "hostUsers",
      "allocateLoadBalancerNodePorts", "suspend", "ready", "serving", "terminating", "optional", "defaultMode",
      "mode", "leaseDurationSeconds", "leaseTransitions", "controller", "blockOwnerDeletion", "immutable",
      "expirationSeconds", "partition");

  /**
   * Go structs embedded with {@code json:",inline"}: protobuf nests them in a field, JSON spreads
   * their fields into the enclosing object ({@code Volume.volumeSource}, {@code Probe.handler}).
   */
  private static final Set<String> INLINE = Set.of(
      "k8s.io.api.core.v1.Volume.volumeSource",
      "k8s.io.api.core.v1.Probe.handler",
      "k8s.io.api.core.v1.PersistentVolumeSpec.persistentVolumeSource",
      "k8s.io.api.core.v1.EphemeralContainer.ephemeralContainerCommon");
  /** LocalObjectReference is inlined wherever it is embedded: secretKeyRef, configMapRef, ... */
  private static final String INLINE_EVERYWHERE = "localObjectReference";

  private ProtoJson() {
  }

  /** The object's fields as JSON; {@code apiVersion} and {@code kind} are the caller's to add. */
  static ObjectNode object(Message message) {
    ObjectNode out = NODES.objectNode();
    writeFields(message, out);
    return out;
  }

  private static void writeFields(Message message, ObjectNode out) {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isMapField()) {
        if (message.getRepeatedFieldCount(field) > 0) {
          out.set(field.getJsonName(), map(field, message));
        }
      } else if (field.isRepeated()) {
        if (message.getRepeatedFieldCount(field) > 0) {
          ArrayNode array = out.putArray(field.getJsonName());
          for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            array.add(orNull(value(field, message.getRepeatedField(field, i))));
          }
        }
      } else if (message.hasField(field)) {
        Object value = message.getField(field);
        if (isInline(field)) {
          writeFields((Message) value, out);
        } else if (!isDroppableZero(field, value)) {
          JsonNode json = value(field, value);
          if (json != null) {
            out.set(field.getJsonName(), json);
          }
        }
      }
    }
  }

  private static ObjectNode map(FieldDescriptor field, Message message) {
    ObjectNode map = NODES.objectNode();
    FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
    for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
      Message entry = (Message) message.getRepeatedField(field, i);
      map.set(String.valueOf(entry.getField(keyField)), orNull(value(valueField, entry.getField(valueField))));
    }
    return map;
  }

  /** The JSON of one value; null for a value whose JSON is absent (the zero Time). */
  private static JsonNode value(FieldDescriptor field, Object value) {
    return switch (field.getJavaType()) {
      case MESSAGE -> message((Message) value);
      case STRING -> NODES.stringNode((String) value);
      case INT -> NODES.numberNode((Integer) value);
      case LONG -> NODES.numberNode((Long) value);
      case FLOAT -> NODES.numberNode((Float) value);
      case DOUBLE -> NODES.numberNode((Double) value);
      case BOOLEAN -> NODES.booleanNode((Boolean) value);
      // Go's JSON writes []byte in standard base64: Secret.data, ConfigMap.binaryData.
      case BYTE_STRING -> NODES.stringNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      case ENUM -> NODES.stringNode(((EnumValueDescriptor) value).getName());
    };
  }

  /** The apimachinery types whose JSON is not their protobuf structure. */
  private static JsonNode message(Message message) {
    return switch (message.getDescriptorForType().getFullName()) {
      case "k8s.io.apimachinery.pkg.util.intstr.IntOrString" -> ((Long) field(message, "type")) == 1
          ? NODES.stringNode((String) field(message, "strVal"))
          : NODES.numberNode((Integer) field(message, "intVal"));
      case "k8s.io.apimachinery.pkg.api.resource.Quantity",
          "k8s.io.apimachinery.pkg.api.resource.QuantityValue" -> NODES.stringNode((String) field(message, "string"));
      case META + "Time" -> time(message, DateTimeFormatter.ISO_INSTANT, true);
      case META + "MicroTime" -> time(message, MICRO_TIME, false);
      case META + "Duration" -> NODES.stringNode(GoDuration.format((Long) field(message, "duration")));
      case META + "FieldsV1" -> embeddedJson((ByteString) field(message, "Raw"));
      case "k8s.io.apimachinery.pkg.runtime.RawExtension" -> embeddedJson((ByteString) field(message, "raw"));
      case META + "Verbs" -> strings(message, "items");
      default -> object(message);
    };
  }

  /**
   * Upstream writes the zero time as an empty message and reads it back as null; JSON then omits
   * it. {@code Time} has whole seconds in JSON, {@code MicroTime} microseconds.
   */
  private static JsonNode time(Message message, DateTimeFormatter format, boolean wholeSeconds) {
    FieldDescriptor seconds = message.getDescriptorForType().findFieldByName("seconds");
    FieldDescriptor nanos = message.getDescriptorForType().findFieldByName("nanos");
    if (!message.hasField(seconds) && !message.hasField(nanos)) {
      return null;
    }
    Instant instant = Instant.ofEpochSecond((Long) message.getField(seconds),
        wholeSeconds ? 0 : (Integer) message.getField(nanos));
    return NODES.stringNode(format.format(instant));
  }

  private static JsonNode embeddedJson(ByteString raw) {
    if (raw.isEmpty()) {
      return null;
    }
    if (ProtobufBodies.hasMagic(raw.toByteArray())) {
      throw ApiException.badRequest("embedded protobuf objects are not supported; embed them as JSON");
    }
    try {
      return RAW_JSON.readTree(raw.toByteArray());
    } catch (JacksonException e) {
      throw ApiException.badRequest("an embedded object is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static JsonNode strings(Message message, String name) {
    ArrayNode array = NODES.arrayNode();
    FieldDescriptor items = message.getDescriptorForType().findFieldByName(name);
    for (int i = 0; i < message.getRepeatedFieldCount(items); i++) {
      array.add((String) message.getRepeatedField(items, i));
    }
    return array;
  }

  private static Object field(Message message, String name) {
    return message.getField(message.getDescriptorForType().findFieldByName(name));
  }

  private static boolean isInline(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
        && (field.getName().equals(INLINE_EVERYWHERE) || INLINE.contains(field.getFullName()));
  }

  private static boolean isDroppableZero(FieldDescriptor field, Object value) {
    boolean zero = switch (field.getJavaType()) {
      case STRING -> ((String) value).isEmpty();
      case INT, LONG, FLOAT, DOUBLE -> ((Number) value).doubleValue() == 0;
      case BOOLEAN -> !(Boolean) value;
      case BYTE_STRING -> ((ByteString) value).isEmpty();
      case ENUM -> ((EnumValueDescriptor) value).getNumber() == 0;
      case MESSAGE -> false;
    };
    // An empty string is never a choice in Go: the field cannot tell it from an unset one.
    return zero && (field.getJavaType() == FieldDescriptor.JavaType.STRING
        || !ZERO_MEANINGFUL.contains(field.getJsonName())
        || field.getContainingType().getName().endsWith("Status"));
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? NODES.nullNode() : node;
  }

  /** Unknown fields anywhere in the message: fields newer than the schema this gateway knows. */
  static List<String> unknownFields(Message message) {
    List<String> unknown = new ArrayList<>();
    collectUnknown(message, message.getDescriptorForType().getName(), unknown);
    return unknown;
  }

  private static void collectUnknown(Message message, String path, List<String> unknown) {
    message.getUnknownFields().asMap().keySet().forEach(number -> unknown.add(path + "#" + number));
    for (var entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      String child = path + "." + field.getJsonName();
      if (field.isRepeated()) {
        for (Object element : (List<?>) entry.getValue()) {
          collectUnknown((Message) element, child, unknown);
        }
      } else {
        collectUnknown((Message) entry.getValue(), child, unknown);
      }
    }
  }
}
