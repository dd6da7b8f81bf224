export * from './test-tls';
export * from './did-web-test-server';
export * from './trusting-did-web-resolver';
export { didJwkOf, handMadeProof, newHolderKey, walletClient, walletRun } from '../oid4vci/testing/holder-wallet';
export { oidfViolations, type OidfSchema } from '../oid4vci/testing/oidf-schemas';
export { readPdf } from '../presentation/testing/read-pdf';
