// The service worker owns the Engine: the WebAssembly module is loaded from the extension
// package (manifest CSP allows 'wasm-unsafe-eval' for extension pages), the policy comes
// from the options in chrome.storage. Content scripts send text, get the report back, and the
// worker sets the badge and the verdict icon of their tab. The worker may be stopped when idle; the engine is
// rebuilt lazily on the next message.
import init, { Engine } from './vendor/freigabe.js';
import { SEVERITY_NAMES, compilePolicy, fetchPolicy, summarise } from './policy.js';
import { SETTINGS_DEFAULTS } from './settings.js';
import { VERDICT_ICONS, iconImageData } from './icons.js';

// The manifest names no image files: the icons are drawn here, the neutral one for every tab
// that has not been checked yet.
chrome.action.setIcon({ imageData: iconImageData('idle') });

let loading = null;

async function loadEngine() {
  await init();
  const settings = { ...SETTINGS_DEFAULTS, ...(await chrome.storage.local.get(SETTINGS_DEFAULTS)) };
  const source = settings.policy === 'custom'
    ? { toml: settings.customToml, path: 'eigenes-regelwerk.toml' }
    : await fetchPolicy(chrome.runtime.getURL(`policies/${settings.policy}.toml`));
  const compiled = compilePolicy(Engine, source, { lang: settings.lang });
  const account = compiled.accounts.some((a) => a.id === settings.account)
    ? settings.account
    : compiled.defaultAccount;
  return { engine: compiled.engine, account, lang: settings.lang };
}

function engine() {
  loading ??= loadEngine().catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

chrome.storage.onChanged.addListener(() => {
  const previous = loading;
  loading = null;
  previous?.then(({ engine: old }) => old.free(), () => {});
});

async function check(text, tabId) {
  const { engine: compiled, account, lang } = await engine();
  const report = compiled.check({ text, account });
  const summary = summarise(report, lang);
  if (tabId !== undefined) {
    // The badge counts what needs action: errors and warnings no waiver accepted.
    const actionable = report.diagnostics.filter((d) => d.severity !== 'info' && !d.waived).length;
    await chrome.action.setBadgeText({ tabId, text: actionable ? String(actionable) : '' });
    await chrome.action.setBadgeBackgroundColor({ tabId, color: VERDICT_ICONS[report.verdict].colour });
    await chrome.action.setIcon({ tabId, imageData: iconImageData(report.verdict) });
    await chrome.action.setTitle({ tabId, title: `freigabe: ${summary}` });
  }
  return { report, summary, lang, severityNames: SEVERITY_NAMES[lang] };
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === 'check' && typeof message.text === 'string') {
    check(message.text, sender.tab?.id).then(sendResponse, (error) => {
      sendResponse({
        error: {
          message: error.message,
          help: error.help ?? null,
          line: error.line ?? null,
          column: error.column ?? null,
        },
      });
    });
    return true; // answers asynchronously
  }
  if (message?.type === 'clear' && sender.tab?.id !== undefined) {
    const tabId = sender.tab.id;
    chrome.action.setBadgeText({ tabId, text: '' });
    chrome.action.setIcon({ tabId, imageData: iconImageData('idle') });
    chrome.action.setTitle({ tabId, title: chrome.runtime.getManifest().action.default_title });
  }
  return false;
});
