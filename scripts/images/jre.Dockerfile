# kubeboot/jre: the base of every Java image. Its root file system (made by
# scripts/images-services.sh, no registry needed) holds a Java 17 runtime jlinked from the host's
# JDK in /opt/java, the shared libraries it needs (per ldd), a static busybox for the shell, the
# health checks and keytool's scripts, and minimal /etc files.
FROM scratch
COPY rootfs/ /
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["kubeboot-java"]
