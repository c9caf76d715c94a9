package io.kubeboot.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The kubelet: runs the pods bound to its node as Docker containers. */
@SpringBootApplication
public class NodeAgentApplication {

  public static void main(String[] args) {
    SpringApplication.run(NodeAgentApplication.class, args);
  }
}
