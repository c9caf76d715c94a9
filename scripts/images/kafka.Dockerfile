# kubeboot/kafka: Apache Kafka (jars of scripts/infra/kafka-pom.xml) in KRaft mode on kubeboot/jre.
ARG BASE
FROM ${BASE}
ARG KAFKA_VERSION
LABEL org.opencontainers.image.title="Apache Kafka for kubeboot" io.kubeboot.upstream-version="${KAFKA_VERSION}"
COPY libs/ /opt/kafka/libs/
COPY kafka-log4j2.properties /opt/kafka/log4j2.properties
COPY kafka-entrypoint kafka-ready /usr/local/bin/
RUN mkdir -p /var/lib/kafka && chown 65534:65534 /var/lib/kafka
ENV CLASSPATH=/opt/kafka/libs/* \
    LOG4J_CONFIGURATION_FILE=/opt/kafka/log4j2.properties \
    JAVA_OPTS="-Xmx512m -XX:+ExitOnOutOfMemoryError"
USER 65534
VOLUME /var/lib/kafka
EXPOSE 9092
HEALTHCHECK --interval=5s --timeout=5s --start-period=120s --retries=3 CMD ["kafka-ready"]
ENTRYPOINT ["kafka-entrypoint"]
