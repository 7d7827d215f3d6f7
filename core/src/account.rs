//! Accounts: what kind of voice an account is, and an account of a policy with every
//! default resolved, as the rules read it. The policy builds them; rules only read them.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::config::read::{policy_enum, policy_struct};
use crate::platform::{Platform, PlatformCaps};
use crate::time::HolidayRegion;
use crate::time::election::ElectionWindow;
use crate::time::office_hours::OfficeHours;

/// Whether an account speaks for the administration or for a private person.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum AccountKind {
    /// Run by or for the administration (e.g. "Bürgermeister Michael Dreier").
    Official,
    /// Run by a person privately (e.g. "Michael Dreier").
    Private,
}

impl AccountKind {
    /// The lowercase name used in policies.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Official => "official",
            AccountKind::Private => "private",
        }
    }
}

/// The form of address an account uses towards its readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum AddressForm {
    /// Formal "Sie" (Paderborn).
    Sie,
    /// Informal singular "du" (e.g. Eislingen).
    Du,
    /// Informal plural "ihr" (e.g. Frankfurt).
    Ihr,
}

policy_enum!(AccountKind { "official" => Official, "private" => Private });
policy_enum!(AddressForm { "sie" => Sie, "du" => Du, "ihr" => Ihr });

/// Parties and political vocabulary (`[politics]`). Names that are also ordinary words are
/// matched as written: `Grüne` is the party, `grüne` the colour; acronyms (`CDU`) match in
/// any case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Politics {
    /// Party names and abbreviations, including party youth organisations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties: Option<Vec<String>>,
    /// Local voter lists and council groups of the city; added to `parties`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_lists: Option<Vec<String>>,
    /// Party names that are also everyday words (`Piraten`, `Heimat`): they count only in a
    /// sentence that also has a `context` word or as part of a compound with one
    /// (`Piraten-Fraktion`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambiguous_parties: Option<Vec<String>>,
    /// Words that make a sentence political (`Partei`, `Fraktion`, `Wahl`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Vec<String>>,
    /// Phrases in which a party name is an ordinary word (`im Grünen`, `Grüne Woche`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_parties: Option<Vec<String>>,
}
policy_struct!(merge Politics {
    parties,
    local_lists,
    ambiguous_parties,
    context,
    not_parties
});

impl Politics {
    /// Whether nothing is set (the section is left out when serialised).
    pub fn is_unset(&self) -> bool {
        self == &Politics::default()
    }
}

/// What a front end shows of an account: its id, how people know it, what kind it is and
/// where it posts (an editor's account menu, a CMS's account mapping).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountSummary {
    /// The id drafts name (`buergermeister`).
    pub id: String,
    /// The name people know it by (`Bürgermeister Michael Dreier`), if the policy gives one.
    pub display_name: Option<String>,
    /// `official` or `private`.
    pub kind: AccountKind,
    /// The platforms it posts to, as the policy lists them.
    pub platforms: Vec<Platform>,
    /// Whether drafts that name no account are checked as this one (`default-account`).
    pub default: bool,
}

/// An account with every default resolved.
#[derive(Debug, Clone)]
pub(crate) struct Account {
    pub id: String,
    pub kind: AccountKind,
    #[allow(dead_code)]
    pub display_name: Option<String>,
    /// Who speaks on the account (`holder`, else `display-name`).
    pub holder: Option<String>,
    /// Parties and political vocabulary of the policy.
    pub politics: Politics,
    /// The policy's elections.
    pub elections: Vec<ElectionWindow>,
    pub platforms: Vec<Platform>,
    /// Who may post (`editors`, roles expanded); on a private account its owner.
    pub editors: People,
    /// Every login that edits an official account of the organisation.
    pub official_editors: Vec<String>,
    /// Which drafts need approval, by whom and how early.
    pub approval: ApprovalPolicy,
    /// This account's imprint (official accounts inherit the organisation's).
    pub imprint: Option<Url>,
    /// Every imprint URL of the organisation's official side.
    pub official_imprints: Vec<Url>,
    #[allow(dead_code)] // used by the address rules
    pub address: Option<AddressForm>,
    #[allow(dead_code)]
    pub time_zone: TimeZone,
    #[allow(dead_code)] // read by the separation rules of the language issue
    pub bio: Option<String>,
    pub profile_links: Vec<(String, Url)>,
    pub caps: BTreeMap<Platform, PlatformCaps>,
    /// Where the account's public holidays are those of: its state (the account's
    /// `federal-state`, else the policy's, else the state of its municipality key) and its
    /// municipality's own holidays; `None` without a state.
    pub holidays: Option<HolidayRegion>,
    /// Office hours; empty when the policy gives none.
    pub office_hours: OfficeHours,
    /// Posts per local calendar week.
    pub posts_per_week: WeeklyBand,
    /// Reply target and automatic-notice phrases for the response-time analysis.
    pub responses: ResponsePolicy,
}

/// The account's `[responses]`, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResponsePolicy {
    /// Hours of office time (wall-clock without office hours) a reply may take.
    pub target_hours: u32,
    /// Whether the policy sets `target-hours` (else `target_hours` is the default, which the
    /// quarterly report does not hold an account to).
    pub target_set: bool,
    /// The policy's own phrases of automatic notices, trimmed and lowercased; the built-in
    /// phrases are added by the analysis.
    pub auto_reply_markers: Vec<String>,
}

/// The band of posts per local calendar week; `None` means no bound on that side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WeeklyBand {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

/// A login as policies and drafts are compared: trimmed, ignoring case.
pub(crate) fn login_key(login: &str) -> String {
    login.trim().to_lowercase()
}

/// People named in a policy list (`editors`, approvers): as written, for messages, and as
/// logins with roles expanded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct People {
    /// The entries as written (`m.dreier`, `role:pressestelle`).
    pub written: Vec<String>,
    /// The logins, normalised with [`login_key`], sorted.
    pub logins: Vec<String>,
}

impl People {
    /// Whether `login` is one of the people.
    pub fn contains(&self, login: &str) -> bool {
        self.logins.binary_search(&login_key(login)).is_ok()
    }

    /// Whether the policy named nobody.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty()
    }

    /// The entries as written, each in backticks, comma-separated (for messages).
    pub fn quoted(&self) -> String {
        self.written
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The account's four-eyes approval settings, resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ApprovalPolicy {
    /// Every draft needs an approval.
    pub four_eyes: bool,
    /// Minutes an approval must precede `scheduled_at`.
    pub minutes_before: u32,
    /// Who may approve where a requirement names no one; empty: anyone but the author.
    pub approvers: People,
    /// Labels and topics that need approval.
    pub requirements: Vec<ApprovalRule>,
}

/// Drafts with one of `labels` or one of `topics` need an approval by `approvers` (empty:
/// anyone but the author).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApprovalRule {
    pub labels: Vec<String>,
    pub topics: Vec<String>,
    pub approvers: People,
}
