import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { CredentialNotes } from '../../application/ports/credential-notes.port';
import { CredentialNoteRows } from './credential-notes-rows';
import { IssuedCredentialRows } from './issued-credential-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The credential id a document id names, when it can name one issuance issued (a UUID); nothing else is looked up. */
const idOf = (documentId: string): string | undefined => {
  const id = documentId.replace(/^urn:uuid:/, '');
  return UUID.test(id) ? id : undefined;
};

export class OrmCredentialNotes implements CredentialNotes {
  constructor(private readonly orm: ReadModelOrm) {}

  async issuedHere(documentId: string): Promise<string | undefined> {
    const credentialId = idOf(documentId);
    return credentialId ? (await this.orm.em.fork().findOne(CredentialNoteRows, { credentialId }))?.credentialId : undefined;
  }

  async issuedAt(documentId: string, hash: string): Promise<string | undefined> {
    const credentialId = idOf(documentId);
    if (!credentialId) return undefined;
    const row = await this.orm.em.fork().findOne(IssuedCredentialRows, { credentialId });
    return row && row.hash === hash ? row.issuedAt : undefined;
  }

  async reason(documentId: string | undefined): Promise<string | undefined> {
    const credentialId = documentId ? idOf(documentId) : undefined;
    if (!credentialId) return undefined;
    const note = await this.orm.em.fork().findOne(CredentialNoteRows, { credentialId });
    return note && note.lifecycle !== 'issued' ? (note.reason ?? undefined) : undefined;
  }
}
