import { type AuthenticatedActor, mintToken, type Role } from '@alliance/nest-kit';
import { pollUntil } from '@alliance/event-sourcing';

/** The development token settings every service accepts when AUTH_* is left at its defaults. */
export const DEV_AUTH = {
  AUTH_JWT_SECRET: 'development-only-secret-change-me-0000',
  AUTH_ISSUER: 'alliance-platform',
  AUTH_AUDIENCE: 'alliance-api',
};

export function token(role: Role, institution?: string): Promise<string> {
  return mintToken(
    { subject: `${role}-${institution ?? 'alliance'}`, role, ...(institution ? { institution } : {}) } as AuthenticatedActor,
    DEV_AUTH,
  );
}

/** One JSON request; any status outside `expected` fails with the body, which names the problem. */
export async function call<T = Record<string, unknown>>(
  method: string,
  url: string,
  body?: unknown,
  bearer?: string,
  expected = [200, 201],
): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${url} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface Patience {
  /** How long an eventually-consistent step may take before the scenario fails. */
  timeoutMs: number;
  /** Appended to a timeout's message: what the platform logged, to see why it did not happen. */
  diagnostics?: () => string;
}

/** Polls until the probe answers something other than undefined: the services converge asynchronously. */
export function eventually<T>(probe: () => Promise<T | undefined>, what: string, patience: Patience): Promise<T> {
  return pollUntil(probe, {
    timeoutMs: patience.timeoutMs,
    intervalMs: 100,
    timedOut: () =>
      new Error(`timed out after ${patience.timeoutMs} ms waiting for ${what}; platform output:\n${patience.diagnostics?.() ?? '(none)'}`),
  });
}
