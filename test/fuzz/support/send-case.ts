import type { FuzzCase } from './fuzz-case';
import type { FuzzWorld } from './fuzz-world';

export interface FuzzOutcome {
  status: number;
  contentType: string;
  text: string;
}

/** What the fuzzer expects of an answer; a non-empty list is a finding. */
export function problemsWith(outcome: FuzzOutcome): string[] {
  if (outcome.status >= 500) return [`answered ${outcome.status}`];
  if (outcome.status < 400) return [];
  if (!outcome.contentType.startsWith('application/problem+json'))
    return [`${outcome.status} is ${outcome.contentType || 'untyped'}, not application/problem+json`];
  let problem: { status?: unknown; code?: unknown; errors?: { field?: unknown }[] };
  try {
    problem = JSON.parse(outcome.text) as typeof problem;
  } catch {
    return [`${outcome.status} problem is not JSON`];
  }
  const findings: string[] = [];
  if (problem.status !== outcome.status) findings.push(`problem status ${String(problem.status)} differs from ${outcome.status}`);
  const namesField =
    Array.isArray(problem.errors) &&
    problem.errors.length > 0 &&
    problem.errors.every((e) => typeof e.field === 'string' && e.field.length > 0);
  const namesCode = typeof problem.code === 'string' && problem.code.length > 0;
  if (!namesField && !namesCode) findings.push(`${outcome.status} problem names neither a field nor a code`);
  return findings;
}

/** Sends one case with its correlation id, so that what it caused can be found in the audit log. */
export async function sendCase(world: FuzzWorld, c: FuzzCase, correlationId: string): Promise<FuzzOutcome> {
  const bearer = world.tokens[c.caller];
  const headers: Record<string, string> = {
    'x-correlation-id': correlationId,
    ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    ...(c.contentType ? { 'content-type': c.contentType } : {}),
  };
  const body = c.body === undefined ? undefined : 'raw' in c.body ? c.body.raw : JSON.stringify(c.body.json);
  const base = world.urls[c.service as keyof FuzzWorld['urls']];
  try {
    const res = await fetch(`${base}${c.target}`, {
      method: c.method,
      headers,
      ...(body !== undefined && c.method !== 'GET' ? { body } : {}),
      signal: AbortSignal.timeout(20_000),
    });
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
  } catch (e) {
    // No answer at all (a crash, a hang, a reset connection) is worse than a 500.
    return { status: 599, contentType: '', text: String((e as Error).cause ?? e) };
  }
}

/** The case as a one-line summary: enough to see what was sent without replaying it. */
export function describeCase(c: FuzzCase): string {
  const body = c.body === undefined ? '' : 'raw' in c.body ? c.body.raw : JSON.stringify(c.body.json);
  return `${c.method} ${c.service}${c.target.slice(0, 200)} as ${c.caller}${c.contentType ? ` (${c.contentType})` : ''}${body ? ` body ${body.slice(0, 300)}` : ''}`;
}
