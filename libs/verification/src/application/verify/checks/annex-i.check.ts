import { findAnnexIElements, type JsonObject } from '@alliance/credentials';
import { check, type VerificationCheck } from '../../../domain/report/verification-check';

/** The EU Council Recommendation's Annex I elements, required of anything presented as a micro-credential. */
export function annexICheck(document: JsonObject): VerificationCheck {
  const findings = findAnnexIElements(document);
  const achievement = (document.credentialSubject as JsonObject | undefined)?.achievement as JsonObject | undefined;
  const isMicroCredential = achievement?.achievementType === 'MicroCredential';
  const missing = findings.filter((f) => f.mandatory && !f.present);
  const details = {
    elements: findings.map(({ key, name, mandatory, present, value }) => ({
      key,
      name,
      mandatory,
      present,
      ...(present ? { value } : {}),
    })),
  };
  if (missing.length === 0)
    return check('annex-i', 'passed', 'It states all 11 mandatory elements of an EU micro-credential (Annex I).', [], details);
  const problems = missing.map((m) => ({ code: 'ANNEX_I_ELEMENT_MISSING', message: `missing Annex I element: ${m.name}` }));
  if (!isMicroCredential) {
    return check(
      'annex-i',
      'not-applicable',
      `It is not presented as an EU micro-credential; ${missing.length} of the 11 Annex I elements are absent.`,
      problems,
      details,
    );
  }
  return check(
    'annex-i',
    'failed',
    `It calls itself a micro-credential but lacks ${missing.length} mandatory Annex I element${missing.length > 1 ? 's' : ''}: ${missing.map((m) => m.name).join('; ')}.`,
    problems,
    details,
  );
}
