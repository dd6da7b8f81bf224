import { createHash } from 'node:crypto';
import { buildDidWebDocument, type ControllerDocument, type JsonObject, signCredential } from '@alliance/credentials';
import { SERVICE_CONFIG, type ServiceConfig } from '@alliance/nest-kit';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type CatalogueConfig, didBaseUrl } from '../../catalogue.config';
import { allianceDid, registryStateOf, trustListMembers, unsignedTrustList } from '../../domain/alliance/trust-list';
import type { Institution } from '../../domain/institution/institution.state';
import { CatalogueReadModel } from '../../infrastructure/read-model/catalogue-read-model';
import { InstitutionRows } from '../../infrastructure/read-model/institution-rows';
import { type AllianceKey, loadAllianceKey } from './alliance-key';

/** The signed trust list as served: its exact bytes and their strong entity tag. */
export interface PublishedTrustList {
  body: Buffer;
  etag: string;
  registryState: string;
}

interface InstitutionRow {
  updatedAt: string;
  state: Institution;
}

/**
 * Publishes the alliance registry as a verifiable credential signed by the alliance key (eddsa-jcs-2022).
 * A registry state is identified by the hash of its members; the list is signed again only when that hash
 * changes. `validFrom` and the proof's `created` are the instant the registry reached the state (the last
 * event folded into it), so a state gives the same bytes every time it is signed with the same key.
 */
@Injectable()
export class TrustListPublisher implements OnModuleInit {
  private readonly logger = new Logger('TrustListPublisher');
  private key?: AllianceKey;
  private current?: Promise<PublishedTrustList>;
  private currentState?: string;

  constructor(
    private readonly readModel: CatalogueReadModel,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.key = loadAllianceKey(this.config as CatalogueConfig);
    if (this.key.generated) {
      this.logger.warn(
        `CATALOGUE_TRUST_LIST_KEY is not set: the trust list is signed with a development key generated at ${this.key.file}; configure the alliance key before publishing the list to other verifiers`,
      );
    }
  }

  /** The alliance's did:web. */
  did(): string {
    return allianceDid(didBaseUrl(this.config));
  }

  /** The verification method the trust list's proof names. */
  verificationMethod(): string {
    return `${this.did()}#${this.allianceKey().publicKeyMultibase}`;
  }

  /** The alliance's DID document: the trust list key, for assertions only, and where the list is published. */
  didDocument(): ControllerDocument {
    const did = this.did();
    const document = buildDidWebDocument(did, [
      { id: this.verificationMethod(), publicKeyMultibase: this.allianceKey().publicKeyMultibase },
    ]);
    delete document.authentication;
    return {
      ...document,
      service: [
        { id: `${did}#trust-list`, type: 'AllianceTrustList', serviceEndpoint: `${didBaseUrl(this.config).replace(/\/$/, '')}/trust-list` },
      ],
    };
  }

  /** The signed list of the registry as the read model has it now. */
  async published(): Promise<PublishedTrustList> {
    const rows = (await this.readModel.em().find(this.readModel.entity(InstitutionRows), {})) as InstitutionRow[];
    const base = didBaseUrl(this.config);
    const members = trustListMembers(
      rows.map((r) => r.state),
      base,
    );
    const registryState = registryStateOf(members);
    if (this.current && this.currentState === registryState) return this.current;
    const reachedAt = rows.reduce<string | undefined>(
      (latest, r) => (latest === undefined || Date.parse(r.updatedAt) > Date.parse(latest) ? r.updatedAt : latest),
      undefined,
    );
    const validFrom = reachedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const signing = this.sign(
      unsignedTrustList({ catalogueBaseUrl: base, members, validFrom }) as unknown as JsonObject,
      validFrom,
      registryState,
    );
    this.current = signing;
    this.currentState = registryState;
    signing.catch(() => {
      if (this.current === signing) this.current = undefined;
    });
    return signing;
  }

  private async sign(document: JsonObject, created: string, registryState: string): Promise<PublishedTrustList> {
    const signed = await signCredential(document, [
      { verificationMethod: this.verificationMethod(), privateKey: this.allianceKey().seed, cryptosuite: 'eddsa-jcs-2022', created },
    ]);
    const body = Buffer.from(JSON.stringify(signed), 'utf8');
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`, registryState };
  }

  private allianceKey(): AllianceKey {
    if (!this.key) this.onModuleInit();
    return this.key!;
  }
}
