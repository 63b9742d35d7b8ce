#!/usr/bin/env python3
"""Static checks of the Kubernetes manifests in this directory (run by ops/test/kubernetes.bats).

No cluster and no OpenAPI schema package is available offline here, so this is a focused checker, not
a schema validator. It checks:
  * every document parses, names a stable apiVersion/kind pair (the table below) and has metadata.name;
  * the fields each kind used here requires (selectors, templates, containers with name and image);
  * references inside the set: selectors match pod labels, the Service's target port is a container
    port, the Ingress and HPA point at the Service and Deployment, every Secret key a pod mounts exists
    in secret.example.yaml, every file is listed in the kustomization (or deliberately kept out);
  * agreement with the repository: the container port and uid are the Dockerfile's, the probe paths are
    the actuator's probe groups of application.yml, every environment variable is documented in
    docs/operations/configuration.md or binds to a key of application.yml, the migration Job uses the
    jar's migrate-only switch, the body limit equals the VPS proxy's and the document size limit;
  * hardening: non-root, read-only root file system with a writable /tmp, no privilege escalation,
    all capabilities dropped, memory requests and limits on every container.
Prints one line per problem and exits 1 if there is any.

    python3 deploy/kubernetes/check.py [DIR]
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
# The manifests to check: this directory, or a copy given as the argument (the test checks broken copies).
HERE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent

API = {
    "ConfigMap": "v1", "Secret": "v1", "Service": "v1", "ServiceAccount": "v1", "PersistentVolumeClaim": "v1",
    "Deployment": "apps/v1", "Job": "batch/v1", "CronJob": "batch/v1",
    "Ingress": "networking.k8s.io/v1", "PodDisruptionBudget": "policy/v1",
    "HorizontalPodAutoscaler": "autoscaling/v2", "Kustomization": "kustomize.config.k8s.io/v1beta1",
}
# Kept out of the kustomization on purpose: the example Secret is never applied, the migration runs first.
NOT_IN_KUSTOMIZATION = {"secret.example.yaml", "migrate-job.yaml"}
# Read by the JVM, not by the application's configuration.
JVM_VARIABLES = {"JAVA_TOOL_OPTIONS"}

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def load():
    docs = []
    for path in sorted(HERE.glob("*.yaml")):
        try:
            for doc in yaml.safe_load_all(path.read_text()):
                if doc is not None:
                    docs.append((path.name, doc))
        except yaml.YAMLError as error:
            problem(path.name, f"does not parse: {error}")
    return docs


def flatten(tree, prefix=""):
    keys = set()
    if isinstance(tree, dict):
        for key, value in tree.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            keys.add(name)
            keys |= flatten(value, name)
    return keys


def relaxed(name):
    """Spring Boot's relaxed binding, reduced to a comparable form (separators and case dropped)."""
    return re.sub(r"[._\-\[\]]", "", name).lower()


def pod_specs(name, doc):
    kind = doc.get("kind")
    if kind == "Deployment" or kind == "Job":
        return [doc.get("spec", {}).get("template", {})]
    if kind == "CronJob":
        return [doc.get("spec", {}).get("jobTemplate", {}).get("spec", {}).get("template", {})]
    return []


