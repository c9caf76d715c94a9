package io.kubeboot.scheduler.framework;

import java.util.List;

/**
 * The outcome of one plugin for one pod (and node). The code decides what happens next: an
 * unschedulable pod waits for the cluster to change, an error is retried with back-off.
 *
 * @param plugin the plugin that decided, empty on success
 * @param reasons the short, countable reasons users see in the FailedScheduling message
 */
public record Status(Code code, List<String> reasons, String plugin) {

  public enum Code {
    SUCCESS,
    /** Does not fit now, but evicting other pods (preemption) could make it fit. */
    UNSCHEDULABLE,
    /** Does not fit, and no preemption on this node can change that. */
    UNSCHEDULABLE_AND_UNRESOLVABLE,
    /** Something went wrong; not a statement about the pod or node. */
    ERROR
  }

  private static final Status SUCCESS = new Status(Code.SUCCESS, List.of(), "");

  public Status {
    reasons = List.copyOf(reasons);
  }

  public static Status success() {
    return SUCCESS;
  }

  public static Status unschedulable(String plugin, List<String> reasons) {
    return new Status(Code.UNSCHEDULABLE, reasons, plugin);
  }

  public static Status unresolvable(String plugin, String reason) {
    return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, List.of(reason), plugin);
  }

  public static Status error(String plugin, String reason) {
    return new Status(Code.ERROR, List.of(reason), plugin);
  }

  public boolean isSuccess() {
    return code == Code.SUCCESS;
  }
}
