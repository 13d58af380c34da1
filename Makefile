# LMS Fleet developer entry points. Local infrastructure (PostgreSQL 15,
# RabbitMQ, Redis) runs without Docker via scripts/infra.sh; see that file.
#
#   make deps          apt-get install postgresql-15 / rabbitmq-server / redis-server if missing
#   make install       npm ci, only if node_modules is missing or package-lock.json changed
#   make infra-up      start PostgreSQL :55432, RabbitMQ :55672 (mgmt :55673), Redis :56379
#   make infra-down    stop them
#   make infra-status  show their state
#   make build         npm run build (tsc -b: type-checks every workspace)
#   make lint          architecture rules (dependency-cruiser) + generated gRPC types up to date
#   make test          install + infra-up + build, then jest with the infra URLs exported
#                      (extra jest arguments: make test JEST_ARGS='libs/kit --runInBand')
#   make check-deploy  validate compose, k8s/ and the Helm chart offline, strictly (no check may be skipped):
#                      fetches the pinned helm/kubectl/kubernetes-models into ~/.cache/lms-fleet/tools first
#                      (scripts/install-deploy-tools.sh); needs `make deps` (yamllint, docker-compose)
#   make run / stop    start / stop the whole fleet (scripts/run.sh) and load the demo data (the demo students
#                      earn certificates); media keeps its files in .run/media and certificate its PDFs in
#                      .run/certificates, or with `make run S3=1` (= STORAGE_PROVIDER=s3 make run) in infra's local
#                      s3rver (buckets lms-media-dev, lms-certificates-dev); with `make run TRACES=1` (or TRACES=1 make run)
#                      every process exports its spans to a local OTLP receiver (.run/traces/spans.jsonl) and
#                      `scripts/trace --last` / `scripts/trace <request id>` prints one request as a waterfall
#   make analytics-rebuild  refill analytics' read models from the event logs of auth, catalog, enrollment
#                      and quiz (npm run rebuild -w @lms/analytics; the fleet of `make run` must be running;
#                      `make run` does it by itself when lms_analytics is new)
#   make bench-quiz    quiz attempts through the gateway (bench/quiz-attempts.ts; prints figures, ~2-3 min;
#                      knobs: BENCH_* variables, see bench/README.md)
#   make bench-analytics analytics at scale: 100k enrolments, 5M lesson progress rows bulk-loaded, dashboards'
#                      latency over gRPC, ingestion lag at 2,000 events/s (bench/analytics.ts; ~10 min)
#   make bench-media   100 MB upload and download through the gateway per storage provider (local, s3rver):
#                      MB/s next to a plain file copy, RSS growth of gateway and media (bench/media.ts; ~2 min)
#   make bench-certificates  certificates/s end to end (enrollment.completed → row → PDF) with one Chromium,
#                      latencies, render time, Chromium PSS and service RSS (bench/certificates.ts; ~3 min)
#   make bench-memory  idle memory of the fleet as `make run` starts it (+ demo data): RSS/PSS/V8 heap per process next
#                      to a bare `node -e`, Chromium and the servers, the fleet total (bench/idle-memory.ts; ~2 min)

SHELL := /bin/bash
JEST_ARGS ?=

# install must finish before build; keep prerequisites in order even with -j.
.NOTPARALLEL:

.PHONY: deps install infra-up infra-down infra-status build lint test check-deploy run stop analytics-rebuild bench-quiz bench-analytics bench-media

deps:
	bash scripts/infra.sh deps

install:
	@if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		echo "npm ci"; npm ci --no-audit --no-fund; \
	else \
		echo "node_modules is up to date"; \
	fi

infra-up:
	bash scripts/infra.sh up

infra-down:
	bash scripts/infra.sh down

infra-status:
	bash scripts/infra.sh status

build:
	npm run build

lint:
	npm run lint

test: install infra-up build lint
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" && npx jest $(JEST_ARGS)

check-deploy:
	bash scripts/install-deploy-tools.sh
	CHECK_DEPLOY_STRICT=1 bash scripts/check-deploy.sh

# S3=1: media and certificate store their files in the s3rver of scripts/infra.sh (STORAGE_PROVIDER=s3).
# TRACES=1 reaches scripts/run.sh through the environment (make exports command-line variables to recipes).
S3 ?=
run: install infra-up build
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" \
	  && $(if $(S3),STORAGE_PROVIDER=s3) bash scripts/run.sh

stop:
	bash scripts/run.sh stop

# Against the local fleet: its database on the infra PostgreSQL, the producers on their `make run` ports (the
# config defaults), the internal-call secret `make run` generated. Live events keep flowing meanwhile.
analytics-rebuild: install infra-up build
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" \
	  && secret="$$(sed -n 's/^INTERNAL_SERVICE_SECRET=//p' .run/secrets.env 2>/dev/null)" \
	  && env DATABASE_URL="$${DATABASE_URL%/*}/lms_analytics" NODE_ENV="$${NODE_ENV:-development}" \
	     $${secret:+INTERNAL_SERVICE_SECRET="$$secret"} npm run rebuild -w @lms/analytics

# Benchmarks print figures and are never part of `make test` (bench/README.md). They start the services
# in-process from their TypeScript sources (tsx), which import @lms/kit from its build.
bench-quiz: install infra-up
	npx tsc -b libs/kit
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" && npx tsx bench/quiz-attempts.ts

bench-analytics: install infra-up
	npx tsc -b libs/kit
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" && npx tsx bench/analytics.ts

# Separate processes (auth, catalog, media, gateway) from their builds, so each one's memory can be sampled.
bench-media: install infra-up
	npx tsc -b services/auth services/catalog services/media gateway
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" && npx tsx bench/media.ts

# Separate processes (auth, catalog, enrollment, quiz; certificate as the bench's child) from their builds.
.PHONY: bench-certificates
bench-certificates: install infra-up
	npx tsc -b services/auth services/catalog services/enrollment services/quiz services/certificate
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" && npx tsx bench/certificates.ts

.PHONY: bench-memory
bench-memory: install infra-up build
	infra_env="$$(bash scripts/infra.sh env)" && eval "$$infra_env" && npx tsx bench/idle-memory.ts
