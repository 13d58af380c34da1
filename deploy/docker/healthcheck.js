#!/usr/bin/env node
// Container health check for docker-compose (Kubernetes uses its native gRPC / HTTP probes instead).
//
//   node deploy/docker/healthcheck.js grpc 127.0.0.1:50051      -> grpc.health.v1.Health/Check, service ""
//   node deploy/docker/healthcheck.js http http://127.0.0.1:8080/readyz
//
// Exits 0 when SERVING / HTTP 2xx, 1 otherwise. Uses only packages every image already has
// (@grpc/grpc-js and @grpc/proto-loader, through @lms/kit) and PROTO_DIR (/app/protos in images).
'use strict';
const path = require('node:path');

const [mode, target] = process.argv.slice(2);
const TIMEOUT_MS = 2000;

function done(ok, detail) {
  if (!ok) process.stderr.write(`unhealthy: ${detail}\n`);
  process.exit(ok ? 0 : 1);
}

if (mode === 'http') {
  fetch(target, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
    (res) => done(res.ok, `HTTP ${res.status}`),
    (err) => done(false, err.message),
  );
} else if (mode === 'grpc') {
  const grpc = require('@grpc/grpc-js');
  const protoLoader = require('@grpc/proto-loader');
  const protoDir = process.env.PROTO_DIR || path.resolve(__dirname, '../../protos');
  const definition = protoLoader.loadSync(path.join(protoDir, 'grpc/health/v1/health.proto'), {
    keepCase: true,
    enums: String,
    defaults: true,
    includeDirs: [protoDir],
  });
  const { Health } = grpc.loadPackageDefinition(definition).grpc.health.v1;
  const client = new Health(target, grpc.credentials.createInsecure());
  client.Check({ service: '' }, { deadline: Date.now() + TIMEOUT_MS }, (err, res) => {
    client.close();
    if (err) done(false, err.message);
    else done(res.status === 'SERVING', `status ${res.status}`);
  });
} else {
  done(false, 'usage: healthcheck.js grpc <host:port> | http <url>');
}
