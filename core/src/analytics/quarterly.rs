//! The quarterly archive report: per account and local calendar quarter, posts per week
//! against the account's band, findings by rule, response times and election rises.
//!
//! [`build_report`] is pure: it takes the published posts of an archive (drafts with
//! `published_at`) and the comment records, checks every post with the engine and counts.
//! Weeks and cross-posts are counted with the very functions the `cadence.*` rules use, so
//! the report and the rules never disagree about a week.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use serde::Serialize;

use crate::analytics::responses::{Interaction, ResponseAnalysis, analyse_responses};
use crate::draft::{Draft, HistoryEntry};
use crate::engine::{ENGINE_VERSION, Engine};
use crate::lang::{Lang, tr};
use crate::policy::{Account, WeeklyBand};
use crate::report::Severity;
use crate::rules::cadence::post_times;
use crate::time::election::{PostRecord, RiseSettings, frequency_rise};
use crate::time::week::{Range, monday_of, start_of};

/// How far back a post's check sees earlier posts: the longest cadence window
/// (`cadence.below-min`, 26 weeks) plus the week of the post. Passing only this window keeps
/// a report of years of posts linear instead of quadratic.
const HISTORY_WEEKS: i64 = 27;

/// The report over an archive, as `freigabe report --format json` prints it.
///
/// Shape (snake_case keys, stable):
/// ```text
/// {"organisation": "Stadt Paderborn" | null, "policy_digest": "sha256:…",
///  "engine_version": "0.1.0", "from": "2024-10-01", "to": "2026-09-30",
///  "records": 2214,
///  "accounts": [{"account": "buergermeister", "kind": "official", "display_name": …,
///    "time_zone": "Europe/Berlin", "band": {"min": 2, "max": 3},
///    "total": Period, "quarters": [Period, …]}],
///  "skipped": [{"record": 17, "id": "post-17" | null, "reason": "…"}],
///  "archive_errors": [{"file": "posts.jsonl", "line": 42, "message": "…"}]}
/// ```
/// A `Period` (a quarter, or `total` over the whole range) is
/// `{"label": "2025-Q3", "from", "to", "posts", "records", "weeks": [Week…],
/// "week_summary", "findings", "responses", "elections", "election_rise"}`; see
/// [`PeriodReport`].
#[derive(Debug, Clone, Serialize)]
pub struct ArchiveReport {
    /// The policy's `name`.
    pub organisation: Option<String>,
    /// Digest of the policy the posts were checked against.
    pub policy_digest: String,
    /// Version of the engine that checked them.
    pub engine_version: String,
    /// First day of the report (local date), the requested one or the first post's.
    pub from: Option<Date>,
    /// Last day of the report (inclusive), the requested one or the last post's.
    pub to: Option<Date>,
    /// Archive records in the range (one per publication, before cross-post grouping).
    pub records: usize,
    /// One section per policy account that has records in the range, in policy order.
    pub accounts: Vec<AccountReport>,
    /// Records that were read but could not be counted (no `published_at`, unknown account,
    /// a draft the engine refuses).
    pub skipped: Vec<SkippedRecord>,
    /// Lines of the archive that could not be read at all; filled by the reader.
    pub archive_errors: Vec<ArchiveError>,
}

/// A record of the archive that was read but not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedRecord {
    /// 1-based position of the record among the posts passed to [`build_report`].
    pub record: usize,
    /// The record's `id`, if it has one.
    pub id: Option<String>,
    /// Why it was skipped, in the report language.
    pub reason: String,
}

/// A line of the archive (or of the comment records) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArchiveError {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line (or record) number in the file.
    pub line: usize,
    /// What is wrong with it, in the report language.
    pub message: String,
}

/// One account of the policy.
#[derive(Debug, Clone, Serialize)]
pub struct AccountReport {
    /// Account id from the policy.
    pub account: String,
    /// `official` or `private`.
    pub kind: &'static str,
    /// The account's `display-name`.
    pub display_name: Option<String>,
    /// IANA time zone in which weeks and quarters are counted.
    pub time_zone: String,
    /// The account's `posts-per-week`.
    pub band: Band,
    /// The whole range.
    pub total: PeriodReport,
    /// Local calendar quarters of the range, oldest first.
    pub quarters: Vec<PeriodReport>,
}

/// Posts per local calendar week the account plans; `null` bounds are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Band {
    /// Fewest posts a week.
    pub min: Option<u32>,
    /// Most posts a week.
    pub max: Option<u32>,
}

