// Live checking of a draft in the browser: the policy is compiled once into an Engine, and
// every keystroke runs a full check (well under a millisecond, see bench.html), so there is no
// debounce. Findings are drawn on backdrop layers behind the textarea using the report's
// UTF-16 offsets, which are exactly JavaScript string indices.
import init, { Engine, rules } from '../../bindings-wasm/web/index.js';
import { PLATFORMS, PLATFORM_NAMES, SEVERITY_NAMES, compilePolicy, fetchPolicy, summarise } from './policy.js';
import { byWeight, markLayers, renderFinding } from './render.js';

const elements = {
  status: document.getElementById('status'),
  policy: document.getElementById('policy'),
  account: document.getElementById('account'),
  lang: document.getElementById('lang'),
  platforms: document.getElementById('platforms'),
  draft: document.getElementById('draft'),
  backdrops: document.getElementById('backdrops'),
  counters: document.getElementById('counters'),
  verdict: document.getElementById('verdict'),
  findings: document.getElementById('findings'),
  timing: document.getElementById('timing'),
  example: document.getElementById('example'),
};

// A draft with typical slips: an informal "du", an emoji inside the sentence, a link without
// https and a shortener, a bureaucratic word, a duplicated hashtag.
const EXAMPLE_DRAFT = 'Libori 2026 beginnt! Am Samstag um 11 Uhr empfange ich im Rathaus die Gäste 🎉 aus unseren '
  + 'Partnerstädten. Zwecks Anmeldung zum Empfang schreib uns einfach, du bist herzlich eingeladen! '
  + 'Alle Infos: http://www.paderborn.de/libori und https://bit.ly/libori26 #Libori #Paderborn #Libori';

// `waivers`: the exceptions the author accepted for this draft (the draft contract's
// `waivers`), sent with every check so the engine marks what they cover.
const state = { engine: null, accounts: [], report: null, lastVerdict: '', listKey: '', waivers: [] };

const WAIVER_TEXTS = {
  de: {
    open: 'Ausnahme …',
    reason: 'Begründung',
    by: 'Ihr Name',
    add: 'Ausnahme eintragen',
    remove: 'Ausnahme aufheben',
  },
  en: {
    open: 'Waive …',
    reason: 'Reason',
    by: 'Your name',
    add: 'Add waiver',
    remove: 'Remove waiver',
  },
};

function selectedPlatforms() {
  return [...elements.platforms.querySelectorAll('input:checked')].map((input) => input.value);
}

function renderPlatformChoice() {
  elements.platforms.replaceChildren(
    ...PLATFORMS.map((platform) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.value = platform;
      input.name = 'platform';
      label.append(input, PLATFORM_NAMES[platform]);
      return label;
    }),
  );
}

// Tick the account's own platforms; the author can add others (cross-posting is checked too).
function presetPlatforms() {
  const account = state.accounts.find((a) => a.id === elements.account.value);
  const own = new Set(account?.platforms ?? []);
  for (const input of elements.platforms.querySelectorAll('input')) {
    input.checked = own.has(input.value);
  }
}

// A new policy starts from its default account and that account's platforms; a new language
// (same policy) keeps what the author chose.
async function switchPolicy({ keepChoice = false } = {}) {
  const previousAccount = elements.account.value;
  state.engine?.free();
  state.engine = null;
  elements.status.classList.remove('failed');
  elements.status.textContent = 'Regelwerk wird geladen …';
  try {
    const policy = await fetchPolicy(new URL(`../../policies/${elements.policy.value}.toml`, import.meta.url));
    const { engine, accounts, defaultAccount } = compilePolicy(Engine, policy, { lang: elements.lang.value });
    state.engine = engine;
    state.accounts = accounts;
    elements.account.replaceChildren(
      ...accounts.map((account) => new Option(account.name, account.id)),
    );
    if (keepChoice && accounts.some((account) => account.id === previousAccount)) {
      elements.account.value = previousAccount;
    } else {
      elements.account.value = defaultAccount ?? accounts[0]?.id ?? '';
      presetPlatforms();
    }
    elements.status.textContent = `Regelwerk ${elements.policy.selectedOptions[0].text} geladen · ${rules().length} Regeln`;
  } catch (error) {
    elements.status.classList.add('failed');
    const where = error.line ? ` (Zeile ${error.line}:${error.column})` : '';
    elements.status.textContent = `Regelwerk fehlerhaft: ${error.message}${where}`;
  }
  check();
}

function renderHighlights(text, diagnostics) {
  elements.backdrops.replaceChildren(...markLayers(text, diagnostics, { className: 'backdrop' }));
  // Reading scrollTop now would force a layout in the middle of the keystroke; the next
  // frame does it with the layout it needs anyway.
  requestAnimationFrame(syncScroll);
}

function syncScroll() {
  const { scrollTop } = elements.draft;
  for (const layer of elements.backdrops.children) layer.scrollTop = scrollTop;
}

function renderCounters(measures) {
  elements.counters.replaceChildren(
    ...Object.entries(measures).map(([platform, { length, limit }]) => {
      const item = document.createElement('li');
      item.dataset.platform = platform;
      item.classList.toggle('over', length > limit);
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = PLATFORM_NAMES[platform] ?? platform;
      item.append(name, `${length.toLocaleString('de-DE')} / ${limit.toLocaleString('de-DE')}`);
      item.title = length > limit
        ? `${(length - limit).toLocaleString('de-DE')} Zeichen zu viel`
        : `${(limit - length).toLocaleString('de-DE')} Zeichen frei`;
      return item;
    }),
  );
}

// What the list shows of a finding; offsets move with every keystroke, the list need not.
function listKey(report) {
  return report.diagnostics
    .map((d) => `${d.severity}\u0000${d.rule}\u0000${d.platform}\u0000${d.message}\u0000${d.waived?.reason ?? ''}\u0000${spanText(d)}`)
    .join('\u0001');
}

