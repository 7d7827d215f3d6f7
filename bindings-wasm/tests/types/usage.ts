// Type-checked by `tsc --noEmit -p tests/types` (part of `npm test`): a use of every
// declaration, and `@ts-expect-error` lines proving the types reject contract violations.
import init, {
  count,
  Engine,
  explain,
  loadTimeZones,
  rules,
  version,
  type AccountDetails,
  type Diagnostic,
  type Draft,
  FreigabeError,
  type HistoryEntry,
  type Measure,
  type Platform,
  type Report,
  type RuleSummary,
  type Span,
  type TextCount,
} from "freigabe";

await init();

const engine = new Engine('default-account = "stadt"', {
  lang: "en",
  files: { "base.toml": "" },
  path: "stadt.toml",
});

const draft: Draft = {
  text: "Guten Morgen, Paderborn! 👍🏽",
  account: "stadt",
  platforms: ["x", "instagram"],
  author: "m.dreier",
  scheduled_at: "2026-05-04T10:00:00+02:00",
  media: [{ kind: "image", alt_text: "Der Rathausplatz", credit: "Foto: Stadt Paderborn" }],
  approvals: [{ by: "k.schulz", at: new Date("2026-05-03T14:00:00Z") }],
  labels: ["pressemitteilung"],
};
const history: HistoryEntry[] = [
  { account: "stadt", platforms: ["x"], published_at: "2026-05-01T09:00:00+02:00" },
];

const report: Report = engine.check(draft, { history, now: new Date() });
engine.check("nur text", { history: '{"account": "stadt", "published_at": "2026-05-01T09:00:00Z"}' });
const verdict: "pass" | "warn" | "block" = report.verdict;
const x: Measure | undefined = report.measures.x;
const digest: string = report.policy_digest + report.engine_version + engine.policyDigest;
for (const diagnostic of report.diagnostics) {
  const d: Diagnostic = diagnostic;
  const span: Span | null = d.span;
  if (span !== null) {
    const offending: string = draft.text.slice(span.start_utf16, span.end_utf16);
    const lines: number = span.end_line - span.line + span.end_column - span.column;
    void [offending, lines, span.start, span.end, span.start_char, span.end_char];
  }
  const platform: Platform | null = d.platform;
  const help: string | null = d.help;
  for (const suggestion of d.suggestions) {
    const replacement: string = suggestion.replacement;
    const at: number = suggestion.span.start_utf16;
    void [replacement, at];
  }
  void [platform, help, d.rule, d.message, d.severity];
}
const accounts: string[] = engine.accounts();
const details: AccountDetails[] = engine.accountDetails();
const shown: string[] = details.map((account) => account.display_name ?? account.id);
const isDefault: boolean = details.some((account) => account.default);
engine.free();

const counted: TextCount = count("x", "Hallo");
const valid: boolean = counted.valid && counted.length <= counted.limit;
const all: RuleSummary[] = rules();
const titles: string[] = rules({ lang: "en" }).map((rule) => rule.title);
const docs: string = await explain(all[0]?.id ?? "hashtags.max", { lang: "de" });
await loadTimeZones();
const engineVersion: string = version();

try {
  new Engine("platfroms = 1");
} catch (error) {
  if (!(error instanceof FreigabeError)) throw error;
  const e: FreigabeError = error;
  const where: [number | null, number | null] = [e.line, e.column];
  const kind: "unknown-key" | string = e.kind;
  void [where, kind, e.help, e.file, e.message];
}

// @ts-expect-error a draft needs `text`
engine.check({ account: "stadt" });
// @ts-expect-error platforms are a closed set
engine.check({ text: "", platforms: ["myspace"] });
const first = report.diagnostics[0];
if (first !== undefined) {
  // @ts-expect-error a diagnostic about the whole post has `span: null`
  const located: Span = first.span;
  void located;
}
// @ts-expect-error unknown option
new Engine("", { langauge: "en" });

void [verdict, x, digest, accounts, valid, docs, engineVersion];
