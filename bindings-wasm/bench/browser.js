// Bench page (issue 6): one full check of a 2,200-character German draft, the work an
// editor does per keystroke: draft object in, report object out, every rule of the Paderborn
// policy on all seven platforms with 16 history entries. 1,000 timed runs after a warm-up;
// p50/p95/max on the page and as JSON in #result (bench/browser.mjs prints it). Timer
// resolution is only fine (5 µs) when the page is cross-origin isolated; the JSON says
// whether it was.
import init, { Engine, version } from '../web/index.js';

const RUNS = 1000;
const WARM_UP = 200;
const CHARS = 2200;

// Sentences a press office writes, with what the rules look at: emoji, links, hashtags,
// mentions, an informal "du", a party name, a phone number, bureaucratic words.
const SENTENCES = [
  'Liebe Paderbornerinnen und Paderborner, am Samstag beginnt das Libori-Fest 🎉.',
  'Der Bürgermeister eröffnet es um 11 Uhr auf dem Rathausplatz gemeinsam mit den Gästen aus unseren Partnerstädten.',
  'Alle Informationen zum Programm finden Sie unter https://www.paderborn.de/libori und bei @stadtpaderborn.',
  'Bitte beachten Sie die Umleitungen rund um den Dom; die Lichtzeichenanlage am Westernmauer wird zwecks Umbau abgeschaltet.',
  'Wer mag, kann du-Form oder Sie-Form nutzen – aber du bist bei uns immer willkommen!',
  'Die CDU-Fraktion und alle anderen Fraktionen im Rat haben den Haushalt beschlossen.',
  'Fragen beantwortet das Bürgerbüro unter 05251 88-0 oder per E-Mail an buergerbuero@paderborn.de.',
  'Für Menschen mit Behinderung gibt es barrierefreie Zugänge am Marienplatz und am Abdinghof.',
  'Wir freuen uns auf Ihren Besuch! 🌞 #Libori #Paderborn #LiboriFest2026',
  'Seitens der Verwaltung wird um Verständnis für Einschränkungen im Straßenverkehr gebeten.',
  'Die Busse des PaderSprinters fahren während der Festtage im 10-Minuten-Takt bis Mitternacht.',
  'Fotos vom Eröffnungstag zeigen wir am Montag in unserer Bildergalerie auf paderborn.de/galerie.',
];

/** A deterministic German draft of exactly `chars` characters (Unicode scalars). */
function draftText(chars) {
  let text = '';
  for (let i = 0; [...text].length < chars; i += 1) text += `${SENTENCES[i % SENTENCES.length]} `;
  return [...text].slice(0, chars).join('');
}

function history() {
  const entries = [];
  for (let day = 1; day <= 16; day += 1) {
    entries.push({
      account: 'buergermeister',
      platforms: ['facebook', 'instagram'],
      published_at: new Date(Date.UTC(2026, 6, 23 - day, 8, 30)).toISOString(),
      text: SENTENCES[day % SENTENCES.length],
    });
  }
  return entries;
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms) => Math.round(ms * 1000) / 1000;
  return {
    runs: samples.length,
    p50_ms: round(quantile(sorted, 0.5)),
    p95_ms: round(quantile(sorted, 0.95)),
    max_ms: round(sorted[sorted.length - 1]),
    mean_ms: round(samples.reduce((sum, ms) => sum + ms, 0) / samples.length),
  };
}

function measure(work) {
  for (let i = 0; i < WARM_UP; i += 1) work();
  const samples = new Float64Array(RUNS);
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    work();
    samples[i] = performance.now() - started;
  }
  return stats(samples);
}

// Smallest step performance.now() takes here (coarser without cross-origin isolation).
function timerResolution() {
  let smallest = Infinity;
  for (let i = 0; i < 50; i += 1) {
    const first = performance.now();
    let next = performance.now();
    while (next === first) next = performance.now();
    smallest = Math.min(smallest, next - first);
  }
  return Math.round(smallest * 1e6) / 1e3;
}

async function main() {
  await init();
  const policy = await (await fetch('../../policies/paderborn.toml')).text();
  const compileStarted = performance.now();
  const engine = new Engine(policy, { lang: 'de', path: 'paderborn.toml' });
  const compileMs = performance.now() - compileStarted;
  const text = draftText(CHARS);
  // For bench/browser.mjs, which types the same draft into the editor example.
  window.benchDraft = text;
  const draft = {
    text,
    account: 'buergermeister',
    platforms: ['x', 'mastodon', 'bluesky', 'threads', 'instagram', 'facebook', 'linkedin'],
    author: 'sta13.presse',
    scheduled_at: '2026-07-23T10:00:00+02:00',
  };
  const options = { history: history(), now: '2026-07-22T12:00:00+02:00' };
  // The first check after the compile: work the engine defers to its first use lands here.
  const firstCheckStarted = performance.now();
  const report = engine.check(draft, options);
  const firstCheckMs = performance.now() - firstCheckStarted;
  const timers = self.crossOriginIsolated
    ? 'Zeitmessung auf 5 µs genau (cross-origin-isoliert).'
    : 'Zeitmessung nur auf 100 µs genau: die Seite ist nicht cross-origin-isoliert (bench/browser.mjs sendet COOP/COEP).';
  document.getElementById('setup').textContent = `${[...text].length} Zeichen (${text.length} UTF-16-Einheiten), ${report.diagnostics.length} Befunde je Prüfung, ${RUNS} Läufe nach ${WARM_UP} zum Aufwärmen. ${timers}`;

  const result = {
    engine_version: version(),
    user_agent: navigator.userAgent,
    cross_origin_isolated: self.crossOriginIsolated,
    timer_resolution_us: timerResolution(),
    draft_chars: [...text].length,
    draft_utf16_units: text.length,
    diagnostics_per_check: report.diagnostics.length,
    verdict: report.verdict,
    policy_compile_ms: Math.round(compileMs * 1000) / 1000,
    first_check_ms: Math.round(firstCheckMs * 1000) / 1000,
    full_check: measure(() => engine.check(draft, options)),
    plain_text_check: measure(() => engine.check(text)),
  };
  // For `bench/browser.mjs --profile`: the same check, to run under the CPU profiler.
  window.benchCheck = () => engine.check(draft, options);

  const rows = [['Volle Prüfung (Entwurf, 7 Plattformen, Verlauf)', result.full_check], ['Nur Text, Standardkonto', result.plain_text_check]];
  document.getElementById('rows').replaceChildren(
    ...rows.map(([name, s]) => {
      const row = document.createElement('tr');
      for (const cell of [name, `${s.p50_ms} ms`, `${s.p95_ms} ms`, `${s.max_ms} ms`, `${s.mean_ms} ms`]) {
        row.append(Object.assign(document.createElement('td'), { textContent: cell }));
      }
      return row;
    }),
  );
  document.getElementById('result').textContent = JSON.stringify(result, null, 2);
  document.body.dataset.done = 'true';
}

main().catch((error) => {
  document.getElementById('result').textContent = JSON.stringify({ error: error.message });
  document.body.dataset.done = 'true';
});
