import { ECIU_MEMBERS } from '../../demo/eciu-demo-data';
import { sustainableEnergyDefinition } from '../../domain/__fixtures__/definition.fixture';
import type { CredentialSpecDefinition } from '../../domain/credential-spec/definition';
import { DraftCredentialSpecCommand, DraftCredentialSpecHandler } from '../commands/draft-credential-spec';
import { ProposeCredentialSpecCommand, ProposeCredentialSpecHandler } from '../commands/propose-credential-spec';
import { ApproveCredentialSpecCommand, ApproveCredentialSpecHandler } from '../commands/approve-credential-spec';
import { PublishCredentialSpecCommand, PublishCredentialSpecHandler } from '../commands/publish-credential-spec';
import { RegisterInstitutionCommand, RegisterInstitutionHandler } from '../commands/register-institution';
import type { CatalogueHarness } from './catalogue-harness';
import { registerKey } from './key-registration';

/** Steps the handler specs share: members registered and active, a definition drafted, proposed, approved, published. */
export function scenario(h: CatalogueHarness) {
  const register = new RegisterInstitutionHandler(h.aggregates, h.directory, h.config);
  const pendingMembers = async (count: number): Promise<string[]> => {
    const ids = [];
    for (const { key: _key, ...profile } of ECIU_MEMBERS.slice(0, count)) {
      ids.push(await register.execute(RegisterInstitutionCommand.create({ ...profile, ...h.meta() })));
    }
    return ids;
  };
  return {
    /** Registered by the alliance-admin, not yet confirmed by their own admins. */
    pendingMembers,
    /** Registered, each activated by its own admin registering `key-1`. */
    async members(count = 3): Promise<string[]> {
      const ids = await pendingMembers(count);
      for (const id of ids) await registerKey(h, id, { keyId: 'key-1' });
      return ids;
    },
    definition([aau, dcu, tuhh]: string[], overrides: Partial<CredentialSpecDefinition> = {}): CredentialSpecDefinition {
      const d = sustainableEnergyDefinition(overrides);
      const map: Record<string, string> = {
        [d.awardingBodies[0].institutionId]: aau,
        [d.awardingBodies[1].institutionId]: dcu,
        [d.awardingBodies[2].institutionId]: tuhh,
      };
      return {
        ...d,
        awardingBodies: overrides.awardingBodies ?? d.awardingBodies.map((b) => ({ ...b, institutionId: map[b.institutionId] })),
        components: overrides.components ?? d.components.map((c) => ({ ...c, institutionId: map[c.institutionId] })),
      };
    },
    async draft(definition: CredentialSpecDefinition): Promise<string> {
      return new DraftCredentialSpecHandler(h.aggregates, h.registry).execute(
        DraftCredentialSpecCommand.create({ definition, ...h.meta() }),
      );
    },
    async propose(credentialSpecId: string) {
      await new ProposeCredentialSpecHandler(h.aggregates, h.registry).execute(
        ProposeCredentialSpecCommand.create({ credentialSpecId, ...h.meta() }),
      );
    },
    async approve(credentialSpecId: string, institution: string) {
      await new ApproveCredentialSpecHandler(h.aggregates).execute(
        ApproveCredentialSpecCommand.create({
          credentialSpecId,
          ...h.meta({ role: 'institution-admin', institution, subject: `admin@${institution}` }),
        }),
      );
    },
    async publish(credentialSpecId: string) {
      await new PublishCredentialSpecHandler(h.aggregates, h.registry).execute(
        PublishCredentialSpecCommand.create({ credentialSpecId, ...h.meta() }),
      );
    },
  };
}
