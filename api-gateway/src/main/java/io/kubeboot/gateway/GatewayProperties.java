package io.kubeboot.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway is configured with: where resource-service listens
 * ({@code kubeboot.resource-service.*}) and the gateway's own settings ({@code kubeboot.gateway.*}).
 */
@ConfigurationProperties("kubeboot")
public record GatewayProperties(@DefaultValue ResourceService resourceService, @DefaultValue Gateway gateway) {

  /**
   * @param url base URL of resource-service, which serves the Kubernetes REST resource paths
   * @param connectTimeout how long to wait for a connection before answering 503
   * @param requestTimeout the limit for one ordinary request (upstream's default {@code --request-timeout});
   *     watches and other long-running requests have none
   */
  public record ResourceService(
      @DefaultValue("http://127.0.0.1:6444") URI url,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("60s") Duration requestTimeout) {
  }

  /**
   * @param tokensFile the bearer tokens, kube-apiserver {@code --token-auth-file} format; null turns
   *     authentication off, which only tests should do
   * @param maxRequestBody upstream's limit for one request body
   * @param authorizationMode upstream's {@code --authorization-mode}: {@code RBAC}, or
   *     {@code AlwaysAllow} for tests that are not about authorization
   */
  public record Gateway(Path tokensFile, @DefaultValue("3MB") DataSize maxRequestBody,
      @DefaultValue("RBAC") AuthorizationMode authorizationMode) {

    /** Whether requests are authenticated by bearer token at all. */
    public boolean authenticates() {
      return tokensFile != null && !tokensFile.toString().isBlank();
    }

    /**
     * Whether requests are authorized by RBAC: without authentication every request is the same
     * anonymous user, so there is nobody to tell apart, and everything is allowed.
     */
    public boolean authorizesWithRbac() {
      return authenticates() && authorizationMode == AuthorizationMode.RBAC;
    }
  }

  public enum AuthorizationMode { RBAC, ALWAYS_ALLOW }
}
