import type { ProjectionContext, RecordedEvent } from '@alliance/event-sourcing';
import type { InstitutionEvent } from '../../domain/institution/institution.events';
import { evolveInstitution, type Institution } from '../../domain/institution/institution.state';
import { assignRow, batchCached, NO_AUTOFLUSH } from './batch-cache';
import { InstitutionRows, SigningKeyRows } from './institution-rows';

interface InstitutionRow {
  id: string;
  revision: number;
  state: Institution;
}
interface KeyRow {
  keyId: string;
}

/**
 * Folds an institution event with the domain's own `evolve` and writes the rows from the result, so the
 * read model can never disagree with the aggregate. Events at or below the row's revision were applied already.
 */
export async function projectInstitution(event: RecordedEvent, { em, entity }: ProjectionContext): Promise<void> {
  const Institutions = entity(InstitutionRows);
  const Keys = entity(SigningKeyRows);
  const id = (event.data as { institutionId: string }).institutionId;
  const rows = await batchCached(em, `institution:${id}`, async () => ({
    institution: (await em.findOne(Institutions, { id }, NO_AUTOFLUSH)) as InstitutionRow | null,
    keys: new Map(((await em.find(Keys, { institutionId: id }, NO_AUTOFLUSH)) as KeyRow[]).map((k) => [k.keyId, k])),
  }));
  if (rows.institution && rows.institution.revision >= event.revision) return;
  const state = evolveInstitution(rows.institution?.state, { type: event.type, data: event.data } as InstitutionEvent);
  if (!state) return;
  const columns = {
    name: state.name,
    nameKey: state.name.trim().toLowerCase(),
    legalName: state.legalName,
    countryCode: state.countryCode,
    region: state.region ?? null,
    homepage: state.homepage,
    did: state.did,
    status: state.status,
    registeredAt: state.registeredAt,
    updatedAt: event.metadata.occurredAt,
    revision: event.revision,
    state,
  };
  if (rows.institution) assignRow(em, rows.institution, columns);
  else rows.institution = em.create(Institutions, { id, ...columns }) as InstitutionRow;

  state.keys.forEach((k, seq) => {
    const values = {
      institutionId: id,
      seq,
      keyId: k.keyId,
      verificationMethodId: k.verificationMethodId,
      publicKeyMultibase: k.publicKeyMultibase,
      publicKeyJwk: k.publicKeyJwk,
      custody: k.custody,
      validFrom: k.validFrom,
      validUntil: k.validUntil ?? null,
      revokedAt: k.revokedAt ?? null,
      compromisedSince: k.compromisedSince ?? null,
    };
    const current = rows.keys.get(k.keyId);
    if (current) assignRow(em, current, values);
    else rows.keys.set(k.keyId, em.create(Keys, { id: `${id}#${k.keyId}`, ...values }) as KeyRow);
  });
}
