import type { StatusListLayout } from '../../domain/status-list/status-list.constants';

/** One status list as the read model holds it: its issuer and the entries that carry a status. */
export interface StatusListView {
  listId: string;
  institutionId: string;
  layout: StatusListLayout;
  length: number;
  /** Moves whenever a bit changes: a signed copy is good until it moves. */
  changedPosition: number;
  entries: { index: number; revoked: boolean; suspended: boolean }[];
}

export interface StatusListQueries {
  statusList(listId: string): Promise<StatusListView | undefined>;
  /** Where the list's bits last changed, without reading them (absent: the list is read to learn it). */
  changedPosition?(listId: string): Promise<number | undefined>;
  /** Ids of the lists an institution issues. */
  listsOf(institutionId: string): Promise<string[]>;
}
