export * from './errors';
export * from './context';
export * from './config';
export * from './logging';
export * from './health';
