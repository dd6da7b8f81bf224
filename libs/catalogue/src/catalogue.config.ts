import { ServiceConfig, serviceBaseUrl } from '@alliance/nest-kit';
import { IsOptional, IsUrl } from 'class-validator';

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
}

/** The base URL DID documents are served under. */
export function didBaseUrl(config: ServiceConfig): string {
  return (config as CatalogueConfig).CATALOGUE_PUBLIC_URL ?? serviceBaseUrl(config);
}
