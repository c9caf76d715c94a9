package io.kubeboot.resources.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A {@link ResourceServiceTest} that talks to the service's REST paths through {@link #api}. */
@ResourceServiceTest
public abstract class ApiTest {

  @LocalServerPort
  protected int port;

  protected RestClient api;

  @BeforeEach
  void connect() {
    api = new RestClient(port);
  }
}
