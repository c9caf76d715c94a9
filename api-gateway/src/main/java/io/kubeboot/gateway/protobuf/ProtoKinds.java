package io.kubeboot.gateway.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubeboot.common.resource.ResourceRegistry;
import io.kubeboot.common.resource.ResourceType;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which protobuf message a body of {@code apiVersion} + {@code kind} is. The registry's kinds, plus
 * the kinds that arrive as bodies of subresources, are looked up by name in the schema of their
 * group-version, so a kind added to the registry needs nothing here unless its group-version is new.
 */
@Component
class ProtoKinds {

  private static final Logger log = LoggerFactory.getLogger(ProtoKinds.class);

  /** The k8s.io/api {@code generated.proto} of each group-version. */
  private static final Map<String, FileDescriptor> SCHEMAS = Map.of(
      "v1", V1.getDescriptor(),
      "apps/v1", V1Apps.getDescriptor(),
      "batch/v1", V1Batch.getDescriptor(),
      "autoscaling/v1", V1Autoscaling.getDescriptor(),
      "policy/v1", V1Policy.getDescriptor(),
      "rbac.authorization.k8s.io/v1", V1Rbac.getDescriptor(),
      "authorization.k8s.io/v1", V1Authorization.getDescriptor(),
      "coordination.k8s.io/v1", SupplementalProtos.COORDINATION_V1,
      "discovery.k8s.io/v1", SupplementalProtos.DISCOVERY_V1);

  /**
   * Bodies of subresources ({@code deployments/scale}, {@code pods/binding}, {@code pods/eviction})
   * and of the reviews the gateway answers itself ({@code kubectl auth can-i}).
   */
  private static final List<List<String>> SUBRESOURCE_KINDS = List.of(
      List.of("autoscaling/v1", "Scale"), List.of("v1", "Binding"), List.of("policy/v1", "Eviction"),
      List.of("authorization.k8s.io/v1", "SelfSubjectAccessReview"));

  /** Typed clients send the options of a DELETE as a body, under any group-version of the scheme. */
  private static final Descriptor DELETE_OPTIONS = Meta.DeleteOptions.getDescriptor();

  private final Map<String, Descriptor> byKind = new HashMap<>();

  ProtoKinds(ResourceRegistry registry) {
    for (ResourceType type : registry.all()) {
      Optional<Descriptor> message = schemaOf(type.apiVersion(), type.kind());
      message.ifPresentOrElse(m -> byKind.put(key(type.apiVersion(), type.kind()), m),
          () -> log.warn("no protobuf schema for {} {}: protobuf bodies of this kind will be refused",
              type.apiVersion(), type.kind()));
    }
    SUBRESOURCE_KINDS.forEach(k -> byKind.put(key(k.get(0), k.get(1)), schemaOf(k.get(0), k.get(1)).orElseThrow()));
  }

  Optional<Descriptor> find(String apiVersion, String kind) {
    if (kind.equals(DELETE_OPTIONS.getName())) {
      return Optional.of(DELETE_OPTIONS);
    }
    return Optional.ofNullable(byKind.get(key(apiVersion, kind)));
  }

  private static Optional<Descriptor> schemaOf(String apiVersion, String kind) {
    return Optional.ofNullable(SCHEMAS.get(apiVersion)).map(file -> file.findMessageTypeByName(kind));
  }

  private static String key(String apiVersion, String kind) {
    return apiVersion + "/" + kind;
  }
}
