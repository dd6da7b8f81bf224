import type { ChainBreak } from '../hash-chain/chain-break';

/** A read asked to verify the hash chain and found a link that does not hold. */
export class HashChainBrokenError extends Error {
  readonly code = 'HASH_CHAIN_BROKEN';

  constructor(readonly brokenAt: ChainBreak) {
    super(
      `Hash chain broken at ${brokenAt.streamId}@${brokenAt.revision} (position ${brokenAt.position}, ${brokenAt.reason}): expected ${brokenAt.expectedHash}, found ${brokenAt.foundHash}`,
    );
    this.name = 'HashChainBrokenError';
  }
}
