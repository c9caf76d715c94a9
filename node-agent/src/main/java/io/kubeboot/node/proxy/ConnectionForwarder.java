package io.kubeboot.node.proxy;

import io.kubeboot.node.proxy.ProxyMetrics.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries each connection accepted for one Service port to an endpoint: the balancer's candidates
 * are tried in turn (one that refuses or does not answer in {@link #CONNECT_TIMEOUT} is skipped),
 * then bytes are copied both ways until both sides are done. A side that ends its output (EOF) has
 * that end passed on with a half-close, so a client that shuts down its sending side still gets the
 * whole reply. Blocking sockets, two pooled threads per connection: the node agent has no
 * event-loop library (no Netty) on its classpath, and a bounded pool is plenty for a dev cluster.
 */
final class ConnectionForwarder implements Consumer<Socket> {

  private static final Logger log = LoggerFactory.getLogger(ConnectionForwarder.class);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final ServicePortName service;
  private final RoundRobinBalancer balancer;
  private final Executor executor;
  private final ProxyMetrics metrics;

  ConnectionForwarder(ServicePortName service, RoundRobinBalancer balancer, Executor executor, ProxyMetrics metrics) {
    this.service = service;
    this.balancer = balancer;
    this.executor = executor;
    this.metrics = metrics;
  }

  @Override
  public void accept(Socket client) {
    try {
      executor.execute(() -> forward(client));
    } catch (RejectedExecutionException busy) {
      metrics.connection(service, Outcome.REJECTED);
      closeQuietly(client);
    }
  }

  private void forward(Socket client) {
    String clientIp = ((InetSocketAddress) client.getRemoteSocketAddress()).getAddress().getHostAddress();
    List<ServiceEndpoint> candidates = balancer.candidates(clientIp);
    if (candidates.isEmpty()) {
      metrics.connection(service, Outcome.NO_ENDPOINTS);
      closeQuietly(client);
      return;
    }
    for (ServiceEndpoint endpoint : candidates) {
      Socket backend = new Socket();
      try {
        backend.connect(endpoint.address(), (int) CONNECT_TIMEOUT.toMillis());
      } catch (IOException refused) {
        log.debug("{}: endpoint {} did not answer: {}", service, endpoint, refused.toString());
        closeQuietly(backend);
        continue;
      }
      balancer.connected(clientIp, endpoint);
      metrics.connection(service, Outcome.PROXIED);
      splice(client, backend);
      return;
    }
    log.info("{}: no endpoint of {} answered", service, candidates);
    metrics.connection(service, Outcome.UNREACHABLE);
    closeQuietly(client);
  }

  /** Copies backend to client on a pooled thread and client to backend on this one; the last to finish closes both. */
  private void splice(Socket client, Socket backend) {
    metrics.opened();
    AtomicInteger running = new AtomicInteger(2);
    try {
      executor.execute(() -> copy(backend, client, running));
    } catch (RejectedExecutionException busy) {
      metrics.connection(service, Outcome.REJECTED);
      closeQuietly(client);
      closeQuietly(backend);
      metrics.closed();
      return;
    }
    copy(client, backend, running);
  }

  private void copy(Socket from, Socket to, AtomicInteger running) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput(); // half-close: the other direction may still be sending
    } catch (IOException e) {
      // reset or closed: end both directions
      closeQuietly(from);
      closeQuietly(to);
    } finally {
      if (running.decrementAndGet() == 0) {
        closeQuietly(from);
        closeQuietly(to);
        metrics.closed();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
