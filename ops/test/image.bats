#!/usr/bin/env bats
# The container image's runtime, exercised as plain files and processes (this machine has no
# container engine): the Java runtime linked by ops/image/jlink.sh from ops/image/jre-modules, the
# Spring Boot layers extracted and merged as the Dockerfile does, and the application started from
# them with the Dockerfile's ENTRYPOINT arguments. The calls below reach the code paths that need
# the modules jdeps cannot see (metrics, PDF building, PDF text extraction, EC cryptography).
# What differs from the image: the machine's JDK 17 on glibc links the runtime (the image links
# JDK 21 on musl), and the local profile's embedded PostgreSQL stands in for the real database.
# Figures are printed as "# image ..." lines. Needs backend/target/tracehub.jar.
# A module dropped from the list makes a test here fail (tried by hand with JRE_MODULES_FILE, see
# docs/operations/image.md): java.desktop the start, jdk.management the metrics, jdk.crypto.ec the probe.
# shellcheck disable=SC2030,SC2031 # each test is a subshell; the shared world is exported by setup_file

bats_require_minimum_version 1.5.0

load ports

# The budget of the issue is 250 MB for the image; the runtime plus the application must leave
# room for the Alpine base (not measured here, see BASE_MB).
readonly BUDGET_MB=240
# Alpine 3.22 minirootfs unpacked is ~8.5 MB (from the published image, not measured here).
readonly BASE_MB=9
readonly DEMO_PASSWORD='Image-Test-Demo-Pass-1'
readonly METRICS_PASSWORD='image-test-metrics-pass'

setup_file() {
  export ROOT="${BATS_TEST_DIRNAME}/../.."
  export DOCKERFILE="${ROOT}/Dockerfile"
  local jar="${ROOT}/backend/target/tracehub.jar" started=$SECONDS
  if [[ ! -f "$jar" ]]; then
    export IMAGE_SKIP="no backend/target/tracehub.jar (./mvnw -B -q package -DskipTests -pl web,backend)"
    return 0
  fi
  local tool
  for tool in jlink javac curl unzip sha256sum; do
    command -v "$tool" >/dev/null || {
      export IMAGE_SKIP="${tool} is missing (a full JDK 17 and curl, unzip, coreutils are needed)"
      return 0
    }
  done
  # Not under bats' private temp dir: when we are root the application runs as another user
  # (PostgreSQL refuses root), who must reach the runtime and the application.
  IMAGE_DIR="$(mktemp -d -t tracehub-image.XXXXXX)"
  chmod 755 "$IMAGE_DIR"
  export IMAGE_DIR
  sh "${ROOT}/ops/image/jlink.sh" "${IMAGE_DIR}/jre" 2>"${IMAGE_DIR}/jlink.log" || {
    cat "${IMAGE_DIR}/jlink.log" >&3
    return 1
  }
  echo "# image: runtime linked in $((SECONDS - started)) s" >&3
  extract_layers "$jar" "${IMAGE_DIR}/layers" || return 1
  merge_layers "${IMAGE_DIR}/layers" "${IMAGE_DIR}/app" || return 1
  start_app || return 1
  echo "# image: runtime linked, layers merged, application ready in $((SECONDS - started)) s (noisy: shared 2-core machine)" >&3
}

teardown_file() {
  [[ -n "${IMAGE_DIR:-}" ]] || return 0
  stop_app
  rm -rf "$IMAGE_DIR"
}

setup() {
  # The script's own tests need neither the jar nor the running application.
  [[ "$BATS_TEST_DESCRIPTION" != jlink.sh:* ]] || return 0
  [[ -z "${IMAGE_SKIP:-}" ]] || skip "$IMAGE_SKIP"
  BASE="http://127.0.0.1:$(cat "${IMAGE_DIR}/port")"
}

# A fake jlink reporting version $1 and writing its arguments, one per line, to $BATS_TEST_TMPDIR/args.
fake_jlink() {
  local fake="${BATS_TEST_TMPDIR}/jlink"
  # shellcheck disable=SC2016 # $1 and $@ are the fake's, expanded when it runs
  {
    printf '#!/bin/sh\n'
    printf 'if [ "$1" = --version ]; then echo %s; exit 0; fi\n' "$1"
    printf 'printf "%%s\\n" "$@" >"%s/args"\n' "$BATS_TEST_TMPDIR"
  } >"$fake"
  chmod +x "$fake"
  printf '%s\n' "$fake"
}