/// A quarter, or the whole range.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodReport {
    /// `2025-Q3`, or `from–to` for the total.
    pub label: String,
    /// First local day.
    pub from: Date,
    /// Last local day (inclusive).
    pub to: Date,
    /// Posts, a post on several channels counted once (as `cadence.week-max` counts).
    pub posts: usize,
    /// Archive records (publications) of the account in the period.
    pub records: usize,
    /// Every local calendar week whose Thursday lies in the period, oldest first.
    pub weeks: Vec<WeekCount>,
    /// The weeks against the band.
    pub week_summary: WeekSummary,
    /// Findings of checking each record.
    pub findings: Findings,
    /// How questions asked in the period were answered; `null` without comment records.
    pub responses: Option<ResponseAnalysis>,
    /// Elections whose pre-election window overlaps the period.
    pub elections: Vec<ElectionMark>,
    /// A rise of the posting frequency in a pre-election window overlapping the period,
    /// measured at the period's last day in the window (BVerfGE 44, 125: "ein Anwachsen der
    /// Öffentlichkeitsarbeit in Wahlkampfnähe"); `null` when there is none.
    pub election_rise: Option<ElectionRise>,
}

/// Posts in one local calendar week (Monday 00:00 to Monday 00:00 local).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekCount {
    /// The week's Monday.
    pub monday: Date,
    /// ISO week, `2025-W37`.
    pub iso_week: String,
    /// Posts whose first publication lies in the week.
    pub posts: usize,
    /// Against the band.
    pub status: BandStatus,
    /// Whether the whole week lies in the report range; partial weeks are shown but not
    /// classified in the summary.
    pub complete: bool,
    /// Whether any day of the week lies in a pre-election window.
    pub election_window: bool,
}

/// A week against the account's band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BandStatus {
    /// Fewer posts than `min`.
    Below,
    /// Within the band (or the band is open on that side).
    Within,
    /// More posts than `max`.
    Above,
}

/// Complete weeks of a period against the band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekSummary {
    /// Complete weeks.
    pub weeks: usize,
    /// Weeks with fewer posts than `min`.
    pub below: usize,
    /// Weeks within the band.
    pub within: usize,
    /// Weeks with more posts than `max`.
    pub above: usize,
    /// `within / weeks` (0 without weeks).
    pub share_within: f64,
    /// Mean posts per complete week.
    pub mean_posts: f64,
}

/// What checking the period's records found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Findings {
    /// Records checked.
    pub checked: usize,
    /// Records with at least one error (verdict `block`).
    pub with_errors: usize,
    /// `with_errors / checked` (0 without records).
    pub share_with_errors: f64,
    /// Records with at least one warning but no error (verdict `warn`).
    pub with_warnings: usize,
    /// `with_warnings / checked` (0 without records).
    pub share_with_warnings: f64,
    /// Findings by severity.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Notes found.
    pub infos: usize,
    /// Findings a waiver of the record let stand (counted under their severity too, but
    /// not in `with_errors`/`with_warnings`); left out of the JSON when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub waived: usize,
    /// Per rule, most frequent first (ties by rule id).
    pub by_rule: Vec<RuleCount>,
}

/// How often one rule spoke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Rule id.
    pub rule: String,
    /// Findings in all.
    pub total: usize,
    /// Records with at least one finding of the rule.
    pub records: usize,
    /// Findings as errors.
    pub errors: usize,
    /// Findings as warnings.
    pub warnings: usize,
    /// Findings as notes.
    pub infos: usize,
    /// Of all findings, those a waiver let stand („davon Ausnahmen“); left out of the JSON
    /// when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub waived: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// More posts a week in a pre-election window than in the weeks before it, with the
/// defaults of `cadence.election-rise` (baseline of 12 full weeks before the window; a rise
/// is more than 1.5 times the baseline and at least one post a week more).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ElectionRise {
    /// The election's name.
    pub election: String,
    /// First day of the window.
    pub window_opens: Date,
    /// Election day.
    pub election_day: Date,
    /// Posts per week in the baseline weeks.
    pub baseline_per_week: f64,
    /// Posts in the window up to the day measured.
    pub window_posts: usize,
    /// Posts per week in the window up to the day measured.
    pub window_per_week: f64,
    /// The last day counted.
    pub measured_on: Date,
}

/// A pre-election window, for shading the weekly chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionMark {
    /// The election's name.
    pub name: String,
    /// First day of the window.
    pub opens: Date,
    /// Election day.
    pub date: Date,
}

/// Builds the report. `posts` are the archive's records (drafts with `published_at`; a
/// missing `account` means the policy's default), `interactions` its comment records;
/// `from`/`to` (inclusive local dates) limit the range, else it runs from the first to the
/// last post. Every record is checked with `engine`; its history is the account's earlier
/// records of the last 27 weeks, and `now` is unset, so rules about the present
/// (`schedule.past`) stay silent on an archive.
pub fn build_report(
    engine: &Engine,
    posts: &[Draft],
    interactions: &[Interaction],
    from: Option<Date>,
    to: Option<Date>,
) -> ArchiveReport {
    build_report_observed(engine, posts, interactions, from, to, &|| {})
}

