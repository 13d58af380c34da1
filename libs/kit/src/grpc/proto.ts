import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoDirOverride } from '../config';

/** protos/ at the repository root (also in images: /app/protos). PROTO_DIR overrides it. */
export const PROTO_DIR = protoDirOverride() ?? path.resolve(__dirname, '../../../../protos');

/** Must match scripts/gen-protos.sh so the generated types describe what the loader returns. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};

const cache = new Map<string, grpc.GrpcObject>();

/** Loads a .proto (path relative to protos/) and returns its gRPC object, cached per file. */
export function loadProto(relativeFile: string): grpc.GrpcObject {
  let pkg = cache.get(relativeFile);
  if (!pkg) {
    const definition = protoLoader.loadSync(path.join(PROTO_DIR, relativeFile), LOADER_OPTIONS);
    pkg = grpc.loadPackageDefinition(definition);
    cache.set(relativeFile, pkg);
  }
  return pkg;
}

/** The client constructor (with its `.service` definition) of a fully-qualified service name. */
export function loadService(relativeFile: string, fullName: string): grpc.ServiceClientConstructor {
  const found = fullName
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], loadProto(relativeFile));
  if (typeof found !== 'function' || !('service' in found)) {
    throw new Error(`gRPC service ${fullName} not found in ${relativeFile}`);
  }
  return found as grpc.ServiceClientConstructor;
}
