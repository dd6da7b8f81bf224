import { Secret, ServiceConfig, serviceBaseUrl } from '@alliance/nest-kit';
import { IsOptional, IsUrl, Matches } from 'class-validator';

/** The catalogue's own settings on top of the shared ones. */
export class CatalogueConfig extends ServiceConfig {
  /**
   * Where verifiers reach this catalogue: members registered without a DID get a did:web under it
   * (`<url>/institutions/<id>/did.json`). Defaults to PUBLIC_BASE_URL when configured, else the address the
   * catalogue listens on (the embedded platform), where it serves those documents.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  CATALOGUE_PUBLIC_URL?: string = undefined;

  /**
   * The alliance's Ed25519 key that signs the published trust list (`GET /trust-list`): a 32-byte seed as
   * 64 hex characters, or a `z…` Multikey secret. Unset: a development key is generated once under
   * DATA_DIR/catalogue, with a warning.
   */
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|z[1-9A-HJ-NP-Za-km-z]{40,100})$/, {
    message: 'CATALOGUE_TRUST_LIST_KEY must be an Ed25519 private key: a 32-byte seed as 64 hex characters, or a z… Multikey secret',
  })
  @Secret()
  CATALOGUE_TRUST_LIST_KEY?: string = undefined;

  /**
   * Comma-separated hosts (`host` or `host:port`, IPv6 in brackets) whose members' did:web documents may be read
   * at loopback, private or other non-public addresses (still over https with certificate checks). Every other
   * host is read only at public addresses.
   */
  @IsOptional()
  @Matches(/^\s*(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?\s*(?:,\s*(?:[a-zA-Z0-9.-]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?\s*)*$/, {
    message: 'CATALOGUE_DID_FETCH_ALLOW_HOSTS must be a comma-separated list of host or host:port',
  })
  CATALOGUE_DID_FETCH_ALLOW_HOSTS?: string = undefined;
}

/** The base URL DID documents are served under. */
export function didBaseUrl(config: ServiceConfig): string {
  return (config as CatalogueConfig).CATALOGUE_PUBLIC_URL ?? serviceBaseUrl(config);
}
