// Type declarations of the npm package `freigabe`, written by hand to match the contract in
// DESIGN.md and core/src/{draft,report}.rs key for key (snake_case, `null` for absent
// values). tests/types/usage.ts type-checks a use of every declaration (`npm test`).

/** A social-media platform a draft can be published to. */
export type Platform =
  | "x"
  | "mastodon"
  | "bluesky"
  | "threads"
  | "instagram"
  | "facebook"
  | "linkedin";

/** How serious a finding is: `info < warning < error`. */
export type Severity = "info" | "warning" | "error";

/** `block` if any error, `warn` if any warning, else `pass`. */
export type Verdict = "pass" | "warn" | "block";

/** Language of messages and help texts; German is the default. */
export type Lang = "de" | "en";

/** An RFC 3339 time with offset, e.g. `2026-05-04T10:00:00+02:00`. */
export type Rfc3339 = string;

/** A point in time as input: RFC 3339 text or a `Date` (sent as its ISO string, UTC). */
export type TimeInput = Rfc3339 | Date;

/** Kind of an attachment. */
export type MediaKind = "image" | "video" | "gif";

/** An attachment of a draft. */
export interface Media {
  kind: MediaKind;
  /** Alternative text for screen readers; absent means none, unless `alt_text_unknown`. */
  alt_text?: string;
  /**
   * The draft's source does not record alt texts (Facebook, Instagram exports): an absent
   * `alt_text` is unknown, not missing (an info instead of a warning).
   */
  alt_text_unknown?: boolean;
  /** Photo credit, e.g. `Foto: Stadt Paderborn`. */
  credit?: string;
  /** Whether a video has subtitles. */
  subtitles?: boolean;
  /** File name or URL, for messages. */
  file?: string;
}

/** An approval of a draft by a second person. */
export interface Approval {
  /** Login of the approver. */
  by: string;
  /** When the approval was given. */
  at: TimeInput;
}

/**
 * An accepted exception (like `# noqa`): findings of a rule someone let stand, for a reason.
 * The findings stay in the report with `waived` and no longer count for the verdict.
 */
export interface Waiver {
  /** Rule id (`address.informal`) or family glob (`address.*`); an unknown one is an error. */
  rule: string;
  /**
   * Only findings whose span overlaps these words in the text (exact, case-sensitive);
   * without `words` every finding of the rule.
   */
  words?: string;
  /** Why the finding may stand, e.g. `Zitat einer Bürgerin`; must not be empty. */
  reason: string;
  /** Login of the person who waived it (under `[waivers] four-eyes` not the author). */
  by: string;
  /** When it was waived. */
  at?: TimeInput;
}

/** A post before publication. Only `text` is required; unknown keys are errors. */
export interface Draft {
  /** The post text. */
  text: string;
  /** Caller's id of the draft. */
  id?: string;
  /**
   * Caller's id of the post this draft is one channel version of: history entries with the
   * same `post_id` are the same post, counted once by the `cadence.*` rules.
   */
  post_id?: string;
  /** Account id from the policy; default: the policy's `default-account`. */
  account?: string;
  /** Target platforms; default: the account's platforms. */
  platforms?: Platform[];
  /** Login of the person who wrote the draft. */
  author?: string;
  /** When the post is planned to go out. */
  scheduled_at?: TimeInput;
  /** When an archived post went out. */
  published_at?: TimeInput;
  /** Attached images and videos. */
  media?: Media[];
  /** Approvals given so far. */
  approvals?: Approval[];
  /** Free labels such as `pressemitteilung`. */
  labels?: string[];
  /**
   * Accounts the post replies to (`@name` or `name`). On X the leading @mentions of these
   * accounts are the reply chain, which X does not count; other platforms count them.
   */
  reply_to?: string[];
  /** Accepted exceptions: findings that may stand, with who and why. */
  waivers?: Waiver[];
}

/** An earlier post of an account, for cadence and similar rules. */
export interface HistoryEntry {
  account: string;
  platforms?: Platform[];
  published_at: TimeInput;
  text?: string;
  /** Caller's id of the post this entry is one channel version of (see `Draft.post_id`). */
  post_id?: string;
}

/**
 * A region of the draft text in every offset encoding. In JavaScript use the UTF-16 pair:
 * `text.slice(span.start_utf16, span.end_utf16)` is the offending text.
 */
