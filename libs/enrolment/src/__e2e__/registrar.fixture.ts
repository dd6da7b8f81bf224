import { AAU, facts, publishedSpec } from './catalogue-facts.fixture';
import { type EnrolmentApp, startEnrolment } from './enrolment-app';

/** Publishes these definitions (version 1) on the service's bus; answers the bearer token of an AAU registrar. */
export async function aauRegistrarWithSpecs(svc: EnrolmentApp, credentialSpecIds: string[]): Promise<string> {
  for (const id of credentialSpecIds) await facts(svc.bus).published(publishedSpec(id));
  return svc.bearer('registrar', AAU);
}

/** The service a suite runs against, with the bearer token of an AAU registrar. */
export type EnrolmentWithRegistrar = EnrolmentApp & { registrar: string };

/**
 * For the enclosing suite: enrolment started with these definitions published (`registrar` holds an AAU registrar's
 * token), closed after the suite. Its fields are there from the suite's first test on.
 */
export function enrolmentWithRegistrar(credentialSpecIds: string[]): EnrolmentWithRegistrar {
  const suite = {} as EnrolmentWithRegistrar;
  beforeAll(async () => {
    Object.assign(suite, await startEnrolment());
    suite.registrar = await aauRegistrarWithSpecs(suite, credentialSpecIds);
  }, 60_000);
  afterAll(() => suite.close?.());
  return suite;
}
