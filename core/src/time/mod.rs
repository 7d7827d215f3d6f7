//! Calendar facts in an account's time zone: local weeks, office hours, public holidays of
//! the German federal states and movable remembrance days. Everything is computed from
//! timestamps passed in; nothing here reads the clock.

pub(crate) mod days;
pub(crate) mod election;
pub(crate) mod holidays;
pub(crate) mod municipality;
pub(crate) mod office_hours;
pub(crate) mod week;
pub(crate) mod zones;

pub use holidays::FederalState;
pub(crate) use municipality::HolidayRegion;
pub use office_hours::{OfficeHoursSettings, OfficeWindowSettings, Weekday};

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::lang::{Lang, plural};

/// A local date and time for messages: `04.05.2026 10:00` (de), `2026-05-04 10:00` (en).
pub(crate) fn local_label(at: Timestamp, tz: &TimeZone, lang: Lang) -> String {
    let zoned = at.to_zoned(tz.clone());
    match lang {
        Lang::En => zoned.strftime("%Y-%m-%d %H:%M").to_string(),
        _ => zoned.strftime("%d.%m.%Y %H:%M").to_string(),
    }
}

/// A local date for messages: `04.06.2026` (de), `2026-06-04` (en).
pub(crate) fn date_label(date: jiff::civil::Date, lang: Lang) -> String {
    match lang {
        Lang::En => date.strftime("%Y-%m-%d").to_string(),
        _ => date.strftime("%d.%m.%Y").to_string(),
    }
}

/// The weekday's name in the message language: capitalised in German (a noun),
/// lowercase in English like rustc's messages.
pub(crate) fn weekday_name(day: jiff::civil::Weekday, lang: Lang) -> &'static str {
    use jiff::civil::Weekday::*;
    match (lang, day) {
        (Lang::En, Monday) => "monday",
        (Lang::En, Tuesday) => "tuesday",
        (Lang::En, Wednesday) => "wednesday",
        (Lang::En, Thursday) => "thursday",
        (Lang::En, Friday) => "friday",
        (Lang::En, Saturday) => "saturday",
        (Lang::En, Sunday) => "sunday",
        (_, Monday) => "Montag",
        (_, Tuesday) => "Dienstag",
        (_, Wednesday) => "Mittwoch",
        (_, Thursday) => "Donnerstag",
        (_, Friday) => "Freitag",
        (_, Saturday) => "Samstag",
        (_, Sunday) => "Sonntag",
    }
}

/// A span of minutes for messages in a fitting unit: `45 Minuten`, `3 Stunden`, `2 Tage`
/// (rounded down).
pub(crate) fn duration_label(minutes: i64, lang: Lang) -> String {
    let (value, de, en) = if minutes < 120 {
        (
            minutes,
            plural(minutes, "Minute", "Minuten"),
            plural(minutes, "minute", "minutes"),
        )
    } else if minutes < 48 * 60 {
        (minutes / 60, "Stunden", "hours")
    } else {
        (minutes / (24 * 60), "Tage", "days")
    };
    match lang {
        Lang::En => format!("{value} {en}"),
        _ => format!("{value} {de}"),
    }
}
