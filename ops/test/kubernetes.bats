#!/usr/bin/env bats
# Static checks of deploy/kubernetes (no cluster needed): yamllint, the focused checker
# deploy/kubernetes/check.py (see its docstring for exactly what it checks and what it does not), and
# that the checker really fails on broken copies. Rendering with kustomize runs where kubectl exists.

setup() {
  ROOT="$(cd "${BATS_TEST_DIRNAME}/../.." && pwd)"
  K8S="${ROOT}/deploy/kubernetes"
  python3 -c 'import yaml' 2>/dev/null || skip "python3 with PyYAML is missing (yamllint's dependency; .ci/run installs yamllint)"
}

# broken SED_EXPRESSION FILE: a copy of the manifests with one file changed; prints the copy's path.
broken() {
  local copy="${BATS_TEST_TMPDIR}/k8s-$RANDOM"
  cp -r "$K8S" "$copy"
  sed -i "$1" "${copy}/$2"
  ! cmp -s "${K8S}/$2" "${copy}/$2" || { echo "the sed expression changed nothing in $2" >&2; return 1; }
  printf '%s\n' "$copy"
}

@test "the manifests pass yamllint" {
  command -v yamllint >/dev/null || skip "yamllint is not installed"
  run yamllint -s -c "${ROOT}/.yamllint.yml" "$K8S"
  [ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "the manifests pass the focused checker" {
  run python3 "${K8S}/check.py"
  echo "# kubernetes: ${output##*$'\n'}" >&3
  [ "$status" -eq 0 ] || { echo "$output"; false; }
}

@test "the checker fails on a probe path the app does not serve" {
  run python3 "${K8S}/check.py" "$(broken 's|/actuator/health/readiness|/actuator/health/ready|' deployment.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"readinessProbe path '/actuator/health/ready'"* ]]
}

@test "the checker fails on a port other than the Dockerfile's" {
  run python3 "${K8S}/check.py" "$(broken 's|containerPort: 8080|containerPort: 8081|' deployment.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"is not the Dockerfile's SERVER_PORT 8080"* ]]
}

@test "the checker fails on an environment variable the app does not know" {
  run python3 "${K8S}/check.py" "$(broken 's|TRACEHUB_DOCUMENTS_STORAGE_S3_BUCKET:|TRACEHUB_DOCUMENT_STORAGE_S3_BUCKET:|' configmap.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"TRACEHUB_DOCUMENT_STORAGE_S3_BUCKET: not in docs/operations/configuration.md"* ]]
}

@test "the checker fails on a Secret key that does not exist, a writable root and a wrong apiVersion" {
  run python3 "${K8S}/check.py" "$(broken 's|path: jwt-secret|path: jwt|; s|key: jwt-secret|key: jwt|' deployment.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"mounts Secret key 'jwt'"* ]]
  run python3 "${K8S}/check.py" "$(broken '0,/readOnlyRootFilesystem: true/s//readOnlyRootFilesystem: false/' deployment.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"the root file system must be read-only"* ]]
  run python3 "${K8S}/check.py" "$(broken 's|autoscaling/v2$|autoscaling/v2beta2|' horizontalpodautoscaler.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"HorizontalPodAutoscaler should be apiVersion autoscaling/v2"* ]]
}

@test "the checker fails when instances could migrate or the migration Job is not migrate-only" {
  run python3 "${K8S}/check.py" "$(broken 's|SPRING_LIQUIBASE_ENABLED: "false"|SPRING_LIQUIBASE_ENABLED: "true"|' configmap.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"instances must run with SPRING_LIQUIBASE_ENABLED=false"* ]]
  run python3 "${K8S}/check.py" "$(broken 's|--tracehub.migrate-only=true|--tracehub.migrate=true|' migrate-job.yaml)"
  [ "$status" -eq 1 ]
  [[ "$output" == *"does not use --tracehub.migrate-only=true"* ]]
}

@test "kustomize renders the set (where kubectl is installed)" {
  command -v kubectl >/dev/null || skip "kubectl is not installed (not needed by CI)"
  run kubectl kustomize "$K8S"
  [ "$status" -eq 0 ] || { echo "$output"; false; }
  [[ "$output" == *"image: registry.example.com/vibotaj/tracehub:1.0.0"* ]]
  [ "$(grep -c '^kind: ' <<<"$output")" -eq 9 ]
}
