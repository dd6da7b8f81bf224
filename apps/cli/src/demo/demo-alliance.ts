import { seedDemo, type SeedDemoOptions } from '@alliance/catalogue';
import type { DemoContext, DemoMember } from './demo-context';
import { ensureIssuanceHeldKeys } from './demo-signing-keys';

export interface DemoComponent {
  code: string;
  title: string;
  institutionId: string;
}

export interface DemoGradingScheme {
  type: 'pass-fail' | 'numeric' | 'letter';
  maximum?: number;
  letters?: string[];
}

/** The published joint definition, with what the rest of the story needs of it. */
export interface DemoDefinition {
  id: string;
  title: string;
  version: number;
  awardingBodies: (DemoMember & { lead: boolean })[];
  components: DemoComponent[];
  gradingScheme?: DemoGradingScheme;
}

interface SpecView {
  id: string;
  title: string;
  status: string;
  publishedVersion?: number;
  current: {
    approvals: { institutionId: string }[];
    definition: {
      ects: number;
      awardingBodies: { institutionId: string; lead: boolean; name?: string }[];
      components: DemoComponent[];
      gradingScheme?: DemoGradingScheme;
    };
  };
}

/**
 * The alliance side of the story, reusing the catalogue's own demo seed: the ECIU members (pending until
 * each member's own admin registers a key), a signing key for each held by issuance on that admin's behalf,
 * then the joint definition drafted, approved by each awarding body and published.
 */
export async function seedAlliance(ctx: DemoContext): Promise<{ members: DemoMember[]; definition: DemoDefinition }> {
  const admin = await ctx.token('alliance-admin');
  let members: DemoMember[] = [];
  const seed: SeedDemoOptions = {
    baseUrl: ctx.clients.catalogue.baseUrl,
    allianceAdminToken: admin,
    institutionAdminToken: (institutionId) => ctx.token('institution-admin', institutionId),
    provideKeys: async (institutions) => {
      members = institutions.map(({ id, name, did }) => ({ id, name, did }));
      const created = institutions.filter((i) => i.created).length;
      ctx.step(
        created === members.length
          ? `registered ${members.length} ECIU member universities`
          : `${members.length} ECIU member universities in the catalogue (${created ? `${created} newly registered, ` : ''}${members.length - created} from an earlier run)`,
      );
      await ensureIssuanceHeldKeys(ctx, members, admin);
    },
  };

  const published = await seedDemo({ ...seed, publish: true });
  const spec = await ctx.clients.catalogue.json<SpecView>('GET', `/credential-specs/${published.credentialSpec.id}`, { bearer: admin });
  const memberOf = (id: string) => members.find((m) => m.id === id);
  const nameOf = (id: string) => memberOf(id)?.name ?? id;
  for (const approval of spec.current.approvals) ctx.step(`${nameOf(approval.institutionId)} approved "${spec.title}"`);
  if (spec.status !== 'published') throw new Error(`"${spec.title}" is ${spec.status}, not published: see the catalogue's log`);
  const { definition } = spec.current;
  const awardingBodies = definition.awardingBodies.map((b) => ({
    id: b.institutionId,
    name: b.name ?? nameOf(b.institutionId),
    did: memberOf(b.institutionId)?.did ?? '',
    lead: b.lead,
  }));
  ctx.step(
    `"${spec.title}" published (version ${spec.publishedVersion}, ${definition.ects} ECTS), co-awarded by ${listNames(awardingBodies)}`,
  );
  return {
    members,
    definition: {
      id: spec.id,
      title: spec.title,
      version: spec.publishedVersion ?? 1,
      awardingBodies,
      components: definition.components,
      gradingScheme: definition.gradingScheme,
    },
  };
}

function listNames(bodies: (DemoMember & { lead: boolean })[]): string {
  const names = bodies.map((b) => (b.lead ? `${b.name} (lead)` : b.name));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'nobody');
}
