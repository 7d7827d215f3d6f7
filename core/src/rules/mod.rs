//! The rules: one file per rule, each documented in its doc comment.
//!
//! A rule is a type implementing [`Rule`] (the check) and [`RuleDef`] (its settings,
//! default severity and documentation). The [`registry!`] below is the one list of all
//! rules: it generates the policy's rule table, the documentation index and the compiler
//! that turns layered settings into per-account rule instances.

mod accessibility;
pub(crate) mod address;
pub(crate) mod approval;
pub(crate) mod cadence;
mod editors;
mod hashtags;
mod imprint;
mod length;
mod links;
pub(crate) mod neutrality;
pub(crate) mod plain_language;
mod privacy;
mod readability;
mod schedule;
mod separation;

use std::cell::OnceCell;
use std::collections::BTreeMap;

use jiff::Timestamp;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub(crate) use crate::account::Account;
use crate::config::merge::{Merge, overlay_table};
use crate::config::{Localized, UnknownName, localized};
use crate::draft::Draft;
use crate::lang::Lang;
use crate::platform::{Platform, PlatformMeasure};
use crate::report::Severity;
use crate::text::TextView;
use crate::text::lexicon::Lexicon;

/// Everything a rule may look at while checking one draft. Built once per check and shared,
/// so the text is scanned for entities and counted per platform only once.
pub(crate) struct CheckContext<'a> {
    /// The draft as sent.
    pub draft: &'a Draft,
    /// The draft text with its entities.
    pub text: &'a TextView<'a>,
    /// The account the draft is for.
    pub account: &'a Account,
    /// The platforms being checked.
    pub platforms: &'a [Platform],
    /// Measured length per platform.
    pub measures: &'a BTreeMap<Platform, PlatformMeasure>,
    /// The reference time for time-based rules.
    pub now: Option<Timestamp>,
    /// Language of messages.
    pub lang: Lang,
    /// Earlier posts, grouped into posts of the account by the first cadence rule that asks
    /// (or once for a whole batch).
    pub history: cadence::PostIndex<'a>,
    /// Words that address the reader, analysed by the first `address.*` rule that asks
    /// and shared by the others.
    pub addresses: OnceCell<Vec<address::grammar::Address>>,
    /// Words with their sentence and clause, built by the first `neutrality.*` rule that
    /// asks and shared by the others.
    pub neutrality_segments: OnceCell<neutrality::Segments>,
    /// The party mentions, found by the first `neutrality.*` rule that asks and shared by
    /// the others (each compiles the same matcher from the account).
    pub party_mentions: OnceCell<Vec<neutrality::PartyMention>>,
}

/// One finding before the engine adds rule id, severity and span encodings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub message: String,
    pub help: Option<String>,
    pub platform: Option<Platform>,
    /// UTF-8 byte range in the draft text.
    pub span: Option<(usize, usize)>,
    /// Replacement text and the byte range it replaces.
    pub suggestions: Vec<(String, (usize, usize))>,
    /// Severity of this finding when it differs from the rule's (e.g. stricter in a
    /// pre-election window); `None` means the rule's configured severity.
    pub severity: Option<Severity>,
}

impl Finding {
    /// A finding with a message and a help text.
    pub fn new(message: String, help: String) -> Finding {
        Finding {
            message,
            help: Some(help),
            platform: None,
            span: None,
            suggestions: Vec::new(),
            severity: None,
        }
    }

    /// Gives this finding its own severity instead of the rule's.
    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = Some(severity);
        self
    }

    /// Ties the finding to a platform.
    pub fn on(mut self, platform: Platform) -> Finding {
        self.platform = Some(platform);
        self
    }

    /// Ties the finding to a byte range of the draft text.
    pub fn at(mut self, start: usize, end: usize) -> Finding {
        self.span = Some((start, end));
        self
    }

    /// Adds a suggested replacement for a byte range.
    pub fn suggest(mut self, replacement: impl Into<String>, start: usize, end: usize) -> Finding {
        self.suggestions.push((replacement.into(), (start, end)));
        self
    }
}

