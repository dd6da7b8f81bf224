import { Controller, Get, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Public } from '../auth/auth.decorators';
import { mintToken } from '../auth/token-verifier';
import { createServiceApp } from '../bootstrap/start-service';
import { loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service-config';
import type { Role } from '../context/request-context';
import { NestKitModule } from '../nest-kit.module';
import { MemberStandingSource, memberStandingFrom } from './member-standing-source';

@Controller('records')
class RecordsController {
  @Get()
  list() {
    return { items: [] };
  }

  @Post()
  write() {
    return { written: true };
  }

  @Public()
  @Get('public')
  open() {
    return { public: true };
  }
}

const config = loadConfig('records', ServiceConfig, { LOG_LEVEL: 'silent' });
const bearer = async (role: Role, institution?: string) =>
  `Bearer ${await mintToken({ subject: `${role}-1`, role, ...(institution ? { institution } : {}) }, config)}`;

/** A request to `app` with the bearer token of a `role` (of `institution`). */
async function requestAs(app: NestExpressApplication, method: 'get' | 'head' | 'post', path: string, role: Role, institution?: string) {
  const authorization = await bearer(role, institution);
  return request(app.getHttpServer())[method](path).set({ authorization });
}

async function appWith(standings?: Map<string, string>): Promise<{ app: NestExpressApplication; asked: string[] }> {
  const asked: string[] = [];
  const providers = standings
    ? [{ provide: MemberStandingSource, useValue: memberStandingFrom(async (id) => (asked.push(id), standings.get(id))) }]
    : [];
  // The standing source sits in the context's own module, as services register it, not in the kit's.
  @Module({ controllers: [RecordsController], providers })
  class RecordsModule {}
  @Module({ imports: [NestKitModule.forRoot({ service: 'records', config }), RecordsModule] })
  class RootModule {}
  const app = await createServiceApp({ service: 'records', description: 'records', module: RootModule, config });
  await app.init();
  return { app, asked };
}

describe('reads of a removed member (standings held in memory as a service learnt them)', () => {
  const standings = new Map([
    ['removed-u', 'removed'],
    ['suspended-u', 'suspended'],
    ['active-u', 'active'],
  ]);
  let app: NestExpressApplication;
  let asked: string[];
  beforeAll(async () => ({ app, asked } = await appWith(standings)));
  afterAll(() => app.close());

  it('refuses every read by its registrar and admin with 403 problem+json naming the service and the standing', async () => {
    for (const role of ['registrar', 'institution-admin'] as const) {
      const res = await requestAs(app, 'get', '/records', role, 'removed-u');
      expect({ role, status: res.status, type: res.headers['content-type'] }).toEqual({
        role,
        status: 403,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(JSON.parse(res.text)).toMatchObject({
        status: 403,
        code: 'records.member-removed',
        detail: expect.stringContaining('removed'),
        institutionId: 'removed-u',
        memberStatus: 'removed',
      });
    }
    expect((await requestAs(app, 'head', '/records', 'registrar', 'removed-u')).status).toBe(403);
  });

  it('lets suspended, active and unheard-of members read, and leaves writes to the deciders', async () => {
    for (const institution of ['suspended-u', 'active-u', 'never-heard-of']) {
      const res = await requestAs(app, 'get', '/records', 'registrar', institution);
      expect({ institution, status: res.status }).toEqual({ institution, status: 200 });
    }
    const write = await requestAs(app, 'post', '/records', 'institution-admin', 'removed-u');
    expect(write.status).toBe(201);
  });

  it('never refuses public routes, learners, auditors or the alliance admin, and asks nothing for them', async () => {
    asked.length = 0;
    expect((await request(app.getHttpServer()).get('/records/public')).status).toBe(200);
    expect((await requestAs(app, 'get', '/records/public', 'registrar', 'removed-u')).status).toBe(200);
    for (const role of ['learner', 'auditor', 'alliance-admin'] as const) {
      const res = await requestAs(app, 'get', '/records', role, 'removed-u');
      expect({ role, status: res.status }).toEqual({ role, status: 200 });
    }
    expect(asked).toEqual([]);
  });

  it('still answers 401 before any standing is read when the token is missing', async () => {
    asked.length = 0;
    expect((await request(app.getHttpServer()).get('/records')).status).toBe(401);
    expect(asked).toEqual([]);
  });

  it('remembers a removal, which is final', async () => {
    const again = new Map(standings);
    const { app: other, asked: otherAsked } = await appWith(again);
    try {
      const token = await bearer('registrar', 'removed-u');
      expect((await request(other.getHttpServer()).get('/records').set('authorization', token)).status).toBe(403);
      again.set('removed-u', 'active');
      expect((await request(other.getHttpServer()).get('/records').set('authorization', token)).status).toBe(403);
      expect(otherAsked).toEqual(['removed-u']);
    } finally {
      await other.close();
    }
  });
});

describe('a service without a member standing source', () => {
  it('lets every staff token read', async () => {
    const { app } = await appWith();
    try {
      expect((await requestAs(app, 'get', '/records', 'registrar', 'removed-u')).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
