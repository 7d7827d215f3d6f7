//! Days named in a policy: a fixed date (`2026-03-11`), a yearly date (`11-09`), or a
//! movable day of the church year (`volkstrauertag`). Blackout days use these.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::time::holidays::{easter_sunday, first_advent};

/// Movable days a policy may name, with the offset from their anchor.
const MOVABLE_DAYS: &[(&str, Anchor, i64)] = &[
    ("karfreitag", Anchor::Easter, -2),
    ("ostersonntag", Anchor::Easter, 0),
    ("pfingstsonntag", Anchor::Easter, 49),
    // Sunday two weeks before the first Advent (national day of mourning).
    ("volkstrauertag", Anchor::FirstAdvent, -14),
    // Buß- und Bettag: the Wednesday before Totensonntag.
    ("buss-und-bettag", Anchor::FirstAdvent, -11),
    // Totensonntag / Ewigkeitssonntag: the Sunday before the first Advent.
    ("totensonntag", Anchor::FirstAdvent, -7),
];

/// What a movable day is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Easter Sunday.
    Easter,
    /// The first Sunday of Advent.
    FirstAdvent,
}

/// A day as a policy names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DaySpec {
    /// One date.
    Once(Date),
    /// The same month and day every year.
    Yearly { month: i8, day: i8 },
    /// A day of the church year, `offset` days from its anchor.
    Movable { anchor: Anchor, offset: i64 },
}

impl DaySpec {
    /// Parses `YYYY-MM-DD`, `MM-DD` or a movable day's name; `None` if it is none of them.
    pub fn parse(text: &str) -> Option<DaySpec> {
        let text = text.trim();
        let lower = text.to_lowercase();
        if let Some(&(_, anchor, offset)) = MOVABLE_DAYS.iter().find(|(name, ..)| *name == lower) {
            return Some(DaySpec::Movable { anchor, offset });
        }
        if let Ok(date) = text.parse::<Date>() {
            return Some(DaySpec::Once(date));
        }
        let (month, day) = text.split_once('-')?;
        let all_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(month) || !all_digits(day) {
            return None;
        }
        let (month, day) = (month.parse().ok()?, day.parse().ok()?);
        // 29 February is valid in leap years; check against one.
        Date::new(2024, month, day).ok()?;
        Some(DaySpec::Yearly { month, day })
    }

    /// Whether `date` is this day.
    pub fn matches(&self, date: Date) -> bool {
        match *self {
            DaySpec::Once(once) => once == date,
            DaySpec::Yearly { month, day } => date.month() == month && date.day() == day,
            DaySpec::Movable { anchor, offset } => {
                let base = match anchor {
                    Anchor::Easter => easter_sunday(date.year()),
                    Anchor::FirstAdvent => first_advent(date.year()),
                };
                base.and_then(|base| base.checked_add(offset.days()).ok()) == Some(date)
            }
        }
    }
}

/// The movable day names a policy may use, for help texts.
pub(crate) fn movable_day_names() -> String {
    MOVABLE_DAYS
        .iter()
        .map(|(name, ..)| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn remembrance_sundays_before_advent() {
        // First Advent 2026: 29 November.
        let volkstrauertag = DaySpec::parse("volkstrauertag").unwrap();
        let totensonntag = DaySpec::parse("Totensonntag").unwrap();
        assert!(volkstrauertag.matches(date(2026, 11, 15)));
        assert!(!volkstrauertag.matches(date(2026, 11, 22)));
        assert!(totensonntag.matches(date(2026, 11, 22)));
        // First Advent 2028: 3 December, the latest possible.
        assert!(volkstrauertag.matches(date(2028, 11, 19)));
        assert!(totensonntag.matches(date(2028, 11, 26)));
    }

    #[test]
    fn good_friday_follows_easter() {
        let good_friday = DaySpec::parse("karfreitag").unwrap();
        assert!(good_friday.matches(date(2026, 4, 3)));
        assert!(good_friday.matches(date(2025, 4, 18)));
        assert!(!good_friday.matches(date(2026, 4, 10)));
    }

    #[test]
    fn fixed_and_yearly_dates() {
        assert!(
            DaySpec::parse("2026-03-11")
                .unwrap()
                .matches(date(2026, 3, 11))
        );
        assert!(
            !DaySpec::parse("2026-03-11")
                .unwrap()
                .matches(date(2027, 3, 11))
        );
        let yearly = DaySpec::parse("01-27").unwrap();
        assert!(yearly.matches(date(2026, 1, 27)) && yearly.matches(date(2030, 1, 27)));
        assert!(DaySpec::parse("02-29").is_some());
    }

    #[test]
    fn nonsense_is_refused() {
        for text in ["", "volkstrauer", "13-01", "2026-02-30", "1-27", "heute"] {
            assert_eq!(DaySpec::parse(text), None, "{text}");
        }
    }
}
