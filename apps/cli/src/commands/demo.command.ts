import { Command, Option } from 'commander';
import { loadConfig, mintToken, ServiceConfig } from '@alliance/nest-kit';
import { DEMO_SERVICES, DemoError, type DemoService, type DemoUrls, demoUrls, EMBEDDED_BASE_PORT, provenanceLines, runDemo } from '../demo';

type DemoOptions = { basePort: string; host: string; timeout: string } & Partial<Record<`${DemoService}Url`, string>>;

/**
 * `demo`: the whole story against a running platform (embedded or distributed), one line per step, then
 * the verified credential and its provenance. Tokens are minted from the local AUTH_JWT_SECRET, which must
 * be the platform's.
 */
export function demoCommand(): Command {
  const command = new Command('demo')
    .description(
      'play the story on a running platform: members and keys, a joint credential approved and published, a learner enrolled and assessed, the co-signed credential verified and traced',
    )
    .option(
      '--base-port <port>',
      'port of the catalogue; the other services follow (embedded: 3001, distributed: 4001)',
      String(EMBEDDED_BASE_PORT),
    )
    .option('--host <host>', 'host of every service', '127.0.0.1')
    .option('--timeout <seconds>', 'how long to wait for each asynchronous step', '120');
  for (const service of DEMO_SERVICES)
    command.addOption(new Option(`--${service}-url <url>`, `base URL of the ${service} service (overrides --base-port)`));
  return command.action(async (opts: DemoOptions) => {
    const urls = urlsFrom(opts);
    const config = loadConfig('cli', ServiceConfig);
    const progress = progressLine();
    const out = (line: string) => {
      progress.clear();
      process.stdout.write(`${line}\n`);
    };
    out(`Alliance credential demo on ${urls.catalogue} … ${urls.audit}`);
    try {
      const outcome = await runDemo({
        urls,
        token: (role, institution) =>
          mintToken(
            { subject: `demo-${role}${institution ? `@${institution}` : ''}`, role, ...(institution ? { institution } : {}) },
            config,
          ),
        patience: { timeoutMs: seconds(opts.timeout, '--timeout') * 1000, onWait: progress.show },
        step: (line) => out(`✓ ${line}`),
      });
      out('');
      out(`── verified credential ${outcome.credentialId} (GET ${urls.issuance}/credentials/${outcome.credentialId}) ──`);
      out(JSON.stringify(outcome.credential, null, 2));
      out('');
      out(`── provenance (GET ${urls.audit}/credentials/${outcome.credentialId}/provenance) ──`);
      out(JSON.stringify(outcome.provenance.summary, null, 2));
      out('');
      out('── timeline, causes first ──');
      for (const line of provenanceLines(outcome.provenance, outcome.members)) out(line);
    } catch (e) {
      progress.clear();
      // The platform's answers already say what to do next; a stack trace would only bury that.
      process.stderr.write(`✗ ${e instanceof Error ? e.message : String(e)}\n`);
      if (!(e instanceof DemoError) && e instanceof Error && /fetch failed|ECONNREFUSED/.test(`${e.message} ${String(e.cause)}`)) {
        process.stderr.write(
          '  is the platform running? start it with `npm start` (or `npm run start:distributed` and `--base-port 4001`)\n',
        );
      }
      process.exitCode = 1;
    }
  });
}

function urlsFrom(opts: DemoOptions): DemoUrls {
  const overrides: Partial<DemoUrls> = {};
  for (const service of DEMO_SERVICES) {
    const url = opts[`${service}Url`];
    if (url) overrides[service] = url;
  }
  return demoUrls(port(opts.basePort), overrides, opts.host);
}

function port(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65535 - DEMO_SERVICES.length)
    throw new Error(`--base-port must be a port number, got ${text}`);
  return value;
}

function seconds(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${option} must be a positive number of seconds, got ${text}`);
  return value;
}

/** Waiting shown on stderr: rewritten in place on a terminal, a line every five seconds otherwise (logs, CI). */
function progressLine() {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  let lastLogged = -Infinity;
  return {
    show(what: string, elapsedMs: number, seen?: string) {
      const text = `… waiting for ${what}${seen ? `: ${seen}` : ''} (${Math.round(elapsedMs / 1000)} s)`;
      if (tty) {
        process.stderr.write(`\r\x1b[2K${text}`);
        shown = true;
      } else if (elapsedMs - lastLogged >= 5000 || elapsedMs < lastLogged) {
        lastLogged = elapsedMs;
        process.stderr.write(`${text}\n`);
      }
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
