import type { DemoDefinition, DemoGradingScheme } from './demo-alliance';
import type { DemoContext } from './demo-context';
import { DemoError, type Problem, type ServiceClient } from './demo-http';
import { waitFor } from './demo-wait';

export interface DemoEnrolment {
  enrolmentId: string;
  learnerId: string;
  learnerName: string;
}

/** Statuses a service answers until the bus brought it what the previous step wrote elsewhere. */
const NOT_YET = [404, 409, 422];

/**
 * Posts until the service accepts: a coded refusal (`enrolment.spec-not-published`, `assessment.enrolment-not-found`)
 * means it has not heard of the previous step yet. An uncoded one is a wrong address, which no wait mends.
 * `done` lets a refusal count as success (the write happened on an earlier attempt).
 */
async function postWhenKnown<T>(
  ctx: DemoContext,
  client: ServiceClient,
  path: string,
  body: unknown,
  bearer: string,
  what: string,
  done?: (p: Problem) => boolean,
): Promise<T> {
  let last: Problem | undefined;
  return waitFor(
    what,
    async () => {
      const answer = await client.send<T & Problem>('POST', path, { body, bearer, accept: NOT_YET });
      if (answer.status < 300 || (answer.body?.code && done?.(answer.body))) return answer.body;
      if (!answer.body?.code) {
        throw new DemoError(
          `the ${client.service} service at ${client.baseUrl} answered POST ${path} with ${answer.status} (${answer.body?.detail ?? answer.body?.title}): is --${client.service}-url right?`,
        );
      }
      last = answer.body;
      return undefined;
    },
    ctx.patience,
    () => last && `${last.code}: ${last.detail ?? last.title}`,
  );
}

/**
 * Enrols a learner through the lead institution's registrar. The e-mail is new on every run, so a rerun on the
 * same platform gets a new learner instead of the duplicate-enrolment refusal.
 */
export async function enrolLearner(ctx: DemoContext, definition: DemoDefinition): Promise<DemoEnrolment> {
  const lead = definition.awardingBodies.find((b) => b.lead) ?? definition.awardingBodies[0]!;
  const learner = { givenName: 'Ada', familyName: 'Lovelace', email: `ada.lovelace+${Date.now().toString(36)}@example.org` };
  const body = {
    learner,
    credentialSpecId: definition.id,
    institutionId: lead.id,
    consent: { givenAt: new Date().toISOString(), textVersion: 'demo-consent-v1' },
  };
  const registrar = await ctx.token('registrar', lead.id);
  const enrolled = await postWhenKnown<{ enrolmentId?: string; id?: string; learnerId: string }>(
    ctx,
    ctx.clients.enrolment,
    '/enrolments',
    body,
    registrar,
    'the published definition to reach the enrolment service',
  );
  const enrolment = {
    enrolmentId: (enrolled.enrolmentId ?? enrolled.id)!,
    learnerId: enrolled.learnerId,
    learnerName: `${learner.givenName} ${learner.familyName}`,
  };
  ctx.step(`${lead.name} enrolled ${enrolment.learnerName} (learner ${enrolment.learnerId})`);
  return enrolment;
}

/** Each component's result, published by a registrar of the institution that teaches and assesses it. */
export async function publishResults(ctx: DemoContext, definition: DemoDefinition, enrolment: DemoEnrolment): Promise<void> {
  const grade = passingGrade(definition.gradingScheme);
  for (const component of definition.components) {
    const result = {
      enrolmentId: enrolment.enrolmentId,
      componentCode: component.code,
      grade,
      assessedOn: new Date().toISOString().slice(0, 10),
      assessmentType: 'Challenge project',
      supervision: 'supervised-online-identity-verification',
    };
    const registrar = await ctx.token('registrar', component.institutionId);
    const what = `the enrolment to reach the assessment service (${component.code})`;
    await postWhenKnown(
      ctx,
      ctx.clients.assessment,
      '/assessment-results',
      result,
      registrar,
      what,
      (p) => p.code === 'assessment.result-exists',
    );
    const by = definition.awardingBodies.find((b) => b.id === component.institutionId)?.name ?? component.institutionId;
    ctx.step(`${by} published the result of ${component.code} (${component.title}): ${grade}`);
  }
}

/** A grade that passes on the definition's scheme, whichever it is. */
function passingGrade(scheme: DemoGradingScheme | undefined): string | number {
  switch (scheme?.type) {
    case 'numeric':
      return scheme.maximum ?? 100;
    case 'letter':
      return scheme.letters?.[0] ?? 'A';
    default:
      return 'pass';
  }
}
