//! Time that counts for a reply: minutes inside the account's office hours, public holidays
//! of its federal state excluded, in its time zone.

use std::collections::HashMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

use crate::time::HolidayRegion;
use crate::time::holidays::public_holidays;
use crate::time::office_hours::OfficeHours;

/// Longest stretch measured day by day. A reply a year after its question is a finding in
/// itself; measuring further would only let a record dated `9999-12-31` cost millions of
/// steps.
pub(crate) const MAX_MEASURED_DAYS: i64 = 366;

/// Measures time inside an account's office hours.
///
/// Windows are turned into instants day by day in the account's time zone, so a window on
/// a day with a DST switch has its real length, and a reply on the far side of a switch is
/// measured from the right instant.
pub(crate) struct OfficeClock<'a> {
    hours: &'a OfficeHours,
    time_zone: &'a TimeZone,
    region: Option<HolidayRegion>,
    /// Holidays per year, computed once per year a measurement touches.
    holidays: HashMap<i16, Vec<Date>>,
}

impl<'a> OfficeClock<'a> {
    pub fn new(
        hours: &'a OfficeHours,
        time_zone: &'a TimeZone,
        region: Option<HolidayRegion>,
    ) -> OfficeClock<'a> {
        OfficeClock {
            hours,
            time_zone,
            region,
            holidays: HashMap::new(),
        }
    }

    /// Whether the account has office hours at all; without them time is wall-clock time.
    pub fn has_hours(&self) -> bool {
        !self.hours.is_empty()
    }

    /// Whole minutes between `start` and `end` that lie inside office hours on days that are
    /// no public holiday; wall-clock minutes without office hours; 0 if `end` is not after
    /// `start`. An `end` more than [`MAX_MEASURED_DAYS`] after `start` is measured as if it
    /// came then.
    pub fn minutes_between(&mut self, start: Timestamp, end: Timestamp) -> u32 {
        if end <= start {
            return 0;
        }
        let horizon = start
            .checked_add(SignedDuration::from_hours(24 * MAX_MEASURED_DAYS))
            .unwrap_or(Timestamp::MAX);
        let end = end.min(horizon);
        if !self.has_hours() {
            return whole_minutes(end.duration_since(start));
        }
        let last_day = end.to_zoned(self.time_zone.clone()).date();
        let mut day = start.to_zoned(self.time_zone.clone()).date();
        let mut inside = SignedDuration::ZERO;
        while day <= last_day {
            if !self.is_holiday(day) {
                for (open, close) in self.day_windows(day) {
                    let (from, to) = (start.max(open), end.min(close));
                    if from < to {
                        inside = inside.saturating_add(to.duration_since(from));
                    }
                }
            }
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
        }
        whole_minutes(inside)
    }

    /// Whether `at` lies inside office hours (always, for an account without them).
    pub fn is_open(&mut self, at: Timestamp) -> bool {
        if !self.has_hours() {
            return true;
        }
        let local = at.to_zoned(self.time_zone.clone());
        !self.is_holiday(local.date()) && self.hours.covers(&local, 0)
    }

    fn is_holiday(&mut self, day: Date) -> bool {
        let region = self.region.as_ref();
        self.holidays
            .entry(day.year())
            .or_insert_with(|| {
                public_holidays(day.year(), region)
                    .into_iter()
                    .map(|(date, _)| date)
                    .collect()
            })
            .contains(&day)
    }

    /// The day's windows as instants, overlapping windows merged so no minute counts twice.
    fn day_windows(&self, day: Date) -> Vec<(Timestamp, Timestamp)> {
        let mut clock_ranges: Vec<(u32, u32)> = self.hours.windows_on(day.weekday()).collect();
        clock_ranges.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(clock_ranges.len());
        for (from, to) in clock_ranges {
            match merged.last_mut() {
                Some(last) if from <= last.1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        merged
            .into_iter()
            .filter_map(|(from, to)| Some((self.instant(day, from)?, self.instant(day, to)?)))
            .collect()
    }

    /// The instant of a local clock time (`24:00` is the next midnight). A time that a DST
    /// switch skips moves forward by the gap, as jiff's "compatible" rule does.
    fn instant(&self, day: Date, minutes: u32) -> Option<Timestamp> {
        let local = day
            .to_datetime(jiff::civil::Time::midnight())
            .checked_add(i64::from(minutes).minutes())
            .ok()?;
        self.time_zone.to_timestamp(local).ok()
    }
}

fn whole_minutes(duration: SignedDuration) -> u32 {
    u32::try_from(duration.as_secs().max(0) / 60).unwrap_or(u32::MAX)
}
