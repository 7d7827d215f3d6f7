// The JavaScript API of the package: offsets editors slice with, errors as `FreigabeError`
// objects, option handling, `extends` without files, counting, the rule list, and that the
// browser build behaves like the Node build.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import twitter from "twitter-text";

import { count, Engine, explain, FreigabeError, loadTimeZones, rules, version } from "freigabe";

const POLICY = `default-account = "stadt"
imprint = "https://www.paderborn.de/impressum"

[accounts.stadt]
kind = "official"
platforms = ["facebook"]
address = "sie"
profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]

[accounts.jugend]
kind = "official"
platforms = ["instagram"]
address = "du"
profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
`;

const engine = new Engine(POLICY);

/** The diagnostics of one rule, with the text each span cuts out in JavaScript. */
function findings(report, rule, text) {
  return report.diagnostics
    .filter((d) => d.rule === rule)
    .map((d) => ({ ...d, under: text.slice(d.span.start_utf16, d.span.end_utf16) }));
}

/** Calls `f`, which must throw, and returns the error. */
function thrown(f) {
  try {
    f();
  } catch (error) {
    return error;
  }
  assert.fail("expected an error");
}

describe("UTF-16 offsets slice the offending word", () => {
  const cases = [
    ["skin-tone emoji (two code points, four units)", "👍🏽 Kannst du kommen?"],
    ["flag (two regional indicators)", "🇩🇪🇩🇪 Kannst du kommen?"],
    ["ZWJ family (seven code points)", "👨‍👩‍👧‍👦 Kannst du kommen?"],
    ["combining acute and diaeresis", "Cafe\u0301 und Me\u0308hl: hast du Zeit?"],
    ["emoji on an earlier line", "Hallo 👍🏽🇩🇪\r\nKommst du?"],
    ["every kind before the word", "👍🏽 🇩🇪 👨‍👩‍👧‍👦 Cafe\u0301 – kommst du?"],
  ];
  for (const [what, text] of cases) {
    test(what, () => {
      const [informal, ...rest] = findings(engine.check(text), "address.informal", text);
      assert.equal(rest.length, 0);
      assert.equal(informal.under, "du");
      const { span } = informal;
      assert.equal(span.start_utf16, text.indexOf(" du") + 1);
      assert.equal(span.end_utf16 - span.start_utf16, 2);
      // Code points and UTF-8 bytes point at the same word.
      assert.equal([...text].slice(span.start_char, span.end_char).join(""), "du");
      const bytes = new TextEncoder().encode(text);
      assert.equal(new TextDecoder().decode(bytes.subarray(span.start, span.end)), "du");
      // Line and column (in characters) of the start and the end.
      const lastLine = text.split(/\r\n|\r|\n/).at(-1);
      const lines = text.split(/\r\n|\r|\n/).length;
      const column = [...lastLine.slice(0, lastLine.indexOf(" du") + 1)].length + 1;
      assert.deepEqual([span.line, span.column], [lines, column]);
      assert.deepEqual([span.end_line, span.end_column], [lines, column + 2]);
    });
  }

  test("suggestion spans are UTF-16 too", () => {
    const text = "👨‍👩‍👧‍👦 Cafe\u0301: Bitte füllen sie das Formular aus.";
    const [lowercase] = findings(engine.check(text), "address.lowercase-sie", text);
    assert.equal(lowercase.under, "sie");
    const [suggestion] = lowercase.suggestions;
    assert.equal(suggestion.replacement, "Sie");
    assert.equal(text.slice(suggestion.span.start_utf16, suggestion.span.end_utf16), "sie");
  });
});

