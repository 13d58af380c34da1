// Original file: protos/lms/eventlog/v1/event_log.proto


export interface ReadEventsRequest {
  'after_seq'?: (string);
  'limit'?: (number);
  'types'?: (string)[];
}

export interface ReadEventsRequest__Output {
  'after_seq': (string);
  'limit': (number);
  'types': (string)[];
}
