//! Policies: the TOML format, `extends` chains, strict validation with located errors, and
//! the resolved accounts the engine compiles rules for.

mod error;
mod file;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};
use url::Url;

// The readers and `Localized` live in `config`, below every module with settings; named
// here too so that `freigabe::policy::Localized` stays where users found it.
pub use crate::config::Localized;
pub(crate) use crate::config::{de, did_you_mean, localized, merge};
pub use error::{PolicyError, PolicyErrorKind, SourceLocation};
pub use file::{
    AccountKind, AccountSettings, AddressForm, ApprovalRequirement, ApprovalSettings, Election,
    KindSettings, PlatformSettings, PolicyFile, Politics, Profile, ProfileLink, ResponseSettings,
    WaiverSettings,
};
use merge::Merge;

use crate::platform::{PlatformCaps, platform_table};
use crate::time::HolidayRegion;
use crate::time::municipality::{self, Known, LocalHolidays};
use crate::time::office_hours::OfficeHours;
use crate::time::zones::{ZoneError, time_zone};
pub use crate::time::{FederalState, OfficeHoursSettings, OfficeWindowSettings, Weekday};
pub use file::PostsPerWeek;
// Moved below the rules; named here too so that code reading them from here still builds.
pub(crate) use crate::account::{
    Account, ApprovalPolicy, ApprovalRule, People, ResponsePolicy, WeeklyBand, login_key,
};
pub(crate) use crate::time::election::ElectionWindow;
use crate::waiver::{RulePattern, WaiverPolicy};

/// Longest `extends` chain; deeper chains are almost certainly a mistake.
const MAX_EXTENDS_DEPTH: usize = 16;

/// Pre-election window unless an election sets `window-weeks`.
const DEFAULT_ELECTION_WINDOW_WEEKS: u32 = 6;
/// Longest pre-election window; a longer one would cover most of a term of office.
const MAX_ELECTION_WINDOW_WEEKS: u32 = 52;

/// How long before `scheduled_at` an approval must arrive unless the account says
/// otherwise (the lead time Hootsuite's approval workflow requires).
const DEFAULT_APPROVAL_MINUTES_BEFORE: u32 = 5;
/// Longest approval lead time: one week; more is almost certainly a unit mistake.
const MAX_APPROVAL_MINUTES_BEFORE: u32 = 7 * 24 * 60;
/// Reply target unless an account's `[responses]` sets `target-hours`: three working days
/// of eight office hours.
pub(crate) const DEFAULT_RESPONSE_TARGET_HOURS: u32 = 24;
/// Longest reply target: 720 hours (a month of wall-clock time); more is almost certainly
/// a unit mistake.
const MAX_RESPONSE_TARGET_HOURS: u32 = 720;
/// Prefix of a role in `editors` and approver lists.
const ROLE_PREFIX: &str = "role:";

/// One file of an `extends` chain with its text, kept for locating errors.
#[derive(Debug, Clone)]
struct SourceFile {
    name: String,
    text: Arc<str>,
}

/// A validated policy: the merged settings of a file and everything it extends.
#[derive(Debug, Clone)]
pub struct Policy {
    merged: PolicyFile,
    /// Most specific file first.
    sources: Vec<SourceFile>,
    digest: String,
}

