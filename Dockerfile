# Modelport image: build the jar with the Maven wrapper, split it into layers, run it on
# a JRE as a non-root user. No BuildKit-only syntax, so the legacy builder works too.
#   docker build -t modelport .
#   docker build --build-arg BUILD_IMAGE=... --build-arg BASE_IMAGE=... -t modelport .
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG BASE_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY service/pom.xml service/pom.xml
RUN ./mvnw -B -ntp -q -pl service dependency:go-offline -Ddisable.checks=true || true
COPY service/src/ service/src/
RUN ./mvnw -B -ntp -q -pl service package -DskipTests -Ddisable.checks=true -Djacoco.skip=true \
    && java -Djarmode=tools -jar service/target/modelport.jar extract --layers --launcher --destination /extracted

FROM ${BASE_IMAGE}
# jemalloc returns freed native (tensor) memory to the OS, so RSS follows the load.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjemalloc2 curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system modelport \
    && useradd --system --gid modelport --home-dir /opt/modelport --shell /usr/sbin/nologin modelport \
    && mkdir -p /opt/modelport /var/cache/modelport/djl /var/lib/modelport \
    && chown -R modelport:modelport /var/cache/modelport /var/lib/modelport
WORKDIR /opt/modelport
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# The shipped models; mount a volume over this folder to serve your own. Training jobs
# publish new versions into it, so it must be writable by the modelport user.
COPY --chown=modelport:modelport model-store/ /opt/modelport/model-store/
ENV MODELPORT_STORE_LOCATION=/opt/modelport/model-store \
    MODELPORT_TRAINING_WORK_DIR=/var/lib/modelport/jobs \
    MODELPORT_DATASETS_LOCATION=/var/lib/modelport/datasets \
    SPRING_DATASOURCE_URL="jdbc:h2:file:/var/lib/modelport/db/modelport;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0" \
    DJL_CACHE_DIR=/var/cache/modelport/djl \
    LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2 \
    MALLOC_CONF=background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:1000 \
    JAVA_TOOL_OPTIONS="-XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=50 -Dai.djl.offline=true"
USER modelport
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
