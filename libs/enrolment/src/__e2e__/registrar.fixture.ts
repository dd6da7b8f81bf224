import { AAU, facts, publishedSpec } from './catalogue-facts.fixture';
import type { EnrolmentApp } from './enrolment-app';

/** Publishes these definitions (version 1) on the service's bus; answers the bearer token of an AAU registrar. */
export async function aauRegistrarWithSpecs(svc: EnrolmentApp, credentialSpecIds: string[]): Promise<string> {
  for (const id of credentialSpecIds) await facts(svc.bus).published(publishedSpec(id));
  return svc.bearer('registrar', AAU);
}
