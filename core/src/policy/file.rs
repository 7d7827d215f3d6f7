//! The TOML format of a policy file, as serde structs. The JSON Schema is generated from
//! these types, so their doc comments are what editors show while a policy is typed.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::account::{AccountKind, AddressForm, Politics};
use crate::config::read::policy_struct;
use crate::platform::Platform;
pub use crate::platform::PlatformSettings;
use crate::rules::RuleTable;
use crate::time::{FederalState, OfficeHoursSettings};

/// A policy file. Keys are kebab-case; unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PolicyFile {
    /// A policy this one builds on, as a path relative to this file (e.g. `base.toml`).
    /// Values here override values there; tables are merged key by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Name of the organisation, e.g. `Stadt Paderborn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Account used when a draft names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_account: Option<String>,
    /// The organisation's imprint URL; official accounts use it unless they set their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imprint: Option<String>,
    /// Overrides of platform limits for every account (e.g. a Mastodon server with 1,000
    /// characters).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub platform_settings: BTreeMap<Platform, PlatformSettings>,
    /// Rule settings for every account.
    #[serde(default)]
    pub rules: RuleTable,
    /// Rule settings per account kind (`[kinds.official.rules."imprint.profile"]`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub kinds: BTreeMap<AccountKind, KindSettings>,
    /// The accounts, keyed by id (`[accounts.buergermeister]`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub accounts: BTreeMap<String, AccountSettings>,
    /// Parties, local voter lists and political vocabulary for the `neutrality.*` rules.
    #[serde(default, skip_serializing_if = "Politics::is_unset")]
    pub politics: Politics,
    /// Elections (`[[elections]]`): each opens a pre-election window in which the
    /// `neutrality.*` rules are stricter. A more specific file replaces the whole list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elections: Option<Vec<Election>>,
    /// Roles: a name and the logins that hold it (`pressestelle = ["sta13.presse"]`).
    /// `editors` and the approvers of `[accounts.<id>.approval]` name a role as
    /// `role:<name>`. A more specific file replaces the whole table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<BTreeMap<String, Vec<String>>>,
    /// Federal state of the organisation as an ISO 3166-2:DE code (`NW`, `RP`, `HH`, …):
    /// `schedule.holiday` checks its public holidays. An account may set its own; without a
    /// state no holidays are checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federal_state: Option<FederalState>,
    /// The organisation's municipality by its official key (Amtlicher Gemeindeschlüssel, 8
    /// digits, e.g. `05774032` for Paderborn): `schedule.holiday` then checks exactly its
    /// holidays, including those a state gives only some municipalities (Mariä Himmelfahrt
    /// in Bavaria, the Augsburger Friedensfest, Fronleichnam in Sorbian Saxony and in
    /// Thuringia). The state follows from the first two digits; a `federal-state` that
    /// contradicts it is an error. An account may set its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_key: Option<String>,
    /// Whether Mariä Himmelfahrt (15 August) is a public holiday in the Bavarian
    /// municipality: by law where it has a Catholic majority (Art. 1 Abs. 1 Nr. 2 FTG), as
    /// the Bayerisches Landesamt für Statistik determines ("Feiertag ja/nein" in its
    /// database). Needed for Bavarian municipalities whose status freigabe does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumption_day: Option<bool>,
    /// Whether Fronleichnam is a public holiday where the account works, for the Saxon and
    /// Thuringian municipalities whose holiday regulation lists only some of their parts
    /// (e.g. Bautzen: only Bolbritz and Salzenforst).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus_christi: Option<bool>,
    /// Who may waive which findings with a draft's `waivers` (`[waivers]`).
    #[serde(default, skip_serializing_if = "WaiverSettings::is_unset")]
    pub waivers: WaiverSettings,
}
policy_struct!(merge PolicyFile {
    extends,
    name,
    default_account,
    imprint,
    platform_settings,
    rules,
    kinds,
    accounts,
    politics,
    elections,
    roles,
    federal_state,
    municipality_key,
    assumption_day,
    corpus_christi,
    waivers
});

/// Accepted exceptions (`[waivers]`): a draft's `waivers` let findings stand, like
/// `# noqa` in code. Here the policy says which of them count: a waiver that does not is
/// reported by `approval.waiver-refused`, and its finding keeps counting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct WaiverSettings {
    /// A waiver counts only when someone other than the draft's `author` gave it (the
    /// "Vieraugen-Prinzip", Sander, Kommune21-Forum); without `author` none counts.
    /// Default `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub four_eyes: Option<bool>,
    /// Rules whose findings no waiver lets stand: ids (`imprint.private`) or family globs
    /// (`privacy.*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_waivable: Option<Vec<String>>,
    /// Who may waive findings: logins or `role:<name>` (see `[roles]`). Default: anyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_by: Option<Vec<String>>,
    /// Where the rule comes from (guideline, service instruction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
