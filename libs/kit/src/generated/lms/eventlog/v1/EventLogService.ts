// Original file: protos/lms/eventlog/v1/event_log.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ReadEventsRequest as _lms_eventlog_v1_ReadEventsRequest, ReadEventsRequest__Output as _lms_eventlog_v1_ReadEventsRequest__Output } from '../../../lms/eventlog/v1/ReadEventsRequest';
import type { ReadEventsResponse as _lms_eventlog_v1_ReadEventsResponse, ReadEventsResponse__Output as _lms_eventlog_v1_ReadEventsResponse__Output } from '../../../lms/eventlog/v1/ReadEventsResponse';

export interface EventLogServiceClient extends grpc.Client {
  ReadEvents(argument: _lms_eventlog_v1_ReadEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  ReadEvents(argument: _lms_eventlog_v1_ReadEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  ReadEvents(argument: _lms_eventlog_v1_ReadEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  ReadEvents(argument: _lms_eventlog_v1_ReadEventsRequest, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  readEvents(argument: _lms_eventlog_v1_ReadEventsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  readEvents(argument: _lms_eventlog_v1_ReadEventsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  readEvents(argument: _lms_eventlog_v1_ReadEventsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  readEvents(argument: _lms_eventlog_v1_ReadEventsRequest, callback: grpc.requestCallback<_lms_eventlog_v1_ReadEventsResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface EventLogServiceHandlers extends grpc.UntypedServiceImplementation {
  ReadEvents: grpc.handleUnaryCall<_lms_eventlog_v1_ReadEventsRequest__Output, _lms_eventlog_v1_ReadEventsResponse>;
  
}

export interface EventLogServiceDefinition extends grpc.ServiceDefinition {
  ReadEvents: MethodDefinition<_lms_eventlog_v1_ReadEventsRequest, _lms_eventlog_v1_ReadEventsResponse, _lms_eventlog_v1_ReadEventsRequest__Output, _lms_eventlog_v1_ReadEventsResponse__Output>
}
