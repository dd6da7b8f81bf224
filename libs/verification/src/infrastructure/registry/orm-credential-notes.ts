import type { ReadModelOrm } from '@alliance/event-sourcing';
import type { CredentialNotes } from '../../application/ports/credential-notes.port';
import { CredentialNoteRows } from './credential-notes-rows';
import { IssuedCredentialRows } from './issued-credential-rows';

const idOf = (documentId: string) => documentId.replace(/^urn:uuid:/, '');

export class OrmCredentialNotes implements CredentialNotes {
  constructor(private readonly orm: ReadModelOrm) {}

  async issuedHere(documentId: string): Promise<string | undefined> {
    return (await this.orm.em.fork().findOne(CredentialNoteRows, { credentialId: idOf(documentId) }))?.credentialId;
  }

  async issuedAt(documentId: string, hash: string): Promise<string | undefined> {
    const row = await this.orm.em.fork().findOne(IssuedCredentialRows, { credentialId: idOf(documentId) });
    return row && row.hash === hash ? row.issuedAt : undefined;
  }

  async reason(documentId: string | undefined): Promise<string | undefined> {
    if (!documentId) return undefined;
    const note = await this.orm.em.fork().findOne(CredentialNoteRows, { credentialId: idOf(documentId) });
    return note && note.lifecycle !== 'issued' ? (note.reason ?? undefined) : undefined;
  }
}
