package io.kubeboot.resources;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The object store: Kubernetes objects in PostgreSQL with a transactional outbox to Kafka. */
@SpringBootApplication
public class ResourceServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ResourceServiceApplication.class, args);
  }
}
