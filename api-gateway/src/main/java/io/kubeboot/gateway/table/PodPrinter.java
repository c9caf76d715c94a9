package io.kubeboot.gateway.table;

import static io.kubeboot.gateway.table.Fields.at;
import static io.kubeboot.gateway.table.Fields.items;
import static io.kubeboot.gateway.table.Fields.number;
import static io.kubeboot.gateway.table.Fields.text;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Pods as upstream's {@code printPod}. The Status column is not the phase but the most telling
 * reason: a failing init container ({@code Init:CrashLoopBackOff}, {@code Init:1/2}), else the
 * last container's waiting or terminated reason ({@code ContainerCreating}, {@code ErrImagePull},
 * {@code CrashLoopBackOff}, {@code Completed}), {@code Terminating} once deletion started.
 */
@Component
class PodPrinter extends ResourcePrinter {

  PodPrinter() {
    super(Set.of("pods"), List.of(
        Column.objectName(),
        Column.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        Column.string("Status", "The aggregate status of the containers in this pod."),
        Column.string("Restarts", "The number of times the containers in this pod have been restarted and when the "
            + "last container in this pod has restarted."),
        Column.age(),
        Column.string("IP", "IP address allocated to the pod. Routable at least within the cluster.").wide(),
        Column.string("Node", "NodeName is a request to schedule this pod onto a specific node.").wide(),
        Column.string("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node.")
            .wide(),
        Column.string("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness.")
            .wide()));
  }

  @Override
  List<Object> cells(JsonNode pod, Instant now) {
    Summary summary = summarize(pod);
    String restarts = summary.restarts != 0 && summary.lastRestart != null
        ? summary.restarts + " (" + HumanDuration.format(Duration.between(summary.lastRestart, now)) + " ago)"
        : String.valueOf(summary.restarts);
    return List.of(
        Fields.name(pod),
        summary.ready + "/" + summary.total,
        summary.reason,
        restarts,
        Fields.age(pod, now),
        Fields.orNone(podIp(pod.path("status"))),
        Fields.orNone(text(pod, "spec", "nodeName")),
        Fields.orNone(text(pod, "status", "nominatedNodeName")),
        readinessGates(pod));
  }

  /** What the Ready, Status and Restarts columns are computed from. */
  private static final class Summary {
    int total;
    int ready;
    long restarts;
    Instant lastRestart;
    String reason;
  }

