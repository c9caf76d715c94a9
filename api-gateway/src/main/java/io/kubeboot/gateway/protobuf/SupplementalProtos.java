package io.kubeboot.gateway.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;

/**
 * Schemas of the k8s.io/api group-versions that {@code client-java-proto} does not ship
 * (coordination.k8s.io/v1 and discovery.k8s.io/v1), declared field by field from upstream's
 * {@code generated.proto}: with no protoc in the build, this is the smallest faithful form. The
 * converter treats them exactly like the generated ones.
 */
final class SupplementalProtos {

  private static final String META = ".k8s.io.apimachinery.pkg.apis.meta.v1.";
  private static final String CORE = ".k8s.io.api.core.v1.";

  static final FileDescriptor COORDINATION_V1 = file("k8s.io/api/coordination/v1/generated.proto",
      "k8s.io.api.coordination.v1",
      new FileDescriptor[] {Meta.getDescriptor()},
      message("Lease",
          message("metadata", 1, META + "ObjectMeta"),
          message("spec", 2, ".k8s.io.api.coordination.v1.LeaseSpec")),
      message("LeaseSpec",
          scalar("holderIdentity", 1, Type.TYPE_STRING),
          scalar("leaseDurationSeconds", 2, Type.TYPE_INT32),
          message("acquireTime", 3, META + "MicroTime"),
          message("renewTime", 4, META + "MicroTime"),
          scalar("leaseTransitions", 5, Type.TYPE_INT32),
          scalar("strategy", 6, Type.TYPE_STRING),
          scalar("preferredHolder", 7, Type.TYPE_STRING)));

  private static final String DISCOVERY = ".k8s.io.api.discovery.v1.";

  static final FileDescriptor DISCOVERY_V1 = file("k8s.io/api/discovery/v1/generated.proto",
      "k8s.io.api.discovery.v1",
      new FileDescriptor[] {Meta.getDescriptor(), V1.getDescriptor()},
      message("EndpointSlice",
          message("metadata", 1, META + "ObjectMeta"),
          repeated(message("endpoints", 2, DISCOVERY + "Endpoint")),
          repeated(message("ports", 3, DISCOVERY + "EndpointPort")),
          scalar("addressType", 4, Type.TYPE_STRING)),
      message("Endpoint",
          repeated(scalar("addresses", 1, Type.TYPE_STRING)),
          message("conditions", 2, DISCOVERY + "EndpointConditions"),
          scalar("hostname", 3, Type.TYPE_STRING),
          message("targetRef", 4, CORE + "ObjectReference"),
          repeated(message("deprecatedTopology", 5, DISCOVERY + "Endpoint.DeprecatedTopologyEntry")),
          scalar("nodeName", 6, Type.TYPE_STRING),
          scalar("zone", 7, Type.TYPE_STRING),
          message("hints", 8, DISCOVERY + "EndpointHints"))
          .toBuilder().addNestedType(stringMapEntry("DeprecatedTopologyEntry")).build(),
      message("EndpointConditions",
          scalar("ready", 1, Type.TYPE_BOOL),
          scalar("serving", 2, Type.TYPE_BOOL),
          scalar("terminating", 3, Type.TYPE_BOOL)),
      message("EndpointHints",
          repeated(message("forZones", 1, DISCOVERY + "ForZone")),
          repeated(message("forNodes", 2, DISCOVERY + "ForNode"))),
      message("ForZone", scalar("name", 1, Type.TYPE_STRING)),
      message("ForNode", scalar("name", 1, Type.TYPE_STRING)),
      message("EndpointPort",
          scalar("name", 1, Type.TYPE_STRING),
          scalar("protocol", 2, Type.TYPE_STRING),
          scalar("port", 3, Type.TYPE_INT32),
          scalar("appProtocol", 4, Type.TYPE_STRING)));

  private SupplementalProtos() {
  }

  private static FileDescriptor file(String name, String pkg, FileDescriptor[] dependencies,
      DescriptorProto... messages) {
    FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName(name).setPackage(pkg);
    for (FileDescriptor dependency : dependencies) {
      file.addDependency(dependency.getName());
    }
    for (DescriptorProto message : messages) {
      file.addMessageType(message);
    }
    try {
      return FileDescriptor.buildFrom(file.build(), dependencies);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("invalid protobuf schema " + name, e);
    }
  }

  private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
    DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(name);
    for (FieldDescriptorProto field : fields) {
      message.addField(field);
    }
    return message.build();
  }

  private static DescriptorProto stringMapEntry(String name) {
    return message(name, scalar("key", 1, Type.TYPE_STRING), scalar("value", 2, Type.TYPE_STRING))
        .toBuilder().setOptions(MessageOptions.newBuilder().setMapEntry(true)).build();
  }

  private static FieldDescriptorProto scalar(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder().setName(name).setJsonName(name).setNumber(number)
        .setLabel(Label.LABEL_OPTIONAL).setType(type).build();
  }

  private static FieldDescriptorProto message(String name, int number, String typeName) {
    return scalar(name, number, Type.TYPE_MESSAGE).toBuilder().setTypeName(typeName).build();
  }

  private static FieldDescriptorProto repeated(FieldDescriptorProto field) {
    return field.toBuilder().setLabel(Label.LABEL_REPEATED).build();
  }
}
