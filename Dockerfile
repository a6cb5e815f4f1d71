# Modelport image (CPU): the jar is built with the Maven wrapper, split into Spring Boot
# layers and run on a JRE as a non-root user, with the shipped model store baked in.
#   docker build -t modelport .
#   docker build --build-arg BUILD_IMAGE=my/jdk:17 --build-arg BASE_IMAGE=my/jre:17 -t modelport .
# Only classic Dockerfile syntax (no RUN --mount, no heredocs), so the legacy builder
# builds it as well as BuildKit. The GPU variant is Dockerfile.gpu.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY oip-grpc/pom.xml oip-grpc/pom.xml
COPY service/pom.xml service/pom.xml
# The client, CLI and benchmarks modules are not built into the image, but the reactor reads their POMs.
COPY client/pom.xml client/pom.xml
COPY cli/pom.xml cli/pom.xml
COPY benchmarks/pom.xml benchmarks/pom.xml
# Dependencies get their own layer, so a source change does not download them again.
RUN ./mvnw -B -ntp -q -pl oip-grpc,service dependency:go-offline -DexcludeGroupIds=io.modelport -Ddisable.checks=true
COPY oip-grpc/src/ oip-grpc/src/
COPY service/src/main/ service/src/main/
RUN ./mvnw -B -ntp -q -pl oip-grpc,service package -Dmaven.test.skip=true -Ddisable.checks=true -Djacoco.skip=true \
    && java -Djarmode=tools -jar service/target/modelport.jar extract --layers --destination /extracted

FROM ${BASE_IMAGE}
ARG DEBIAN_FRONTEND=noninteractive
# jemalloc returns freed native (tensor) memory to the OS, so the RSS follows the load;
# the link gives LD_PRELOAD one path on every architecture. tini is PID 1: it forwards
# SIGTERM to the JVM and reaps the training workers' orphans.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjemalloc2 curl tini \
    && rm -rf /var/lib/apt/lists/* \
    && ln -s "$(find /usr/lib -name libjemalloc.so.2 | head -n 1)" /usr/local/lib/libjemalloc.so.2 \
    && test -e /usr/local/lib/libjemalloc.so.2 \
    && groupadd --system --gid 10001 modelport \
    && useradd --system --uid 10001 --gid modelport --home-dir /var/lib/modelport --shell /usr/sbin/nologin modelport \
    && mkdir -p /opt/modelport /var/cache/modelport/djl /var/lib/modelport \
    && chown -R modelport:modelport /var/cache/modelport /var/lib/modelport
WORKDIR /opt/modelport
# Extracted without the launcher: modelport.jar runs from the class path it names in
# lib/, which class-data sharing (below) needs; the layers keep a code change from
# copying the dependencies again.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
COPY scripts/cds-archive.sh /usr/local/bin/modelport-cds-archive
# The shipped models; mount a volume over this folder to serve your own. Training jobs
# publish new versions into it, so it must be writable by the modelport user.
COPY --chown=10001:10001 model-store/ /opt/modelport/model-store/
# DJL extracts the libtorch natives from the jar into DJL_CACHE_DIR at the first start,
# so that folder must be writable; nothing is downloaded (ai.djl.offline).
ENV MODELPORT_STORE_LOCATION=/opt/modelport/model-store \
    MODELPORT_TRAINING_WORK_DIR=/var/lib/modelport/jobs \
    MODELPORT_DATASETS_LOCATION=/var/lib/modelport/datasets \
    SPRING_DATASOURCE_URL="jdbc:h2:file:/var/lib/modelport/db/modelport;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" \
    DJL_CACHE_DIR=/var/cache/modelport/djl \
    LD_PRELOAD=/usr/local/lib/libjemalloc.so.2 \
    MALLOC_CONF=background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:1000 \
    JAVA_TOOL_OPTIONS="-XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=50 -Dai.djl.offline=true"
# Class-data sharing (docs/benchmarks.md, "Cold start"): one training start serves the
# shipped store until it is ready, and the JVM writes the classes it loaded into
# modelport.jsa as it exits; every start then maps them instead of loading them from the
# jars. It runs with this image's JVM and options, so the archive matches the runtime;
# it also leaves the engine's natives in DJL_CACHE_DIR, handed to the service's user. If
# it fails, the script prints why and the image starts without the archive (slower).
RUN (modelport-cds-archive /opt/modelport/modelport.jar /opt/modelport /opt/modelport/model-store \
        || echo "no class-data sharing archive: the service starts without it") \
    && chown -R modelport:modelport /var/cache/modelport /opt/modelport/model-store
# Numeric, so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001
# 8080: HTTP (REST, OIP REST, actuator); 8081: the Open Inference Protocol over gRPC.
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health/liveness" || exit 1
# -Xshare:auto (the default) runs on without the archive if it ever does not match.
ENTRYPOINT ["/usr/bin/tini", "--", "java", "-XX:SharedArchiveFile=/opt/modelport/modelport.jsa", "-jar", "/opt/modelport/modelport.jar"]
