export * from './errors';
export * from './pagination';
export * from './system';
export * from './events';
export * from './freshness';
export * from './sources';
export * from './sync';
export * from './auth';
