/** The employer's page: paste or drop a credential, read in plain words who awarded it, what it certifies, and whether it holds. */
export const VERIFY_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Check a micro-credential</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/verify/app.css">
<script src="/verify/app.js" defer></script>
</head>
<body>
<main>
  <h1>Check a micro-credential</h1>
  <p class="lead">Paste the credential you received (the JSON file), or drop the file here. Nothing is stored about you or the learner.</p>
  <p id="shared" class="shared" hidden></p>
  <section id="drop" class="drop" aria-label="Credential to check">
    <label for="credential">Credential (JSON)</label>
    <textarea id="credential" name="credential" rows="10" spellcheck="false" placeholder='{ "@context": [ "https://www.w3.org/ns/credentials/v2", … ] … }'></textarea>
    <div class="actions">
      <div class="file"><label for="file">Or choose a file</label> <input type="file" id="file" accept=".json,.jsonld,application/json,application/ld+json"></div>
      <button type="button" id="check">Check this credential</button>
    </div>
  </section>
  <p id="status" class="visually-hidden" role="status" aria-live="polite"></p>
  <section id="result" hidden aria-labelledby="result-heading">
    <h2 id="result-heading" class="visually-hidden">Result</h2>
    <div id="verdict" class="verdict"></div>
    <p id="reason" class="reason"></p>
    <div class="columns">
      <div>
        <h2>Who awarded it</h2>
        <ul id="bodies" class="bodies"></ul>
        <h2>Awarded to</h2>
        <p id="learner"></p>
        <h2>Dates</h2>
        <dl id="dates"></dl>
      </div>
      <div>
        <h2>What it certifies</h2>
        <p id="title" class="title"></p>
        <dl id="annex"></dl>
      </div>
    </div>
    <h2>Every check</h2>
    <ol id="checks" class="checks"></ol>
  </section>
  <p id="error" class="error" role="alert" hidden></p>
</main>
</body>
</html>
`;
