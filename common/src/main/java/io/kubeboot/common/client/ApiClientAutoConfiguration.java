package io.kubeboot.common.client;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeboot.common.resource.ModelSerialization;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A fabric8 {@link KubernetesClient} pointed at the kubeboot API, for every component that reads
 * and writes objects through the API. Building it does not connect; the first request does.
 */
@AutoConfiguration
@EnableConfigurationProperties(ApiClientProperties.class)
public class ApiClientAutoConfiguration {

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  KubernetesClient kubernetesClient(ApiClientProperties properties) {
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl(properties.url())
        .withOauthToken(properties.token())
        .withTrustCerts(true)
        .withRequestRetryBackoffLimit(3)
        // kubeboot serves watches as HTTP streams; skip fabric8's WebSocket attempt
        .withOnlyHttpWatches(true)
        .build();
    return new KubernetesClientBuilder().withConfig(config).withKubernetesSerialization(ModelSerialization.get())
        .build();
  }
}
