export * from './tokens';
export * from './revocation-mirror';
export * from './remote';
