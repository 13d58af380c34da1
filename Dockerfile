# syntax=docker/dockerfile:1
#
# One Dockerfile for every process of the fleet (each service and the gateway), built from the
# repository root. SERVICE_PATH picks the npm workspace; each build gives its own image:
#
#   docker build --build-arg SERVICE_PATH=services/auth --build-arg PORT=50051 -t lms-fleet/auth:0.1.0 .
#   docker build --build-arg SERVICE_PATH=gateway       --build-arg PORT=8080  -t lms-fleet/gateway:0.1.0 .
#   docker build --build-arg SERVICE_PATH=services/certificate --build-arg PORT=50057 \
#     --build-arg RUNTIME_APT_PACKAGES='chromium fonts-noto-core' -t lms-fleet/certificate:0.1.0 .
#
# (or `docker compose build`, which passes the same arguments; see docs/deploy.md).
#
# Stages:
#   manifests  - only package.json files + package-lock.json, so the `npm ci` layers below stay cached
#                until a manifest changes (BuildKit keys COPY --from by content)
#   build      - npm ci (this workspace + the root's dev tools), `tsc -b <workspace>` (its project
#                references build @lms/kit first), then stages the dist/ folder of every workspace
#                that was built into /out
#   prod-deps  - npm ci --omit=dev for this workspace only
#   runtime    - node:20-bookworm-slim + production node_modules + dist folders + protos/, user `node`;
#                plus the Debian packages named by RUNTIME_APT_PACKAGES (empty by default). The certificate
#                image needs `chromium fonts-noto-core`: Debian's Chromium, driven by puppeteer-core (which
#                never downloads a browser: PUPPETEER_SKIP_DOWNLOAD concerns the `puppeteer` package only),
#                and the Noto fonts its PDFs use (Latin, Arabic, Hebrew, ...; no font is fetched at render time).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# ---------------------------------------------------------------------------------------------------
FROM base AS manifests
COPY . /src
RUN mkdir -p /manifests \
 && cd /src \
 && cp package.json package-lock.json /manifests/ \
 && find . -name package.json -not -path '*/node_modules/*' -not -path './package.json' \
      -exec cp --parents {} /manifests/ \;

# ---------------------------------------------------------------------------------------------------
FROM base AS build
ARG SERVICE_PATH
RUN test -n "${SERVICE_PATH}" || (echo 'build with --build-arg SERVICE_PATH=services/<name> (or gateway)' >&2; exit 1)
COPY --from=manifests /manifests/ ./
# --include-workspace-root brings the root devDependencies (typescript); the workspace filter keeps
# the other services' dependencies out. Install scripts are not needed to compile.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --workspace "${SERVICE_PATH}" --include-workspace-root --ignore-scripts
COPY . .
# The entry point is the workspace's package.json "main" (e.g. dist/src/main.js): check it was built.
RUN test -f "${SERVICE_PATH}/package.json" || (echo "no workspace at ${SERVICE_PATH}" >&2; exit 1) \
 && npx tsc -b "${SERVICE_PATH}" \
 && node -e "console.log('entry point:', require.resolve('./${SERVICE_PATH}'))"
# Stage what the runtime needs from each built workspace: its dist/ folder (migrations are compiled
# into it), without the incremental-build state.
RUN mkdir -p /out \
 && for ws in $(node -p "require('./package.json').workspaces.join(' ')"); do \
      if [ -d "$ws/dist" ]; then mkdir -p "/out/$ws" && cp -R "$ws/dist" "/out/$ws/dist"; fi; \
    done \
 && find /out \( -name '*.tsbuildinfo' -o -name '.tsbuildinfo' \) -delete

# ---------------------------------------------------------------------------------------------------
FROM base AS prod-deps
ARG SERVICE_PATH
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace "${SERVICE_PATH}" --ignore-scripts

# ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE_PATH
ARG PORT=50051
# Space-separated Debian packages of this image only (certificate: "chromium fonts-noto-core"). Installed first,
# so the layer is shared by rebuilds of the same service and unaffected by code changes.
ARG RUNTIME_APT_PACKAGES=""
RUN if [ -n "${RUNTIME_APT_PACKAGES}" ]; then \
      apt-get update \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${RUNTIME_APT_PACKAGES} \
      && rm -rf /var/lib/apt/lists/*; \
    fi
LABEL org.opencontainers.image.title="lms-fleet ${SERVICE_PATH}" \
      org.opencontainers.image.description="LMS Fleet process built from the ${SERVICE_PATH} workspace"
# NODE_OPTIONS: V8's young generation capped at 4 MiB per semi-space (Node 20 grows them to 16 MiB at start-up and
# keeps them idle: −24 MiB of RSS per process at the same CPU per request; see scripts/run.sh, bench/README.md).
# MALLOC_ARENA_MAX: 2 glibc malloc arenas instead of up to 8 × cores (freed memory they hold stays in RSS): −3–4 MiB.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=4 \
    MALLOC_ARENA_MAX=2 \
    SERVICE_PATH=${SERVICE_PATH} \
    PROTO_DIR=/app/protos
WORKDIR /app
# Files stay owned by root: the `node` user can read them, not change them.
# package.json files + production node_modules (workspace packages such as @lms/kit are symlinks
# node_modules/@lms/kit -> ../../libs/kit, completed by the dist/ folders copied next).
COPY --from=prod-deps /app/ ./
COPY --from=build /out/ ./
COPY protos/ ./protos/
# Container health check used by docker-compose (Kubernetes uses its native gRPC/HTTP probes).
COPY deploy/docker/healthcheck.js ./deploy/docker/healthcheck.js
# media's local storage (UPLOAD_DIR) and certificate's (CERTIFICATE_DIR) in compose: a named volume mounted here
# starts with this directory's owner, so the `node` user can write to it (Kubernetes uses fsGroup instead).
# Empty in the other images.
RUN mkdir -p /var/lib/lms/media /var/lib/lms/certificates \
 && chown node:node /var/lib/lms/media /var/lib/lms/certificates
# Non-root, which Chromium's own sandbox would require. The certificate service still launches it with
# --no-sandbox (CHROMIUM_SANDBOX=false): the sandbox needs unprivileged user namespaces, which the default
# seccomp profiles of Docker and Kubernetes (RuntimeDefault) refuse without CAP_SYS_ADMIN. docs/deploy.md
# (certificate) lists what confines the renderer instead and how to turn the sandbox on.
USER node
EXPOSE ${PORT}
# `node <workspace>` starts the file named by the workspace's package.json "main"
# (services/auth -> services/auth/dist/src/main.js). `exec` makes node PID 1, so it receives SIGTERM
# directly (graceful shutdown). Other commands of the same image run by overriding the command, e.g.
# `node services/auth/dist/src/cli/migrate.js`.
CMD ["/bin/sh", "-c", "exec node \"${SERVICE_PATH}\""]
