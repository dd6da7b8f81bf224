import { PDFDocument } from 'pdf-lib';
import { embedDejaVu, type PdfFonts } from './pdf-fonts';
import { textWidth, wrapText } from './wrap-text';

describe('wrapText', () => {
  let fonts: PdfFonts;
  beforeAll(async () => {
    fonts = await embedDejaVu(await PDFDocument.create());
  });

  it('measures as pdf-lib does', () => {
    for (const text of ['Ελένη Дарья Łukasiewicz Ø', 'Sustainable Energy Systems'])
      expect(textWidth(text, fonts.regular, 10)).toBeCloseTo(fonts.regular.widthOfTextAtSize(text, 10), 6);
  });

  it('breaks prose at spaces, every line within the width, no word lost', () => {
    const text = 'Assess the life-cycle emissions of an energy system and model the output of a photovoltaic installation';
    const lines = wrapText(text, fonts.regular, 10, 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, fonts.regular, 10)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word wider than the line inside it, keeping every character', () => {
    const url = `https://verify.alliance.example/credentials/${'0a9c1a3e-'.repeat(12)}`;
    const lines = wrapText(`see ${url}`, fonts.regular, 8.5, 120);
    expect(lines[0]).toBe('see');
    for (const line of lines) expect(textWidth(line, fonts.regular, 8.5)).toBeLessThanOrEqual(120);
    expect(lines.slice(1).join('')).toBe(url);
  });

  it('gives no lines for empty or blank text', () => {
    expect(wrapText('', fonts.bold, 10, 100)).toEqual([]);
    expect(wrapText('   ', fonts.bold, 10, 100)).toEqual([]);
  });
});
