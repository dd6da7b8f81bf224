export * from './checkpoint-store.port';
export * from './file-checkpoint-store';
export * from './pg-checkpoint-store';
export * from './checkpointed-subscription';
