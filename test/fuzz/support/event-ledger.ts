interface StoredEvent {
  eventId: string;
  metadata?: { correlationId?: string };
}

/** Every event of every service stored since an instant, as the audit API streams it: id and the correlation id of the request that caused it. */
export async function storedEvents(audit: string, auditor: string, since: string): Promise<Map<string, string | undefined>> {
  const res = await fetch(`${audit}/events?from=${encodeURIComponent(since)}`, {
    headers: { accept: 'application/x-ndjson', authorization: `Bearer ${auditor}` },
  });
  if (res.status !== 200) throw new Error(`GET /events answered ${res.status}: ${await res.text()}`);
  const events = new Map<string, string | undefined>();
  for (const line of (await res.text()).split('\n')) {
    if (!line) continue;
    const { store, event } = JSON.parse(line) as { store: string; event: StoredEvent };
    events.set(`${store}/${event.eventId}`, event.metadata?.correlationId);
  }
  return events;
}

/** The store once the services stopped reacting (relays, reactions to integration events, status lists). */
export async function settledEvents(
  audit: string,
  auditor: string,
  since: string,
  quietMs = 300,
): Promise<Map<string, string | undefined>> {
  let last = await storedEvents(audit, auditor, since);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await storedEvents(audit, auditor, since);
    if (now.size === last.size) return now;
    last = now;
  }
  return last;
}
