// The engine-neutral conformance corpus, tests/conformance/*.toml, run through the npm
// package's API with the semantics of the Rust runner (core/tests/conformance.rs; format in
// tests/conformance/README.md). Every problem of every case is collected; the test fails
// once at the end with the full list.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "smol-toml";

import { Engine, rules } from "freigabe";

const corpus = new URL("../../../tests/conformance/", import.meta.url);
/** The corpus must not shrink below this (as in the Rust runner). */
const MIN_CASES = 60;

const FILE_KEYS = new Set(["policy", "case"]);
const CASE_KEYS = new Set([
  "name", "comment", "policy", "draft", "history", "now", "lang", "verdict", "measures",
  "ordered", "known_failure", "error_contains", "expect",
]);
const EXPECT_KEYS = new Set([
  "rule", "severity", "platform", "span", "match", "line", "column", "message_contains",
  "suggestion", "suggestion_span", "suggestion_match", "waived_by",
]);

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** The text under a UTF-8 byte range, or `null` if the range cuts a character. */
function byBytes(bytes, start, end) {
  if (start < 0 || end > bytes.length || start > end) return null;
  try {
    const cut = (i) => i < bytes.length && (bytes[i] & 0xc0) === 0x80;
    if (cut(start) || cut(end)) return null;
    return decoder.decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
}

/** 1-based line and character column just after `before` (`\r\n`, `\r`, `\n` end a line). */
function lineColumn(before) {
  const normalized = before.replaceAll("\r\n", "\n").replaceAll("\r", "\n");
  const lines = normalized.split("\n");
  return [lines.length, [...lines.at(-1)].length + 1];
}

/** A span must cut the same text in bytes, code points and UTF-16 units, and locate its ends. */
function spanProblems(text, span, what) {
  const bytes = encoder.encode(text);
  const underBytes = byBytes(bytes, span.start, span.end);
  if (underBytes === null) {
    return [`${what}: byte span [${span.start}, ${span.end}] is not on character boundaries`];
  }
  const problems = [];
  const before = decoder.decode(bytes.subarray(0, span.start));
  const upToEnd = decoder.decode(bytes.subarray(0, span.end));
  const chars = [...text];
  const underChars = chars.slice(span.start_char, span.end_char).join("");
  if (underChars !== underBytes || span.start_char !== [...before].length) {
    problems.push(`${what}: chars [${span.start_char}, ${span.end_char}] slice ${JSON.stringify(underChars)}, bytes slice ${JSON.stringify(underBytes)}`);
  }
  // The JavaScript offsets: what an editor slices with.
  const underUtf16 = text.slice(span.start_utf16, span.end_utf16);
  if (underUtf16 !== underBytes || span.start_utf16 !== before.length || span.end_utf16 !== upToEnd.length) {
    problems.push(`${what}: utf16 [${span.start_utf16}, ${span.end_utf16}] slice ${JSON.stringify(underUtf16)}, bytes slice ${JSON.stringify(underBytes)}`);
  }
  for (const [name, got, prefix] of [
    ["start", [span.line, span.column], before],
    ["end", [span.end_line, span.end_column], upToEnd],
  ]) {
    const want = lineColumn(prefix);
    if (got[0] !== want[0] || got[1] !== want[1]) {
      problems.push(`${what}: ${name} line:column ${got.join(":")}, expected ${want.join(":")}`);
    }
  }
  return problems;
}

const keyOfExpected = (e) => JSON.stringify([e.rule, e.platform ?? null, e.span ?? null]);
const keyOfActual = (d) =>
  JSON.stringify([d.rule, d.platform, d.span === null ? null : [d.span.start, d.span.end]]);

function describeExpected(e) {
  let out = e.rule;
  if (e.platform) out += ` on ${e.platform}`;
  if (e.span) out += ` at [${e.span.join(", ")}] ${JSON.stringify(e.match)}`;
  return out;
}

function describeActual(text, d) {
  let out = `${d.rule} (${d.severity})`;
  if (d.platform) out += ` on ${d.platform}`;
  if (d.span) {
    out += ` at [${d.span.start}, ${d.span.end}] ${JSON.stringify(text.slice(d.span.start_utf16, d.span.end_utf16))}`;
  }
  return `${out}: ${d.message}`;
}

function unknownKeys(table, allowed, what) {
  return Object.keys(table).filter((k) => !allowed.has(k)).map((k) => `${what}: unknown key \`${k}\``);
}

/** Mistakes in the case itself, found before running it. */
function lint(testCase) {
  const problems = unknownKeys(testCase, CASE_KEYS, "case");
  if (!testCase.name?.trim() || !testCase.comment?.trim()) {
    problems.push("`name` and `comment` must not be empty");
  }
  const text = testCase.draft?.text;
  if (typeof text !== "string") {
    problems.push("the draft has no `text` string");
    return problems;
  }
  const bytes = encoder.encode(text);
  for (const e of testCase.expect ?? []) {
    problems.push(...unknownKeys(e, EXPECT_KEYS, e.rule));
    for (const [span, matched, names] of [
      [e.span, e.match, "`span` and `match`"],
      [e.suggestion_span, e.suggestion_match, "`suggestion_span` and `suggestion_match`"],
    ]) {
      if ((span === undefined) !== (matched === undefined)) {
        problems.push(`${e.rule}: ${names} go together`);
      } else if (span !== undefined && byBytes(bytes, span[0], span[1]) !== matched) {
        problems.push(`${e.rule}: ${names} disagree`);
      }
    }
  }
  return problems;
}

/** Compiled engines by language and policy text: cases of a file share their policy. */
const engines = new Map();

function engineFor(policy, lang) {
  const key = `${lang}\0${policy}`;
  if (!engines.has(key)) engines.set(key, new Engine(policy, { lang }));
  return engines.get(key);
}

/** Runs one case through the package and returns everything that differs. */
function run(testCase, policy) {
  let engine;
  try {
    engine = engineFor(policy, testCase.lang ?? "de");
  } catch (error) {
    return [`policy: ${error.kind}: ${error.line}:${error.column}: ${error.message}`];
  }
  let report;
  try {
    // The draft and history as the JS objects a caller passes.
    report = engine.check(testCase.draft, { history: testCase.history ?? [], now: testCase.now });
  } catch (error) {
    const part = testCase.error_contains;
    if (part === undefined) {
      return [`check: ${error.kind}: ${error.message}`];
    }
    return error.message.includes(part)
      ? []
      : [`error ${JSON.stringify(error.message)} does not contain ${JSON.stringify(part)}`];
  }
  if (testCase.error_contains !== undefined) {
    return [`check passed, expected an error ${JSON.stringify(testCase.error_contains)}`];
  }
  return compare(testCase, testCase.draft.text, report);
}

function compare(testCase, text, report) {
  const problems = [];
  for (const d of report.diagnostics) {
    if (d.span !== null) problems.push(...spanProblems(text, d.span, d.rule));
    for (const s of d.suggestions) problems.push(...spanProblems(text, s.span, `${d.rule} suggestion`));
  }

  const unmatched = [...report.diagnostics];
  for (const e of testCase.expect ?? []) {
    const index = unmatched.findIndex((d) => keyOfActual(d) === keyOfExpected(e));
    if (index === -1) {
      problems.push(`missing:    ${describeExpected(e)}`);
      continue;
    }
    const [actual] = unmatched.splice(index, 1);
    problems.push(...detailProblems(e, actual));
  }
  for (const d of unmatched) problems.push(`unexpected: ${describeActual(text, d)}`);

  if (testCase.ordered && problems.length === 0) {
    const want = (testCase.expect ?? []).map(keyOfExpected);
    const got = report.diagnostics.map(keyOfActual);
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      problems.push(`order differs; the report has:\n      ${report.diagnostics.map((d) => describeActual(text, d)).join("\n      ")}`);
    }
  }
  if (testCase.verdict !== undefined && report.verdict !== testCase.verdict) {
    problems.push(`verdict: expected ${testCase.verdict}, got ${report.verdict}`);
  }
  for (const [platform, want] of Object.entries(testCase.measures ?? {})) {
    const got = report.measures[platform];
    if (got === undefined) {
      problems.push(`measures: no measure for ${platform}`);
    } else if (got.length !== want.length || got.limit !== want.limit) {
      problems.push(`measures: ${platform} expected ${want.length}/${want.limit}, got ${got.length}/${got.limit}`);
    }
  }
  return problems;
}

