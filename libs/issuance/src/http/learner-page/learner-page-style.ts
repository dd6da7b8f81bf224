export const LEARNER_PAGE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #f6f7f9; overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.bar { display: flex; justify-content: space-between; align-items: center; padding: .75rem 1rem; background: #123d7a; color: #fff; }
.brand { margin: 0; font-weight: 600; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { margin: 0 0 .25rem; font-size: 1.7rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
h3 { margin: 0 0 .25rem; font-size: 1.15rem; }
.lead { color: #4a5560; }
label { display: block; font-weight: 600; margin-bottom: .35rem; }
.row { display: flex; gap: .5rem; flex-wrap: wrap; }
input[type=email] { flex: 1 1 16rem; min-width: 0; font-size: 1rem; padding: .6rem .7rem; border: 1px solid #8a96a3; border-radius: .5rem; }
button, .button { display: inline-block; background: #1f5fcc; color: #fff; border: 0; border-radius: .5rem; padding: .6rem 1rem; font-size: 1rem; cursor: pointer; text-decoration: none; }
button.quiet { background: transparent; color: inherit; border: 1px solid currentColor; }
.actions button { background: #fff; color: #1f5fcc; border: 1px solid #1f5fcc; }
button:disabled { opacity: .6; cursor: wait; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.notice { background: #e3f0ff; border-radius: .5rem; padding: .75rem 1rem; }
.error { color: #9b1c1c; font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 28rem), 1fr)); gap: 1rem; }
.card { background: #fff; border-radius: .75rem; padding: 1rem 1.25rem; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.meta { color: #4a5560; margin: .25rem 0 .5rem; }
.badge { display: inline-block; font-size: .85rem; font-weight: 600; padding: .1rem .5rem; border-radius: .35rem; margin-bottom: .35rem; }
.badge.issued { background: #dcf3e3; color: #14532d; }
.badge.suspended { background: #ffe8c2; color: #7c2d12; }
.badge.revoked { background: #fde2e2; color: #7f1d1d; }
.badge.collecting-proofs { background: #e8edf3; color: #1e293b; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: #1f5fcc; font-weight: 600; }
dl { display: grid; grid-template-columns: minmax(0, 12rem) minmax(0, 1fr); gap: .3rem 1rem; margin: .5rem 0 0; }
dt { color: #4a5560; }
dd { margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .75rem; }
.panel { margin-top: .75rem; padding: .75rem; background: #f1f5fb; border-radius: .5rem; }
.panel img { display: block; width: 14rem; max-width: 100%; height: auto; background: #fff; padding: .5rem; border-radius: .35rem; }
.panel input { width: 100%; font: 14px ui-monospace, Menlo, monospace; padding: .4rem; border: 1px solid #8a96a3; border-radius: .35rem; }
.enrolments { list-style: none; padding: 0; }
.enrolments > li { background: #fff; border-radius: .75rem; padding: .75rem 1rem; margin-bottom: .75rem; }
.parts { margin: .5rem 0 0; padding-left: 1.2rem; }
@media (max-width: 640px) {
  h1 { font-size: 1.4rem; }
  dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dd { margin-bottom: .4rem; }
  .actions button { flex: 1 1 100%; }
}
`;
