package io.kubeboot.overlay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The flannel-style UDP overlay daemon of one node. */
@SpringBootApplication
public class OverlayNetApplication {

  public static void main(String[] args) {
    SpringApplication.run(OverlayNetApplication.class, args);
  }
}
