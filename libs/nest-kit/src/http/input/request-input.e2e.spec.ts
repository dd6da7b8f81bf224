import type request from 'supertest';
import { InputProbeController } from '../../__fixtures__/input-probe.controller';
import { probeApp } from '../../__fixtures__/probe-app';

type Problem = { status: number; type: string; errors?: { field: string; message: string }[] };

describe('request input at the edge of every service', () => {
  const { config, http } = probeApp([InputProbeController], { PUBLIC_RATE_LIMIT_PER_MINUTE: '0', HTTP_TEXT_MAX_LENGTH: '500' });
  const json = (path: string, text: string) => http().post(path).set('content-type', 'application/json').send(text);
  const problem = (res: request.Response) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return JSON.parse(res.text) as Problem;
  };
  const fields = (res: request.Response) => (problem(res).errors ?? []).map((e) => e.field);

  it('takes clean input, normalised to NFC', async () => {
    const res = await json('/input/enrolments', JSON.stringify({ name: 'Jose\u0301', consent: { textVersion: 'v1' } })).expect(200);
    expect(res.body).toEqual({ name: 'Jos\u00e9', consent: { textVersion: 'v1' } });
    expect((await http().get('/input/items?learner=Jose%CC%81&offset=3').expect(200)).body).toMatchObject({
      learner: 'Jos\u00e9',
      offset: 3,
    });
  });

  it.each([
    ['a NUL', { name: 'x\u0000y' }, 'name'],
    ['a NUL in a nested field', { name: 'x', consent: { textVersion: 'v1\u0000' } }, 'consent.textVersion'],
    ['a lone surrogate', { name: 'x\ud800' }, 'name'],
    ['another control character', { name: 'x\u0007' }, 'name'],
    ['an over-long string', { name: 'x'.repeat(501) }, 'name'],
  ])('refuses %s in a body with 400 naming the field', async (_, body, field) => {
    const res = await json('/input/enrolments', JSON.stringify(body)).expect(400);
    expect(problem(res)).toMatchObject({ status: 400, type: expect.stringMatching(/validation-failed$/) });
    expect(fields(res)).toEqual([field]);
  });

  it('refuses a list where the DTO takes one object, naming the field (not a crash in the handler)', async () => {
    const res = await json('/input/enrolments', JSON.stringify({ name: 'x', consent: [{ textVersion: 'v1' }] })).expect(400);
    expect(problem(res).errors).toEqual([{ field: 'consent', message: 'consent must be an object, not a list' }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a member named %s anywhere in a body', async (key) => {
    const res = await json('/input/enrolments', `{"name":"x","consent":{"textVersion":"v1","${key}":{"polluted":true}}}`).expect(400);
    expect(fields(res)).toEqual([`consent.${key}`]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a body nested 100,000 levels deep with 400 before parsing it, and a too large one with 413', async () => {
    const deep = await json('/input/enrolments', `{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}`).expect(400);
    expect(problem(deep).errors).toEqual([{ field: 'body', message: 'body nests objects and arrays deeper than 32 levels' }]);
    const large = await json('/input/enrolments', JSON.stringify({ name: 'x'.repeat(config.HTTP_BODY_LIMIT_BYTES) })).expect(413);
    expect(problem(large)).toMatchObject({ status: 413, type: expect.stringMatching(/payload-too-large$/) });
    expect(fields(await json('/input/enrolments', '{"name": ').expect(400))).toEqual(['body']);
  });

  it('reads a flat form where the route takes one, and checks its values like any body', async () => {
    const form = (text: string) => http().post('/input/token').set('content-type', 'application/x-www-form-urlencoded').send(text);
    const res = await form('grant_type=urn%3Aietf%3Aparams&tx_code=493536&a%5Bb%5D=1').expect(200);
    // Not extended: a bracketed name stays one flat member, never a nested object.
    expect(res.body).toEqual({ body: { grant_type: 'urn:ietf:params', tx_code: '493536', 'a[b]': '1' } });
    expect(fields(await form('tx_code=49%00353').expect(400))).toEqual(['tx_code']);
    // `__proto__` is dropped by the form parser, never set; `constructor` reaches the edge check and is refused.
    expect((await form('__proto__=x&tx_code=1').expect(200)).body).toEqual({ body: { tx_code: '1' } });
    expect(fields(await form('constructor=y').expect(400))).toEqual(['constructor']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    await form(`code=${'x'.repeat(20_000)}`).expect(413);
    await http().post('/input/token').set('content-type', 'application/json').send('{"grant_type":"x"}').expect(415);
  });

  it('answers 415 to a form, a text or an untyped body on a JSON endpoint, and reads nothing of it', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await http().post('/input/enrolments').set('content-type', type).send('name=x').expect(415);
      expect(problem(res)).toMatchObject({ type: expect.stringMatching(/unsupported-media-type$/), errors: [{ field: 'content-type' }] });
    }
    await http().post('/input/actions').set('content-type', 'application/x-www-form-urlencoded').send('reason=x').expect(415);
    await http().post('/input/actions').expect(200);
    await json('/input/actions', '{}').expect(200);
    await http().post('/input/enrolments').set('content-type', 'application/vc+ld+json').send('{"name":"x"}').expect(200);
  });

  it('reads text only where the route says it takes it, checking it whole', async () => {
    expect((await http().post('/input/csv').set('content-type', 'text/csv').send('a,b\r\n1,2\n').expect(200)).body).toEqual({
      type: 'string',
      body: 'a,b\r\n1,2\n',
    });
    const nul = await http().post('/input/csv').set('content-type', 'text/csv').send('a,b\n1,\u00002\n').expect(400);
    expect(fields(nul)).toEqual(['body']);
    await json('/input/csv', '{"rows":[]}').expect(200);
  });

  it('keeps signed documents verbatim (no NFC, no length cap) while still refusing NUL', async () => {
    const long = 'e\u0301'.repeat(400);
    expect((await json('/input/verbatim', JSON.stringify({ name: long })).expect(200)).body).toEqual({ body: { name: long } });
    expect(fields(await json('/input/verbatim', JSON.stringify({ credentialSubject: { name: 'a\u0000' } })).expect(400))).toEqual([
      'credentialSubject.name',
    ]);
  });

  it('refuses NUL and controls in query values and path parameters, naming them', async () => {
    expect(fields(await http().get('/input/items?learner=%00').expect(400))).toEqual(['learner']);
    expect(fields(await http().get('/input/items?learner=a%0Ab').expect(400))).toEqual(['learner']);
    expect(fields(await http().get('/input/items/%00').expect(400))).toEqual(['id']);
    expect(fields(await http().get('/input/items?__proto__=x').expect(400))).toEqual(['__proto__']);
  });

  it('range-checks offset and limit on list endpoints, naming the parameter', async () => {
    for (const offset of ['100000000000000000000', '-1', '1.5', 'abc', '1e3', '2147483648']) {
      expect({ offset, fields: fields(await http().get(`/input/items?offset=${offset}`).expect(400)) }).toEqual({
        offset,
        fields: ['offset'],
      });
    }
    expect(fields(await http().get('/input/items?offset=1&offset=2').expect(400))).toEqual(['offset']);
    expect(fields(await http().get('/input/items?limit=0').expect(400))).toEqual(['limit']);
    expect(fields(await http().get('/input/items?limit=101').expect(400))).toEqual(['limit']);
    expect((await http().get('/input/items?offset=2147483647&limit=100').expect(200)).body).toMatchObject({
      offset: 2147483647,
      limit: 100,
    });
  });

  it('tells a malformed id (400, naming it) from an unknown one, and a malformed path encoding from a crash', async () => {
    expect(fields(await http().get('/input/items/nope').expect(400))).toEqual(['id']);
    await http().get('/input/items/01920000-0000-7000-8000-00000000000a').expect(200);
    expect(fields(await http().get('/input/items/%E0%A4%A').expect(400))).toEqual(['path']);
    expect(fields(await http().get('/input/items/%ED%A0%80').expect(400))).toEqual(['path']);
  });
});
