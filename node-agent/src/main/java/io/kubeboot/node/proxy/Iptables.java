package io.kubeboot.node.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's {@code iptables}/{@code iptables-restore} for the node's own nat chain (there is
 * no maintained Java binding of netfilter; kube-proxy shells out the same way). {@code -w} waits
 * for the xtables lock that Docker and other node agents on the host also take.
 */
final class Iptables {

  private static final String WAIT_SECONDS = "10";

  private final String chain;

  Iptables(String chain) {
    this.chain = chain;
  }

  String chain() {
    return chain;
  }

  /** Creates the chain (empty) unless present and hooks it first into PREROUTING and OUTPUT, once each. */
  void install() {
    replaceRules(ProxyRules.restoreInput(chain, "0.0.0.0/0", List.of()));
  }

  /**
   * Writes the chain's rules and makes sure it is still hooked: something else on the host's
   * shared tables may have removed the jumps, and kube-proxy too re-checks them at every sync.
   */
  void replaceRules(String restoreInput) {
    require(run(restoreInput, List.of("iptables-restore", "-w", WAIT_SECONDS, "--noflush")), "write " + chain);
    for (String from : ProxyRules.HOOKED_CHAINS) {
      if (run(null, iptables("-C", from)).exitCode() != 0) {
        require(run(null, iptables("-I", from, "1")), "hook " + chain + " into " + from);
      }
    }
  }

  /** Unhooks, flushes and deletes the chain; what is already gone is fine. */
  void uninstall() {
    for (String from : ProxyRules.HOOKED_CHAINS) {
      while (run(null, iptables("-D", from)).exitCode() == 0) {
        // a hook added twice (by hand, or by a crashed agent racing its restart) goes too
      }
    }
    run(null, List.of("iptables", "-w", WAIT_SECONDS, "-t", ProxyRules.TABLE, "-F", chain));
    run(null, List.of("iptables", "-w", WAIT_SECONDS, "-t", ProxyRules.TABLE, "-X", chain));
  }

  private List<String> iptables(String operation, String from, String... position) {
    List<String> command = new ArrayList<>(List.of("iptables", "-w", WAIT_SECONDS, "-t", ProxyRules.TABLE,
        operation, from));
    command.addAll(List.of(position));
    command.addAll(ProxyRules.jump(chain));
    return command;
  }

  private record Outcome(int exitCode, String output) {
  }

  private static void require(Outcome outcome, String what) {
    if (outcome.exitCode() != 0) {
      throw new IllegalStateException("iptables: could not " + what + ": " + outcome.output().strip());
    }
  }

  private static Outcome run(String stdin, List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
      }
      return new Outcome(process.exitValue(), output);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command.get(0), e);
    }
  }
}
