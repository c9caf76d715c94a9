package io.kubeboot.common.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** Reports the Kafka broker as a health component: UP with the cluster id when it answers. */
class KafkaHealthIndicator extends AbstractHealthIndicator {

  private static final int TIMEOUT_MS = 3000;

  private final Map<String, Object> adminConfig;

  KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    super("Kafka health check failed");
    this.adminConfig = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
    this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    try (Admin admin = Admin.create(adminConfig)) {
      DescribeClusterResult cluster = admin.describeCluster();
      builder.up()
          .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
          .withDetail("brokers", cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size());
    }
  }
}
