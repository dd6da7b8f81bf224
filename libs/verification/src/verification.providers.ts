import { DidWebHttpsResolver, hostListOf } from '@alliance/credentials';
import type { Provider } from '@nestjs/common';
import type { ReadModelOrm } from '@alliance/event-sourcing';
import { inProcessAdmissionHeaders } from '@alliance/nest-kit';
import { type ServiceRuntime } from '@alliance/service-runtime';
import { STATUS_LISTS, VERIFICATION_ORM, VERIFICATION_RESULTS } from './application/verification.tokens';
import { CredentialNotes } from './application/ports/credential-notes.port';
import type { MemberDidDocuments } from './application/ports/member-did-documents.port';
import { SharedCredentials } from './application/ports/shared-credentials.port';
import { CredentialVerifier } from './application/verify/credential-verifier';
import { VerificationResultCache } from './application/verify/verification-result-cache';
import { VerificationTally } from './domain/retention/verification-tally';
import { OrmCredentialNotes } from './infrastructure/registry/orm-credential-notes';
import { OrmRegistry } from './infrastructure/registry/orm-registry';
import { openVerificationDatabase } from './infrastructure/verification-database';
import { HostAllowList } from './infrastructure/web/address-policy';
import { HttpWebFetcher } from './infrastructure/web/http-web-fetcher';
import { IssuanceSharedCredentials } from './infrastructure/web/issuance-shared-credentials';
import { StatusListCache } from './infrastructure/web/status-list-cache';
import { StatusListFetcher } from './infrastructure/web/status-list-fetcher';
import { catalogueUrlOf, contextBaseUrlsOf, type VerificationConfig } from './verification.config';

/** What an executable or a test may give verification. */
export interface VerificationOptions {
  /** Reads members' own DID documents; by default over HTTPS with Node's certificate checks. */
  memberDidDocuments?: MemberDidDocuments;
}

export function verificationProviders(runtime: ServiceRuntime<VerificationConfig>, options: VerificationOptions = {}): Provider[] {
  const config = runtime.config;
  const rewrite =
    config.VERIFICATION_ISSUANCE_PUBLIC_URL && config.VERIFICATION_ISSUANCE_INTERNAL_URL
      ? { from: config.VERIFICATION_ISSUANCE_PUBLIC_URL, to: config.VERIFICATION_ISSUANCE_INTERNAL_URL }
      : undefined;
  const catalogueUrl = catalogueUrlOf(config);
  const contextBaseUrls = contextBaseUrlsOf(config);
  const fetchOptions = {
    timeoutMs: config.VERIFICATION_FETCH_TIMEOUT_MS,
    connectTimeoutMs: Math.min(config.VERIFICATION_FETCH_CONNECT_TIMEOUT_MS, config.VERIFICATION_FETCH_TIMEOUT_MS),
    maxBytes: config.VERIFICATION_FETCH_MAX_BYTES,
    allowHosts: HostAllowList.parse(config.VERIFICATION_FETCH_ALLOW_HTTP_HOSTS),
  };
  // The status list fetch of a verification already admitted is not held back again by issuance when both run in one process.
  const statusListCache = new StatusListCache(
    new HttpWebFetcher({ ...fetchOptions, ...(rewrite ? { rewrite, rewriteHeaders: inProcessAdmissionHeaders() } : {}) }),
    {
      maxEntries: config.VERIFICATION_STATUS_LIST_CACHE_MAX_ENTRIES,
      maxBytes: config.VERIFICATION_STATUS_LIST_CACHE_MAX_BYTES,
      defaultTtlMs: config.VERIFICATION_STATUS_LIST_CACHE_DEFAULT_TTL_MS,
      maxTtlMs: config.VERIFICATION_STATUS_LIST_CACHE_MAX_TTL_MS,
      ...(rewrite ? { bypass: (url: string) => url.startsWith(rewrite.from.replace(/\/$/, '') + '/') } : {}),
    },
  );
  const statusLists = new StatusListFetcher(statusListCache, {
    maxDecompressedBytes: config.VERIFICATION_STATUS_LIST_MAX_DECOMPRESSED_BYTES,
  });
  const memberDidDocuments = config.VERIFICATION_CHECK_MEMBER_DID_DOCUMENTS
    ? (options.memberDidDocuments ??
      new DidWebHttpsResolver({
        timeoutMs: config.VERIFICATION_FETCH_TIMEOUT_MS,
        allowHosts: hostListOf(config.VERIFICATION_FETCH_ALLOW_HTTP_HOSTS),
      }))
    : undefined;
  // Learners' share links: from this alliance's issuance only, at its configured address (internal when there is one).
  const sharedCredentials = new IssuanceSharedCredentials({
    issuanceUrl: config.VERIFICATION_ISSUANCE_INTERNAL_URL ?? config.VERIFICATION_ISSUANCE_PUBLIC_URL,
    timeoutMs: fetchOptions.timeoutMs,
    connectTimeoutMs: fetchOptions.connectTimeoutMs,
    maxBytes: fetchOptions.maxBytes,
    headers: inProcessAdmissionHeaders(),
  });
  return [
    { provide: STATUS_LISTS, useValue: statusLists },
    { provide: SharedCredentials, useValue: sharedCredentials },
    {
      provide: VERIFICATION_RESULTS,
      useValue: new VerificationResultCache({
        ttlMs: config.VERIFICATION_RESULT_CACHE_TTL_MS,
        maxEntries: config.VERIFICATION_RESULT_CACHE_MAX_ENTRIES,
      }),
    },
    { provide: VerificationTally, useValue: new VerificationTally({ dailyRecords: config.VERIFICATION_RECORDS_PER_DAY }) },
    { provide: VERIFICATION_ORM, useFactory: () => openVerificationDatabase(config) },
    { provide: CredentialNotes, useFactory: (orm: ReadModelOrm) => new OrmCredentialNotes(orm), inject: [VERIFICATION_ORM] },
    {
      provide: CredentialVerifier,
      useFactory: (orm: ReadModelOrm, notes: CredentialNotes) =>
        new CredentialVerifier({
          registry: new OrmRegistry(orm),
          statusLists,
          ...(config.VERIFICATION_RESOLVE_DID_WEB ? { didWeb: new HttpWebFetcher(fetchOptions) } : {}),
          knownReason: (id) => notes.reason(id),
          issuedAt: (id, hash) => notes.issuedAt(id, hash),
          ...(catalogueUrl ? { catalogueUrl } : {}),
          contextBaseUrls,
          ...(memberDidDocuments ? { memberDidDocuments } : {}),
        }),
      inject: [VERIFICATION_ORM, CredentialNotes],
    },
  ];
}