/// The check itself. Rules are compiled per account and shared between threads.
pub(crate) trait Rule: Send + Sync {
    /// Appends findings for the draft in `cx`.
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>);

    /// The lexicons this rule searches in every check of `account`'s drafts: the engine
    /// combines them into the account's one automaton ([`LexiconSet`]). Lexicons searched
    /// only now and then (after another finding) stay out, so as not to slow every search.
    ///
    /// [`LexiconSet`]: crate::text::lexicon::LexiconSet
    fn lexicons(&self, _account: &Account) -> Vec<&Lexicon> {
        Vec::new()
    }

    /// The findings of a rule that looks at the account (the policy) alone and never at a
    /// draft: the engine works them out once when it is built and copies them into every
    /// report of the account; its [`Rule::check`] does nothing. `None`: the rule reads drafts.
    fn account_findings(&self, _account: &Account, _lang: Lang) -> Option<Vec<Finding>> {
        None
    }
}

/// A rule's settings type, default severity, documentation and compiler.
pub(crate) trait RuleDef: Rule + Sized + 'static {
    /// The policy settings (`[rules."family.name"]`).
    type Settings: Default + Merge + Clone + CommonSettings;
    /// Severity unless the policy sets one.
    const DEFAULT_SEVERITY: Severity;
    /// Whether the rule runs unless the policy says otherwise.
    const DEFAULT_ENABLED: bool = true;
    /// The rule documentation (its doc comment).
    const DOCS: &'static str;
    /// A short human name (a noun phrase) for lists and reports, where the id is too terse.
    const TITLE: Title;
    /// Builds the rule for one account from its merged settings.
    fn compile(settings: &Self::Settings, account: &Account) -> Result<Self, SettingError>;
}

/// The rule id closest to `unknown`, if it is a likely typo ("did you mean" for front ends
/// that take rule ids, such as `freigabe explain`).
pub fn similar_rule_id(unknown: &str) -> Option<&'static str> {
    crate::config::did_you_mean(unknown, all_rules().map(|rule| rule.id))
}

/// "unknown rule" for an id no rule has, with the closest id or, if none is close, what
/// lists every rule in the caller's front end (`listed_by`, e.g. `` `freigabe explain --all` ``).
/// For a family glob (`adress.*`) the closest family glob.
pub fn unknown_rule(id: &str, listed_by: &str) -> UnknownName {
    let close = match id.strip_suffix(".*") {
        Some(family) => {
            let families = all_rules().filter_map(|rule| rule.id.split_once('.'));
            crate::config::did_you_mean(family, families.map(|(family, _)| family))
                .map(|family| format!("{family}.*"))
        }
        None => similar_rule_id(id).map(str::to_owned),
    };
    let help = match close {
        Some(close) => localized!(de: "Meinten Sie `{close}`?", en: "did you mean `{close}`?"),
        None => {
            localized!(de: "{listed_by} listet alle Regeln", en: "{listed_by} lists every rule")
        }
    };
    UnknownName {
        message: localized!(de: "Unbekannte Regel `{id}`", en: "unknown rule `{id}`"),
        help,
    }
}

/// A rule setting the policy gave is unusable; `key` names the setting, `entry` the
/// position in its list when one entry of a list is at fault (so the error points at that
/// entry, not at the whole list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SettingError {
    pub key: &'static str,
    pub entry: Option<usize>,
    pub message: Localized,
}

/// The settings every rule has.
pub(crate) trait CommonSettings {
    fn enabled(&self) -> Option<bool>;
    fn severity(&self) -> Option<Severity>;
    fn message(&self) -> Option<&str>;
    fn help(&self) -> Option<&str>;
}

