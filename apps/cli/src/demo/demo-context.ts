import type { Role } from '@alliance/nest-kit';
import type { DemoClients } from './demo-services';
import type { Patience } from './demo-wait';

/** Mints a bearer token the running platform accepts; the CLI signs them with the local AUTH_JWT_SECRET. */
export type DemoTokens = (role: Role, institution?: string) => Promise<string>;

/** What every step of the story needs: the services, tokens, patience for the bus, and a line to say what happened. */
export interface DemoContext {
  clients: DemoClients;
  token: DemoTokens;
  patience: Patience;
  step(line: string): void;
}

/** A member as the demo names it in its output. */
export interface DemoMember {
  id: string;
  name: string;
  /** What the member's proofs name in `verificationMethod`, before the `#`. */
  did: string;
}