impl Policy {
    /// Parses a policy from a string. `extends` is not available without files; use
    /// [`Policy::load`] for that.
    pub fn from_toml(text: &str) -> Result<Policy, PolicyError> {
        Policy::load_with_entry("<policy>", text.to_owned(), &mut |_| {
            Err(std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "a policy given as a string cannot extend files",
            ))
        })
    }

    /// Loads a policy file and the chain it `extends`. `read` returns a file's text; core
    /// does no I/O itself, so the CLI passes `std::fs::read_to_string` and a browser a
    /// lookup in its bundled files. Relative `extends` paths resolve against the
    /// extending file's directory.
    pub fn load(
        path: &str,
        mut read: impl FnMut(&str) -> std::io::Result<String>,
    ) -> Result<Policy, PolicyError> {
        let text = read(path).map_err(|e| {
            PolicyError::new(
                PolicyErrorKind::Read,
                path,
                Localized::new(
                    format!("Richtlinie `{path}` kann nicht gelesen werden: {e}"),
                    format!("cannot read policy `{path}`: {e}"),
                ),
            )
            .with_help(localized!(
                de: "Pfad der Richtlinie prüfen",
                en: "check the path of the policy",
            ))
        })?;
        Policy::load_with_entry(path, text, &mut read)
    }

    fn load_with_entry(
        path: &str,
        text: String,
        read: &mut dyn FnMut(&str) -> std::io::Result<String>,
    ) -> Result<Policy, PolicyError> {
        let mut sources = vec![SourceFile {
            name: path.to_owned(),
            text: Arc::from(text),
        }];
        let mut files = vec![parse_file(&sources[0])?];
        let mut seen = vec![normalize(Path::new(path))];
        while let Some(extends) = files.last().and_then(|f| f.extends.clone()) {
            let current = sources.last().map(|s| s.name.clone()).unwrap_or_default();
            let located = |sources: &[SourceFile]| locate_in(sources.last(), &["extends"]);
            let target = normalize(
                &Path::new(&current)
                    .parent()
                    .unwrap_or(Path::new(""))
                    .join(&extends),
            );
            let target_name = target.to_string_lossy().into_owned();
            if seen.contains(&target) {
                return Err(PolicyError::new(
                    PolicyErrorKind::Extends,
                    &current,
                    localized!(
                        de: "`extends` bildet einen Kreis: `{target_name}` wurde schon geladen",
                        en: "`extends` forms a cycle: `{target_name}` is already loaded",
                    ),
                )
                .with_help(localized!(
                    de: "Eine Richtlinie darf sich nicht selbst (auch nicht indirekt) erweitern",
                    en: "a policy must not extend itself, directly or indirectly",
                ))
                .with_location(located(&sources)));
            }
            if seen.len() >= MAX_EXTENDS_DEPTH {
                return Err(PolicyError::new(
                    PolicyErrorKind::Extends,
                    &current,
                    localized!(
                        de: "`extends`-Kette ist länger als {MAX_EXTENDS_DEPTH} Dateien",
                        en: "`extends` chain is longer than {MAX_EXTENDS_DEPTH} files",
                    ),
                )
                .with_location(located(&sources)));
            }
            let text = read(&target_name).map_err(|e| {
                PolicyError::new(
                    PolicyErrorKind::Extends,
                    &current,
                    localized!(
                        de: "`extends` verweist auf `{target_name}`, das nicht gelesen werden kann: {e}",
                        en: "`extends` points to `{target_name}`, which cannot be read: {e}",
                    ),
                )
                .with_help(localized!(
                    de: "Der Pfad ist relativ zur erweiternden Datei",
                    en: "the path is relative to the extending file",
                ))
                .with_location(located(&sources))
            })?;
            sources.push(SourceFile {
                name: target_name,
                text: Arc::from(text),
            });
            let last = sources.len() - 1;
            files.push(parse_file(&sources[last])?);
            seen.push(target);
        }

        // Least specific first, then overlay.
        let mut merged = PolicyFile::default();
        for file in files.into_iter().rev() {
            merged.overlay(file);
        }
        merged.extends = None;
        let policy = Policy {
            digest: digest(&merged),
            merged,
            sources,
        };
        policy.validate()?;
        Ok(policy)
    }

    /// `sha256:` digest of the canonical merged policy, for audit records.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// The merged settings.
    pub fn settings(&self) -> &PolicyFile {
        &self.merged
    }

    /// Ids of all accounts.
    pub fn account_ids(&self) -> impl Iterator<Item = &str> {
        self.merged.accounts.keys().map(String::as_str)
    }

    /// The account a draft without `account` is checked for: `default-account`, or the only
    /// account if there is just one.
    pub fn default_account(&self) -> Option<&str> {
        match &self.merged.default_account {
            Some(id) => Some(id),
            None if self.merged.accounts.len() == 1 => self.account_ids().next(),
            None => None,
        }
    }

    /// JSON Schema of the policy format (for editors such as VS Code with taplo).
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(PolicyFile);
        serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
    }

    /// Resolves an account: defaults, platform limits and imprint filled in.
    pub(crate) fn resolve_account(&self, id: &str) -> Result<Account, PolicyError> {
        let settings = self.merged.accounts.get(id).ok_or_else(|| {
            PolicyError::new(
                PolicyErrorKind::UnknownReference,
                self.entry_name(),
                localized!(de: "Unbekanntes Konto `{id}`", en: "unknown account `{id}`"),
            )
        })?;
        let path = ["accounts", id];
        let kind = settings.kind.ok_or_else(|| {
            self.error_at(
                &path,
                PolicyErrorKind::MissingKey,
                localized!(de: "Konto `{id}` hat keine `kind`", en: "account `{id}` has no `kind`"),
            )
            .with_help(localized!(
                de: "`kind = \"official\"` oder `kind = \"private\"` ergänzen",
                en: "add `kind = \"official\"` or `kind = \"private\"`",
            ))
        })?;
        let time_zone = time_zone(settings.time_zone.as_deref().unwrap_or("Europe/Berlin"))
            .map_err(|error| {
                let name = settings.time_zone.clone().unwrap_or_default();
                let path = ["accounts", id, "time-zone"];
                match error {
                    ZoneError::Unknown => self
                        .error_at(
                            &path,
                            PolicyErrorKind::InvalidValue,
                            localized!(de: "Unbekannte Zeitzone `{name}`", en: "unknown time zone `{name}`"),
                        )
                        .with_help(localized!(
                            de: "Einen IANA-Namen wie `Europe/Berlin` angeben",
                            en: "use an IANA name such as `Europe/Berlin`",
                        )),
                    ZoneError::NotLoaded => self
                        .error_at(
                            &path,
                            PolicyErrorKind::TimeZoneData,
                            localized!(
                                de: "Die Daten der Zeitzone `{name}` sind nicht geladen",
                                en: "the data of time zone `{name}` is not loaded",
                            ),
                        )
                        .with_help(localized!(
                            de: "Vorher die Zeitzonendaten laden (JavaScript: `await loadTimeZones()`)",
                            en: "load the time zone data first (JavaScript: `await loadTimeZones()`)",
                        )),
                }
            })?;
        let own_imprint = match &settings.imprint {
            Some(url) => Some(self.parse_url(url, &["accounts", id, "imprint"])?),
            None => None,
        };
        let org_imprint = match &self.merged.imprint {
            Some(url) => Some(self.parse_url(url, &["imprint"])?),
            None => None,
        };
        let imprint = match kind {
            AccountKind::Official => own_imprint.or(org_imprint.clone()),
            AccountKind::Private => own_imprint,
        };
        let mut official_imprints: Vec<Url> = org_imprint.into_iter().collect();
        for (other_id, other) in &self.merged.accounts {
            if other.kind == Some(AccountKind::Official)
                && let Some(url) = &other.imprint
            {
                official_imprints.push(self.parse_url(url, &["accounts", other_id, "imprint"])?);
            }
        }
        official_imprints.sort();
        official_imprints.dedup();

        let editors = self.people(settings.editors.as_deref(), &["accounts", id, "editors"])?;
        let mut official_editors = Vec::new();
        for (other_id, other) in &self.merged.accounts {
            if other.kind == Some(AccountKind::Official) {
                let path = ["accounts", other_id.as_str(), "editors"];
                official_editors.extend(self.people(other.editors.as_deref(), &path)?.logins);
            }
        }
        official_editors.sort();
        official_editors.dedup();
        let approval = self.approval_policy(id, &settings.approval)?;
        let office_hours = self.office_hours(id, settings.office_hours.as_ref())?;
        let posts_per_week = self.posts_per_week(id, settings.posts_per_week.as_ref())?;
        let responses = self.response_policy(id, &settings.responses)?;
        let holidays = self.holiday_region(id, settings)?;

        let mut profile_links = Vec::new();
        for (index, link) in settings.profile.links.iter().flatten().enumerate() {
            let index = index.to_string();
            let url = self.parse_url(
                &link.url,
                &["accounts", id, "profile", "links", &index, "url"],
            )?;
            profile_links.push((link.label.clone(), url));
        }

        let mut caps = BTreeMap::new();
        let table = platform_table().map_err(|e| {
            PolicyError::new(
                PolicyErrorKind::InvalidValue,
                self.entry_name(),
                Localized::new(e.to_string(), e.to_string()),
            )
        })?;
        for (platform, facts) in table {
            let mut layered = self
                .merged
                .platform_settings
                .get(platform)
                .cloned()
                .unwrap_or_default();
            if let Some(own) = settings.platform_settings.get(platform) {
                layered.overlay(own.clone());
            }
            caps.insert(
                *platform,
                PlatformCaps::from_facts(facts).with_overrides(&layered),
            );
        }

        Ok(Account {
            id: id.to_owned(),
            kind,
            holder: settings
                .holder
                .clone()
                .or_else(|| settings.display_name.clone()),
            politics: self.merged.politics.clone(),
            elections: self.elections()?,
            display_name: settings.display_name.clone(),
            platforms: settings.platforms.clone().unwrap_or_default(),
            editors,
            official_editors,
            approval,
            imprint,
            official_imprints,
            address: settings.address,
            time_zone,
            bio: settings.profile.bio.clone(),
            profile_links,
            caps,
            holidays,
            office_hours,
            posts_per_week,
            responses,
        })
    }

    /// The `[[elections]]` with their dates parsed and windows resolved.
    fn elections(&self) -> Result<Vec<ElectionWindow>, PolicyError> {
        let mut windows = Vec::new();
        for (index, election) in self.merged.elections.iter().flatten().enumerate() {
            let index = index.to_string();
            let written = &election.date;
            let date: jiff::civil::Date = written.parse().map_err(|e: jiff::Error| {
                let reason = e.to_string();
                self.error_at(
                    &["elections", &index, "date"],
                    PolicyErrorKind::InvalidValue,
                    localized!(
                        de: "Ungültiges Wahldatum `{written}`: {reason}",
                        en: "invalid election date `{written}`: {reason}",
                    ),
                )
                .with_help(localized!(
                    de: "Das Datum als `JJJJ-MM-TT` angeben, z. B. `2025-09-14`",
                    en: "write the date as `YYYY-MM-DD`, e.g. `2025-09-14`",
                ))
            })?;
            let weeks = election
                .window_weeks
                .unwrap_or(DEFAULT_ELECTION_WINDOW_WEEKS);
            let opens = (1..=MAX_ELECTION_WINDOW_WEEKS)
                .contains(&weeks)
                .then(|| date.checked_sub(jiff::Span::new().weeks(i64::from(weeks))).ok())
                .flatten()
                .ok_or_else(|| {
                    self.error_at(
                        &["elections", &index, "window-weeks"],
                        PolicyErrorKind::InvalidValue,
                        localized!(
                            de: "`window-weeks` muss zwischen 1 und {MAX_ELECTION_WINDOW_WEEKS} liegen, nicht {weeks}",
                            en: "`window-weeks` must be between 1 and {MAX_ELECTION_WINDOW_WEEKS}, not {weeks}",
                        ),
                    )
                })?;
            windows.push(ElectionWindow {
                name: election.name.clone(),
                opens,
                date,
                candidates: election.candidates.clone().unwrap_or_default(),
            });
        }
        Ok(windows)
    }

    /// Logins and `role:<name>` entries of a policy list, roles expanded; `path` locates
    /// the list for errors.
    fn people(&self, written: Option<&[String]>, path: &[&str]) -> Result<People, PolicyError> {
        let written = written.unwrap_or_default();
        let mut logins = Vec::new();
        for (index, entry) in written.iter().enumerate() {
            let index = index.to_string();
            let mut entry_path = path.to_vec();
            entry_path.push(&index);
            if let Some(role) = entry.trim().strip_prefix(ROLE_PREFIX) {
                let roles = self.merged.roles.as_ref();
                let Some(members) = roles.and_then(|roles| roles.get(role.trim())) else {
                    let known: Vec<&str> = roles
                        .into_iter()
                        .flat_map(|roles| roles.keys().map(String::as_str))
                        .collect();
                    let help = match did_you_mean(role, known.iter().copied()) {
                        Some(close) => {
                            localized!(de: "Meinten Sie `role:{close}`?", en: "did you mean `role:{close}`?")
                        }
                        None => localized!(
                            de: "Die Rolle unter `[roles]` anlegen, z. B. `{role} = [\"login\"]`",
                            en: "define the role under `[roles]`, e.g. `{role} = [\"login\"]`",
                        ),
                    };
                    return Err(self
                        .error_at(
                            &entry_path,
                            PolicyErrorKind::UnknownReference,
                            localized!(de: "Unbekannte Rolle `{entry}`", en: "unknown role `{entry}`"),
                        )
                        .with_help(help));
                };
                for member in members {
                    if member.trim().is_empty() || member.trim().starts_with(ROLE_PREFIX) {
                        return Err(self
                            .error_at(
                                &["roles", role.trim()],
                                PolicyErrorKind::InvalidValue,
                                localized!(
                                    de: "Rolle `{role}` enthält `{member}`, keinen Login",
                                    en: "role `{role}` holds `{member}`, which is not a login",
                                ),
                            )
                            .with_help(localized!(
                                de: "Eine Rolle listet Logins; Rollen lassen sich nicht verschachteln",
                                en: "a role lists logins; roles do not nest",
                            )));
                    }
                    logins.push(login_key(member));
                }
            } else if entry.trim().is_empty() {
                return Err(self.error_at(
                    &entry_path,
                    PolicyErrorKind::InvalidValue,
                    localized!(de: "Leerer Login", en: "empty login"),
                ));
            } else {
                logins.push(login_key(entry));
            }
        }
        logins.sort();
        logins.dedup();
        Ok(People {
            written: written.iter().map(|w| w.trim().to_owned()).collect(),
            logins,
        })
    }

    /// The account's `[approval]` table with roles expanded and defaults filled in.
    fn approval_policy(
        &self,
        id: &str,
        settings: &ApprovalSettings,
    ) -> Result<ApprovalPolicy, PolicyError> {
        let minutes_before = settings
            .minutes_before
            .unwrap_or(DEFAULT_APPROVAL_MINUTES_BEFORE);
        if minutes_before > MAX_APPROVAL_MINUTES_BEFORE {
            return Err(self.error_at(
                &["accounts", id, "approval", "minutes-before"],
                PolicyErrorKind::InvalidValue,
                localized!(
                    de: "`minutes-before` darf höchstens {MAX_APPROVAL_MINUTES_BEFORE} (eine Woche) sein, nicht {minutes_before}",
                    en: "`minutes-before` must be at most {MAX_APPROVAL_MINUTES_BEFORE} (one week), not {minutes_before}",
                ),
            ));
        }
        let approvers = self.people(
            settings.approvers.as_deref(),
            &["accounts", id, "approval", "approvers"],
        )?;
        let mut requirements = Vec::new();
        for (index, requirement) in settings.require.iter().flatten().enumerate() {
            let index = index.to_string();
            let path = ["accounts", id, "approval", "require", index.as_str()];
            let labels: Vec<String> = requirement.labels.iter().flatten().cloned().collect();
            let topics: Vec<String> = requirement.topics.iter().flatten().cloned().collect();
            let blank = labels.iter().chain(&topics).any(|w| w.trim().is_empty());
            if blank || (labels.is_empty() && topics.is_empty()) {
                return Err(self
                    .error_at(
                        &path,
                        PolicyErrorKind::InvalidValue,
                        localized!(
                            de: "Freigaberegel {index} braucht nicht leere `labels` oder `topics`",
                            en: "approval requirement {index} needs non-empty `labels` or `topics`",
                        ),
                    )
                    .with_help(localized!(
                        de: "Z. B. `labels = [\"pressemitteilung\"]`; für alle Beiträge `four-eyes = true` setzen",
                        en: "e.g. `labels = [\"pressemitteilung\"]`; for every draft set `four-eyes = true`",
                    )));
            }
            let approvers = match &requirement.approvers {
                Some(own) => self.people(Some(own), &[&path[..], &["approvers"]].concat())?,
                None => approvers.clone(),
            };
            requirements.push(ApprovalRule {
                labels,
                topics,
                approvers,
            });
        }
        Ok(ApprovalPolicy {
            four_eyes: settings.four_eyes.unwrap_or(false),
            minutes_before,
            approvers,
            requirements,
        })
    }

    /// Where the account's public holidays are those of: its state and, with a
    /// `municipality-key`, that municipality's own holidays (see
    /// [`municipality`](crate::time::municipality) for the law and the sources).
    fn holiday_region(
        &self,
        id: &str,
        settings: &AccountSettings,
    ) -> Result<Option<HolidayRegion>, PolicyError> {
        let top = &self.merged;
        // The path of the key that applies: the account's own, else the policy's.
        let path_of = |own: bool, key: &'static str| -> Vec<String> {
            if own {
                vec!["accounts".into(), id.into(), key.into()]
            } else {
                vec![key.into()]
            }
        };
        let at = |path: &[String], message: Localized| {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            self.error_at(&path, PolicyErrorKind::InvalidValue, message)
        };
        // An account that names its own state or municipality takes none of the policy's
        // place: the policy's `federal-state` must not contradict an account's key.
        let own = settings.federal_state.is_some() || settings.municipality_key.is_some();
        let (explicit, key) = if own {
            (settings.federal_state, settings.municipality_key.as_ref())
        } else {
            (top.federal_state, top.municipality_key.as_ref())
        };
        let state_path = path_of(own, "federal-state");
        let key_path = path_of(own, "municipality-key");
        let inherit = |mine: Option<bool>, theirs: Option<bool>| {
            if own { mine } else { mine.or(theirs) }
        };
        let assumption = inherit(settings.assumption_day, top.assumption_day);
        let assumption_path = path_of(settings.assumption_day.is_some(), "assumption-day");
        let corpus = inherit(settings.corpus_christi, top.corpus_christi);
        let corpus_path = path_of(settings.corpus_christi.is_some(), "corpus-christi");

        let from_key = match key {
            None => None,
            Some(key) => Some(municipality::state_of_key(key).ok_or_else(|| {
                at(
                    &key_path,
                    localized!(
                        de: "`{key}` ist kein amtlicher Gemeindeschlüssel: acht Ziffern, die ersten beiden für das Land (01 bis 16)",
                        en: "`{key}` is not an official municipality key: eight digits, the first two the state (01 to 16)",
                    ),
                )
                .with_help(localized!(
                    de: "Den Schlüssel aus dem Gemeindeverzeichnis (GV-ISys) des Statistischen Bundesamts angeben, z. B. `05774032` für Paderborn",
                    en: "give the key from the Federal Statistical Office's municipality register (GV-ISys), e.g. `05774032` for Paderborn",
                ))
            })?),
        };
        if let (Some(explicit), Some(derived), Some(key)) = (explicit, from_key, key)
            && explicit != derived
        {
            let (written, derived) = (explicit.code(), derived.code());
            return Err(at(
                &state_path,
                localized!(
                    de: "`federal-state = \"{written}\"` widerspricht dem Gemeindeschlüssel `{key}`, der in `{derived}` liegt",
                    en: "`federal-state = \"{written}\"` contradicts the municipality key `{key}`, which lies in `{derived}`",
                ),
            )
            .with_help(localized!(
                de: "`federal-state` weglassen (das Land folgt aus dem Schlüssel) oder den Schlüssel prüfen",
                en: "leave out `federal-state` (the key gives the state) or check the key",
            )));
        }
        let Some(state) = explicit.or(from_key) else {
            return Ok(None);
        };
        let code = state.code();
        // A declaration only where that holiday is municipal.
        let misplaced = |setting: &str, path: &[String], de: &str, en: &str, holiday: &str| {
            at(
                path,
                localized!(
                    de: "`{setting}` gilt nur für Gemeinden in {de}, nicht in `{code}`",
                    en: "`{setting}` applies to municipalities in {en} only, not in `{code}`",
                ),
            )
            .with_help(localized!(
                de: "Den Schlüssel entfernen: {holiday} folgt dort aus dem Land",
                en: "remove the key: there {holiday} follows from the state",
            ))
        };
        // A declaration against what the law's list says for the municipality.
        let contradicted = |setting: &str, path: &[String]| {
            let key = key.map(String::as_str).unwrap_or_default();
            at(
                path,
                localized!(
                    de: "`{setting}` widerspricht der amtlichen Feststellung für die Gemeinde `{key}`",
                    en: "`{setting}` contradicts the official determination for the municipality `{key}`",
                ),
            )
            .with_help(localized!(
                de: "`{setting}` weglassen: Für diese Gemeinde ist es bekannt",
                en: "leave out `{setting}`: it is known for this municipality",
            ))
        };
        if assumption.is_some() && state != FederalState::BY {
            let path = &assumption_path;
            let holiday = "Mariä Himmelfahrt";
            return Err(misplaced(
                "assumption-day",
                path,
                "Bayern",
                "Bavaria",
                holiday,
            ));
        }
        if corpus.is_some() && !matches!(state, FederalState::SN | FederalState::TH) {
            let (de, en) = ("Sachsen und Thüringen", "Saxony and Thuringia");
            return Err(misplaced(
                "corpus-christi",
                &corpus_path,
                de,
                en,
                "Fronleichnam",
            ));
        }
        let mut local = LocalHolidays::default();
        match state {
            FederalState::BY => {
                let known = key.map_or(Known::Unknown, |key| municipality::assumption_day(key));
                local.assumption_day = match (known, assumption) {
                    (Known::Yes, Some(false)) | (Known::No, Some(true)) => {
                        return Err(contradicted("assumption-day", &assumption_path));
                    }
                    (Known::Yes, _) => true,
                    (Known::No, _) => false,
                    (_, Some(declared)) => declared,
                    (_, None) => {
                        let (path, message) = match key {
                            Some(key) => (
                                key_path.clone(),
                                localized!(
                                    de: "Für die bayerische Gemeinde `{key}` ist nicht bekannt, ob Mariä Himmelfahrt (15. August) ein gesetzlicher Feiertag ist",
                                    en: "whether Mariä Himmelfahrt (15 August) is a public holiday in the Bavarian municipality `{key}` is not known",
                                ),
                            ),
                            None => (
                                state_path.clone(),
                                localized!(
                                    de: "In Bayern ist Mariä Himmelfahrt (15. August) nur in Gemeinden mit überwiegend katholischer Bevölkerung ein gesetzlicher Feiertag; die Richtlinie nennt keine Gemeinde",
                                    en: "in Bavaria Mariä Himmelfahrt (15 August) is a public holiday only in municipalities with a Catholic majority; the policy names no municipality",
                                ),
                            ),
                        };
                        return Err(at(&path, message).with_help(localized!(
                            de: "`assumption-day = true` oder `false` ergänzen, wie es die Datenbank des Bayerischen Landesamts für Statistik („Feiertag ja/nein“) für die Gemeinde zeigt (Art. 1 Abs. 3 FTG), bzw. `municipality-key` angeben",
                            en: "add `assumption-day = true` or `false` as the Bavarian State Office for Statistics' database (\"Feiertag ja/nein\") shows it for the municipality (Art. 1 Abs. 3 FTG), or give `municipality-key`",
                        )));
                    }
                };
                local.peace_festival = key.is_some_and(|key| key == municipality::AUGSBURG);
            }
            FederalState::SN | FederalState::TH => {
                let known = key.map_or(Known::No, |key| municipality::corpus_christi(key));
                local.corpus_christi = match (known, corpus) {
                    (Known::InPart { .. }, Some(declared)) => declared,
                    (Known::InPart { name, parts }, None) => {
                        let key = key.map(String::as_str).unwrap_or_default();
                        return Err(at(
                            &key_path,
                            localized!(
                                de: "In der Gemeinde `{key}` ({name}) ist Fronleichnam nur in einzelnen Ortsteilen ein gesetzlicher Feiertag ({parts})",
                                en: "in the municipality `{key}` ({name}) Fronleichnam is a public holiday in some parts only ({parts})",
                            ),
                        )
                        .with_help(localized!(
                            de: "`corpus-christi = true` ergänzen, wenn das Konto in einem dieser Ortsteile arbeitet, sonst `corpus-christi = false`",
                            en: "add `corpus-christi = true` if the account works in one of these parts, else `corpus-christi = false`",
                        )));
                    }
                    (known, Some(declared)) if key.is_some() => {
                        let listed = known == Known::Yes;
                        if declared != listed {
                            return Err(contradicted("corpus-christi", &corpus_path));
                        }
                        listed
                    }
                    (_, Some(declared)) => declared,
                    (known, None) => known == Known::Yes,
                };
            }
            _ => {}
        }
        Ok(Some(HolidayRegion {
            state,
            municipality: key.cloned(),
            local,
        }))
    }

    /// The account's `office-hours`, validated.
    fn office_hours(
        &self,
        id: &str,
        settings: Option<&OfficeHoursSettings>,
    ) -> Result<OfficeHours, PolicyError> {
        let Some(settings) = settings else {
            return Ok(OfficeHours::default());
        };
        OfficeHours::compile(settings).map_err(|error| {
            let window = error.window.to_string();
            self.error_at(
                &["accounts", id, "office-hours", "windows", &window, error.key],
                PolicyErrorKind::InvalidValue,
                error.message,
            )
            .with_help(localized!(
                de: "Z. B. `{{ days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"], from = \"09:00\", to = \"17:00\" }}`",
                en: "e.g. `{{ days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"], from = \"09:00\", to = \"17:00\" }}`",
            ))
        })
    }

    /// The account's `[responses]` with defaults filled in.
    fn response_policy(
        &self,
        id: &str,
        settings: &ResponseSettings,
    ) -> Result<ResponsePolicy, PolicyError> {
        let target_hours = settings
            .target_hours
            .unwrap_or(DEFAULT_RESPONSE_TARGET_HOURS);
        if !(1..=MAX_RESPONSE_TARGET_HOURS).contains(&target_hours) {
            return Err(self
                .error_at(
                    &["accounts", id, "responses", "target-hours"],
                    PolicyErrorKind::InvalidValue,
                    localized!(
                        de: "`target-hours` muss zwischen 1 und {MAX_RESPONSE_TARGET_HOURS} liegen, nicht {target_hours}",
                        en: "`target-hours` must be between 1 and {MAX_RESPONSE_TARGET_HOURS}, not {target_hours}",
                    ),
                )
                .with_help(localized!(
                    de: "Stunden in den Dienstzeiten angeben, z. B. `target-hours = 24`",
                    en: "give hours of office time, e.g. `target-hours = 24`",
                )));
        }
        let mut auto_reply_markers = Vec::new();
        for (index, marker) in settings.auto_reply_markers.iter().flatten().enumerate() {
            if marker.trim().is_empty() {
                let index = index.to_string();
                return Err(self
                    .error_at(
                        &["accounts", id, "responses", "auto-reply-markers", &index],
                        PolicyErrorKind::InvalidValue,
                        localized!(
                            de: "Leere Phrase in `auto-reply-markers`",
                            en: "empty phrase in `auto-reply-markers`",
                        ),
                    )
                    .with_help(localized!(
                        de: "Eine Phrase der automatischen Antwort angeben, z. B. `\"wir melden uns\"`",
                        en: "give a phrase of the automatic notice, e.g. `\"wir melden uns\"`",
                    )));
            }
            auto_reply_markers.push(marker.trim().to_lowercase());
        }
        Ok(ResponsePolicy {
            target_hours,
            target_set: settings.target_hours.is_some(),
            auto_reply_markers,
        })
    }

    /// The account's `posts-per-week`, checked for a usable band.
    fn posts_per_week(
        &self,
        id: &str,
        settings: Option<&PostsPerWeek>,
    ) -> Result<WeeklyBand, PolicyError> {
        let Some(settings) = settings else {
            return Ok(WeeklyBand::default());
        };
        let band = WeeklyBand {
            min: settings.min,
            max: settings.max,
        };
        let problem = match (band.min, band.max) {
            (_, Some(0)) => Some((
                "max",
                localized!(
                    de: "`max = 0` erlaubt keinen einzigen Beitrag",
                    en: "`max = 0` allows not a single post",
                ),
            )),
            (Some(min), Some(max)) if min > max => Some((
                "min",
                localized!(
                    de: "`min = {min}` ist größer als `max = {max}`",
                    en: "`min = {min}` is greater than `max = {max}`",
                ),
            )),
            _ => None,
        };
        match problem {
            Some((key, message)) => Err(self
                .error_at(
                    &["accounts", id, "posts-per-week", key],
                    PolicyErrorKind::InvalidValue,
                    message,
                )
                .with_help(localized!(
                    de: "Z. B. `posts-per-week = {{ min = 2, max = 3 }}`",
                    en: "e.g. `posts-per-week = {{ min = 2, max = 3 }}`",
                ))),
            None => Ok(band),
        }
    }

    /// The `[waivers]` table with its rule patterns and people resolved.
    pub(crate) fn waiver_policy(&self) -> Result<WaiverPolicy, PolicyError> {
        let settings = &self.merged.waivers;
        let mut not_waivable = Vec::new();
        for (index, written) in settings.not_waivable.iter().flatten().enumerate() {
            let Some(pattern) = RulePattern::parse(written) else {
                let index = index.to_string();
                let unknown = crate::rules::unknown_rule(written.trim(), "`freigabe explain`");
                return Err(self
                    .error_at(
                        &["waivers", "not-waivable", &index],
                        PolicyErrorKind::UnknownReference,
                        unknown.message,
                    )
                    .with_help(unknown.help));
            };
            not_waivable.push(pattern);
        }
        let allowed_by = match &settings.allowed_by {
            Some(written) => Some(self.people(Some(written), &["waivers", "allowed-by"])?),
            None => None,
        };
        Ok(WaiverPolicy {
            four_eyes: settings.four_eyes.unwrap_or(false),
            not_waivable,
            allowed_by,
        })
    }

    /// The rule settings layers for an account, least specific first.
    pub(crate) fn rule_layers(&self, account: &Account) -> Vec<&crate::rules::RuleTable> {
        let mut layers = vec![&self.merged.rules];
        if let Some(kind) = self.merged.kinds.get(&account.kind) {
            layers.push(&kind.rules);
        }
        if let Some(settings) = self.merged.accounts.get(&account.id) {
            layers.push(&settings.rules);
        }
        layers
    }

    /// The error of a rule setting, located where the account's setting comes from: the
    /// list entry at fault if there is one, else the setting, else the rule's table; the
    /// account's own layer first, then its kind's, then the policy's.
    pub(crate) fn rule_setting_error(
        &self,
        account: &Account,
        rule: &str,
        error: crate::rules::SettingError,
    ) -> PolicyError {
        let kind = account.kind.as_str();
        let key = error.key;
        let entry = error.entry.map(|index| index.to_string());
        let layers: [&[&str]; 3] = [
            &["accounts", &account.id, "rules", rule],
            &["kinds", kind, "rules", rule],
            &["rules", rule],
        ];
        let mut paths: Vec<Vec<&str>> = Vec::new();
        if let Some(entry) = &entry {
            paths.extend(layers.map(|layer| [layer, &[key, entry.as_str()]].concat()));
        }
        paths.extend(layers.map(|layer| [layer, &[key]].concat()));
        paths.extend(layers.map(<[&str]>::to_vec));
        let location = paths.iter().find_map(|path| self.locate(path));
        PolicyError::new(
            PolicyErrorKind::InvalidValue,
            self.entry_name(),
            error.message,
        )
        .with_location(location)
    }

    fn validate(&self) -> Result<(), PolicyError> {
        if self.merged.accounts.is_empty() {
            return Err(PolicyError::new(
                PolicyErrorKind::MissingKey,
                self.entry_name(),
                localized!(de: "Die Richtlinie definiert kein Konto", en: "the policy defines no account"),
            )
            .with_help(localized!(
                de: "Mindestens ein `[accounts.<id>]` mit `kind` und `platforms` anlegen",
                en: "add at least one `[accounts.<id>]` with `kind` and `platforms`",
            )));
        }
        if let Some(id) = &self.merged.default_account
            && !self.merged.accounts.contains_key(id)
        {
            let mut error = self.error_at(
                &["default-account"],
                PolicyErrorKind::UnknownReference,
                localized!(
                    de: "`default-account` nennt das unbekannte Konto `{id}`",
                    en: "`default-account` names the unknown account `{id}`",
                ),
            );
            error.help = Some(self.account_hint(id));
            return Err(error);
        }
        self.waiver_policy()?;
        for id in self.merged.accounts.keys() {
            let account = self.resolve_account(id)?;
            if account.platforms.is_empty() {
                return Err(self
                    .error_at(
                        &["accounts", id],
                        PolicyErrorKind::MissingKey,
                        localized!(
                            de: "Konto `{id}` nennt keine `platforms`",
                            en: "account `{id}` lists no `platforms`",
                        ),
                    )
                    .with_help(localized!(
                        de: "Z. B. `platforms = [\"facebook\", \"instagram\"]`",
                        en: "e.g. `platforms = [\"facebook\", \"instagram\"]`",
                    )));
            }
        }
        Ok(())
    }

    /// "did you mean" for an unknown account id, or the list of accounts.
    pub(crate) fn account_hint(&self, unknown: &str) -> Localized {
        let ids: Vec<&str> = self.account_ids().collect();
        match did_you_mean(unknown, ids.iter().copied()) {
            Some(close) => localized!(de: "Meinten Sie `{close}`?", en: "did you mean `{close}`?"),
            None => {
                let list = ids
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                localized!(de: "Konten der Richtlinie: {list}", en: "accounts in the policy: {list}")
            }
        }
    }

    fn parse_url(&self, text: &str, path: &[&str]) -> Result<Url, PolicyError> {
        let invalid = |reason: String| {
            self.error_at(
                path,
                PolicyErrorKind::InvalidValue,
                localized!(de: "Ungültige URL `{text}`: {reason}", en: "invalid url `{text}`: {reason}"),
            )
            .with_help(localized!(
                de: "Eine vollständige Adresse wie `https://www.paderborn.de/impressum` angeben",
                en: "give a full address such as `https://www.paderborn.de/impressum`",
            ))
        };
        let url = Url::parse(text).map_err(|e| invalid(e.to_string()))?;
        if !matches!(url.scheme(), "https" | "http")
            || url.host_str().is_none_or(|h| !h.contains('.'))
        {
            return Err(invalid(match url.scheme() {
                "https" | "http" => "host without domain".to_owned(),
                other => format!("scheme `{other}`"),
            }));
        }
        Ok(url)
    }

    fn entry_name(&self) -> &str {
        self.sources.first().map_or("<policy>", |s| s.name.as_str())
    }

    fn locate(&self, path: &[&str]) -> Option<SourceLocation> {
        self.sources
            .iter()
            .find_map(|source| locate_in(Some(source), path))
    }

    fn error_at(&self, path: &[&str], kind: PolicyErrorKind, message: Localized) -> PolicyError {
        PolicyError::new(kind, self.entry_name(), message).with_location(self.locate(path))
    }
}

