// Policies for a page: fetch one with the files its `extends` chain names, compile it, list
// its accounts; and the few names a UI shows. Independent of where the package is loaded
// from, so the editor, the bench page and the browser extension (whose build copies this file)
// share it.

/** Platforms in the order the UI lists them (the contract's platform names). */
export const PLATFORMS = ['x', 'mastodon', 'bluesky', 'threads', 'instagram', 'facebook', 'linkedin'];

/** How platforms are written for people. */
export const PLATFORM_NAMES = {
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  threads: 'Threads',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
};

/** Severity labels per language. */
export const SEVERITY_NAMES = {
  de: { error: 'Fehler', warning: 'Warnung', info: 'Hinweis' },
  en: { error: 'Error', warning: 'Warning', info: 'Note' },
};

/** Counted nouns per language: [one, many]. */
const COUNTED = {
  de: {
    error: ['Fehler', 'Fehler'],
    warning: ['Warnung', 'Warnungen'],
    info: ['Hinweis', 'Hinweise'],
    waived: ['Ausnahme', 'Ausnahmen'],
  },
  en: {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    info: ['note', 'notes'],
    waived: ['waived', 'waived'],
  },
};

/** Verdict headlines per language. */
export const VERDICT_NAMES = {
  de: { pass: 'Freigabe möglich', warn: 'Mit Warnungen', block: 'Blockiert', none: 'Keine Befunde' },
  en: { pass: 'Ready to publish', warn: 'With warnings', block: 'Blocked', none: 'No findings' },
};

/**
 * One line for a report: "Blockiert · 1 Fehler, 2 Warnungen, 0 Hinweise". Findings a draft's
 * `waivers` accepted do not count for the verdict, so they are counted apart, and only when
 * there are any ("…, 1 Ausnahme"), as the CLI does.
 */
export function summarise(report, lang = 'de') {
  if (report.diagnostics.length === 0) return VERDICT_NAMES[lang].none;
  const counts = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const diagnostic of report.diagnostics) counts[diagnostic.waived ? 'waived' : diagnostic.severity] += 1;
  const counted = Object.entries(counts)
    .filter(([kind, n]) => kind !== 'waived' || n > 0)
    .map(([kind, n]) => `${n} ${COUNTED[lang][kind][n === 1 ? 0 : 1]}`)
    .join(', ');
  return `${VERDICT_NAMES[lang][report.verdict]} · ${counted}`;
}

/**
 * Fetches a policy and the files its `extends` chain names (relative to the policy, as the
 * CLI resolves them). The result is what `compilePolicy` takes.
 */
export async function fetchPolicy(url) {
  const files = {};
  const path = new URL(url).pathname.split('/').pop();
  const toml = await fetchText(url);
  // Follow `extends` so policies that extend something other than the bundled base work too.
  let source = toml;
  for (let depth = 0; depth < 8; depth += 1) {
    const parent = source.match(/^\s*extends\s*=\s*"([^"]+)"/m)?.[1];
    if (!parent || parent in files) break;
    source = await fetchText(new URL(parent, url));
    files[parent] = source;
  }
  return { toml, files, path };
}

/**
 * Compiles a policy with the package's `Engine` class and lists its accounts with their
 * display names and platforms. Throws the package's `FreigabeError` (kind, message, help,
 * line, column, file; `errors` has every error of the file). `files` and `path` may be
 * omitted for pasted TOML: `extends = "base.toml"` then uses the base policy bundled in
 * the package.
 */
export function compilePolicy(Engine, { toml, files = {}, path }, { lang = 'de' } = {}) {
  const engine = new Engine(toml, { lang, files, path });
  const details = engine.accountDetails();
  const accounts = details.map((account) => ({
    id: account.id,
    name: account.display_name ?? account.id,
    platforms: account.platforms,
  }));
  const defaultAccount = details.find((account) => account.default)?.id ?? accounts[0]?.id;
  return { engine, accounts, defaultAccount };
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} konnte nicht geladen werden (HTTP ${response.status})`);
  }
  return response.text();
}
