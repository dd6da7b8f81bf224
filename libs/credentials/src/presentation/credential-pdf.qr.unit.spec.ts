import QRCode from 'qrcode';
import { buildInput } from '../__tests__/alliance-fixture';
import { buildAchievementCredential } from '../model/build-achievement-credential';
import { rectanglesOnPage } from './testing/read-pdf';
import { credentialPdf } from './credential-pdf';
import { qrLayout } from './qr-layout';

const VERIFY_URL = 'https://verify.alliance.example/credentials/urn:uuid:0a9c1a3e-6f5d-4c1e-9a43-6a4c1d2e3f40';

/** The dark modules of the QR code `qrcode` makes for `text`, row by row. */
function expectedGrid(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => modules.get(row, col) === 1));
}

/** The grid the rectangles on a page fill, read back in module units from the top-left dark module. */
function drawnGrid(rects: { x: number; y: number; w: number; h: number }[], size: number): boolean[][] {
  const module = Math.min(...rects.map((r) => r.h));
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.max(...rects.map((r) => r.y + r.h));
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const r of rects) {
    const row = Math.round((top - r.y - r.h) / module);
    const column = Math.round((r.x - left) / module);
    for (let i = 0; i < Math.round(r.w / module); i++) grid[row][column + i] = true;
  }
  return grid;
}

describe('the verification QR code', () => {
  it('lays out exactly the dark modules of the QR code for the text, as non-overlapping runs', () => {
    const { size, runs } = qrLayout(VERIFY_URL);
    const grid = Array.from({ length: size }, () => Array<number>(size).fill(0));
    for (const r of runs) for (let i = 0; i < r.length; i++) grid[r.row][r.column + i]++;
    expect(grid.map((row) => row.map((n) => n === 1))).toEqual(expectedGrid(VERIFY_URL));
    expect(grid.flat().every((n) => n <= 1)).toBe(true);
  });

  it('is drawn on the first page as the QR code of the verify URL and of nothing else', async () => {
    const credential = buildAchievementCredential(buildInput());
    const pdf = await credentialPdf({ credential, verifyUrl: VERIFY_URL, status: 'Valid' });
    const rects = await rectanglesOnPage(pdf, 0);
    const expected = expectedGrid(VERIFY_URL);
    expect(rects.length).toBe(qrLayout(VERIFY_URL).runs.length);
    expect(drawnGrid(rects, expected.length)).toEqual(expected);
    expect(drawnGrid(rects, expected.length)).not.toEqual(expectedGrid(`${VERIFY_URL}x`));
  });

  it('is about 4 cm wide with its quiet zone, whatever the length of the URL', async () => {
    const credential = buildAchievementCredential(buildInput());
    for (const verifyUrl of ['https://v.example/1', `https://verify.alliance.example/credentials/${'a'.repeat(300)}`]) {
      const rects = await rectanglesOnPage(await credentialPdf({ credential, verifyUrl, status: 'Valid' }), 0);
      const width = Math.max(...rects.map((r) => r.x + r.w)) - Math.min(...rects.map((r) => r.x));
      const module = Math.min(...rects.map((r) => r.h));
      expect(width + 8 * module).toBeCloseTo(120, 3);
    }
  });

  it('refuses an empty verify URL rather than drawing a code that leads nowhere', async () => {
    const credential = buildAchievementCredential(buildInput());
    await expect(credentialPdf({ credential, verifyUrl: ' ', status: 'Valid' })).rejects.toThrow(
      new RangeError('The verify URL for the QR code is blank'),
    );
  });
});
