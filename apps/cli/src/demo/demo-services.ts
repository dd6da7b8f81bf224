import { ALL_SERVICES } from '@alliance/composition';
import { ServiceClient } from './demo-http';

export const DEMO_SERVICES = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification', 'audit'] as const;
export type DemoService = (typeof DEMO_SERVICES)[number];
export type DemoUrls = Record<DemoService, string>;
export type DemoClients = Record<DemoService, ServiceClient>;

/** Where the embedded platform listens when PLATFORM_BASE_PORT is left alone. */
export const EMBEDDED_BASE_PORT = 3001;

/**
 * Base URLs of a running platform: both the embedded platform and `distributed up` give each service the
 * base port plus its place in ALL_SERVICES, so that order (not a list of our own) decides the ports.
 */
export function demoUrls(basePort = EMBEDDED_BASE_PORT, overrides: Partial<DemoUrls> = {}, host = '127.0.0.1'): DemoUrls {
  const urls = {} as DemoUrls;
  for (const service of DEMO_SERVICES) {
    const index = ALL_SERVICES.findIndex((d) => d.name === service);
    if (index < 0) throw new Error(`the platform has no ${service} service`);
    urls[service] = overrides[service] ?? `http://${host}:${basePort + index}`;
  }
  return urls;
}

export function demoClients(urls: DemoUrls): DemoClients {
  return Object.fromEntries(DEMO_SERVICES.map((s) => [s, new ServiceClient(s, urls[s])])) as DemoClients;
}
