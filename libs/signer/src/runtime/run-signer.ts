import { createDocumentLoader } from '@alliance/credentials';
import { maskSecrets } from '@alliance/nest-kit';
import pino, { type Logger } from 'pino';
import type { SignerConfig } from '../config/signer-config';
import { SignatureLog } from '../log/signature-log';
import { PlatformClient } from '../platform/platform-client';
import { signerToken } from '@alliance/contracts';
import { readLocalPolicy } from '../policy/local-policy';
import { keyStoreFromConfig } from './key-store-from-config';
import { readIdentity, type SignerIdentity, signatureLogPath } from './signer-identity';
import { SignerService } from './signer-service';

export function signerLogger(config: SignerConfig): Logger {
  return pino({ name: 'signer', level: config.LOG_LEVEL, base: { service: 'signer', institution: config.SIGNER_INSTITUTION_ID } });
}

function requireIdentity(config: SignerConfig): SignerIdentity {
  const identity = readIdentity(config.SIGNER_DATA_DIR);
  if (!identity)
    throw new Error(`no signer identity in ${config.SIGNER_DATA_DIR}: run "alliance signer init" with the same SIGNER_* settings first`);
  if (identity.institutionId !== config.SIGNER_INSTITUTION_ID) {
    throw new Error(
      `${config.SIGNER_DATA_DIR} belongs to institution ${identity.institutionId}, not SIGNER_INSTITUTION_ID ${config.SIGNER_INSTITUTION_ID}`,
    );
  }
  return identity;
}

/** Opens the store, the log and the platform connection; the caller runs or inspects the service and closes it. */
export async function openSigner(config: SignerConfig, logger: Logger) {
  const identity = requireIdentity(config);
  const store = await keyStoreFromConfig(config);
  if ((await store.publicKeyMultibase(identity.keyId)) !== identity.publicKeyMultibase) {
    await store.close();
    throw new Error(
      `the key store does not hold key ${identity.keyId} registered for this institution; check SIGNER_KEY_STORE and its settings`,
    );
  }
  const log = new SignatureLog(signatureLogPath(config.SIGNER_DATA_DIR)).open();
  const client = new PlatformClient(config.SIGNER_ISSUANCE_URL, () =>
    signerToken({
      institutionId: identity.institutionId,
      verificationMethodId: identity.verificationMethodId,
      sign: (d) => store.sign(identity.keyId, d),
    }),
  );
  const documentLoader = createDocumentLoader({
    servedAt: [...new Set([config.CONTEXT_BASE_URL ?? config.SIGNER_ISSUANCE_URL, config.SIGNER_ISSUANCE_URL])],
  });
  const service = new SignerService({
    identity,
    store,
    log,
    client,
    policy: readLocalPolicy(config.SIGNER_POLICY_FILE),
    logger,
    documentLoader,
  });
  const close = async () => {
    log.close();
    await store.close();
  };
  return { identity, store, log, client, service, close };
}

/** Runs the signer in the foreground until SIGTERM or SIGINT; what was signed is on disk before it is sent. */
export async function runSigner(config: SignerConfig): Promise<void> {
  const logger = signerLogger(config);
  const signer = await openSigner(config, logger);
  logger.info(
    {
      config: maskSecrets(config),
      verificationMethod: signer.identity.verificationMethodId,
      store: signer.store.kind,
      ...signer.log.counts(),
    },
    'signer started; pulling signing requests',
  );
  const stop = () => signer.service.stop();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await signer.service.run(config.SIGNER_POLL_MS);
  await signer.close();
  logger.info('signer stopped');
}

/** What an operator asks first: who am I, what did I sign, what waits for me. */
export async function signerStatus(config: SignerConfig) {
  const logger = signerLogger({ ...config, LOG_LEVEL: 'silent' } as SignerConfig);
  const signer = await openSigner(config, logger);
  try {
    let pending: number | string;
    try {
      pending = (await signer.client.pending(50)).length;
    } catch (e) {
      pending = `unknown (${(e as Error).message})`;
    }
    return { identity: signer.identity, keyStore: signer.store.kind, log: signer.log.counts(), pendingRequests: pending };
  } finally {
    await signer.close();
  }
}
