import {
  checkStatus,
  type DocumentLoader,
  type JsonObject,
  StatusListError,
  type VerificationMethodResolver,
  verifyCredential,
} from '@alliance/credentials';
import { keyCovers, type RegisteredInstitution } from '../../../domain/registry/registered-institution';
import { check, type VerificationCheck } from '../../../domain/report/verification-check';
import { verificationDocumentLoader } from '../verification-document-loader';
import type { FetchedJson } from '../../ports/web-fetcher.port';

export interface StatusCheckDeps {
  fetchList(url: string): Promise<FetchedJson>;
  resolver: VerificationMethodResolver;
  /** How status list credentials' contexts are read; the bundled set alone by default. */
  documentLoader?: DocumentLoader;
  /** The alliance registry's record of a DID: a member's status list counts only with a key the registry bound to it. */
  member: (did: string) => RegisteredInstitution | undefined;
  /** What issuance reported about this credential's status, to name the reason (the list only has bits). */
  knownReason?: (credentialId: string | undefined) => Promise<string | undefined>;
}

type EntryOutcome = {
  outcome: 'passed' | 'failed' | 'could-not-check';
  problem?: { code: string; message: string };
  detail: Record<string, unknown>;
};

const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof (v as JsonObject | undefined)?.id === 'string' ? ((v as JsonObject).id as string) : undefined;

/** A status list whose signature is intact but not the credential issuer's: it says nothing about this credential. */
class WrongSigner extends Error {}

/**
 * Reads every status entry's list and reports what it says. A list counts only if it is issued by the
 * credential's issuer and signed with a key bound to that issuer (in the alliance registry for a member, valid at
 * the list's validFrom; through its DID for anyone else). A list that cannot be fetched, does not verify, or is
 * issued or signed by anyone else makes the status unknown: never "not revoked".
 */
export async function statusCheck(document: JsonObject, deps: StatusCheckDeps): Promise<VerificationCheck> {
  const entries = ([] as unknown[]).concat(document.credentialStatus ?? []) as JsonObject[];
  if (entries.length === 0)
    return check('status', 'not-applicable', 'It carries no status information, so its issuer cannot revoke or suspend it.');
  const issuer = idOf(document.issuer);
  const outcomes: EntryOutcome[] = [];
  for (const entry of entries) outcomes.push(await checkEntry(entry, issuer, deps));
  const details = { entries: outcomes.map((o) => o.detail) };
  const failed = outcomes.filter((o) => o.outcome === 'failed');
  if (failed.length > 0) {
    const reason = await deps.knownReason?.(typeof document.id === 'string' ? document.id : undefined);
    const problems = failed.map((o) => ({ ...o.problem!, ...(reason ? { message: `${o.problem!.message}: ${reason}` } : {}) }));
    return check(
      'status',
      'failed',
      `Its issuer has ${problems[0].code === 'SUSPENDED' ? 'suspended' : 'revoked'} it${reason ? ` (${reason})` : ''}.`,
      problems,
      details,
    );
  }
  const unknown = outcomes.filter((o) => o.outcome === 'could-not-check');
  if (unknown.length > 0) {
    return check(
      'status',
      'could-not-check',
      `Whether it was revoked or suspended could not be checked: ${unknown[0].problem!.message}.`,
      unknown.map((o) => o.problem!),
      details,
    );
  }
  return check('status', 'passed', 'Its issuer has neither revoked nor suspended it.', [], details);
}

