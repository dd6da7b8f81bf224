import { defineProjection, type ProjectionContext, type RecordedEvent } from '@alliance/event-sourcing';
import type {
  CredentialDrafted,
  CredentialReinstated,
  CredentialRevoked,
  CredentialSuspended,
  StatusSlot,
} from '../../domain/credential/credential.events';
import type { StatusListOpened } from '../../domain/status-list/status-list.events';
import { noteListChanged } from './status-list-commits';
import { StatusEntryRows, StatusListRows } from './status-rows';

type Data<E extends { data: unknown }> = RecordedEvent<E['data']>;

async function setBits(
  e: RecordedEvent<{ status: StatusSlot }>,
  { em, entity }: ProjectionContext,
  bits: { revoked?: boolean; suspended?: boolean },
): Promise<void> {
  const { listId, index } = e.data.status;
  await em.nativeUpdate(entity(StatusEntryRows), { id: `${listId}:${index}` }, bits);
  await em.nativeUpdate(entity(StatusListRows), { listId }, { changedPosition: e.position });
  noteListChanged(em, listId);
}

/**
 * The bits behind every status list credential: revocation and suspension per allocated index. A change of
 * bits is reported once committed (status-list-commits.ts), so the list served from memory is dropped then.
 */
export const statusListsProjection = defineProjection({
  name: 'issuance.status-lists',
  version: 2,
  readModels: [StatusListRows, StatusEntryRows],
  handlers: {
    StatusListOpened: async (e: Data<StatusListOpened>, { em, entity }) => {
      const { listId, institutionId, seq, length, layout = 'message' } = e.data;
      await em.upsert(entity(StatusListRows), { listId, institutionId, seq, length, layout, changedPosition: e.position });
    },
    CredentialDrafted: async (e: Data<CredentialDrafted>, { em, entity }) => {
      const { listId, index } = e.data.status;
      await em.upsert(entity(StatusEntryRows), {
        id: `${listId}:${index}`,
        listId,
        statusIndex: index,
        credentialId: e.data.credentialId,
        revoked: false,
        suspended: false,
      });
    },
    CredentialSuspended: async (e: Data<CredentialSuspended>, ctx) => setBits(e, ctx, { suspended: true }),
    CredentialReinstated: async (e: Data<CredentialReinstated>, ctx) => setBits(e, ctx, { suspended: false }),
    CredentialRevoked: async (e: Data<CredentialRevoked>, ctx) => setBits(e, ctx, { revoked: true }),
  },
});