export interface Span {
  /** UTF-8 byte offset of the first byte. */
  start: number;
  /** UTF-8 byte offset one past the last byte. */
  end: number;
  /** Unicode scalar offset of the start (Python `str` index). */
  start_char: number;
  /** Unicode scalar offset of the end. */
  end_char: number;
  /** UTF-16 code-unit offset of the start (JavaScript string index). */
  start_utf16: number;
  /** UTF-16 code-unit offset of the end. */
  end_utf16: number;
  /** 1-based line of the start; `\n`, `\r\n` and a lone `\r` end a line. */
  line: number;
  /** 1-based column of the start, counted in characters. */
  column: number;
  /** 1-based line of the end. */
  end_line: number;
  /** 1-based column of the end, in characters (one past the last character). */
  end_column: number;
}

/** A proposed edit: replace the text at `span` by `replacement` (`""` deletes). */
export interface Suggestion {
  replacement: string;
  span: Span;
}

/** One finding of one rule. */
export interface Diagnostic {
  /** Stable rule id, `family.name`. */
  rule: string;
  /** Severity after policy configuration. */
  severity: Severity;
  /** What is wrong, one line. */
  message: string;
  /** How to fix it. */
  help: string | null;
  /** The platform the finding is about, if it is platform-specific. */
  platform: Platform | null;
  /** The offending region of the draft text, if any. */
  span: Span | null;
  /** Edits that would fix the finding. */
  suggestions: Suggestion[];
  /**
   * Present when a waiver of the draft covers the finding: show it dimmed; it does not count
   * for the verdict. Absent (not `null`) otherwise.
   */
  waived?: Waived;
}

/** Who let a finding stand and why. */
export interface Waived {
  /** Login of the person who waived it. */
  by: string;
  /** Why the finding may stand. */
  reason: string;
  /** When it was waived (RFC 3339, UTC), if the waiver says. */
  at?: string;
}

/** Length of the draft as one platform counts it. */
export interface Measure {
  /** Length in the platform's unit (weighted characters on X, graphemes on Mastodon…). */
  length: number;
  /** The platform's limit after policy overrides. */
  limit: number;
}

/** The result of checking one draft: the contract shared by the CLI, Python and JS. */
export interface Report {
  verdict: Verdict;
  /** Findings by position, then rule, then platform. */
  diagnostics: Diagnostic[];
  /** Length and limit per target platform. */
  measures: Partial<Record<Platform, Measure>>;
  /** `sha256:` digest of the canonical policy (after `extends`). */
  policy_digest: string;
  /** Version of the engine that produced the report. */
  engine_version: string;
}

/** Length of a text on one platform with its built-in limit (`count`). */
export interface TextCount {
  platform: Platform;
  length: number;
  limit: number;
  /** Whether the platform would accept the text. */
  valid: boolean;
}

/** A rule, for editor UIs (`rules()`). */
export interface RuleSummary {
  /** Stable id, `family.name`. */
  id: string;
  /** The part before the dot, e.g. `hashtags`. */
  family: string;
  /** Human name in the `lang` asked for, e.g. „Zu lang für die Plattform“. */
  title: string;
  /** First sentence of the rule's „Was geprüft wird“ ("What it checks" with `lang: "en"`). */
  summary: string;
  default_severity: Severity;
  default_enabled: boolean;
}

/** What went wrong; the `kind` of a thrown {@link FreigabeError}. */
export type ErrorKind =
  // policy
  | "syntax"
  | "unknown-key"
  | "missing-key"
  | "invalid-value"
  | "unknown-reference"
  | "extends"
  | "read"
  | "time-zone-data"
  // draft, history
  | "invalid-draft"
  | "too-large"
  | "unknown-account"
  // arguments of this package
  | "invalid-option"
  | "unknown-platform"
  | "unknown-rule"
  | "internal";

/**
 * Every error this package throws: an `Error` with `name === "FreigabeError"`. `message` is
 * one lowercase line in the chosen language; `line`/`column` (1-based, column in
 * characters) locate it in the policy (or in history given as JSON Lines text).
 * `error instanceof FreigabeError` works (it checks the name).
 */
export class FreigabeError extends Error {
  name: "FreigabeError";
  kind: ErrorKind;
  help: string | null;
  line: number | null;
  column: number | null;
  /** The policy file the problem is in (policy errors), else `null`. */
  file: string | null;
  /**
   * Every error found in the same run, this one first, in file order: a policy file is
   * read whole, so all its misspelt keys and wrong values are reported at once.
   */
  errors: FreigabeErrorDetail[];
}

