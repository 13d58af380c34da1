// Original file: protos/lms/eventlog/v1/event_log.proto


export interface LoggedEvent {
  'seq'?: (string);
  'cloud_event_json'?: (string);
}

export interface LoggedEvent__Output {
  'seq': (string);
  'cloud_event_json': (string);
}
