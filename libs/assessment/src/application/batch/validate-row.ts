import { flattenValidationErrors } from '@alliance/nest-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RESULT_COLUMNS, ResultRowInput } from './result-row.input';

export type RowCheck = { ok: true; input: ResultRowInput } | { ok: false; errors: { field: string; message: string }[] };

/** Checks the shape of one row (required cells, formats); the domain checks the rest. */
export function validateRow(values: Record<string, unknown>): RowCheck {
  const input = plainToInstance(ResultRowInput, values);
  const errors = flattenValidationErrors(validateSync(input, { whitelist: true, forbidNonWhitelisted: true }));
  if (errors.length > 0) return { ok: false, errors };
  // Only the known columns travel on.
  const clean = Object.fromEntries(
    RESULT_COLUMNS.filter((c) => input[c] !== undefined).map((c) => [c, input[c]]),
  ) as unknown as ResultRowInput;
  return { ok: true, input: clean };
}