describe("report shape", () => {
  test("plain objects with the contract's keys, null for absent values", () => {
    const report = engine.check("Guten Morgen!");
    assert.deepEqual(Object.keys(report), [
      "verdict", "diagnostics", "measures", "policy_digest", "engine_version",
    ]);
    assert.equal(Object.getPrototypeOf(report.measures), Object.prototype);
    assert.deepEqual(report.measures, { facebook: { length: 13, limit: 63206 } });
    assert.equal(report.verdict, "pass");
    assert.match(report.policy_digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(report.policy_digest, engine.policyDigest);
    assert.equal(report.engine_version, version());

    const informal = engine.check({ text: "Kommst du?", platforms: ["facebook", "x"] });
    const [diagnostic] = informal.diagnostics.filter((d) => d.rule === "address.informal");
    assert.deepEqual(Object.keys(diagnostic), [
      "rule", "severity", "message", "help", "platform", "span", "suggestions",
    ]);
    assert.equal(diagnostic.platform, null);
    assert.deepEqual(Object.keys(diagnostic.span), [
      "start", "end", "start_char", "end_char", "start_utf16", "end_utf16",
      "line", "column", "end_line", "end_column",
    ]);
    assert.deepEqual(Object.keys(informal.measures), ["x", "facebook"]);
    const unlisted = informal.diagnostics.find((d) => d.rule === "separation.unlisted-platform");
    assert.equal(unlisted.span, null);
    assert.equal(unlisted.platform, "x");
  });

  test("account, history, now and lang reach the engine", () => {
    const young = engine.check({ text: "Kommen Sie vorbei!", account: "jugend" });
    assert.ok(young.diagnostics.some((d) => d.rule === "address.formal"));
    const english = new Engine(POLICY, { lang: "en-GB" });
    const [informal] = english.check("Kommst du?").diagnostics.filter((d) => d.rule === "address.informal");
    english.free();
    assert.match(informal.message, /^[a-z`„"]/);
    assert.notEqual(informal.message, engine.check("Kommst du?").diagnostics.find((d) => d.rule === "address.informal").message);

    // The same instant as a string and as a Date, and history as entries or JSON Lines.
    const scheduled = { text: "Guten Morgen!", scheduled_at: "2026-05-01T10:00:00+02:00" };
    const history = [{ account: "stadt", platforms: ["facebook"], published_at: "2026-04-30T10:00:00+02:00" }];
    const asString = engine.check(scheduled, { now: "2026-05-02T10:00:00+02:00", history });
    const asDate = engine.check(scheduled, {
      now: new Date("2026-05-02T08:00:00Z"),
      history: history.map((entry) => JSON.stringify(entry)).join("\n"),
    });
    assert.deepEqual(asDate, asString);
    assert.ok(asString.diagnostics.some((d) => d.rule === "schedule.past"), "scheduled before now");
    // Dates inside the draft and the history are sent as their ISO strings.
    const withDates = engine.check(
      { ...scheduled, scheduled_at: new Date("2026-05-01T08:00:00Z") },
      { now: "2026-05-02T10:00:00+02:00", history: [{ ...history[0], published_at: new Date("2026-04-30T08:00:00Z") }] },
    );
    assert.deepEqual(withDates, asString);
    assert.ok(!engine.check(scheduled).diagnostics.some((d) => d.rule === "schedule.past"));
  });
});

describe("errors are FreigabeError objects", () => {
  test("a broken policy: kind, message, help, line and column", () => {
    const error = thrown(() => new Engine('default-account = "stadt"\nplatfroms = ["x"]\n', { lang: "en" }));
    assert.ok(error instanceof Error);
    assert.ok(error instanceof FreigabeError);
    assert.ok(!(new Error("other") instanceof FreigabeError));
    assert.equal(error.name, "FreigabeError");
    assert.equal(error.kind, "unknown-key");
    assert.match(error.message, /`platfroms`/);
    assert.deepEqual([error.line, error.column, error.file], [2, 1, "<policy>"]);
    assert.equal(typeof error.help, "string");

    // Every mistake of the file at once, in file order (the keys sort the other way round).
    const two = thrown(() => new Engine('nmae = "Stadt"\nimprnt = "https://stadt.de"\n', { lang: "en" }));
    assert.deepEqual(
      two.errors.map((e) => [e.kind, e.line, e.column, e.file]),
      [["unknown-key", 1, 1, "<policy>"], ["unknown-key", 2, 1, "<policy>"]],
    );
    assert.match(two.errors[1].message, /`imprnt`/);
    assert.equal(two.errors[0].message, two.message);

    const syntax = thrown(() => new Engine("[accounts.stadt\nkind = 1", { path: "stadt.toml" }));
    assert.equal(syntax.kind, "syntax");
    assert.equal(syntax.file, "stadt.toml");
    assert.equal(syntax.line, 1);
    assert.match(syntax.message, /^Ungültiges TOML: /, "German by default, capitalised like a sentence");
  });

  test("an invalid draft names the key and suggests the right one", () => {
    const error = thrown(() => engine.check({ text: "Hallo", platfroms: ["x"] }));
    assert.equal(error.kind, "invalid-draft");
    assert.match(error.message, /`platfroms`/);
    assert.match(error.help, /`platforms`/);
    // A position in JSON the caller never wrote would mislead.
    assert.deepEqual([error.line, error.column], [null, null]);

    assert.equal(thrown(() => engine.check(42)).kind, "invalid-draft");
    assert.equal(thrown(() => engine.check({ text: 1 })).kind, "invalid-draft");
    assert.equal(thrown(() => engine.check({ text: "x", platforms: ["myspace"] })).kind, "invalid-draft");
    assert.equal(thrown(() => engine.check({ text: "x", account: "kreis" })).kind, "unknown-account");
    assert.equal(thrown(() => engine.check("a".repeat(1024 * 1024 + 1))).kind, "too-large");
    const cyclic = { text: "x" };
    cyclic.self = cyclic;
    assert.equal(thrown(() => engine.check(cyclic)).kind, "invalid-draft");
  });

  test("options: typos, bad dates and history lines", () => {
    const typo = thrown(() => engine.check("x", { histroy: [] }));
    assert.equal(typo.kind, "invalid-option");
    assert.match(typo.message, /histroy/);
    assert.equal(thrown(() => engine.check("x", { now: "tomorrow" })).kind, "invalid-option");
    assert.equal(thrown(() => engine.check("x", { now: new Date(Number.NaN) })).kind, "invalid-option");
    assert.equal(thrown(() => new Engine(POLICY, { lang: "fr" })).kind, "invalid-option");
    const line = '{"account": "stadt", "published_at": "2026-04-30T10:00:00+02:00"}';
    const history = thrown(() => engine.check("x", { history: `${line}\n{"account": 1}` }));
    assert.equal(history.kind, "invalid-draft");
    assert.equal(history.line, 2);
  });

  test("a freed engine throws instead of crashing; others keep working", () => {
    const short = new Engine(POLICY);
    short.free();
    const error = thrown(() => short.check("Hallo"));
    assert.ok(error instanceof Error);
    assert.equal(engine.check("Hallo").verdict, "pass");
    const again = new Engine(POLICY);
    assert.equal(again.check("Hallo").verdict, "pass");
    again.free();
  });
});

describe("extends without a file system", () => {
  const city = 'extends = "base.toml"\ndefault-account = "stadt"\n[accounts.stadt]\nkind = "official"\nplatforms = ["x"]\n';

  test("files given by path, or the bundled base.toml", () => {
    const base = readFileSync(new URL("../../../policies/base.toml", import.meta.url), "utf8");
    const given = new Engine(city, { path: "stadt.toml", files: { "./base.toml": base } });
    const bundled = new Engine(city, { path: "stadt.toml" });
    assert.equal(given.policyDigest, bundled.policyDigest);
    assert.deepEqual(given.accounts(), ["stadt"]);
    given.free();
    bundled.free();

    const own = new Engine(city, { files: { "base.toml": 'imprint = "https://example.org/impressum"' } });
    assert.notEqual(own.policyDigest, new Engine(city).policyDigest);
    own.free();
  });

  test("a file that is not given is an `extends` error at the key", () => {
    const error = thrown(() => new Engine('extends = "kreis.toml"\n', { lang: "en" }));
    assert.equal(error.kind, "extends");
    assert.match(error.message, /`kreis.toml`/);
    assert.equal(error.line, 1);
  });

  test("the shipped city policies compile with only the bundled base", () => {
    for (const city of ["paderborn", "moers", "koblenz", "bergedorf"]) {
      const text = readFileSync(new URL(`../../../policies/${city}.toml`, import.meta.url), "utf8");
      const compiled = new Engine(text, { path: `${city}.toml` });
      assert.ok(compiled.accounts().length > 0, city);
      compiled.free();
    }
  });

  test("accountDetails names each account, its kind, platforms and the default", () => {
    const text = readFileSync(new URL("../../../policies/paderborn.toml", import.meta.url), "utf8");
    const compiled = new Engine(text, { path: "paderborn.toml" });
    const details = compiled.accountDetails();
    assert.deepEqual(details.map((a) => a.id), compiled.accounts());
    const mayor = details.find((a) => a.id === "buergermeister");
    assert.deepEqual(
      [mayor.display_name, mayor.kind, mayor.platforms, mayor.default],
      ["Bürgermeister Michael Dreier", "official", ["facebook", "instagram"], true],
    );
    assert.equal(details.filter((a) => a.default).length, 1);
    compiled.free();
  });
});

test("a waived finding is marked with who and why and does not count", () => {
  const text = "Macht mit beim Stadtputz am Samstag!";
  const waiver = { rule: "address.informal", words: "Macht mit", reason: "Motto der Aktion", by: "sta13.presse", at: "2026-05-03T16:00:00+02:00" };
  const report = engine.check({ text, author: "m.dreier", waivers: [waiver] });
  assert.equal(report.verdict, "pass");
  const [informal] = report.diagnostics.filter((d) => d.rule === "address.informal");
  assert.deepEqual(informal.waived, { by: "sta13.presse", reason: "Motto der Aktion", at: "2026-05-03T14:00:00Z" });
  assert.equal(text.slice(informal.span.start_utf16, informal.span.end_utf16), "Macht");
  const counted = engine.check({ text, author: "m.dreier" });
  assert.equal(counted.verdict, "warn");
  assert.ok(!("waived" in counted.diagnostics[0]), "absent, not null, without a waiver");
  assert.throws(
    () => engine.check({ text, waivers: [{ ...waiver, rule: "adress.informal" }] }),
    (error) => error instanceof FreigabeError && error.message.includes("Unbekannte Regel `adress.informal`"),
  );
});

describe("count", () => {
  // X counts like twitter-text (weighted length after NFC); the others count graphemes.
  const cases = [
    ["x", "Hallo Paderborn", 15],
    ["x", "👨‍👩‍👧‍👦", 2],
    ["x", "Mehr: https://www.paderborn.de/rathaus/buergerservice", 29],
    ["x", "日本語", 6],
    ["x", "Cafe\u0301", 4],
    ["x", "👍🏽 🇩🇪 @stadt_pb #Libori2026 paderborn.de", 51],
    ["mastodon", "👨‍👩‍👧‍👦 https://www.paderborn.de/rathaus/buergerservice", 25],
  ];
  for (const [platform, text, length] of cases) {
    test(`${platform}: ${JSON.stringify(text)} is ${length}`, () => {
      const counted = count(platform, text);
      assert.deepEqual(Object.keys(counted), ["platform", "length", "limit", "valid"]);
      assert.equal(counted.platform, platform);
      assert.equal(counted.length, length);
      assert.equal(counted.valid, true);
      if (platform === "x") {
        assert.equal(counted.length, twitter.parseTweet(text).weightedLength);
      }
    });
  }

  test("over the limit is invalid; unknown platforms are errors", () => {
    const long = count("x", "a".repeat(281));
    assert.deepEqual([long.length, long.limit, long.valid], [281, 280, false]);
    const error = thrown(() => count("myspace", "x"));
    assert.equal(error.kind, "unknown-platform");
    assert.match(error.help, /`mastodon`/);
  });
});

describe("rules and explain", () => {
  test("every rule with id, family and a one-sentence summary", () => {
    const all = rules();
    assert.ok(all.length >= 40, `${all.length} rules`);
    assert.equal(new Set(all.map((rule) => rule.id)).size, all.length);
    for (const rule of all) {
      assert.equal(rule.id.split(".")[0], rule.family);
      assert.ok(rule.summary.length > 10 && rule.summary.endsWith("."), rule.id);
      assert.ok(["info", "warning", "error"].includes(rule.default_severity));
      assert.equal(typeof rule.default_enabled, "boolean");
      assert.ok(rule.title.length > 0, rule.id);
    }
    // Titles in German unless English is asked for.
    assert.equal(all.find((rule) => rule.id === "length.limit").title, "Zu lang für die Plattform");
    const english = rules({ lang: "en" });
    assert.equal(english.find((rule) => rule.id === "length.limit").title, "Too long for the platform");
  });

  test("explain gives the documentation; unknown ids suggest a close one", async () => {
    const docs = await explain("hashtags.max", { lang: "en" });
    assert.match(docs, /^# hashtags\.max\n/);
    for (const heading of ["What it checks", "Why", "Example", "Configuration"]) {
      assert.ok(docs.includes(`## ${heading}`), heading);
    }
    // German unless English is asked for.
    const german = await explain("hashtags.max");
    assert.match(german, /^# hashtags\.max\n\n## Was geprüft wird\n/);
    for (const heading of ["Warum", "Beispiel", "Einstellungen"]) {
      assert.ok(german.includes(`## ${heading}`), heading);
    }
    // The summary is the German one, its first sentence (lines joined).
    const summary = rules().find((rule) => rule.id === "hashtags.max").summary;
    assert.ok(german.replace(/\s+/g, " ").includes(summary), summary);
    const error = await explain("hashtag.max", { lang: "en" }).then(
      () => assert.fail("no error"),
      (e) => e,
    );
    assert.ok(error instanceof FreigabeError);
    assert.equal(error.kind, "unknown-rule");
    assert.equal(error.help, "did you mean `hashtags.max`?");
  });

  test("explain reads the text `freigabe explain` prints (docs/rules.json)", async () => {
    const generated = JSON.parse(readFileSync(new URL("../../../docs/rules.json", import.meta.url), "utf8"));
    assert.deepEqual(Object.keys(generated), rules().map((rule) => rule.id));
    for (const rule of rules()) {
      assert.equal(await explain(rule.id), generated[rule.id].de, rule.id);
      assert.equal(await explain(rule.id, { lang: "en" }), generated[rule.id].en, rule.id);
    }
  });
});

describe("time zones", () => {
  const policy = (zone) => `default-account = "stadt"
imprint = "https://www.paderborn.de/impressum"
[accounts.stadt]
kind = "official"
platforms = ["x"]
time-zone = "${zone}"
office-hours = { windows = [{ days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00" }] }
profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
`;

  test("Europe/Berlin and UTC are built in; other zones after loadTimeZones()", async () => {
    for (const zone of ["Europe/Berlin", "europe/berlin", "UTC"]) new Engine(policy(zone)).free();
    const missing = thrown(() => new Engine(policy("America/New_York"), { lang: "en" }));
    assert.equal(missing.kind, "time-zone-data");
    assert.match(missing.help, /await loadTimeZones\(\)/);
    await loadTimeZones();
    await loadTimeZones();
    // Monday 2026-07-20 16:30 UTC: 12:30 in New York, 18:30 in Berlin (after office hours).
    const draft = { text: "Guten Tag, Paderborn!", scheduled_at: "2026-07-20T16:30:00Z" };
    const fired = (zone) => {
      const engine = new Engine(policy(zone));
      const rules = engine.check(draft).diagnostics.map((d) => d.rule);
      engine.free();
      return rules.includes("schedule.outside-hours");
    };
    assert.deepEqual([fired("America/New_York"), fired("Europe/Berlin")], [false, true]);
    const unknown = thrown(() => new Engine(policy("Mars/Olympus"), { lang: "en" }));
    assert.equal(unknown.kind, "invalid-value");
    assert.match(unknown.message, /unknown time zone `Mars\/Olympus`/);
  });
});

test("the browser build gives the same reports as the Node build", async () => {
  const web = await import("../../web/index.js");
  web.initSync({ module: readFileSync(new URL("../../pkg/web/freigabe_bg.wasm", import.meta.url)) });
  const inBrowser = new web.Engine(POLICY);
  const text = "👨‍👩‍👧‍👦 Kannst du kommen? #A #B";
  assert.deepEqual(inBrowser.check(text), engine.check(text));
  assert.deepEqual(web.count("x", text), count("x", text));
  assert.ok(thrown(() => new web.Engine("[")) instanceof web.FreigabeError);
  inBrowser.free();
});
