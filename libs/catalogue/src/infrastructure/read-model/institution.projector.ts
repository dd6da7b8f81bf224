import type { ProjectionContext, RecordedEvent } from '@alliance/event-sourcing';
import type { InstitutionEvent } from '../../domain/institution/institution.events';
import { evolveInstitution } from '../../domain/institution/institution.state';
import { InstitutionRows, SigningKeyRows } from './institution-rows';

/**
 * Folds an institution event with the domain's own `evolve` and writes the rows from the result, so the
 * read model can never disagree with the aggregate. Events at or below the row's revision were applied already.
 */
export async function projectInstitution(event: RecordedEvent, { em, entity }: ProjectionContext): Promise<void> {
  const Institutions = entity(InstitutionRows);
  const Keys = entity(SigningKeyRows);
  const id = (event.data as { institutionId: string }).institutionId;
  const row = await em.findOne(Institutions, { id });
  if (row && row.revision >= event.revision) return;
  const state = evolveInstitution(row?.state, { type: event.type, data: event.data } as InstitutionEvent);
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
  if (row) em.assign(row, columns);
  else em.create(Institutions, { id, ...columns });

  const existing = new Map((await em.find(Keys, { institutionId: id })).map((k) => [k.keyId, k]));
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
    };
    const current = existing.get(k.keyId);
    if (current) em.assign(current, values);
    else em.create(Keys, { id: `${id}#${k.keyId}`, ...values });
  });
}
