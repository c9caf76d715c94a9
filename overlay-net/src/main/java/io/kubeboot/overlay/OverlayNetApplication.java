package io.kubeboot.overlay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The flannel-style UDP overlay daemon of one node. It reads Nodes through the API only, so it
 * leaves out the Kafka client every kubeboot service otherwise gets (and its health check).
 */
@SpringBootApplication(excludeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public class OverlayNetApplication {

  public static void main(String[] args) {
    SpringApplication.run(OverlayNetApplication.class, args);
  }
}
