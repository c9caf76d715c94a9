package io.kubeboot.common.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a component reaches the Kubernetes API: {@code kubeboot.api.url} (env
 * {@code KUBEBOOT_API_URL}) and the bearer token of its own identity ({@code kubeboot.api.token}).
 */
@ConfigurationProperties("kubeboot.api")
public record ApiClientProperties(String url, String token) {

  public ApiClientProperties {
    url = url == null || url.isBlank() ? "http://127.0.0.1:6443" : url;
  }
}
