import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { CredentialNotes } from '../../application/ports/credential-notes.port';
import { CredentialNoteRows } from './credential-notes-rows';

const idOf = (documentId: string) => documentId.replace(/^urn:uuid:/, '');

export class OrmCredentialNotes implements CredentialNotes {
  constructor(private readonly orm: ReadModelOrm) {}

  async issuedHere(documentId: string): Promise<string | undefined> {
    return (await this.orm.em.fork().findOne(CredentialNoteRows, { credentialId: idOf(documentId) }))?.credentialId;
  }

  async reason(documentId: string | undefined): Promise<string | undefined> {
    if (!documentId) return undefined;
    const note = await this.orm.em.fork().findOne(CredentialNoteRows, { credentialId: idOf(documentId) });
    return note && note.lifecycle !== 'issued' ? (note.reason ?? undefined) : undefined;
  }
}
