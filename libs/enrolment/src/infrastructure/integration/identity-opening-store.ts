import type { EventStore, RecordedEvent, SubscribeOptions } from '@alliance/event-sourcing';
import type { ProtectedIdentity } from '../../domain/protected-identity';
import type { OpenedIdentity, IdentityVault } from '../../application/personal-data/identity-vault';

/** The key under which an enrolment event handed to the outbox mapper carries the learner's opened identity. */
export const OPENED_IDENTITY = '__openedIdentity';

/**
 * The outbox relay maps events synchronously, but the learner's name must be opened with their key first.
 * This view of the store opens it on the subscription path (where back-pressure lets us wait), attaching
 * the clear identity to the event copy the mapper sees; the stored event is never changed. After an
 * erasure a republished enrolment carries the identity as erased.
 */
export function withOpenedIdentities(store: EventStore, vault: IdentityVault): EventStore {
  const subscribeToAll = (options: SubscribeOptions) =>
    store.subscribeToAll({
      ...options,
      handler: async (event) => options.handler(await opened(event, vault)),
    });
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'subscribeToAll') return subscribeToAll;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function opened(event: RecordedEvent, vault: IdentityVault): Promise<RecordedEvent> {
  const identity = (event.data as { identity?: ProtectedIdentity } | null)?.identity;
  if (event.type !== 'LearnerEnrolled' || !identity) return event;
  const clear: OpenedIdentity = await vault.open(identity);
  return { ...event, data: { ...(event.data as object), [OPENED_IDENTITY]: clear } };
}
