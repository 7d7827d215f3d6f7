//! Public holidays (gesetzliche Feiertage) of the German federal states.
//!
//! No crate on crates.io fits: `holiday_de` (the only one for the states) depends on
//! chrono, has had no release since 2024, and is wrong for several states (Reformationstag
//! in Hamburg, Bremen, Lower Saxony and Schleswig-Holstein only since 2018, Weltkindertag in
//! Thuringia only since 2019, no Frauentag in Mecklenburg-Western Pomerania since 2023, no
//! nationwide Reformationstag in 2017). So the table below follows the states' holiday acts
//! as summarised in "Gesetzliche Feiertage in Deutschland" (German Wikipedia), with the
//! year each holiday began where that lies after 1995. Holidays of single municipalities
//! (Mariä Himmelfahrt in Bavaria, the Augsburger Friedensfest, Fronleichnam in Sorbian
//! Saxony and in Thuringia) come from the policy's `municipality-key`; see
//! [`municipality`](crate::time::municipality) for their sources.

use jiff::ToSpan;
use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::config::read::policy_enum;
use crate::time::municipality::HolidayRegion;

/// A German federal state by its ISO 3166-2:DE code (`NW` for North Rhine-Westphalia).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub enum FederalState {
    /// Baden-Württemberg.
    BW,
    /// Bayern (Mariä Himmelfahrt only in municipalities with a Catholic majority, the
    /// Augsburger Friedensfest only in Augsburg: see `municipality-key`).
    BY,
    /// Berlin.
    BE,
    /// Brandenburg.
    BB,
    /// Bremen.
    HB,
    /// Hamburg.
    HH,
    /// Hessen.
    HE,
    /// Mecklenburg-Vorpommern.
    MV,
    /// Niedersachsen.
    NI,
    /// Nordrhein-Westfalen.
    NW,
    /// Rheinland-Pfalz.
    RP,
    /// Saarland.
    SL,
    /// Sachsen.
    SN,
    /// Sachsen-Anhalt.
    ST,
    /// Schleswig-Holstein.
    SH,
    /// Thüringen.
    TH,
}

impl FederalState {
    /// The ISO 3166-2:DE code without the `DE-` prefix, as policies write it.
    pub fn code(self) -> &'static str {
        match self {
            FederalState::BW => "BW",
            FederalState::BY => "BY",
            FederalState::BE => "BE",
            FederalState::BB => "BB",
            FederalState::HB => "HB",
            FederalState::HH => "HH",
            FederalState::HE => "HE",
            FederalState::MV => "MV",
            FederalState::NI => "NI",
            FederalState::NW => "NW",
            FederalState::RP => "RP",
            FederalState::SL => "SL",
            FederalState::SN => "SN",
            FederalState::ST => "ST",
            FederalState::SH => "SH",
            FederalState::TH => "TH",
        }
    }
}

