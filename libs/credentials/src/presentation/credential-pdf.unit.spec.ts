import { buildInput, definition, UNI_A, UNI_B, UNI_C } from '../__tests__/alliance-fixture';
import type { JsonObject } from '../data-integrity/types';
import { buildAchievementCredential } from '../model/build-achievement-credential';
import { readPdf } from './testing/read-pdf';
import { credentialPdf } from './credential-pdf';
import { VERIFY_SENTENCE } from './verification-block';

const VERIFY_URL = 'https://verify.alliance.example/credentials/urn:uuid:0a9c1a3e-6f5d-4c1e-9a43-6a4c1d2e3f40';
const BODIES = ['Πανεπιστήμιο Κρήτης', 'Vilniaus universitetas — Łódź campus', 'Софийски университет']; // Greek, Latin, Cyrillic
const GENERATED_AT = new Date('2026-03-01T09:30:00Z');

const credentialFor = (outcomes = definition().learningOutcomes) =>
  buildAchievementCredential(
    buildInput({
      learner: { id: 'l', givenName: 'Ελένη Дарья', familyName: 'Łukasiewicz-Ø' },
      definition: definition({
        learningOutcomes: outcomes,
        awardingBodies: definition().awardingBodies.map((b, i) => ({ ...b, name: BODIES[i] })),
      }),
    }),
  );
const pdfOf = (credential: JsonObject, status = 'Valid') =>
  credentialPdf({ credential, verifyUrl: VERIFY_URL, status, generatedAt: GENERATED_AT });
// PDF.js splits lines where the text wraps: prose wraps at spaces, a URL anywhere.
const prose = (pages: string[]) => pages.join('\n').replace(/\n/g, ' ');
const flat = (pages: string[]) => pages.join('').replace(/\n/g, '');
// A bullet and its text are drawn apart, so PDF.js may or may not put a space between them.
const lines = (pages: string[]) => pages.join('\n').replace(/•\s*/g, '• ');

describe('credentialPdf', () => {
  it('writes title, learner, each awarding body, date, status, the Annex I texts, the id and the verify link', async () => {
    const { pages } = await readPdf(await pdfOf(credentialFor(), 'Suspended: under review by the examination board'));
    const text = pages.join('\n');
    expect(text).toContain('Sustainable Energy Systems');
    expect(text).toContain('Ελένη Дарья Łukasiewicz-Ø');
    for (const [i, name] of BODIES.entries()) expect(text).toContain(`${name} (${['Germany, Bavaria', 'Portugal', 'Finland'][i]})`);
    expect(lines(pages)).toContain(`• ${BODIES[2]} (Finland)`);
    expect(text).toContain('30 June 2025');
    expect(prose(pages)).toContain('Suspended: under review by the examination board (as of 1 March 2026)');
    for (const fact of ['5 ECTS credits', 'EQF level 7 (second cycle)', 'A on a scale A–E (ECTS grading scale)'])
      expect(text).toContain(fact);
    expect(text).toContain('urn:uuid:0a9c1a3e-6f5d-4c1e-9a43-6a4c1d2e3f40');
    expect(flat(pages)).toContain(VERIFY_URL);
    expect(prose(pages)).toContain(VERIFY_SENTENCE);
    expect(text).toContain(`Page 1 of ${pages.length} · Generated on 1 March 2026`);
  });

  it('sets title, subject, producer and creation date', async () => {
    const { info } = await readPdf(await pdfOf(credentialFor()));
    expect(info).toMatchObject({
      Title: 'Sustainable Energy Systems',
      Subject: `Micro-credential awarded to Ελένη Дарья Łukasiewicz-Ø; verify at ${VERIFY_URL}`,
      Producer: 'Alliance micro-credentials',
      CreationDate: 'D:20260301093000Z',
    });
  });

  it('flows very many learning outcomes onto further pages, losing none', async () => {
    const few = await readPdf(await pdfOf(credentialFor()));
    const outcomes = Array.from({ length: 150 }, (_, i) => ({ text: `Outcome ${i + 1}: apply method ${i + 1}` }));
    const many = await readPdf(await pdfOf(credentialFor(outcomes)));
    expect(many.pages.length).toBeGreaterThan(few.pages.length + 2);
    for (const n of [1, 75, 150]) expect(lines(many.pages)).toContain(`• Outcome ${n}: apply method ${n}\n`);
    expect(many.pages.at(-1)).toContain(`Page ${many.pages.length} of ${many.pages.length}`);
  });

  it('lists a missing mandatory element as missing and leaves out absent optional ones', async () => {
    const credential = buildAchievementCredential(buildInput({ definition: definition({ prerequisites: undefined }) }));
    delete ((credential.credentialSubject as JsonObject).achievement as JsonObject).assessmentType;
    const text = (await readPdf(await pdfOf(credential))).pages.join('\n');
    expect(text).toContain('Type of assessment missing');
    expect(text).not.toContain('Prerequisites');
  });

  it('makes a readable PDF of an empty or hostile credential', async () => {
    const hostile = credentialFor();
    Object.assign((hostile.credentialSubject as JsonObject).achievement as JsonObject, {
      name: 'Null\u0000 title \uD800 with 中文 and 🎓',
      assessmentType: 'y'.repeat(50_000),
    });
    hostile.issuer = [UNI_A.did, UNI_B.did, UNI_C.did] as never;
    for (const credential of [{}, hostile]) {
      const { pages } = await readPdf(await pdfOf(credential as JsonObject, 'Revoked: \u0000'));
      expect(flat(pages)).toContain(VERIFY_URL);
      expect(pages.join('')).toContain('Revoked:');
    }
  });
});