def main():
    docs = load()
    app_yml = yaml.safe_load((ROOT / "backend/src/main/resources/application.yml").read_text())
    app_keys = {relaxed(k) for k in flatten(app_yml)}
    config_doc = (ROOT / "docs/operations/configuration.md").read_text()
    dockerfile = (ROOT / "Dockerfile").read_text()
    nginx_http = (ROOT / "ops/nginx/tracehub/http.conf").read_text()

    by_kind = {}
    for name, doc in docs:
        kind, api = doc.get("kind"), doc.get("apiVersion")
        if kind not in API:
            problem(name, f"unexpected kind {kind!r}")
            continue
        if api != API[kind]:
            problem(name, f"{kind} should be apiVersion {API[kind]}, is {api!r}")
        if kind != "Kustomization" and not doc.get("metadata", {}).get("name"):
            problem(name, f"{kind} without metadata.name")
        by_kind.setdefault(kind, []).append((name, doc))

    # Kustomization: every resource exists, every manifest is listed or deliberately not.
    for name, kustomization in by_kind.get("Kustomization", []):
        listed = set(kustomization.get("resources", []))
        for resource in listed:
            if not (HERE / resource).is_file():
                problem(name, f"resource {resource} does not exist")
        for path in HERE.glob("*.yaml"):
            if path.name not in listed | NOT_IN_KUSTOMIZATION | {"kustomization.yaml"}:
                problem(name, f"{path.name} is neither a resource nor deliberately left out")
        images = {i["name"]: i for i in kustomization.get("images", [])}
    if "Kustomization" not in by_kind:
        problem("kustomization.yaml", "missing")
        images = {}

    secret_keys = set()
    for name, secret in by_kind.get("Secret", []):
        secret_keys |= set((secret.get("stringData") or {}).keys()) | set((secret.get("data") or {}).keys())
    config_keys = {}
    for name, config_map in by_kind.get("ConfigMap", []):
        config_keys.update(config_map.get("data") or {})

    uid = re.search(r"adduser .*-u (\d+)", dockerfile)
    port = re.search(r"SERVER_PORT=(\d+)", dockerfile)
    liveness = re.search(r'(/actuator/health/liveness)', dockerfile)
    probes = app_yml["management"]["endpoint"]["health"]
    if not probes.get("probes", {}).get("enabled") or not {"liveness", "readiness"} <= set(probes.get("group", {})):
        problem("application.yml", "the liveness/readiness probe groups are not enabled")

    deployments = by_kind.get("Deployment", [])
    if len(deployments) != 1:
        problem("deployment.yaml", f"expected one Deployment, found {len(deployments)}")

    for kind in ("Deployment", "Job", "CronJob"):
        for name, doc in by_kind.get(kind, []):
            for template in pod_specs(name, doc):
                check_pod(name, kind, doc, template, secret_keys, config_keys, app_keys, config_doc,
                          uid.group(1) if uid else None, images)

    for name, deployment in deployments:
        spec = deployment["spec"]
        if spec.get("replicas", 1) < 3:
            problem(name, "fewer than three replicas")
        selector = spec.get("selector", {}).get("matchLabels", {})
        labels = spec["template"].get("metadata", {}).get("labels", {})
        if not selector or any(labels.get(k) != v for k, v in selector.items()):
            problem(name, "selector does not match the pod template's labels")
        container = spec["template"]["spec"]["containers"][0]
        ports = {p.get("name"): p.get("containerPort") for p in container.get("ports", [])}
        if port and str(ports.get("http")) != port.group(1):
            problem(name, f"container port {ports.get('http')} is not the Dockerfile's SERVER_PORT {port.group(1)}")
        for probe, path in (("livenessProbe", "/actuator/health/liveness"),
                            ("readinessProbe", "/actuator/health/readiness"),
                            ("startupProbe", "/actuator/health/liveness")):
            actual = container.get(probe, {}).get("httpGet", {}).get("path")
            if actual != path:
                problem(name, f"{probe} path {actual!r}, the app's probe is {path}")
        if not liveness:
            problem("Dockerfile", "its HEALTHCHECK no longer uses /actuator/health/liveness")
        env = env_of(container, config_keys)
        if env.get("SPRING_LIQUIBASE_ENABLED") != "false":
            problem(name, "instances must run with SPRING_LIQUIBASE_ENABLED=false (the Job migrates)")
        if any(k.startswith("SPRING_LIQUIBASE_USER") or k.startswith("SPRING_LIQUIBASE_PASSWORD") for k in env):
            problem(name, "instances must not hold the owner's credentials")

        for other_kind in ("Service", "PodDisruptionBudget"):
            for other_name, other in by_kind.get(other_kind, []):
                sel = other["spec"].get("selector", {})
                sel = sel.get("matchLabels", sel)
                if not sel or any(labels.get(k) != v for k, v in sel.items()):
                    problem(other_name, f"{other_kind} selector {sel} does not select the Deployment's pods")
        for svc_name, service in by_kind.get("Service", []):
            for p in service["spec"].get("ports", []):
                if p.get("targetPort") not in ports and p.get("targetPort") not in ports.values():
                    problem(svc_name, f"targetPort {p.get('targetPort')} is no container port")
        for hpa_name, hpa in by_kind.get("HorizontalPodAutoscaler", []):
            target = hpa["spec"].get("scaleTargetRef", {})
            if (target.get("kind"), target.get("name")) != ("Deployment", deployment["metadata"]["name"]):
                problem(hpa_name, "does not scale the Deployment")
            if hpa["spec"].get("minReplicas", 1) < spec.get("replicas", 1):
                problem(hpa_name, "minReplicas below the Deployment's replicas")

    services = {s["metadata"]["name"]: s for _, s in by_kind.get("Service", [])}
    for name, ingress in by_kind.get("Ingress", []):
        for rule in ingress["spec"].get("rules", []):
            for path in rule.get("http", {}).get("paths", []):
                backend = path.get("backend", {}).get("service", {})
                service = services.get(backend.get("name"))
                if not service:
                    problem(name, f"backend service {backend.get('name')!r} is not defined")
                elif backend.get("port", {}).get("name") not in {p.get("name") for p in service["spec"]["ports"]}:
                    problem(name, "backend port is not a port of the Service")
        body = ingress["metadata"].get("annotations", {}).get("nginx.ingress.kubernetes.io/proxy-body-size")
        vps = re.search(r"client_max_body_size\s+(\w+);", nginx_http)
        max_size = app_yml["tracehub"]["documents"]["max-size"]
        if not vps or body != vps.group(1) or body.lower().rstrip("m") != max_size.lower().rstrip("mb"):
            problem(name, f"body limit {body!r} differs from the VPS proxy's {vps and vps.group(1)!r} or the"
                          f" document limit {max_size}")

    for name, job in by_kind.get("Job", []):
        container = job["spec"]["template"]["spec"]["containers"][0]
        if "--tracehub.migrate-only=true" not in container.get("args", []):
            problem(name, "the migration Job does not use --tracehub.migrate-only=true")
        migrate = (ROOT / "backend/src/main/java/com/vibotaj/tracehub/platform/internal/db/MigrateOnly.java")
        if not migrate.is_file() or '"tracehub.migrate-only"' not in migrate.read_text():
            problem(name, "the jar has no tracehub.migrate-only switch any more")
        env = env_of(container, config_keys)
        if env.get("SPRING_LIQUIBASE_ENABLED") != "true":
            problem(name, "the migration must run with SPRING_LIQUIBASE_ENABLED=true")
        image = images.get("tracehub")
        if image and container.get("image") != f"{image['newName']}:{image['newTag']}":
            problem(name, f"image {container.get('image')} is not the kustomization's release image")

    for line in problems:
        print(line)
    kinds = ", ".join(f"{len(v)} {k}" for k, v in sorted(by_kind.items()))
    print(f"checked {len(docs)} documents ({kinds}): {len(problems)} problems")
    return 1 if problems else 0


