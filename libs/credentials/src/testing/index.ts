export * from './test-tls';
export * from './did-web-test-server';
export * from './trusting-did-web-resolver';
