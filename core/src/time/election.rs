//! Posting frequency around an election: does an account post more often in a pre-election
//! window than it used to? The Federal Constitutional Court names "ein Anwachsen der
//! Öffentlichkeitsarbeit in Wahlkampfnähe" as a sign that public relations turned into
//! election advertising (BVerfGE 44, 125, Leitsatz 7). `cadence.election-rise` checks a
//! draft with it; reports over an archive call [`frequency_rise`] for any instant.
//!
//! **Baseline**: the average posts per local calendar week over the `baseline_weeks` full
//! weeks (Monday 00:00 to Monday 00:00 in the account's zone) before the week in which the
//! window opens. The days of that week before the opening belong to neither period, so a
//! window opening on a Sunday does not cut a baseline week short.
//!
//! **Window rate**: the posts from the first day of the window up to and including `at`,
//! divided by the elapsed local days / 7, but by at least one week, so that two posts on the
//! window's first day are not read as fourteen a week.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Serialize;

use crate::time::week::{Range, monday_of, start_of, week_from};

/// An election with its pre-election window resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ElectionWindow {
    pub name: String,
    /// First day of the window.
    pub opens: jiff::civil::Date,
    /// Election day, the last day of the window.
    pub date: jiff::civil::Date,
    pub candidates: Vec<String>,
}

impl ElectionWindow {
    /// Whether a day lies in the window (election day included).
    pub fn contains(&self, day: jiff::civil::Date) -> bool {
        self.opens <= day && day <= self.date
    }
}

/// Full weeks averaged for the baseline unless a policy says otherwise: about a quarter.
pub(crate) const DEFAULT_BASELINE_WEEKS: u32 = 12;
/// How many times the baseline the window rate must exceed unless a policy says otherwise.
pub(crate) const DEFAULT_FACTOR: f64 = 1.5;
/// Posts per week the window rate must exceed the baseline by unless a policy says
/// otherwise, so a quiet account going from 0.2 to 0.5 posts a week is not a rise.
pub(crate) const DEFAULT_MIN_EXTRA: f64 = 1.0;

/// When a rise of the posting frequency counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RiseSettings {
    /// Full local calendar weeks before the window's first week that form the baseline.
    pub baseline_weeks: u32,
    /// The window rate must be more than `factor` × the baseline …
    pub factor: f64,
    /// … and at least `min_extra` posts a week above it.
    pub min_extra: f64,
}

impl Default for RiseSettings {
    fn default() -> Self {
        RiseSettings {
            baseline_weeks: DEFAULT_BASELINE_WEEKS,
            factor: DEFAULT_FACTOR,
            min_extra: DEFAULT_MIN_EXTRA,
        }
    }
}

/// The posts of one account, as far as they are known.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PostRecord<'a> {
    /// One instant per post (a post cross-posted to several channels once), in any order;
    /// instants outside the compared periods are ignored.
    pub posts: &'a [Timestamp],
    /// The earliest instant the record covers (e.g. the first entry of the history, of any
    /// account). Without a record reaching back to the baseline's start, few posts would
    /// mean "not told", not "quiet", and there is no rise to report.
    pub covers_from: Timestamp,
}

/// A rise of the posting frequency in a pre-election window, for messages and reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct FrequencyRise {
    /// The election's name from the policy.
    pub election: String,
    /// First day of the pre-election window (local date).
    pub window_opens: Date,
    /// Election day.
    pub election_day: Date,
    /// Full weeks averaged for the baseline.
    pub baseline_weeks: u32,
    /// Posts in those weeks.
    pub baseline_posts: usize,
    /// Posts per week before the window.
    pub baseline_per_week: f64,
    /// Local days of the window up to and including the checked instant.
    pub window_days: i64,
    /// Posts in the window up to and including the checked instant.
    pub window_posts: usize,
    /// Posts per week in the window so far.
    pub window_per_week: f64,
    /// The factor the window rate exceeds.
    pub factor: f64,
}

/// The baseline weeks of an election window: `weeks` full local calendar weeks ending on
/// the Monday of the week the window opens in.
pub(crate) fn baseline_range(
    window: &ElectionWindow,
    zone: &TimeZone,
    weeks: u32,
) -> Option<Range> {
    let opens = start_of(window.opens, zone)?;
    let monday = monday_of(opens, zone);
    Some(Range {
        start: week_from(monday, -i64::from(weeks), zone)?.start,
        end: start_of(monday, zone)?,
    })
}

