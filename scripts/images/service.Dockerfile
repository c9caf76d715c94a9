# One kubeboot service: its Spring Boot jar on kubeboot/jre, run by the base's kubeboot-java.
# The context (scripts/images-services.sh) is rootfs/: app/app.jar and what else the service needs
# besides the JRE (the node agent's iptables). One COPY, one layer.
ARG BASE
FROM ${BASE}
ARG SERVICE
ARG VERSION
LABEL org.opencontainers.image.title="kubeboot ${SERVICE}" org.opencontainers.image.version="${VERSION}"
COPY rootfs/ /
