#!/usr/bin/env bash
# Builds the benchmark data generator (bench/generator, a standalone Maven project) when its jar is
# missing or older than its sources, then runs it with every argument passed through:
#   bench/generate.sh --jdbc-url jdbc:postgresql://127.0.0.1:PORT/tracehub --user postgres \
#       --documents-dir DIR [--scale 1.0] [--seed 42] [--bench-password P] [--summary FILE] [--anchor DAY]
#   bench/generate.sh --build-only     # just build the jar
# bench/generator/README.md describes the dataset. JAVA and BENCH_GENERATOR_JAVA_OPTS may be set.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="${root}/bench/generator"
jar="${project}/target/tracehub-bench-generator.jar"

stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "${project}/pom.xml" "${project}/src" -newer "$jar" -type f -print -quit)" ]]
}

if stale; then
  echo "generate: building the generator (${project})" >&2
  # Offline first: the backend's build has usually put every artefact in the local repository.
  if ! "${root}/mvnw" -B -q -o -f "${project}/pom.xml" package >&2 2>/dev/null; then
    "${root}/mvnw" -B -q -f "${project}/pom.xml" package >&2
  fi
fi

if [[ "${1:-}" == "--build-only" ]]; then
  exit 0
fi

read -ra java_opts <<<"${BENCH_GENERATOR_JAVA_OPTS:--Xmx1g}"
exec "${JAVA:-java}" "${java_opts[@]}" -jar "$jar" "$@"