/// Declares a rule's settings struct: the common keys (`enabled`, `severity`, `message`,
/// `help`, `source`) plus the rule's own, all optional so that layers can be merged.
macro_rules! rule_settings {
    (
        $(#[$meta:meta])*
        pub struct Settings { $( $(#[$fmeta:meta])* pub $field:ident : Option<$ty:ty> ),* $(,)? }
    ) => {
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields, rename_all = "kebab-case")]
        $(#[$meta])*
        pub struct Settings {
            /// Whether the rule runs.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub enabled: Option<bool>,
            /// Severity of its findings: `error` blocks, `warning` warns, `info` notes.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub severity: Option<$crate::report::Severity>,
            /// Replaces the built-in message (e.g. to quote the city's own guideline).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub message: Option<String>,
            /// Replaces the built-in help text.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub help: Option<String>,
            /// Where the city's rule comes from (guideline, council document, law).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub source: Option<String>,
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }
        $crate::config::read::policy_struct!(merge Settings { enabled, severity, message, help, source $(, $field)* });
        impl $crate::rules::CommonSettings for Settings {
            fn enabled(&self) -> Option<bool> { self.enabled }
            fn severity(&self) -> Option<$crate::report::Severity> { self.severity }
            fn message(&self) -> Option<&str> { self.message.as_deref() }
            fn help(&self) -> Option<&str> { self.help.as_deref() }
        }
    };
}
pub(crate) use rule_settings;

/// Declares a rule type and keeps its doc comment as [`RuleDef::DOCS`] text, so that
/// `freigabe explain`, `docs/rules.md` and `docs/regeln.md` are generated from the code.
///
/// The doc comment has the English sections `## What it checks`, `## Why`, `## Example` and
/// `## Configuration`, then a line `# Deutsch` and the same sections in German:
/// `## Was geprüft wird`, `## Warum`, `## Beispiel`, `## Einstellungen`.
macro_rules! documented_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident $body:tt
    ) => {
        $(#[doc = $doc])*
        $vis struct $name $body
        impl $name {
            /// The doc comment above, as text.
            pub(crate) const DOC_TEXT: &'static str = concat!($($doc, "\n"),*);
        }
    };
}
pub(crate) use documented_rule;

/// A rule compiled for one account, with its resolved severity and overrides.
pub(crate) struct CompiledRule {
    pub id: &'static str,
    pub severity: Severity,
    pub message: Option<String>,
    pub help: Option<String>,
    pub rule: Box<dyn Rule>,
}

/// A rule's human name in both languages: German per Duden, at most 40 characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Title {
    pub de: &'static str,
    pub en: &'static str,
}

/// Public facts about a rule: id, default severity and documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable id, `family.name`.
    pub id: &'static str,
    /// Severity unless a policy sets another.
    pub default_severity: Severity,
    /// Whether it runs unless a policy disables it.
    pub default_enabled: bool,
    /// Human name; in every build, as lists and reports show it (see [`RuleInfo::title`]).
    title: Title,
    /// The doc comment as written (feature `rule-docs`; the WebAssembly package loads the
    /// documentation as data when `explain` asks for it).
    #[cfg(feature = "rule-docs")]
    docs: &'static str,
    /// The doc comment's "What it checks" section as written, for [`RuleInfo::summary`]
    /// without the rest of the documentation.
    checks: &'static str,
    /// The German part's „Was geprüft wird“ section as written; empty while the rule has no
    /// German part.
    checks_de: &'static str,
}

impl RuleInfo {
    /// The rule's documentation as Markdown in `lang` (headings: What it checks, Why,
    /// Example, Configuration; in German: Was geprüft wird, Warum, Beispiel, Einstellungen).
    /// A rule whose doc comment has no German part yet is documented in English.
    #[cfg(feature = "rule-docs")]
    pub fn docs(&self, lang: Lang) -> String {
        let markdown = doc_markdown(self.docs);
        let (english, german) = split_languages(&markdown);
        match (lang, german) {
            (Lang::De, Some(german)) => german.to_owned(),
            _ => english.to_owned(),
        }
    }

    /// What `freigabe explain` prints: a heading with the id, then [`RuleInfo::docs`].
    #[cfg(feature = "rule-docs")]
    pub fn explain(&self, lang: Lang) -> String {
        format!("# {}\n\n{}\n", self.id, self.docs(lang))
    }

    /// The rule's human name, e.g. „Zu lang für die Plattform“ for `length.limit`.
    pub fn title(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.title.de,
            Lang::En => self.title.en,
        }
    }

    /// The first sentence of the "What it checks" section (German: „Was geprüft wird“; in
    /// English while the rule has no German part).
    pub fn summary(&self, lang: Lang) -> String {
        match lang {
            Lang::De if !self.checks_de.is_empty() => {
                first_sentence(self.checks_de, GERMAN_CHECKS_HEADING)
            }
            _ => first_sentence(self.checks, ENGLISH_CHECKS_HEADING),
        }
    }
}

/// The line that starts the German part of a rule's doc comment, after the English sections.
#[cfg(feature = "rule-docs")]
const GERMAN_PART: &str = "# Deutsch";
/// The heading whose first sentence is the English summary.
const ENGLISH_CHECKS_HEADING: &str = "## What it checks";
/// The heading whose first sentence is the German summary.
const GERMAN_CHECKS_HEADING: &str = "## Was geprüft wird";
/// German abbreviations after which ". " does not end a sentence (shorter ones such as
/// „z. B.“ or „Nr.“ are recognised by their length).
const ABBREVIATIONS: [&str; 7] = ["bzw", "ggf", "usw", "vgl", "sog", "inkl", "evtl"];

