import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { LOADER_OPTIONS } from '../src/grpc';

/** The kit's gRPC tests' service (fixtures/echo.proto): Say echoes, optionally after a delay or failing. */
const definition = protoLoader.loadSync(path.join(__dirname, 'fixtures/echo.proto'), LOADER_OPTIONS);
export const Echo = (grpc.loadPackageDefinition(definition) as any).lms.test.v1.Echo as grpc.ServiceClientConstructor;

export interface SayRequest { text?: string; fail_with?: string; delay_ms?: number }
export interface SayReply { text: string; request_id: string; trace_id: string; authorization: string; client_ip: string }
export type EchoDefinition = { Say: protoLoader.MethodDefinition<SayRequest, SayReply, Required<SayRequest>, SayReply> } & grpc.ServiceDefinition;
