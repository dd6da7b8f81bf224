// The parts of the @digitalbazaar Data Integrity stack the baseline benchmark calls; the packages ship no types.

declare module '@digitalbazaar/vc' {
  type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  export interface VerifyCredentialResult {
    verified: boolean;
    error?: unknown;
    results?: { verified: boolean; error?: unknown }[];
  }
  export function issue(options: {
    credential: object;
    suite: object;
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: object | object[];
    documentLoader: DocumentLoader;
    now?: string | Date;
  }): Promise<VerifyCredentialResult>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: object; signer?: object; date?: string | Date | null });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519MultikeyKeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function from(key: {
    type: 'Multikey';
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  }): Promise<Ed25519MultikeyKeyPair>;
}
