// The command line needs the story and what it prints; the steps stay internal to the demo.
export type { DemoMember, DemoTokens } from './demo-context';
export { proofsOf, type SignedCredential, signersOf } from './demo-credential';
export { DemoError } from './demo-http';
export { type Provenance, provenanceLines } from './demo-provenance';
export { DEMO_SERVICES, type DemoService, type DemoUrls, demoUrls, EMBEDDED_BASE_PORT } from './demo-services';
export type { VerificationReport } from './demo-verification';
export type { Patience } from './demo-wait';
export { type DemoOutcome, runDemo, type RunDemoOptions } from './run-demo';
