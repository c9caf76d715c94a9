package io.kubeboot.gateway.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubeboot.common.api.ApiException;
import io.kubernetes.client.proto.Runtime.Unknown;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body sent as {@code application/vnd.kubernetes.protobuf}, as kubectl 1.32+ does
 * for {@code kubectl create deployment|namespace|configmap|service|job|...}: the magic bytes
 * {@code k8s\0}, then a {@code runtime.Unknown} whose {@code typeMeta} names the kind and whose
 * {@code raw} is the object in k8s.io/api protobuf. Yields the object's JSON, which resource-service
 * reads.
 */
@Component
public class ProtobufBodies {

  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final Logger log = LoggerFactory.getLogger(ProtobufBodies.class);
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private final ProtoKinds kinds;

  ProtobufBodies(ProtoKinds kinds) {
    this.kinds = kinds;
  }

  /** @throws ApiException 400 BadRequest when the body is not a protobuf object of a known kind */
  public ObjectNode toJson(byte[] body) {
    if (!hasMagic(body)) {
      throw ApiException.badRequest("the body is not a Kubernetes protobuf object: it does not start with \"k8s\\x00\"");
    }
    Unknown envelope = parse(() -> Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length)));
    String apiVersion = envelope.getTypeMeta().getApiVersion();
    String kind = envelope.getTypeMeta().getKind();
    if (!envelope.getContentEncoding().isEmpty()) {
      throw ApiException.badRequest("unsupported content encoding \"" + envelope.getContentEncoding() + "\"");
    }
    Descriptor descriptor = kinds.find(apiVersion, kind).orElseThrow(() -> ApiException.badRequest(
        "no kind \"" + kind + "\" is registered for version \"" + apiVersion + "\""));
    DynamicMessage object = parse(() -> DynamicMessage.parseFrom(descriptor, envelope.getRaw()));
    List<String> unknown = ProtoJson.unknownFields(object);
    if (!unknown.isEmpty()) {
      log.warn("{} {} has fields this gateway's schema does not know, dropped: {}", apiVersion, kind, unknown);
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("apiVersion", apiVersion);
    json.put("kind", kind);
    json.setAll(ProtoJson.object(object));
    return json;
  }

  static boolean hasMagic(byte[] bytes) {
    return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  private interface Parse<T> {
    T run() throws InvalidProtocolBufferException;
  }

  private static <T> T parse(Parse<T> parse) {
    try {
      return parse.run();
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.badRequest("the protobuf body cannot be decoded: " + e.getMessage());
    }
  }
}
