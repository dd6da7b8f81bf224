import type { ProjectionContext, RecordedEvent } from '@alliance/event-sourcing';
import type { CredentialSpecEvent } from '../../domain/credential-spec/credential-spec.events';
import {
  type CredentialSpec,
  evolveCredentialSpec,
  latestVersion,
  type SpecVersion,
} from '../../domain/credential-spec/credential-spec.state';
import { presentFields } from '../../domain/present-fields';
import { assignRow, batchCached, NO_AUTOFLUSH } from './batch-cache';
import { CredentialSpecBodyRows, CredentialSpecRows, CredentialSpecVersionRows, type LifecycleEntry } from './credential-spec-rows';

interface SpecRow {
  revision: number;
  createdAt: string;
}
type Nullable<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] };
type VersionRow = Nullable<SpecVersion> & { history: LifecycleEntry[] };
interface BodyRow {
  institutionId: string;
}

/**
 * Folds a definition event with the domain's `evolve` (the state is read back from the version rows, so it
 * is stored once), then writes the summary, version and awarding body rows.
 */
export async function projectCredentialSpec(event: RecordedEvent, { em, entity }: ProjectionContext): Promise<void> {
  const Specs = entity(CredentialSpecRows);
  const Versions = entity(CredentialSpecVersionRows);
  const Bodies = entity(CredentialSpecBodyRows);
  const data = event.data as { credentialSpecId: string; version: number };
  const id = data.credentialSpecId;
  const rows = await batchCached(em, `credential-spec:${id}`, async () => ({
    spec: (await em.findOne(Specs, { id }, NO_AUTOFLUSH)) as SpecRow | null,
    versions: new Map(((await em.find(Versions, { specId: id }, NO_AUTOFLUSH)) as VersionRow[]).map((v) => [v.version, v])),
    bodies: new Map(((await em.find(Bodies, { specId: id }, NO_AUTOFLUSH)) as BodyRow[]).map((b) => [b.institutionId, b])),
  }));
  if (rows.spec && rows.spec.revision >= event.revision) return;
  const state = evolveCredentialSpec(stateOf(id, rows.versions), { type: event.type, data: event.data } as CredentialSpecEvent);
  if (!state) return;

  const latest = latestVersion(state);
  const inForce = [...state.versions].reverse().find((v) => v.status === 'published');
  const lead = latest.definition.awardingBodies.find((b) => b.lead) ?? latest.definition.awardingBodies[0];
  const columns = {
    title: latest.definition.title,
    titleKey: latest.definition.title.toLowerCase(),
    latestVersion: latest.version,
    latestStatus: latest.status,
    publishedVersion: inForce?.version ?? null,
    ects: latest.definition.ects,
    eqfLevel: latest.definition.eqfLevel,
    formOfParticipation: latest.definition.formOfParticipation,
    leadInstitutionId: lead.institutionId,
    awardingInstitutionIds: latest.definition.awardingBodies.map((b) => b.institutionId),
    createdAt: rows.spec?.createdAt ?? event.metadata.occurredAt,
    updatedAt: event.metadata.occurredAt,
    revision: event.revision,
  };
  if (rows.spec) assignRow(em, rows.spec, columns);
  else rows.spec = em.create(Specs, { id, ...columns }) as SpecRow;

  for (const v of state.versions) {
    const current = rows.versions.get(v.version);
    const touched = v.version === data.version || (event.type === 'CredentialSpecPublished' && current?.status !== v.status);
    if (current && !touched) continue;
    const values = {
      specId: id,
      version: v.version,
      status: v.status,
      title: v.definition.title,
      ects: v.definition.ects,
      definition: v.definition,
      published: v.published ?? null,
      requiredApprovals: v.requiredApprovals,
      approvals: v.approvals,
      history: [...(current?.history ?? []), ...(v.version === data.version ? [entryOf(event)] : [])],
      createdAt: v.createdAt,
      proposedAt: v.proposedAt ?? null,
      publishedAt: v.publishedAt ?? null,
      retiredAt: v.retiredAt ?? null,
    };
    if (current) assignRow(em, current, values);
    else rows.versions.set(v.version, em.create(Versions, { id: `${id}@v${v.version}`, ...values }) as VersionRow);
  }

  if (
    event.type === 'CredentialSpecDrafted' ||
    event.type === 'CredentialSpecDraftRevised' ||
    event.type === 'CredentialSpecVersionDrafted'
  ) {
    const stale = new Map(rows.bodies);
    for (const b of latest.definition.awardingBodies) {
      const current = rows.bodies.get(b.institutionId);
      if (current) assignRow(em, current, { lead: b.lead });
      else
        rows.bodies.set(
          b.institutionId,
          em.create(Bodies, { id: `${id}|${b.institutionId}`, specId: id, institutionId: b.institutionId, lead: b.lead }) as BodyRow,
        );
      stale.delete(b.institutionId);
    }
    for (const [institutionId, gone] of stale) {
      em.remove(gone);
      rows.bodies.delete(institutionId);
    }
  }
}

/** The aggregate state as the version rows hold it (undefined before the first event). */
function stateOf(credentialSpecId: string, versions: Map<number, VersionRow>): CredentialSpec | undefined {
  if (versions.size === 0) return undefined;
  return {
    credentialSpecId,
    versions: [...versions.values()]
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        version: v.version,
        status: v.status,
        definition: v.definition,
        requiredApprovals: v.requiredApprovals,
        approvals: v.approvals,
        createdAt: v.createdAt,
        ...presentFields({ proposedAt: v.proposedAt, publishedAt: v.publishedAt, retiredAt: v.retiredAt, published: v.published }),
      })),
  };
}

function entryOf(event: RecordedEvent): LifecycleEntry {
  const data = event.data as { institutionId?: string; reason?: string };
  const { actor } = event.metadata;
  return {
    event: event.type,
    at: event.metadata.occurredAt,
    by: actor.subject,
    ...(actor.role ? { role: actor.role } : {}),
    ...(data.institutionId ? { institutionId: data.institutionId } : {}),
    ...(data.reason ? { reason: data.reason } : {}),
  };
}
