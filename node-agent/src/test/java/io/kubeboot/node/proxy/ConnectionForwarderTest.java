package io.kubeboot.node.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeboot.common.ObjectKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real loopback sockets: a listener, the forwarder, and backends that answer or refuse. */
class ConnectionForwarderTest {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ServicePortName service = new ServicePortName(new ObjectKey("default", "echo"), "");
  private final RoundRobinBalancer balancer = new RoundRobinBalancer(SessionAffinity.NONE, Clock.systemUTC());

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** Reads the whole request (until the client half-closes), then answers with it upper-cased and its own name. */
  private ServerSocket backend(String name) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    executor.execute(() -> {
      while (!server.isClosed()) {
        try (Socket socket = server.accept()) {
          String request = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          socket.getOutputStream().write((name + ":" + request.toUpperCase()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException closed) {
          return;
        }
      }
    });
    return server;
  }

  private static int refusingPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.shutdownOutput();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private PortListener listener() throws IOException {
    return PortListener.open(new InetSocketAddress("127.0.0.1", 0), "test",
        new ConnectionForwarder(service, balancer, executor, new ProxyMetrics(registry)));
  }

  @Test
  void aHalfClosedRequestGetsTheWholeReplyAndConnectionsAlternate() throws IOException {
    try (ServerSocket one = backend("one"); ServerSocket two = backend("two"); PortListener listener = listener()) {
      balancer.update(List.of(new ServiceEndpoint("127.0.0.1", one.getLocalPort()),
          new ServiceEndpoint("127.0.0.1", two.getLocalPort())));

      List<String> replies = List.of(exchange(listener.port(), "hello"), exchange(listener.port(), "again"));

      assertThat(replies).containsExactlyInAnyOrder("one:HELLO", "two:AGAIN");
    }
  }

  @Test
  void anEndpointThatRefusesIsSkipped() throws IOException {
    try (ServerSocket one = backend("one"); PortListener listener = listener()) {
      balancer.update(List.of(new ServiceEndpoint("127.0.0.1", refusingPort()),
          new ServiceEndpoint("127.0.0.1", one.getLocalPort())));

      assertThat(exchange(listener.port(), "a")).isEqualTo("one:A");
      assertThat(exchange(listener.port(), "b")).isEqualTo("one:B");
    }
  }

  @Test
  void withoutEndpointsTheConnectionIsClosedAndCounted() throws IOException {
    try (PortListener listener = listener()) {
      assertThat(exchange(listener.port(), "anyone?")).isEmpty();
    }
    assertThat(registry.get("kubeproxy.service.connections").tag("outcome", "no_endpoints").counter().count())
        .isEqualTo(1);
  }
}
