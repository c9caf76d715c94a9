package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.FieldError;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands out Service ClusterIPs and NodePorts at write time, as upstream's API server does: a
 * requested value is honoured or rejected with 422 when taken, a free one is picked otherwise,
 * and both go back to the pool when the Service stops using them. Allocations are rows of
 * {@code service_allocations} written in the Service's own transaction, so a failed write
 * allocates nothing and two Services can never hold the same value.
 */
@Component
class ServiceAllocator {

  private static final String CLUSTER_IP = "clusterIP";
  private static final String NODE_PORT = "nodePort";

  private final EntityManager entityManager;
  private final ServiceNetwork network;

  ServiceAllocator(EntityManager entityManager, ServiceNetwork network) {
    this.entityManager = entityManager;
    this.network = network;
  }

  /** Fills in and reserves what the Service needs; {@code old} is null on create. */
  @Transactional(propagation = Propagation.MANDATORY)
  void allocate(ObjectNode service, ObjectNode old) {
    UUID owner = UUID.fromString(Metadata.uid(service));
    ObjectNode spec = service.withObject("/spec");
    String type = spec.path("type").asString("ClusterIP");
    List<FieldError> errors = new ArrayList<>();
    Set<String> keep = new HashSet<>();

    if (!"ExternalName".equals(type)) {
      String ip = spec.path("clusterIP").asString("");
      if (!"None".equals(ip)) {
        if (ip.isEmpty()) {
          ip = pickClusterIp(owner);
        } else if (!ip.equals(old == null ? null : old.path("spec").path("clusterIP").asString(""))) {
          if (!network.contains(ip)) {
            errors.add(FieldError.invalid("spec.clusterIPs", List.of(ip),
                "failed to allocate IP " + ip + ": the provided IP (" + ip + ") is not in the valid range. "
                    + "The range of valid IPs is " + network.cidr()));
          } else if (!reserve(CLUSTER_IP, ip, owner)) {
            errors.add(FieldError.invalid("spec.clusterIPs", List.of(ip),
                "failed to allocate IP " + ip + ": provided IP is already allocated"));
          }
        }
        spec.put("clusterIP", ip);
        spec.putArray("clusterIPs").add(ip);
        keep.add(CLUSTER_IP + "/" + ip);
      }
    }

    if ("NodePort".equals(type) || "LoadBalancer".equals(type)) {
      JsonNode ports = spec.path("ports");
      for (int i = 0; i < ports.size(); i++) {
        ObjectNode port = (ObjectNode) ports.get(i);
        int requested = port.path("nodePort").asInt(0);
        if (requested == 0) {
          port.put("nodePort", pickNodePort(owner));
        } else if (!ownedBy(NODE_PORT, Integer.toString(requested), owner)) {
          if (requested < ServiceNetwork.NODE_PORT_MIN || requested > ServiceNetwork.NODE_PORT_MAX) {
            errors.add(FieldError.invalid("spec.ports[" + i + "].nodePort", requested,
                "provided port is not in the valid range. The range of valid ports is 30000-32767"));
          } else if (!reserve(NODE_PORT, Integer.toString(requested), owner)) {
            errors.add(FieldError.invalid("spec.ports[" + i + "].nodePort", requested,
                "provided port is already allocated"));
          }
        }
        keep.add(NODE_PORT + "/" + port.path("nodePort").asInt());
      }
    } else {
      for (JsonNode port : spec.path("ports")) {
        ((ObjectNode) port).remove("nodePort");
      }
    }

    if (!errors.isEmpty()) {
      throw ApiException.invalid("Service", "", Metadata.name(service), errors);
    }
    releaseExcept(owner, keep);
  }

  /** Gives back everything the Service held. */
  @Transactional(propagation = Propagation.MANDATORY)
  void release(ObjectNode service) {
    releaseExcept(UUID.fromString(Metadata.uid(service)), Set.of());
  }

  private String pickClusterIp(UUID owner) {
    for (int attempt = 0; attempt < 64; attempt++) {
      String ip = network.randomClusterIp();
      if (reserve(CLUSTER_IP, ip, owner)) {
        return ip;
      }
    }
    throw ApiException.internal("failed to allocate a serviceIP: range is full");
  }

  private int pickNodePort(UUID owner) {
    for (int attempt = 0; attempt < 64; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(ServiceNetwork.NODE_PORT_MIN, ServiceNetwork.NODE_PORT_MAX + 1);
      if (reserve(NODE_PORT, Integer.toString(port), owner)) {
        return port;
      }
    }
    throw ApiException.internal("failed to allocate a nodePort: range is full");
  }

  private boolean reserve(String kind, String value, UUID owner) {
    return entityManager.createNativeQuery("insert into service_allocations (kind, value, owner_uid) "
            + "values (:kind, :value, :owner) on conflict do nothing")
        .setParameter("kind", kind).setParameter("value", value).setParameter("owner", owner)
        .executeUpdate() == 1 || ownedBy(kind, value, owner);
  }

  private boolean ownedBy(String kind, String value, UUID owner) {
    return !entityManager.createNativeQuery("select 1 from service_allocations "
            + "where kind = :kind and value = :value and owner_uid = :owner")
        .setParameter("kind", kind).setParameter("value", value).setParameter("owner", owner)
        .getResultList().isEmpty();
  }

  @SuppressWarnings("unchecked")
  private void releaseExcept(UUID owner, Set<String> keep) {
    List<Object[]> held = entityManager.createNativeQuery(
            "select kind, value from service_allocations where owner_uid = :owner")
        .setParameter("owner", owner).getResultList();
    for (Object[] row : held) {
      if (!keep.contains(row[0] + "/" + row[1])) {
        entityManager.createNativeQuery("delete from service_allocations where kind = :kind and value = :value")
            .setParameter("kind", row[0]).setParameter("value", row[1]).executeUpdate();
      }
    }
  }
}
