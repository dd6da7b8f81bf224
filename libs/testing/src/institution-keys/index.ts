export * from './catalogue-target';
export * from './register-institution-key';
