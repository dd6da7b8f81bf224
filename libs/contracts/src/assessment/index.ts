export * from './result-events';
