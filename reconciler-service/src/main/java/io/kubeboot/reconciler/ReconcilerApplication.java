package io.kubeboot.reconciler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The controllers that converge workload, service and node objects. */
@SpringBootApplication
public class ReconcilerApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReconcilerApplication.class, args);
  }
}
