//! Local calendar weeks: Monday 00:00 to the next Monday 00:00 in the account's zone, so a
//! week with a DST switch lasts 167 or 169 hours, never 168 hours shifted by an hour.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// A half-open range of instants `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl Range {
    /// Whether `at` lies in the range.
    pub fn contains(&self, at: Timestamp) -> bool {
        self.start <= at && at < self.end
    }
}

/// The Monday of the local calendar week `at` falls in.
pub(crate) fn monday_of(at: Timestamp, tz: &TimeZone) -> Date {
    let date = at.to_zoned(tz.clone()).date();
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}

/// The instant a local day begins (midnight, or the first instant after a DST gap).
pub(crate) fn start_of(day: Date, tz: &TimeZone) -> Option<Timestamp> {
    day.to_zoned(tz.clone()).ok().map(|zoned| zoned.timestamp())
}

/// The local week that begins on `monday` plus `offset` weeks (negative: earlier weeks).
pub(crate) fn week_from(monday: Date, offset: i64, tz: &TimeZone) -> Option<Range> {
    let first = monday.checked_add((offset * 7).days()).ok()?;
    let next = first.checked_add(7.days()).ok()?;
    Some(Range {
        start: start_of(first, tz)?,
        end: start_of(next, tz)?,
    })
}

/// The local calendar week that `at` falls in.
pub(crate) fn week_of(at: Timestamp, tz: &TimeZone) -> Option<Range> {
    week_from(monday_of(at, tz), 0, tz)
}

/// ISO week number and its year, for messages (`KW 13/2026`).
pub(crate) fn iso_week_label(at: Timestamp, tz: &TimeZone) -> String {
    let week = at.to_zoned(tz.clone()).date().iso_week_date();
    format!("{}/{}", week.week(), week.year())
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

    #[test]
    fn week_starts_monday_midnight_local_not_utc() {
        // Sunday 23:30 in Berlin is Sunday 21:30 UTC; Monday 00:30 local is Sunday 22:30 UTC.
        let sunday = week_of(at("2026-05-10T23:30:00+02:00"), &berlin()).unwrap();
        let monday = week_of(at("2026-05-11T00:30:00+02:00"), &berlin()).unwrap();
        assert_eq!(sunday.end, at("2026-05-11T00:00:00+02:00"));
        assert_eq!(monday.start, sunday.end);
    }

    #[test]
    fn week_with_spring_switch_has_167_hours() {
        // Clocks go forward on Sunday 29 March 2026.
        let week = week_of(at("2026-03-25T12:00:00+01:00"), &berlin()).unwrap();
        assert_eq!(week.start, at("2026-03-23T00:00:00+01:00"));
        assert_eq!(week.end, at("2026-03-30T00:00:00+02:00"));
        assert_eq!(week.end.duration_since(week.start).as_hours(), 167);
    }

    #[test]
    fn week_with_autumn_switch_has_169_hours() {
        // Clocks go back on Sunday 25 October 2026.
        let week = week_of(at("2026-10-25T23:59:00+01:00"), &berlin()).unwrap();
        assert_eq!(week.start, at("2026-10-19T00:00:00+02:00"));
        assert_eq!(week.end, at("2026-10-26T00:00:00+01:00"));
        assert_eq!(week.end.duration_since(week.start).as_hours(), 169);
    }

    #[test]
    fn earlier_weeks_step_back_by_calendar_weeks() {
        let monday = monday_of(at("2026-04-01T10:00:00+02:00"), &berlin());
        let before = week_from(monday, -1, &berlin()).unwrap();
        assert_eq!(before.start, at("2026-03-23T00:00:00+01:00"));
        assert_eq!(before.end, at("2026-03-30T00:00:00+02:00"));
    }

    #[test]
    fn iso_week_label_uses_the_local_date() {
        // Monday 00:30 local is still Sunday in UTC, and in ISO week 19.
        assert_eq!(
            iso_week_label(at("2026-05-11T00:30:00+02:00"), &berlin()),
            "20/2026"
        );
    }
}
