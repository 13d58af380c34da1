#!/usr/bin/env bash
# Static checks of the deployment artefacts (no cluster, no Docker engine needed):
#   1. every plain YAML file parses (docker-compose.yml, k8s/**, helm Chart.yaml / values*.yaml)
#   2. consistency: compose / k8s/base / helm agree on which processes are enabled and on their ports,
#      each k8s/base/<name> has its image tag, requests and limits on every container, the metrics port 9464
#      (pod and Service), its ServiceMonitor component, an HPA + PDB unless it runs one pod (never a PDB over one
#      pod), a migrate initContainer with MIGRATE_ON_START=false (the gRPC services);
#      each build's SERVICE_PATH is a workspace, the postgres init script creates each database;
#      wiring: every <NAME>_GRPC_ADDR points at <name>:<port>, the gateway has the address of every
#      enabled service, health checks / probes use the service's port, Secret keys are in the example;
#      every process gets INTERNAL_SERVICE_SECRET; the NetworkPolicies (k8s/base, Helm `callers`) let
#      every caller compose wires (<NAME>_GRPC_ADDR) reach its callee's port, and agree with each other;
#      one-off tools (compose services in a profile, <service>-<job>, e.g. analytics-rebuild) match their
#      k8s Job (k8s/jobs/<name>.yaml: pod label, image, command, addresses, Secret keys) and Helm's
#      services.<service>.jobs.<job>; media and certificate: their signing secret (MEDIA_URL_SIGNING_SECRET,
#      CREDENTIAL_SIGNING_KEY) from the Secret, UPLOAD_DIR / CERTIFICATE_DIR on a volume (compose volume, k8s
#      PersistentVolumeClaim with one replica + Recreate when ReadWriteOnce, Helm persistence); certificate: Chromium
#      and fonts-noto-core in its image (RUNTIME_APT_PACKAGES), the same renderer settings everywhere, its own S3
#      bucket, analytics given its address; egress NetworkPolicies (certificate) reach DNS and every service the
#      process calls, and agree between k8s and Helm
#   3. kustomize build of every kustomization under k8s/ (kubectl kustomize, or kustomize): k8s/base (the fleet),
#      k8s/shared, each k8s/base/<name> alone, k8s/overlays/monitoring (the fleet + the ServiceMonitor
#      components); output parses
#   4. helm lint --strict + helm template for five sets of values: defaults, helm/lms-fleet/ci/everything-enabled-values.yaml
#      (every service and one-off Job — checked against values.yaml — migration hook Jobs, ServiceMonitors, HPA + PDB
#      per service, per-process image tags, ingress, a name prefix, a ReadWriteMany media volume),
#      ci/no-autoscaling-values.yaml (initContainer migrations, no metrics, media and certificate on S3 without a
#      volume), values-dev.yaml, and quiz alone; output parses; the chart refuses an empty existingSecret / a
#      missing INTERNAL_SERVICE_SECRET / autoscaling over a ReadWriteOnce volume
#   5. schema validation, offline, of every rendered manifest (kustomize + helm) and of the k8s/ files no
#      kustomization includes: scripts/validate-k8s.mjs (kubernetes-models: types, required fields, and
#      unknown fields at any depth; ServiceMonitor / PrometheusRule from @kubernetes-models/prometheus-operator)
#   6. yamllint (.yamllint) of the plain YAML and of the rendered manifests
#   7. docker compose config (or Debian's docker-compose v1) with the `tools` profile
#
# Tools: helm, kubectl and kubernetes-models from scripts/install-deploy-tools.sh's cache (pinned versions),
# yamllint and docker-compose from `scripts/infra.sh deps`; a missing tool is reported as a skipped check.
# Options (environment):
#   HELM=/path/to/helm, KUBECTL=/path/to/kubectl   override the cached tools (default: the cache, else PATH)
#   CHECK_DEPLOY_FETCH_TOOLS=1         run scripts/install-deploy-tools.sh first (fetches what is not cached)
#   CHECK_DEPLOY_STRICT=1              a skipped check fails the run (CI: .ci/run, `make check-deploy`)
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0 skipped=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok()   { passed=$((passed + 1)); echo "ok    $*"; }
fail() { failed=$((failed + 1)); echo "FAIL  $*"; }
skip() { skipped=$((skipped + 1)); echo "skip  $*"; }
run()  { # run <description> <command...>: pass/fail on the exit code, output shown on failure
  local what=$1; shift
  if "$@" >"$tmp/out" 2>&1; then ok "$what"; else fail "$what"; sed 's/^/      /' "$tmp/out"; fi
}

if ! node -e "require.resolve('js-yaml')" 2>/dev/null; then
  echo "check-deploy needs node and js-yaml (installed by npm ci at the repository root)" >&2
  exit 2
fi

# The pinned tools of the cache (an explicit HELM / KUBECTL wins).
if [ "${CHECK_DEPLOY_FETCH_TOOLS:-}" = 1 ]; then bash scripts/install-deploy-tools.sh || echo "could not fetch the tools" >&2; fi
user_helm=${HELM:-} user_kubectl=${KUBECTL:-}
K8S_MODELS_DIR=
eval "$(bash scripts/install-deploy-tools.sh env)"
HELM=${user_helm:-${HELM:-}} KUBECTL=${user_kubectl:-${KUBECTL:-}}

# Parses multi-document YAML files given as arguments; fails on the first error.
parse_yaml() {
  node -e '
    const fs = require("fs"), yaml = require("js-yaml");
    let docs = 0;
    for (const f of process.argv.slice(1)) {
      try { docs += yaml.loadAll(fs.readFileSync(f, "utf8")).filter(Boolean).length; }
      catch (e) { console.error(f + ": " + e.message); process.exit(1); }
    }
    if (docs === 0) { console.error("no YAML documents"); process.exit(1); }
  ' "$@"
}

