import fc from 'fast-check';
import { COMPONENTS, DEFINITION } from '../../support/joint-credential';
import type { FuzzWorld } from './fuzz-world';
import type { Operation } from './openapi-operations';
import type { PropertyHint } from './schema-arbitrary';

/** The ids a path parameter of this operation names, by the collection it sits under. */
export function knownIdsFor(op: Operation, param: string, world: FuzzWorld): string[] {
  const { ids } = world;
  const collection = op.path.split('/')[1];
  if (collection === 'contexts') return param === 'name' ? ids.contexts.map((c) => c.name) : ids.contexts.map((c) => c.version);
  if (param === 'keyId') return [ids.keyId, 'key-2'];
  if (param === 'version') return ['1', '2', '0'];
  if (param === 'name') return ids.contexts.map((c) => c.name);
  if (param === 'listId') return [ids.statusList];
  if (param === 'streamId') return ids.streams;
  if (param === 'institutionId') return [ids.lead, ids.partner, ids.outsider];
  if (param === 'credentialId') return [ids.credential];
  switch (collection) {
    case 'institutions':
      return [ids.lead, ids.partner, ids.outsider];
    case 'credential-specs':
      return [ids.spec];
    case 'enrolments':
      return [ids.enrolment];
    case 'learners':
      return [ids.learner];
    case 'assessment-results':
      return ids.results;
    case 'credentials':
      return [ids.credential];
    case 'status-lists':
      return [ids.statusList];
    default:
      return [ids.credential];
  }
}

export function allKnownIds(world: FuzzWorld): string[] {
  const { ids } = world;
  return [ids.lead, ids.partner, ids.outsider, ids.spec, ids.enrolment, ids.learner, ...ids.results, ids.credential, ids.statusList];
}

/** A property name's likely meaning, from the seeded world: so that valid-ish bodies reach the domain rules. */
export function propertyHint(world: FuzzWorld): PropertyHint {
  const { ids } = world;
  const institutions = fc.constantFrom(ids.lead, ids.partner, ids.outsider);
  const byName: Record<string, fc.Arbitrary<unknown>> = {
    institutionId: institutions,
    credentialSpecId: fc.constant(ids.spec),
    specId: fc.constant(ids.spec),
    enrolmentId: fc.oneof(fc.constant(ids.enrolment), fc.uuid()),
    learnerId: fc.oneof(fc.constant(ids.learner), fc.uuid()),
    credentialId: fc.constant(ids.credential),
    componentCode: fc.constantFrom(...COMPONENTS.map((c) => c.code), 'NONE'),
    grade: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constantFrom('A', 'pass')),
    learner: fc.record({
      givenName: fc.constantFrom('Ada', 'Grace'),
      familyName: fc.constantFrom('Lovelace', 'Hopper'),
      email: fc.emailAddress(),
    }),
    consent: fc.record({ givenAt: fc.constant(new Date().toISOString()), textVersion: fc.constantFrom('v1', 'v2') }),
    assessedOn: fc.constantFrom(new Date().toISOString().slice(0, 10), '2001-02-03', '2999-01-01'),
    countryCode: fc.constantFrom('DK', 'NL', 'FR', 'XX', 'dk'),
    homepage: fc.constantFrom('https://example.org', 'http://localhost', 'ftp://x'),
    did: fc.constantFrom('did:web:example.org', 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 'did:web:'),
    amendmentId: fc.uuid(),
    awardingBodies: fc.constant([
      { institutionId: ids.lead, lead: true },
      { institutionId: ids.partner, lead: false },
    ]),
  };
  return (name) => byName[name];
}

/** Bodies known to pass validation, for the writes whose documented schema says too little to build one. */
export function knownBodies(world: FuzzWorld): Record<string, unknown[]> {
  const { ids } = world;
  const reason = { reason: 'fuzz check' };
  const today = new Date().toISOString().slice(0, 10);
  const definition = {
    ...DEFINITION,
    title: 'Coastal Flood Resilience',
    awardingBodies: [
      { institutionId: ids.lead, lead: true },
      { institutionId: ids.partner, lead: false },
    ],
    components: COMPONENTS.map((c) => ({ code: c.code, title: c.title, institutionId: c.member === 0 ? ids.lead : ids.partner, ects: 2 })),
  };
  return {
    'POST /institutions': [{ name: 'Fuzz University', legalName: 'Fuzz University', countryCode: 'DE', homepage: 'https://fuzz.example' }],
    'POST /credential-specs': [definition],
    'POST /credential-specs/{id}/versions': [definition],
    'PUT /credential-specs/{id}': [definition],
    'POST /enrolments': [
      {
        learner: { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' },
        credentialSpecId: ids.spec,
        institutionId: ids.lead,
        consent: { givenAt: new Date().toISOString(), textVersion: 'v1' },
      },
    ],
    'POST /assessment-results': [
      {
        enrolmentId: ids.enrolment,
        componentCode: 'RISK',
        grade: 7,
        assessedOn: today,
        assessmentType: 'Project',
        supervision: 'supervised-onsite-identity-verification',
      },
    ],
    'POST /assessment-results/{id}/amendments': [{ grade: 8, reason: 'second marking' }],
    'POST /verifications': [world.credential],
    'POST /enrolments/{id}/withdraw': [reason],
    'POST /enrolments/{id}/transfer': [reason],
    'POST /learners/{id}/erasure': [reason],
    'POST /credentials/{id}/suspension': [reason],
    'POST /credentials/{id}/reinstatement': [reason],
    'POST /credentials/{id}/revocation': [reason],
    'PUT /institutions/{id}/signing-policy': [{ policy: 'automatic' }, { policy: 'manual' }],
    'POST /credential-specs/{id}/approvals': [{ comment: 'approved' }],
    'POST /read-model-replays': [{ projection: 'catalogue.institutions' }],
  };
}
