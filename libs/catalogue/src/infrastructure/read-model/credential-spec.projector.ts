import type { ProjectionContext, RecordedEvent } from '@alliance/event-sourcing';
import type { CredentialSpecEvent } from '../../domain/credential-spec/credential-spec.events';
import { evolveCredentialSpec, latestVersion } from '../../domain/credential-spec/credential-spec.state';
import { CredentialSpecBodyRows, CredentialSpecRows, CredentialSpecVersionRows, type LifecycleEntry } from './credential-spec-rows';

/** Folds a definition event with the domain's `evolve`, then writes the summary, version and body rows. */
export async function projectCredentialSpec(event: RecordedEvent, { em, entity }: ProjectionContext): Promise<void> {
  const Specs = entity(CredentialSpecRows);
  const Versions = entity(CredentialSpecVersionRows);
  const Bodies = entity(CredentialSpecBodyRows);
  const data = event.data as { credentialSpecId: string; version: number };
  const id = data.credentialSpecId;
  const row = await em.findOne(Specs, { id });
  if (row && row.revision >= event.revision) return;
  const state = evolveCredentialSpec(row?.state, { type: event.type, data: event.data } as CredentialSpecEvent);
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
    createdAt: row?.createdAt ?? event.metadata.occurredAt,
    updatedAt: event.metadata.occurredAt,
    revision: event.revision,
    state,
  };
  if (row) em.assign(row, columns);
  else em.create(Specs, { id, ...columns });

  const versions = new Map((await em.find(Versions, { specId: id })).map((v) => [v.version, v]));
  for (const v of state.versions) {
    const current = versions.get(v.version);
    const history = [...(current?.history ?? []), ...(v.version === data.version ? [entryOf(event)] : [])];
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
      history,
      createdAt: v.createdAt,
      proposedAt: v.proposedAt ?? null,
      publishedAt: v.publishedAt ?? null,
      retiredAt: v.retiredAt ?? null,
    };
    if (current) em.assign(current, values);
    else em.create(Versions, { id: `${id}@v${v.version}`, ...values });
  }

  const bodies = new Map((await em.find(Bodies, { specId: id })).map((b) => [b.institutionId, b]));
  for (const b of latest.definition.awardingBodies) {
    const current = bodies.get(b.institutionId);
    if (current) em.assign(current, { lead: b.lead });
    else em.create(Bodies, { id: `${id}|${b.institutionId}`, specId: id, institutionId: b.institutionId, lead: b.lead });
    bodies.delete(b.institutionId);
  }
  for (const gone of bodies.values()) em.remove(gone);
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
