import { createHash } from 'node:crypto';
import type { SigningRequestV1 } from '@alliance/contracts';
import canonicalize from 'canonicalize';
import { decideSigning } from './signing-decision';

const OWN = '0190f5a0-0000-7000-8000-00000000000a';
const OTHER = '0190f5a0-0000-7000-8000-00000000000b';
const SPEC = '0190f5a0-0000-7000-8000-0000000000ff';
const CREDENTIAL = '0190f5a0-0000-7000-8000-000000000c01';

function request(overrides: Partial<SigningRequestV1> = {}, document?: Record<string, unknown>): SigningRequestV1 {
  const doc = document ?? {
    id: `urn:uuid:${CREDENTIAL}`,
    credentialSubject: { achievement: { id: `urn:alliance:definition:${SPEC}:v2` } },
  };
  return {
    credentialId: CREDENTIAL,
    institutionId: OWN,
    cryptosuite: 'eddsa-jcs-2022',
    document: doc,
    documentDigest: createHash('sha256').update(canonicalize(doc)!, 'utf8').digest('hex'),
    definition: {
      specId: SPEC,
      version: 2,
      title: 'Urban Climate Adaptation',
      awardingBodies: [
        { institutionId: OWN, lead: true },
        { institutionId: OTHER, lead: false },
      ],
      components: [
        { code: 'RISK', title: 'Risk', institutionId: OWN },
        { code: 'DESIGN', title: 'Design', institutionId: OTHER },
      ],
    },
    learnerId: 'l-1',
    results: [
      { componentCode: 'RISK', institutionId: OWN, passed: true, grade: 8, assessedAt: '2026-01-01T00:00:00Z', resultId: 'r1' },
      { componentCode: 'DESIGN', institutionId: OTHER, passed: true, grade: 9, assessedAt: '2026-01-01T00:00:00Z', resultId: 'r2' },
    ],
    signedBy: [],
    requestedAt: '2026-01-02T00:00:00Z',
    ...overrides,
  };
}

describe('a signer decides for itself', () => {
  it('signs a request for its institution, its document, a definition it awards, every component passed', () => {
    expect(decideSigning(request(), OWN, {})).toEqual({ sign: true });
    expect(decideSigning(request(), OWN, { approvedDefinitions: [`${SPEC}@2`] })).toEqual({ sign: true });
  });

  it('refuses a request meant for another institution', () => {
    expect(decideSigning(request({ institutionId: OTHER }), OWN, {})).toMatchObject({ sign: false, code: 'request.other-institution' });
  });

  it('refuses a document that is not the one named: changed content, other credential id, other definition, a proof already in it', () => {
    const r = request();
    expect(decideSigning({ ...r, document: { ...r.document, name: 'Rocket Science' } }, OWN, {})).toMatchObject({
      sign: false,
      code: 'document.mismatch',
    });
    const otherId = { id: 'urn:uuid:someone-else', credentialSubject: { achievement: { id: `urn:alliance:definition:${SPEC}:v2` } } };
    expect(decideSigning(request({}, otherId), OWN, {})).toMatchObject({ sign: false, code: 'document.mismatch' });
    const otherDefinition = {
      id: `urn:uuid:${CREDENTIAL}`,
      credentialSubject: { achievement: { id: 'urn:alliance:definition:other:v1' } },
    };
    expect(decideSigning(request({}, otherDefinition), OWN, {})).toMatchObject({ sign: false, code: 'document.mismatch' });
    const withProof = {
      id: `urn:uuid:${CREDENTIAL}`,
      credentialSubject: { achievement: { id: `urn:alliance:definition:${SPEC}:v2` } },
      proof: [],
    };
    expect(decideSigning(request({}, withProof), OWN, {})).toMatchObject({ sign: false, code: 'document.mismatch' });
  });

  it('refuses a definition that does not name it as an awarding body', () => {
    const r = request();
    expect(
      decideSigning({ ...r, definition: { ...r.definition, awardingBodies: [{ institutionId: OTHER, lead: true }] } }, OWN, {}),
    ).toMatchObject({ sign: false, code: 'definition.not-awarding-body' });
  });

  it("applies the university's own list: not approved, or suspended, is refused whatever the platform says", () => {
    expect(decideSigning(request(), OWN, { approvedDefinitions: ['another-spec'] })).toMatchObject({
      sign: false,
      code: 'definition.not-approved',
    });
    expect(decideSigning(request(), OWN, { approvedDefinitions: [`${SPEC}@1`] })).toMatchObject({
      sign: false,
      code: 'definition.not-approved',
    });
    expect(decideSigning(request(), OWN, { suspendedDefinitions: [SPEC] })).toMatchObject({ sign: false, code: 'definition.suspended' });
  });

  it('refuses when a component has no passing result, naming it', () => {
    const r = request();
    expect(decideSigning({ ...r, results: [r.results[0]!] }, OWN, {})).toEqual({
      sign: false,
      code: 'results.incomplete',
      reason: 'no passing result for component(s) DESIGN',
    });
    expect(decideSigning({ ...r, results: [r.results[0]!, { ...r.results[1]!, passed: false }] }, OWN, {})).toMatchObject({
      sign: false,
      code: 'results.incomplete',
    });
  });
});
