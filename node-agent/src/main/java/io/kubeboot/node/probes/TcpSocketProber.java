package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** {@code tcpSocket}: success when a TCP connection to the pod IP (or {@code host}) and port opens within the timeout. */
final class TcpSocketProber {

  ProbeOutcome probe(TCPSocketAction action, ProbeTarget target, Duration timeout) {
    String host = action.getHost() == null || action.getHost().isEmpty() ? target.podIp() : action.getHost();
    if (host == null) {
      return ProbeOutcome.error("the pod has no IP yet");
    }
    int port;
    try {
      port = ProbePorts.resolve(action.getPort(), target.container());
    } catch (IllegalArgumentException e) {
      return ProbeOutcome.error(e.getMessage());
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return ProbeOutcome.success("");
    } catch (IOException e) {
      return ProbeOutcome.failure("dial tcp " + host + ":" + port + ": " + e.getMessage());
    }
  }
}