/// [`build_report`], calling `on_checked` after each record is checked (for a progress
/// bar; records outside the range are not checked).
pub fn build_report_observed(
    engine: &Engine,
    posts: &[Draft],
    interactions: &[Interaction],
    from: Option<Date>,
    to: Option<Date>,
    on_checked: &dyn Fn(),
) -> ArchiveReport {
    let lang = engine.lang();
    let policy = engine.policy();
    let mut skipped = Vec::new();
    let mut by_account: BTreeMap<String, Vec<Record<'_>>> = BTreeMap::new();
    let mut accounts: Vec<Account> = Vec::new();
    for (index, draft) in posts.iter().enumerate() {
        let skip = |reason: String| SkippedRecord {
            record: index + 1,
            id: draft.id.clone(),
            reason,
        };
        let Some(published_at) = draft.published_at else {
            skipped.push(skip(tr!(lang,
                de: "Ohne `published_at`: nicht veröffentlicht",
                en: "no `published_at`: not published")));
            continue;
        };
        let Some(id) = draft.account.as_deref().or(policy.default_account()) else {
            skipped.push(skip(tr!(lang,
                de: "Ohne `account`, und die Richtlinie hat kein `default-account`",
                en: "no `account` and the policy has no `default-account`")));
            continue;
        };
        if !accounts.iter().any(|account| account.id == id) {
            match policy.resolve_account(id) {
                Ok(account) => accounts.push(account),
                Err(_) => {
                    skipped.push(skip(tr!(lang,
                        de: "Unbekanntes Konto `{id}`",
                        en: "unknown account `{id}`")));
                    continue;
                }
            }
        }
        by_account.entry(id.to_owned()).or_default().push(Record {
            index,
            draft,
            published_at,
        });
    }

    // The range in each account's own calendar; the report's dates are the widest.
    let local_date =
        |account: &Account, at: Timestamp| at.to_zoned(account.time_zone.clone()).date();
    let first = accounts
        .iter()
        .filter_map(|account| {
            let records = by_account.get(&account.id)?;
            records
                .iter()
                .map(|r| local_date(account, r.published_at))
                .min()
        })
        .min();
    let last = accounts
        .iter()
        .filter_map(|account| {
            let records = by_account.get(&account.id)?;
            records
                .iter()
                .map(|r| local_date(account, r.published_at))
                .max()
        })
        .max();
    let range_from = from.or(first);
    let range_to = to.or(last);

    let mut report = ArchiveReport {
        organisation: policy.settings().name.clone(),
        policy_digest: policy.digest().to_owned(),
        engine_version: ENGINE_VERSION.to_owned(),
        from: range_from,
        to: range_to,
        records: 0,
        accounts: Vec::new(),
        skipped,
        archive_errors: Vec::new(),
    };
    let (Some(range_from), Some(range_to)) = (range_from, range_to) else {
        return report;
    };
    // Accounts in policy order, only those with records.
    for id in policy.account_ids() {
        let (Some(account), Some(records)) = (
            accounts.iter().find(|account| account.id == id),
            by_account.get_mut(id),
        ) else {
            continue;
        };
        records.sort_by_key(|record| (record.published_at, record.index));
        let mut section = AccountSection::new(engine, account, records, range_from, range_to);
        section.on_checked = on_checked;
        let account_report = section.report(interactions, &mut report.skipped);
        if account_report.total.records > 0 {
            report.records += account_report.total.records;
            report.accounts.push(account_report);
        }
    }
    report.skipped.sort_by_key(|skipped| skipped.record);
    report
}

/// A record of the archive with its position and publication time.
struct Record<'a> {
    index: usize,
    draft: &'a Draft,
    published_at: Timestamp,
}

/// One account's records, prepared for counting.
struct AccountSection<'a> {
    engine: &'a Engine,
    account: &'a Account,
    records: &'a [Record<'a>],
    /// The records as history entries, same order (sorted by publication).
    history: Vec<HistoryEntry>,
    from: Date,
    to: Date,
    /// Called after each check.
    on_checked: &'a dyn Fn(),
}

