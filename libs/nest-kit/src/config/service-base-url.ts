import { ServiceConfig } from './service-config';

const DEFAULT_PUBLIC_BASE_URL = new ServiceConfig().PUBLIC_BASE_URL;

/**
 * Where others reach this service: PUBLIC_BASE_URL when one was configured; else the address it listens on
 * (the embedded platform, development, tests), so that URLs it writes into lasting records (did:web
 * identifiers, status list URLs) point at something that answers. A wildcard listening host is never used.
 */
export function serviceBaseUrl(config: Pick<ServiceConfig, 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'>, listeningPort?: number): string {
  if (config.PUBLIC_BASE_URL !== DEFAULT_PUBLIC_BASE_URL) return config.PUBLIC_BASE_URL;
  const port = listeningPort ?? config.PORT;
  if (!port) return config.PUBLIC_BASE_URL;
  const host =
    config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${port}`;
}
