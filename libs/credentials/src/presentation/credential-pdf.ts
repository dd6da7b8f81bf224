import { PDFDocument, rgb } from 'pdf-lib';
import type { JsonObject } from '../data-integrity/types';
import { credentialHeadline } from './credential-headline';
import { embedDejaVu } from './pdf-fonts';
import { MARGIN, MUTED, PdfFlow } from './pdf-flow';
import { plainAnnexI } from './plain-annex-i';
import { plainDate, plainText } from './plain-text';
import { drawVerificationBlock } from './verification-block';

/** What the learner's PDF shows. */
export interface CredentialPdfInput {
  credential: JsonObject;
  /** The address of the verification page for this credential; the QR code encodes it. */
  verifyUrl: string;
  /** The credential's status when the PDF is made, e.g. `Valid`, `Suspended: reason`, `Revoked: reason`. */
  status: string;
  /** When the PDF is made; now by default. */
  generatedAt?: Date;
}

const PRODUCER = 'Alliance micro-credentials';
const VALID = rgb(0.05, 0.42, 0.2);
const NOT_VALID = rgb(0.68, 0.1, 0.1);

/**
 * A learner's credential as an A4 PDF a person reads: title, learner, awarding bodies, date, status, the Annex I
 * elements in plain words (over as many pages as they take), the credential's id, and a QR code with the
 * verification address for an employer. Set in DejaVu Sans, subset-embedded, so every European script renders.
 * Nothing is fetched or written.
 *
 * @throws RangeError when `verifyUrl` is blank; Error from `qrcode` when it is too long for a QR code (over about 2,300 bytes).
 */
export async function credentialPdf(input: CredentialPdfInput): Promise<Uint8Array> {
  const generatedAt = input.generatedAt ?? new Date();
  const headline = credentialHeadline(input.credential);
  const status = plainText(input.status, 300) || 'Unknown';
  const generated = plainDate(generatedAt.toISOString());

  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedDejaVu(doc);
  const flow = new PdfFlow(doc, fonts);

  flow.paragraph('MICRO-CREDENTIAL', { font: fonts.bold, size: 8.5, color: MUTED });
  flow.gap(4);
  flow.paragraph(headline.title, { font: fonts.bold, size: 20 });
  if (headline.description) flow.paragraph(headline.description, { font: fonts.regular, size: 10, color: MUTED });
  flow.rule();
  flow.row('Awarded to', [headline.learner ?? 'not stated']);
  flow.row('Awarded by', headline.awardingBodies.length ? headline.awardingBodies : ['not stated']);
  flow.row('Date of award', [headline.awarded ?? 'not stated']);
  flow.row('Status', [`${status} (as of ${generated})`], { color: /^valid\b/i.test(status) ? VALID : NOT_VALID });
  flow.gap(8);
  drawVerificationBlock(flow, input.verifyUrl);
  flow.gap(12);

  flow.room(60);
  flow.paragraph('Details under the European standard for micro-credentials', { font: fonts.bold, size: 12 });
  flow.paragraph('The elements of Annex I of the Council Recommendation on micro-credentials (2022/C 243/02).', {
    font: fonts.regular,
    size: 8.5,
    color: MUTED,
  });
  flow.gap(6);
  for (const element of plainAnnexI(input.credential)) {
    if (!element.present && !element.mandatory) continue;
    const list = element.items && element.items.length > 1 ? element.items : undefined;
    flow.row(element.name, list ?? [element.text], { bulleted: !!list, ...(element.present ? {} : { color: NOT_VALID }) });
  }
  flow.rule();
  flow.row('Credential identifier', [headline.id ?? 'not stated']);

  const pages = doc.getPages();
  pages.forEach((page, i) =>
    page.drawText(`Page ${i + 1} of ${pages.length} · Generated on ${generated}`, {
      x: MARGIN,
      y: MARGIN / 2,
      font: fonts.regular,
      size: 7.5,
      color: MUTED,
    }),
  );

  doc.setTitle(headline.title);
  doc.setSubject(`Micro-credential${headline.learner ? ` awarded to ${headline.learner}` : ''}; verify at ${plainText(input.verifyUrl)}`);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setLanguage('en');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
  return doc.save();
}
