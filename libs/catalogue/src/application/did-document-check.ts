import { DidWebResolutionError, findKeyInDidDocument } from '@alliance/credentials';
import type { CommandContext } from '@alliance/event-sourcing';
import { SERVICE_CONFIG, type ServiceConfig } from '@alliance/nest-kit';
import { Inject, Injectable } from '@nestjs/common';
import { didBaseUrl } from '../catalogue.config';
import { CatalogueException, violation } from '../domain/catalogue.exception';
import { didHostingOf } from '../domain/institution/did-hosting';
import type { AddSigningKey, RotateSigningKey } from '../domain/institution/institution.commands';
import type { DidDocumentConfirmation, SigningKeyRecord } from '../domain/institution/institution.events';
import type { InstitutionState } from '../domain/institution/institution.state';
import { CatalogueAggregates } from './catalogue-aggregates';
import { InstitutionDidDocuments } from './institution-did-documents';

/**
 * A member that hosts its own DID document vouches for its keys there too: before such a key is bound, the
 * catalogue reads the document from the member's domain and requires it to list the key. Platform-hosted
 * members are not asked; the catalogue writes their documents itself.
 */
@Injectable()
export class DidDocumentCheck {
  constructor(
    private readonly aggregates: CatalogueAggregates,
    private readonly documents: InstitutionDidDocuments,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * The command with the confirmation that the member's own DID document lists its new key, or unchanged for
   * a platform-hosted member. Whatever the decider would refuse (a caller who is not the member's admin, a bad
   * proof of possession) is refused first, so nothing is fetched for a request that cannot succeed.
   */
  async confirmed<C extends AddSigningKey | RotateSigningKey>(command: C, context: CommandContext): Promise<C> {
    const { state, events } = await this.aggregates.institution.decide(command.institutionId, command, context);
    const added = events.find((e) => e.type === 'SigningKeyAdded' || e.type === 'SigningKeyRotated');
    if (!state || !added) return command;
    const key = added.type === 'SigningKeyAdded' ? added.data.key : added.type === 'SigningKeyRotated' ? added.data.newKey : undefined;
    const confirmation = key ? await this.confirm(state, key) : undefined;
    return confirmation ? { ...command, didDocumentChecked: confirmation } : command;
  }

  private async confirm(institution: NonNullable<InstitutionState>, key: SigningKeyRecord): Promise<DidDocumentConfirmation | undefined> {
    const { did, institutionId } = institution;
    if (didHostingOf(did, institutionId, didBaseUrl(this.config)) === 'platform-hosted') return undefined;
    let resolved;
    try {
      resolved = await this.documents.resolve(did);
    } catch (e) {
      const reason = e instanceof DidWebResolutionError ? `${e.message} (${e.code})` : (e as Error).message;
      throw CatalogueException.invalid([
        violation(
          'did',
          'did.unresolvable',
          `the DID document of ${did} could not be read, so key ${key.keyId} cannot be confirmed there: ${reason}`,
        ),
      ]);
    }
    const listing = findKeyInDidDocument(resolved.document, {
      did,
      verificationMethodId: key.verificationMethodId,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    if (!listing.listed) {
      throw CatalogueException.invalid([
        violation(
          'publicKeyMultibase',
          'key.not-in-did-document',
          `${listing.message} (read from ${resolved.url}); publish the key there as verification method ${key.verificationMethodId} (type Multikey, publicKeyMultibase ${key.publicKeyMultibase}), then register it`,
        ),
      ]);
    }
    return { url: resolved.url, at: resolved.resolvedAt, verificationMethod: listing.verificationMethod };
  }
}
