package io.kubeboot.resources.api;

import io.kubeboot.common.api.ApiException;
import io.kubeboot.common.api.FieldError;
import io.kubeboot.common.resource.ResourceType;
import io.kubeboot.resources.store.BeforeWrite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands out Service ClusterIPs and NodePorts at write time, as upstream's API server does: a
 * requested value is honoured or rejected with 422 when taken, a free one is picked otherwise,
 * and both go back to the pool when the Service stops using them. Allocations are rows of
 * {@code service_allocations} written in the Service's own transaction (a {@link BeforeWrite} of
 * its write), so a failed write allocates nothing and two Services can never hold the same value.
 */
@Component
class ServiceAllocator {

  private static final String CLUSTER_IP = "clusterIP";
  private static final String NODE_PORT = "nodePort";

  private final JdbcClient jdbc;
  private final ServiceNetwork network;

  ServiceAllocator(DataSource dataSource, ServiceNetwork network) {
    // joins the transaction of the write it runs in (see GroupCommit)
    this.jdbc = JdbcClient.create(dataSource);
    this.network = network;
  }

  /** What a write of {@code type} must allocate with it; {@code old} is null on create. */
  BeforeWrite onWrite(ResourceType type, ObjectNode old) {
    return isService(type) ? service -> allocate(service, old) : BeforeWrite.NOTHING;
  }

  /** What a removal of {@code type} must give back with it. */
  BeforeWrite onRemove(ResourceType type) {
    return isService(type) ? this::release : BeforeWrite.NOTHING;
  }

  private static boolean isService(ResourceType type) {
    return "services".equals(type.plural()) && type.group().isEmpty();
  }

  /** Fills in and reserves what the Service needs; {@code old} is null on create. */
  private void allocate(ObjectNode service, ObjectNode old) {
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
  private void release(ObjectNode service) {
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
    return jdbc.sql("insert into service_allocations (kind, value, owner_uid) "
            + "values (:kind, :value, :owner) on conflict do nothing")
        .param("kind", kind).param("value", value).param("owner", owner)
        .update() == 1 || ownedBy(kind, value, owner);
  }

  private boolean ownedBy(String kind, String value, UUID owner) {
    return !jdbc.sql("select 1 from service_allocations where kind = :kind and value = :value and owner_uid = :owner")
        .param("kind", kind).param("value", value).param("owner", owner)
        .query(Integer.class).list().isEmpty();
  }

  private void releaseExcept(UUID owner, Set<String> keep) {
    List<String> held = jdbc.sql("select kind || '/' || value from service_allocations where owner_uid = :owner")
        .param("owner", owner).query(String.class).list();
    for (String allocation : held) {
      if (!keep.contains(allocation)) {
        int slash = allocation.indexOf('/');
        jdbc.sql("delete from service_allocations where kind = :kind and value = :value")
            .param("kind", allocation.substring(0, slash)).param("value", allocation.substring(slash + 1)).update();
      }
    }
  }
}
