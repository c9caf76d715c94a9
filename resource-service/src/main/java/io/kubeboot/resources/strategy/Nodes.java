package io.kubeboot.resources.strategy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Upstream's node strategy: a kubelet registers its Node with a status, so create keeps it;
 * {@code podCIDR} and {@code podCIDRs} stay in step and may only be set once (by node IPAM),
 * and taints are valid.
 */
final class Nodes extends BaseStrategy<Node> {

  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final String POD_CIDR_ONCE = "node updates may not change podCIDR except from \"\" to valid";

  Nodes(ResourceType resourceType) {
    super(resourceType, Node.class, NameRule.DNS1123_SUBDOMAIN,
        StatusSubresource.keptOnCreate(Node::getSpec, Node::setSpec, Node::getStatus, Node::setStatus));
  }

  /** The v1 conversion: the singular podCIDR is the first of podCIDRs. */
  @Override
  void applyDefaults(Node node) {
    if (node.getSpec() == null) {
      node.setSpec(new NodeSpec());
    }
    NodeSpec spec = node.getSpec();
    if (Nulls.list(spec.getPodCIDRs()).isEmpty() && !Nulls.isEmpty(spec.getPodCIDR())) {
      spec.setPodCIDRs(new ArrayList<>(List.of(spec.getPodCIDR())));
    } else if (!Nulls.list(spec.getPodCIDRs()).isEmpty()) {
      spec.setPodCIDR(spec.getPodCIDRs().get(0));
    }
  }

  @Override
  List<FieldError> validateObject(Node node) {
    List<FieldError> errors = new ArrayList<>();
    List<Taint> taints = Nulls.list(node.getSpec() == null ? null : node.getSpec().getTaints());
    for (int i = 0; i < taints.size(); i++) {
      Taint taint = taints.get(i);
      FieldPath at = SPEC.child("taints").index(i);
      String key = Nulls.string(taint.getKey());
      errors.addAll(FieldErrors.invalidEach(at.child("key"), key, StringFormats.qualifiedName(key)));
      errors.addAll(FieldErrors.invalidEach(at.child("value"), Nulls.string(taint.getValue()),
          StringFormats.labelValue(Nulls.string(taint.getValue()))));
      errors.addAll(ContainerValidation.oneOf(taint.getEffect(), TAINT_EFFECTS, at.child("effect")));
    }
    return errors;
  }

  @Override
  List<FieldError> validateTransition(Node node, Node old) {
    NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
    NodeSpec oldSpec = old.getSpec() == null ? new NodeSpec() : old.getSpec();
    List<FieldError> errors = new ArrayList<>();
    List<String> oldCidrs = Nulls.list(oldSpec.getPodCIDRs());
    if (!oldCidrs.isEmpty() && !oldCidrs.equals(Nulls.list(spec.getPodCIDRs()))) {
      errors.add(FieldErrors.forbidden(SPEC.child("podCIDRs"), POD_CIDR_ONCE));
    }
    if (!Nulls.isEmpty(oldSpec.getProviderID()) && !Objects.equals(oldSpec.getProviderID(), spec.getProviderID())) {
      errors.add(FieldErrors.forbidden(SPEC.child("providerID"),
          "node updates may not change providerID except from \"\" to valid"));
    }
    return errors;
  }
}