/// The rise of the posting frequency at `at` in the pre-election `window`, if there is one:
/// the window rate so far is more than `factor` × the baseline and at least `min_extra`
/// posts a week above it (see the module docs for both rates). `None` when `at` lies outside
/// the window, when the record does not reach back to the baseline's start, or when the
/// account posts as it used to.
pub(crate) fn frequency_rise(
    window: &ElectionWindow,
    zone: &TimeZone,
    record: PostRecord<'_>,
    at: Timestamp,
    settings: &RiseSettings,
) -> Option<FrequencyRise> {
    let day = at.to_zoned(zone.clone()).date();
    if !window.contains(day) || settings.baseline_weeks == 0 {
        return None;
    }
    let baseline = baseline_range(window, zone, settings.baseline_weeks)?;
    if record.covers_from > baseline.start {
        return None;
    }
    let window_start = start_of(window.opens, zone)?;
    let baseline_posts = record
        .posts
        .iter()
        .filter(|&&post| baseline.contains(post))
        .count();
    let window_posts = record
        .posts
        .iter()
        .filter(|&&post| window_start <= post && post <= at)
        .count();
    let window_days = i64::from(window.opens.until(day).ok()?.get_days()) + 1;

    let baseline_per_week = baseline_posts as f64 / f64::from(settings.baseline_weeks);
    // Elapsed days / 7, at least one week; written as × 7 / days so whole rates stay exact.
    let window_per_week = window_posts as f64 * 7.0 / window_days.max(7) as f64;
    let rises = window_per_week > baseline_per_week * settings.factor
        && window_per_week - baseline_per_week >= settings.min_extra;
    rises.then(|| FrequencyRise {
        election: window.name.clone(),
        window_opens: window.opens,
        election_day: window.date,
        baseline_weeks: settings.baseline_weeks,
        baseline_posts,
        baseline_per_week,
        window_days,
        window_posts,
        window_per_week,
        factor: settings.factor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    /// Election on Sunday 13 September 2026, window of 6 weeks: opens Sunday 2 August.
    /// Baseline weeks of 12: Monday 4 May to Monday 27 July 00:00.
    fn election() -> ElectionWindow {
        ElectionWindow {
            name: "Kommunalwahl".to_owned(),
            opens: "2026-08-02".parse().unwrap(),
            date: "2026-09-13".parse().unwrap(),
            candidates: Vec::new(),
        }
    }

    /// `per_week` posts on Tuesdays 10:00 of each of the 12 baseline weeks.
    fn baseline_posts(per_week: usize) -> Vec<Timestamp> {
        let first: jiff::Zoned = "2026-05-05T10:00:00+02:00[Europe/Berlin]".parse().unwrap();
        (0..12)
            .flat_map(|week| {
                let first = first.clone();
                (0..per_week).map(move |n| {
                    first
                        .checked_add(
                            jiff::Span::new()
                                .weeks(week)
                                .hours(i64::try_from(n).unwrap()),
                        )
                        .unwrap()
                        .timestamp()
                })
            })
            .collect()
    }

    /// `per_week` baseline posts plus one post at 10:00 on each of `days`.
    fn baseline_and(per_week: usize, days: &[&str]) -> Vec<Timestamp> {
        let mut posts = baseline_posts(per_week);
        posts.extend(days.iter().map(|day| at(&format!("{day}T10:00:00+02:00"))));
        posts
    }

    fn record(posts: &[Timestamp]) -> PostRecord<'_> {
        PostRecord {
            posts,
            covers_from: at("2026-01-01T00:00:00Z"),
        }
    }

    fn rise(posts: &[Timestamp], when: &str) -> Option<FrequencyRise> {
        frequency_rise(
            &election(),
            &berlin(),
            record(posts),
            at(when),
            &RiseSettings::default(),
        )
    }

    #[test]
    fn baseline_ends_on_the_monday_of_the_opening_week() {
        let range = baseline_range(&election(), &berlin(), 12).unwrap();
        assert_eq!(range.start, at("2026-05-04T00:00:00+02:00"));
        assert_eq!(range.end, at("2026-07-27T00:00:00+02:00"));
    }

    #[test]
    fn doubled_rate_is_a_rise() {
        // 1 a week before; 4 posts in the window's first 14 days = 2 a week.
        let posts = baseline_and(1, &["2026-08-03", "2026-08-06", "2026-08-10", "2026-08-14"]);
        let found = rise(&posts, "2026-08-15T10:00:00+02:00").unwrap();
        assert_eq!(found.baseline_posts, 12);
        assert_eq!(found.baseline_per_week, 1.0);
        assert_eq!(found.window_days, 14);
        assert_eq!(found.window_posts, 4);
        assert_eq!(found.window_per_week, 2.0);
        assert_eq!(found.election, "Kommunalwahl");
    }

    #[test]
    fn same_rate_in_window_is_no_rise() {
        let posts = baseline_and(2, &["2026-08-03", "2026-08-06", "2026-08-10", "2026-08-14"]);
        assert_eq!(rise(&posts, "2026-08-15T10:00:00+02:00"), None);
    }

    #[test]
    fn partial_first_week_counts_as_a_whole_week() {
        // Two posts on the window's first two days: 2 a week, not 2 / (2/7) = 7 a week.
        let mut posts = baseline_posts(1);
        posts.push(at("2026-08-02T10:00:00+02:00"));
        posts.push(at("2026-08-03T10:00:00+02:00"));
        let found = rise(&posts, "2026-08-03T10:00:00+02:00").unwrap();
        assert_eq!(found.window_days, 2);
        assert_eq!(found.window_per_week, 2.0);
    }

    #[test]
    fn partial_later_weeks_use_elapsed_days() {
        // 10 days elapsed (10/7 weeks), 5 posts: 3.5 a week against 2 a week: a rise
        // (3.5 > 3 and 1.5 extra).
        let posts = baseline_and(
            2,
            &[
                "2026-08-02",
                "2026-08-04",
                "2026-08-06",
                "2026-08-08",
                "2026-08-11",
            ],
        );
        let found = rise(&posts, "2026-08-11T18:00:00+02:00").unwrap();
        assert_eq!(found.window_days, 10);
        assert_eq!(found.window_per_week, 3.5);
    }

    #[test]
    fn posts_after_the_checked_instant_are_not_counted() {
        let mut posts = baseline_posts(1);
        posts.push(at("2026-08-03T10:00:00+02:00"));
        posts.push(at("2026-08-05T10:00:00+02:00"));
        // At Tuesday only one post of the window is out: 1 a week, no rise.
        assert_eq!(rise(&posts, "2026-08-04T10:00:00+02:00"), None);
        // At Wednesday 10:00 the second one counts (up to and including `at`).
        assert!(rise(&posts, "2026-08-05T10:00:00+02:00").is_some());
    }

    #[test]
    fn zero_baseline_rises_once_min_extra_is_reached() {
        // Silent for 12 weeks; one post in the window is exactly 1 extra post a week.
        let posts = [at("2026-08-05T10:00:00+02:00")];
        let found = rise(&posts, "2026-08-05T10:00:00+02:00").unwrap();
        assert_eq!(found.baseline_per_week, 0.0);
        assert_eq!(found.window_per_week, 1.0);
        // Over 14 days the same post is half a post a week: below `min-extra`.
        assert_eq!(rise(&posts, "2026-08-15T10:00:00+02:00"), None);
    }

    #[test]
    fn quiet_account_below_min_extra_is_no_rise() {
        // 0.25 a week before (3 in 12 weeks), 1 a week in the window (2 in 14 days): four
        // times as many, but three quarters of a post a week more is no campaign.
        let mut posts: Vec<Timestamp> = baseline_posts(1).into_iter().step_by(4).collect();
        assert_eq!(posts.len(), 3);
        posts.push(at("2026-08-03T10:00:00+02:00"));
        posts.push(at("2026-08-12T10:00:00+02:00"));
        assert_eq!(rise(&posts, "2026-08-15T10:00:00+02:00"), None);
    }

    #[test]
    fn exactly_factor_times_the_baseline_is_no_rise() {
        // 2 a week before; 3 a week in the window is exactly 1.5 × 2: not more.
        let mut posts = baseline_and(2, &["2026-08-03", "2026-08-04", "2026-08-05"]);
        assert_eq!(rise(&posts, "2026-08-08T10:00:00+02:00"), None);
        // One more post in the same week is 4 > 3.
        posts.push(at("2026-08-06T10:00:00+02:00"));
        assert!(rise(&posts, "2026-08-08T10:00:00+02:00").is_some());
    }

    #[test]
    fn factor_and_min_extra_come_from_the_settings() {
        let posts = baseline_and(2, &["2026-08-03", "2026-08-04", "2026-08-05"]);
        let lenient = RiseSettings {
            factor: 1.2,
            ..RiseSettings::default()
        };
        let found = frequency_rise(
            &election(),
            &berlin(),
            record(&posts),
            at("2026-08-08T10:00:00+02:00"),
            &lenient,
        )
        .unwrap();
        assert_eq!(found.factor, 1.2);
        let strict_extra = RiseSettings {
            factor: 1.2,
            min_extra: 1.5,
            ..RiseSettings::default()
        };
        assert_eq!(
            frequency_rise(
                &election(),
                &berlin(),
                record(&posts),
                at("2026-08-08T10:00:00+02:00"),
                &strict_extra,
            ),
            None
        );
    }

    #[test]
    fn outside_the_window_is_never_a_rise() {
        let posts = baseline_and(1, &["2026-07-28", "2026-07-29", "2026-07-30", "2026-07-31"]);
        // The days before the opening Sunday belong to no period.
        assert_eq!(rise(&posts, "2026-08-01T10:00:00+02:00"), None);
        // The day after the election the window is closed.
        assert_eq!(rise(&posts, "2026-09-14T10:00:00+02:00"), None);
    }

    #[test]
    fn days_between_baseline_and_window_are_ignored() {
        // Four posts Tuesday to Friday before the opening Sunday, then one on the first
        // day: the window counts one post, the baseline twelve.
        let mut posts = baseline_and(1, &["2026-07-28", "2026-07-29", "2026-07-30", "2026-07-31"]);
        posts.push(at("2026-08-02T10:00:00+02:00"));
        assert_eq!(rise(&posts, "2026-08-02T10:00:00+02:00"), None);
    }

    #[test]
    fn window_opens_at_local_midnight() {
        // Saturday 1 August 23:30 local is before the window; Sunday 00:00 local is in it.
        let mut posts = baseline_posts(0);
        posts.push(at("2026-08-01T23:30:00+02:00"));
        posts.push(at("2026-08-02T00:00:00+02:00"));
        let found = rise(&posts, "2026-08-02T00:00:00+02:00").unwrap();
        assert_eq!(found.window_posts, 1);
    }

    #[test]
    fn short_record_reports_nothing() {
        let posts = [
            at("2026-08-03T10:00:00+02:00"),
            at("2026-08-04T10:00:00+02:00"),
        ];
        let short = PostRecord {
            posts: &posts,
            covers_from: at("2026-05-04T00:00:01+02:00"),
        };
        let settings = RiseSettings::default();
        let when = at("2026-08-04T10:00:00+02:00");
        assert_eq!(
            frequency_rise(&election(), &berlin(), short, when, &settings),
            None
        );
        let long_enough = PostRecord {
            covers_from: at("2026-05-04T00:00:00+02:00"),
            ..short
        };
        assert!(frequency_rise(&election(), &berlin(), long_enough, when, &settings).is_some());
    }

    #[test]
    fn dst_switch_inside_the_baseline_keeps_calendar_weeks() {
        // A window opening Monday 9 November with 4 baseline weeks: 12 October 00:00 CEST
        // to 9 November 00:00 CET, across the switch on 25 October (a week of 169 hours).
        // Counting 4 × 168 hours from the start would end the baseline at 23:00 CET on
        // Sunday 8 November and misfile the post at 23:30.
        let window = ElectionWindow {
            name: "Stichwahl".to_owned(),
            opens: "2026-11-09".parse().unwrap(),
            date: "2026-11-22".parse().unwrap(),
            candidates: Vec::new(),
        };
        let settings = RiseSettings {
            baseline_weeks: 4,
            ..RiseSettings::default()
        };
        let range = baseline_range(&window, &berlin(), 4).unwrap();
        assert_eq!(range.start, at("2026-10-12T00:00:00+02:00"));
        assert_eq!(range.end, at("2026-11-09T00:00:00+01:00"));
        let posts = [
            at("2026-10-11T21:30:00Z"), // Sunday 11 October 23:30 CEST: before the baseline
            at("2026-10-11T22:30:00Z"), // Monday 12 October 00:30 CEST: first baseline week
            at("2026-10-26T00:30:00+01:00"),
            at("2026-11-08T22:30:00Z"), // Sunday 8 November 23:30 CET: last baseline week
            at("2026-11-08T23:30:00Z"), // Monday 9 November 00:30 CET: in the window
            at("2026-11-10T10:00:00+01:00"),
            at("2026-11-11T10:00:00+01:00"),
        ];
        let found = frequency_rise(
            &window,
            &berlin(),
            record(&posts),
            at("2026-11-11T10:00:00+01:00"),
            &settings,
        )
        .unwrap();
        assert_eq!(found.baseline_posts, 3);
        assert_eq!(found.window_posts, 3);
    }
}