/// A rule's Markdown documentation split into its English sections and, if written, the
/// German part (without its `# Deutsch` line).
#[cfg(feature = "rule-docs")]
fn split_languages(markdown: &str) -> (&str, Option<&str>) {
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        if line.trim_end() == GERMAN_PART {
            let english = markdown[..offset].trim();
            let german = markdown[offset + line.len()..].trim();
            return (english, Some(german));
        }
        offset += line.len();
    }
    (markdown, None)
}

/// The first sentence of the paragraph after `heading` in a doc comment section.
fn first_sentence(section: &str, heading: &str) -> String {
    let docs = doc_markdown(section);
    let paragraph: Vec<&str> = docs
        .lines()
        .skip_while(|l| !l.starts_with(heading))
        .skip(1)
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let paragraph = paragraph.join(" ");
    // A sentence ends at ". " — but not after an abbreviation such as "z. B.", "bzw." or "e.g.".
    let mut end = paragraph.len();
    for (index, _) in paragraph.match_indices(". ") {
        let before = &paragraph[..index];
        let last_word = before.rsplit(' ').next().unwrap_or_default();
        let closes_a_bracket = last_word.ends_with([')', '…', '`', '"', '“']);
        let abbreviation = last_word.chars().count() <= 2
            || last_word.contains('.')
            || ABBREVIATIONS.contains(&last_word);
        if closes_a_bracket || !abbreviation {
            end = index + 1;
            break;
        }
    }
    paragraph[..end].to_owned()
}