/** One error of {@link FreigabeError.errors}. */
export interface FreigabeErrorDetail {
  kind: ErrorKind;
  message: string;
  help: string | null;
  line: number | null;
  column: number | null;
  file: string | null;
}

/** An account of the policy, from `engine.accountDetails()`. */
export interface AccountDetails {
  /** The id drafts name. */
  id: string;
  /** The name people know it by, if the policy gives one. */
  display_name: string | null;
  kind: "official" | "private";
  /** The platforms it posts to, as the policy lists them. */
  platforms: Platform[];
  /** Whether drafts naming no account are checked as this one (`default-account`). */
  default: boolean;
}

/** Options of `new Engine`. */
export interface EngineOptions {
  /** Language of messages (default `de`). `de-DE` style tags are accepted. */
  lang?: Lang | string;
  /**
   * Policy files by path, for `extends` (relative to the extending file). Without an
   * entry, `extends = "base.toml"` uses the `policies/base.toml` shipped in the package.
   */
  files?: Record<string, string>;
  /** The name of the given policy among `files` (default `<policy>`); used in errors. */
  path?: string;
}

/** Options of `engine.check`. */
export interface CheckOptions {
  /** Earlier posts: entries, or JSON Lines text with one entry per line. */
  history?: HistoryEntry[] | string;
  /** Reference time of time-based rules (schedule, cadence); default: none. */
  now?: TimeInput;
}

/** A compiled policy. Build it once, check many drafts; `free()` releases its memory. */
export class Engine {
  /** @throws {FreigabeError} when the policy does not compile. */
  constructor(policyToml: string, options?: EngineOptions);
  /**
   * Checks a draft: plain text for the default account, or a draft object.
   * @throws {FreigabeError} on an invalid draft, history or option.
   */
  check(draft: string | Draft, options?: CheckOptions): Report;
  /** Ids of the policy's accounts. */
  accounts(): string[];
  /** The policy's accounts as a front end shows them, in id order. */
  accountDetails(): AccountDetails[];
  /** `sha256:` digest of the canonical policy (after `extends`). */
  readonly policyDigest: string;
  /** Releases the engine; any later call throws. */
  free(): void;
  [Symbol.dispose](): void;
}

/**
 * Length of `text` as `platform` counts it, with the built-in limit (no policy needed).
 * @throws {FreigabeError} `unknown-platform`.
 */
export function count(platform: Platform, text: string): TextCount;

/** Every rule of the engine, in registry order; `lang` (default `de`) for titles and summaries. */
export function rules(options?: { lang?: Lang }): RuleSummary[];

/**
 * A rule's documentation as Markdown in `lang` (default `de`: Was geprüft wird, Warum,
 * Beispiel, Einstellungen; `en`: What it checks, Why, Example, Configuration), the text
 * `freigabe explain` prints. The documentation is not inside the module: the first call
 * reads `pkg/rules.json` (browsers: `fetch` next to the script).
 * Rejects with {@link FreigabeError} `unknown-rule`, with a "did you mean" help.
 */
export function explain(ruleId: string, options?: { lang?: Lang | string }): Promise<string>;

/**
 * Makes every IANA time zone available to policies (`time-zone = "America/New_York"`).
 * Europe/Berlin and UTC are built in; for any other zone, await this once before
 * `new Engine(…)`, which otherwise throws {@link FreigabeError} `time-zone-data`. The first
 * call reads `pkg/tzdb.bin` (about 220 KiB, 90 KiB gzipped), later calls do nothing.
 */
export function loadTimeZones(): Promise<void>;

/** Version of the engine, as recorded in every report. */
export function version(): string;

/** What `init` accepts: the `.wasm` URL, its bytes, a `Response` or a compiled module. */
export type InitInput =
  | RequestInfo
  | URL
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads the WebAssembly module (browsers: fetches `freigabe_bg.wasm` next to the script
 * unless told otherwise). Await it once before anything else. In Node it is a no-op.
 */
export default function init(
  moduleOrPath?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<unknown>;

/** Synchronous `init` from bytes or a compiled module (workers, tests). */
export function initSync(module?: { module: BufferSource | WebAssembly.Module } | BufferSource | WebAssembly.Module): unknown;
