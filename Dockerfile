# syntax=docker/dockerfile:1.7
# TraceHub image: the web client and the backend built in one Maven run, then a small JRE 21 runtime.
#
#   docker build --build-arg VERSION=1.2.3 --build-arg REVISION="$(git rev-parse HEAD)" -t tracehub .
#
# Base images are pinned to exact release tags, written out in the FROM lines so that update tools
# and scanners see them: the JDK 17 build image matches the bytecode level of the build, the runtime is
# Java 21 for virtual threads. The runtime is Alpine because it is the smallest Temurin JRE image and
# its BusyBox provides `wget` for the HEALTHCHECK.
FROM node:20.19.5-bookworm-slim AS node

FROM eclipse-temurin:17.0.16_8-jdk-jammy AS build
# Node 20 and npm for the web client, which Maven builds with the machine's npm (web/pom.xml).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
# The Maven reactor reads every module's pom, e2e included, even when only web and backend are built.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY e2e/pom.xml e2e/pom.xml
COPY web/ web/
COPY backend/ backend/
# The committed API contract: the web build generates its API types from it.
COPY docs/api/ docs/api/
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.npm \
    ./mvnw -B -q package -DskipTests -pl web,backend \
 && java -Djarmode=tools -jar backend/target/tracehub.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21.0.8_9-jre-alpine AS runtime
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=""
LABEL org.opencontainers.image.title="TraceHub" \
      org.opencontainers.image.description="Logistics and compliance tracking for agricultural exports" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="eclipse-temurin:21.0.8_9-jre-alpine"
# A fixed uid/gid, so that files on mounted volumes and secrets can be owned to match.
RUN addgroup -S -g 10001 tracehub \
 && adduser -S -D -H -u 10001 -G tracehub -h /app -s /sbin/nologin tracehub \
 && mkdir -p /var/lib/tracehub/documents \
 && chown -R 10001:10001 /var/lib/tracehub && chmod -R 0750 /var/lib/tracehub
WORKDIR /app
# Spring Boot's layers, least often changing first, so a release usually ships only the last layer.
COPY --from=build --chown=root:root /layers/dependencies/ ./
COPY --from=build --chown=root:root /layers/spring-boot-loader/ ./
COPY --from=build --chown=root:root /layers/snapshot-dependencies/ ./
COPY --from=build --chown=root:root /layers/application/ ./
USER 10001:10001
# The document store lives on a volume (compose mounts one shared by both colours), never in /app.
ENV SERVER_PORT=8080 \
    TRACEHUB_DATA_DIR=/var/lib/tracehub \
    TRACEHUB_RELEASE=${VERSION}
EXPOSE 8080
# BusyBox wget (part of Alpine) exits non-zero on a connection error or a non-2xx answer.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD wget -q -T 2 -O /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/liveness" || exit 1
# Heap sized from the container's memory limit; an OutOfMemoryError ends the process so that the
# restart policy replaces it instead of it limping on. More flags: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
  "-Dfile.encoding=UTF-8", \
  "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
