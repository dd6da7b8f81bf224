import { AAU, facts, KTU } from './catalogue-facts.fixture';
import { enrolmentWithRegistrar } from './registrar.fixture';

// A whole service per file, on a machine other test files share.
jest.setTimeout(30_000);

const learner = { givenName: 'Ada', familyName: 'Lovelace', email: 'ada@example.org' };
const consent = { givenAt: '2026-01-20T09:00:00.000Z', textVersion: 'v3' };
const valid = { learner, credentialSpecId: 'spec-energy', institutionId: AAU, consent };

describe('enrolment over HTTP: bad input is a clear 4xx problem and writes nothing', () => {
  const svc = enrolmentWithRegistrar(['spec-energy', 'spec-closed']);
  beforeAll(async () => {
    await facts(svc.bus).retired('spec-closed', 1);
  });

  /** Sends, checks status, problem+json, code and named field, and that the store did not move. */
  async function rejected(body: unknown, status: number, code: string, field?: string, auth = svc.registrar) {
    const head = await svc.runtime.eventStore.headPosition();
    const res = await svc
      .http()
      .post('/enrolments')
      .set('authorization', auth)
      .send(body as object);
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(res.text);
    if (code) expect(problem.code ?? problem.type).toContain(code);
    if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await svc.runtime.eventStore.headPosition()).toBe(head);
    return problem;
  }

  it.each([
    ['a missing learner', { ...valid, learner: undefined }, 'learner'],
    ['an invalid email', { ...valid, learner: { ...learner, email: 'not-an-email' } }, 'learner.email'],
    ['an impossible date of birth', { ...valid, learner: { ...learner, dateOfBirth: '1990-02-30' } }, 'learner.dateOfBirth'],
    ['consent without a text version', { ...valid, consent: { givenAt: consent.givenAt } }, 'consent.textVersion'],
    ['an unknown property', { ...valid, extra: 1 }, 'extra'],
  ])('400 for %s, naming the field', async (_name, body, field) => {
    await rejected(body, 400, 'validation-failed', field);
  });

  it('409 for a definition never published, or retired', async () => {
    await rejected({ ...valid, credentialSpecId: 'spec-draft' }, 409, 'enrolment.spec-not-published', 'credentialSpecId');
    await rejected({ ...valid, credentialSpecId: 'spec-closed' }, 409, 'enrolment.spec-retired', 'credentialSpecId');
  });

  it('422 for an enrolling institution that does not award the credential, 403 for staff of another institution', async () => {
    await rejected(
      { ...valid, institutionId: KTU },
      422,
      'enrolment.institution-not-awarding-body',
      'institutionId',
      await svc.bearer('registrar', KTU),
    );
    await rejected(valid, 403, 'enrolment.other-institution', 'institutionId', await svc.bearer('registrar', KTU));
    await rejected(valid, 403, 'forbidden', undefined, await svc.bearer('auditor'));
  });

  it('422 for consent dated in the future', async () => {
    await rejected(
      { ...valid, consent: { ...consent, givenAt: '2099-01-01T00:00:00Z' } },
      422,
      'enrolment.consent-in-future',
      'consent.givenAt',
    );
  });

  it('409 for a second active enrolment of the same learner in the same definition', async () => {
    const first = await svc.http().post('/enrolments').set('authorization', svc.registrar).send(valid);
    expect(first.status).toBe(201);
    const problem = await rejected(
      { ...valid, learner: { ...learner, email: 'ADA@EXAMPLE.ORG' } },
      409,
      'enrolment.duplicate-active-enrolment',
      'credentialSpecId',
    );
    expect(problem.existingEnrolmentId).toBe(first.body.enrolmentId);
  });

  it('404 for an unknown learner id or enrolment, 400 for a malformed enrolment id or a bad status filter', async () => {
    await rejected({ ...valid, learnerId: '0190a3c4-0000-7000-8000-000000000000' }, 404, 'enrolment.learner-not-found', 'learnerId');
    const unknown = '0190a3c4-0000-7000-8000-0000000000ff';
    const missing = await svc.http().get(`/enrolments/${unknown}`).set('authorization', svc.registrar);
    expect(missing.status).toBe(404);
    const withdraw = await svc.http().post(`/enrolments/${unknown}/withdraw`).set('authorization', svc.registrar).send({ reason: 'x' });
    expect(withdraw.status).toBe(404);
    const malformed = await svc.http().get('/enrolments/nope').set('authorization', svc.registrar);
    expect({ status: malformed.status, field: JSON.parse(malformed.text).errors[0].field }).toEqual({ status: 400, field: 'id' });
    const bad = await svc.http().get('/enrolments').query({ status: 'paused' }).set('authorization', svc.registrar);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].field).toBe('status');
  });

  it('leaves no learner key behind for a refused new learner', async () => {
    await rejected(
      { ...valid, learner: { ...learner, email: 'nobody@example.org' }, credentialSpecId: 'spec-closed' },
      409,
      'enrolment.spec-retired',
    );
    const list = await svc.http().get('/enrolments').query({ learner: 'nobody@example.org' }).set('authorization', svc.registrar);
    expect(list.body.total).toBe(0);
  });

  it('requires a reason to withdraw, and only the enrolling institution may withdraw', async () => {
    // An enrolment of its own, so the case runs alone too.
    const own = await svc
      .http()
      .post('/enrolments')
      .set('authorization', svc.registrar)
      .send({ ...valid, learner: { ...learner, email: 'withdrawing@example.org' } });
    expect(own.status).toBe(201);
    const list = await svc.http().get('/enrolments').query({ learner: 'withdrawing@example.org' }).set('authorization', svc.registrar);
    const id = list.body.items[0].enrolmentId;
    const noReason = await svc.http().post(`/enrolments/${id}/withdraw`).set('authorization', svc.registrar).send({});
    expect(noReason.status).toBe(400);
    expect(JSON.parse(noReason.text).errors[0].field).toBe('reason');
    // Another institution's enrolment is, to its staff, one that does not exist.
    const other = await svc
      .http()
      .post(`/enrolments/${id}/withdraw`)
      .set('authorization', await svc.bearer('registrar', KTU))
      .send({ reason: 'x' });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 404, code: 'enrolment.enrolment-not-found' });
  });
});