policy_struct!(merge WaiverSettings {
    four_eyes,
    not_waivable,
    allowed_by,
    source
});

impl WaiverSettings {
    /// Whether nothing is set (the table is left out when serialised).
    pub fn is_unset(&self) -> bool {
        self == &WaiverSettings::default()
    }
}

/// An election that concerns the organisation's accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Election {
    /// Name, e.g. `Bürgermeisterwahl 2025`.
    pub name: String,
    /// Election day, `YYYY-MM-DD`.
    pub date: String,
    /// Weeks before election day in which stricter neutrality applies (default 6, at most
    /// 52): the "heiße Wahlkampfphase" (VG Göttingen 1 A 258/21).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_weeks: Option<u32>,
    /// Names of the candidates as they are written (`Anna Beispiel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidates: Option<Vec<String>>,
}
policy_struct!(Election {
    name: required,
    date: required,
    window_weeks,
    candidates
});

/// Rule settings for all accounts of one kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct KindSettings {
    /// Rule settings.
    #[serde(default)]
    pub rules: RuleTable,
}
policy_struct!(merge KindSettings { rules });

/// One account (profile) of the organisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct AccountSettings {
    /// `official` or `private`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AccountKind>,
    /// Name of the profile as shown on the platforms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The person who speaks on the account (e.g. `Michael Dreier` for the mayor's profile);
    /// defaults to `display-name`. Used to find self-promotion before an election.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// Platforms the account publishes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Vec<Platform>>,
    /// Logins of the people who may post (e.g. the mayor and the press office), or roles
    /// as `role:<name>` (see `[roles]`). Logins are compared ignoring case. On a private
    /// account these are its owner's own logins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editors: Option<Vec<String>>,
    /// Imprint URL of this account (official accounts default to the policy's `imprint`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imprint: Option<String>,
    /// Required form of address: `sie`, `du` or `ihr`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressForm>,
    /// IANA time zone of the account (default `Europe/Berlin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The profile as it is set up on the platforms (bio and links).
    #[serde(default)]
    pub profile: Profile,
    /// Platform limit overrides for this account.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub platform_settings: BTreeMap<Platform, PlatformSettings>,
    /// Rule settings for this account.
    #[serde(default)]
    pub rules: RuleTable,
    /// Which drafts need a second person's approval, from whom and how early
    /// (`approval.*` rules).
    #[serde(default, skip_serializing_if = "ApprovalSettings::is_unset")]
    pub approval: ApprovalSettings,
    /// Federal state of the account (default: the policy's `federal-state`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federal_state: Option<FederalState>,
    /// Municipality key of the account (default: the policy's `municipality-key`). An
    /// account with its own `federal-state` or `municipality-key` takes neither key nor
    /// state, `assumption-day` or `corpus-christi` from the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_key: Option<String>,
    /// Mariä Himmelfahrt in the account's Bavarian municipality (default: the policy's
    /// `assumption-day`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assumption_day: Option<bool>,
    /// Fronleichnam where the account works (default: the policy's `corpus-christi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus_christi: Option<bool>,
    /// How many posts a local calendar week (Monday 00:00 to Monday 00:00 in `time-zone`)
    /// should have, e.g. `{ min = 2, max = 3 }` (Stadt Paderborn, Social-Media-Strategie
    /// 2021: „Ø 2-3 Posts / Woche“). Read by the `cadence.*` rules; unset means no band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posts_per_week: Option<PostsPerWeek>,
    /// Office hours („Dienstzeiten“), when someone watches the channels and answers; read
    /// by `schedule.outside-hours`: `windows = [{ days = ["mon", "tue", "wed", "thu",
    /// "fri"], from = "09:00", to = "17:00" }]` in the account's `time-zone`, plus an
    /// optional `source`. Unset means no hours are checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_hours: Option<OfficeHoursSettings>,
    /// How fast the account answers comments (`[accounts.<id>.responses]`): the target
    /// reply time in office hours and the phrases that mark automatic notices. Read by the
    /// response-time analysis (`freigabe::analytics::responses`), not by draft rules.
    #[serde(default, skip_serializing_if = "ResponseSettings::is_unset")]
    pub responses: ResponseSettings,
}
policy_struct!(merge AccountSettings {
    kind,
    display_name,
    holder,
    platforms,
    editors,
    imprint,
    address,
    time_zone,
    profile,
    platform_settings,
    rules,
    approval,
    federal_state,
    municipality_key,
    assumption_day,
    corpus_christi,
    posts_per_week,
    office_hours,
    responses
});

