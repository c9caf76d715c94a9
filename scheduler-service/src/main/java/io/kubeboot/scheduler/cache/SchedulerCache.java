package io.kubeboot.scheduler.cache;

import io.fabric8.kubernetes.api.model.Node;
import io.kubeboot.common.ObjectKey;
import io.kubeboot.scheduler.framework.NodeInfo;
import io.kubeboot.scheduler.framework.PodInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduler's view of the cluster: every node with the pods bound to it and the pods it has
 * assumed there (decided but not yet seen bound through the API), so the next pod is placed
 * against the room the last one took, without waiting for its binding to come back. The informer
 * thread, the scheduling thread and the binders call it; every method holds the cache's monitor,
 * and {@link #snapshot} hands out immutable {@link NodeInfo}s so a cycle filters without a lock.
 */
public final class SchedulerCache {

  private final Map<String, Node> nodes = new HashMap<>();
  /** Rebuilt per node on every change; insertion-ordered so that snapshots list nodes stably. */
  private final Map<String, NodeInfo> infos = new LinkedHashMap<>();
  private final Map<ObjectKey, Placement> pods = new HashMap<>();
  private final Map<String, Map<ObjectKey, PodInfo>> podsByNode = new HashMap<>();
  /**
   * The snapshot last handed out, brought up to date on the next call with only the nodes that
   * changed since (upstream's UpdateSnapshot): copying 5,000 nodes for every pod took a third of
   * the scheduler's CPU.
   */
  private final List<NodeInfo> snapshot = new ArrayList<>();
  private final Map<String, Integer> snapshotPositions = new HashMap<>();
  private final Set<String> changedSinceSnapshot = new LinkedHashSet<>();
  private boolean removedSinceSnapshot;

  /** Where the cache counts a pod, and whether only because the scheduler assumed it there. */
  record Placement(PodInfo pod, String node, boolean assumed) {
  }

  public synchronized void addOrUpdateNode(Node node) {
    String name = node.getMetadata().getName();
    nodes.put(name, node);
    rebuild(name);
  }

  public synchronized void removeNode(String name) {
    // its pods stay counted: should the node come back, they are still there
    nodes.remove(name);
    if (infos.remove(name) != null) {
      removedSinceSnapshot = true;
    }
  }

  /** A pod the API shows bound to a node (also the confirmation of an assumed one). */
  public synchronized void addOrUpdateBoundPod(PodInfo pod, String node) {
    place(new Placement(pod, node, false));
  }

  /** A pod gone from the API, or no longer taking room (terminated). */
  public synchronized void removePod(ObjectKey key) {
    Placement old = pods.remove(key);
    if (old != null) {
      unfile(old);
    }
  }

  /** Counts the pod on {@code node} now, before its binding is written. */
  public synchronized void assume(PodInfo pod, String node) {
    if (pods.containsKey(pod.key())) {
      throw new IllegalStateException("pod " + pod.key() + " is already in the cache");
    }
    place(new Placement(pod, node, true));
  }

  /** The binding failed: the room the pod was assumed to take is free again. Idempotent. */
  public synchronized void forget(ObjectKey key) {
    Placement placement = pods.get(key);
    if (placement != null && placement.assumed()) {
      removePod(key);
    }
  }

  /** True while the pod is counted on a node, assumed or bound: it must not be scheduled again. */
  public synchronized boolean isPlaced(ObjectKey key) {
    return pods.containsKey(key);
  }

  public synchronized Optional<String> nodeOf(ObjectKey key) {
    return Optional.ofNullable(pods.get(key)).map(Placement::node);
  }

  /**
   * Every node as it is now. The list stays unchanged until the next call, which updates it in
   * place: one scheduling thread calls this, and uses the list only until its next call.
   */
  public synchronized List<NodeInfo> snapshot() {
    if (removedSinceSnapshot) {
      snapshot.clear();
      snapshotPositions.clear();
      changedSinceSnapshot.clear();
      changedSinceSnapshot.addAll(infos.keySet());
      removedSinceSnapshot = false;
    }
    for (String name : changedSinceSnapshot) {
      NodeInfo info = infos.get(name);
      Integer position = snapshotPositions.get(name);
      if (position != null) {
        snapshot.set(position, info);
      } else if (info != null) {
        snapshotPositions.put(name, snapshot.size());
        snapshot.add(info);
      }
    }
    changedSinceSnapshot.clear();
    return Collections.unmodifiableList(snapshot);
  }

  public synchronized int nodeCount() {
    return infos.size();
  }

  private void place(Placement placement) {
    Placement old = pods.put(placement.pod().key(), placement);
    if (old != null) {
      unfile(old);
    }
    podsByNode.computeIfAbsent(placement.node(), n -> new LinkedHashMap<>()).put(placement.pod().key(), placement.pod());
    rebuild(placement.node());
  }

  private void unfile(Placement placement) {
    Map<ObjectKey, PodInfo> onNode = podsByNode.get(placement.node());
    if (onNode != null) {
      onNode.remove(placement.pod().key());
      if (onNode.isEmpty()) {
        podsByNode.remove(placement.node());
      }
    }
    rebuild(placement.node());
  }

  private void rebuild(String nodeName) {
    Node node = nodes.get(nodeName);
    if (node != null) {
      Collection<PodInfo> onNode = podsByNode.getOrDefault(nodeName, Map.of()).values();
      NodeInfo old = infos.get(nodeName);
      // a pod change keeps what was worked out about the same Node object; a new Node is worked out anew
      infos.put(nodeName, old != null && old.node() == node ? old.withPods(onNode) : NodeInfo.of(node, onNode));
      changedSinceSnapshot.add(nodeName);
    }
  }
}
