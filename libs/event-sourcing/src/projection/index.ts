export * from './projection';
export * from './projection-checkpoints';
export * from './projection-lag';
export * from './projection-runner';
export * from './rebuild-projection';
export * from './projection-context';
export * from './projection-daemon';
