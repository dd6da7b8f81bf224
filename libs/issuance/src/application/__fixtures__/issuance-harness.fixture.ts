import { randomBytes } from 'node:crypto';
import { InMemoryEventStore } from '@alliance/event-sourcing';
import { institutionsFixture, jointSpec, stackSpec, UNI_A, UNI_B, UNI_C } from '../../domain/__fixtures__/specs.fixture';
import type { SpecSnapshot } from '../../domain/knowledge/spec-snapshot';
import { InMemoryKeyVaultStore } from '../../infrastructure/key-vault/key-vault.port';
import { KeyVault } from '../../infrastructure/key-vault/key-vault';
import { MasterKey } from '../../infrastructure/key-vault/master-key';
import { CollectAutomaticProofsHandler } from '../commands/collect-automatic-proofs';
import { GenerateSigningKeyCommand, GenerateSigningKeyHandler } from '../commands/generate-signing-key';
import { IssueCredentialHandler } from '../commands/issue-credential';
import { issuanceDocumentLoader } from '../issuance-contexts';
import { IssuanceAggregates } from '../issuance-aggregates';
import type { IssuanceSettings } from '../issuance-settings';
import { KnowledgeReader } from '../knowledge/knowledge-reader';
import { PlatformSigner } from '../signing/platform-signer';
import { delegateAutomaticSigning, institutionAdmin, possessionChallenge } from './delegation.fixture';
import { StatusSlotAllocator } from '../status/status-slot-allocator';

export const SYSTEM = { actor: { subject: 'issuance-process-manager', role: 'system' }, correlationId: 'harness' };

/** Issuance's application layer over an in-memory store and vault, with the fixture alliance already known. */
export async function issuanceHarness(cryptosuite: IssuanceSettings['cryptosuite'] = 'eddsa-jcs-2022') {
  const store = new InMemoryEventStore();
  const aggregates = new IssuanceAggregates(store);
  const knowledge = new KnowledgeReader(aggregates);
  const vault = new KeyVault(new InMemoryKeyVaultStore(), MasterKey.fromConfig(randomBytes(32).toString('hex')));
  const settings: IssuanceSettings = { cryptosuite, publicUrl: () => 'https://issuance.test', clock: () => new Date() };
  const contexts = issuanceDocumentLoader(settings);
  const signer = new PlatformSigner(aggregates, knowledge, vault, contexts);
  const collector = new CollectAutomaticProofsHandler(aggregates, signer);
  const issue = new IssueCredentialHandler(aggregates, knowledge, new StatusSlotAllocator(store), settings, collector);
  const generateKey = new GenerateSigningKeyHandler(aggregates, vault, knowledge);

  const learnSpec = (spec: SpecSnapshot) => aggregates.knownSpec.handle(spec.specId, { type: 'LearnSpecVersion', spec }, SYSTEM);
  for (const inst of institutionsFixture().values()) {
    const { institutionId, name, countryCode, did } = inst;
    await aggregates.knownInstitution.handle(
      institutionId,
      { type: 'LearnInstitution', profile: { institutionId, name, countryCode, did, registeredAt: '2025-01-01T00:00:00.000Z' } },
      SYSTEM,
    );
  }
  await learnSpec(jointSpec);
  await learnSpec(stackSpec);

  /**
   * The institution's admin has the platform generate a key for it, the catalogue registers it (as `key-<n>`)
   * and, unless told otherwise, the admin delegates automatic signing.
   */
  async function onboard(
    institutionId: string,
    keyId = 'key-1',
    validFrom = '2025-01-02T00:00:00.000Z',
    validUntil?: string,
    delegate = true,
  ) {
    const generated = await generateKey.execute(
      GenerateSigningKeyCommand.create({
        institutionId,
        challenge: possessionChallenge(institutionId, keyId),
        actor: institutionAdmin(institutionId),
        correlationId: 'onboard',
      }),
    );
    if (delegate) await delegateAutomaticSigning(aggregates, institutionId);
    const did = institutionsFixture().get(institutionId)!.did;
    await aggregates.knownInstitution.handle(
      institutionId,
      {
        type: 'LearnRegisteredKey',
        institutionId,
        key: {
          keyId,
          verificationMethodId: `${did}#${keyId}`,
          publicKeyMultibase: generated.publicKeyMultibase,
          custody: 'issuance-service',
          validFrom,
          ...(validUntil ? { validUntil } : {}),
        },
      },
      SYSTEM,
    );
    return generated;
  }

  return {
    store,
    aggregates,
    knowledge,
    vault,
    signer,
    settings,
    contexts,
    collector,
    issue,
    generateKey,
    learnSpec,
    onboard,
    institutions: [UNI_A, UNI_B, UNI_C],
  };
}
