import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor } from 'pdf-lib';
import { MARGIN, MUTED, type PdfFlow, TEXT_WIDTH } from './pdf-flow';
import { plainText } from './plain-text';
import { qrLayout } from './qr-layout';

/** Side of the QR code with its quiet zone, in points (about 4.2 cm). */
const QR_SIDE = 120;
// The quiet zone a reader needs around the code, in modules.
const QUIET = 4;

/** What an employer is told to do with the code. */
export const VERIFY_SENTENCE =
  'To check this credential, scan the QR code or open the link below: the verification page shows whether it is ' +
  'genuine, which universities signed it and whether it is still valid.';

/**
 * The QR code encoding `verifyUrl`, drawn as vector rectangles with the sentence beside it and the URL under it.
 *
 * @throws RangeError when `verifyUrl` is blank; Error from `qrcode` when it is too long for a QR code.
 */
export function drawVerificationBlock(flow: PdfFlow, verifyUrl: string): void {
  if (!verifyUrl.trim()) throw new RangeError('The verify URL for the QR code is blank');
  const { size, runs } = qrLayout(verifyUrl);
  const module = QR_SIDE / (size + 2 * QUIET);
  flow.room(QR_SIDE + 40);
  const top = flow.y - QUIET * module;
  const left = MARGIN;
  flow.page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...runs.map((r) => rectangle(left + r.column * module, top - (r.row + 1) * module, r.length * module, module)),
    fill(),
    popGraphicsState(),
  );
  const below = flow.y - QR_SIDE;
  flow.paragraph(VERIFY_SENTENCE, { font: flow.fonts.regular, size: 10, x: MARGIN + QR_SIDE, width: TEXT_WIDTH - QR_SIDE });
  flow.y = Math.min(flow.y, below);
  flow.paragraph(plainText(verifyUrl), { font: flow.fonts.regular, size: 8.5, color: MUTED });
}
