export const VERIFY_PAGE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #f6f7f9; overflow-wrap: anywhere; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1 { margin: 0 0 .25rem; font-size: 1.8rem; }
h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.lead { color: #4a5560; }
.shared { background: #eef4ff; border-left: .4rem solid #2f6fde; border-radius: .5rem; padding: .6rem 1rem; }
.drop { background: #fff; border: 2px dashed #b8c2cc; border-radius: .75rem; padding: 1rem; }
.drop.over { border-color: #2f6fde; background: #eef4ff; }
textarea { width: 100%; font: 13px/1.4 ui-monospace, Menlo, monospace; border: 1px solid #c8d0d8; border-radius: .5rem; padding: .5rem; }
input[type=file] { max-width: 100%; }
.actions { display: flex; gap: 1rem; align-items: center; justify-content: space-between; margin-top: .75rem; flex-wrap: wrap; }
button { background: #2f6fde; color: #fff; border: 0; border-radius: .5rem; padding: .6rem 1.2rem; font-size: 1rem; cursor: pointer; }
button:disabled { opacity: .6; cursor: wait; }
.verdict { margin-top: 1.5rem; padding: 1rem 1.25rem; border-radius: .75rem; font-size: 1.3rem; font-weight: 600; }
.verdict.valid { background: #e3f6e8; color: #14532d; }
.verdict.invalid { background: #fde8e8; color: #7f1d1d; }
.verdict.indeterminate, .verdict.unknown { background: #e8edf3; color: #1e293b; }
.verdict.unverified-issuer { background: #ffe8c2; color: #7c2d12; border-left: .4rem solid #d97706; }
.reason { font-size: 1.05rem; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 2rem; }
@media (max-width: 720px) { .columns { grid-template-columns: minmax(0, 1fr); gap: 0; } }
.bodies { list-style: none; padding: 0; }
.bodies li { background: #fff; border-radius: .5rem; padding: .5rem .75rem; margin-bottom: .5rem; }
.how { display: block; font-size: .9rem; color: #4a5560; }
.tag { font-size: .8rem; padding: .05rem .4rem; border-radius: .3rem; background: #e8edf3; margin-left: .4rem; }
dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: .25rem 1rem; margin: 0; }
dt { color: #4a5560; }
dd { margin: 0; }
.title { font-size: 1.2rem; font-weight: 600; }
.checks { padding-left: 1.25rem; }
.checks li { margin-bottom: .35rem; }
.passed::marker { color: #15803d; } .failed::marker { color: #b91c1c; } .warning::marker { color: #d97706; }
.outcome { font-weight: 600; margin-right: .4rem; }
.error { color: #b91c1c; font-weight: 600; }
`;
