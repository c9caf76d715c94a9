package io.kubeboot.gateway.proxy;

import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After both sides switched protocols, copies bytes both ways between the client's connection
 * and the node agent's, until either side ends. It never looks at the bytes: the API server
 * proxies exec to the kubelet the same way, so WebSocket framing, subprotocols and close
 * handshakes stay between kubectl and the agent, and the gateway needs no protocol of its own.
 *
 * <p>Tomcat creates it (public, no-argument constructor); {@link #connect} gives it the agent's
 * connection before Tomcat calls {@link #init}.
 */
public class UpgradeTunnel implements HttpUpgradeHandler {

  private static final Logger log = LoggerFactory.getLogger(UpgradeTunnel.class);

  private volatile KubeletUpgrade kubelet;

  void connect(KubeletUpgrade kubelet) {
    this.kubelet = kubelet;
  }

  @Override
  public void init(WebConnection client) {
    KubeletUpgrade agent = kubelet;
    Socket socket = agent.socket();
    start("tunnel-to-client", () -> {
      try (InputStream from = agent.input(); OutputStream to = client.getOutputStream()) {
        copy(from, to);
      } finally {
        closeAll(client, agent);
      }
    });
    start("tunnel-to-agent", () -> {
      try (InputStream from = client.getInputStream()) {
        copy(from, socket.getOutputStream());
        // the client finished sending; the agent may still answer
        socket.shutdownOutput();
      } catch (IOException e) {
        closeAll(client, agent);
        throw e;
      }
    });
  }

  @Override
  public void destroy() {
    KubeletUpgrade agent = kubelet;
    if (agent != null) {
      try {
        agent.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  private static void copy(InputStream from, OutputStream to) throws IOException {
    byte[] buffer = new byte[16384];
    int n;
    while ((n = from.read(buffer)) >= 0) {
      to.write(buffer, 0, n);
      to.flush();
    }
  }

  private static void closeAll(WebConnection client, KubeletUpgrade agent) {
    try {
      agent.close();
    } catch (IOException ignored) {
      // already closed
    }
    try {
      client.close();
    } catch (Exception ignored) {
      // the client is gone already
    }
  }

  private interface Pump {
    void run() throws IOException;
  }

  private static void start(String name, Pump pump) {
    Thread thread = new Thread(() -> {
      try {
        pump.run();
      } catch (IOException e) {
        log.debug("{} ended: {}", name, e.toString());
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
  }
}