function spanText(diagnostic) {
  const span = diagnostic.span;
  return span ? elements.draft.value.slice(span.start_utf16, span.end_utf16) : '';
}

// The waiver a finding's form adds: the rule, the words it covers (so the same rule elsewhere
// in the text still counts), who and why.
function waiverFor(diagnostic, reason, by) {
  const waiver = { rule: diagnostic.rule, reason, by, at: new Date().toISOString() };
  const words = spanText(diagnostic);
  if (words) waiver.words = words;
  return waiver;
}

// Under each finding: a form to accept it as an exception, or, for an accepted one, a button
// that takes the exception back.
function waiverControl(diagnostic, lang) {
  const texts = WAIVER_TEXTS[lang] ?? WAIVER_TEXTS.de;
  if (diagnostic.waived) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary waiver-remove';
    remove.textContent = texts.remove;
    remove.addEventListener('click', () => {
      state.waivers = state.waivers.filter((w) => !(w.rule === diagnostic.rule
        && w.by === diagnostic.waived.by && w.reason === diagnostic.waived.reason));
      check();
    });
    return remove;
  }
  const details = document.createElement('details');
  details.className = 'waiver-form';
  const summary = document.createElement('summary');
  summary.textContent = texts.open;
  const form = document.createElement('form');
  const field = (name, label) => {
    const wrapper = document.createElement('label');
    const input = document.createElement('input');
    input.name = name;
    input.required = true;
    wrapper.append(label, input);
    form.append(wrapper);
    return input;
  };
  const reason = field('reason', texts.reason);
  const by = field('by', texts.by);
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'secondary';
  submit.textContent = texts.add;
  form.append(submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.waivers.push(waiverFor(diagnostic, reason.value.trim(), by.value.trim()));
    check();
  });
  details.append(summary, form);
  return details;
}

function renderFindings(report) {
  const lang = elements.lang.value;
  const key = `${lang}\u0002${listKey(report)}`;
  if (key === state.listKey) return;
  state.listKey = key;
  const items = byWeight(report.diagnostics).map(({ diagnostic, index }) => {
    const item = document.createElement('li');
    item.className = diagnostic.severity;
    item.dataset.rule = diagnostic.rule;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.index = String(index);
    const meta = document.createElement('span');
    meta.className = 'meta';
    const severity = document.createElement('span');
    severity.className = 'severity';
    severity.textContent = SEVERITY_NAMES[lang][diagnostic.severity];
    const rule = document.createElement('span');
    rule.textContent = diagnostic.platform
      ? `${diagnostic.rule} · ${PLATFORM_NAMES[diagnostic.platform] ?? diagnostic.platform}`
      : diagnostic.rule;
    meta.append(severity, rule);
    button.append(meta, renderFinding(diagnostic, { lang }));
    item.append(button);
    // The waiver rules' own findings (a waiver that is refused or covers nothing) are about
    // a waiver, not about the text: nothing to accept there.
    if (!diagnostic.rule.startsWith('approval.waiver-')) item.append(waiverControl(diagnostic, lang));
    return item;
  });
  elements.findings.replaceChildren(...items);

  // Announced by the aria-live region only when it changes, not on every keystroke.
  const summary = summarise(report, lang);
  if (summary !== state.lastVerdict) {
    elements.verdict.textContent = summary;
    elements.verdict.className = `verdict ${report.verdict}`;
    state.lastVerdict = summary;
  }
}

function check() {
  if (!state.engine) return;
  const text = elements.draft.value;
  const started = performance.now();
  let report;
  try {
    report = state.engine.check({
      text,
      account: elements.account.value || undefined,
      platforms: selectedPlatforms(),
      waivers: state.waivers,
    });
  } catch (error) {
    elements.status.classList.add('failed');
    elements.status.textContent = `Prüfung nicht möglich: ${error.message}`;
    return;
  }
  const checked = performance.now();
  state.report = report;
  renderHighlights(text, report.diagnostics);
  renderCounters(report.measures);
  renderFindings(report);
  const rendered = performance.now();
  const milliseconds = (ms) => ms.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  elements.timing.textContent = `Prüfung ${milliseconds(checked - started)} ms · Darstellung ${milliseconds(rendered - checked)} ms · ${text.length.toLocaleString('de-DE')} Zeichen`;
}

// Clicking a finding selects its words in the textarea.
elements.findings.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-index]');
  const diagnostic = button && state.report?.diagnostics[Number(button.dataset.index)];
  if (!diagnostic?.span) return;
  for (const mark of elements.backdrops.querySelectorAll('mark')) {
    mark.classList.toggle('active', mark.dataset.index === button.dataset.index);
  }
  elements.draft.focus();
  elements.draft.setSelectionRange(diagnostic.span.start_utf16, diagnostic.span.end_utf16);
});

elements.draft.addEventListener('input', check);
elements.example.addEventListener('click', () => {
  elements.draft.value = EXAMPLE_DRAFT;
  elements.draft.focus();
  check();
});
elements.draft.addEventListener('scroll', syncScroll);
new ResizeObserver(syncScroll).observe(elements.draft);
elements.account.addEventListener('change', () => {
  presetPlatforms();
  check();
});
elements.platforms.addEventListener('change', check);
elements.policy.addEventListener('change', () => switchPolicy());
elements.lang.addEventListener('change', () => switchPolicy({ keepChoice: true }));

renderPlatformChoice();
try {
  await init();
  await switchPolicy();
  document.body.dataset.ready = 'true';
} catch (error) {
  elements.status.classList.add('failed');
  elements.status.textContent = `WebAssembly konnte nicht geladen werden: ${error.message}`;
}