impl<'a> AccountSection<'a> {
    fn new(
        engine: &'a Engine,
        account: &'a Account,
        records: &'a [Record<'a>],
        from: Date,
        to: Date,
    ) -> AccountSection<'a> {
        let history = records
            .iter()
            .map(|record| HistoryEntry {
                account: account.id.clone(),
                platforms: record
                    .draft
                    .platforms
                    .clone()
                    .unwrap_or_else(|| account.platforms.clone()),
                published_at: record.published_at,
                text: Some(record.draft.text.clone()),
                post_id: record.draft.post_id.clone(),
            })
            .collect();
        AccountSection {
            engine,
            account,
            records,
            history,
            from,
            to,
            on_checked: &|| {},
        }
    }

    fn tz(&self) -> &TimeZone {
        &self.account.time_zone
    }

    fn report(
        &self,
        interactions: &[Interaction],
        skipped: &mut Vec<SkippedRecord>,
    ) -> AccountReport {
        let checked = self.check_all(skipped);
        let total = self.period(
            format!("{} – {}", self.from, self.to),
            self.from,
            self.to,
            &checked,
            interactions,
        );
        let quarters = quarters(self.from, self.to)
            .into_iter()
            .map(|(label, from, to)| self.period(label, from, to, &checked, interactions))
            .collect();
        AccountReport {
            account: self.account.id.clone(),
            kind: self.account.kind.as_str(),
            display_name: self.account.display_name.clone(),
            time_zone: self.tz().iana_name().unwrap_or("UTC").to_owned(),
            band: Band {
                min: self.account.posts_per_week.min,
                max: self.account.posts_per_week.max,
            },
            total,
            quarters,
        }
    }

    /// Checks every record in the range; returns (local date, report) per checked record.
    fn check_all(&self, skipped: &mut Vec<SkippedRecord>) -> Vec<Checked> {
        let mut checked = Vec::new();
        for (position, record) in self.records.iter().enumerate() {
            let date = record.published_at.to_zoned(self.tz().clone()).date();
            if date < self.from || date > self.to {
                continue;
            }
            // Earlier records of the last weeks only: what the cadence rules can look at.
            let since = record
                .published_at
                .checked_sub(jiff::SignedDuration::from_hours(HISTORY_WEEKS * 7 * 24))
                .unwrap_or(record.published_at);
            let earliest =
                self.history[..position].partition_point(|entry| entry.published_at < since);
            let history = &self.history[earliest..position];
            let mut draft = record.draft.clone();
            draft.account = Some(self.account.id.clone());
            let result = self.engine.check(&draft, history, None);
            (self.on_checked)();
            match result {
                Ok(report) => checked.push(Checked {
                    date,
                    diagnostics: report
                        .diagnostics
                        .into_iter()
                        .map(|d| (d.rule.to_string(), d.severity, d.counts()))
                        .collect(),
                }),
                Err(error) => skipped.push(SkippedRecord {
                    record: record.index + 1,
                    id: record.draft.id.clone(),
                    reason: error.message.get(self.engine.lang()).to_owned(),
                }),
            }
        }
        checked
    }

    fn period(
        &self,
        label: String,
        from: Date,
        to: Date,
        checked: &[Checked],
        interactions: &[Interaction],
    ) -> PeriodReport {
        let tz = self.tz();
        let in_period: Vec<&Checked> = checked
            .iter()
            .filter(|c| from <= c.date && c.date <= to)
            .collect();
        let weeks = self.weeks(from, to);
        let week_summary = summarise(&weeks);
        let (start, end) = (
            start_of(from, tz),
            next_day(to).and_then(|d| start_of(d, tz)),
        );
        // Questions asked in the period; their answers may come later.
        let responses = (!interactions.is_empty())
            .then(|| {
                analyse_responses(
                    self.engine.policy(),
                    &self.account.id,
                    interactions,
                    start,
                    end,
                )
                .ok()
            })
            .flatten();
        let posts = match (start, end) {
            (Some(start), Some(end)) => {
                post_times(&self.history, &self.account.id, Range { start, end }).len()
            }
            _ => 0,
        };
        let elections = self
            .account
            .elections
            .iter()
            .filter(|election| election.opens <= to && from <= election.date)
            .map(|election| ElectionMark {
                name: election.name.clone(),
                opens: election.opens,
                date: election.date,
            })
            .collect::<Vec<_>>();
        let election_rise = self.election_rise(from, to);
        PeriodReport {
            label,
            from,
            to,
            posts,
            records: in_period.len(),
            weeks,
            week_summary,
            findings: findings(&in_period),
            responses,
            elections,
            election_rise,
        }
    }

    /// The first rise found in an election window overlapping `[from, to]`, measured at the
    /// end of the period's last day in the window.
    fn election_rise(&self, from: Date, to: Date) -> Option<ElectionRise> {
        let tz = self.tz();
        let first = self.history.first()?.published_at;
        // One instant per post, cross-posts once, as the rule counts.
        let (start, end) = (
            first,
            self.history
                .last()?
                .published_at
                .checked_add(jiff::SignedDuration::from_secs(1))
                .ok()?,
        );
        let posts = post_times(&self.history, &self.account.id, Range { start, end });
        let record = PostRecord {
            posts: &posts,
            covers_from: first,
        };
        self.account
            .elections
            .iter()
            .filter(|election| election.opens <= to && from <= election.date)
            .find_map(|election| {
                let day = to.min(election.date);
                let at = next_day(day)
                    .and_then(|next| start_of(next, tz))?
                    .checked_sub(jiff::SignedDuration::from_secs(1))
                    .ok()?;
                let rise = frequency_rise(election, tz, record, at, &RiseSettings::default())?;
                Some(ElectionRise {
                    election: rise.election,
                    window_opens: rise.window_opens,
                    election_day: rise.election_day,
                    baseline_per_week: rise.baseline_per_week,
                    window_posts: rise.window_posts,
                    window_per_week: rise.window_per_week,
                    measured_on: day,
                })
            })
    }

    /// Weeks whose Thursday lies in `[from, to]` (as ISO weeks belong to a year), with
    /// their posts; at the edges of the report range every week that overlaps it, so no post
    /// of the range is left out.
    fn weeks(&self, from: Date, to: Date) -> Vec<WeekCount> {
        let tz = self.tz();
        let band = self.account.posts_per_week;
        let mut monday = monday_of_date(from);
        if from != self.from
            && monday
                .checked_add(3.days())
                .is_ok_and(|thursday| thursday < from)
        {
            monday = monday.checked_add(7.days()).unwrap_or(monday);
        }
        let last_day = |monday: Date| {
            let offset = if to == self.to { 0 } else { 3 };
            monday.checked_add(offset.days()).ok()
        };
        let (Some(start), Some(end)) = (
            start_of(monday, tz),
            to.checked_add(7.days()).ok().and_then(|d| start_of(d, tz)),
        ) else {
            return Vec::new();
        };
        let mut per_week: HashMap<Date, usize> = HashMap::new();
        for at in post_times(&self.history, &self.account.id, Range { start, end }) {
            *per_week.entry(monday_of(at, tz)).or_default() += 1;
        }
        let mut weeks = Vec::new();
        loop {
            let (Ok(thursday), Ok(sunday)) =
                (monday.checked_add(3.days()), monday.checked_add(6.days()))
            else {
                break;
            };
            if last_day(monday).is_none_or(|day| day > to) {
                break;
            }
            let posts = per_week.get(&monday).copied().unwrap_or(0);
            let iso = thursday.iso_week_date();
            weeks.push(WeekCount {
                monday,
                iso_week: format!("{}-W{:02}", iso.year(), iso.week()),
                posts,
                status: classify(posts, band),
                complete: self.from <= monday && sunday <= self.to,
                election_window: self
                    .account
                    .elections
                    .iter()
                    .any(|election| election.opens <= sunday && monday <= election.date),
            });
            let Ok(next) = monday.checked_add(7.days()) else {
                break;
            };
            monday = next;
        }
        weeks
    }
}

