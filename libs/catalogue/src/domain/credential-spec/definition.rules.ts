import { violation, type Violation } from '../catalogue.exception';
import {
  type CredentialSpecDefinition,
  FORMS_OF_PARTICIPATION,
  QF_EHEA_CYCLES,
  STACKABILITY_OPTIONS,
  SUPERVISION_OPTIONS,
} from './definition';
import { componentViolations } from './component.rules';
import { isEcts, MAX_ECTS, oneOf, text } from './rule-helpers';
import { isHttpUrl } from '../institution/institution.rules';
import { gradingViolations, issuanceRuleViolations } from './grading.rules';

const ESCO_URI = /^https?:\/\/data\.europa\.eu\/esco\/(skill|occupation|isco)\/[A-Za-z0-9._-]+$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Every rule a definition must meet on its own (no registry needed). Missing or out-of-range Annex I
 * elements are all reported at once, each by its JSON path, so a form can mark every field in one round.
 */
export function definitionViolations(d: CredentialSpecDefinition): Violation[] {
  const out: Violation[] = [];
  const push = (field: string, rule: string, message: string) => out.push(violation(field, rule, message));
  text(d.title, 'title', 3, 300, true, out);
  text(d.description, 'description', 1, 5000, false, out);

  if (!Array.isArray(d.learningOutcomes) || d.learningOutcomes.length === 0 || d.learningOutcomes.length > 50) {
    push('learningOutcomes', 'annex-i.learning-outcomes', 'learningOutcomes must list 1 to 50 outcomes');
  } else {
    d.learningOutcomes.forEach((lo, i) => {
      text(lo?.description, `learningOutcomes[${i}].description`, 3, 2000, true, out);
      if (lo?.escoSkillUri !== undefined && !ESCO_URI.test(lo.escoSkillUri)) {
        push(
          `learningOutcomes[${i}].escoSkillUri`,
          'annex-i.esco-uri',
          'escoSkillUri must be an ESCO URI (http://data.europa.eu/esco/skill/...)',
        );
      }
    });
  }

  if (!isEcts(d.ects)) push('ects', 'annex-i.ects-range', `ects must be a number above 0 and at most ${MAX_ECTS}, in steps of 0.01`);
  if (d.workloadHours !== undefined && !(Number.isInteger(d.workloadHours) && d.workloadHours >= 1 && d.workloadHours <= 1800)) {
    push('workloadHours', 'annex-i.workload-hours-range', 'workloadHours must be an integer from 1 to 1800');
  }
  const eqfValid = Number.isInteger(d.eqfLevel) && d.eqfLevel >= 1 && d.eqfLevel <= 8;
  if (!eqfValid) push('eqfLevel', 'annex-i.eqf-level-range', 'eqfLevel must be an integer from 1 to 8');
  if (d.qfEheaCycle !== undefined) {
    const level = (QF_EHEA_CYCLES as Record<string, number>)[d.qfEheaCycle];
    if (level === undefined)
      push('qfEheaCycle', 'annex-i.qf-ehea-cycle', `qfEheaCycle must be one of ${Object.keys(QF_EHEA_CYCLES).join(', ')}`);
    else if (eqfValid && level !== d.eqfLevel)
      push('qfEheaCycle', 'annex-i.qf-ehea-cycle-level', `${d.qfEheaCycle} corresponds to EQF level ${level}, not ${d.eqfLevel}`);
  }
  text(d.assessmentType, 'assessmentType', 3, 500, true, out);
  oneOf(d.formOfParticipation, 'formOfParticipation', FORMS_OF_PARTICIPATION, 'annex-i.form-of-participation', true, out);
  if (!d.qualityAssurance || typeof d.qualityAssurance !== 'object') {
    push('qualityAssurance', 'annex-i.quality-assurance', 'qualityAssurance (type and body) is required');
  } else {
    text(d.qualityAssurance.type, 'qualityAssurance.type', 2, 500, true, out);
    text(d.qualityAssurance.body, 'qualityAssurance.body', 2, 300, true, out);
    if (d.qualityAssurance.bodyUrl !== undefined && !isHttpUrl(d.qualityAssurance.bodyUrl)) {
      push('qualityAssurance.bodyUrl', 'annex-i.quality-assurance-url', 'bodyUrl must be an http(s) URL');
    }
  }
  out.push(...awardingBodyViolations(d));
  out.push(...componentViolations(d));

  if (!Array.isArray(d.languages) || d.languages.length === 0 || d.languages.length > 24) {
    push('languages', 'definition.languages', 'languages must list 1 to 24 BCP 47 language tags');
  } else {
    d.languages.forEach((tag, i) => {
      if (typeof tag !== 'string' || !LANGUAGE_TAG.test(tag))
        push(`languages[${i}]`, 'definition.language-tag', 'must be a BCP 47 tag such as en or de-AT');
    });
    if (new Set(d.languages).size !== d.languages.length) push('languages', 'definition.languages-unique', 'languages must not repeat');
  }
  if (d.validityMonths !== undefined && !(Number.isInteger(d.validityMonths) && d.validityMonths >= 1 && d.validityMonths <= 1200)) {
    push('validityMonths', 'definition.validity-range', 'validityMonths must be an integer from 1 to 1200 (omit it for no expiry)');
  }
  text(d.prerequisites, 'prerequisites', 1, 2000, false, out);
  oneOf(d.supervisionAndIdentityVerification, 'supervisionAndIdentityVerification', SUPERVISION_OPTIONS, 'annex-i.supervision', false, out);
  if (d.gradingScheme !== undefined) out.push(...gradingViolations(d.gradingScheme));
  if (d.stackability !== undefined) {
    oneOf(d.stackability?.option, 'stackability.option', STACKABILITY_OPTIONS, 'annex-i.stackability', true, out);
    text(d.stackability?.towards, 'stackability.towards', 1, 500, false, out);
  }
  text(d.furtherInformation, 'furtherInformation', 1, 2000, false, out);
  out.push(...issuanceRuleViolations(d));
  return out;
}

function awardingBodyViolations(d: CredentialSpecDefinition): Violation[] {
  const bodies = d.awardingBodies;
  if (!Array.isArray(bodies) || bodies.length < 2) {
    return [violation('awardingBodies', 'awarding-bodies.too-few', 'a joint micro-credential needs two or more awarding bodies')];
  }
  const out: Violation[] = [];
  const seen = new Set<string>();
  bodies.forEach((b, i) => {
    if (typeof b?.institutionId !== 'string' || b.institutionId.length === 0) {
      out.push(violation(`awardingBodies[${i}].institutionId`, 'awarding-bodies.institution-required', 'institutionId is required'));
    } else if (seen.has(b.institutionId)) {
      out.push(violation(`awardingBodies[${i}].institutionId`, 'awarding-bodies.duplicate', 'an institution may appear only once'));
    }
    seen.add(b?.institutionId);
  });
  const leads = bodies.filter((b) => b?.lead === true).length;
  if (leads !== 1)
    out.push(violation('awardingBodies', 'awarding-bodies.one-lead', `exactly one awarding body must be the lead (found ${leads})`));
  return out;
}
