//! # freigabe
//!
//! A policy engine that checks social-media drafts of German city administrations before
//! they are published: official vs private profile separation, the required imprint link,
//! per-platform length limits, hashtags and links — configured per city in a TOML policy.
//!
//! Compile a policy once, check many drafts:
//!
//! ```
//! use freigabe::{Draft, Engine, Lang, Policy};
//!
//! let policy = Policy::from_toml(r#"
//!     imprint = "https://www.paderborn.de/impressum"
//!     [accounts.stadt]
//!     kind = "official"
//!     platforms = ["x", "instagram"]
//!     profile.links = [{ label = "Impressum", url = "https://www.paderborn.de/impressum" }]
//! "#)?;
//! let engine = Engine::new(policy)?.with_lang(Lang::En);
//! let report = engine.check(&Draft::new("Guten Morgen, Paderborn!"), &[], None)?;
//! assert_eq!(report.verdict.as_str(), "pass");
//! assert_eq!(report.measures[&freigabe::Platform::X].limit, 280);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Every [`Report`] carries spans in UTF-8 bytes, characters, UTF-16 units and
//! line/column, so a Python notebook, a JavaScript editor and a terminal all point at
//! the same words.
//!
//! ## Layers
//!
//! The modules read from the bottom up. Each one uses only modules on the lines above
//! its own, never a peer on its line nor anything below; `tests/layers.rs` reads this
//! block and fails on any `crate::` or `super::` path that points the wrong way.
//!
//! ```text
//! lang                             message languages
//! config                           policy readers: TOML values into settings, Localized texts
//! serde_errors, error              serde messages in both languages, input errors
//! text                             entities, offsets, folding, lexicons, sentences
//! time, platform                   calendars and office hours; counting and limits
//! draft, report, account           what is checked, what is said, who speaks
//! rules                            one file per rule, reading a CheckContext
//! waiver                           which findings a draft's waivers cover, and which count
//! policy                           the whole policy: files, `extends`, accounts resolved
//! wire                             the request and answer types of every front end
//! engine                           a compiled policy that checks drafts
//! batch, archive, analytics, docs  archives, reports over them, rule documentation
//! ```
#![deny(missing_docs)]

mod account;
pub mod analytics;
#[cfg(feature = "archive")]
pub mod archive;
pub mod batch;
mod config;
#[cfg(feature = "rule-docs")]
pub mod docs;
mod draft;
mod engine;
mod error;
pub mod lang;
pub mod platform;
pub mod policy;
mod report;
mod rules;
mod serde_errors;
pub mod text;
mod time;
mod waiver;
pub mod wire;

pub use account::AccountSummary;
pub use draft::{Approval, Draft, HistoryEntry, Media, MediaKind, Waiver};
pub use engine::{ENGINE_VERSION, Engine};
pub use error::{InputError, InputErrorKind, MAX_DRAFT_BYTES};
pub use lang::Lang;
pub use platform::{Platform, TextCount, count_text};
pub use policy::{Policy, PolicyError, PolicyErrorKind};
pub use report::{Diagnostic, Measure, Report, RuleId, Severity, Suggestion, Verdict, Waived};
pub use rules::cadence::HistoryIndex;
pub use rules::{RuleInfo, all_rules, rule_info};
pub use text::offsets::Span;
#[cfg(feature = "tzdb-bundle")]
pub use time::zones::time_zone_data;
pub use time::zones::{TimeZoneDataError, load_time_zone_data, time_zone_data_loaded};

/// The README's Rust examples, compiled as doctests so they cannot rot.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
