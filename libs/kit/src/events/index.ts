export * from './envelope';
export * from './broker';
export * from './outbox';
export * from './consumer';
export * from './domain-event';
export * from './inbox';
export * from './event-log';
