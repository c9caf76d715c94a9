package io.kubeboot.reconciler.loadbalancer;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which pool address each LoadBalancer Service holds. The Services' own status is the
 * record of what is allocated, so nothing is lost across restarts: every decision starts from the
 * addresses the cached Services show, plus the ones this process has handed out and the cache
 * does not show yet (two Services decided one after the other must not get the same address).
 * When two Services claim one address in their status, the older keeps it.
 */
final class AddressAllocator {

  /** A LoadBalancer Service as the allocator sees it: who it is and the addresses its status shows. */
  record Claim(String uid, String namespace, String name, Instant created, List<String> ips) {

    String key() {
      return namespace + "/" + name;
    }
  }

  /** What a Service gets: an address, or else the reason it stays pending. */
  record Outcome(String ip, String failure) {

    static Outcome assigned(String ip) {
      return new Outcome(ip, null);
    }

    static Outcome failed(String failure) {
      return new Outcome(null, failure);
    }

    boolean isAssigned() {
      return ip != null;
    }
  }

  private static final Comparator<Claim> SENIORITY = Comparator
      .comparing(Claim::created, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Claim::key);

  private final AddressPool pool;
  /** Addresses handed out by uid whose status write the cache has not shown yet. */
  private final Map<String, String> handedOut = new HashMap<>();

  AddressAllocator(AddressPool pool) {
    this.pool = pool;
  }

  AddressPool pool() {
    return pool;
  }

  /**
   * The address {@code service} should hold, given every LoadBalancer Service the cache has
   * ({@code service} among them) and the address it asks for in {@code spec.loadBalancerIP}, if any.
   */
  synchronized Outcome allocate(Claim service, String requested, Collection<Claim> services) {
    Map<String, Claim> holders = holders(services);
    forgetSettled(services, holders);
    Set<String> mine = new HashSet<>();
    Set<String> taken = new HashSet<>();
    holders.forEach((ip, holder) -> (holder.uid().equals(service.uid()) ? mine : taken).add(ip));
    handedOut.forEach((uid, ip) -> (uid.equals(service.uid()) ? mine : taken).add(ip));

    if (requested != null && !requested.isBlank()) {
      if (!pool.contains(requested)) {
        return failed(service, "[\"" + requested + "\"] is not allowed in config");
      }
      if (!mine.contains(requested) && taken.contains(requested)) {
        return failed(service, "[\"" + requested + "\"] is already in use by " + holderOf(requested, holders));
      }
      return handOut(service, requested);
    }
    // the address the status shows first, so that it stays the same across resyncs and restarts
    Optional<String> kept = service.ips().stream().filter(mine::contains).findFirst()
        .or(() -> Optional.ofNullable(handedOut.get(service.uid())));
    if (kept.isPresent()) {
      return handOut(service, kept.get());
    }
    Set<String> unavailable = new HashSet<>(taken);
    unavailable.addAll(mine);
    return pool.firstFree(unavailable).map(ip -> handOut(service, ip))
        .orElseGet(() -> failed(service, "no available IPs"));
  }

  /** Drops what was handed out to a Service that no longer wants an address. */
  synchronized void release(String uid) {
    handedOut.remove(uid);
  }

  private Outcome handOut(Claim service, String ip) {
    if (service.ips().contains(ip)) {
      handedOut.remove(service.uid()); // its status shows it: the status is the record now
    } else {
      handedOut.put(service.uid(), ip);
    }
    return Outcome.assigned(ip);
  }

  private Outcome failed(Claim service, String reason) {
    handedOut.remove(service.uid());
    return Outcome.failed("Failed to allocate IP for \"" + service.key() + "\": " + reason);
  }

  /** Each pool address some Service's status shows, with the Service that holds it. */
  private Map<String, Claim> holders(Collection<Claim> services) {
    Map<String, Claim> holders = new HashMap<>();
    services.stream().sorted(SENIORITY).forEach(claim -> claim.ips().stream().filter(pool::contains)
        .forEach(ip -> holders.putIfAbsent(ip, claim)));
    return holders;
  }

  /**
   * Forgets hand-outs that the cache now shows in a status, that went to a Service no longer
   * cached (deleted), or whose address the status of another Service holds.
   */
  private void forgetSettled(Collection<Claim> services, Map<String, Claim> holders) {
    Set<String> cached = new HashSet<>();
    services.forEach(claim -> cached.add(claim.uid()));
    handedOut.entrySet().removeIf(entry -> !cached.contains(entry.getKey())
        || holders.containsKey(entry.getValue()));
  }

  private static String holderOf(String ip, Map<String, Claim> holders) {
    Claim holder = holders.get(ip);
    return holder == null ? "another service" : holder.key();
  }
}
