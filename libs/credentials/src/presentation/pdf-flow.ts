import { type Color, PageSizes, type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { PdfFonts } from './pdf-fonts';
import { wrapText } from './wrap-text';

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
/** Left and right margin, and the top one. */
export const MARGIN = 56;
/** Width of the text area. */
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TOP = PAGE_HEIGHT - MARGIN;
// Leaves room for the footer.
const BOTTOM = MARGIN + 16;
const LABEL_WIDTH = 150;
const VALUE_X = MARGIN + LABEL_WIDTH + 14;
const VALUE_WIDTH = PAGE_WIDTH - MARGIN - VALUE_X;
const ROW_LINE = 13.5;
const BULLET_INDENT = 10;

/** The colours of the document. */
export const INK = rgb(0.1, 0.1, 0.13);
export const MUTED = rgb(0.38, 0.38, 0.43);

/** How a paragraph is set. */
export interface TextStyle {
  font: PDFFont;
  size: number;
  color?: Color;
  /** Left edge and width; the text area's by default. */
  x?: number;
  width?: number;
}

/**
 * Sets text from the top of an A4 page down, starting a new page whenever the next line does not fit, so
 * content of any length flows over as many pages as it needs.
 */
export class PdfFlow {
  page!: PDFPage;
  /** The top of the next line, in points from the bottom of the page. */
  y = TOP;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: PdfFonts,
  ) {
    this.newPage();
  }

  /** Makes sure `height` points fit below the cursor, on a new page if not on this one. */
  room(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** Moves the cursor down. */
  gap(points: number): void {
    this.y -= points;
  }

  /** Sets `text` wrapped to the style's width. */
  paragraph(text: string, style: TextStyle): void {
    const height = style.size * 1.35;
    for (const line of wrapText(text, style.font, style.size, style.width ?? TEXT_WIDTH)) {
      this.room(height);
      this.draw(line, style.x ?? MARGIN, this.y - style.size, style.font, style.size, style.color ?? INK);
      this.y -= height;
    }
  }

  /**
   * A labelled row of the two-column list: the label on the left, each value a paragraph on the right (a bulleted
   * one, its lines hanging under the text, when `bulleted`), both on one baseline per line.
   */
  row(label: string, values: string[], { color = INK, bulleted = false }: { color?: Color; bulleted?: boolean } = {}): void {
    const { regular, bold } = this.fonts;
    const labels = wrapText(label, bold, 8.5, LABEL_WIDTH);
    const indent = bulleted ? BULLET_INDENT : 0;
    const lines = values.flatMap((v) =>
      wrapText(v, regular, 10, VALUE_WIDTH - indent).map((text, i) => ({ text, bullet: bulleted && i === 0 })),
    );
    for (let i = 0; i < Math.max(labels.length, lines.length); i++) {
      this.room(ROW_LINE);
      const baseline = this.y - 10;
      if (labels[i]) this.draw(labels[i], MARGIN, baseline, bold, 8.5, MUTED);
      if (lines[i]?.bullet) this.draw('•', VALUE_X, baseline, regular, 10, color);
      if (lines[i]) this.draw(lines[i].text, VALUE_X + indent, baseline, regular, 10, color);
      this.y -= ROW_LINE;
    }
    this.y -= 5;
  }

  /** A thin line across the text area. */
  rule(): void {
    this.room(10);
    this.y -= 4;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + TEXT_WIDTH, y: this.y }, thickness: 0.5, color: MUTED });
    this.y -= 10;
  }

  private draw(text: string, x: number, baseline: number, font: PDFFont, size: number, color: Color): void {
    this.page.drawText(text, { x, y: baseline, font, size, color });
  }

  private newPage(): void {
    this.page = this.doc.addPage(PageSizes.A4);
    this.y = TOP;
  }
}