async function checkEntry(entry: JsonObject, issuer: string | undefined, deps: StatusCheckDeps): Promise<EntryOutcome> {
  const url = entry?.statusListCredential;
  const detail: Record<string, unknown> = {
    statusPurpose: entry?.statusPurpose,
    statusListIndex: entry?.statusListIndex,
    statusListCredential: url,
  };
  const unknown = (code: string, message: string): EntryOutcome => ({
    outcome: 'could-not-check',
    problem: { code, message },
    detail: { ...detail, error: code },
  });
  if (entry?.type !== 'BitstringStatusListEntry')
    return unknown('UNSUPPORTED_STATUS_METHOD', `status method ${String(entry?.type)} is not supported`);
  if (typeof url !== 'string' || !URL.canParse(url)) return unknown('MALFORMED_VALUE_ERROR', 'the status entry names no status list URL');
  const fetched = await deps.fetchList(url);
  if (!fetched.ok) return unknown('STATUS_RETRIEVAL_ERROR', `the status list ${url} could not be read (${fetched.error})`);
  const list = fetched.json as JsonObject;
  const listIssuer = idOf(list?.issuer);
  if (!listIssuer || listIssuer !== issuer) {
    return unknown(
      'STATUS_VERIFICATION_ERROR',
      `the status list is issued by ${listIssuer ?? 'nobody'}, not by the credential's issuer ${issuer ?? ''}`.trimEnd(),
    );
  }
  try {
    const result = await checkStatus(entry, list, {
      verifyStatusListCredential: async (vc) => {
        const verified = await verifyCredential(vc, {
          resolveVerificationMethod: deps.resolver,
          documentLoader: deps.documentLoader ?? verificationDocumentLoader(),
        });
        if (verified.verified) signedByIssuer(vc, verified.proofs, listIssuer, deps);
        return verified.verified;
      },
    });
    const full = { ...detail, status: result.status, valid: result.valid, ...(result.message ? { message: result.message } : {}) };
    if (result.valid) return { outcome: 'passed', detail: full };
    const said = `${result.purpose} ${result.message ?? ''}`.toLowerCase();
    const code = said.includes('suspen') ? 'SUSPENDED' : said.includes('revo') ? 'REVOKED' : 'STATUS_SET';
    const message =
      code === 'SUSPENDED'
        ? 'suspended by its issuer'
        : code === 'REVOKED'
          ? 'revoked by its issuer'
          : `status ${result.status}: ${result.message ?? result.purpose}`;
    return { outcome: 'failed', problem: { code, message }, detail: full };
  } catch (e) {
    if (e instanceof WrongSigner) return unknown('STATUS_LIST_WRONG_SIGNER', e.message);
    if (e instanceof StatusListError) return unknown(e.code, e.message.replace(`${e.code}: `, ''));
    return unknown('STATUS_VERIFICATION_ERROR', (e as Error).message);
  }
}

/**
 * Throws unless a proof of the list was made by its issuer with a key bound to it: for a member, a registry key
 * (bound, valid at the list's validFrom, not compromised by then); for anyone else, a key its DID names.
 */
function signedByIssuer(
  list: JsonObject,
  proofs: { verificationMethod?: string; controller?: string; verified: boolean; created?: string }[],
  issuer: string,
  deps: StatusCheckDeps,
): void {
  const member = deps.member(issuer);
  const at = typeof list.validFrom === 'string' ? list.validFrom : undefined;
  const byIssuer = proofs.filter((p) => p.verified && p.controller === issuer);
  const signers = [...new Set(proofs.map((p) => p.controller ?? p.verificationMethod ?? 'an unnamed key'))].join(', ');
  if (byIssuer.length === 0)
    throw new WrongSigner(
      `the status list is signed by ${signers}, not with a key of the credential's issuer ${member ? `${member.name} (${issuer})` : issuer}`,
    );
  if (!member) return;
  const reasons: string[] = [];
  for (const proof of byIssuer) {
    const key = member.keys.find((k) => k.verificationMethodId === proof.verificationMethod);
    const when = at ?? proof.created;
    if (!key) reasons.push(`${proof.verificationMethod} is not a key the alliance registry holds for ${member.name}`);
    else if (!when) reasons.push(`the status list has no validFrom, so ${member.name}'s key ${key.keyId} cannot be checked`);
    else if (keyCovers(key, when)) return;
    else
      reasons.push(
        `${member.name}'s key ${key.keyId} was not valid at the list's validFrom ${when}${key.compromisedSince ? ` (compromised since ${key.compromisedSince})` : ''}`,
      );
  }
  throw new WrongSigner(
    `the status list is not signed with a key the alliance registry bound to ${member.name} (${issuer}): ${reasons.join('; ')}`,
  );
}