/// A checked record: its local date and findings (rule, severity, whether it counts: not
/// waived).
struct Checked {
    date: Date,
    diagnostics: Vec<(String, Severity, bool)>,
}

/// The Monday on or before `date`.
fn monday_of_date(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}

fn next_day(date: Date) -> Option<Date> {
    date.checked_add(1.days()).ok()
}

/// A week's count against the band.
pub(crate) fn classify(posts: usize, band: WeeklyBand) -> BandStatus {
    let as_count = |bound: u32| usize::try_from(bound).unwrap_or(usize::MAX);
    if band.min.is_some_and(|min| posts < as_count(min)) {
        BandStatus::Below
    } else if band.max.is_some_and(|max| posts > as_count(max)) {
        BandStatus::Above
    } else {
        BandStatus::Within
    }
}

fn summarise(weeks: &[WeekCount]) -> WeekSummary {
    let complete: Vec<&WeekCount> = weeks.iter().filter(|week| week.complete).collect();
    let count = |status: BandStatus| complete.iter().filter(|w| w.status == status).count();
    let within = count(BandStatus::Within);
    let posts: usize = complete.iter().map(|week| week.posts).sum();
    WeekSummary {
        weeks: complete.len(),
        below: count(BandStatus::Below),
        within,
        above: count(BandStatus::Above),
        share_within: ratio(within, complete.len()),
        mean_posts: ratio(posts, complete.len()),
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn findings(checked: &[&Checked]) -> Findings {
    let mut by_rule: BTreeMap<&str, RuleCount> = BTreeMap::new();
    let mut severities = [0usize; 3];
    let (mut with_errors, mut with_warnings, mut waived) = (0, 0, 0);
    for record in checked {
        // As the verdict: waived findings do not make a record one with errors.
        let has = |wanted: Severity| {
            record
                .diagnostics
                .iter()
                .any(|(_, s, counts)| *counts && *s == wanted)
        };
        if has(Severity::Error) {
            with_errors += 1;
        } else if has(Severity::Warning) {
            with_warnings += 1;
        }
        let mut seen: Vec<&str> = Vec::new();
        for (rule, severity, counts) in &record.diagnostics {
            let count = by_rule.entry(rule).or_insert_with(|| RuleCount {
                rule: rule.clone(),
                total: 0,
                records: 0,
                errors: 0,
                warnings: 0,
                infos: 0,
                waived: 0,
            });
            count.total += 1;
            if !counts {
                count.waived += 1;
                waived += 1;
            }
            if !seen.contains(&rule.as_str()) {
                seen.push(rule);
                count.records += 1;
            }
            let (slot, field) = match severity {
                Severity::Error => (0, &mut count.errors),
                Severity::Warning => (1, &mut count.warnings),
                _ => (2, &mut count.infos),
            };
            *field += 1;
            severities[slot] += 1;
        }
    }
    let mut by_rule: Vec<RuleCount> = by_rule.into_values().collect();
    by_rule.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.rule.cmp(&b.rule)));
    Findings {
        checked: checked.len(),
        with_errors,
        share_with_errors: ratio(with_errors, checked.len()),
        with_warnings,
        share_with_warnings: ratio(with_warnings, checked.len()),
        errors: severities[0],
        warnings: severities[1],
        infos: severities[2],
        waived,
        by_rule,
    }
}