fn parse_file(source: &SourceFile) -> Result<PolicyFile, PolicyError> {
    de::read::<PolicyFile>(&source.text).map_err(|mut error| {
        let later = std::mem::take(&mut error.later);
        let mut first = toml_policy_error(source, error);
        first.also = later
            .into_iter()
            .map(|error| toml_policy_error(source, error))
            .collect();
        first
    })
}

/// One error of reading a policy file, worded for users.
fn toml_policy_error(source: &SourceFile, error: de::TomlError) -> PolicyError {
    use crate::serde_errors::{Category, describe};
    let described = describe(&error.message, "TOML");
    let kind = match described.category {
        Category::UnknownKey => PolicyErrorKind::UnknownKey,
        Category::MissingKey => PolicyErrorKind::MissingKey,
        Category::UnknownValue | Category::InvalidValue => PolicyErrorKind::InvalidValue,
        Category::Syntax => PolicyErrorKind::Syntax,
    };
    let location = error
        .span
        .map(|span| SourceLocation::new(&source.name, source.text.clone(), span));
    let mut policy_error =
        PolicyError::new(kind, &source.name, described.message).with_location(location);
    policy_error.help = described.help;
    policy_error
}

/// Finds the span of the value at `path` (table keys; array indices as numbers) in a file.
fn locate_in(source: Option<&SourceFile>, path: &[&str]) -> Option<SourceLocation> {
    use toml::de::{DeTable, DeValue};
    let source = source?;
    let document = DeTable::parse(&source.text).ok()?;
    let mut span = document.span();
    let mut current: Option<&DeValue<'_>> = None;
    let mut table = Some(document.get_ref());
    for key in path {
        let next = match (table, current) {
            (Some(t), _) => t
                .iter()
                .find(|(k, _)| k.get_ref().as_ref() == *key)
                .map(|(_, v)| v),
            (None, Some(DeValue::Array(items))) => {
                key.parse::<usize>().ok().and_then(|i| items.get(i))
            }
            _ => None,
        }?;
        span = next.span();
        current = Some(next.get_ref());
        table = match next.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
    }
    Some(SourceLocation::new(&source.name, source.text.clone(), span))
}

/// Lexically normalises a path (`a/./b/../c` → `a/c`) so cycles are found without I/O.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

fn digest(policy: &PolicyFile) -> String {
    // Structs serialise in declaration order and maps are BTreeMaps: the JSON is canonical.
    let canonical = serde_json::to_vec(policy).unwrap_or_default();
    let hash = Sha256::digest(&canonical);
    let mut out = String::from("sha256:");
    for byte in hash {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}
