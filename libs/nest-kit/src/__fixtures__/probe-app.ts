import { Module, type Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createServiceApp } from '../bootstrap/start-service';
import { loadConfig } from '../config/load-config';
import { ServiceConfig } from '../config/service-config';
import { NestKitModule } from '../nest-kit.module';

/**
 * The `probe` service with the service kit and `controllers`, configured by `settings` (logging silent):
 * created and initialised before the tests of the describe block that calls it, closed after them.
 */
export function probeApp(controllers: Type[], settings: Record<string, string> = {}) {
  const config = loadConfig('probe', ServiceConfig, { LOG_LEVEL: 'silent', ...settings });
  let started: NestExpressApplication | undefined;
  beforeAll(async () => {
    @Module({ imports: [NestKitModule.forRoot({ service: 'probe', config })], controllers })
    class ProbeModule {}
    started = await createServiceApp({ service: 'probe', description: 'probe', module: ProbeModule, config });
    await started.init();
  });
  afterAll(() => started?.close());
  const app = (): NestExpressApplication => {
    if (!started) throw new Error('the probe app is created in beforeAll: use it inside a test');
    return started;
  };
  return { config, app, http: () => request(app().getHttpServer()) };
}
