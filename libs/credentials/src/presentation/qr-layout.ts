import QRCode from 'qrcode';

/** A horizontal run of dark modules of a QR code, in module units from its top-left corner. */
export interface QrRun {
  row: number;
  column: number;
  length: number;
}

/** A QR code as the runs of dark modules to draw: `size` modules a side, quiet zone not included. */
export interface QrLayout {
  size: number;
  runs: QrRun[];
}

/**
 * The QR code (error correction level M, about 15% of it may be damaged) encoding `text`, as runs of dark modules,
 * so a page draws it as a few hundred vector rectangles that stay sharp when printed.
 */
export function qrLayout(text: string): QrLayout {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: QrRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let column = 0; column <= modules.size; column++) {
      const dark = column < modules.size && modules.get(row, column) === 1;
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}
