import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';

/** The parts of assessment's batch report the command reads. */
export interface UploadReport {
  batchId: string;
  rows: number;
  recorded: number;
  alreadyRecorded: number;
  rejected: number;
  retryable?: number;
  rejections: { line: number; rowId?: string; problem?: { code: string; message: string; field?: string; retryable?: boolean } }[];
}

export interface UploadOptions {
  /** Base URL of the assessment service. */
  url: string;
  token: string;
  /** CSV or JSON text and its content type. */
  body: string;
  contentType: 'text/csv' | 'application/json';
  batchId: string;
  /** How long to keep sending the file again while rows wait for their enrolment to reach assessment. */
  waitSeconds: number;
  log: (line: string) => void;
}

export interface UploadOutcome {
  status: number;
  report?: UploadReport;
  /** Sends of the file, the first included. */
  attempts: number;
  /** The problem+json answer, when the file as a whole was refused. */
  problem?: { code?: string; detail?: string };
}

/**
 * Sends a results file to assessment, and sends the same file again (it is idempotent under its batch id) while the
 * answer says some rows may be recorded later, i.e. their enrolment has not reached assessment yet, honouring
 * `Retry-After`, for at most `waitSeconds`.
 */
export async function uploadResults(o: UploadOptions): Promise<UploadOutcome> {
  const deadline = Date.now() + o.waitSeconds * 1000;
  for (let attempts = 1; ; attempts++) {
    const res = await fetch(`${o.url.replace(/\/$/, '')}/assessment-results/batches?batchId=${encodeURIComponent(o.batchId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${o.token}`, 'content-type': o.contentType },
      body: o.body,
    });
    const answer = (await res.json()) as UploadReport & { code?: string; detail?: string };
    const report = typeof answer.rows === 'number' && Array.isArray(answer.rejections) ? answer : undefined;
    if (!report) return { status: res.status, attempts, problem: { code: answer.code, detail: answer.detail } };
    const waiting = report.retryable ?? 0;
    const retryAfter = Number(res.headers.get('retry-after') ?? 0);
    if (waiting === 0 || !retryAfter || Date.now() + retryAfter * 1000 > deadline) return { status: res.status, report, attempts };
    o.log(`${waiting} row(s) wait for their enrolment to reach assessment; sending the file again in ${retryAfter} s`);
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
  }
}

/** The report as a registrar reads it: totals, then every rejected row with its line and reason. */
export function describeReport(outcome: UploadOutcome): string[] {
  const r = outcome.report;
  if (!r) return [`refused (${outcome.status}): ${outcome.problem?.code ?? ''} ${outcome.problem?.detail ?? ''}`.trim()];
  const lines = [
    `batch ${r.batchId}: ${r.rows} rows, ${r.recorded} recorded, ${r.alreadyRecorded} already recorded, ${r.rejected} rejected (${outcome.attempts} send(s))`,
  ];
  if (r.retryable)
    lines.push(
      `${r.retryable} rejected row(s) name an enrolment assessment does not know yet: send the same file again later to record them`,
    );
  for (const x of r.rejections) {
    const mark = x.problem?.retryable ? ' [send again later]' : '';
    lines.push(
      `  line ${x.line}${x.rowId ? ` (${x.rowId})` : ''}: ${x.problem?.code ?? 'rejected'}${x.problem?.field ? ` [${x.problem.field}]` : ''}: ${x.problem?.message ?? ''}${mark}`,
    );
  }
  return lines;
}

/** `results upload <file>`: a cohort's results (CSV or JSON) to assessment, waiting for enrolments still on their way. */
export function resultsCommand(): Command {
  const results = new Command('results').description("a partner university's assessment results");
  results
    .command('upload <file>')
    .description(
      'upload a results file (CSV with the template header, or JSON); rows whose enrolment has not reached assessment yet are sent again',
    )
    .requiredOption('--url <url>', 'assessment service base URL', process.env.ASSESSMENT_URL ?? 'http://127.0.0.1:3003')
    .option('--token <jwt>', "a registrar's bearer token (default: ALLIANCE_TOKEN)", process.env.ALLIANCE_TOKEN)
    .option('--batch-id <id>', 'the batch id (default: the file name without extension)')
    .option('--wait <seconds>', 'keep sending the file again for rows waiting for their enrolment, at most this long', '60')
    .action(async (file: string, opts: { url: string; token?: string; batchId?: string; wait: string }) => {
      if (!opts.token) throw new Error('a bearer token is required: --token or ALLIANCE_TOKEN');
      const body = await readFile(file, 'utf8');
      const outcome = await uploadResults({
        url: opts.url,
        token: opts.token,
        body,
        contentType: /\.json$/i.test(file) ? 'application/json' : 'text/csv',
        batchId: opts.batchId ?? basename(file).replace(/\.[^.]+$/, ''),
        waitSeconds: Number(opts.wait),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      for (const line of describeReport(outcome)) process.stdout.write(`${line}\n`);
      if (!outcome.report || outcome.report.rejected > 0) process.exitCode = 1;
    });
  return results;
}
