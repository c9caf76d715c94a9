package io.kubeboot.common.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.DisposableBean;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports the Kafka broker as a health component: UP with the cluster id when it answers. One
 * admin client for the life of the service (it reconnects by itself): a client per check would
 * cost a connection and a thread pool every time the health endpoint is polled.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private static final int TIMEOUT_MS = 3000;

  private final Map<String, Object> adminConfig;
  private Admin admin;

  KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    super("Kafka health check failed");
    this.adminConfig = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
    this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    DescribeClusterResult cluster = admin().describeCluster();
    builder.up()
        .withDetail("clusterId", cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS))
        .withDetail("brokers", cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size());
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    return admin;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close();
    }
  }
}
