//! Response times: how quickly an account answered the questions under its posts.
//!
//! "Seien Sie schnell! Kurze Reaktionszeiten sind bei Social Media-Anfragen ein Muss." —
//! and, in the same list, "Machen Sie Pause! Eine Rund-um-die-Uhr-Betreuung Ihrer
//! Plattformen erwartet niemand." (Arndt, Stadt Moers, KOMMUNAL 2015, 10 Goldene
//! Social-Media-Regeln). Paderborn ties "Erreichbarkeit (der Zeitraum, in dem Nutzer
//! kurzfristig mit einer Antwort rechnen können)" to "Dienstzeiten", "virtuelle
//! Öffnungszeiten" and "automatische Antworten" (Stadt Paderborn, Social-Media-Strategie
//! 2021). So latency is measured in office hours, and replies outside them are expected to
//! be automatic notices.
//!
//! # Input
//!
//! One [`Interaction`] per JSON line ([`parse_interactions`]): a comment under a post, or a
//! reply. A bad line becomes an error with its line and column; the other lines still count.
//!
//! # Example
//!
//! ```
//! use freigabe::Policy;
//! use freigabe::analytics::responses::{analyse_responses, parse_interactions};
//!
//! let policy = Policy::from_toml(r#"
//!     federal-state = "NW"
//!     [accounts.stadt]
//!     kind = "official"
//!     platforms = ["facebook"]
//!     office-hours.windows = [{ days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00" }]
//! "#)?;
//! let jsonl = r#"
//! {"id": "c1", "account": "stadt", "at": "2026-05-08T18:00:00+02:00", "text": "Wann öffnet das Bürgerbüro?"}
//! {"id": "r1", "account": "stadt", "in_reply_to": "c1", "from_account": true, "at": "2026-05-11T09:30:00+02:00", "text": "Ab 8:30 Uhr."}
//! "#;
//! let records = parse_interactions(jsonl).into_iter().collect::<Result<Vec<_>, _>>()?;
//! let analysis = analyse_responses(&policy, "stadt", &records, None, None)?;
//! // Friday 18:00 → Monday 09:30: the weekend is no office time.
//! assert_eq!(analysis.latencies_minutes, [30]);
//! assert_eq!(analysis.share_within_target, Some(1.0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is measured ([`analyse_responses`])
//!
//! - Only records of the given `account` count.
//! - A **question** is a record not `from_account` whose `text` asks something
//!   ([`is_question`]: a `?`, or a sentence opening with `wann`, `wo`, `wie`, `warum`,
//!   `welche`, `können Sie`, `gibt es`, …, case and spelling folded). A record without
//!   `text` is a comment (a photo, a sticker) and never a question. `from`/`to` select
//!   questions by the time they were asked: `from` inclusive, `to` exclusive.
//! - A question is **answered** by the earliest reply `from_account` whose `in_reply_to` is
//!   the question's `id` and that is not an automatic notice ("we will get back to you"
//!   answers nothing); the reply may come after `to`. A reply stamped before its question
//!   (clocks of two exports) counts with latency 0.
//! - **Latency** is the time between question and answer inside the account's
//!   `office-hours`, in its `time-zone`, leaving out the public holidays of its
//!   `federal-state`: a question on Friday 18:00 answered on Monday 09:30, with office hours
//!   from 09:00, took 30 minutes. Windows are placed on each local day, so DST switches
//!   are counted as they happened. An account without `office-hours` is measured in
//!   wall-clock time (holidays included): it promises no hours, so every hour counts.
//!   Latencies are whole minutes, rounded down, and measured over at most 366 days (a
//!   later reply counts as if it came then).
//! - **Within target**: latency at most `target-hours` × 60 (`[accounts.<id>.responses]`,
//!   default 24 office hours, i.e. three working days of eight hours). The share is taken
//!   over all questions, so an unanswered question counts as missed; a question asked just
//!   before `to` may simply not have been answered yet.
//! - **Median** and **90th percentile** by nearest rank: the value at rank ⌈p·n⌉ of the
//!   sorted latencies (for an even count the median is the lower middle value).
//! - **Replies outside office hours**: replies `from_account` with an `in_reply_to` whose
//!   own time (filtered by `from`/`to`) lies outside the office hours or on a public
//!   holiday. Such a reply is **automatic** if the record says `automatic: true`, or, when
//!   `automatic` is absent, if its text contains an automatic-notice phrase (built-in
//!   [`DEFAULT_AUTO_REPLY_MARKERS`] plus the policy's `auto-reply-markers`). An account
//!   without office hours has no replies outside them.

