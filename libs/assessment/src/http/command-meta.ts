import { randomUUID } from 'node:crypto';
import { type AuthenticatedActor, requestContext } from '@alliance/nest-kit';

/** Who asks and in which request: what every command carries into the event metadata. */
export function commandMeta(actor: AuthenticatedActor): { actor: AuthenticatedActor; correlationId: string } {
  return { actor, correlationId: requestContext.correlationId() ?? randomUUID() };
}

/** A validated request DTO as plain JSON data (no class instances, no undefined members). */
export function plain<T>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
