#!/usr/bin/env bats
# Static checks of the container artefacts, which cannot be built or run on a machine without a
# container engine: the Dockerfile, .dockerignore and the compose files in ops/compose/.
# Each check targets a mistake that would only show on the server (a missing health-check binary,
# a port on a public address, a secret in a file, an image tag that moves).
# shellcheck disable=SC2016 # compose and Dockerfile variables are matched literally, unexpanded

bats_require_minimum_version 1.5.0

setup() {
  ROOT="$(cd "${BATS_TEST_DIRNAME}/../.." && pwd)"
  DOCKERFILE="$ROOT/Dockerfile"
  COMPOSE="$ROOT/ops/compose"
}

# Prints the lines of service $2 in compose file $1 (from "  name:" to the next service).
service() {
  awk -v name="$2" '
    /^[^ #]/ { in_services = ($0 ~ /^services:/); inside = 0; next }
    in_services && /^  [A-Za-z0-9_-]+:/ { inside = ($0 ~ "^  " name ":") }
    inside { print }
  ' "$1"
}

# The stages of the Dockerfile from the last FROM on.
final_stage() { awk '/^FROM /{ buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$DOCKERFILE"; }

# The lines of the stage named $1 (from its FROM to the next FROM).
stage() { awk -v name="$1" '/^FROM /{ inside = ($NF == name) } inside { print }' "$DOCKERFILE"; }

# The base image of the final stage.
runtime_image() { final_stage | sed -n 's/^FROM \([^ ]*\).*/\1/p' | head -n 1; }

# Writes throw-away environment and secret files and prints the variables compose needs.
compose_env() {
  local dir="${BATS_TEST_TMPDIR}/server" name
  mkdir -p "$dir/secrets" "$dir/backups"
  for name in db-app-password db-owner-password db-admin-password jwt-secret metrics-password smoke-password; do
    printf 'not-a-real-secret\n' >"$dir/secrets/$name"
  done
  printf 'TRACEHUB_PUBLIC_URL=https://tracehub.test.example\n' >"$dir/app.env"
  printf 'SPRING_LIQUIBASE_USER=tracehub_owner\n' >"$dir/owner.env"
  printf '%s\n' "TRACEHUB_APP_ENV_FILE=$dir/app.env" "TRACEHUB_OWNER_ENV_FILE=$dir/owner.env" \
    "TRACEHUB_SECRETS_DIR=$dir/secrets" "TRACEHUB_BACKUP_HOST_DIR=$dir/backups" \
    "TRACEHUB_LOCAL_DB_PASSWORD=not-a-real-secret" \
    "TRACEHUB_IMAGE_BLUE=ghcr.io/example/tracehub@sha256:$(printf '%064d' 1)" \
    "TRACEHUB_IMAGE_GREEN=ghcr.io/example/tracehub@sha256:$(printf '%064d' 2)"
}

@test "compose files pass yamllint" {
  command -v yamllint >/dev/null || skip "yamllint is not installed (apt-get install yamllint; .ci/run installs it)"
  run yamllint -s -c "$ROOT/.yamllint.yml" "$COMPOSE"
  echo "$output"
  [ "$status" -eq 0 ]
}

@test "compose files pass docker-compose config" {
  command -v docker-compose >/dev/null ||
    skip "docker-compose is not installed (apt-get install docker-compose: it validates without a daemon)"
  local file
  local -a vars
  mapfile -t vars < <(compose_env)
  for file in "$COMPOSE"/*.yml; do
    run env "${vars[@]}" docker-compose -f "$file" config -q
    echo "$file: $output"
    [ "$status" -eq 0 ]
  done
  # Both colours resolve to the digests the deploy tool passes.
  run env "${vars[@]}" docker-compose -f "$COMPOSE/production.yml" config
  [[ "$output" == *"image: ghcr.io/example/tracehub@sha256:$(printf '%064d' 1)"* ]]
  [[ "$output" == *"image: ghcr.io/example/tracehub@sha256:$(printf '%064d' 2)"* ]]
}

@test "compose: each colour runs the deploy tool's image on its loopback port" {
  local env blue green
  for env in production:8001:8002 staging:8101:8102; do
    IFS=: read -r env blue green <<<"$env"
    service "$COMPOSE/$env.yml" app-blue | grep -qF 'image: ${TRACEHUB_IMAGE_BLUE:-'
    service "$COMPOSE/$env.yml" app-green | grep -qF 'image: ${TRACEHUB_IMAGE_GREEN:-'
    service "$COMPOSE/$env.yml" app-blue | grep -qx "      - \"127.0.0.1:$blue:8080\""
    service "$COMPOSE/$env.yml" app-green | grep -qx "      - \"127.0.0.1:$green:8080\""
    # The migration step the deploy tool runs: same image variable scheme, migrate-only mode.
    service "$COMPOSE/$env.yml" migrate | grep -qF 'image: ${TRACEHUB_IMAGE_MIGRATE:-'
    service "$COMPOSE/$env.yml" migrate | grep -qF -- '--tracehub.migrate-only=true'
  done
}

@test "compose: the services of staging and production are all there" {
  local env name
  for env in production staging; do
    for name in app-blue app-green migrate postgres backup nginx; do
      [ -n "$(service "$COMPOSE/$env.yml" "$name")" ] || {
        echo "$env.yml has no service $name"
        return 1
      }
    done
  done
  [ -n "$(service "$COMPOSE/local.yml" postgres)" ]
}

@test "compose: published ports are on loopback only" {
  run grep -nE '^\s+- "?[0-9$]' "$COMPOSE"/*.yml
  local line
  while IFS= read -r line; do
    [[ "$line" == *'"127.0.0.1:'* ]] || {
      echo "not loopback: $line"
      return 1
    }
  done < <(grep -hE '^\s+- "[0-9$]' "$COMPOSE"/*.yml | grep -E ':[0-9]+"$')
}

@test "compose: images are pinned (no latest, no untagged image)" {
  local image
  while IFS= read -r image; do
    [[ "$image" != *:latest* ]] || {
      echo "moving tag: $image"
      return 1
    }
    # A variable (set to a digest by the deploy tool) or name:exact-version.
    [[ "$image" == '${'* || "$image" =~ :[0-9]+\.[0-9]+(\.[0-9]+)?(-[a-z0-9.]+)?$ || "$image" == *@sha256:* ]] || {
      echo "not pinned to a version: $image"
      return 1
    }
  done < <(sed -n 's/^\s*image: //p' "$COMPOSE"/*.yml)
}

@test "compose: no secret values, application passwords come from *_FILE" {
  # Any PASSWORD/SECRET/TOKEN/KEY setting must name a file under /run/secrets or be a variable.
  run grep -hE '^\s+[A-Z_]*(PASSWORD|SECRET|TOKEN|KEY)[A-Z_]*: ' "$COMPOSE"/*.yml
  [ -n "$output" ]
  local line value
  while IFS= read -r line; do
    value="$(sed -E 's/^\s+[A-Z_]+: //' <<<"$line")"
    [[ "$value" == /run/secrets/* || "$value" == '${'* ]] || {
      echo "secret literal: $line"
      return 1
    }
  done <<<"$output"
  local env var
  for env in production staging; do
    for var in SPRING_DATASOURCE_PASSWORD_FILE TRACEHUB_SECURITY_JWT_SECRET_FILE \
      TRACEHUB_SECURITY_METRICS_PASSWORD_FILE; do
      grep -qE "^    $var: /run/secrets/" "$COMPOSE/$env.yml"
    done
    service "$COMPOSE/$env.yml" migrate | grep -qE 'SPRING_LIQUIBASE_PASSWORD_FILE: /run/secrets/'
    service "$COMPOSE/$env.yml" postgres | grep -qE 'POSTGRES_PASSWORD_FILE: /run/secrets/'
    [ "$(grep -cE '^    file: \$\{TRACEHUB_SECRETS_DIR:-/etc/tracehub/'"$env"'/secrets\}/' "$COMPOSE/$env.yml")" -eq 6 ]
  done
  # Application instances never get the owner's credentials.
  run ! grep -qE 'db_owner_password' <(sed -n '/^x-app:/,/^services:/p' "$COMPOSE/production.yml")
}

@test "compose: health checks, restart policies and named volumes" {
  local env name
  for env in production staging; do
    grep -qE '^  healthcheck:' <(sed -n '/^x-app:/,/^services:/p' "$COMPOSE/$env.yml")
    grep -qE '^  restart: unless-stopped' <(sed -n '/^x-app:/,/^services:/p' "$COMPOSE/$env.yml")
    for name in postgres nginx; do
      service "$COMPOSE/$env.yml" "$name" | grep -q '    healthcheck:'
      service "$COMPOSE/$env.yml" "$name" | grep -q '    restart: unless-stopped'
    done
    # One-off jobs never restart.
    for name in migrate backup; do
      service "$COMPOSE/$env.yml" "$name" | grep -q '    restart: "no"'
    done
    service "$COMPOSE/$env.yml" postgres | grep -q -- '- pgdata:/var/lib/postgresql/data'
    grep -qE '^  pgdata:' "$COMPOSE/$env.yml"
  done
  # The health checks call binaries of their images: BusyBox wget in the Alpine runtime, pg_isready in postgres.
  grep -q '"CMD", "wget"' "$COMPOSE/production.yml"
  grep -q '"CMD", "pg_isready"' "$COMPOSE/production.yml"
}

@test "compose: both colours and the backup share one document store volume" {
  local env
  for env in production staging; do
    # A switch of colour must not hide documents the other colour stored; the backup archives the same store.
    grep -q -- '- documents:/var/lib/tracehub/documents$' <(sed -n '/^x-app:/,/^services:/p' "$COMPOSE/$env.yml")
    grep -qF 'TRACEHUB_DOCUMENTS_STORAGE_PATH: /var/lib/tracehub/documents' <(sed -n '/^x-app:/,/^services:/p' "$COMPOSE/$env.yml")
    service "$COMPOSE/$env.yml" backup | grep -qF -- '- documents:/var/lib/tracehub/documents:ro'
    service "$COMPOSE/$env.yml" backup | grep -qF 'TRACEHUB_STORAGE_DIR: /var/lib/tracehub/documents'
    grep -qE '^  documents:' "$COMPOSE/$env.yml"
  done
  # The image's default data directory is writable by its user, and not the read-only /app.
  grep -qF 'TRACEHUB_DATA_DIR=/var/lib/tracehub' "$DOCKERFILE"
  grep -qF 'chown -R 10001:10001 /var/lib/tracehub' "$DOCKERFILE"
}

@test "compose: nginx mounts directories, so an atomically replaced upstream file is seen" {
  local env
  for env in production staging; do
    service "$COMPOSE/$env.yml" nginx | grep -q -- '- /etc/nginx/tracehub:/etc/nginx/tracehub:ro'
    if service "$COMPOSE/$env.yml" nginx | grep -q 'upstream-'; then
      echo "$env.yml mounts an upstream file: a replaced file would not be seen inside"
      return 1
    fi
    service "$COMPOSE/$env.yml" nginx | grep -q 'network_mode: host'
    # The mounted files exist in the repository.
    [ -f "$COMPOSE/../nginx/nginx.conf" ]
  done
  [ -x "$COMPOSE/../backup/backup.sh" ] || [ -f "$COMPOSE/../backup/backup.sh" ]
}

@test "Dockerfile: build, jre and runtime stages, the final one small and pinned" {
  # Exact versions, never latest: Node 20 for the web client, JDK 17 to build (the bytecode level),
  # the Alpine JDK 21 to link the runtime (musl, like the runtime base), plain Alpine to run.
  grep -qE '^FROM node:20\.[0-9]+\.[0-9]+-[a-z-]+ AS node$' "$DOCKERFILE"
  grep -qE '^FROM eclipse-temurin:17\.[0-9.]+_[0-9]+-jdk-[a-z]+ AS build$' "$DOCKERFILE"
  grep -qE '^FROM eclipse-temurin:21\.[0-9.]+_[0-9]+-jdk-alpine AS jre$' "$DOCKERFILE"
  [[ "$(final_stage | head -n 1)" =~ ^FROM\ alpine:3\.[0-9]+\.[0-9]+\ AS\ runtime$ ]]
  run ! grep -qiE 'latest' <(grep -E '^(ARG|FROM)' "$DOCKERFILE")
  # The label names the base the runtime really uses.
  final_stage | grep -qF "org.opencontainers.image.base.name=\"$(runtime_image)\""
  # The runtime takes only the built application from the build stage and the linked Java from jre.
  [ "$(final_stage | grep -c '^COPY --from=build')" -eq 4 ]
  [ "$(final_stage | grep -c '^COPY --from=')" -eq 5 ]
  run ! grep -qE '^RUN .*(apk|apt-get) ' <(final_stage)
}

@test "Dockerfile: the runtime is linked by ops/image/jlink.sh and is the one the image runs" {
  local out
  # The script and its module list are copied into the jre stage and run there.
  stage jre | grep -qxE 'COPY ops/image/ /src/ops/image/'
  out="$(stage jre | sed -n 's|^RUN sh /src/ops/image/jlink.sh \(/[^ ]*\).*|\1|p')"
  [ -n "$out" ]
  [ -f "$ROOT/ops/image/jlink.sh" ] && [ -f "$ROOT/ops/image/jre-modules" ]
  # What it wrote is what the runtime copies, to the JAVA_HOME whose bin/ is first on PATH.
  final_stage | grep -qxF "COPY --from=jre $out /opt/java"
  final_stage | grep -qE '^ENV JAVA_HOME=/opt/java '
  final_stage | grep -qF 'PATH="/opt/java/bin:${PATH}"'
  # The script is POSIX sh (the Alpine JDK image has no bash) and the list names modules only.
  head -n 1 "$ROOT/ops/image/jlink.sh" | grep -qx '#!/bin/sh'
  run ! grep -vE '^\s*(#.*)?$|^[a-z][a-z0-9.]*\s*(#.*)?$' "$ROOT/ops/image/jre-modules"
}

@test "Dockerfile: builds with the repository's build command and cache mounts" {
  grep -qF './mvnw -B -q package -DskipTests -pl web,backend' "$DOCKERFILE"
  grep -qF -- '--mount=type=cache,target=/root/.m2' "$DOCKERFILE"
  grep -qF -- '--mount=type=cache,target=/root/.npm' "$DOCKERFILE"
}

@test "Dockerfile: every COPY source exists and is not excluded by .dockerignore" {
  local src pattern
  local -a excluded=() included=()
  while IFS= read -r pattern; do
    case "$pattern" in
      '' | '#'*) ;;
      '!'*) included+=("${pattern#!}") ;;
      *) excluded+=("$pattern") ;;
    esac
  done <"$ROOT/.dockerignore"
  while IFS= read -r src; do
    [ -e "$ROOT/$src" ] || {
      echo "COPY source missing: $src"
      return 1
    }
    for pattern in "${excluded[@]}"; do
      if [[ "$src" == "$pattern" || "$src" == "$pattern"/* ]]; then
        [[ " ${included[*]} " == *" ${src%/} "* ]] || {
          echo "COPY source excluded by .dockerignore: $src ($pattern)"
          return 1
        }
      fi
    done
  done < <(grep -E '^COPY [^-]' "$DOCKERFILE" | awk '{ for (i = 2; i < NF; i++) print $i }')
  # What must stay out of the context.
  for pattern in .git .tracehub '**/target' '**/node_modules' e2e/output; do
    grep -qxF "$pattern" "$ROOT/.dockerignore"
  done
}

@test "Dockerfile: runs as a fixed non-root user" {
  local user
  user="$(final_stage | sed -n 's/^USER //p' | tail -n 1)"
  [[ "$user" =~ ^[0-9]+(:[0-9]+)?$ ]]
  [ "${user%%:*}" -ne 0 ]
  final_stage | grep -qE "adduser .*-u ${user%%:*} "
}

@test "Dockerfile: HEALTHCHECK uses a binary of the runtime image" {
  local check
  check="$(final_stage | sed -n '/^HEALTHCHECK/,/^[^ ]/p' | grep -E '^\s+CMD ')"
  [[ "$check" == *"/actuator/health/liveness"* ]]
  # Alpine's BusyBox provides wget; Ubuntu- or distroless-based images have neither wget nor a
  # shell tool that could replace it, so a change of base image family must revisit this check.
  [[ "$(runtime_image)" == alpine:* ]]
  [[ "$check" =~ CMD\ wget\  ]]
  # The port it probes is the one the application listens on.
  final_stage | grep -qE '^ENV SERVER_PORT=8080'
  final_stage | grep -qx 'EXPOSE 8080'
}

@test "Dockerfile: JVM flags, launcher and OCI labels" {
  local entry
  entry="$(final_stage | sed -n '/^ENTRYPOINT/,/]$/p' | tr -d '\n' | sed 's/\\//g')"
  [[ "$entry" == *'"-XX:MaxRAMPercentage=75"'* ]]
  [[ "$entry" == *'"-XX:+ExitOnOutOfMemoryError"'* ]]
  [[ "$entry" == 'ENTRYPOINT ["java",'* ]]
  # Spring Boot 3.2+ moved the launcher to ...loader.launch; the backend is on a newer Boot.
  [[ "$entry" == *'org.springframework.boot.loader.launch.JarLauncher'* ]]
  local boot
  boot="$(sed -n '/<artifactId>spring-boot-starter-parent<\/artifactId>/{n;s/.*<version>\([0-9]*\)\..*/\1/p;}' "$ROOT/backend/pom.xml")"
  [ "$boot" -ge 4 ]
  final_stage | grep -qF 'org.opencontainers.image.revision="${REVISION}"'
  final_stage | grep -qF 'org.opencontainers.image.version="${VERSION}"'
}

@test "Dockerfile: the launcher class is in the built jar" {
  local jar="$ROOT/backend/target/tracehub.jar"
  [ -f "$jar" ] || skip "no backend/target/tracehub.jar yet (./mvnw -B -q package -DskipTests -pl web,backend)"
  unzip -l "$jar" | grep -q 'org/springframework/boot/loader/launch/JarLauncher.class'
}
