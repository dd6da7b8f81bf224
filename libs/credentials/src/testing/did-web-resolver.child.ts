// A did:web resolver in its own process, started by `startTrustingDidWebResolver` with NODE_EXTRA_CA_CERTS set
// (Node reads it only at start-up). Reads `{ "id", "did" }` lines on stdin, answers one JSON line per request.
import { createInterface } from 'node:readline';
import { DidWebHttpsResolver } from '../did/did-web-https-resolver';
import { DidWebResolutionError } from '../did/did-web-resolution';

const resolver = new DidWebHttpsResolver(JSON.parse(process.argv[2] ?? '{}'));
const answer = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, did } = JSON.parse(line) as { id: number; did: string };
  resolver.resolve(did).then(
    (result) => answer({ id, ok: true, result }),
    (e: unknown) =>
      e instanceof DidWebResolutionError
        ? answer({ id, ok: false, code: e.code, message: e.message, url: e.url })
        : answer({ id, ok: false, code: 'UNEXPECTED', message: (e as Error).message }),
  );
});
answer({ ready: true });
