package io.kubeboot.scheduler.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One scheduling cycle's algorithm: filter the nodes, score the feasible ones, pick the best.
 * In large clusters it stops filtering once it has found enough feasible nodes, as upstream's
 * {@code percentageOfNodesToScore} does, and starts the next pod where this one stopped so that
 * every node gets its turn. A filter that skips the pod (upstream's PreFilter answering Skip) is
 * not asked about any node.
 */
public final class Framework {

  /** Below this many nodes every node is filtered; above, at least this many feasible ones are sought. */
  static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
  static final int MIN_FEASIBLE_NODES_PERCENTAGE = 5;

  private final List<FilterPlugin> filters;
  private final List<ScorePlugin> scores;
  private final RandomTieBreaker tieBreaker;
  private int nextStartNodeIndex;

  Framework(List<FilterPlugin> filters, List<ScorePlugin> scores, RandomTieBreaker tieBreaker) {
    this.filters = List.copyOf(filters);
    this.scores = List.copyOf(scores);
    this.tieBreaker = tieBreaker;
  }

  /** Decides where the pod goes among {@code nodes}; call from one thread at a time. */
  public synchronized ScheduleResult schedule(PodInfo pod, List<NodeInfo> nodes) {
    int total = nodes.size();
    int wanted = feasibleNodesToFind(total);
    List<NodeInfo> feasible = new ArrayList<>(Math.min(wanted, total));
    Map<String, Status> failures = new HashMap<>();
    List<FilterPlugin> applicable = filters.stream().filter(filter -> !filter.skips(pod)).toList();
    int evaluated = 0;
    while (evaluated < total && feasible.size() < wanted) {
      NodeInfo node = nodes.get((nextStartNodeIndex + evaluated) % total);
      evaluated++;
      Status status = runFilters(applicable, pod, node);
      if (status.isSuccess()) {
        feasible.add(node);
      } else {
        failures.put(node.name(), status);
      }
    }
    nextStartNodeIndex = total == 0 ? 0 : (nextStartNodeIndex + evaluated) % total;
    if (feasible.isEmpty()) {
      return new ScheduleResult.Unschedulable(new Diagnosis(total, failures));
    }
    int chosen = feasible.size() == 1 ? 0 : tieBreaker.pick(score(pod, feasible));
    return new ScheduleResult.Suggested(feasible.get(chosen).name(), evaluated, feasible.size());
  }

  /** The first failing filter's status, or success when every filter passes. */
  private static Status runFilters(List<FilterPlugin> filters, PodInfo pod, NodeInfo node) {
    for (FilterPlugin filter : filters) {
      Status status = filter.filter(pod, node);
      if (!status.isSuccess()) {
        return status;
      }
    }
    return Status.success();
  }

  /** Each node's weighted sum of normalized plugin scores. */
  long[] score(PodInfo pod, List<NodeInfo> nodes) {
    long[] total = new long[nodes.size()];
    for (ScorePlugin plugin : scores) {
      long[] raw = new long[nodes.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = plugin.score(pod, nodes.get(i));
      }
      plugin.normalize(pod, nodes, raw);
      for (int i = 0; i < raw.length; i++) {
        total[i] += raw[i] * plugin.weight();
      }
    }
    return total;
  }

  /** Upstream's adaptive percentage: 50% less 1% per 125 nodes, at least 5%, and never fewer than 100 nodes. */
  static int feasibleNodesToFind(int totalNodes) {
    if (totalNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return totalNodes;
    }
    int percentage = Math.max(50 - totalNodes / 125, MIN_FEASIBLE_NODES_PERCENTAGE);
    return Math.max(totalNodes * percentage / 100, MIN_FEASIBLE_NODES_TO_FIND);
  }
}