/// A doc comment as Markdown: without the space after each `///`, trimmed.
fn doc_markdown(written: &str) -> String {
    written
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// Byte range of a doc comment's `heading` ("What it checks" or „Was geprüft wird“) and the
/// paragraph after it (what [`RuleInfo::summary`] reads), from the start of the heading's
/// line to the blank line or heading that ends the paragraph; `(0, 0)` without the heading.
/// Evaluated at compile time, so that summaries need only these bytes in the program.
const fn checks_section(docs: &str, heading: &str) -> (usize, usize) {
    let heading = heading.as_bytes();
    let bytes = docs.as_bytes();
    let mut start = None;
    let mut in_paragraph = false;
    let mut line = 0;
    while line < bytes.len() {
        // A heading line is `## …` after at most one space (the one following `///`).
        let mut text = line;
        if text < bytes.len() && bytes[text] == b' ' {
            text += 1;
        }
        let blank = is_blank_line(bytes, line);
        match start {
            None if starts_with(bytes, text, heading) => start = Some(line),
            Some(start) if starts_with(bytes, text, b"## ") || (blank && in_paragraph) => {
                return (start, line);
            }
            Some(_) if !blank => in_paragraph = true,
            _ => {}
        }
        while line < bytes.len() && bytes[line] != b'\n' {
            line += 1;
        }
        line += 1;
    }
    match start {
        Some(start) => (start, bytes.len()),
        None => (0, 0),
    }
}

/// Whether the line starting at `at` holds only spaces and tabs.
const fn is_blank_line(bytes: &[u8], mut at: usize) -> bool {
    while at < bytes.len() && bytes[at] != b'\n' {
        if bytes[at] != b' ' && bytes[at] != b'\t' {
            return false;
        }
        at += 1;
    }
    true
}

/// Whether `bytes[at..]` starts with `prefix` (usable in constants).
const fn starts_with(bytes: &[u8], at: usize, prefix: &[u8]) -> bool {
    if at + prefix.len() > bytes.len() {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if bytes[at + i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `N` bytes of `text` from `start`, as an array a constant can own.
const fn copy_bytes<const N: usize>(text: &str, start: usize) -> [u8; N] {
    let bytes = text.as_bytes();
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = bytes[start + i];
        i += 1;
    }
    out
}

/// The bytes of a rule's summary section ([`checks_section`]) as a `&'static str`, so that
/// builds without `rule-docs` keep only them.
macro_rules! summary_section {
    ($rule:ty, $heading:expr) => {{
        const DOCS: &str = <$rule as RuleDef>::DOCS;
        const RANGE: (usize, usize) = checks_section(DOCS, $heading);
        const SECTION: [u8; RANGE.1 - RANGE.0] = copy_bytes(DOCS, RANGE.0);
        // Cut at line starts, so always UTF-8.
        match std::str::from_utf8(&SECTION) {
            Ok(section) => section,
            Err(_) => "",
        }
    }};
}

type CompileFn =
    fn(&[&RuleTable], &Account) -> Result<Option<CompiledRule>, (&'static str, SettingError)>;

struct RegistryEntry {
    info: RuleInfo,
    compile: CompileFn,
}

fn compile_rule<R: RuleDef>(
    id: &'static str,
    pick: fn(&RuleTable) -> Option<&R::Settings>,
    layers: &[&RuleTable],
    account: &Account,
) -> Result<Option<CompiledRule>, (&'static str, SettingError)> {
    let mut settings = R::Settings::default();
    for layer in layers {
        if let Some(layer_settings) = pick(layer) {
            settings.overlay(layer_settings.clone());
        }
    }
    if !settings.enabled().unwrap_or(R::DEFAULT_ENABLED) {
        return Ok(None);
    }
    let rule = R::compile(&settings, account).map_err(|e| (id, e))?;
    Ok(Some(CompiledRule {
        id,
        severity: settings.severity().unwrap_or(R::DEFAULT_SEVERITY),
        message: settings.message().map(str::to_owned),
        help: settings.help().map(str::to_owned),
        rule: Box::new(rule),
    }))
}

/// The one list of rules. Each entry: rule id, field name, `family::file::Type`.
macro_rules! registry {
    ($( $id:literal => $field:ident : $family:ident :: $file:ident :: $rule:ident ),* $(,)?) => {
        /// Settings per rule, keyed by rule id: `[rules."hashtags.max"]`.
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct RuleTable {
            $(
                #[doc = concat!("Settings of `", $id, "`.")]
                #[serde(rename = $id, default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$family::$file::Settings>,
            )*
        }
        $crate::config::read::policy_struct!(RuleTable { $( $field as $id ),* });
        impl Merge for RuleTable {
            fn overlay(&mut self, other: Self) {
                // Per rule, per key: an account can change a severity and keep the parameters.
                $( overlay_table(&mut self.$field, other.$field); )*
            }
        }

        static REGISTRY: &[RegistryEntry] = &[$(
            RegistryEntry {
                info: RuleInfo {
                    id: $id,
                    default_severity: <$family::$file::$rule as RuleDef>::DEFAULT_SEVERITY,
                    default_enabled: <$family::$file::$rule as RuleDef>::DEFAULT_ENABLED,
                    title: <$family::$file::$rule as RuleDef>::TITLE,
                    #[cfg(feature = "rule-docs")]
                    docs: <$family::$file::$rule as RuleDef>::DOCS,
                    checks: summary_section!($family::$file::$rule, ENGLISH_CHECKS_HEADING),
                    checks_de: summary_section!($family::$file::$rule, GERMAN_CHECKS_HEADING),
                },
                compile: |layers, account| {
                    compile_rule::<$family::$file::$rule>($id, |table| table.$field.as_ref(), layers, account)
                },
            },
        )*];
    };
}

registry! {
    "length.limit" => length_limit: length::limit::LengthLimit,
    "length.fold" => length_fold: length::fold::LengthFold,
    "hashtags.max" => hashtags_max: hashtags::max::HashtagsMax,
    "hashtags.camel-case" => hashtags_camel_case: hashtags::camel_case::HashtagsCamelCase,
    "hashtags.duplicate" => hashtags_duplicate: hashtags::duplicate::HashtagsDuplicate,
    "links.https" => links_https: links::https::LinksHttps,
    "links.shortener" => links_shortener: links::shortener::LinksShortener,
    "links.allowed-domains" => links_allowed_domains: links::allowed_domains::LinksAllowedDomains,
    "links.max" => links_max: links::max::LinksMax,
    "imprint.profile" => imprint_profile: imprint::profile::ImprintProfile,
    "imprint.per-post" => imprint_per_post: imprint::per_post::ImprintPerPost,
    "imprint.private" => imprint_private: imprint::private::ImprintPrivate,
    "address.informal" => address_informal: address::informal::AddressInformal,
    "address.formal" => address_formal: address::formal::AddressFormal,
    "address.lowercase-sie" => address_lowercase_sie: address::lowercase_sie::AddressLowercaseSie,
    "address.mixed" => address_mixed: address::mixed::AddressMixed,
    "separation.unlisted-platform" => separation_unlisted_platform: separation::unlisted_platform::UnlistedPlatform,
    "separation.private-topic" => separation_private_topic: separation::private_topic::PrivateTopic,
    "separation.official-marker" => separation_official_marker: separation::official_marker::OfficialMarker,
    "readability.flesch" => readability_flesch: readability::flesch::ReadabilityFlesch,
    "readability.sentence-length" => readability_sentence_length: readability::sentence_length::ReadabilitySentenceLength,
    "readability.nominal-style" => readability_nominal_style: readability::nominal_style::ReadabilityNominalStyle,
    "accessibility.alt-text" => accessibility_alt_text: accessibility::alt_text::AccessibilityAltText,
    "accessibility.video-subtitles" => accessibility_video_subtitles: accessibility::video_subtitles::AccessibilityVideoSubtitles,
    "accessibility.emoji" => accessibility_emoji: accessibility::emoji::AccessibilityEmoji,
    "accessibility.fake-bold" => accessibility_fake_bold: accessibility::fake_bold::AccessibilityFakeBold,
    "accessibility.all-caps" => accessibility_all_caps: accessibility::all_caps::AccessibilityAllCaps,
    "privacy.phone" => privacy_phone: privacy::phone::PrivacyPhone,
    "privacy.email" => privacy_email: privacy::email::PrivacyEmail,
    "privacy.iban" => privacy_iban: privacy::iban::PrivacyIban,
    "privacy.case-reference" => privacy_case_reference: privacy::case_reference::PrivacyCaseReference,
    "neutrality.party" => neutrality_party: neutrality::party::NeutralityParty,
    "neutrality.vote-call" => neutrality_vote_call: neutrality::vote_call::NeutralityVoteCall,
    "neutrality.judgement" => neutrality_judgement: neutrality::judgement::NeutralityJudgement,
    "neutrality.candidate" => neutrality_candidate: neutrality::candidate::NeutralityCandidate,
    "neutrality.self-promotion" => neutrality_self_promotion: neutrality::self_promotion::NeutralitySelfPromotion,
    "plain-language.bureaucratic" => plain_language_bureaucratic: plain_language::bureaucratic::PlainLanguageBureaucratic,
    "plain-language.abbreviations" => plain_language_abbreviations: plain_language::abbreviations::PlainLanguageAbbreviations,
    "editors.not-editor" => editors_not_editor: editors::not_editor::EditorsNotEditor,
    "editors.private-outsider" => editors_private_outsider: editors::private_outsider::EditorsPrivateOutsider,
    "editors.author-missing" => editors_author_missing: editors::author_missing::EditorsAuthorMissing,
    "approval.missing" => approval_missing: approval::missing::ApprovalMissing,
    "approval.self" => approval_self: approval::self_approval::ApprovalSelf,
    "approval.wrong-role" => approval_wrong_role: approval::wrong_role::ApprovalWrongRole,
    "approval.too-late" => approval_too_late: approval::too_late::ApprovalTooLate,
    "approval.waiver-refused" => approval_waiver_refused: approval::waiver_refused::ApprovalWaiverRefused,
    "approval.waiver-unused" => approval_waiver_unused: approval::waiver_unused::ApprovalWaiverUnused,
    "cadence.week-max" => cadence_week_max: cadence::week_max::CadenceWeekMax,
    "cadence.below-min" => cadence_below_min: cadence::below_min::CadenceBelowMin,
    "cadence.min-gap" => cadence_min_gap: cadence::min_gap::CadenceMinGap,
    "cadence.election-rise" => cadence_election_rise: cadence::election_rise::CadenceElectionRise,
    "schedule.outside-hours" => schedule_outside_hours: schedule::outside_hours::ScheduleOutsideHours,
    "schedule.holiday" => schedule_holiday: schedule::holiday::ScheduleHoliday,
    "schedule.blackout" => schedule_blackout: schedule::blackout::ScheduleBlackout,
    "schedule.past" => schedule_past: schedule::past::SchedulePast,
}

/// How messages name a platform: its proper name (`Facebook`), as German writes names.
pub(crate) fn platform_name(platform: Platform) -> &'static str {
    platform
        .facts()
        .map_or(platform.as_str(), |facts| facts.name.as_str())
}

/// Every rule, in documentation order.
pub fn all_rules() -> impl Iterator<Item = RuleInfo> {
    REGISTRY.iter().map(|entry| entry.info)
}

/// Looks a rule up by id.
pub fn rule_info(id: &str) -> Option<RuleInfo> {
    all_rules().find(|info| info.id == id)
}

/// Compiles every enabled rule for an account from its settings layers (least specific
/// first). On error returns, for every rule that does not compile, its id and what is
/// wrong, so that a policy's mistakes are reported at once.
pub(crate) fn compile_for_account(
    layers: &[&RuleTable],
    account: &Account,
) -> Result<Vec<CompiledRule>, Vec<(&'static str, SettingError)>> {
    let mut compiled = Vec::new();
    let mut errors = Vec::new();
    for entry in REGISTRY {
        match (entry.compile)(layers, account) {
            Ok(Some(rule)) => compiled.push(rule),
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(compiled)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod title_tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every rule has a short human title in both languages, German ones capitalised (nouns
    /// and the first word), and no two rules share one (lists would be ambiguous).
    #[test]
    fn every_rule_has_a_unique_title_in_both_languages() {
        for lang in [Lang::De, Lang::En] {
            let mut seen = BTreeSet::new();
            for rule in all_rules() {
                let title = rule.title(lang);
                assert!(!title.trim().is_empty(), "{} has no title", rule.id);
                assert_eq!(title, title.trim(), "{}", rule.id);
                assert!(title.chars().count() <= 40, "{}: {title}", rule.id);
                assert!(!title.ends_with('.'), "{}: a title is no sentence", rule.id);
                assert!(seen.insert(title), "{}: title {title:?} twice", rule.id);
            }
        }
        for rule in all_rules() {
            let title = rule.title(Lang::De);
            assert!(
                title.chars().next().is_some_and(char::is_uppercase),
                "{}: {title}",
                rule.id
            );
        }
    }
}

#[cfg(all(test, feature = "rule-docs"))]
mod tests {
    use super::*;

    /// The summary read from the "What it checks" section alone is the one the whole
    /// documentation gives (builds without `rule-docs` keep only that section), in both
    /// languages.
    #[test]
    fn summary_from_the_section_is_the_summary_from_the_docs() {
        for rule in all_rules() {
            let whole = RuleInfo {
                checks: rule.docs,
                checks_de: if rule.checks_de.is_empty() {
                    ""
                } else {
                    rule.docs
                },
                ..rule
            };
            for lang in [Lang::De, Lang::En] {
                assert_eq!(rule.summary(lang), whole.summary(lang), "{}", rule.id);
            }
            assert!(rule.checks.len() < rule.docs.len(), "{}", rule.id);
            assert!(rule.checks.trim_start().starts_with(ENGLISH_CHECKS_HEADING));
            let german = rule.docs(Lang::De);
            if rule.checks_de.is_empty() {
                assert_eq!(german, rule.docs(Lang::En), "{}", rule.id);
            } else {
                assert!(
                    rule.checks_de
                        .trim_start()
                        .starts_with(GERMAN_CHECKS_HEADING)
                );
                assert!(german.starts_with(GERMAN_CHECKS_HEADING), "{}", rule.id);
            }
        }
    }

    /// The English documentation ends before the German part, which ends the doc comment.
    #[test]
    fn languages_are_split_at_the_german_part() {
        let markdown = "## What it checks\nA.\n\n# Deutsch\n\n## Was geprüft wird\nB.";
        assert_eq!(
            split_languages(markdown),
            ("## What it checks\nA.", Some("## Was geprüft wird\nB."))
        );
        assert_eq!(
            split_languages("## What it checks\nA."),
            ("## What it checks\nA.", None)
        );
    }

    /// German abbreviations do not end the summary's first sentence.
    #[test]
    fn german_abbreviations_do_not_end_a_sentence() {
        let section = "## Was geprüft wird\nEin Link, z. B. ein Kurzlink bzw. ein Umweg. Mehr.";
        assert_eq!(
            first_sentence(section, GERMAN_CHECKS_HEADING),
            "Ein Link, z. B. ein Kurzlink bzw. ein Umweg."
        );
    }
}
