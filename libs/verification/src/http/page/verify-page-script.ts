/** The page's script: builds everything with textContent, so nothing in a credential is ever run as markup. */
export const VERIFY_PAGE_SCRIPT = `'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var OUTCOME = { passed: 'Passed', failed: 'Failed', warning: 'Note', 'not-applicable': 'Did not apply', 'could-not-check': 'Could not check' };
  var VERDICT = {
    valid: 'This credential is valid.',
    invalid: 'This credential is NOT valid.',
    indeterminate: 'This credential could not be fully checked.',
    'unverified-issuer': 'Signatures intact, issuer not in the alliance registry.'
  };
  function reasonOf(report) {
    if (report.failure) return 'Why: ' + report.failure.reason + '.';
    if (report.uncheckable.length) return 'Not checked: ' + report.uncheckable.join(' ');
    if (report.verdict === 'unverified-issuer') {
      return 'Nobody in the alliance vouches for who made it: ' + (report.outsideRegistry || []).join(', ') + (report.outsideRegistry && report.outsideRegistry.length > 1 ? ' are' : ' is') + ' not in the alliance registry. The content is as it was signed; whether the issuer is who it says it is, check with the issuer.';
    }
    return '';
  }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function show(value) {
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map(show).join('; ');
    if (typeof value === 'object') {
      if (value.ects !== undefined) return value.ects + ' ECTS credits';
      if (value.eqfLevel) return 'EQF level ' + String(value.eqfLevel).split('/').pop() + (value.qfEheaCycle ? ' (' + value.qfEheaCycle + ' cycle)' : '');
      if (value.assuranceType) return value.assuranceType + (value.assuredBy ? ', by ' + value.assuredBy : '');
      if (value.stackabilityMode) return value.stackabilityMode;
      if (value.identifier) return '';
      return Object.keys(value).map(function (k) { return show(value[k]); }).filter(Boolean).join(', ');
    }
    return String(value);
  }
  function date(iso) { try { return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' }); } catch (e) { return iso; } }
  function render(report) {
    $('error').hidden = true;
    $('result').hidden = false;
    var verdict = $('verdict');
    var known = Object.prototype.hasOwnProperty.call(VERDICT, report.verdict);
    verdict.className = 'verdict ' + (known ? report.verdict : 'unknown');
    verdict.setAttribute('data-verdict', String(report.verdict));
    verdict.textContent = known ? VERDICT[report.verdict] : 'This credential could not be fully checked.';
    $('reason').textContent = reasonOf(report);
    var c = report.credential || { awardingBodies: [], annexI: [] };
    var bodies = $('bodies'); clear(bodies);
    c.awardingBodies.forEach(function (b) {
      var li = el('li', b.name + (b.countryCode ? ' (' + b.countryCode + (b.region ? ', ' + b.region : '') + ')' : ''));
      li.appendChild(el('span', b.registered ? 'alliance member' : 'not in the alliance registry', 'tag'));
      li.appendChild(el('span', b.signed ? 'signed' : 'signature missing', 'tag'));
      if (b.lead) li.appendChild(el('span', 'issuer', 'tag'));
      var how = el('span', undefined, 'how');
      if (b.didHosting) how.appendChild(el('span', 'DID: ' + b.didHosting + '.'));
      if (b.signing) how.appendChild(el('span', ' Signature: ' + b.signing + '.'));
      if (how.firstChild) li.appendChild(how);
      bodies.appendChild(li);
    });
    $('learner').textContent = c.learner || 'not stated';
    var dates = $('dates'); clear(dates);
    [['Awarded', c.awardedDate], ['Valid from', c.validFrom], ['Valid until', c.validUntil || (c.validFrom ? 'no end date' : '')]].forEach(function (d) {
      if (!d[1]) return; dates.appendChild(el('dt', d[0])); dates.appendChild(el('dd', d[1] === 'no end date' ? d[1] : date(d[1])));
    });
    $('title').textContent = c.title || 'untitled';
    var annex = $('annex'); clear(annex);
    c.annexI.forEach(function (e) {
      if (e.key === 'learner' || e.key === 'title' || e.key === 'awardingBodies' || e.key === 'issuerCountry') return;
      if (!e.present && !e.mandatory) return;
      annex.appendChild(el('dt', e.name));
      annex.appendChild(el('dd', e.present ? show(e.value) || 'stated' : 'missing'));
    });
    var checks = $('checks'); clear(checks);
    report.checks.forEach(function (k) {
      var li = el('li', undefined, k.outcome);
      li.setAttribute('data-check', k.id);
      li.appendChild(el('span', OUTCOME[k.outcome] || k.outcome, 'outcome'));
      li.appendChild(el('span', k.summary));
      checks.appendChild(li);
    });
  }
  function fail(message) { $('result').hidden = true; var e = $('error'); e.hidden = false; e.textContent = message; }
  function check() {
    var text = $('credential').value.trim();
    if (!text) return fail('Paste a credential first, or drop its file on the box.');
    var body;
    try { body = JSON.parse(text); } catch (e) { return fail('This is not JSON: a credential is a JSON document.'); }
    var button = $('check'); button.disabled = true;
    fetch('/verifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); })
      .then(function (r) { if (r.ok) render(r.json); else fail(r.json.detail || 'The credential could not be checked.'); })
      .catch(function () { fail('The verification service could not be reached.'); })
      .then(function () { button.disabled = false; });
  }
  function load(file) { var reader = new FileReader(); reader.onload = function () { $('credential').value = String(reader.result); check(); }; reader.readAsText(file); }
  document.addEventListener('DOMContentLoaded', function () {
    $('check').addEventListener('click', check);
    $('file').addEventListener('change', function (e) { if (e.target.files[0]) load(e.target.files[0]); });
    var drop = $('drop');
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]); });
  });
})();
`;