# --- reading the Dockerfile ---

# The stages from the last FROM on.
final_stage() { awk '/^FROM /{ buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$DOCKERFILE"; }

# The arguments of the build stage's layer extraction, without its destination.
extract_args() {
  sed -n 's|.*&& java \(-Djarmode=tools -jar backend/target/tracehub.jar extract .*\) --destination /layers$|\1|p' "$DOCKERFILE"
}

# The layer names in the order the runtime stage copies them.
layer_order() { final_stage | sed -n 's|^COPY --from=build .* /layers/\([a-z-]*\)/ \./$|\1|p'; }

# The ENTRYPOINT's words, one per line (the exec form: a JSON array of plain strings).
entrypoint_words() {
  final_stage | sed -n '/^ENTRYPOINT/,/]$/p' | grep -oE '"[^"]*"' | tr -d '"'
}

# --- the world ---

extract_layers() {
  local jar="$1" dest="$2" args
  args="$(extract_args)"
  [[ -n "$args" ]] || {
    echo "# image: no layer extraction found in the Dockerfile's build stage" >&3
    return 1
  }
  # Word splitting of the Dockerfile's arguments is wanted: they are a shell command line there.
  # shellcheck disable=SC2086
  (cd "$ROOT" && java ${args/backend\/target\/tracehub.jar/$jar} --destination "$dest") >"${IMAGE_DIR}/extract.log" 2>&1 || {
    cat "${IMAGE_DIR}/extract.log" >&3
    return 1
  }
}

# Copies the layers into one directory in the Dockerfile's COPY order (a later layer wins, as in
# the image's union file system).
merge_layers() {
  local layers="$1" app="$2" layer count=0
  mkdir -p "$app"
  while IFS= read -r layer; do
    [[ -d "${layers}/${layer}" ]] || {
      echo "# image: the Dockerfile copies layer ${layer}, the extraction made none" >&3
      return 1
    }
    cp -R "${layers}/${layer}/." "$app/"
    count=$((count + 1))
  done < <(layer_order)
  [[ "$count" -eq "$(find "$layers" -mindepth 1 -maxdepth 1 -type d | wc -l)" ]] || {
    echo "# image: the Dockerfile copies ${count} layers, the extraction made $(ls "$layers")" >&3
    return 1
  }
}

# Starts the application as the image does: the ENTRYPOINT's arguments with the linked java and
# the merged directory for /app, from that directory, as a non-root user.
start_app() {
  local port word app="${IMAGE_DIR}/app" timeout="${IMAGE_READY_TIMEOUT:-180}" waited=0
  local -a command=() as_user=()
  port="$(free_port)"
  printf '%s\n' "$port" >"${IMAGE_DIR}/port"
  while IFS= read -r word; do
    case "${#command[@]}:$word" in
      # Test-only flags that change neither class loading nor modules: a small heap on a shared
      # machine, and the quick-start JIT and GC the drills use (half the start-up CPU on 2 cores).
      0:java) command+=("${IMAGE_DIR}/jre/bin/java" -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
        "-Djava.io.tmpdir=${IMAGE_DIR}/tmp") ;;
      0:*) echo "# image: the ENTRYPOINT does not start with java: $word" >&3; return 1 ;;
      *:/app) command+=("$app") ;;
      *) command+=("$word") ;;
    esac
  done < <(entrypoint_words)
  mkdir -p "${IMAGE_DIR}/data" "${IMAGE_DIR}/tmp"
  if [[ "$(id -u)" -eq 0 ]]; then
    # uid 10001 has no passwd entry here and initdb needs one: nobody stands in for it.
    chown nobody: "${IMAGE_DIR}/data" "${IMAGE_DIR}/tmp"
    as_user=(setpriv --reuid=nobody --regid="$(id -gn nobody)" --clear-groups)
  fi
  # HOME is the read-only /app, as for the image's user; the temp dir is fresh, as in a container.
  (cd "$app" && exec ${as_user[@]+"${as_user[@]}"} env HOME="$app" LANG=C.UTF-8 \
    SERVER_PORT="$port" TRACEHUB_DATA_DIR="${IMAGE_DIR}/data" TRACEHUB_DEMO_PASSWORD="$DEMO_PASSWORD" \
    TRACEHUB_SECURITY_METRICS_PASSWORD="$METRICS_PASSWORD" \
    "${command[@]}" --spring.profiles.active=local) >"${IMAGE_DIR}/app.log" 2>&1 &
  printf '%s\n' "$!" >"${IMAGE_DIR}/pid"
  until curl -fsS -o /dev/null "http://127.0.0.1:${port}/actuator/health/readiness" 2>/dev/null; do
    if ! kill -0 "$(cat "${IMAGE_DIR}/pid")" 2>/dev/null || ((waited >= timeout)); then
      echo "# image: the application did not become ready (${waited} s); its log:" >&3
      tail -n 40 "${IMAGE_DIR}/app.log" >&3
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