mod clock;
mod questions;

use std::collections::HashMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

pub use questions::{DEFAULT_AUTO_REPLY_MARKERS, is_question};

use crate::error::{InputError, InputErrorKind};
use crate::lang::Lang;
use crate::platform::Platform;
use crate::policy::{Localized, Policy, localized};
use crate::serde_errors::describe;
use clock::OfficeClock;
use questions::AutoReplyMarkers;

/// One comment on a post or one reply, a JSON Lines record (snake_case keys; unknown keys
/// are refused so that a typo cannot silently drop a field).
///
/// ```json
/// {"id": "c1", "account": "buergermeister", "platform": "facebook", "post_id": "p7",
///  "at": "2026-05-04T18:12:00+02:00", "text": "Wann öffnet das Bürgerbüro?"}
/// {"id": "r1", "account": "buergermeister", "in_reply_to": "c1", "from_account": true,
///  "at": "2026-05-05T09:20:00+02:00", "text": "Ab 8 Uhr, Ihr Team StA 13"}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interaction {
    /// The record's id on the platform (unique per file).
    pub id: String,
    /// Policy account the post belongs to.
    pub account: String,
    /// Platform of the post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    /// The post the comment is under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    /// Id of the comment this one answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<String>,
    /// Written by the account (the administration) rather than by a citizen.
    #[serde(default)]
    pub from_account: bool,
    /// When it was written (RFC 3339 with offset).
    pub at: Timestamp,
    /// The text; absent for photos, stickers and deleted comments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Whether the platform marked it as an automatic reply; absent: detected from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automatic: Option<bool>,
}

/// Parses JSON Lines of [`Interaction`]s: one result per non-blank line, in order. A broken
/// line gives an error with its line and column and a hint; it never hides the others.
pub fn parse_interactions(jsonl: &str) -> Vec<Result<Interaction, InputError>> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|error| record_error(&error, index + 1))
        })
        .collect()
}

fn record_error(error: &serde_json::Error, line: usize) -> InputError {
    let described = describe(&error.to_string(), "JSON");
    let help = described.help.unwrap_or_else(|| {
        localized!(
            de: "Ein Datensatz ist ein JSON-Objekt pro Zeile mit mindestens `id`, `account` und `at`",
            en: "a record is one JSON object per line with at least `id`, `account` and `at`",
        )
    });
    let mut input_error = InputError::new(
        InputErrorKind::InvalidRecord,
        Localized::new(
            format!("Ungültiger Datensatz: {}", described.message.de),
            format!("invalid record: {}", described.message.en),
        ),
        help,
    );
    input_error.position = Some((line, error.column().max(1)));
    input_error
}

