# syntax=docker/dockerfile:1.7
# TraceHub image: the web client and the backend built in one Maven run, then run on a Java 21
# runtime trimmed with jlink to the modules the application uses, on plain Alpine.
#
#   docker build --build-arg VERSION=1.2.3 --build-arg REVISION="$(git rev-parse HEAD)" -t tracehub .
#
# Base images are pinned to exact release tags, written out in the FROM lines so that update tools
# and scanners see them: the JDK 17 build image matches the bytecode level of the build; the runtime
# is Java 21 for virtual threads, linked by ops/image/jlink.sh from the Alpine (musl) JDK 21 of the
# same release as the Temurin JRE it replaces. A full JRE is ~190 MB and took the image past its
# 250 MB budget; the linked runtime is ~50-65 MB (docs/operations/image.md, ops/test/image.bats).
# The runtime is Alpine because its BusyBox provides `wget` for the HEALTHCHECK and it is ~9 MB.
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

# The trimmed runtime: the module list and the flags are in ops/image/, so that ops/test/image.bats
# links the same runtime on a machine without a container engine and starts the application on it.
FROM eclipse-temurin:21.0.8_9-jdk-alpine AS jre
COPY ops/image/ /src/ops/image/
RUN sh /src/ops/image/jlink.sh /opt/jre \
 && /opt/jre/bin/java --list-modules

FROM alpine:3.22.2 AS runtime
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
      org.opencontainers.image.base.name="alpine:3.22.2"
# What the Temurin JRE image added that the application needs is in the linked runtime itself: the CA
# certificates (lib/security/cacerts) and the time-zone rules (lib/tzdb.dat). Fonts are not needed:
# the PDFs use the Standard 14 fonts, whose metrics PDFBox carries in its jar (and its own fallback
# font for glyph shapes). C.UTF-8 is built into musl: without it Java reads file names as ASCII.
ENV JAVA_HOME=/opt/java \
    PATH="/opt/java/bin:${PATH}" \
    LANG=C.UTF-8
COPY --from=jre /opt/jre /opt/java
# A fixed uid/gid, so that files on mounted volumes and secrets can be owned to match.
RUN addgroup -S -g 10001 tracehub \
 && adduser -S -D -H -u 10001 -G tracehub -h /app -s /sbin/nologin tracehub \
 && mkdir -p /var/lib/tracehub/documents \
 && chown -R 10001:10001 /var/lib/tracehub && chmod -R 0750 /var/lib/tracehub
WORKDIR /app
# Spring Boot's layers, least often changing first, so a release usually ships only the last layer.
# ops/test/image.bats merges them in this order.
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
# ops/test/image.bats starts the application with these arguments (java and /app replaced).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
  "-Dfile.encoding=UTF-8", \
  "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