stop_app() {
  local pid waited=0
  [[ -f "${IMAGE_DIR}/pid" ]] || return 0
  pid="$(cat "${IMAGE_DIR}/pid")"
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && ((waited < 30)); do
    sleep 1
    waited=$((waited + 1))
  done
  kill -9 "$pid" 2>/dev/null || true
}

# --- API helpers ---

# Signs in as demo user $1 and prints the access token.
token() {
  curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"${DEMO_PASSWORD}\"}" "${BASE}/api/auth/login" |
    grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4
}

# GET $2 with token $1; fails on a non-2xx answer.
get() { curl -fsS -H "Authorization: Bearer $1" "${BASE}$2"; }

# The id of a demo shipment with at least one document, seen with token $1.
shipment_with_documents() {
  local id
  for id in $(get "$1" '/api/shipments?size=50' | grep -oE '\{"id":"[0-9a-f-]{36}","reference"' | cut -d'"' -f4); do
    if get "$1" "/api/shipments/${id}/documents" | grep -q '"contentType":"application/pdf"'; then
      printf '%s\n' "$id"
      return 0
    fi
  done
  return 1
}

# Sizes in MB (10^6 bytes, as `docker images` counts), one decimal; apparent sizes, as in a layer tar.
mb() { du -sb "$1" | awk '{ printf "%.1f\n", $1 / 1000000 }'; }

# --- the tests ---

@test "jlink.sh: the module list without comments, the trimming flags, zip-6 on jlink 21" {
  local list="${BATS_TEST_TMPDIR}/modules"
  printf '# a comment\njava.base\n\n  jdk.unsupported  # why\njava.sql\n' >"$list"
  JLINK="$(fake_jlink 21.0.8)" JRE_MODULES_FILE="$list" run sh "${ROOT}/ops/image/jlink.sh" "${BATS_TEST_TMPDIR}/out"
  [ "$status" -eq 0 ]
  diff <(printf '%s\n' --add-modules java.base,jdk.unsupported,java.sql --strip-debug --no-man-pages \
    --no-header-files --compress=zip-6 --output "${BATS_TEST_TMPDIR}/out") "${BATS_TEST_TMPDIR}/args"
}

@test "jlink.sh: the numbered compression on jlink 17, the default list next to the script" {
  JLINK="$(fake_jlink 17.0.15)" run sh "${ROOT}/ops/image/jlink.sh" "${BATS_TEST_TMPDIR}/out"
  [ "$status" -eq 0 ]
  grep -qx -- '--compress=2' "${BATS_TEST_TMPDIR}/args"
  grep -qx -- '--add-modules' "${BATS_TEST_TMPDIR}/args"
  grep -q '^java.base,.*jdk.crypto.ec' "${BATS_TEST_TMPDIR}/args"
}

@test "jlink.sh: refuses an existing output, a missing list, a bad module name, no argument" {
  local fake
  fake="$(fake_jlink 21.0.8)"
  mkdir -p "${BATS_TEST_TMPDIR}/exists"
  JLINK="$fake" run sh "${ROOT}/ops/image/jlink.sh" "${BATS_TEST_TMPDIR}/exists"
  [ "$status" -ne 0 ] && [[ "$output" == *exists* ]]
  JLINK="$fake" JRE_MODULES_FILE=/nonexistent run sh "${ROOT}/ops/image/jlink.sh" "${BATS_TEST_TMPDIR}/out"
  [ "$status" -ne 0 ] && [[ "$output" == *"cannot read"* ]]
  printf 'java.base\nALL-MODULE-PATH\n' >"${BATS_TEST_TMPDIR}/bad"
  JLINK="$fake" JRE_MODULES_FILE="${BATS_TEST_TMPDIR}/bad" run sh "${ROOT}/ops/image/jlink.sh" "${BATS_TEST_TMPDIR}/out"
  [ "$status" -ne 0 ] && [[ "$output" == *"not a module name"* ]]
  JLINK="$fake" run sh "${ROOT}/ops/image/jlink.sh"
  [ "$status" -ne 0 ] && [[ "$output" == *usage* ]]
  [ ! -e "${BATS_TEST_TMPDIR}/args" ]
}

