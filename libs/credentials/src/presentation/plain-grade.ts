import type { JsonObject } from '../data-integrity/types';
import { listOf, objectOf, plainText } from './plain-text';

/**
 * The learner's grade with the scale it is on, as the verification page words it: "8 on a scale 1–10, pass mark 6
 * (Alliance ten-point scale)". The scale comes from the achievement's ResultDescription the Result names (or its
 * only one), from `valueMin`–`valueMax`, else from the first and last allowed values. Empty when there is no grade.
 */
export function plainGrade(credential: JsonObject): string {
  const subject = objectOf(listOf(credential.credentialSubject)[0]);
  const result = listOf(subject?.result)
    .map(objectOf)
    .find((r) => plainText(r?.value));
  if (!result) return '';
  const descriptions = listOf(objectOf(subject?.achievement)?.resultDescription)
    .map(objectOf)
    .filter((d) => d !== undefined);
  const ref = plainText(result.resultDescription) || plainText(objectOf(result.resultDescription)?.id);
  const scale = ref ? descriptions.find((d) => plainText(d.id) === ref) : descriptions.length === 1 ? descriptions[0] : undefined;
  const grade = plainText(result.value);
  if (!scale) return grade;
  // A scale of one value (a pass/fail scheme that only records passes) says nothing the grade does not.
  const range = rangeOf(scale);
  const saysMore = range !== '' && range !== grade;
  const passMark = plainText(scale.requiredValue);
  const name = plainText(scale.name);
  return `${grade}${saysMore ? ` on a scale ${range}` : ''}${passMark ? `, pass mark ${passMark}` : ''}${name ? ` (${name})` : ''}`;
}

function rangeOf(scale: JsonObject): string {
  const min = plainText(scale.valueMin);
  const max = plainText(scale.valueMax);
  if (min && max) return `${min}–${max}`;
  const allowed = listOf(scale.allowedValue)
    .map((v) => plainText(v))
    .filter(Boolean);
  if (allowed.length > 2) return `${allowed[0]}–${allowed[allowed.length - 1]}`;
  return allowed.join(' or ');
}
