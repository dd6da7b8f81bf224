import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';

/**
 * Reports the status lists whose bits a transaction changed, once it committed (nothing for a rollback). It is
 * a subscriber of the database's event manager, which every fork and transaction of that database carries.
 */
class StatusListCommitWatcher implements EventSubscriber {
  private readonly changedIn = new WeakMap<object, Set<string>>();

  constructor(private readonly onChanged: (listId: string) => void) {}

  note(em: EntityManager, listId: string): void {
    const transaction = em.getTransactionContext() as object | undefined;
    if (!transaction) return this.onChanged(listId);
    const lists = this.changedIn.get(transaction) ?? new Set<string>();
    lists.add(listId);
    this.changedIn.set(transaction, lists);
  }

  afterTransactionCommit({ transaction }: TransactionEventArgs): void {
    const lists = transaction && this.changedIn.get(transaction);
    if (!lists) return;
    this.changedIn.delete(transaction);
    for (const listId of lists) this.onChanged(listId);
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    if (transaction) this.changedIn.delete(transaction);
  }
}

function watcherOf(em: Pick<EntityManager, 'getEventManager'>): StatusListCommitWatcher | undefined {
  for (const s of em.getEventManager().getSubscribers()) if (s instanceof StatusListCommitWatcher) return s;
  return undefined;
}

/**
 * Called by the status lists projection when it changed a list's bits. Inside a transaction the change is
 * reported after the commit, so whoever hears of it reads the new bits; outside one, at once.
 */
export function noteListChanged(em: EntityManager, listId: string): void {
  watcherOf(em)?.note(em, listId);
}

/**
 * Tells `onChanged` about every status list whose bits the projection changed in this database, right after
 * the change committed (the status list publisher drops its served copy then). One watcher per database.
 */
export function watchStatusListCommits(orm: ReadModelOrm, onChanged: (listId: string) => void): void {
  if (watcherOf(orm.em)) throw new Error('status list changes of this read model database are already watched');
  orm.em.getEventManager().registerSubscriber(new StatusListCommitWatcher(onChanged));
}
