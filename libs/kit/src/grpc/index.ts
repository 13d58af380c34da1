export * from './proto';
export * from './metadata';
export * from './server';
export * from './client';
export { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
