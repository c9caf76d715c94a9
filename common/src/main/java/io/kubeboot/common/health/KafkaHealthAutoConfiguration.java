package io.kubeboot.common.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Spring Boot no longer ships a Kafka health indicator; every service that talks to Kafka gets
 * this one, so {@code /actuator/health} says whether the broker answers.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaAdmin.class, HealthIndicator.class})
public class KafkaHealthAutoConfiguration {

  @Bean
  @ConditionalOnBean(KafkaAdmin.class)
  @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
  HealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    return new KafkaHealthIndicator(kafkaAdmin);
  }
}