/// How an account answered the questions under its posts; see the [module docs](self) for
/// what each number means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseAnalysis {
    /// The account analysed.
    pub account: String,
    /// Records by others (comments and questions) asked in the period.
    pub comments: usize,
    /// Comments that ask something.
    pub questions: usize,
    /// Questions with a reply from the account that is not an automatic notice.
    pub answered: usize,
    /// Answered within `target_hours` of office time.
    pub answered_within_target: usize,
    /// `answered_within_target / questions`; `None` without questions.
    pub share_within_target: Option<f64>,
    /// The account's target (`[accounts.<id>.responses] target-hours`, default 24).
    pub target_hours: u32,
    /// Whether the policy sets `target-hours`; without, the figures against the default
    /// target are computed, but the quarterly report shows that no target is set.
    pub target_set: bool,
    /// Whether latencies are office-hours minutes (`true`) or wall-clock minutes (the
    /// account has no `office-hours`).
    pub office_time: bool,
    /// Ids of the questions without a reply, in the order they were asked.
    pub unanswered: Vec<String>,
    /// Ids of the questions answered after the target, in the order they were asked.
    pub answered_late: Vec<String>,
    /// Latency per answered question in minutes, sorted ascending.
    pub latencies_minutes: Vec<u32>,
    /// Median latency (nearest rank).
    pub median_minutes: Option<u32>,
    /// 90th percentile latency (nearest rank).
    pub p90_minutes: Option<u32>,
    /// Questions per latency band, then the unanswered.
    pub buckets: Vec<LatencyBucket>,
    /// Replies of the account outside office hours in the period.
    pub replies_outside_hours: usize,
    /// Of those, automatic notices.
    pub automatic_outside_hours: usize,
    /// Ids of replies outside office hours that were written by hand, in time order.
    pub manual_outside_hours: Vec<String>,
}

/// A band of latencies: questions answered within `max_minutes` (and above the band
/// before), answered later than every band (`key = "longer"`), or not at all
/// (`key = "unanswered"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatencyBucket {
    /// Stable name: `1h`, `4h`, `8h`, `24h`, `72h`, `longer`, `unanswered`.
    pub key: &'static str,
    /// Upper bound in minutes (inclusive); `None` for `longer` and `unanswered`.
    pub max_minutes: Option<u32>,
    /// Number of questions in the band.
    pub count: usize,
}

impl LatencyBucket {
    /// A label for tables and charts: `≤ 4 h`, `> 72 h`, `unbeantwortet`/`unanswered`.
    pub fn label(&self, lang: Lang) -> String {
        match (self.key, self.max_minutes) {
            (_, Some(max)) => format!("≤ {} h", max / 60),
            ("longer", None) => format!("> {} h", LAST_BAND_MINUTES / 60),
            _ => match lang {
                Lang::En => "unanswered".to_owned(),
                _ => "unbeantwortet".to_owned(),
            },
        }
    }
}

/// Upper bounds of the latency bands in minutes, with their keys.
const BANDS: [(&str, u32); 5] = [
    ("1h", 60),
    ("4h", 4 * 60),
    ("8h", 8 * 60),
    ("24h", 24 * 60),
    ("72h", 72 * 60),
];
const LAST_BAND_MINUTES: u32 = 72 * 60;

