# kubeboot/postgres: PostgreSQL 15 from the zonky binaries on Maven Central
# (scripts/infra/postgres-pom.xml). Its root file system (scripts/images-services.sh) holds them in
# /opt/postgres with the shared libraries they need, a static busybox and minimal /etc files.
FROM scratch
ARG POSTGRES_VERSION
LABEL org.opencontainers.image.title="PostgreSQL for kubeboot" io.kubeboot.upstream-version="${POSTGRES_VERSION}"
COPY rootfs/ /
RUN mkdir -p /var/lib/postgresql/data && chown -R postgres:postgres /var/lib/postgresql
ENV PATH=/opt/postgres/bin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PGDATA=/var/lib/postgresql/data/pgdata
USER postgres
VOLUME /var/lib/postgresql/data
EXPOSE 5432
HEALTHCHECK --interval=5s --timeout=5s --start-period=60s --retries=3 CMD ["postgres-ready"]
ENTRYPOINT ["postgres-entrypoint"]
