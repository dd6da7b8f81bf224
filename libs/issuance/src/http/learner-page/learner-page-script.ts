/**
 * The learner page's script: everything is built with textContent (nothing from the server is ever run as markup).
 * The session token stays in this tab's sessionStorage and goes only to this service's own APIs.
 */
export const LEARNER_PAGE_SCRIPT = `'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var SESSION = 'learner-session';
  var STATUS = { issued: 'Valid', suspended: 'Suspended', revoked: 'Revoked', 'collecting-proofs': 'Being signed by the universities' };
  var ENROLMENT = { 'in-progress': 'In progress', awarded: 'Awarded', ended: 'Ended' };
  var DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function date(iso) { var d = new Date(iso); return isNaN(d.getTime()) ? String(iso) : DATE.format(d); }
  function say(text) { $('status').textContent = text; }
  function fail(text) { var e = $('error'); e.textContent = text; e.hidden = false; }
  function ok() { $('error').hidden = true; }
  function session() {
    try {
      var s = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
      return s && typeof s.accessToken === 'string' && Date.parse(s.expiresAt) > Date.now() + 10000 ? s : null;
    } catch (e) { return null; }
  }
  function problem(res) {
    return res.json().catch(function () { return {}; }).then(function (body) {
      var detail = body && (body.detail || body.title);
      throw new Error(detail || ('The service answered ' + res.status + '.'));
    });
  }
  function api(method, path, body, accept) {
    var s = session();
    if (!s) { signedOut('Your session has ended: sign in again.'); return Promise.reject(new Error('signed out')); }
    var headers = { authorization: 'Bearer ' + s.accessToken, accept: accept || 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      if (res.status === 401) { signedOut('Your session has ended: sign in again.'); throw new Error('signed out'); }
      if (!res.ok) return problem(res);
      return accept && accept !== 'application/json' ? res.blob() : res.json();
    });
  }
  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el('a'); a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function busy(button, work) {
    button.disabled = true; ok();
    return work().catch(function (e) { if (e.message !== 'signed out') fail(e.message); }).then(function () { button.disabled = false; });
  }
  function signedOut(message) {
    sessionStorage.removeItem(SESSION);
    $('home').hidden = true; $('sign-out').hidden = true; $('sign-in').hidden = false;
    if (message) fail(message);
  }
  function requestLink(event) {
    event.preventDefault();
    var email = $('email').value.trim();
    if (!/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(email)) { fail('Enter the e-mail address you were enrolled with, like name@example.org.'); $('email').focus(); return; }
    var button = $('send-link');
    busy(button, function () {
      return fetch('/learner/sign-in-links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: email }) })
        .then(function (res) { return res.ok ? res.json() : problem(res); })
        .then(function (r) { var n = $('link-sent'); n.textContent = r.message + ' Check your mailbox, then open the link on this device.'; n.hidden = false; say(n.textContent); });
    });
  }
  function signIn(token) {
    say('Signing you in\\u2026');
    return fetch('/learner/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: token }) })
      .then(function (res) { return res.ok ? res.json() : problem(res); })
      .then(function (s) { sessionStorage.setItem(SESSION, JSON.stringify(s)); });
  }
  function row(dl, name, value, key) {
    dl.appendChild(el('dt', name));
    var dd = el('dd', value); if (key) dd.setAttribute('data-element', key); dl.appendChild(dd);
  }
  function walletPanel(card, c, button) {
    return busy(button, function () {
      return api('POST', '/credentials/' + c.credentialId + '/wallet-offers', {}).then(function (offer) {
        var panel = card.querySelector('.wallet') || el('div', undefined, 'panel wallet'); clear(panel);
        panel.appendChild(el('p', 'Scan this code with your wallet app (for example the EU Digital Identity Wallet). Your wallet will ask for a code: we have just e-mailed it to you.'));
        var img = el('img'); img.alt = 'QR code of the credential offer for your wallet'; img.src = 'data:image/svg+xml;base64,' + btoa(offer.qrSvg); panel.appendChild(img);
        var link = el('a', 'On this phone? Open the offer in your wallet app', 'button'); link.href = offer.byReference; link.setAttribute('data-offer', 'by-reference');
        panel.appendChild(el('p')).appendChild(link);
        panel.appendChild(el('p', 'The offer works once, until ' + date(offer.expiresAt) + '.', 'meta'));
        card.appendChild(panel);
        say('Wallet offer ready: scan the QR code.');
      });
    });
  }
  function sharePanel(card, c, button) {
    return busy(button, function () {
      return api('POST', '/credentials/' + c.credentialId + '/shares', {}).then(function (share) {
        var panel = card.querySelector('.share') || el('div', undefined, 'panel share'); clear(panel);
        var id = 'share-' + c.credentialId;
        var label = el('label', 'Send this link to an employer: it opens the credential on the verification page.'); label.htmlFor = id;
        var input = el('input'); input.id = id; input.readOnly = true; input.value = share.url;
        panel.appendChild(label); panel.appendChild(input);
        var copy = el('button', 'Copy link'); copy.type = 'button';
        copy.addEventListener('click', function () { input.select(); (navigator.clipboard ? navigator.clipboard.writeText(share.url) : Promise.resolve()).then(function () { say('Link copied.'); }, function () { say('Select the link and copy it.'); }); });
        panel.appendChild(el('p')).appendChild(copy);
        panel.appendChild(el('p', 'The link works until ' + date(share.expiresAt) + '. Anyone with it can see this credential.', 'meta'));
        card.appendChild(panel);
        say('Share link ready.');
      });
    });
  }
  function credentialCard(c) {
    var card = el('article', undefined, 'card'); card.setAttribute('data-credential', c.credentialId);
    var heading = el('h3', c.title); heading.id = 'c-' + c.credentialId; card.setAttribute('aria-labelledby', heading.id);
    card.appendChild(heading);
    var badge = el('span', (STATUS[c.lifecycle] || c.lifecycle) + (c.statusReason ? ': ' + c.statusReason : ''), 'badge ' + c.lifecycle);
    badge.setAttribute('data-status', c.lifecycle); card.appendChild(badge);
    card.appendChild(el('p', 'Awarded ' + date(c.awardedAt) + ' by ' + c.awardingBodies.join(', ') + '.', 'meta'));
    if (c.supersededBy) card.appendChild(el('p', 'Replaced by a newer credential, shown separately.', 'meta'));
    var details = el('details'); details.appendChild(el('summary', 'What this credential certifies'));
    var dl = el('dl');
    c.annexI.forEach(function (e) { if (e.present) row(dl, e.name, e.text, e.key); else if (e.mandatory) row(dl, e.name, 'not stated', e.key); });
    details.appendChild(dl); card.appendChild(details);
    var actions = el('div', undefined, 'actions');
    function action(label, run, enabled) {
      var b = el('button', label); b.type = 'button'; b.disabled = !enabled;
      b.setAttribute('aria-describedby', heading.id);
      b.addEventListener('click', function () { run(b); }); actions.appendChild(b); return b;
    }
    var signed = c.lifecycle !== 'collecting-proofs';
    action('Download JSON', function (b) { busy(b, function () { return api('GET', '/credentials/' + c.credentialId, undefined, 'application/ld+json').then(function (blob) { save(blob, 'credential-' + c.credentialId + '.json'); }); }); }, signed);
    action('Download PDF', function (b) { busy(b, function () { return api('GET', '/credentials/' + c.credentialId + '/pdf', undefined, 'application/pdf').then(function (blob) { save(blob, 'credential-' + c.credentialId + '.pdf'); }); }); }, signed);
    action('Share with an employer', function (b) { sharePanel(card, c, b); }, c.lifecycle === 'issued');
    action('Add to my wallet', function (b) { walletPanel(card, c, b); }, c.lifecycle === 'issued');
    card.appendChild(actions);
    return card;
  }
  function enrolmentItem(e) {
    var li = el('li'); li.setAttribute('data-enrolment', e.specId);
    li.appendChild(el('h3', e.title));
    li.appendChild(el('p', (ENROLMENT[e.state] || e.state) + (e.enrolledAt ? ', enrolled ' + date(e.enrolledAt) : '') + '.', 'meta'));
    var parts = el('ul', undefined, 'parts');
    e.components.forEach(function (p) {
      var result = !p.result ? 'no result yet' : (p.result.passed ? 'passed' : 'not passed') + (p.result.grade ? ', grade ' + p.result.grade : '') + ' (' + date(p.result.assessedAt) + ')';
      parts.appendChild(el('li', p.title + ' at ' + p.institution + ', ' + p.ects + ' ECTS: ' + result));
    });
    li.appendChild(parts);
    return li;
  }
  function load() {
    return api('GET', '/learner/overview').then(function (view) {
      $('sign-in').hidden = true; $('home').hidden = false; $('sign-out').hidden = false;
      $('home-heading').textContent = view.learner.name ? 'Hello, ' + view.learner.name : 'Hello';
      var cards = $('credentials'); clear(cards);
      view.credentials.forEach(function (c) { cards.appendChild(credentialCard(c)); });
      $('no-credentials').hidden = view.credentials.length > 0;
      var list = $('enrolments'); clear(list);
      view.enrolments.forEach(function (e) { list.appendChild(enrolmentItem(e)); });
      $('no-enrolments').hidden = view.enrolments.length > 0;
      say('Signed in. ' + view.credentials.length + ' credential(s), ' + view.enrolments.length + ' enrolment(s).');
    });
  }
  function start() {
    var token = /^#sign-in=([A-Za-z0-9._-]{40,200})$/.exec(location.hash);
    if (location.hash) history.replaceState(null, '', location.pathname);
    (token ? signIn(token[1]) : Promise.resolve())
      .then(function () { if (session()) return load(); signedOut(); })
      .catch(function (e) { if (e.message !== 'signed out') { signedOut(); fail(e.message); } });
  }
  document.addEventListener('DOMContentLoaded', function () {
    $('sign-in-form').addEventListener('submit', requestLink);
    $('sign-out').addEventListener('click', function () { signedOut(); ok(); say('Signed out.'); });
    // A link pasted into a tab already on this page changes only the fragment.
    window.addEventListener('hashchange', function () { if (location.hash) start(); });
    start();
  });
})();
`;