/// Easter Sunday of a Gregorian year (the "Anonymous Gregorian algorithm", Meeus/Jones/
/// Butcher), valid for every year jiff can represent.
pub(crate) fn easter_sunday(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The first Sunday of Advent: the fourth Sunday before Christmas Day, between 27 November
/// and 3 December.
pub(crate) fn first_advent(year: i16) -> Option<Date> {
    let latest = Date::new(year, 12, 3).ok()?;
    let back = i64::from(latest.weekday().to_sunday_zero_offset());
    latest.checked_sub(back.days()).ok()
}

/// Days relative to a date (Easter Sunday, first Advent).
fn shifted(base: Option<Date>, days: i64) -> Option<Date> {
    base?.checked_add(days.days()).ok()
}

/// Every public holiday of `year` in `region`, unordered; without a region only the nine
/// holidays common to all states (and the 2017 Reformationstag).
pub(crate) fn public_holidays(
    year: i16,
    region: Option<&HolidayRegion>,
) -> Vec<(Date, &'static str)> {
    use FederalState::*;
    let state = region.map(|region| region.state);
    let local = region.map(|region| region.local).unwrap_or_default();
    let easter = easter_sunday(year);
    let fixed = |month: i8, day: i8| Date::new(year, month, day).ok();
    let mut days: Vec<(Option<Date>, &'static str)> = vec![
        (fixed(1, 1), "Neujahr"),
        (shifted(easter, -2), "Karfreitag"),
        (shifted(easter, 1), "Ostermontag"),
        (fixed(5, 1), "Tag der Arbeit"),
        (shifted(easter, 39), "Christi Himmelfahrt"),
        (shifted(easter, 50), "Pfingstmontag"),
        (fixed(10, 3), "Tag der Deutschen Einheit"),
        (fixed(12, 25), "1. Weihnachtstag"),
        (fixed(12, 26), "2. Weihnachtstag"),
    ];
    let reformation_since = match state {
        Some(BB | MV | SN | ST | TH) => Some(1990),
        Some(HB | HH | NI | SH) => Some(2018),
        _ => None,
    };
    // The 500th anniversary of the Reformation was a holiday in every state.
    if year == 2017 || reformation_since.is_some_and(|since| year >= since) {
        days.push((fixed(10, 31), "Reformationstag"));
    }
    let mut add = |states: &[FederalState], since: i16, date: Option<Date>, name| {
        if state.is_some_and(|s| states.contains(&s)) && year >= since {
            days.push((date, name));
        }
    };
    add(&[BW, BY, ST], 0, fixed(1, 6), "Heilige Drei Könige");
    add(&[BE], 2019, fixed(3, 8), "Internationaler Frauentag");
    add(&[MV], 2023, fixed(3, 8), "Internationaler Frauentag");
    add(&[BB, HE], 0, easter, "Ostersonntag");
    add(&[BB, HE], 0, shifted(easter, 49), "Pfingstsonntag");
    add(
        &[BW, BY, HE, NW, RP, SL],
        0,
        shifted(easter, 60),
        "Fronleichnam",
    );
    // Sorbian Saxony and Catholic Thuringia: only where the municipality has it.
    if local.corpus_christi {
        add(&[SN, TH], 0, shifted(easter, 60), "Fronleichnam");
    }
    add(&[SL], 0, fixed(8, 15), "Mariä Himmelfahrt");
    // Bavaria: only in municipalities with a Catholic majority (FTG Art. 1 Abs. 1 Nr. 2).
    if local.assumption_day {
        add(&[BY], 0, fixed(8, 15), "Mariä Himmelfahrt");
    }
    // The city of Augsburg only (FTG Art. 1 Abs. 2).
    if local.peace_festival {
        add(&[BY], 0, fixed(8, 8), "Augsburger Hohes Friedensfest");
    }
    add(&[TH], 2019, fixed(9, 20), "Weltkindertag");
    add(&[BW, BY, NW, RP, SL], 0, fixed(11, 1), "Allerheiligen");
    // Buß- und Bettag: the Wednesday eleven days before the first Advent.
    add(
        &[SN],
        0,
        shifted(first_advent(year), -11),
        "Buß- und Bettag",
    );
    // Berlin's one-off holidays for the 75th and 80th anniversary of the end of the war.
    if year == 2020 || year == 2025 {
        add(&[BE], 0, fixed(5, 8), "Tag der Befreiung");
    }
    days.into_iter()
        .filter_map(|(date, name)| Some((date?, name)))
        .collect()
}

/// The name of the public holiday on `date` in `region`, if it is one.
pub(crate) fn public_holiday(date: Date, region: Option<&HolidayRegion>) -> Option<&'static str> {
    public_holidays(date.year(), region)
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, name)| name)
}

policy_enum!(FederalState {
    "BW" => BW,
    "BY" => BY,
    "BE" => BE,
    "BB" => BB,
    "HB" => HB,
    "HH" => HH,
    "HE" => HE,
    "MV" => MV,
    "NI" => NI,
    "NW" => NW,
    "RP" => RP,
    "SL" => SL,
    "SN" => SN,
    "ST" => ST,
    "SH" => SH,
    "TH" => TH,
});

#[cfg(test)]
mod tests {
    use super::FederalState::*;
    use super::*;
    use crate::time::municipality::LocalHolidays;
    use jiff::civil::date;

