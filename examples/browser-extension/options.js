// Options: a bundled policy or pasted TOML, the account and the language, stored in
// chrome.storage.local (the service worker rebuilds its engine when they change). The policy
// is compiled here too, so errors show with line and column before anything is saved.
import init, { Engine } from './vendor/freigabe.js';
import { compilePolicy, fetchPolicy } from './policy.js';
import { BUNDLED_POLICIES, SETTINGS_DEFAULTS } from './settings.js';

const form = {
  policy: document.getElementById('policy'),
  custom: document.getElementById('custom'),
  customLabel: document.getElementById('custom-label'),
  account: document.getElementById('account'),
  lang: document.getElementById('lang'),
  problem: document.getElementById('problem'),
  save: document.getElementById('save'),
  saved: document.getElementById('saved'),
};

let compiled = null;

async function compile() {
  compiled?.engine.free();
  compiled = null;
  form.problem.textContent = '';
  form.saved.textContent = '';
  const custom = form.policy.value === 'custom';
  form.customLabel.hidden = !custom;
  try {
    const source = custom
      ? { toml: form.custom.value, path: 'eigenes-regelwerk.toml' }
      : await fetchPolicy(chrome.runtime.getURL(`policies/${form.policy.value}.toml`));
    compiled = compilePolicy(Engine, source, { lang: form.lang.value });
  } catch (error) {
    const where = error.line ? `Zeile ${error.line}, Spalte ${error.column}: ` : '';
    form.problem.textContent = `${where}${error.message}${error.help ? `\n${error.help}` : ''}`;
  }
  const previous = form.account.value;
  form.account.replaceChildren(
    ...(compiled?.accounts ?? []).map((account) => new Option(
      `${account.name}${account.id === compiled.defaultAccount ? ' (Standard)' : ''} – ${account.platforms.join(', ')}`,
      account.id,
    )),
  );
  if (compiled?.accounts.some((a) => a.id === previous)) form.account.value = previous;
  else if (compiled) form.account.value = compiled.defaultAccount;
  form.save.disabled = !compiled;
}

await init();
form.policy.replaceChildren(
  ...Object.entries(BUNDLED_POLICIES).map(([id, name]) => new Option(name, id)),
  new Option('Eigenes Regelwerk (TOML einfügen)', 'custom'),
);
const stored = await chrome.storage.local.get(SETTINGS_DEFAULTS);
form.policy.value = stored.policy;
form.custom.value = stored.customToml;
form.lang.value = stored.lang;
await compile();
if (stored.account) form.account.value = stored.account;

form.policy.addEventListener('change', compile);
form.lang.addEventListener('change', compile);
form.custom.addEventListener('input', compile);
document.getElementById('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!compiled) return;
  await chrome.storage.local.set({
    policy: form.policy.value,
    customToml: form.custom.value,
    account: form.account.value,
    lang: form.lang.value,
  });
  form.saved.textContent = 'Gespeichert. Offene Seiten prüfen ab der nächsten Eingabe damit.';
});
document.body.dataset.ready = 'true';