/// Reply targets of an account (`[accounts.<id>.responses]`): "Seien Sie schnell! Kurze
/// Reaktionszeiten sind bei Social Media-Anfragen ein Muss." (Arndt, Stadt Moers, KOMMUNAL
/// 2015), measured in the account's office hours ("Dienstzeiten", Stadt Paderborn,
/// Social-Media-Strategie 2021).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ResponseSettings {
    /// A question should be answered within this many hours of office time (1 to 720).
    /// Without `office-hours` the hours are wall-clock hours. Unset, the quarterly report
    /// shows that no target is set (its JSON still measures against 24 hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_hours: Option<u32>,
    /// Phrases that mark a reply as an automatic notice (`Wir melden uns am Montag`),
    /// compared ignoring case; added to the built-in phrases such as `automatische antwort`
    /// and `außerhalb unserer servicezeiten`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_reply_markers: Option<Vec<String>>,
    /// Where the target comes from (guideline, service promise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
policy_struct!(merge ResponseSettings {
    target_hours,
    auto_reply_markers,
    source
});

impl ResponseSettings {
    /// Whether nothing is set (the table is left out when serialised).
    pub fn is_unset(&self) -> bool {
        self == &ResponseSettings::default()
    }
}

/// Four-eyes approval of an account (`[accounts.<id>.approval]`): "wer muss bei welchen
/// Themen wen fragen" (Sander, Kommune21-Forum).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ApprovalSettings {
    /// Every draft needs an approval by a second person, whatever its labels and topics
    /// (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub four_eyes: Option<bool>,
    /// An approval counts only if it was given at least this many minutes before
    /// `scheduled_at` (default 5, as in Hootsuite; at most 10080, one week).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_before: Option<u32>,
    /// Who may approve where a `require` entry names no one (and for `four-eyes`): logins
    /// or `role:<name>`. Default: anyone but the author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvers: Option<Vec<String>>,
    /// Labels and topics that need approval, each with its approvers
    /// (`[[accounts.<id>.approval.require]]`). A more specific file replaces the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require: Option<Vec<ApprovalRequirement>>,
    /// Where the rule comes from (guideline, service instruction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
policy_struct!(merge ApprovalSettings {
    four_eyes,
    minutes_before,
    approvers,
    require,
    source
});

impl ApprovalSettings {
    /// Whether nothing is set (the table is left out when serialised).
    pub fn is_unset(&self) -> bool {
        self == &ApprovalSettings::default()
    }
}

/// Drafts that need an approval: any of `labels` on the draft or any of `topics` in its
/// text. At least one of the two must be given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ApprovalRequirement {
    /// Draft labels (`pressemitteilung`, `krise`), compared ignoring case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<Vec<String>>,
    /// Keywords in the text (`Haushalt`, `Personalie`); inflected forms match, a trailing
    /// `*` also matches compounds (`Haushalt*` → `Haushaltssperre`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics: Option<Vec<String>>,
    /// Who may approve: logins or `role:<name>`. Default: the account's `approvers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvers: Option<Vec<String>>,
    /// Where the requirement comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
policy_struct!(ApprovalRequirement {
    labels,
    topics,
    approvers,
    source
});

/// The profile of an account: its bio and the links it shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Profile {
    /// The profile text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// Links shown on the profile, each with its visible label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<ProfileLink>>,
}
policy_struct!(merge Profile { bio, links });

/// A labelled link on a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProfileLink {
    /// The visible label, e.g. `Impressum`.
    pub label: String,
    /// The target URL.
    pub url: String,
}
policy_struct!(ProfileLink {
    label: required,
    url: required
});

/// The band of posts per local calendar week (`posts-per-week = { min = 2, max = 3 }`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PostsPerWeek {
    /// Fewest posts a week on average (`cadence.below-min`); unset: no lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// Most posts in one week (`cadence.week-max`); unset: no upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// Where the band comes from (strategy paper, guideline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
policy_struct!(PostsPerWeek { min, max, source });
