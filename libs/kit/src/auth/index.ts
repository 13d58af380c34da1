export * from './tokens';
export * from './remote';
