import { appendAndReadContract } from './contract-append-read';
import { concurrencyContract } from './contract-concurrency';
import { runPrefix } from './contract-fixtures';
import { hashChainContract } from './contract-hash-chain';
import { idempotencyContract } from './contract-idempotency';
import { payloadContract } from './contract-payloads';
import { readAllContract } from './contract-read-all';
import { subscriptionContract } from './contract-subscription';
import type { ContractCapabilities, ContractContext, EventStoreHarness } from './event-store-harness';

/**
 * The one contract every `EventStore` adapter passes. Call it from an adapter's spec file with a
 * factory for a fresh harness; all tests share one store and write under a unique stream prefix.
 */
export function eventStoreContract(name: string, factory: () => Promise<EventStoreHarness>, capabilities: ContractCapabilities): void {
  describe(`EventStore contract: ${name}`, () => {
    const ctx = { prefix: runPrefix(), capabilities } as ContractContext;

    beforeAll(async () => {
      ctx.harness = await factory();
      ctx.store = await ctx.harness.open();
    }, 60_000);

    afterAll(async () => {
      await ctx.store?.close();
      await ctx.harness?.dispose();
    }, 60_000);

    appendAndReadContract(ctx);
    concurrencyContract(ctx);
    readAllContract(ctx);
    idempotencyContract(ctx);
    subscriptionContract(ctx);
    payloadContract(ctx);
    hashChainContract(ctx);
  });
}
