import { violation, type Violation } from '../catalogue.exception';
import type { CredentialSpecDefinition } from './definition';
import { isEcts, sumEcts, text } from './rule-helpers';

const CODE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Components: unique codes, each owned by one of the awarding bodies, each with an ECTS share. The total
 * check here covers definitions without stack parts; with parts it needs their ECTS (see stack.rules).
 */
export function componentViolations(d: CredentialSpecDefinition): Violation[] {
  const out: Violation[] = [];
  const hasParts = Array.isArray(d.stackParts) && d.stackParts.length > 0;
  if (d.components !== undefined && !Array.isArray(d.components)) {
    return [violation('components', 'components.required', 'components must be a list')];
  }
  const components = d.components ?? [];
  if (components.length === 0 && !hasParts) {
    return [violation('components', 'components.required', 'list at least one component (or compose the definition of stack parts)')];
  }
  if (components.length > 100) out.push(violation('components', 'components.too-many', 'at most 100 components'));
  const bodies = new Set((Array.isArray(d.awardingBodies) ? d.awardingBodies : []).map((b) => b?.institutionId));
  const codes = new Set<string>();
  components.forEach((c, i) => {
    const at = `components[${i}]`;
    if (typeof c?.code !== 'string' || !CODE.test(c.code))
      out.push(violation(`${at}.code`, 'component.code-format', 'code must be 1-64 of A-Z a-z 0-9 . _ -'));
    else if (codes.has(c.code)) out.push(violation(`${at}.code`, 'component.code-duplicate', `component code ${c.code} is used twice`));
    codes.add(c?.code);
    text(c?.title, `${at}.title`, 2, 300, true, out);
    text(c?.description, `${at}.description`, 1, 2000, false, out);
    if (typeof c?.institutionId !== 'string' || c.institutionId.length === 0) {
      out.push(violation(`${at}.institutionId`, 'annex-i.required', 'institutionId (the member that teaches and assesses it) is required'));
    } else if (!bodies.has(c.institutionId)) {
      out.push(
        violation(
          `${at}.institutionId`,
          'component.owner-not-awarding-body',
          `institution ${c.institutionId} is not one of this credential's awarding bodies`,
        ),
      );
    }
    if (!isEcts(c?.ects)) out.push(violation(`${at}.ects`, 'component.ects-range', 'ects must be a number above 0, in steps of 0.01'));
  });
  const shares = components.map((c) => c?.ects);
  if (!hasParts && isEcts(d.ects) && shares.every(isEcts) && sumEcts(shares) !== d.ects) {
    out.push(
      violation('ects', 'ects.total-mismatch', `the components add up to ${sumEcts(shares)} ECTS but the credential states ${d.ects} ECTS`),
    );
  }
  return out;
}