@test "the linked runtime has the listed modules and no others than they require" {
  local module listed
  # The list jlink.sh read (JRE_MODULES_FILE lets a module be dropped by hand to see what fails).
  listed="$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "${JRE_MODULES_FILE:-${ROOT}/ops/image/jre-modules}")"
  run "${IMAGE_DIR}/jre/bin/java" --list-modules
  [ "$status" -eq 0 ]
  for module in $listed; do
    grep -q "^${module}@" <<<"$output" || {
      echo "missing: $module"
      return 1
    }
  done
  # Trimmed: no compiler, no tools, no debugger agent.
  run ! grep -qE '^(jdk\.compiler|jdk\.jshell|jdk\.jdwp\.agent|jdk\.jlink)@' <<<"$output"
  # Flags applied: no man pages, no C headers.
  [ ! -e "${IMAGE_DIR}/jre/man" ]
  [ ! -e "${IMAGE_DIR}/jre/include" ]
}

@test "the application is ready and healthy on the linked runtime, from the merged layers" {
  # The launcher came from the spring-boot-loader layer, the classes from the application layer.
  [ -f "${IMAGE_DIR}/app/org/springframework/boot/loader/launch/JarLauncher.class" ]
  [ -d "${IMAGE_DIR}/app/BOOT-INF/classes/com" ]
  run curl -fsS "${BASE}/actuator/health/readiness"
  [ "$status" -eq 0 ]
  [[ "$output" == *'"status":"UP"'* ]]
  run curl -fsS "${BASE}/actuator/health/liveness"
  [[ "$output" == *'"status":"UP"'* ]]
  run curl -fsS "${BASE}/health"
  [ "$status" -eq 0 ]
  [[ "$output" == '{"status":"UP"'* ]]
  # It runs on the linked runtime, not on the machine's (the started subshell exec'd into java).
  [ "$(readlink -f "/proc/$(cat "${IMAGE_DIR}/pid")/exe")" = "$(readlink -f "${IMAGE_DIR}/jre/bin/java")" ]
}

@test "a demo user signs in and reads the API" {
  local tok
  tok="$(token compliance@ogunvalley.example)"
  [ -n "$tok" ]
  run get "$tok" /api/me
  [ "$status" -eq 0 ]
  [[ "$output" == *'"email":"compliance@ogunvalley.example"'* ]]
  run get "$tok" '/api/shipments?size=5'
  [ "$status" -eq 0 ]
  [[ "$output" == *'"reference":"OVA-'* ]]
  run get "$tok" /api/reference/countries
  [ "$status" -eq 0 ]
  run get "$tok" /api/analytics/summary
  [ "$status" -eq 0 ]
}

@test "an uploaded PDF is stored and its text read (PDFBox on the linked runtime)" {
  local tok shipment doc pdf="${BATS_TEST_TMPDIR}/upload.pdf"
  tok="$(token logistics@ogunvalley.example)"
  shipment="$(shipment_with_documents "$tok")"
  # A PDF the demo data built with PDFBox at start-up, on this runtime.
  doc="$(get "$tok" "/api/shipments/${shipment}/documents" | grep -oE '^\[\{"id":"[0-9a-f-]{36}"' | cut -d'"' -f4)"
  get "$tok" "/api/documents/${doc}/content" >"$pdf"
  [ "$(head -c 5 "$pdf")" = '%PDF-' ]
  run curl -fsS -H "Authorization: Bearer $tok" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -F "file=@${pdf};type=application/pdf" "${BASE}/api/shipments/${shipment}/documents?type=packing_list"
  [ "$status" -eq 0 ]
  [[ "$output" == *'"contentType":"application/pdf"'* ]]
  # Suggestions come from the PDF's text: extraction worked.
  [[ "$output" == *'"referenceNumbers":["'* ]]
}

