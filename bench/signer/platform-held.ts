/**
 * Co-signing with keys the platform holds: each university's admin had issuance generate its key (sealed in
 * the vault), registered it (custody issuance-service) and delegated automatic signing, so drafting a
 * credential also signs it for all three universities in the same step.
 */
import { randomBytes } from 'node:crypto';
import type { CryptosuiteName } from '@alliance/credentials';
import { CollectAutomaticProofsHandler } from '../../libs/issuance/src/application/commands/collect-automatic-proofs';
import { GenerateSigningKeyCommand, GenerateSigningKeyHandler } from '../../libs/issuance/src/application/commands/generate-signing-key';
import {
  delegateAutomaticSigning,
  institutionAdmin,
  possessionChallenge,
} from '../../libs/issuance/src/application/__fixtures__/delegation.fixture';
import { PlatformSigner } from '../../libs/issuance/src/application/signing/platform-signer';
import { InMemoryKeyVaultStore } from '../../libs/issuance/src/infrastructure/key-vault/key-vault.port';
import { KeyVault } from '../../libs/issuance/src/infrastructure/key-vault/key-vault';
import { MasterKey } from '../../libs/issuance/src/infrastructure/key-vault/master-key';
import { issueAll, openAlliance, UNIVERSITIES } from './alliance';

/** One way of co-signing, set up on its own store and kept open so timed batches can alternate with the other way's. */
export interface Scenario {
  /** Issues `count` credentials that no figure counts: keys opened, code paths compiled. */
  warmUp(count: number): Promise<void>;
  /** Grants `count` awards (untimed), then times issuing their credentials until every one is issued; milliseconds. */
  issue(count: number, label: string): Promise<number>;
  /** What the rates alone do not show, over every batch issued so far. */
  notes(): string[];
  close(): Promise<void>;
}

export async function platformHeldKeys(cryptosuite: CryptosuiteName, concurrency: number): Promise<Scenario> {
  const alliance = await openAlliance(cryptosuite);
  try {
    const vault = new KeyVault(new InMemoryKeyVaultStore(), MasterKey.fromConfig(randomBytes(32).toString('hex')));
    const generate = new GenerateSigningKeyHandler(alliance.aggregates, vault, alliance.knowledge);
    for (const u of UNIVERSITIES) {
      const keyId = 'platform-key-1';
      const generated = await generate.execute(
        GenerateSigningKeyCommand.create({
          institutionId: u.institutionId,
          challenge: possessionChallenge(u.institutionId, keyId),
          actor: institutionAdmin(u.institutionId),
          correlationId: 'bench-signer',
        }),
      );
      await delegateAutomaticSigning(alliance.aggregates, u.institutionId);
      await alliance.learnKey(u.institutionId, {
        keyId,
        verificationMethodId: `${u.did}#${keyId}`,
        publicKeyMultibase: generated.publicKeyMultibase,
        custody: 'issuance-service',
      });
    }
    const issuer = alliance.issuer(
      new CollectAutomaticProofsHandler(
        alliance.aggregates,
        new PlatformSigner(alliance.aggregates, alliance.knowledge, vault, alliance.contexts),
      ),
    );
    const batch = async (count: number, label: string) => {
      const awards = await alliance.grantAwards(count, label);
      const started = process.hrtime.bigint();
      await issueAll(issuer, awards, concurrency);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await alliance.expectIssued(
        awards.map((a) => a.credentialId),
        'automatic',
      );
      return ms;
    };
    return {
      warmUp: async (count) => void (await batch(count, 'warmup')),
      issue: batch,
      notes: () => [],
      close: () => alliance.close(),
    };
  } catch (e) {
    await alliance.close();
    throw e;
  }
}
