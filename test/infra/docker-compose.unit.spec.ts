import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@alliance/nest-kit';
import { ALL_SERVICES } from '@alliance/composition';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** Resolves `${VAR:-default}` the way compose does when VAR is unset. */
const interpolate = (value: string) => String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');

describe('docker-compose.yml (cannot run here: validated by parsing)', () => {
  it('runs Kafka in KRaft mode, KurrentDB and PostgreSQL with health checks', () => {
    for (const engine of ['kafka', 'kurrentdb', 'postgres']) {
      expect(compose.services[engine]?.image).toBeTruthy();
      expect(compose.services[engine]?.healthcheck?.test.length).toBeGreaterThan(0);
    }
    expect(compose.services['kafka']!.environment!['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(compose.services['kafka']!.image).toMatch(/:3\.9\./);
  });

  it.each(ALL_SERVICES.map((d) => [d.name, d] as const))(
    'names %s with a real Dockerfile, port and valid variables',
    (name, descriptor) => {
      const service = compose.services[name];
      expect(service).toBeDefined();
      const dockerfile = join(root, service!.build!.dockerfile);
      expect(existsSync(dockerfile)).toBe(true);
      const docker = readFileSync(dockerfile, 'utf8');
      expect(docker).toMatch(/^USER node$/m);
      // One image recipe for every service: the build arguments name the service it starts and its port.
      expect(service!.build!.args).toEqual({ SERVICE: name, PORT: String(descriptor.defaultPort) });
      expect(docker).toMatch(new RegExp(`case "\\$SERVICE" in [a-z|]*\\b${name}\\b`));
      expect(docker).toContain('dist/apps/${SERVICE}/src/main.js');
      expect(docker).toMatch(/^ENV .*SERVICE=\$\{SERVICE\} PORT=\$\{PORT\}/m);
      expect(docker).toMatch(/HEALTHCHECK/);
      expect(service!.ports).toEqual([`${descriptor.defaultPort}:${descriptor.defaultPort}`]);
      expect(service!.healthcheck?.test.join(' ')).toContain(`${descriptor.defaultPort}/health/ready`);
      expect(Object.keys(service!.depends_on ?? {})).toEqual(expect.arrayContaining(['kafka', 'postgres']));

      const known = new Set(Object.keys(new descriptor.configSchema()));
      const env = Object.fromEntries(Object.entries(service!.environment ?? {}).map(([k, v]) => [k, interpolate(v)]));
      expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
      const config = loadConfig(name, descriptor.configSchema, env);
      expect(config.PORT).toBe(descriptor.defaultPort);
      expect(config.BUS).toBe('kafka');
      expect(config.READ_MODEL).toBe('postgres');
    },
  );

  it('lists no service the code does not have', () => {
    const apps = Object.entries(compose.services)
      .filter(([, s]) => s.build)
      .map(([n]) => n);
    expect(apps.sort()).toEqual(ALL_SERVICES.map((d) => d.name).sort());
  });
});
