package io.kubeboot.node.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The Docker engine as a health component: UP with its version when it answers a ping. */
public class DockerHealthIndicator extends AbstractHealthIndicator {

  private final DockerClient docker;

  public DockerHealthIndicator(DockerClient docker) {
    super("Docker health check failed");
    this.docker = docker;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    docker.pingCmd().exec();
    Version version = docker.versionCmd().exec();
    builder.up().withDetail("version", version.getVersion()).withDetail("apiVersion", version.getApiVersion());
  }
}