    #[test]
    fn easter_sunday_matches_published_dates() {
        for (year, month, day) in [
            (1818, 3, 22), // earliest possible
            (1943, 4, 25), // latest possible
            (2000, 4, 23),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), Some(date(year, month, day)), "{year}");
        }
    }

    #[test]
    fn first_advent_lies_between_27_november_and_3_december() {
        assert_eq!(first_advent(2025), Some(date(2025, 11, 30)));
        assert_eq!(first_advent(2026), Some(date(2026, 11, 29)));
        assert_eq!(first_advent(2028), Some(date(2028, 12, 3)));
        assert_eq!(first_advent(2027), Some(date(2027, 11, 28)));
        assert_eq!(first_advent(2022), Some(date(2022, 11, 27)));
    }

    #[test]
    fn corpus_christi_in_nrw_and_rhineland_palatinate_not_hamburg() {
        // Fronleichnam 2026: Thursday 4 June (Easter 5 April + 60 days).
        let corpus_christi = date(2026, 6, 4);
        assert_eq!(
            public_holiday(corpus_christi, Some(&HolidayRegion::state(NW))),
            Some("Fronleichnam")
        );
        assert_eq!(
            public_holiday(corpus_christi, Some(&HolidayRegion::state(RP))),
            Some("Fronleichnam")
        );
        assert_eq!(
            public_holiday(corpus_christi, Some(&HolidayRegion::state(HH))),
            None
        );
        assert_eq!(public_holiday(corpus_christi, None), None);
    }

    #[test]
    fn reformation_day_in_hamburg_since_2018_only() {
        assert_eq!(
            public_holiday(date(2026, 10, 31), Some(&HolidayRegion::state(HH))),
            Some("Reformationstag")
        );
        assert_eq!(
            public_holiday(date(2016, 10, 31), Some(&HolidayRegion::state(HH))),
            None
        );
        assert_eq!(
            public_holiday(date(2026, 10, 31), Some(&HolidayRegion::state(NW))),
            None
        );
        // Nationwide once, for the 500th anniversary.
        assert_eq!(
            public_holiday(date(2017, 10, 31), Some(&HolidayRegion::state(NW))),
            Some("Reformationstag")
        );
    }

    #[test]
    fn all_saints_in_nrw_and_rhineland_palatinate_not_hamburg() {
        assert_eq!(
            public_holiday(date(2026, 11, 1), Some(&HolidayRegion::state(NW))),
            Some("Allerheiligen")
        );
        assert_eq!(
            public_holiday(date(2026, 11, 1), Some(&HolidayRegion::state(RP))),
            Some("Allerheiligen")
        );
        assert_eq!(
            public_holiday(date(2026, 11, 1), Some(&HolidayRegion::state(HH))),
            None
        );
    }

    #[test]
    fn movable_feasts_follow_easter() {
        // Easter 2026 is 5 April.
        assert_eq!(
            public_holiday(date(2026, 4, 3), Some(&HolidayRegion::state(HH))),
            Some("Karfreitag")
        );
        assert_eq!(
            public_holiday(date(2026, 4, 6), Some(&HolidayRegion::state(HH))),
            Some("Ostermontag")
        );
        assert_eq!(
            public_holiday(date(2026, 5, 14), Some(&HolidayRegion::state(HH))),
            Some("Christi Himmelfahrt")
        );
        assert_eq!(
            public_holiday(date(2026, 5, 25), Some(&HolidayRegion::state(HH))),
            Some("Pfingstmontag")
        );
        assert_eq!(
            public_holiday(date(2026, 4, 5), Some(&HolidayRegion::state(BB))),
            Some("Ostersonntag")
        );
        assert_eq!(
            public_holiday(date(2026, 4, 5), Some(&HolidayRegion::state(NW))),
            None
        );
    }

    #[test]
    fn state_specific_days() {
        assert_eq!(
            public_holiday(date(2026, 1, 6), Some(&HolidayRegion::state(BY))),
            Some("Heilige Drei Könige")
        );
        assert_eq!(
            public_holiday(date(2026, 1, 6), Some(&HolidayRegion::state(NW))),
            None
        );
        assert_eq!(
            public_holiday(date(2026, 3, 8), Some(&HolidayRegion::state(MV))),
            Some("Internationaler Frauentag")
        );
        assert_eq!(
            public_holiday(date(2022, 3, 8), Some(&HolidayRegion::state(MV))),
            None
        );
        assert_eq!(
            public_holiday(date(2026, 9, 20), Some(&HolidayRegion::state(TH))),
            Some("Weltkindertag")
        );
        assert_eq!(
            public_holiday(date(2026, 8, 15), Some(&HolidayRegion::state(SL))),
            Some("Mariä Himmelfahrt")
        );
        // Buß- und Bettag 2026: Wednesday 18 November, Saxony only.
        assert_eq!(
            public_holiday(date(2026, 11, 18), Some(&HolidayRegion::state(SN))),
            Some("Buß- und Bettag")
        );
        assert_eq!(
            public_holiday(date(2026, 11, 18), Some(&HolidayRegion::state(TH))),
            None
        );
        assert_eq!(
            public_holiday(date(2025, 5, 8), Some(&HolidayRegion::state(BE))),
            Some("Tag der Befreiung")
        );
        assert_eq!(
            public_holiday(date(2026, 5, 8), Some(&HolidayRegion::state(BE))),
            None
        );
    }

    #[test]
    fn holiday_counts_per_state_in_2026() {
        let count = |state| public_holidays(2026, Some(&HolidayRegion::state(state))).len();
        assert_eq!(count(NW), 11);
        assert_eq!(count(RP), 11);
        assert_eq!(count(HH), 10);
        // Without a municipality Bavaria keeps 12: Mariä Himmelfahrt is municipal.
        assert_eq!(count(BY), 12);
        assert_eq!(count(BB), 12);
        assert_eq!(public_holidays(2026, None).len(), 9);
    }

    /// A region of `state` whose municipality has the holidays `set` turns on.
    fn local(state: FederalState, set: impl FnOnce(&mut LocalHolidays)) -> HolidayRegion {
        let mut local = LocalHolidays::default();
        set(&mut local);
        HolidayRegion {
            state,
            municipality: None,
            local,
        }
    }

    #[test]
    fn assumption_day_in_bavaria_only_where_the_municipality_has_it() {
        let catholic = local(BY, |l| l.assumption_day = true);
        let day = date(2026, 8, 15);
        assert_eq!(
            public_holiday(day, Some(&catholic)),
            Some("Mariä Himmelfahrt")
        );
        assert_eq!(public_holiday(day, Some(&HolidayRegion::state(BY))), None);
        // The flag means nothing outside Bavaria.
        let hamburg = local(HH, |l| l.assumption_day = true);
        assert_eq!(public_holiday(day, Some(&hamburg)), None);
    }

    #[test]
    fn augsburg_peace_festival_on_8_august() {
        let augsburg = local(BY, |l| {
            l.assumption_day = true;
            l.peace_festival = true;
        });
        assert_eq!(
            public_holiday(date(2026, 8, 8), Some(&augsburg)),
            Some("Augsburger Hohes Friedensfest")
        );
        assert_eq!(public_holidays(2026, Some(&augsburg)).len(), 14);
    }

    #[test]
    fn corpus_christi_in_saxony_and_thuringia_only_locally() {
        let sorbian = local(SN, |l| l.corpus_christi = true);
        let day = date(2026, 6, 4);
        assert_eq!(public_holiday(day, Some(&sorbian)), Some("Fronleichnam"));
        assert_eq!(public_holiday(day, Some(&HolidayRegion::state(SN))), None);
        assert_eq!(public_holiday(day, Some(&HolidayRegion::state(TH))), None);
        // Statewide Buß- und Bettag stays.
        assert_eq!(
            public_holiday(date(2026, 11, 18), Some(&sorbian)),
            Some("Buß- und Bettag")
        );
    }

    #[test]
    fn ordinary_weekday_is_no_holiday() {
        assert_eq!(
            public_holiday(date(2026, 6, 3), Some(&HolidayRegion::state(NW))),
            None
        );
    }
}
