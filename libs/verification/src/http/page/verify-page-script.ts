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
  var DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
  function date(iso) {
    var d = new Date(iso);
    if (typeof iso !== 'string' || isNaN(d.getTime())) return el('span', String(iso));
    var t = el('time', DATE.format(d));
    t.setAttribute('datetime', d.toISOString());
    t.title = iso;
    return t;
  }
  function list(v) { return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]; }
  function object(v) { return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined; }
  function text(v) { return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''; }
  function scaleOf(d) {
    if (text(d.valueMin) && text(d.valueMax)) return text(d.valueMin) + '\\u2013' + text(d.valueMax);
    var allowed = list(d.allowedValue).map(text).filter(Boolean);
    if (allowed.length > 2) return allowed[0] + '\\u2013' + allowed[allowed.length - 1];
    if (allowed.length) return allowed.join(' or ');
    return '';
  }
  function gradeOf(credential) {
    var subject = object(list(object(credential) && credential.credentialSubject)[0]);
    if (!subject) return '';
    var achievement = object(subject.achievement) || {};
    var descriptions = list(achievement.resultDescription).map(object).filter(Boolean);
    var result = list(subject.result).map(object).filter(function (r) { return r && text(r.value); })[0];
    if (!result) return '';
    var ref = text(result.resultDescription) || text(object(result.resultDescription) && result.resultDescription.id);
    var d = descriptions.filter(function (x) { return ref ? text(x.id) === ref : true; })[0] || (descriptions.length === 1 && !ref ? descriptions[0] : undefined);
    var out = text(result.value);
    if (!d) return out;
    var scale = scaleOf(d);
    if (scale) out += ' on a scale ' + scale;
    if (text(d.requiredValue)) out += ', pass mark ' + text(d.requiredValue);
    if (text(d.name)) out += ' (' + text(d.name) + ')';
    return out;
  }
  function render(report, credential) {
    $('error').hidden = true;
    $('result').hidden = false;
    var verdict = $('verdict');
    var known = Object.prototype.hasOwnProperty.call(VERDICT, report.verdict);
    verdict.className = 'verdict ' + (known ? report.verdict : 'unknown');
    verdict.setAttribute('data-verdict', String(report.verdict));
    verdict.textContent = known ? VERDICT[report.verdict] : 'This credential could not be fully checked.';
    $('status').textContent = 'Checked. ' + verdict.textContent;
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
    [['Awarded', c.awardedDate, 'awarded'], ['Valid from', c.validFrom, 'valid-from'], ['Valid until', c.validUntil, 'valid-until']].forEach(function (d) {
      if (!d[1] && !(d[2] === 'valid-until' && c.validFrom)) return;
      dates.appendChild(el('dt', d[0]));
      var dd = el('dd'); dd.setAttribute('data-date', d[2]);
      dd.appendChild(d[1] ? date(d[1]) : document.createTextNode('no end date'));
      dates.appendChild(dd);
    });
    $('title').textContent = c.title || 'untitled';
    var annex = $('annex'); clear(annex);
    c.annexI.forEach(function (e) {
      if (e.key === 'learner' || e.key === 'title' || e.key === 'awardingBodies' || e.key === 'issuerCountry') return;
      if (!e.present && !e.mandatory) return;
      annex.appendChild(el('dt', e.name));
      var value = e.present ? (e.key === 'grade' && gradeOf(credential)) || show(e.value) || 'stated' : 'missing';
      var dd = el('dd', value); dd.setAttribute('data-element', e.key);
      annex.appendChild(dd);
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
  function fail(message) { $('result').hidden = true; $('status').textContent = ''; var e = $('error'); e.hidden = false; e.textContent = message; }
  function check() {
    var text = $('credential').value.trim();
    if (!text) return fail('Paste a credential first, or drop its file on the box.');
    var body;
    try { body = JSON.parse(text); } catch (e) { return fail('This is not JSON: a credential is a JSON document.'); }
    var button = $('check'); button.disabled = true; $('status').textContent = 'Checking\\u2026';
    fetch('/verifications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); })
      .then(function (r) { if (r.ok) render(r.json, body); else fail(r.json.detail || 'The credential could not be checked.'); })
      .catch(function () { fail('The verification service could not be reached.'); })
      .then(function () { button.disabled = false; });
  }
  var SHARE_TOKEN = /^[A-Za-z0-9_-]{22,128}$/;
  function openShared(token) {
    if (!SHARE_TOKEN.test(token)) return fail('This share link is not valid: check that it was copied whole.');
    var button = $('check'); button.disabled = true; $('status').textContent = 'Fetching the shared credential\u2026';
    fetch('/verify/shared/' + token, { headers: { accept: 'application/json' }, referrerPolicy: 'no-referrer' })
      .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); })
      .then(function (r) {
        button.disabled = false;
        if (!r.ok) return fail(r.json.detail || 'The shared credential could not be fetched.');
        $('credential').value = JSON.stringify(r.json, null, 2);
        var note = $('shared'); note.hidden = false;
        note.textContent = 'The learner shared this credential with you through a link: it was fetched from the issuing service and is checked below.';
        check();
      })
      .catch(function () { button.disabled = false; fail('The verification service could not be reached.'); });
  }
  function load(file) { var reader = new FileReader(); reader.onload = function () { $('credential').value = String(reader.result); check(); }; reader.readAsText(file); }
  document.addEventListener('DOMContentLoaded', function () {
    $('check').addEventListener('click', check);
    $('file').addEventListener('change', function (e) { if (e.target.files[0]) load(e.target.files[0]); });
    var drop = $('drop');
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('over'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('over'); });
    drop.addEventListener('drop', function (e) { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]); });
    var share = new URLSearchParams(location.search).get('share');
    if (share !== null) openShared(share);
  });
})();
`;
