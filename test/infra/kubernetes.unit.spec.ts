import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '@alliance/nest-kit';
import { ALL_SERVICES } from '@alliance/composition';

interface K8sDoc {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
interface Container {
  name: string;
  ports: { containerPort: number }[];
  env: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom: { configMapRef?: { name: string } }[];
  readinessProbe: { httpGet: { path: string } };
  livenessProbe: { httpGet: { path: string } };
}

const dir = join(__dirname, '..', '..', 'infra', 'k8s');
const docs: K8sDoc[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJSON() as K8sDoc;
    }),
  );

describe('Kubernetes manifests (validated by parsing)', () => {
  const configMap = docs.find((d) => d.kind === 'ConfigMap')!;
  const secret = docs.find((d) => d.kind === 'Secret')!;

  it.each(ALL_SERVICES.map((d) => [d.name, d] as const))(
    'deploy %s with probes, replicas and a valid configuration',
    (name, descriptor) => {
      const deployment = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === name)!;
      expect(deployment).toBeDefined();
      const spec = deployment.spec as { replicas: number; template: { spec: { containers: Container[] } } };
      expect(spec.replicas).toBeGreaterThanOrEqual(1);
      const [container] = spec.template.spec.containers;
      expect(container!.ports[0]!.containerPort).toBe(descriptor.defaultPort);
      expect(container!.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container!.livenessProbe.httpGet.path).toBe('/health/live');
      const service = docs.find((d) => d.kind === 'Service' && d.metadata.name === name)!;
      expect(service).toBeDefined();

      const env: Record<string, string> = { ...configMap.data };
      for (const e of container!.env) env[e.name] = e.value ?? secret.stringData?.[e.name] ?? '';
      const known = new Set(Object.keys(new descriptor.configSchema()));
      expect(Object.keys(env).filter((k) => !known.has(k))).toEqual([]);
      expect(loadConfig(name, descriptor.configSchema, env).PORT).toBe(descriptor.defaultPort);
    },
  );

  it('scales the stateless consumer services beyond one replica', () => {
    const replicas = docs.filter((d) => d.kind === 'Deployment').map((d) => (d.spec as { replicas: number }).replicas);
    expect(replicas.filter((r) => r > 1).length).toBeGreaterThanOrEqual(4);
  });
});
