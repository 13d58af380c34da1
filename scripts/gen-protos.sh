#!/usr/bin/env bash
# Regenerates the TypeScript types of every gRPC contract into libs/kit/src/generated (or the folder given).
# `scripts/gen-protos.sh --check` fails when the committed types are out of date with protos/.
# The options must match the runtime loader's (libs/kit/src/grpc/proto.ts): keepCase, String longs/enums, defaults, oneofs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  bash "$0" "$tmp/generated" >/dev/null
  if ! diff -r "$tmp/generated" libs/kit/src/generated >/dev/null; then
    echo "libs/kit/src/generated is out of date with protos/: run npm run gen:protos and commit" >&2
    exit 1
  fi
  echo "generated gRPC types are up to date"
  exit 0
fi
out=${1:-libs/kit/src/generated}
rm -rf "$out"
mapfile -t files < <(cd protos && find lms -name '*.proto' | sort)
npx proto-loader-gen-types --keepCase --longs=String --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --inputTemplate='%s' --outputTemplate='%s__Output' \
  --includeDirs=protos --outDir="$out" "${files[@]}" >/dev/null
echo "generated types for ${#files[@]} proto file(s) in $out"
