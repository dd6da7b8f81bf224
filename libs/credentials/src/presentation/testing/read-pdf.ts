// Reads a PDF back the way a reader would (PDF.js) and the way this library drew it (pdf-lib's content streams).
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFRef } from 'pdf-lib';

/** The text of each page as PDF.js extracts it, one line per drawn line, and the document's information dictionary. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: string[]; info: Record<string, unknown> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js takes the buffer over, so it gets a copy.
  const task = pdfjs.getDocument({ data: bytes.slice(), disableFontFace: true });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    const { info } = await doc.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await task.destroy();
  }
}

/** Every rectangle (`x y w h re`) in the content streams of a page, in drawing order. */
export async function rectanglesOnPage(bytes: Uint8Array, index: number): Promise<{ x: number; y: number; w: number; h: number }[]> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPage(index);
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const text = refs
    .map((ref) => doc.context.lookup(ref as PDFRef))
    .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
    .join('\n');
  const number = '(-?\\d+(?:\\.\\d+)?)';
  return [...text.matchAll(new RegExp(`${number} ${number} ${number} ${number} re\\b`, 'g'))].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}
