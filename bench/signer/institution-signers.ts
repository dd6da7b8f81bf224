/**
 * Co-signing with keys each university holds itself: one signer per university, its Ed25519 key in its own
 * file key store, registered with custody institution; the universities keep the default signing policy
 * (their own signer). Drafting only drafts; the three signers pull the requests, apply their local policy,
 * sign, log and deliver, and issuance checks every proof before it counts. A credential is issued with the
 * third proof.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CryptosuiteName } from '@alliance/credentials';
import { openKeyStore, type RoundResult, SignatureLog, signatureLogPath, type SigningKeyStore, SignerService } from '@alliance/signer';
import pino from 'pino';
import { CollectAutomaticProofsHandler } from '../../libs/issuance/src/application/commands/collect-automatic-proofs';
import type { IssueCredentialHandler } from '../../libs/issuance/src/application/commands/issue-credential';
import { PlatformSigner } from '../../libs/issuance/src/application/signing/platform-signer';
import { SigningRequests } from '../../libs/issuance/src/application/signing/signing-requests';
import { InMemoryKeyVaultStore } from '../../libs/issuance/src/infrastructure/key-vault/key-vault.port';
import { KeyVault } from '../../libs/issuance/src/infrastructure/key-vault/key-vault';
import { MasterKey } from '../../libs/issuance/src/infrastructure/key-vault/master-key';
import { type Alliance, DEFINITION_ID, type GrantedAward, issueAll, median, openAlliance, UNIVERSITIES } from './alliance';
import { DraftedCredentials } from './drafted-credentials';
import { InProcessPlatformClient } from './in-process-client';
import type { Scenario } from './platform-held';

export interface SignerOptions {
  /** How long a signer that found nothing to sign waits before asking again. */
  pollMs: number;
  /** Give up when one batch has not been issued after this long. */
  timeoutMs: number;
}

const KEY_ID = 'signer-key-1';

