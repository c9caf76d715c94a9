package io.kubeboot.node.proxy;

import io.kubeboot.common.DaemonThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening TCP socket of the proxy and the thread that accepts on it; each accepted
 * connection is handed on at once. Closing it stops accepting; connections already handed on
 * carry on, as with upstream's userspace proxy.
 */
final class PortListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PortListener.class);

  private final ServerSocket server;
  private final String purpose;

  private PortListener(ServerSocket server, String purpose) {
    this.server = server;
    this.purpose = purpose;
  }

  /** Binds {@code address} (port 0: any free port) and starts accepting. */
  static PortListener open(InetSocketAddress address, String purpose, Consumer<Socket> onAccept) throws IOException {
    ServerSocket server = new ServerSocket();
    try {
      server.setReuseAddress(true);
      server.bind(address, 128);
    } catch (IOException e) {
      server.close();
      throw new IOException("cannot listen on " + address + " for " + purpose + ": " + e.getMessage(), e);
    }
    PortListener listener = new PortListener(server, purpose);
    DaemonThreads.named("kube-proxy-accept-" + server.getLocalPort()).newThread(() -> listener.accept(onAccept)).start();
    log.info("listening on {} for {}", server.getLocalSocketAddress(), purpose);
    return listener;
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept(Consumer<Socket> onAccept) {
    while (!server.isClosed()) {
      try {
        onAccept.accept(server.accept());
      } catch (IOException e) {
        if (!server.isClosed()) {
          log.info("accept on {} failed: {}", server.getLocalSocketAddress(), e.toString());
          pause(); // e.g. out of file descriptors: do not spin
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      log.info("closed {} for {}", server.getLocalSocketAddress(), purpose);
    } catch (IOException e) {
      log.debug("closing {}: {}", purpose, e.toString());
    }
  }
}
