#!/usr/bin/env bash
# Regenerates the TypeScript types of every gRPC contract into libs/kit/src/generated.
# The options must match the runtime loader's (libs/kit/src/grpc/proto.ts): keepCase, String longs/enums, defaults, oneofs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=libs/kit/src/generated
rm -rf "$out"
mapfile -t files < <(cd protos && find lms -name '*.proto' | sort)
npx proto-loader-gen-types --keepCase --longs=String --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --inputTemplate='%s' --outputTemplate='%s__Output' \
  --includeDirs=protos --outDir="$out" "${files[@]}" >/dev/null
echo "generated types for ${#files[@]} proto file(s) in $out"
