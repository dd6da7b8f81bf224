export * from './decider';
export * from './stream-name';
export * from './command-context';
export * from './load-aggregate';
export * from './command-handler';
export * from './revision-conflict';
export * from './stream-folder';
export * from './aggregates';
