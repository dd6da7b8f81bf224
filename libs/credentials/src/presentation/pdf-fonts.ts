import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** The two faces a credential PDF is set in. */
export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

let files: { regular: Uint8Array; bold: Uint8Array } | undefined;

// DejaVu Sans covers the Latin, Greek and Cyrillic alphabets of every EU language; read once per process.
function dejaVu(): { regular: Uint8Array; bold: Uint8Array } {
  files ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return files;
}

/** Embeds DejaVu Sans and DejaVu Sans Bold in `doc`, each subset to the glyphs the document uses. */
export async function embedDejaVu(doc: PDFDocument): Promise<PdfFonts> {
  doc.registerFontkit(fontkit);
  const { regular, bold } = dejaVu();
  return {
    regular: await doc.embedFont(regular, { subset: true }),
    bold: await doc.embedFont(bold, { subset: true }),
  };
}
