package io.kubeboot.node.proxy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the endpoint for each new connection to one Service port, as the userspace proxy's
 * round-robin load balancer did: the endpoints in turn, except that with ClientIP affinity a
 * client that connected recently goes back to the endpoint it had. A connection tries the
 * {@link #candidates} in order and reports the one that answered, so an endpoint that refuses is
 * skipped and the next one tried. Endpoints are replaced in place as the EndpointSlices change.
 */
final class RoundRobinBalancer {

  private record Affinity(ServiceEndpoint endpoint, Instant lastUsed) {
  }

  private final Clock clock;
  private SessionAffinity affinity;
  private List<ServiceEndpoint> endpoints = List.of();
  private int next;
  private final Map<String, Affinity> clients = new HashMap<>();

  RoundRobinBalancer(SessionAffinity affinity, Clock clock) {
    this.affinity = affinity;
    this.clock = clock;
  }

  /** The ready endpoints now; a client whose endpoint went away loses its affinity. */
  synchronized void update(List<ServiceEndpoint> ready) {
    Set<ServiceEndpoint> distinct = new LinkedHashSet<>(ready);
    if (distinct.equals(new LinkedHashSet<>(endpoints))) {
      return;
    }
    endpoints = List.copyOf(distinct);
    next = endpoints.isEmpty() ? 0 : next % endpoints.size();
    clients.values().removeIf(a -> !distinct.contains(a.endpoint()));
  }

  synchronized void affinity(SessionAffinity now) {
    if (!now.equals(affinity)) {
      affinity = now;
      clients.clear();
    }
  }

  synchronized List<ServiceEndpoint> endpoints() {
    return endpoints;
  }

  /**
   * The endpoints to try for a new connection from {@code clientIp}, best first: the client's
   * affine endpoint if it has a live one, then all endpoints from the round-robin position, which
   * moves on by one per connection. Empty when the Service has no ready endpoint.
   */
  synchronized List<ServiceEndpoint> candidates(String clientIp) {
    List<ServiceEndpoint> order = new ArrayList<>(endpoints.size());
    ServiceEndpoint affine = affineEndpoint(clientIp);
    if (affine != null) {
      order.add(affine);
      endpoints.stream().filter(e -> !e.equals(affine)).forEach(order::add);
      return order;
    }
    for (int i = 0; i < endpoints.size(); i++) {
      order.add(endpoints.get((next + i) % endpoints.size()));
    }
    next = endpoints.isEmpty() ? 0 : (next + 1) % endpoints.size();
    return order;
  }

  private ServiceEndpoint affineEndpoint(String clientIp) {
    if (!affinity.clientIp()) {
      return null;
    }
    Affinity affine = clients.get(clientIp);
    if (affine != null && affine.lastUsed().plus(affinity.timeout()).isBefore(clock.instant())) {
      clients.remove(clientIp);
      return null;
    }
    return affine == null ? null : affine.endpoint();
  }

  /** The connection from {@code clientIp} reached {@code endpoint}: with ClientIP affinity it stays there. */
  synchronized void connected(String clientIp, ServiceEndpoint endpoint) {
    if (affinity.clientIp()) {
      clients.put(clientIp, new Affinity(endpoint, clock.instant()));
    }
  }
}
