//! Office hours ("Dienstzeiten"): the weekly windows in which someone watches an account's
//! channels and answers, as the policy writes them and as the rules use them.

use jiff::Zoned;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::config::read::{policy_enum, policy_struct};
use crate::config::{Localized, localized};

/// A day of the week as a policy writes it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    fn of(day: jiff::civil::Weekday) -> Weekday {
        // `to_monday_zero_offset` is 0..=6, so the index is always in range.
        let index = usize::try_from(day.to_monday_zero_offset()).unwrap_or(0);
        Weekday::ALL.get(index).copied().unwrap_or(Weekday::Mon)
    }

    fn code(self) -> &'static str {
        match self {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }
}

/// Office hours of an account (`[accounts.<id>.office-hours]`): when someone watches the
/// channels and answers ("Dienstzeiten", Stadt Paderborn, Social-Media-Strategie 2021).
/// Without them the `schedule.outside-hours` rule finds nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OfficeHoursSettings {
    /// Weekly windows in the account's time zone, e.g.
    /// `[{ days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00" }]`.
    /// Several windows may cover one day (a lunch break).
    #[serde(default)]
    pub windows: Vec<OfficeWindowSettings>,
    /// Where the hours come from (guideline, service notice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One weekly window of office hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OfficeWindowSettings {
    /// Days the window applies to: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`.
    pub days: Vec<Weekday>,
    /// Local start time, `HH:MM` (24-hour clock).
    pub from: String,
    /// Local end time, `HH:MM`, after `from`; `24:00` is the end of the day.
    pub to: String,
}

/// Office hours ready for checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct OfficeHours {
    windows: Vec<OfficeWindow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct OfficeWindow {
    days: Vec<Weekday>,
    /// Minutes after local midnight.
    from: u32,
    to: u32,
}

/// A window of the policy that is unusable: its index, the key and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OfficeHoursError {
    pub window: usize,
    pub key: &'static str,
    pub message: Localized,
}

const MINUTES_PER_DAY: u32 = 24 * 60;

/// Parses `HH:MM` into minutes after midnight; `24:00` is allowed as the end of a day.
fn parse_clock(text: &str) -> Option<u32> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let two_digits = |part: &str| part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !two_digits(hours) || !two_digits(minutes) {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    let total = hours * 60 + minutes;
    (minutes < 60 && total <= MINUTES_PER_DAY).then_some(total)
}

fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl OfficeHours {
    /// Validates the policy's windows.
    pub fn compile(settings: &OfficeHoursSettings) -> Result<OfficeHours, OfficeHoursError> {
        let mut windows = Vec::new();
        for (window, written) in settings.windows.iter().enumerate() {
            let parse = |key: &'static str, text: &str| {
                parse_clock(text).ok_or_else(|| OfficeHoursError {
                    window,
                    key,
                    message: localized!(
                        de: "`{text}` ist keine Uhrzeit im Format `HH:MM` (z. B. `08:30`)",
                        en: "`{text}` is not a time of the form `HH:MM` (e.g. `08:30`)",
                    ),
                })
            };
            let from = parse("from", &written.from)?;
            let to = parse("to", &written.to)?;
            if from >= to {
                let (from, to) = (&written.from, &written.to);
                return Err(OfficeHoursError {
                    window,
                    key: "to",
                    message: localized!(
                        de: "Das Ende `{to}` liegt nicht nach dem Beginn `{from}`",
                        en: "the end `{to}` is not after the start `{from}`",
                    ),
                });
            }
            if written.days.is_empty() {
                return Err(OfficeHoursError {
                    window,
                    key: "days",
                    message: localized!(
                        de: "Das Zeitfenster nennt keine Wochentage",
                        en: "the window names no days of the week",
                    ),
                });
            }
            windows.push(OfficeWindow {
                days: written.days.clone(),
                from,
                to,
            });
        }
        Ok(OfficeHours { windows })
    }

    /// Whether the policy gave any hours.
    pub fn is_empty(&self) -> bool {
        self.windows.is_empty()
    }

    /// Whether a window covers the local time `at` and the `after` minutes that follow it
    /// on the same day.
    pub fn covers(&self, at: &Zoned, after: u32) -> bool {
        let day = Weekday::of(at.weekday());
        let time = at.time();
        // In seconds: 16:59:30 plus a minute is past a window ending 17:00.
        let start = i64::from(time.hour()) * 3600
            + i64::from(time.minute()) * 60
            + i64::from(time.second());
        let end = start + i64::from(after) * 60;
        self.windows.iter().any(|window| {
            let (from, to) = (i64::from(window.from) * 60, i64::from(window.to) * 60);
            window.days.contains(&day) && from <= start && start < to && end <= to
        })
    }

    /// The windows of a weekday as minutes after local midnight, `(from, to)`, for
    /// measuring time spent inside office hours.
    pub fn windows_on(&self, day: jiff::civil::Weekday) -> impl Iterator<Item = (u32, u32)> + '_ {
        let day = Weekday::of(day);
        self.windows
            .iter()
            .filter(move |window| window.days.contains(&day))
            .map(|window| (window.from, window.to))
    }

    /// The hours as the policy wrote them, for messages: `mon–fri 09:00–17:00`.
    pub fn describe(&self) -> String {
        self.windows
            .iter()
            .map(|window| {
                format!(
                    "{} {}–{}",
                    describe_days(&window.days),
                    clock(window.from),
                    clock(window.to)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `mon–fri` for a run of days, `mon, wed` otherwise.
fn describe_days(days: &[Weekday]) -> String {
    let mut sorted = days.to_vec();
    sorted.sort();
    sorted.dedup();
    let contiguous = sorted
        .windows(2)
        .all(|pair| matches!(pair, [a, b] if (*b as u8) == (*a as u8) + 1));
    match (sorted.first(), sorted.last()) {
        (Some(first), Some(last)) if contiguous && sorted.len() > 2 => {
            format!("{}–{}", first.code(), last.code())
        }
        _ => sorted
            .iter()
            .map(|day| day.code())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

policy_enum!(Weekday {
    "mon" => Mon,
    "tue" => Tue,
    "wed" => Wed,
    "thu" => Thu,
    "fri" => Fri,
    "sat" => Sat,
    "sun" => Sun,
});
policy_struct!(OfficeHoursSettings { windows, source });
policy_struct!(OfficeWindowSettings {
    days: required,
    from: required,
    to: required
});

#[cfg(test)]
mod tests {
    use super::*;

    fn weekdays(from: &str, to: &str) -> OfficeHours {
        OfficeHours::compile(&OfficeHoursSettings {
            windows: vec![OfficeWindowSettings {
                days: vec![
                    Weekday::Mon,
                    Weekday::Tue,
                    Weekday::Wed,
                    Weekday::Thu,
                    Weekday::Fri,
                ],
                from: from.into(),
                to: to.into(),
            }],
            source: None,
        })
        .unwrap()
    }

    fn local(text: &str) -> Zoned {
        format!("{text}[Europe/Berlin]").parse().unwrap()
    }

    #[test]
    fn inside_and_outside_the_window() {
        let hours = weekdays("08:30", "14:00");
        assert!(hours.covers(&local("2026-05-04T08:30:00+02:00"), 0));
        assert!(hours.covers(&local("2026-05-04T13:59:59+02:00"), 0));
        assert!(!hours.covers(&local("2026-05-04T14:00:00+02:00"), 0));
        assert!(!hours.covers(&local("2026-05-04T08:29:00+02:00"), 0));
        // Saturday.
        assert!(!hours.covers(&local("2026-05-09T10:00:00+02:00"), 0));
    }

    #[test]
    fn reply_time_must_fit_before_closing() {
        let hours = weekdays("09:00", "17:00");
        assert!(hours.covers(&local("2026-05-04T16:00:00+02:00"), 60));
        assert!(!hours.covers(&local("2026-05-04T16:01:00+02:00"), 60));
    }

    #[test]
    fn describes_runs_of_days() {
        assert_eq!(weekdays("09:00", "17:00").describe(), "mon–fri 09:00–17:00");
    }

    #[test]
    fn refuses_bad_clock_times_and_empty_windows() {
        for (from, to) in [
            ("9:00", "17:00"),
            ("09:00", "25:00"),
            ("17:00", "09:00"),
            ("09:60", "10:00"),
        ] {
            let result = OfficeHours::compile(&OfficeHoursSettings {
                windows: vec![OfficeWindowSettings {
                    days: vec![Weekday::Mon],
                    from: from.into(),
                    to: to.into(),
                }],
                source: None,
            });
            assert!(result.is_err(), "{from}–{to}");
        }
        assert_eq!(parse_clock("24:00"), Some(1440));
    }
}