/// Analyses how `account` answered the questions in `interactions` asked between `from`
/// (inclusive) and `to` (exclusive); either may be open. Records of other accounts are
/// ignored. Fails only when the policy does not define `account`.
pub fn analyse_responses(
    policy: &Policy,
    account: &str,
    interactions: &[Interaction],
    from: Option<Timestamp>,
    to: Option<Timestamp>,
) -> Result<ResponseAnalysis, InputError> {
    let unknown = || {
        InputError::new(
            InputErrorKind::UnknownAccount,
            localized!(de: "Unbekanntes Konto `{account}`", en: "unknown account `{account}`"),
            policy.account_hint(account),
        )
    };
    if !policy.account_ids().any(|id| id == account) {
        return Err(unknown());
    }
    let resolved = policy.resolve_account(account).map_err(|_| unknown())?;
    let target_hours = resolved.responses.target_hours;
    let markers = AutoReplyMarkers::new(&resolved.responses.auto_reply_markers);
    let mut clock = OfficeClock::new(
        &resolved.office_hours,
        &resolved.time_zone,
        resolved.holidays.clone(),
    );
    let in_period = |at: Timestamp| from.is_none_or(|f| f <= at) && to.is_none_or(|t| at < t);
    let automatic = |record: &Interaction| {
        record
            .automatic
            .unwrap_or_else(|| record.text.as_deref().is_some_and(|t| markers.matches(t)))
    };

    let mut own: Vec<&Interaction> = interactions
        .iter()
        .filter(|record| record.account == account)
        .collect();
    own.sort_by_key(|record| record.at);
    let replies: Vec<&Interaction> = own
        .iter()
        .copied()
        .filter(|record| record.from_account && record.in_reply_to.is_some())
        .collect();
    // The earliest answer per question id; `replies` is in time order.
    let mut answers: HashMap<&str, &Interaction> = HashMap::new();
    for reply in &replies {
        if let Some(question) = reply.in_reply_to.as_deref()
            && !automatic(reply)
        {
            answers.entry(question).or_insert(reply);
        }
    }
    let comments: Vec<&Interaction> = own
        .iter()
        .copied()
        .filter(|record| !record.from_account && in_period(record.at))
        .collect();

    let target_minutes = target_hours.saturating_mul(60);
    let mut analysis = ResponseAnalysis {
        account: account.to_owned(),
        comments: comments.len(),
        questions: 0,
        answered: 0,
        answered_within_target: 0,
        share_within_target: None,
        target_hours,
        target_set: resolved.responses.target_set,
        office_time: clock.has_hours(),
        unanswered: Vec::new(),
        answered_late: Vec::new(),
        latencies_minutes: Vec::new(),
        median_minutes: None,
        p90_minutes: None,
        buckets: Vec::new(),
        replies_outside_hours: 0,
        automatic_outside_hours: 0,
        manual_outside_hours: Vec::new(),
    };
    for question in comments
        .iter()
        .filter(|record| record.text.as_deref().is_some_and(is_question))
    {
        analysis.questions += 1;
        let Some(answer) = answers.get(question.id.as_str()) else {
            analysis.unanswered.push(question.id.clone());
            continue;
        };
        let latency = clock.minutes_between(question.at, answer.at);
        analysis.answered += 1;
        analysis.latencies_minutes.push(latency);
        if latency <= target_minutes {
            analysis.answered_within_target += 1;
        } else {
            analysis.answered_late.push(question.id.clone());
        }
    }
    analysis.latencies_minutes.sort_unstable();
    analysis.median_minutes = nearest_rank(&analysis.latencies_minutes, 50);
    analysis.p90_minutes = nearest_rank(&analysis.latencies_minutes, 90);
    analysis.share_within_target = (analysis.questions > 0)
        .then(|| analysis.answered_within_target as f64 / analysis.questions as f64);
    analysis.buckets = buckets(&analysis.latencies_minutes, analysis.unanswered.len());

    for reply in replies.iter().filter(|reply| in_period(reply.at)) {
        if clock.is_open(reply.at) {
            continue;
        }
        analysis.replies_outside_hours += 1;
        if automatic(reply) {
            analysis.automatic_outside_hours += 1;
        } else {
            analysis.manual_outside_hours.push(reply.id.clone());
        }
    }
    Ok(analysis)
}

/// The nearest-rank percentile of sorted values: the value at rank ⌈p/100 · n⌉ (1-based).
fn nearest_rank(sorted: &[u32], percent: usize) -> Option<u32> {
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// Counts sorted latencies into the fixed bands, then the unanswered questions.
fn buckets(sorted: &[u32], unanswered: usize) -> Vec<LatencyBucket> {
    let mut buckets = Vec::with_capacity(BANDS.len() + 2);
    let mut below = 0;
    for (key, max) in BANDS {
        let upto = sorted.partition_point(|&latency| latency <= max);
        buckets.push(LatencyBucket {
            key,
            max_minutes: Some(max),
            count: upto - below,
        });
        below = upto;
    }
    buckets.push(LatencyBucket {
        key: "longer",
        max_minutes: None,
        count: sorted.len() - below,
    });
    buckets.push(LatencyBucket {
        key: "unanswered",
        max_minutes: None,
        count: unanswered,
    });
    buckets
}

#[cfg(test)]
mod tests;
