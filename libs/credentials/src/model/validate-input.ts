import { MissingAnnexIElementError, type AnnexIElementKey } from './annex-i';
import type { BuildCredentialInput } from './definition-types';
import { isEqfLevel } from './eqf';

const filled = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

function require(condition: boolean, key: AnnexIElementKey, detail: string): void {
  if (!condition) throw new MissingAnnexIElementError(key, detail);
}

/**
 * Checks that the input carries every mandatory Annex I element, in Annex I order, and throws
 * {@link MissingAnnexIElementError} naming the first that is absent or unusable.
 */
export function assertAnnexIInput(input: BuildCredentialInput): void {
  const { definition: d, learner } = input;
  require(!!learner &&
    filled(learner.givenName) &&
    filled(learner.familyName), 'learner', 'the learner needs a given name and a family name');
  require(filled(d.title), 'title', 'the definition has no title');
  const bodies = Array.isArray(d.awardingBodies) ? d.awardingBodies : [];
  // Without awarding bodies there is no issuer country either; name the element that is actually absent.
  require(bodies.length > 0, 'awardingBodies', 'the definition lists no awarding body');
  require(bodies.every((b) =>
    COUNTRY.test(b?.countryCode ?? ''),
  ), 'issuerCountry', 'every awarding body needs an ISO 3166-1 alpha-2 country code');
  require(bodies.every((b) => filled(b.name) && filled(b.did)), 'awardingBodies', 'every awarding body needs a name and a DID');
  require(bodies.filter((b) => b.lead).length ===
    1, 'awardingBodies', 'exactly one awarding body must be the lead (the credential issuer)');
  require(new Set(bodies.map((b) => b.did)).size === bodies.length, 'awardingBodies', 'awarding bodies must have distinct DIDs');
  const issued = input.issuanceDate instanceof Date ? input.issuanceDate.getTime() : Date.parse(input.issuanceDate ?? '');
  require(Number.isFinite(issued), 'dateOfIssuing', 'the issuance date is not a valid date');
  const outcomes = Array.isArray(d.learningOutcomes) ? d.learningOutcomes : [];
  require(outcomes.length > 0 &&
    outcomes.every((o) => filled(o?.text)), 'learningOutcomes', 'the definition needs at least one learning outcome, each with a text');
  require(outcomes.every((o) => o.escoUri === undefined || URL.canParse(o.escoUri)), 'learningOutcomes', 'an ESCO reference is not a URI');
  require(typeof d.ectsCredits === 'number' &&
    Number.isFinite(d.ectsCredits) &&
    d.ectsCredits > 0, 'workload', 'the notional workload must be a positive number of ECTS credits');
  require(isEqfLevel(d.eqfLevel), 'level', 'the EQF level must be an integer from 1 to 8');
  require(filled(d.assessmentType), 'assessmentType', 'the definition states no type of assessment');
  require(['online', 'onsite', 'blended'].includes(
    d.participationForm,
  ), 'participationForm', 'the form of participation must be online, onsite or blended');
  require(filled(d.qualityAssurance?.type) &&
    filled(d.qualityAssurance?.body), 'qualityAssurance', 'the quality assurance needs a type and a body');
  if (!LANGUAGE.test(d.language ?? '')) throw new RangeError(`language ${String(d.language)} is not a BCP 47 tag such as en or pt-BR`);
  if (!URL.canParse(input.credentialId)) throw new RangeError(`credential id ${input.credentialId} is not an absolute URI`);
}
