export * from './storage-fault.error';
export * from './storage-fault-log';
export * from './open-diagnosis';
export * from './database-fault';
