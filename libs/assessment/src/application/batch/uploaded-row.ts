/** One row of an upload before validation, with where it came from. */
export interface UploadedRow {
  /** 1-based position among the data rows. */
  row: number;
  /** Physical line in a CSV file (the header is line 1); the row number for JSON. */
  line: number;
  values: Record<string, unknown>;
  /** Set when the row could not even be read (e.g. a wrong number of CSV cells). */
  unreadable?: string;
}

export interface ParsedUpload {
  format: 'json' | 'csv';
  rows: UploadedRow[];
}