def env_of(container, config_keys):
    env = dict(config_keys) if any(e.get("configMapRef") for e in container.get("envFrom", [])) else {}
    for item in container.get("env", []):
        env[item["name"]] = item.get("value")
    return env


def check_pod(name, kind, doc, template, secret_keys, config_keys, app_keys, config_doc, uid, images):
    spec = template.get("spec", {})
    if not spec.get("containers"):
        problem(name, f"{kind} without containers")
        return
    if kind in ("Job", "CronJob") and spec.get("restartPolicy") not in ("Never", "OnFailure"):
        problem(name, f"{kind} pods need restartPolicy Never or OnFailure")
    pod_security = spec.get("securityContext", {})
    if not pod_security.get("runAsNonRoot"):
        problem(name, "pods must run as non-root")
    volumes = {v["name"]: v for v in spec.get("volumes", [])}
    for volume in volumes.values():
        for item in volume.get("secret", {}).get("items", []):
            if item["key"] not in secret_keys:
                problem(name, f"mounts Secret key {item['key']!r} that secret.example.yaml does not define")
    app_image = any(c.get("image", "").split(":")[0].endswith("tracehub") for c in spec["containers"])
    if app_image and uid and str(pod_security.get("runAsUser")) != uid:
        problem(name, f"runAsUser {pod_security.get('runAsUser')} is not the image's uid {uid}")
    for container in spec["containers"]:
        where = f"{name} ({container.get('name')})"
        if not container.get("name") or not container.get("image"):
            problem(where, "a container needs a name and an image")
        security = container.get("securityContext", {})
        if security.get("allowPrivilegeEscalation") is not False:
            problem(where, "allowPrivilegeEscalation must be false")
        if security.get("readOnlyRootFilesystem") is not True:
            problem(where, "the root file system must be read-only")
        if "ALL" not in security.get("capabilities", {}).get("drop", []):
            problem(where, "capabilities must drop ALL")
        mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
        if "/tmp" not in mounts:
            problem(where, "a read-only root needs a writable /tmp volume")
        resources = container.get("resources", {})
        if not resources.get("requests", {}).get("memory") or not resources.get("limits", {}).get("memory"):
            problem(where, "memory request and limit are required")
        for secret_path in re.findall(r"/run/secrets/tracehub/([\w-]+)", yaml.safe_dump(container)):
            if secret_path not in secret_keys:
                problem(where, f"reads /run/secrets/tracehub/{secret_path}, no such key in secret.example.yaml")
        if not app_image or not container.get("image", "").split(":")[0].endswith("tracehub"):
            continue
        names = set(config_keys) if container.get("envFrom") else set()
        names |= {e["name"] for e in container.get("env", [])}
        for variable in sorted(names):
            base = variable[:-5] if variable.endswith("_FILE") else variable
            if variable.endswith("_FILE") and not variable.startswith(("SPRING_", "TRACEHUB_")):
                # FileSecretsEnvironmentPostProcessor reads NAME_FILE only in these two namespaces.
                problem(where, f"{variable}: the app reads *_FILE only for SPRING_ and TRACEHUB_ variables")
            if base in JVM_VARIABLES:
                continue
            if base not in config_doc and relaxed(base) not in app_keys:
                problem(where, f"{variable}: not in docs/operations/configuration.md nor a key of application.yml")


if __name__ == "__main__":
    sys.exit(main())