/// Local calendar quarters overlapping `[from, to]`, clipped to it: (`2025-Q3`, first day,
/// last day).
fn quarters(from: Date, to: Date) -> Vec<(String, Date, Date)> {
    let mut out = Vec::new();
    let first_month = (from.month() - 1) / 3 * 3 + 1;
    let Ok(mut start) = Date::new(from.year(), first_month, 1) else {
        return out;
    };
    while start <= to {
        let Ok(next) = start.checked_add(3.months()) else {
            break;
        };
        let last = next.checked_sub(1.days()).unwrap_or(next);
        let label = format!("{}-Q{}", start.year(), (start.month() - 1) / 3 + 1);
        out.push((label, start.max(from), last.min(to)));
        start = next;
    }
    out
}

/// The label of a quarter for people: `3. Quartal 2025` / `Q3 2025`.
pub fn quarter_title(label: &str, lang: Lang) -> String {
    match label.split_once("-Q") {
        Some((year, quarter)) => match lang {
            Lang::En => format!("Q{quarter} {year}"),
            _ => format!("{quarter}. Quartal {year}"),
        },
        None => label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Platform;
    use crate::policy::Policy;

    const POLICY: &str = r#"
        name = "Teststadt"
        [accounts.stadt]
        kind = "official"
        platforms = ["facebook", "instagram"]
        time-zone = "Europe/Berlin"
        posts-per-week = { min = 2, max = 3 }
    "#;

    fn engine() -> Engine {
        Engine::new(Policy::from_toml(POLICY).unwrap()).unwrap()
    }

    fn post(at: &str, text: &str) -> Draft {
        let mut draft = Draft::new(text);
        draft.account = Some("stadt".to_owned());
        draft.published_at = Some(at.parse().unwrap());
        draft
    }

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn week<'a>(period: &'a PeriodReport, monday: &str) -> &'a WeekCount {
        period
            .weeks
            .iter()
            .find(|week| week.monday == date(monday))
            .unwrap()
    }

    #[test]
    fn band_classification_is_inclusive_and_open_bounds_never_fire() {
        let band = WeeklyBand {
            min: Some(2),
            max: Some(3),
        };
        assert_eq!(classify(1, band), BandStatus::Below);
        assert_eq!(classify(2, band), BandStatus::Within);
        assert_eq!(classify(3, band), BandStatus::Within);
        assert_eq!(classify(4, band), BandStatus::Above);
        let open = WeeklyBand::default();
        assert_eq!(classify(0, open), BandStatus::Within);
        assert_eq!(classify(40, open), BandStatus::Within);
    }

    #[test]
    fn sunday_night_and_monday_night_fall_in_local_weeks_across_dst() {
        // Clocks go forward on Sunday 29 March 2026: 23:30 that Sunday and 00:30 on Monday
        // are one hour apart but in two local weeks (in UTC both are Sunday).
        let posts = [
            post("2026-03-23T10:00:00+01:00", "Montag"),
            post("2026-03-29T23:30:00+02:00", "Sonntagnacht"),
            post("2026-03-30T00:30:00+02:00", "Montagnacht"),
        ];
        let report = build_report(&engine(), &posts, &[], None, None);
        let total = &report.accounts[0].total;
        assert_eq!(week(total, "2026-03-23").posts, 2);
        assert_eq!(week(total, "2026-03-23").status, BandStatus::Within);
        assert_eq!(week(total, "2026-03-30").posts, 1);
        assert_eq!(week(total, "2026-03-30").status, BandStatus::Below);
        assert_eq!(week(total, "2026-03-30").iso_week, "2026-W14");
    }

    #[test]
    fn quarters_follow_the_local_calendar_not_utc() {
        // 2025-07-01 00:30 in Berlin is still 30 June in UTC: the post belongs to Q3.
        let posts = [
            post("2025-06-30T23:30:00+02:00", "Ende Juni"),
            post("2025-07-01T00:30:00+02:00", "Anfang Juli"),
        ];
        let report = build_report(&engine(), &posts, &[], None, None);
        let quarters = &report.accounts[0].quarters;
        let labels: Vec<_> = quarters.iter().map(|q| q.label.as_str()).collect();
        assert_eq!(labels, ["2025-Q2", "2025-Q3"]);
        assert_eq!((quarters[0].posts, quarters[1].posts), (1, 1));
        assert_eq!((quarters[0].records, quarters[1].records), (1, 1));
        assert_eq!(quarters[1].from, date("2025-07-01"));
    }

    #[test]
    fn full_quarter_has_its_weeks_by_thursday_and_calendar_dates() {
        let posts = [
            post("2025-01-02T10:00:00+01:00", "Anfang"),
            post("2025-12-30T10:00:00+01:00", "Ende"),
        ];
        let report = build_report(&engine(), &posts, &[], None, None);
        let q3 = &report.accounts[0].quarters[2];
        assert_eq!((q3.from, q3.to), (date("2025-07-01"), date("2025-09-30")));
        // Thursday 3 July opens the first week (Monday 30 June); Thursday 25 September the last.
        assert_eq!(q3.weeks.first().unwrap().monday, date("2025-06-30"));
        assert_eq!(q3.weeks.last().unwrap().monday, date("2025-09-22"));
        assert_eq!(q3.weeks.len(), 13);
        // No posts at all: every week is below the band.
        assert_eq!(q3.week_summary.below, 13);
        assert_eq!(q3.week_summary.share_within, 0.0);
    }

    #[test]
    fn cross_posts_count_once_as_in_cadence_rules_but_are_checked_each() {
        let mut facebook = post("2026-05-04T10:00:00+02:00", "Guten Morgen, Paderborn!");
        facebook.platforms = Some(vec![Platform::Facebook]);
        let mut instagram = post("2026-05-04T10:05:00+02:00", "Guten  morgen, Paderborn!");
        instagram.platforms = Some(vec![Platform::Instagram]);
        let report = build_report(&engine(), &[facebook, instagram], &[], None, None);
        let total = &report.accounts[0].total;
        assert_eq!(total.posts, 1);
        assert_eq!(total.records, 2);
        assert_eq!(total.findings.checked, 2);
        assert_eq!(report.records, 2);
    }

    #[test]
    fn findings_are_counted_per_rule_and_severity() {
        let posts = [
            post(
                "2026-05-04T10:00:00+02:00",
                "Infos: http://www.paderborn.de/a",
            ),
            post(
                "2026-05-05T10:00:00+02:00",
                "Infos: http://www.paderborn.de/b http://www.paderborn.de/c",
            ),
            post("2026-05-06T10:00:00+02:00", "Guten Morgen!"),
        ];
        let report = build_report(&engine(), &posts, &[], None, None);
        let findings = &report.accounts[0].total.findings;
        let https = findings
            .by_rule
            .iter()
            .find(|rule| rule.rule == "links.https")
            .unwrap();
        assert_eq!((https.total, https.records), (3, 2));
        assert_eq!(https.errors + https.warnings + https.infos, 3);
        let sum: usize = findings.by_rule.iter().map(|rule| rule.total).sum();
        assert_eq!(sum, findings.errors + findings.warnings + findings.infos);
        assert!(
            findings
                .by_rule
                .windows(2)
                .all(|w| w[0].total >= w[1].total)
        );
    }

    #[test]
    fn waived_findings_are_counted_per_rule_and_in_all() {
        let mut waived = post(
            "2026-05-05T10:00:00+02:00",
            "Infos: http://www.paderborn.de/b",
        );
        waived.waivers.push(crate::Waiver {
            rule: "links.https".to_owned(),
            words: None,
            reason: "Die Seite kann kein HTTPS".to_owned(),
            by: "sta13.presse".to_owned(),
            at: None,
        });
        let posts = [
            post(
                "2026-05-04T10:00:00+02:00",
                "Infos: http://www.paderborn.de/a",
            ),
            waived,
        ];
        let report = build_report(&engine(), &posts, &[], None, None);
        let findings = &report.accounts[0].total.findings;
        let https = findings
            .by_rule
            .iter()
            .find(|rule| rule.rule == "links.https")
            .unwrap();
        assert_eq!((https.total, https.waived), (2, 1));
        assert_eq!(findings.waived, 1);
        let json = serde_json::to_value(findings).unwrap();
        assert_eq!(json["waived"], 1);
        let unwaived = build_report(&engine(), &posts[..1], &[], None, None);
        let json = serde_json::to_string(&unwaived.accounts[0].total.findings).unwrap();
        assert!(!json.contains("waived"), "{json}");
    }

    #[test]
    fn earlier_posts_are_the_history_so_a_fourth_post_in_a_week_is_found() {
        let posts: Vec<Draft> = (4..=7)
            .map(|day| {
                post(
                    &format!("2026-05-0{day}T10:00:00+02:00"),
                    &format!("Beitrag {day}"),
                )
            })
            .collect();
        let report = build_report(&engine(), &posts, &[], None, None);
        let total = &report.accounts[0].total;
        let week_max = total
            .findings
            .by_rule
            .iter()
            .find(|rule| rule.rule == "cadence.week-max")
            .unwrap();
        assert_eq!(week_max.records, 1);
        assert_eq!(week(total, "2026-05-04").status, BandStatus::Above);
    }

    #[test]
    fn range_limits_and_unusable_records_are_reported() {
        let mut unpublished = Draft::new("Entwurf");
        unpublished.account = Some("stadt".to_owned());
        let mut unknown = post("2026-05-04T10:00:00+02:00", "Hallo");
        unknown.account = Some("rathaus".to_owned());
        let posts = [
            post("2026-04-01T10:00:00+02:00", "April"),
            post("2026-05-04T10:00:00+02:00", "Mai"),
            unpublished,
            unknown,
        ];
        let report = build_report(
            &engine(),
            &posts,
            &[],
            Some(date("2026-05-01")),
            Some(date("2026-05-17")),
        );
        assert_eq!(report.from, Some(date("2026-05-01")));
        assert_eq!(report.records, 1);
        let skipped: Vec<usize> = report.skipped.iter().map(|s| s.record).collect();
        assert_eq!(skipped, [3, 4]);
        assert!(report.skipped[1].reason.contains("`rathaus`"));
        // The week of 27 April starts before the range: shown, not classified.
        let total = &report.accounts[0].total;
        assert!(!week(total, "2026-04-27").complete);
        assert!(week(total, "2026-05-04").complete);
        assert_eq!(week(total, "2026-05-11").status, BandStatus::Below);
        assert_eq!(total.week_summary.weeks, 2);
    }

    #[test]
    fn election_window_weeks_are_marked() {
        let policy = format!(
            "{POLICY}\n[[elections]]\nname = \"Kommunalwahl\"\ndate = \"2025-09-14\"\nwindow-weeks = 2\n"
        );
        let engine = Engine::new(Policy::from_toml(&policy).unwrap()).unwrap();
        let posts = [
            post("2025-08-20T10:00:00+02:00", "August"),
            post("2025-09-20T10:00:00+02:00", "September"),
        ];
        let report = build_report(&engine, &posts, &[], None, None);
        let total = &report.accounts[0].total;
        let marked: Vec<Date> = total
            .weeks
            .iter()
            .filter(|week| week.election_window)
            .map(|week| week.monday)
            .collect();
        // Window 31 August to 14 September: the weeks of 25 August (Sunday 31), 1 and 8 September.
        assert_eq!(
            marked,
            [date("2025-08-25"), date("2025-09-01"), date("2025-09-08")]
        );
        assert_eq!(total.elections.len(), 1);
    }

    #[test]
    fn rise_before_an_election_is_reported_for_the_quarter_of_the_window() {
        let policy = format!(
            "{POLICY}\n[[elections]]\nname = \"Kommunalwahl\"\ndate = \"2025-09-14\"\nwindow-weeks = 6\n"
        );
        let engine = Engine::new(Policy::from_toml(&policy).unwrap()).unwrap();
        // Two posts a week from April, five a week from the window's opening (3 August).
        let mut posts = Vec::new();
        let mut day = date("2025-04-07");
        while day <= date("2025-09-12") {
            let per_week = if day >= date("2025-08-04") { 5 } else { 2 };
            if day.weekday().to_monday_zero_offset() < per_week {
                posts.push(post(
                    &format!("{day}T10:00:00+02:00"),
                    &format!("Beitrag {day}"),
                ));
            }
            day = day.tomorrow().unwrap();
        }
        let report = build_report(&engine, &posts, &[], None, None);
        let quarters = &report.accounts[0].quarters;
        assert_eq!(quarters[0].label, "2025-Q2");
        assert_eq!(quarters[0].election_rise, None);
        let rise = quarters[1].election_rise.as_ref().unwrap();
        assert_eq!(rise.election, "Kommunalwahl");
        assert_eq!(rise.baseline_per_week, 2.0);
        assert!(rise.window_per_week > 4.0, "{rise:?}");
        // The report ends with the last post, two days before the election.
        assert_eq!(rise.measured_on, date("2025-09-12"));
    }
}
