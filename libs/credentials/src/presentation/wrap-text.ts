import type { PDFFont } from 'pdf-lib';

// Advance widths at size 1, per font and character: measuring through pdf-lib runs a full font layout per call.
const advances = new WeakMap<PDFFont, Map<string, number>>();

/** The width of `text` in `font` at `size`, in points, as the sum of its characters' advances. */
export function textWidth(text: string, font: PDFFont, size: number): number {
  let cache = advances.get(font);
  if (!cache) advances.set(font, (cache = new Map()));
  let width = 0;
  for (const char of text) {
    let advance = cache.get(char);
    if (advance === undefined) cache.set(char, (advance = font.widthOfTextAtSize(char, 1)));
    width += advance;
  }
  return width * size;
}

/**
 * `text` broken into lines no wider than `width` points in `font` at `size`: at spaces where it can, inside a word
 * (a URL, an identifier) where the word alone is too wide. Empty text is no lines.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const space = textWidth(' ', font, size);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(' ').filter(Boolean)) {
    const wordWidth = textWidth(word, font, size);
    if (line && used + space + wordWidth <= width) {
      line += ` ${word}`;
      used += space + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    if (wordWidth <= width) {
      [line, used] = [word, wordWidth];
      continue;
    }
    [line, used] = ['', 0];
    for (const char of word) {
      const charWidth = textWidth(char, font, size);
      if (line && used + charWidth > width) {
        lines.push(line);
        [line, used] = ['', 0];
      }
      line += char;
      used += charWidth;
    }
  }
  if (line) lines.push(line);
  return lines;
}