/** Severity, position, message and suggestion of a paired diagnostic. */
function detailProblems(e, actual) {
  const problems = [];
  const what = describeExpected(e);
  if (e.severity !== undefined && actual.severity !== e.severity) {
    problems.push(`${what}: severity ${actual.severity}, expected ${e.severity}`);
  }
  if (actual.span !== null) {
    if (e.line !== undefined && actual.span.line !== e.line) {
      problems.push(`${what}: line ${actual.span.line}, expected ${e.line}`);
    }
    if (e.column !== undefined && actual.span.column !== e.column) {
      problems.push(`${what}: column ${actual.span.column}, expected ${e.column}`);
    }
  }
  if (e.message_contains !== undefined && !actual.message.includes(e.message_contains)) {
    problems.push(`${what}: message ${JSON.stringify(actual.message)} does not contain ${JSON.stringify(e.message_contains)}`);
  }
  const waivedBy = actual.waived?.by;
  if (waivedBy !== e.waived_by) {
    problems.push(`${what}: waived by ${JSON.stringify(waivedBy)}, expected ${JSON.stringify(e.waived_by)}`);
  }
  const first = actual.suggestions[0];
  if (e.suggestion !== undefined && first?.replacement !== e.suggestion) {
    problems.push(`${what}: first suggestion ${JSON.stringify(first?.replacement)}, expected ${JSON.stringify(e.suggestion)}`);
  }
  if (e.suggestion_span !== undefined) {
    const replaced = first ? [first.span.start, first.span.end] : null;
    if (JSON.stringify(replaced) !== JSON.stringify(e.suggestion_span)) {
      problems.push(`${what}: first suggestion replaces ${JSON.stringify(replaced)}, expected ${JSON.stringify(e.suggestion_span)}`);
    }
  }
  return problems;
}