@test "the audit pack builds its index PDF and a verifiable ZIP" {
  local tok shipment pack="${BATS_TEST_TMPDIR}/pack"
  tok="$(token compliance@ogunvalley.example)"
  shipment="$(shipment_with_documents "$tok")"
  mkdir -p "$pack"
  get "$tok" "/api/shipments/${shipment}/audit-pack" >"${pack}.zip"
  (cd "$pack" && unzip -q "${pack}.zip")
  [ "$(head -c 5 "${pack}/index.pdf")" = '%PDF-' ]
  [ -n "$(find "${pack}/documents" -name '*.pdf')" ]
  (cd "$pack" && sha256sum -c --quiet MANIFEST.sha256)
}

@test "metrics: JVM, process and pool figures (java.management, jdk.management)" {
  run curl -fsS -u "metrics:${METRICS_PASSWORD}" "${BASE}/actuator/prometheus"
  [ "$status" -eq 0 ]
  local metric
  # process_cpu_usage, system_cpu_usage and the file descriptors come from com.sun.management
  # (jdk.management), looked up reflectively: without it they are silently absent.
  for metric in jvm_memory_used_bytes jvm_threads_live_threads jvm_gc_pause_seconds_count \
    process_cpu_usage system_cpu_usage process_files_open_files hikaricp_connections_active; do
    grep -q "^${metric}[ {]" <<<"$output" || {
      echo "missing metric: $metric"
      return 1
    }
  done
}

@test "cryptography and trust store for outbound TLS (jdk.crypto.ec, cacerts)" {
  local probe="${BATS_TEST_TMPDIR}/probe"
  mkdir -p "$probe"
  cat >"${probe}/Probe.java" <<'JAVA'
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.KeyAgreement;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Fails unless EC keys, ECDHE and ECDSA work and the default trust store has the public CAs. */
public class Probe {
    public static void main(String[] args) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyAgreement.getInstance("ECDH");
        Signature.getInstance("SHA256withECDSA");
        KeyAgreement.getInstance("X25519");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        int cas = ((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers().length;
        if (cas < 50) throw new IllegalStateException("only " + cas + " trusted CAs");
        SSLContext.getInstance("TLSv1.3").init(null, null, null);
        System.out.println("ok " + ec.generateKeyPair().getPublic().getAlgorithm() + " " + cas + " CAs");
    }
}
JAVA
  javac --release 17 -d "$probe" "${probe}/Probe.java"
  run "${IMAGE_DIR}/jre/bin/java" -cp "$probe" Probe
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "$output" == "ok EC "* ]]
}

@test "the application log has no class, module or provider failures" {
  local failures
  failures="$(grep -E 'NoClassDefFoundError|ClassNotFoundException|NoSuchMethodError|UnsatisfiedLinkError|ProviderNotFoundException|ServiceConfigurationError|NoSuchAlgorithmException|InaccessibleObjectException|IllegalAccessError|module [a-z.]+ not found|does not read| ERROR ' "${IMAGE_DIR}/app.log" || true)"
  [ -z "$failures" ] || {
    printf '%s\n' "$failures" | head -n 20
    return 1
  }
  # The log is the application's: it started and served the calls above.
  grep -q 'Started TraceHubApplication' "${IMAGE_DIR}/app.log"
}

@test "sizes: the linked runtime and the application layers fit the image budget" {
  local jre layer sum size
  jre="$(mb "${IMAGE_DIR}/jre")"
  echo "# image runtime (jlink, $("${IMAGE_DIR}/jre/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2)): ${jre} MB" >&3
  sum="$jre"
  while IFS= read -r layer; do
    size="$(mb "${IMAGE_DIR}/layers/${layer}")"
    echo "# image layer ${layer}: ${size} MB" >&3
    sum="$(awk -v a="$sum" -v b="$size" 'BEGIN { printf "%.1f\n", a + b }')"
  done < <(layer_order)
  echo "# image runtime + layers: ${sum} MB (budget ${BUDGET_MB} MB)" >&3
  echo "# image estimated image size: $(awk -v a="$sum" -v b="$BASE_MB" 'BEGIN { printf "%.1f", a + b }') MB" \
    "(+ Alpine base assumed ${BASE_MB} MB, not measured here; runtime linked from JDK 17 here, 21 in the image)" >&3
  awk -v a="$sum" -v b="$BUDGET_MB" 'BEGIN { exit !(a < b) }'
}