export async function institutionSigners(cryptosuite: CryptosuiteName, concurrency: number, options: SignerOptions): Promise<Scenario> {
  const alliance = await openAlliance(cryptosuite);
  const signerHome = mkdtempSync(join(tmpdir(), 'bench-signer-homes-'));
  const stores: SigningKeyStore[] = [];
  const logs: SignatureLog[] = [];
  const close = async () => {
    for (const log of logs) log.close();
    for (const store of stores) await store.close();
    await alliance.close();
    rmSync(signerHome, { recursive: true, force: true });
  };
  try {
    const queries = new DraftedCredentials(alliance.aggregates);
    const requests = new SigningRequests(alliance.aggregates, alliance.knowledge, queries, alliance.contexts);
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const signers: SignerService[] = [];
    for (const [i, u] of UNIVERSITIES.entries()) {
      const home = join(signerHome, `signer-${i + 1}`);
      const keyStore = { kind: 'file' as const, directory: join(home, 'keys'), passphrase: randomBytes(24).toString('base64url') };
      const enrolment = await openKeyStore(keyStore);
      const { publicKeyMultibase } = await enrolment.generate(KEY_ID);
      await enrolment.close();
      const verificationMethodId = `${u.did}#${KEY_ID}`;
      await alliance.learnKey(u.institutionId, { keyId: KEY_ID, verificationMethodId, publicKeyMultibase, custody: 'institution' });
      const store = await openKeyStore(keyStore);
      stores.push(store);
      const log = new SignatureLog(signatureLogPath(home)).open();
      logs.push(log);
      signers.push(
        new SignerService({
          identity: {
            institutionId: u.institutionId,
            keyId: KEY_ID,
            verificationMethodId,
            publicKeyMultibase,
            registeredAt: new Date().toISOString(),
          },
          store,
          log,
          client: new InProcessPlatformClient(requests, { institutionId: u.institutionId, verificationMethodId }),
          policy: { approvedDefinitions: [DEFINITION_ID] },
          logger: logger.child({ institutionId: u.institutionId }),
          documentLoader: alliance.contexts,
        }),
      );
    }
    // The platform holds no key for anyone: automatic collection finds nobody to sign for and only the draft is made.
    const emptyVault = new KeyVault(new InMemoryKeyVaultStore(), MasterKey.fromConfig(randomBytes(32).toString('hex')));
    const issuer = alliance.issuer(
      new CollectAutomaticProofsHandler(
        alliance.aggregates,
        new PlatformSigner(alliance.aggregates, alliance.knowledge, emptyVault, alliance.contexts),
      ),
    );

    const total: Tally = { rounds: 0, idle: 0, signed: 0, resent: 0, refused: 0, failed: 0, lists: 0 };
    let timedMs = 0;
    let queryLoads = 0;
    let credentials = 0;
    const msPerLoad: number[] = [];
    const msPerAppend: number[] = [];
    const batch = async (count: number, label: string) => {
      const awards = await alliance.grantAwards(count, label);
      const loadsBefore = queries.loads;
      const started = process.hrtime.bigint();
      const tally = await issueThroughSigners(issuer, awards, concurrency, signers, queries, options, warnings);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await alliance.expectIssued(
        awards.map((a) => a.credentialId),
        'institution-signer',
      );
      return { awards, ms, tally, loads: queries.loads - loadsBefore };
    };
    return {
      warmUp: async (count) => void (await batch(count, 'warmup')),
      issue: async (count, label) => {
        const { awards, ms, tally, loads } = await batch(count, label);
        for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += tally[k];
        timedMs += ms;
        queryLoads += loads;
        credentials += awards.length;
        msPerLoad.push(await timeLoads(alliance, awards));
        msPerAppend.push(timeLogAppends(join(signerHome, 'scratch-signature-log.jsonl')));
        return ms;
      },
      notes: () => {
        const load = median(msPerLoad);
        const append = median(msPerAppend);
        const queryMs = queryLoads * load;
        // Each signer logs 'signed' then 'delivered' for every credential: six fsynced appends a credential.
        const logMs = credentials * UNIVERSITIES.length * 2 * append;
        return [
          `timed batches: signer rounds ${total.rounds} (${total.idle} found nothing), proofs signed ${total.signed}, resent ${total.resent}, failed then retried ${total.failed}, refused ${total.refused}`,
          `the stand-in pending query (drafted ids, each credential loaded; at most 50 answered) loaded credentials ${queryLoads.toLocaleString('en-US')} times: ` +
            `about ${Math.round(queryMs)} ms (${load.toFixed(3)} ms a load, timed after each batch), ${share(queryMs, timedMs)} of the signers' time`,
          `signature log appends (write + fsync), 6 a credential: about ${Math.round(logMs)} ms (${append.toFixed(3)} ms an append, timed after each batch in the same directory), ${share(logMs, timedMs)} of the signers' time`,
        ];
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

const share = (part: number, whole: number) => `${((100 * part) / Math.max(whole, 1)).toFixed(0)} %`;

/** Milliseconds one append to a signature log takes, from 50 appends to a scratch log at `path`. */
function timeLogAppends(path: string): number {
  const log = new SignatureLog(path).open();
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) log.append({ type: 'delivered', credentialId: `scratch-${i}`, at: new Date().toISOString() });
    return Number(process.hrtime.bigint() - started) / 1e6 / 50;
  } finally {
    log.close();
    rmSync(path, { force: true });
  }
}

/** Milliseconds to load one credential aggregate, from loading each of `awards`' credentials once. */
async function timeLoads(alliance: Alliance, awards: GrantedAward[]): Promise<number> {
  const started = process.hrtime.bigint();
  for (const a of awards) await alliance.aggregates.credential.load(a.credentialId);
  return Number(process.hrtime.bigint() - started) / 1e6 / awards.length;
}

interface Tally extends RoundResult {
  rounds: number;
  idle: number;
}

/** Drafts the credentials while the three signers run round after round; done when drafting ended and none is still collecting proofs. */
async function issueThroughSigners(
  issuer: IssueCredentialHandler,
  awards: GrantedAward[],
  concurrency: number,
  signers: SignerService[],
  queries: DraftedCredentials,
  options: SignerOptions,
  warnings: string[],
): Promise<Tally> {
  const tally: Tally = { rounds: 0, idle: 0, signed: 0, resent: 0, refused: 0, failed: 0, lists: 0 };
  const deadline = Date.now() + options.timeoutMs;
  let drafting = true;
  let stopped: unknown;
  const stop = (e: unknown) => {
    stopped ??= e;
    for (const s of signers) s.stop();
  };
  const drafts = issueAll(issuer, awards, concurrency, (id) => queries.drafted(id)).then(
    () => void (drafting = false),
    (e: unknown) => stop(e),
  );
  const loop = async (signer: SignerService) => {
    while (stopped === undefined) {
      let r: RoundResult;
      try {
        r = await signer.round();
      } catch (e) {
        return stop(e);
      }
      tally.rounds++;
      tally.signed += r.signed;
      tally.resent += r.resent;
      tally.refused += r.refused;
      tally.failed += r.failed;
      if (r.refused > 0) return stop(new Error(`a signer refused to sign: ${warnings.at(-1) ?? 'no reason logged'}`));
      if (Date.now() > deadline)
        return stop(
          new Error(`credentials still collecting proofs after ${options.timeoutMs} ms; last warning: ${warnings.at(-1) ?? 'none'}`),
        );
      if (r.signed + r.resent + r.failed > 0) continue;
      tally.idle++;
      if (!drafting && (await queries.unsettled()) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  };
  await Promise.all([drafts, ...signers.map(loop)]);
  if (stopped !== undefined) throw stopped;
  return tally;
}
