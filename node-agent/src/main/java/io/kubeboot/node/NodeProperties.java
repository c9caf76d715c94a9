package io.kubeboot.node;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this node agent is: its Node name and address, the Docker engine it drives and the image
 * that holds each pod's network namespace.
 */
@ConfigurationProperties("kubeboot.node")
public record NodeProperties(String name, String address, String dockerHost, String pauseImage) {
}