test("every conformance case gives the same report as in Rust", () => {
  const files = readdirSync(corpus).filter((name) => name.endsWith(".toml")).sort();
  const failures = [];
  const fired = new Map();
  let cases = 0;
  let knownFailures = 0;
  for (const fileName of files) {
    let file;
    try {
      file = parse(readFileSync(new URL(fileName, corpus), "utf8"));
    } catch (error) {
      failures.push(`${fileName}: cannot parse: ${error.message}`);
      continue;
    }
    failures.push(...unknownKeys(file, FILE_KEYS, fileName));
    const names = new Set();
    for (const testCase of file.case ?? []) {
      cases += 1;
      const label = `${fileName} › ${testCase.name}`;
      if (names.has(testCase.name)) failures.push(`${label}: duplicate case name`);
      names.add(testCase.name);
      let problems = lint(testCase);
      if (problems.length === 0) {
        const policy = testCase.policy ?? file.policy?.toml;
        problems = policy === undefined ? ["no policy"] : run(testCase, policy);
      }
      const passed = problems.length === 0;
      if (testCase.known_failure === undefined && passed) {
        for (const e of testCase.expect ?? []) fired.set(e.rule, (fired.get(e.rule) ?? 0) + 1);
      } else if (testCase.known_failure === undefined) {
        failures.push(`${label}:\n    ${problems.join("\n    ")}`);
      } else if (passed) {
        failures.push(`${label}: passes although marked \`known_failure\` (${testCase.known_failure})`);
      } else {
        knownFailures += 1;
      }
    }
  }
  for (const engine of engines.values()) engine.free();
  console.log(`${cases} cases in ${files.length} files, ${knownFailures} known failures`);
  if (cases < MIN_CASES) failures.push(`only ${cases} cases; the corpus needs at least ${MIN_CASES}`);
  for (const rule of rules()) {
    if (!fired.has(rule.id)) failures.push(`rule \`${rule.id}\` is expected to fire in no passing case`);
  }
  assert.deepEqual(failures, [], `${failures.length} conformance problem(s):\n\n${failures.join("\n\n")}`);
});
