/** What issuance announced about the credentials it issued (hash, status reason), as verification heard it. */
export abstract class CredentialNotes {
  /** The credential id when `documentId` (`urn:uuid:<id>`) names a credential this platform issued. */
  abstract issuedHere(documentId: string): Promise<string | undefined>;
  /** When issuance issued the credential `documentId` names, if it did and its signed form hashes to `hash`. */
  abstract issuedAt(documentId: string, hash: string): Promise<string | undefined>;
  /** Why issuance revoked or suspended it, when it did. */
  abstract reason(documentId: string | undefined): Promise<string | undefined>;
}