# --- 1. plain YAML ------------------------------------------------------------------------------
mapfile -t yaml_files < <(ls docker-compose.yml helm/lms-fleet/Chart.yaml helm/lms-fleet/values*.yaml helm/lms-fleet/ci/*.yaml 2>/dev/null; find k8s -name '*.yaml' -o -name '*.yml' | sort)
# One node process for every file (a process per file was half of the whole check's CPU time): one
# NUL-terminated record "<ok|FAIL>\t<file>\t<error>" each.
while IFS= read -r -d '' record; do
  status=${record%%$'\t'*} rest=${record#*$'\t'}
  f=${rest%%$'\t'*} err=${rest#*$'\t'}
  if [ "$status" = ok ]; then ok "yaml parses: $f"; else fail "yaml parses: $f"; printf '%s\n' "$err" | sed 's/^/      /'; fi
done < <(node -e '
  const fs = require("fs"), yaml = require("js-yaml");
  for (const f of process.argv.slice(1)) {
    let err = "";
    try { if (yaml.loadAll(fs.readFileSync(f, "utf8")).filter(Boolean).length === 0) err = "no YAML documents"; }
    catch (e) { err = e.message; }
    process.stdout.write(`${err ? "FAIL" : "ok"}\t${f}\t${err}\0`);
  }
' "${yaml_files[@]}")

# --- 2. consistency -----------------------------------------------------------------------------
consistency() {
  node -e '
    const fs = require("fs"), path = require("path"), yaml = require("js-yaml");
    const problems = [];
    const load = (f) => yaml.loadAll(fs.readFileSync(f, "utf8")).filter(Boolean);
    const compose = load("docker-compose.yml")[0];
    const values = load("helm/lms-fleet/values.yaml")[0];
    const infra = new Set(["postgres", "rabbitmq", "redis"]);

    // What each layer deploys: name -> port.
    const helm = {};
    for (const [name, svc] of Object.entries(values.services || {})) if (svc.enabled) helm[name] = Number(svc.port);
    if (values.gateway && values.gateway.enabled) helm.gateway = Number(values.gateway.port);

    const comp = {};
    for (const [name, svc] of Object.entries(compose.services || {})) {
      if (infra.has(name)) continue;
      for (const dep of Object.keys(svc.depends_on || {}))
        if (!compose.services[dep]) problems.push(`compose ${name}: depends_on unknown service ${dep}`);
      // One-off tools (a `profiles` entry, e.g. analytics-rebuild) are no deployed process: see the wiring step.
      if (svc.profiles) continue;
      const env = svc.environment || {};
      comp[name] = Number(name === "gateway" ? env.PORT : env.GRPC_PORT);
      // Metrics on the same port in every process (its own container / pod), as k8s and Helm.
      if (String(env.METRICS_PORT) !== "9464" || env.METRICS_HOST !== "0.0.0.0") problems.push(`compose ${name}: METRICS_HOST ${env.METRICS_HOST} METRICS_PORT ${env.METRICS_PORT}, expected 0.0.0.0 and 9464`);
      const sp = svc.build && svc.build.args && svc.build.args.SERVICE_PATH;
      if (!sp) problems.push(`compose ${name}: no build.args.SERVICE_PATH`);
      else if (!fs.existsSync(`${sp}/package.json`)) problems.push(`compose ${name}: SERVICE_PATH ${sp} is not a workspace`);
    }

    // k8s/base gathers k8s/shared and every k8s/base/<name>: each service directory sets its own image tag,
    // has a HorizontalPodAutoscaler + PodDisruptionBudget unless it runs one replica, the metrics port and an
    // opt-in ServiceMonitor component scraping it.
    const k8s = {};
    const kustRoot = load("k8s/base/kustomization.yaml")[0];
    for (const res of kustRoot.resources || []) {
      const dir = path.join("k8s/base", res);
      if (!fs.statSync(dir).isDirectory()) continue;
      const kust = load(`${dir}/kustomization.yaml`)[0];
      const docs = (kust.resources || []).flatMap((r) => load(path.join(dir, r)));
      for (const doc of docs) {
        if (doc.kind !== "Deployment") continue;
        const name = doc.metadata.name;
        const spec = doc.spec.template.spec;
        const c = spec.containers[0];
        k8s[name] = Number(c.ports[0].containerPort);
        const img = c.image.split(":")[0];
        if (!(kust.images || []).some((i) => i.name === img)) problems.push(`${dir}: image ${img} missing from its kustomization images`);
        for (const p of ["readinessProbe", "livenessProbe"]) if (!c[p]) problems.push(`k8s ${name}: no ${p}`);
        for (const x of [...(spec.initContainers || []), ...spec.containers]) if (!x.resources || !x.resources.requests || !x.resources.limits) problems.push(`k8s ${name}/${x.name}: no resource requests and limits`);
        const metrics = (c.ports || []).find((p) => p.name === "metrics");
        if (!metrics || Number(metrics.containerPort) !== 9464) problems.push(`k8s ${name}: no container port metrics 9464`);
        const svc = docs.find((d) => d.kind === "Service" && d.metadata.name === name);
        if (!svc || !(svc.spec.ports || []).some((p) => p.name === "metrics" && p.targetPort === "metrics")) problems.push(`k8s ${name}: its Service has no port metrics`);
        const hpa = docs.find((d) => d.kind === "HorizontalPodAutoscaler" && d.spec.scaleTargetRef.name === name);
        const pdb = docs.find((d) => d.kind === "PodDisruptionBudget" && (d.spec.selector.matchLabels || {})["app.kubernetes.io/name"] === name);
        if (hpa && doc.spec.replicas !== undefined) problems.push(`k8s ${name}: replicas set while a HorizontalPodAutoscaler scales it`);
        const many = hpa ? hpa.spec.minReplicas > 1 : Number(doc.spec.replicas || 1) > 1;
        if (many && !pdb) problems.push(`k8s ${name}: more than one replica and no PodDisruptionBudget`);
        if (!many && pdb) problems.push(`k8s ${name}: a PodDisruptionBudget over one replica blocks node drains`);
        if (name !== "gateway") {
          const init = (spec.initContainers || []).find((x) => x.name === "migrate");
          const mos = (c.env || []).find((e) => e.name === "MIGRATE_ON_START");
          if (!init || !(init.command || []).join(" ").endsWith(`services/${name}/dist/src/cli/migrate.js`) || init.image !== c.image) problems.push(`k8s ${name}: no migrate initContainer running services/${name}/dist/src/cli/migrate.js with its image`);
          else if (!mos || mos.value !== "false") problems.push(`k8s ${name}: a migrate initContainer and no MIGRATE_ON_START=false`);
        }
        const sm = load(`${dir}/monitoring/servicemonitor.yaml`).find((d) => d.kind === "ServiceMonitor") || { spec: {} };
        const ep = (sm.spec.endpoints || [])[0] || {};
        if (((sm.spec.selector || {}).matchLabels || {})["app.kubernetes.io/name"] !== name || ep.port !== "metrics" || ep.path !== "/metrics")
          problems.push(`${dir}/monitoring/servicemonitor.yaml: not a ServiceMonitor of the port metrics (/metrics) of ${name}`);
      }
    }

    const common = load("k8s/shared/configmap.yaml")[0].data || {};
    if (String(common.METRICS_PORT) !== "9464" || common.METRICS_HOST !== "0.0.0.0") problems.push("k8s/shared lms-common-config: METRICS_HOST/METRICS_PORT are not 0.0.0.0/9464");
    if (!values.metrics || !values.metrics.enabled || Number(values.metrics.port) !== 9464) problems.push("helm values: metrics is not enabled on 9464");

    const fmt = (o) => JSON.stringify(Object.keys(o).sort().map((k) => `${k}:${o[k]}`));
    if (fmt(helm) !== fmt(comp)) problems.push(`helm enabled ${fmt(helm)} != compose ${fmt(comp)}`);
    if (fmt(helm) !== fmt(k8s)) problems.push(`helm enabled ${fmt(helm)} != k8s/base ${fmt(k8s)}`);

    // Every service (enabled or not) has a database in the postgres init script.
    const initSql = fs.readFileSync("deploy/postgres-init/01-create-databases.sql", "utf8");
    for (const name of Object.keys(values.services || {}))
      if (!new RegExp(`CREATE DATABASE lms_${name}\\b`).test(initSql)) problems.push(`postgres init: no database lms_${name}`);

    // Ports are unique.
    const ports = Object.entries(values.services || {}).map(([, s]) => s.port);
    if (new Set(ports).size !== ports.length) problems.push(`helm values: duplicate service ports ${ports}`);

    if (problems.length) { console.error(problems.join("\n")); process.exit(1); }
  '
}
run "compose / k8s/base / helm values agree (enabled processes, ports, workspaces, databases)" consistency

# Wiring of every enabled gRPC service (auth, catalog, enrollment, quiz, ...), in compose and k8s/base:
# each <NAME>_GRPC_ADDR points at <name>:<its port>; the gateway has the address of every service (and, in
# compose, depends on it); the compose health check and the k8s probes use the service's own port; every
# Secret key read by k8s/base or by an enabled Helm service is listed in secrets.example.yaml.
wiring() {
  node -e '
    const fs = require("fs"), path = require("path"), yaml = require("js-yaml");
    const problems = [];
    const load = (f) => yaml.loadAll(fs.readFileSync(f, "utf8")).filter(Boolean);
    const compose = load("docker-compose.yml")[0];
    const values = load("helm/lms-fleet/values.yaml")[0];
    // Every manifest of k8s/base: the files of its kustomization and, through its directories, of theirs.
    const kustDocs = (dir) => (load(path.join(dir, "kustomization.yaml"))[0].resources || []).flatMap((r) =>
      fs.statSync(path.join(dir, r)).isDirectory() ? kustDocs(path.join(dir, r)) : load(path.join(dir, r)));
    const secretKeys = new Set(Object.keys(load("k8s/base/secrets.example.yaml").find((d) => d.metadata.name === "lms-fleet-secrets").stringData || {}));
    const grpc = {}; // enabled gRPC services: name -> port
    for (const [name, svc] of Object.entries(values.services || {})) if (svc.enabled) grpc[name] = Number(svc.port);
    const addrVar = (name) => `${name.toUpperCase()}_GRPC_ADDR`;
    const checkAddrs = (where, env) => {
      for (const [k, v] of Object.entries(env || {})) {
        const m = /^([A-Z]+)_GRPC_ADDR$/.exec(k);
        if (!m) continue;
        const target = m[1].toLowerCase();
        if (!(target in grpc)) { problems.push(`${where}: ${k} names ${target}, which is not an enabled service`); continue; }
        if (String(v) !== `${target}:${grpc[target]}`) problems.push(`${where}: ${k}=${v}, expected ${target}:${grpc[target]}`);
      }
    };

    // compose
    const cs = compose.services || {};
    for (const [name, svc] of Object.entries(cs)) {
      checkAddrs(`compose ${name}`, svc.environment);
      if (name in grpc) {
        const hc = ((svc.healthcheck || {}).test || []).join(" ");
        if (!hc.includes(`127.0.0.1:${grpc[name]}`)) problems.push(`compose ${name}: healthcheck does not probe 127.0.0.1:${grpc[name]}`);
        const db = (svc.environment || {}).DATABASE_URL || "";
        if (!db.endsWith(`/lms_${name}`)) problems.push(`compose ${name}: DATABASE_URL does not end in /lms_${name}`);
      }
    }
    const gw = cs.gateway || {};
    for (const name of Object.keys(grpc)) {
      if (!(gw.environment || {})[addrVar(name)]) problems.push(`compose gateway: no ${addrVar(name)}`);
      if (!(gw.depends_on || {})[name]) problems.push(`compose gateway: no depends_on ${name}`);
    }

    // k8s/base
    const docs = kustDocs("k8s/base");
    const configMaps = Object.fromEntries(docs.filter((d) => d.kind === "ConfigMap").map((d) => [d.metadata.name, d.data || {}]));
    for (const [cm, data] of Object.entries(configMaps)) checkAddrs(`k8s ConfigMap ${cm}`, data);
    for (const d of docs.filter((x) => x.kind === "Deployment")) {
      const name = d.metadata.name;
      const containers = [...(d.spec.template.spec.initContainers || []), ...d.spec.template.spec.containers];
      for (const c of containers) {
        const env = {};
        for (const ef of c.envFrom || []) {
          const ref = ef.configMapRef && ef.configMapRef.name;
          if (ref && !configMaps[ref]) problems.push(`k8s ${name}: envFrom unknown ConfigMap ${ref}`);
          Object.assign(env, configMaps[ref] || {});
        }
        for (const e of c.env || []) {
          if (e.value !== undefined) env[e.name] = e.value;
          const key = e.valueFrom && e.valueFrom.secretKeyRef && e.valueFrom.secretKeyRef.key;
          if (key && !secretKeys.has(key)) problems.push(`k8s ${name}: Secret key ${key} missing from secrets.example.yaml`);
          if (key && e.name === "DATABASE_URL" && key !== `${name.toUpperCase()}_DATABASE_URL`)
            problems.push(`k8s ${name}: DATABASE_URL from Secret key ${key}, expected ${name.toUpperCase()}_DATABASE_URL`);
        }
        checkAddrs(`k8s ${name}/${c.name}`, env);
        if (name === "gateway" && c.name === "gateway")
          for (const svc of Object.keys(grpc)) if (!env[addrVar(svc)]) problems.push(`k8s gateway: no ${addrVar(svc)}`);
        if (name in grpc && c.name === name) {
          if (String(env.GRPC_PORT) !== String(grpc[name])) problems.push(`k8s ${name}: GRPC_PORT ${env.GRPC_PORT}, expected ${grpc[name]}`);
          for (const p of ["startupProbe", "readinessProbe", "livenessProbe"])
            if (!c[p] || !c[p].grpc || Number(c[p].grpc.port) !== grpc[name]) problems.push(`k8s ${name}: ${p} is not a gRPC probe on ${grpc[name]}`);
        }
      }
    }
    const svcPorts = Object.fromEntries(docs.filter((x) => x.kind === "Service").map((x) => [x.metadata.name, x.spec.ports[0].port]));
    for (const [name, port] of Object.entries(grpc)) if (Number(svcPorts[name]) !== port) problems.push(`k8s Service ${name}: port ${svcPorts[name]}, expected ${port}`);

    // Helm: the Secret keys of the enabled services
    const helmKeys = [...Object.values((values.global || {}).secretEnv || {}), ...Object.values((values.gateway || {}).secretEnv || {})];
    for (const [name, svc] of Object.entries(values.services || {})) {
      const dbKey = (svc.secretEnv || {}).DATABASE_URL;
      if (dbKey && dbKey !== `${name.toUpperCase()}_DATABASE_URL`) problems.push(`helm ${name}: DATABASE_URL from Secret key ${dbKey}, expected ${name.toUpperCase()}_DATABASE_URL`);
      if (svc.enabled) helmKeys.push(...Object.values(svc.secretEnv || {}));
    }
    for (const k of new Set(helmKeys)) if (!secretKeys.has(k)) problems.push(`helm: Secret key ${k} missing from secrets.example.yaml`);

    // INTERNAL_SERVICE_SECRET (kit service tokens): every process signs and verifies its gRPC calls with it.
    const processes = [...Object.keys(grpc), "gateway"];
    for (const name of processes) {
      if (!((cs[name] || {}).environment || {}).INTERNAL_SERVICE_SECRET) problems.push(`compose ${name}: no INTERNAL_SERVICE_SECRET`);
      const dep = docs.find((x) => x.kind === "Deployment" && x.metadata.name === name);
      const c = dep && dep.spec.template.spec.containers.find((x) => x.name === name);
      const e = c && (c.env || []).find((x) => x.name === "INTERNAL_SERVICE_SECRET");
      if (!e || !e.valueFrom || !e.valueFrom.secretKeyRef || e.valueFrom.secretKeyRef.key !== "INTERNAL_SERVICE_SECRET")
        problems.push(`k8s ${name}: no INTERNAL_SERVICE_SECRET from Secret key INTERNAL_SERVICE_SECRET`);
    }
    if (((values.global || {}).secretEnv || {}).INTERNAL_SERVICE_SECRET !== "INTERNAL_SERVICE_SECRET") problems.push("helm: global.secretEnv has no INTERNAL_SERVICE_SECRET");
    if (((values.gateway || {}).secretEnv || {}).INTERNAL_SERVICE_SECRET !== "INTERNAL_SERVICE_SECRET") problems.push("helm: gateway.secretEnv has no INTERNAL_SERVICE_SECRET");

    // IDEMPOTENCY_SECRET: the gateway refuses to start in production without a real one (HMAC of idempotency fingerprints).
    if (!((cs.gateway || {}).environment || {}).IDEMPOTENCY_SECRET) problems.push("compose gateway: no IDEMPOTENCY_SECRET");
    {
      const dep = docs.find((x) => x.kind === "Deployment" && x.metadata.name === "gateway");
      const c = dep && dep.spec.template.spec.containers.find((x) => x.name === "gateway");
      const e = c && (c.env || []).find((x) => x.name === "IDEMPOTENCY_SECRET");
      if (!e || !e.valueFrom || !e.valueFrom.secretKeyRef) problems.push("k8s gateway: no IDEMPOTENCY_SECRET from the Secret");
    }
    if (!((values.gateway || {}).secretEnv || {}).IDEMPOTENCY_SECRET) problems.push("helm: gateway.secretEnv has no IDEMPOTENCY_SECRET");

    // Services that keep files (media: uploads, certificate: PDFs): their signing secret comes from the Secret like
    // the other secrets, and their local storage directory is a volume everywhere: the compose volume, the k8s
    // PersistentVolumeClaim (one replica + Recreate when ReadWriteOnce), Helm persistence mounted there.
    const fileKeepers = [
      { name: "media", dirVar: "UPLOAD_DIR", secretVar: "MEDIA_URL_SIGNING_SECRET", secretKey: "MEDIA_URL_SIGNING_SECRET" },
      { name: "certificate", dirVar: "CERTIFICATE_DIR", secretVar: "CREDENTIAL_SIGNING_KEY", secretKey: "CERTIFICATE_CREDENTIAL_SIGNING_KEY" },
    ];
    for (const { name, dirVar, secretVar, secretKey } of fileKeepers.filter((f) => f.name in grpc)) {
      const menv = (cs[name] || {}).environment || {};
      if (!menv[secretVar]) problems.push(`compose ${name}: no ${secretVar}`);
      const dir = String(menv[dirVar] || "");
      if (!((cs[name] || {}).volumes || []).some((v) => String(v).split(":")[1] === dir)) problems.push(`compose ${name}: ${dirVar} ${dir} is not a volume`);
      const dep = docs.find((x) => x.kind === "Deployment" && x.metadata.name === name);
      const c = dep && dep.spec.template.spec.containers.find((x) => x.name === name);
      if (c) {
        const e = (c.env || []).find((x) => x.name === secretVar);
        if (!e || !e.valueFrom || !e.valueFrom.secretKeyRef || e.valueFrom.secretKeyRef.key !== secretKey) problems.push(`k8s ${name}: no ${secretVar} from Secret key ${secretKey}`);
        for (const o of (c.env || []).filter((x) => x.valueFrom && x.valueFrom.secretKeyRef && x.valueFrom.secretKeyRef.optional))
          if (!secretKeys.has(o.valueFrom.secretKeyRef.key)) problems.push(`k8s ${name}: optional Secret key ${o.valueFrom.secretKeyRef.key} missing from secrets.example.yaml`);
        const kdir = (configMaps[`${name}-config`] || {})[dirVar];
        if (kdir !== dir) problems.push(`k8s ${name}: ${dirVar} ${kdir}, compose ${dir}`);
        const mount = (c.volumeMounts || []).find((m) => m.mountPath === kdir);
        const vol = mount && (dep.spec.template.spec.volumes || []).find((v) => v.name === mount.name);
        const claim = vol && vol.persistentVolumeClaim && vol.persistentVolumeClaim.claimName;
        if (!claim) problems.push(`k8s ${name}: ${dirVar} ${kdir} is not mounted from a PersistentVolumeClaim`);
        else if (!docs.some((x) => x.kind === "PersistentVolumeClaim" && x.metadata.name === claim)) problems.push(`k8s ${name}: no PersistentVolumeClaim ${claim}`);
        const rwo = docs.some((x) => x.kind === "PersistentVolumeClaim" && x.metadata.name === claim && (x.spec.accessModes || []).includes("ReadWriteOnce"));
        if (rwo && ((dep.spec.strategy || {}).type !== "Recreate" || Number(dep.spec.replicas) !== 1)) problems.push(`k8s ${name}: a ReadWriteOnce volume needs replicas 1 and the Recreate strategy`);
      }
      const hm = values.services[name];
      if (((hm.secretEnv || {})[secretVar]) !== secretKey) problems.push(`helm ${name}: secretEnv has no ${secretVar}: ${secretKey}`);
      for (const k of Object.values(hm.optionalSecretEnv || {})) if (!secretKeys.has(k)) problems.push(`helm ${name}: optional Secret key ${k} missing from secrets.example.yaml`);
      const p = hm.persistence || {};
      if ((hm.env || {}).STORAGE_PROVIDER === "local" && (!p.enabled || p.mountPath !== (hm.env || {})[dirVar])) problems.push(`helm ${name}: local storage without persistence mounted at ${dirVar}`);
      if ((hm.env || {})[dirVar] !== dir) problems.push(`helm ${name}: ${dirVar} ${(hm.env || {})[dirVar]}, compose ${dir}`);
    }

    // certificate: its image carries Chromium and the Noto fonts (Dockerfile build argument RUNTIME_APT_PACKAGES), the
    // renderer settings agree, S3 uses a bucket of its own (not the media one), and analytics can reach it for progress
    // report PDFs (compose and k8s; Helm generates every address).
    if ("certificate" in grpc) {
      const ccs = cs.certificate || {};
      const apt = String(((ccs.build || {}).args || {}).RUNTIME_APT_PACKAGES || "").split(/\s+/);
      for (const pkg of ["chromium", "fonts-noto-core"]) if (!apt.includes(pkg)) problems.push(`compose certificate: build arg RUNTIME_APT_PACKAGES lacks ${pkg}`);
      if (!/^ARG RUNTIME_APT_PACKAGES/m.test(fs.readFileSync("Dockerfile", "utf8"))) problems.push("Dockerfile: no ARG RUNTIME_APT_PACKAGES");
      const cenv = ccs.environment || {};
      const kenv = configMaps["certificate-config"] || {};
      const henv = values.services.certificate.env || {};
      for (const k of ["CHROMIUM_PATH", "CHROMIUM_SANDBOX", "RENDER_CONCURRENCY", "XDG_CONFIG_HOME"])
        if (String(cenv[k]) !== String(kenv[k]) || String(kenv[k]) !== String(henv[k])) problems.push(`certificate: ${k} differs (compose ${cenv[k]}, k8s ${kenv[k]}, helm ${henv[k]})`);
      const bucketOf = (env) => String(env.S3_BUCKET || "").replace(/^\$\{[A-Z0-9_]+:-(.*)\}$/, "$1"); // compose: its default
      if (bucketOf(cenv) === bucketOf((cs.media || {}).environment || {})) problems.push("compose certificate: S3_BUCKET is the media bucket");
      if (bucketOf(kenv) === bucketOf(configMaps["media-config"] || {})) problems.push("k8s certificate: S3_BUCKET is the media bucket");
      if (bucketOf(henv) === bucketOf((values.services.media || {}).env || {})) problems.push("helm certificate: S3_BUCKET is the media bucket");
      if (!((cs.analytics || {}).environment || {}).CERTIFICATE_GRPC_ADDR) problems.push("compose analytics: no CERTIFICATE_GRPC_ADDR");
      if (!(configMaps["analytics-config"] || {}).CERTIFICATE_GRPC_ADDR) problems.push("k8s analytics-config: no CERTIFICATE_GRPC_ADDR");
    }

    // One-off tools: compose services in a profile, named <service>-<job> (analytics-rebuild: `docker compose
    // run --rm analytics-rebuild`). Each runs the image of its service against its database, gets
    // INTERNAL_SERVICE_SECRET when it calls a service, and exists with the same command and addresses as the
    // k8s Job k8s/jobs/<name>.yaml (pods labelled app.kubernetes.io/name: <name>, which the NetworkPolicies
    // below must admit) and as services.<service>.jobs.<job> of the Helm values.
    const commonCm = configMaps["lms-common-config"] || {};
    for (const [name, svc] of Object.entries(cs).filter(([, x]) => x.profiles)) {
      const m = /^([a-z]+)-([a-z][a-z-]*)$/.exec(name);
      if (!m || !(m[1] in grpc)) { problems.push(`compose ${name}: a tool is named <enabled service>-<job>`); continue; }
      const [, owner, job] = m;
      const env = svc.environment || {};
      const addrs = Object.keys(env).filter((k) => /^[A-Z]+_GRPC_ADDR$/.test(k));
      const command = JSON.stringify(svc.command);
      if (!String(svc.image || "").startsWith(`lms-fleet/${owner}:`)) problems.push(`compose ${name}: image is not lms-fleet/${owner}`);
      if (!String(env.DATABASE_URL || "").endsWith(`/lms_${owner}`)) problems.push(`compose ${name}: DATABASE_URL does not end in /lms_${owner}`);
      if (addrs.length && !env.INTERNAL_SERVICE_SECRET) problems.push(`compose ${name}: calls ${addrs.join(", ")} without INTERNAL_SERVICE_SECRET`);
      // k8s Job
      const file = `k8s/jobs/${name}.yaml`;
      if (!fs.existsSync(file)) { problems.push(`k8s: no ${file} for the compose tool ${name}`); }
      else {
        const jobDocs = load(file);
        const jobMaps = Object.fromEntries(jobDocs.filter((d) => d.kind === "ConfigMap").map((d) => [d.metadata.name, d.data || {}]));
        const k8sJob = jobDocs.find((d) => d.kind === "Job");
        const podName = k8sJob && ((k8sJob.spec.template.metadata || {}).labels || {})["app.kubernetes.io/name"];
        const c = k8sJob && k8sJob.spec.template.spec.containers[0];
        if (!c) problems.push(`${file}: no Job`);
        else {
          if (podName !== name) problems.push(`${file}: pods labelled app.kubernetes.io/name=${podName}, expected ${name}`);
          if (!String(c.image).startsWith(`lms-fleet/${owner}:`)) problems.push(`${file}: image ${c.image} is not lms-fleet/${owner}`);
          if (JSON.stringify(c.command) !== command) problems.push(`${file}: command ${JSON.stringify(c.command)}, compose runs ${command}`);
          const jenv = {};
          for (const ef of c.envFrom || []) {
            const ref = ef.configMapRef && ef.configMapRef.name;
            const data = jobMaps[ref] || configMaps[ref];
            if (!data) problems.push(`${file}: envFrom unknown ConfigMap ${ref}`);
            Object.assign(jenv, data || {});
          }
          const secretOf = {};
          for (const e of c.env || []) {
            if (e.value !== undefined) jenv[e.name] = e.value;
            const ref = e.valueFrom && e.valueFrom.secretKeyRef;
            if (ref && ref.name === "lms-fleet-secrets") {
              secretOf[e.name] = ref.key;
              if (!secretKeys.has(ref.key)) problems.push(`${file}: Secret key ${ref.key} missing from secrets.example.yaml`);
            }
          }
          checkAddrs(file, jenv);
          for (const k of addrs) if (!jenv[k]) problems.push(`${file}: no ${k} (compose ${name} has it)`);
          if (secretOf.DATABASE_URL !== `${owner.toUpperCase()}_DATABASE_URL`) problems.push(`${file}: DATABASE_URL not from Secret key ${owner.toUpperCase()}_DATABASE_URL`);
          if (addrs.length && secretOf.INTERNAL_SERVICE_SECRET !== "INTERNAL_SERVICE_SECRET") problems.push(`${file}: no INTERNAL_SERVICE_SECRET from Secret key INTERNAL_SERVICE_SECRET`);
        }
      }
      // Helm: the chart gives every pod the addresses of all enabled services (lms-common-config).
      const hjob = ((values.services[owner] || {}).jobs || {})[job];
      if (!hjob) problems.push(`helm: no services.${owner}.jobs.${job} for the compose tool ${name}`);
      else if (JSON.stringify(hjob.command) !== command) problems.push(`helm services.${owner}.jobs.${job}.command ${JSON.stringify(hjob.command)}, compose runs ${command}`);
      for (const k of addrs) if (!(k.replace(/_GRPC_ADDR$/, "").toLowerCase() in grpc) && !commonCm[k]) problems.push(`helm ${name}: ${k} is not generated`);
    }

    // NetworkPolicies: who calls whom is what compose wires (<NAME>_GRPC_ADDR in the environment of the caller).
    const calls = [];
    for (const [caller, svc] of Object.entries(cs)) {
      for (const k of Object.keys(svc.environment || {})) {
        const m = /^([A-Z]+)_GRPC_ADDR$/.exec(k);
        if (m && m[1].toLowerCase() in grpc) calls.push([caller, m[1].toLowerCase()]);
      }
    }
    const policies = docs.filter((x) => x.kind === "NetworkPolicy");
    if (!policies.some((p) => (p.spec.policyTypes || []).includes("Ingress") && !(p.spec.ingress || []).length && (p.spec.podSelector.matchLabels || {})["app.kubernetes.io/part-of"] === "lms-fleet"))
      problems.push("k8s: no default-deny ingress NetworkPolicy for the fleet (podSelector part-of=lms-fleet)");
    const policyOf = (name, type = "Ingress") => policies.find((p) => (p.spec.policyTypes || []).includes(type) && (p.spec.podSelector.matchLabels || {})["app.kubernetes.io/name"] === name);
    const allowedBy = (policy, port) => {
      const names = new Set();
      for (const rule of policy.spec.ingress || []) {
        if (!(rule.ports || []).some((p) => Number(p.port) === port)) continue;
        if (!rule.from) { names.add("*"); continue; }
        for (const peer of rule.from) {
          const sel = peer.podSelector || {};
          const ml = (sel.matchLabels || {})["app.kubernetes.io/name"];
          if (ml) names.add(ml);
          for (const ex of sel.matchExpressions || []) if (ex.key === "app.kubernetes.io/name" && ex.operator === "In") ex.values.forEach((v) => names.add(v));
        }
      }
      return names;
    };
    const fmtSet = (set) => [...set].sort().join(",");
    const gwPolicy = policyOf("gateway");
    if (!gwPolicy) problems.push("k8s gateway: no NetworkPolicy");
    else if (!allowedBy(gwPolicy, Number(values.gateway.port)).has("*")) problems.push(`k8s gateway: its NetworkPolicy does not admit any source on ${values.gateway.port}`);
    for (const name of Object.keys(grpc)) {
      const policy = policyOf(name);
      if (!policy) { problems.push(`k8s ${name}: no NetworkPolicy`); continue; }
      const k8sAllowed = allowedBy(policy, grpc[name]);
      if (k8sAllowed.has("*")) problems.push(`k8s ${name}: its NetworkPolicy admits any source`);
      const helmAllowed = new Set(values.services[name].callers || []);
      for (const [caller, callee] of calls.filter(([, callee]) => callee === name)) {
        if (!k8sAllowed.has(caller)) problems.push(`k8s ${callee}: NetworkPolicy does not admit ${caller} on ${grpc[callee]} (compose wires ${caller} -> ${callee})`);
        if (!helmAllowed.has(caller)) problems.push(`helm services.${callee}.callers has no ${caller} (compose wires ${caller} -> ${callee})`);
      }
      if (fmtSet(k8sAllowed) !== fmtSet(helmAllowed)) problems.push(`${name}: k8s NetworkPolicy admits [${fmtSet(k8sAllowed)}], helm callers [${fmtSet(helmAllowed)}]`);
    }

    // Egress policies (certificate): a restricted process must still reach DNS and every service compose wires it to
    // (on its port), in k8s/base and in Helm (services.<name>.egress.services), and both allow the same other ports.
    for (const name of Object.keys(grpc)) {
      const policy = policyOf(name, "Egress");
      const helmEgress = values.services[name].egress;
      if (!policy && !(helmEgress && helmEgress.enabled)) continue;
      if (!policy) { problems.push(`k8s ${name}: no egress NetworkPolicy, helm services.${name}.egress is enabled`); continue; }
      if (!(helmEgress && helmEgress.enabled)) { problems.push(`helm services.${name}.egress is not enabled, k8s has an egress NetworkPolicy`); continue; }
      const rules = policy.spec.egress || [];
      const reach = (callee, port) => rules.some((r) => (r.ports || []).some((p) => Number(p.port) === port) &&
        (r.to || []).some((peer) => ((peer.podSelector || {}).matchLabels || {})["app.kubernetes.io/name"] === callee));
      const anywhere = new Set(rules.filter((r) => !r.to).flatMap((r) => (r.ports || []).map((p) => `${p.port}/${p.protocol || "TCP"}`)));
      if (!anywhere.has("53/UDP") || !anywhere.has("53/TCP")) problems.push(`k8s ${name}: egress NetworkPolicy does not allow DNS (53 UDP and TCP)`);
      const callees = new Set(calls.filter(([caller]) => caller === name).map(([, callee]) => callee));
      for (const callee of callees) if (!reach(callee, grpc[callee])) problems.push(`k8s ${name}: egress NetworkPolicy does not reach ${callee}:${grpc[callee]} (compose wires ${name} -> ${callee})`);
      if (fmtSet(callees) !== fmtSet(new Set(helmEgress.services || []))) problems.push(`helm services.${name}.egress.services [${fmtSet(new Set(helmEgress.services || []))}], compose wires [${fmtSet(callees)}]`);
      anywhere.delete("53/UDP"); anywhere.delete("53/TCP");
      const helmPorts = new Set((helmEgress.ports || []).map((p) => `${p}/TCP`));
      if (fmtSet(anywhere) !== fmtSet(helmPorts)) problems.push(`${name}: k8s egress ports [${fmtSet(anywhere)}], helm egress.ports [${fmtSet(helmPorts)}]`);
    }

    if (problems.length) { console.error(problems.join("\n")); process.exit(1); }
    console.log(Object.keys(grpc).join(", "));
  '
}
run "gRPC services wired in compose and k8s/base (addresses, gateway, health checks, probes, Secret keys, INTERNAL_SERVICE_SECRET, NetworkPolicies)" wiring

# --- 3. kustomize -------------------------------------------------------------------------------
# kubectl is only ever given `kustomize` here: a verb that needs a server would dial http://localhost:8080
# (no kubeconfig), where the local gateway may listen.
if [ -n "$KUBECTL" ] || command -v kubectl >/dev/null 2>&1; then
  kustomize_cmd=("${KUBECTL:-kubectl}" kustomize)
elif command -v kustomize >/dev/null 2>&1; then
  kustomize_cmd=(kustomize build)
else
  kustomize_cmd=()
fi
rendered=()
mkdir -p "$tmp/rendered"
mapfile -t kustomizations < <(find k8s \( -name kustomization.yaml -o -name kustomization.yml -o -name Kustomization \) -printf '%h\n' | sort)
for dir in "${kustomizations[@]}"; do
  # A Component (k8s/base/<name>/monitoring) is built only inside the kustomizations using it (k8s/overlays/monitoring).
  grep -q '^kind: Component' "$dir"/[kK]ustomization* && continue
  out="$tmp/rendered/kustomize-${dir//\//-}.yaml"
  if [ ${#kustomize_cmd[@]} -eq 0 ]; then
    skip "kustomize build $dir (no kubectl or kustomize: scripts/install-deploy-tools.sh)"
  elif "${kustomize_cmd[@]}" "$dir" >"$out" 2>"$tmp/err" && parse_yaml "$out" 2>>"$tmp/err"; then
    ok "kustomize build $dir ($(grep -c '^kind:' "$out") objects, $("${kustomize_cmd[0]}" version 2>/dev/null | grep -o 'Kustomize Version: v[0-9.]*' | cut -d' ' -f3))"
    rendered+=("$out")
  else
    fail "kustomize build $dir"; sed 's/^/      /' "$tmp/err"
  fi
done

# --- 4. helm ------------------------------------------------------------------------------------
HELM=${HELM:-helm}
chart=helm/lms-fleet
if command -v "$HELM" >/dev/null 2>&1; then
  # The all-enabled values file must switch on every service and one-off Job values.yaml declares.
  all_enabled() {
    node -e '
      const fs = require("fs"), yaml = require("js-yaml");
      const declared = yaml.load(fs.readFileSync(process.argv[1] + "/values.yaml", "utf8")).services || {};
      const on = yaml.load(fs.readFileSync(process.argv[1] + "/ci/everything-enabled-values.yaml", "utf8")).services || {};
      const missing = Object.entries(declared).flatMap(([n, v]) => [
        ...((on[n] || {}).enabled === true ? [] : [`services.${n}.enabled`]),
        ...Object.keys(v.jobs || {}).filter((j) => (((on[n] || {}).jobs || {})[j] || {}).enabled !== true).map((j) => `services.${n}.jobs.${j}.enabled`),
      ]);
      if (missing.length) { console.error(`not true in ci/everything-enabled-values.yaml: ${missing.join(", ")}`); process.exit(1); }
    ' "$chart"
  }
  run "helm ci/everything-enabled-values.yaml enables every service and one-off Job" all_enabled
  # defaults; everything switched on (every service and Job, migration hook Jobs, ServiceMonitors, HPA + PDB per
  # service, per-process image tags, ingress, a name prefix, a ReadWriteMany media volume); the other side (no
  # autoscaling, initContainer migrations, no metrics, media and certificate on S3, no volumes); values-dev.yaml;
  # one service alone (quiz: what a team deploying only its service renders; no gateway)
  one_service=()
  for s in $(node -e 'console.log(Object.keys(require("js-yaml").load(require("fs").readFileSync(process.argv[1], "utf8")).services).join(" "))' "$chart/values.yaml"); do
    [ "$s" = quiz ] || one_service+=(--set "services.$s.enabled=false")
  done
  for v in defaults everything-enabled no-autoscaling dev one-service; do
    case $v in
      defaults) values=() ;;
      dev) values=(-f "$chart/values-dev.yaml") ;;
      one-service) values=("${one_service[@]}" --set gateway.enabled=false --set services.quiz.image.tag=0.2.0) ;;
      *) values=(-f "$chart/ci/$v-values.yaml") ;;
    esac
    run "helm lint --strict $chart ($v, $("$HELM" version --short 2>/dev/null))" "$HELM" lint --strict "$chart" "${values[@]}"
    out="$tmp/rendered/helm-$v.yaml"
    if "$HELM" template lms "$chart" --namespace lms "${values[@]}" >"$out" 2>"$tmp/err" \
      && parse_yaml "$out" 2>>"$tmp/err"; then
      ok "helm template ($v: $(grep -c '^kind:' "$out") objects)"
      rendered+=("$out")
    else
      fail "helm template ($v)"; sed 's/^/      /' "$tmp/err"
    fi
  done
  if "$HELM" template lms "$chart" --set existingSecret= >/dev/null 2>&1; then
    fail "helm template refuses an empty existingSecret"
  else
    ok "helm template refuses an empty existingSecret"
  fi
  if "$HELM" template lms "$chart" --set services.media.autoscaling.enabled=true >/dev/null 2>&1; then
    fail "helm template refuses autoscaling over a ReadWriteOnce volume (media)"
  else
    ok "helm template refuses autoscaling over a ReadWriteOnce volume (media)"
  fi
  if "$HELM" template lms "$chart" --set global.secretEnv.INTERNAL_SERVICE_SECRET=null >/dev/null 2>&1; then
    fail "helm template refuses a missing INTERNAL_SERVICE_SECRET"
  else
    ok "helm template refuses a missing INTERNAL_SERVICE_SECRET"
  fi
else
  skip "helm lint / helm template (no helm: scripts/install-deploy-tools.sh, or HELM=...)"
fi

# --- 5. schemas ---------------------------------------------------------------------------------
# Every rendered manifest, and every k8s/ file no kustomization includes (the Jobs, the Ingress, the Secret example).
mapfile -t plain_k8s < <(node -e '
  const fs = require("fs"), path = require("path"), yaml = require("js-yaml");
  const files = [], included = new Set();
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name)));
  walk("k8s");
  const isKust = (f) => /^(kustomization\.ya?ml|Kustomization)$/.test(path.basename(f));
  for (const k of files.filter(isKust)) for (const r of yaml.load(fs.readFileSync(k, "utf8")).resources || []) included.add(path.join(path.dirname(k), r));
  console.log(files.filter((f) => /\.ya?ml$/.test(f) && !isKust(f) && !included.has(f)).sort().join("\n"));
')
if [ -n "$K8S_MODELS_DIR" ] && [ -d "$K8S_MODELS_DIR/node_modules/kubernetes-models" ]; then
  run "Kubernetes schemas, kubernetes-models $(node -p "require('$K8S_MODELS_DIR/node_modules/kubernetes-models/package.json').version"): types, required and unknown fields (${#rendered[@]} rendered: kustomize + helm; ${#plain_k8s[@]} plain k8s files)" \
    node scripts/validate-k8s.mjs --models "$K8S_MODELS_DIR" "${rendered[@]}" "${plain_k8s[@]}"
else
  skip "schema validation (no kubernetes-models: scripts/install-deploy-tools.sh)"
fi

# --- 6. yamllint --------------------------------------------------------------------------------
# The plain YAML and the rendered manifests (raw Helm templates are not YAML); rules in .yamllint.
if command -v yamllint >/dev/null 2>&1; then
  run "yamllint ($(yamllint --version 2>&1 | cut -d' ' -f2); plain YAML, helm/lms-fleet values, rendered manifests)" \
    yamllint --strict -c .yamllint docker-compose.yml k8s "$chart/Chart.yaml" "$chart/values.yaml" "$chart/values-dev.yaml" "$chart/ci" "${rendered[@]}"
else
  skip "yamllint (not installed: scripts/infra.sh deps)"
fi

# --- 7. docker compose -------------------------------------------------------------------------
# The secrets are required (`${VAR:?...}`): give each a placeholder for the check.
compose_env=()
for v in $(grep -o '\${[A-Z_]*:?' docker-compose.yml | tr -d '${:?' | sort -u); do compose_env+=("$v=check-deploy-placeholder"); done
if docker compose version >/dev/null 2>&1; then
  run "docker compose config (--profile tools)" env "${compose_env[@]}" docker compose -f docker-compose.yml --profile tools config -q
elif command -v docker-compose >/dev/null 2>&1; then
  # docker-compose v1 (Debian's package) predates the top-level `name:`; check the rest.
  sed '/^name:/d' docker-compose.yml >"$tmp/docker-compose.yml"
  run "docker-compose config ($(docker-compose version --short 2>/dev/null), without top-level name, --profile tools)" \
    env "${compose_env[@]}" docker-compose -f "$tmp/docker-compose.yml" --project-directory . --profile tools config -q
else
  skip "docker compose config (no compose plugin / docker-compose)"
fi

echo
echo "check-deploy: $passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ]; then exit 1; fi
if [ "${CHECK_DEPLOY_STRICT:-}" = 1 ] && [ "$skipped" -gt 0 ]; then exit 1; fi
exit 0