  static Summary summarize(JsonNode pod) {
    JsonNode spec = pod.path("spec");
    JsonNode status = pod.path("status");
    String phase = text(status, "phase");
    Summary s = new Summary();
    s.total = items(spec.path("containers")).size();
    s.reason = text(status, "reason").isEmpty() ? phase : text(status, "reason");
    for (JsonNode condition : items(status.path("conditions"))) {
      if (text(condition, "type").equals("PodScheduled") && text(condition, "reason").equals("SchedulingGated")) {
        s.reason = "SchedulingGated";
      }
    }

    Map<String, JsonNode> initContainers = new HashMap<>();
    for (JsonNode container : items(spec.path("initContainers"))) {
      initContainers.put(text(container, "name"), container);
      if (isSidecar(container)) {
        s.total++;
      }
    }

    long sidecarRestarts = 0;
    Instant lastSidecarRestart = null;
    boolean initializing = false;
    List<JsonNode> initStatuses = items(status.path("initContainerStatuses"));
    for (int i = 0; i < initStatuses.size(); i++) {
      JsonNode container = initStatuses.get(i);
      boolean sidecar = isSidecar(initContainers.get(text(container, "name")));
      s.restarts += number(container, "restartCount");
      s.lastRestart = later(s.lastRestart, lastTermination(container));
      if (sidecar) {
        sidecarRestarts += number(container, "restartCount");
        lastSidecarRestart = later(lastSidecarRestart, lastTermination(container));
      }
      JsonNode terminated = at(container, "state", "terminated");
      JsonNode waiting = at(container, "state", "waiting");
      if (terminated.isObject() && number(terminated, "exitCode") == 0) {
        continue; // this init container is done
      }
      if (sidecar && Fields.flag(container, "started")) {
        if (Fields.flag(container, "ready")) {
          s.ready++;
        }
        continue; // a running sidecar does not hold initialization up
      }
      if (terminated.isObject()) {
        s.reason = "Init:" + terminationReason(terminated);
      } else if (waiting.isObject() && !text(waiting, "reason").isEmpty()
          && !text(waiting, "reason").equals("PodInitializing")) {
        s.reason = "Init:" + text(waiting, "reason");
      } else {
        s.reason = "Init:" + i + "/" + items(spec.path("initContainers")).size();
      }
      initializing = true;
      break;
    }

    if (!initializing || hasCondition(status, "Initialized")) {
      s.restarts = sidecarRestarts;
      s.lastRestart = lastSidecarRestart;
      boolean running = false;
      List<JsonNode> statuses = items(status.path("containerStatuses"));
      // Backwards, so that the first container's state is the one shown.
      for (int i = statuses.size() - 1; i >= 0; i--) {
        JsonNode container = statuses.get(i);
        s.restarts += number(container, "restartCount");
        s.lastRestart = later(s.lastRestart, lastTermination(container));
        JsonNode waiting = at(container, "state", "waiting");
        JsonNode terminated = at(container, "state", "terminated");
        if (waiting.isObject() && !text(waiting, "reason").isEmpty()) {
          s.reason = text(waiting, "reason");
        } else if (terminated.isObject()) {
          s.reason = terminationReason(terminated);
        } else if (Fields.flag(container, "ready") && at(container, "state", "running").isObject()) {
          running = true;
          s.ready++;
        }
      }
      // A container that completed while another still runs does not make the pod Completed.
      if (s.reason.equals("Completed") && running) {
        s.reason = hasCondition(status, "Ready") ? "Running" : "NotReady";
      }
    }

    boolean deleting = !at(pod, "metadata", "deletionTimestamp").isMissingNode()
        && !at(pod, "metadata", "deletionTimestamp").isNull();
    if (deleting && text(status, "reason").equals("NodeLost")) {
      s.reason = "Unknown";
    } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      s.reason = "Terminating";
    }
    return s;
  }

  /** A terminated container's reason, else its signal or exit code. */
  private static String terminationReason(JsonNode terminated) {
    if (!text(terminated, "reason").isEmpty()) {
      return text(terminated, "reason");
    }
    long signal = number(terminated, "signal");
    return signal != 0 ? "Signal:" + signal : "ExitCode:" + number(terminated, "exitCode");
  }

  /** An init container with restartPolicy Always runs beside the app containers (a sidecar). */
  private static boolean isSidecar(JsonNode initContainer) {
    return initContainer != null && text(initContainer, "restartPolicy").equals("Always");
  }

  private static Instant lastTermination(JsonNode containerStatus) {
    return Fields.time(at(containerStatus, "lastState", "terminated", "finishedAt"));
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || !a.isBefore(b) ? a : b;
  }

  private static boolean hasCondition(JsonNode status, String type) {
    return items(status.path("conditions")).stream()
        .anyMatch(c -> text(c, "type").equals(type) && text(c, "status").equals("True"));
  }

  private static String podIp(JsonNode status) {
    List<JsonNode> ips = items(status.path("podIPs"));
    return ips.isEmpty() ? text(status, "podIP") : text(ips.get(0), "ip");
  }

  private static String readinessGates(JsonNode pod) {
    List<JsonNode> gates = items(at(pod, "spec", "readinessGates"));
    if (gates.isEmpty()) {
      return "<none>";
    }
    long passed = gates.stream().filter(gate -> items(at(pod, "status", "conditions")).stream()
        .filter(c -> text(c, "type").equals(text(gate, "conditionType"))).findFirst()
        .map(c -> text(c, "status").equals("True")).orElse(false)).count();
    return passed + "/" + gates.size();
  }
}
