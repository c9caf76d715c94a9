package io.kubeboot.node.proxy;

/** Traffic from the node's pods to {@code clusterIp:port} goes to the proxy's listener at {@code proxyIp:proxyPort}. */
record ClusterIpRedirect(ServicePortName service, String clusterIp, int port, String proxyIp, int proxyPort) {
}
