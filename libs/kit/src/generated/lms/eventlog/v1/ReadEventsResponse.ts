// Original file: protos/lms/eventlog/v1/event_log.proto

import type { LoggedEvent as _lms_eventlog_v1_LoggedEvent, LoggedEvent__Output as _lms_eventlog_v1_LoggedEvent__Output } from '../../../lms/eventlog/v1/LoggedEvent';

export interface ReadEventsResponse {
  'events'?: (_lms_eventlog_v1_LoggedEvent)[];
  'next_after_seq'?: (string);
  'end'?: (boolean);
}

export interface ReadEventsResponse__Output {
  'events': (_lms_eventlog_v1_LoggedEvent__Output)[];
  'next_after_seq': (string);
  'end': (boolean);
}
