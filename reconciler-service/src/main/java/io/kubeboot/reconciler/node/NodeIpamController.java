package io.kubeboot.reconciler.node;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.common.informer.ResourceEventHandler;
import io.kubeboot.common.informer.ResourceInformer;
import io.kubeboot.common.workqueue.WorkQueue;
import io.kubeboot.reconciler.runtime.Controller;
import io.kubeboot.reconciler.runtime.Informers;
import io.kubeboot.reconciler.runtime.Result;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's node IPAM controller (range allocator): a Node without {@code spec.podCIDR} gets the
 * lowest free subnet of the cluster CIDR. A node that registered with a podCIDR of its own keeps
 * it, and nobody else gets it.
 */
public final class NodeIpamController implements Controller {

  private static final Logger log = LoggerFactory.getLogger(NodeIpamController.class);

  private final KubernetesClient client;
  private final ResourceInformer<Node> nodes;
  private final CidrAllocator allocator;
  /** Given out but maybe not in the cache yet: two nodes reconciled at once must not get one subnet. */
  private final Set<String> assigned = new HashSet<>();

  public NodeIpamController(KubernetesClient client, Informers informers, String clusterCidr, int nodeMaskSize) {
    this.client = client;
    this.nodes = informers.of(Node.class);
    this.allocator = new CidrAllocator(clusterCidr, nodeMaskSize);
  }

  @Override
  public String name() {
    return "nodeipam";
  }

  @Override
  public void watch(WorkQueue<ObjectKey> queue) {
    nodes.addEventHandler(ResourceEventHandler.enqueueing(queue));
  }

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<Node> node = nodes.get(key);
    if (node.isEmpty() || node.get().getSpec() != null && !isEmpty(node.get().getSpec().getPodCIDR())) {
      return Result.done();
    }
    String cidr;
    synchronized (assigned) {
      Set<String> taken = new HashSet<>();
      nodes.list().forEach(n -> {
        if (n.getSpec() != null && !isEmpty(n.getSpec().getPodCIDR())) {
          taken.add(n.getSpec().getPodCIDR());
        }
      });
      assigned.removeAll(taken); // the cache has them now, and a deleted node's subnet becomes free
      taken.addAll(assigned);
      Optional<String> free = allocator.next(taken);
      if (free.isEmpty()) {
        log.warn("no pod CIDR left for node {}", key.name());
        return Result.done();
      }
      cidr = free.get();
      assigned.add(cidr);
    }
    client.nodes().withName(key.name()).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"podCIDR\":\"" + cidr + "\",\"podCIDRs\":[\"" + cidr + "\"]}}");
    log.info("node {} gets pod CIDR {}", key.name(), cidr);
    return Result.done();
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
