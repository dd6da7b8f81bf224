import { type JsonObject, VC_V2_CONTEXT_URL } from '@alliance/credentials';
import { check, type VerificationCheck } from '../../../domain/report/verification-check';

/** Is this a VC 2.0 credential at all? Without that, no other check means anything. */
export function parseCheck(document: unknown): VerificationCheck {
  const problems: VerificationCheck['problems'] = [];
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    return check('parse', 'failed', 'This is not a credential: it is not a JSON object.', [
      { code: 'PARSING_ERROR', message: 'the document is not a JSON object' },
    ]);
  }
  const d = document as JsonObject;
  const contexts = ([] as unknown[]).concat(d['@context'] ?? []);
  if (contexts[0] !== VC_V2_CONTEXT_URL)
    problems.push({ code: 'PARSING_ERROR', message: `the first @context must be ${VC_V2_CONTEXT_URL}` });
  const types = ([] as unknown[]).concat(d.type ?? []);
  if (!types.includes('VerifiableCredential')) problems.push({ code: 'PARSING_ERROR', message: 'type must include VerifiableCredential' });
  if (d.issuer === undefined) problems.push({ code: 'PARSING_ERROR', message: 'the credential names no issuer' });
  if (d.credentialSubject === undefined) problems.push({ code: 'PARSING_ERROR', message: 'the credential has no credentialSubject' });
  if (problems.length > 0) return check('parse', 'failed', 'This is not a W3C Verifiable Credential 2.0.', problems);
  return check('parse', 'passed', 'It is a W3C Verifiable Credential 2.0.');
}
