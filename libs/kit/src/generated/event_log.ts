import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { EventLogServiceClient as _lms_eventlog_v1_EventLogServiceClient, EventLogServiceDefinition as _lms_eventlog_v1_EventLogServiceDefinition } from './lms/eventlog/v1/EventLogService';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  lms: {
    eventlog: {
      v1: {
        EventLogService: SubtypeConstructor<typeof grpc.Client, _lms_eventlog_v1_EventLogServiceClient> & { service: _lms_eventlog_v1_EventLogServiceDefinition }
        LoggedEvent: MessageTypeDefinition
        ReadEventsRequest: MessageTypeDefinition
        ReadEventsResponse: MessageTypeDefinition
      }
    }
  }
}

