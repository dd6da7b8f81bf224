import { probeApp } from './__fixtures__/probe-app';
import { ProbeController } from './__fixtures__/probe.controller';
import { mintToken } from './auth/token-verifier';

describe('service kit over HTTP', () => {
  const { config, http } = probeApp([ProbeController]);

  const token = (role: 'alliance-admin' | 'registrar') => mintToken({ subject: 'u1', role, institution: 'inst-1' }, config);

  it('answers an unknown route with problem+json 404', async () => {
    const res = await http().get('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({ status: 404, title: 'Not Found', instance: '/nowhere', code: 'not-found' });
  });

  it('rejects a protected route without a token (401) and with the wrong role (403)', async () => {
    const none = await http().post('/probe/admin').send({ name: 'x', credits: 1 });
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    const wrong = await http()
      .post('/probe/admin')
      .set('authorization', `Bearer ${await token('registrar')}`)
      .send({ name: 'x', credits: 1 });
    expect(wrong.status).toBe(403);
    // Refusals the framework raises carry a code like the domain's own, so that clients branch on one field.
    expect([JSON.parse(none.text).code, JSON.parse(wrong.text).code]).toEqual(['unauthenticated', 'forbidden']);
    const forged = await http().post('/probe/admin').set('authorization', 'Bearer not.a.jwt').send({});
    expect(forged.status).toBe(401);
  });

  it('lets the right role in and hands the actor to the handler', async () => {
    const res = await http()
      .post('/probe/admin')
      .set('authorization', `Bearer ${await token('alliance-admin')}`)
      .send({ name: 'x', credits: 2 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'x', credits: 2, actor: { subject: 'u1', role: 'alliance-admin', institution: 'inst-1' } });
  });

  it('names every invalid field in a 400 problem', async () => {
    const res = await http()
      .post('/probe/admin')
      .set('authorization', `Bearer ${await token('alliance-admin')}`)
      .send({ name: 3, credits: 0, extra: true });
    expect(res.status).toBe(400);
    const fields = JSON.parse(res.text).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'credits', 'extra']));
  });

  it('rejects malformed JSON with 400, not 500', async () => {
    const res = await http()
      .post('/probe/admin')
      .set('authorization', `Bearer ${await token('alliance-admin')}`)
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('maps domain errors to their status with the field, and hides internals of a crash', async () => {
    const auth = `Bearer ${await token('registrar')}`;
    const domain = await http().get('/probe/domain-error').set('authorization', auth);
    expect(domain.status).toBe(422);
    expect(JSON.parse(domain.text)).toMatchObject({ code: 'probe.not-allowed', errors: [{ field: 'name' }] });
    const crash = await http().get('/probe/crash').set('authorization', auth);
    expect(crash.status).toBe(500);
    expect(crash.text).not.toContain('secret internals');
  });

  it('propagates the caller request id as correlation id', async () => {
    const res = await http().get('/probe/public').set('x-request-id', 'req-123');
    expect(res.headers['x-correlation-id']).toBe('req-123');
    expect(res.body.correlationId).toBe('req-123');
    const generated = await http().get('/probe/public');
    expect(generated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves OpenAPI at /docs-json and liveness publicly', async () => {
    const docs = await http().get('/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready', '/probe/admin']));
    // Who may call an operation is part of its documentation.
    expect(docs.body.paths['/probe/admin'].post['x-roles']).toEqual(['alliance-admin']);
    const live = await http().get('/health/live');
    expect(live.body).toEqual({ status: 'ok', service: 'probe' });
  });
});

describe('service kit limits on public routes', () => {
  const { http } = probeApp([ProbeController], { PUBLIC_RATE_LIMIT_PER_MINUTE: '3', HTTP_BODY_LIMIT_BYTES: '2048' });

  it('answers 429 problem+json with Retry-After once a client spends its budget on a public route, and leaves health probes alone', async () => {
    for (let i = 0; i < 3; i++) await http().get('/probe/public').expect(200);
    const limited = await http().get('/probe/public');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.parse(limited.text)).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      type: expect.stringMatching(/too-many-requests$/),
    });
    for (let i = 0; i < 5; i++) await http().get('/health/live').expect(200);
  });

  it('answers 413 problem+json to a body over the limit, not 500', async () => {
    const res = await http()
      .post('/probe/admin')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(4096), credits: 1 }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.text)).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
      type: expect.stringMatching(/payload-too-large$/),
    });
  });
});
