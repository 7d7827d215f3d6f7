//! The report: what every front end (CLI, Python, JavaScript) returns for a checked draft.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::config::read::policy_enum;
use crate::lang::Lang;
use crate::platform::Platform;
use crate::text::offsets::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// A note; never changes the verdict.
    Info,
    /// Publishing is possible but someone should look (verdict `warn`).
    Warning,
    /// The draft must not go out like this (verdict `block`).
    Error,
}

impl Severity {
    /// The lowercase name used in reports and policies.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The overall outcome of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Verdict {
    /// No errors and no warnings.
    Pass,
    /// At least one warning, no error.
    Warn,
    /// At least one error.
    Block,
}

impl Verdict {
    /// `block` if any error, `warn` if any warning, else `pass`; waived findings do not
    /// count.
    pub fn from_diagnostics(diagnostics: &[Diagnostic]) -> Verdict {
        let counting = diagnostics.iter().filter(|d| d.counts());
        match counting.map(|d| d.severity).max() {
            Some(Severity::Error) => Verdict::Block,
            Some(Severity::Warning) => Verdict::Warn,
            _ => Verdict::Pass,
        }
    }

    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Warn => "warn",
            Verdict::Block => "block",
        }
    }
}

/// A proposed edit: replace the text at `span` by `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Suggestion {
    /// The new text.
    pub replacement: String,
    /// The region to replace.
    pub span: Span,
}

/// A stable rule id, `family.name`. Reports borrow the rule registry's own string, so no
/// report allocates one; a report read back from JSON owns its ids.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct RuleId(Cow<'static, str>);

impl RuleId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&'static str> for RuleId {
    fn from(id: &'static str) -> RuleId {
        RuleId(Cow::Borrowed(id))
    }
}

impl Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for RuleId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        **self == *other.0
    }
}

/// One finding of one rule, optionally tied to a platform and a region of the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Stable rule id, `family.name`.
    pub rule: RuleId,
    /// Severity after policy configuration.
    pub severity: Severity,
    /// What is wrong, one line.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The platform the finding is about, if it is platform-specific.
    pub platform: Option<Platform>,
    /// The offending region of the draft text, if any.
    pub span: Option<Span>,
    /// Edits that would fix the finding.
    pub suggestions: Vec<Suggestion>,
    /// Present when a waiver of the draft covers the finding: it stays in the report but
    /// does not count for the verdict. Boxed, as most findings have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waived: Option<Box<Waived>>,
}

impl Diagnostic {
    /// Whether the finding counts for the verdict (it is not waived).
    pub fn counts(&self) -> bool {
        self.waived.is_none()
    }
}

/// Who let a finding stand and why: the draft's waiver that covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Waived {
    /// Login of the person who waived it.
    pub by: String,
    /// Why the finding may stand.
    pub reason: String,
    /// When it was waived, if the waiver says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub at: Option<jiff::Timestamp>,
}

impl Waived {
    /// The day it was waived as messages write dates (`03.05.2026`, English `2026-05-03`),
    /// in German time (`Europe/Berlin`, always built in), where freigabe's cities are.
    pub fn date(&self, lang: Lang) -> Option<String> {
        let zone = crate::time::zones::time_zone("Europe/Berlin").ok()?;
        let date = self.at?.to_zoned(zone).date();
        Some(crate::time::date_label(date, lang))
    }
}

/// Length of the draft as one platform counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    /// Length in the platform's unit (weighted characters on X, graphemes on Mastodon…).
    pub length: u64,
    /// The platform's limit after policy overrides.
    pub limit: u64,
}

/// The result of checking one draft: the contract shared by every binding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// `block` if any error, `warn` if any warning, else `pass` (waived findings do not
    /// count).
    pub verdict: Verdict,
    /// Findings in a deterministic order: by position, then rule, then platform.
    pub diagnostics: Vec<Diagnostic>,
    /// Length and limit per target platform.
    pub measures: BTreeMap<Platform, Measure>,
    /// `sha256:` digest of the canonical policy (after `extends`), for audit records; shared
    /// by every report of one engine.
    pub policy_digest: Arc<str>,
    /// Version of the engine that produced the report.
    pub engine_version: Cow<'static, str>,
}

impl Report {
    /// Number of diagnostics at or above `severity` that count (waived ones do not).
    pub fn count_at_least(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.counts() && d.severity >= severity)
            .count()
    }

    /// Number of waived diagnostics.
    pub fn count_waived(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.counts()).count()
    }

    /// The report as the JSON contract.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

policy_enum!(Severity { "info" => Info, "warning" => Warning, "error" => Error });
