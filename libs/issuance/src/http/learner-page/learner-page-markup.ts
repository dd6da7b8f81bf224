/** The learner's page: sign in with a link by e-mail, then see, download, share and claim their credentials. */
export const LEARNER_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>My micro-credentials</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/learner/app.css">
<script src="/learner/app.js" defer></script>
</head>
<body>
<header class="bar">
  <p class="brand">My micro-credentials</p>
  <button type="button" id="sign-out" class="quiet" hidden>Sign out</button>
</header>
<main>
  <p id="status" class="visually-hidden" role="status" aria-live="polite"></p>
  <p id="error" class="error" role="alert" hidden></p>

  <section id="sign-in" hidden aria-labelledby="sign-in-heading">
    <h1 id="sign-in-heading">Sign in to see your micro-credentials</h1>
    <p class="lead">Enter the e-mail address your university enrolled you with. We send you a link that signs you in once, within 15 minutes. No password needed.</p>
    <form id="sign-in-form" novalidate>
      <label for="email">Your e-mail address</label>
      <div class="row">
        <input type="email" id="email" name="email" autocomplete="email" required maxlength="254" inputmode="email">
        <button type="submit" id="send-link">Send me a sign-in link</button>
      </div>
    </form>
    <p id="link-sent" class="notice" hidden></p>
  </section>

  <section id="home" hidden aria-labelledby="home-heading">
    <h1 id="home-heading">Hello</h1>
    <p class="lead">Your credentials and enrolments across the alliance's universities.</p>
    <h2>Your credentials</h2>
    <p id="no-credentials" hidden>No credential has been awarded to you yet. When you pass every part of a micro-credential, it appears here.</p>
    <div id="credentials" class="cards"></div>
    <h2>Your enrolments</h2>
    <p id="no-enrolments" hidden>You are not enrolled in any micro-credential.</p>
    <ul id="enrolments" class="enrolments"></ul>
  </section>
</main>
</body>
</html>
`;
