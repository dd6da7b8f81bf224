import 'reflect-metadata';
import { runMain } from '@alliance/nest-kit';
import { startPlatform } from './platform';

runMain(async () => {
  const platform = await startPlatform();
  const ready = await Promise.all(
    platform.services.map(async (s) => {
      const res = await fetch(`${s.url}/health/ready`);
      return { service: s.service, url: s.url, ready: res.ok, docs: `${s.url}/docs` };
    }),
  );
  process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'platform ready', services: ready }) + '\n');
  process.stdout.write('\nAlliance credential platform is running (embedded mode):\n');
  for (const r of ready) process.stdout.write(`  ${r.service.padEnd(13)} ${r.url}  ready=${r.ready}  docs: ${r.docs}\n`);
  process.stdout.write('\nStop with Ctrl+C.\n');
  return platform;
});
