package io.kubeboot.node.probes;

import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** {@code tcpSocket}: success when a TCP connection to the pod IP (or {@code host}) and port opens within the timeout. */
final class TcpSocketProber {

  ProbeOutcome probe(TCPSocketAction action, ProbeTarget target, Duration timeout) {
    ProbeTarget.Address address;
    try {
      address = target.address(action.getHost(), action.getPort());
    } catch (IllegalArgumentException e) {
      return ProbeOutcome.error(e.getMessage());
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
      return ProbeOutcome.success("");
    } catch (IOException e) {
      return ProbeOutcome.failure("dial tcp " + address.host() + ":" + address.port() + ": " + e.getMessage());
    }
  }
}
