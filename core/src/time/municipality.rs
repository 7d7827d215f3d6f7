//! Holidays of single municipalities: where a state's holiday act makes a day a public
//! holiday only in some of its municipalities, the policy names its municipality by its
//! official key (Amtlicher Gemeindeschlüssel, AGS: 8 digits, the first two the state) and
//! gets exactly that municipality's holidays.
//!
//! Every value below cites its primary source. Municipality keys are those of the
//! municipality register as printed in the annex to the Mietniveau-Einstufungsverordnung
//! (MietNEinV) of 18 August 2021, BGBl. I 2021 S. 3738 ff., Gebietsstand 25 January 2021
//! (the register of the Federal Statistical Office in a federal regulation).
//!
//! - **Mariä Himmelfahrt (15 August) in Bavaria**: a holiday "in Gemeinden mit überwiegend
//!   katholischer Bevölkerung" (Bayerisches Feiertagsgesetz, FTG, of 21 May 1980, Art. 1
//!   Abs. 1 Nr. 2); which municipalities those are is determined by the Bayerisches
//!   Landesamt für Statistik from the last census (Art. 1 Abs. 3 FTG): since 15 August 2025
//!   from the Zensus 2022, 1,708 of 2,056 municipalities (LfStat press release 217/2025 of
//!   8 August 2025; database at statistik.bayern.de/statistik/gebiet_bevoelkerung/zensus/
//!   himmelfahrt). That complete list is not shipped here, because it could not be obtained
//!   from a verifiable copy; only what the Landesamt's press releases state outright:
//!   every municipality of the Regierungsbezirke Oberbayern (keys `091…`) and Niederbayern
//!   (`092…`) has the holiday (press release 233/2014 of 8 August 2014, and 217/2025 names
//!   the only eight municipalities that changed, none of them there); of the other large
//!   cities Augsburg, Regensburg and Würzburg have it, Nürnberg, Fürth and Erlangen do not
//!   (press releases 219/2012 of 10 August 2012 and 233/2014; none of them among the eight
//!   changes of 2025). For any other Bavarian municipality the policy says
//!   `assumption-day = true` or `false`, as the Landesamt's database shows.
//! - **Augsburger Hohes Friedensfest (8 August)**: a holiday in the city of Augsburg only
//!   (FTG Art. 1 Abs. 2), key `09761000`.
//! - **Fronleichnam in Saxony**: a holiday only in the Catholic Sorbian municipalities of
//!   the Landkreis Bautzen that the Verordnung des Sächsischen Staatsministeriums des Innern
//!   über den regionalen Feiertag Fronleichnam (FronleichnamsVO) of 4 May 1993 (SächsGVBl.
//!   S. 417), last amended 30 May 1995 (SächsGVBl. S. 160), names under § 1 Abs. 1 of the
//!   Gesetz über Sonn- und Feiertage im Freistaat Sachsen (SächsSFG) of 10 November 1992:
//!   in today's municipalities wholly Crostwitz, Nebelschütz, Panschwitz-Kuckau, Puschwitz,
//!   Räckelwitz, Radibor, Ralbitz-Rosenthal and Wittichenau, and in part Bautzen (Bolbritz,
//!   Salzenforst), Göda (Prischwitz), Großdubrau (Sdier), Hoyerswerda (Dörgenhausen),
//!   Königswartha (all but Wartha) and Neschwitz (Neschwitz, Saritsch). Where only a part
//!   of a municipality is listed, the policy says `corpus-christi = true` or `false`.
//! - **Fronleichnam in Thuringia**: a holiday in municipalities with a predominantly
//!   Catholic population that a Verordnung names under § 2 Abs. 2 of the Thüringer Feier-
//!   und Gedenktagsgesetz (ThürFGtG) of 21 December 1994, last amended 19 March 2019: the
//!   whole Landkreis Eichsfeld (keys `16061…`; Landratsamt Eichsfeld, "Feiertagsrecht"),
//!   and in the Unstrut-Hainich-Kreis and the Wartburgkreis wholly Buttlar, Geisa, Schleid
//!   and Südeichsfeld, in part Anrode (Bickenriede, Zella), Dünwald (Beberstedt, Hüpstedt),
//!   Rodeberg (Struth) and Dermbach (the former municipalities Brunnhartshausen, only
//!   Föhlritz and Steinberg, and Zella/Rhön, merged into Dermbach); in part means
//!   `corpus-christi = true` or `false` again. The list of the Verordnung is taken as
//!   reproduced by the Landratsamt and the press (2025); its text itself was not at hand.
//! - **Buß- und Bettag** is a holiday in all of Saxony (SächsSFG § 1 Abs. 1), counted with
//!   the state, as before.

use crate::time::holidays::FederalState;

/// Bavarian municipalities known to have Mariä Himmelfahrt outside Ober- and Niederbayern.
const ASSUMPTION_DAY_YES: &[(&str, &str)] = &[
    ("09761000", "Augsburg"),
    ("09362000", "Regensburg"),
    ("09663000", "Würzburg"),
];
/// Bavarian municipalities known not to have it.
const ASSUMPTION_DAY_NO: &[(&str, &str)] = &[
    ("09564000", "Nürnberg"),
    ("09563000", "Fürth"),
    ("09562000", "Erlangen"),
];
/// The city of Augsburg: Augsburger Hohes Friedensfest.
pub(crate) const AUGSBURG: &str = "09761000";

/// Municipalities where Fronleichnam is a holiday in all their parts (Saxony and the
/// Thuringian districts outside the Eichsfeld).
const CORPUS_CHRISTI_WHOLE: &[(&str, &str)] = &[
    ("14625080", "Crostwitz"),
    ("14625350", "Nebelschütz"),
    ("14625440", "Panschwitz-Kuckau"),
    ("14625460", "Puschwitz"),
    ("14625470", "Räckelwitz"),
    ("14625490", "Radibor"),
    ("14625500", "Ralbitz-Rosenthal"),
    ("14625640", "Wittichenau"),
    ("16063011", "Buttlar"),
    ("16063032", "Geisa"),
    ("16063068", "Schleid"),
    ("16064074", "Südeichsfeld"),
];
/// Municipalities where Fronleichnam is a holiday in some parts only, with those parts.
const CORPUS_CHRISTI_PART: &[(&str, &str, &str)] = &[
    ("14625020", "Bautzen", "Bolbritz, Salzenforst"),
    ("14625150", "Göda", "Prischwitz"),
    ("14625160", "Großdubrau", "Sdier"),
    ("14625240", "Hoyerswerda", "Dörgenhausen"),
    ("14625280", "Königswartha", "alle außer Wartha"),
    ("14625360", "Neschwitz", "Neschwitz, Saritsch"),
    ("16064073", "Anrode", "Bickenriede, Zella"),
    ("16064014", "Dünwald", "Beberstedt, Hüpstedt"),
    ("16064055", "Rodeberg", "Struth"),
    ("16063015", "Dermbach", "Föhlritz, Steinberg, Zella/Rhön"),
];
/// Key prefix of the Landkreis Eichsfeld.
const EICHSFELD: &str = "16061";

/// What the municipality tables say about one holiday in one municipality.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Known {
    /// A holiday there.
    Yes,
    /// No holiday there.
    No,
    /// Not known here: the policy must say (Bavaria outside the known municipalities).
    Unknown,
    /// A holiday in the named parts of the municipality only: the policy must say.
    InPart {
        name: &'static str,
        parts: &'static str,
    },
}

/// The state a municipality key belongs to (its first two digits), if the key is 8 digits.
pub(crate) fn state_of_key(key: &str) -> Option<FederalState> {
    use FederalState::*;
    if key.len() != 8 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match key.get(..2)? {
        "01" => SH,
        "02" => HH,
        "03" => NI,
        "04" => HB,
        "05" => NW,
        "06" => HE,
        "07" => RP,
        "08" => BW,
        "09" => BY,
        "10" => SL,
        "11" => BE,
        "12" => BB,
        "13" => MV,
        "14" => SN,
        "15" => ST,
        "16" => TH,
        _ => return None,
    })
}

/// Mariä Himmelfahrt in a Bavarian municipality.
pub(crate) fn assumption_day(key: &str) -> Known {
    let listed = |table: &[(&str, &str)]| table.iter().any(|(k, _)| *k == key);
    if key.starts_with("091") || key.starts_with("092") || listed(ASSUMPTION_DAY_YES) {
        Known::Yes
    } else if listed(ASSUMPTION_DAY_NO) {
        Known::No
    } else {
        Known::Unknown
    }
}

/// Fronleichnam in a Saxon or Thuringian municipality.
pub(crate) fn corpus_christi(key: &str) -> Known {
    if key.starts_with(EICHSFELD) || CORPUS_CHRISTI_WHOLE.iter().any(|(k, _)| *k == key) {
        return Known::Yes;
    }
    match CORPUS_CHRISTI_PART.iter().find(|(k, ..)| *k == key) {
        Some(&(_, name, parts)) => Known::InPart { name, parts },
        None => Known::No,
    }
}

/// The holidays of one place that its state does not give everywhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct LocalHolidays {
    /// Mariä Himmelfahrt (Bavaria).
    pub assumption_day: bool,
    /// Fronleichnam (Saxony, Thuringia).
    pub corpus_christi: bool,
    /// Augsburger Hohes Friedensfest (the city of Augsburg).
    pub peace_festival: bool,
}

/// Where an account's public holidays are those of: a state, optionally one municipality
/// of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HolidayRegion {
    /// The federal state.
    pub state: FederalState,
    /// The municipality's key, if the policy names one (for messages).
    pub municipality: Option<String>,
    pub(crate) local: LocalHolidays,
}

impl HolidayRegion {
    /// A whole state without municipal holidays: how a policy with only `federal-state`
    /// reads in states whose municipal holidays need no key (not Bavaria).
    #[cfg(test)]
    pub(crate) fn state(state: FederalState) -> HolidayRegion {
        HolidayRegion {
            state,
            municipality: None,
            local: LocalHolidays::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paderborn_key_names_north_rhine_westphalia() {
        assert_eq!(state_of_key("05774032"), Some(FederalState::NW));
        assert_eq!(state_of_key("09761000"), Some(FederalState::BY));
        assert_eq!(state_of_key("16061045"), Some(FederalState::TH));
        for bad in [
            "",
            "0577403",
            "057740321",
            "17000000",
            "00000000",
            "0577403x",
        ] {
            assert_eq!(state_of_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn assumption_day_known_in_upper_bavaria_augsburg_not_nuremberg() {
        assert_eq!(assumption_day("09162000"), Known::Yes); // München
        assert_eq!(assumption_day("09261000"), Known::Yes); // Landshut
        assert_eq!(assumption_day("09761000"), Known::Yes); // Augsburg
        assert_eq!(assumption_day("09564000"), Known::No); // Nürnberg
        assert_eq!(assumption_day("09674223"), Known::Unknown); // Ermershausen
    }

    #[test]
    fn corpus_christi_in_sorbian_and_eichsfeld_municipalities() {
        assert_eq!(corpus_christi("14625080"), Known::Yes); // Crostwitz
        assert_eq!(corpus_christi("16061045"), Known::Yes); // Heilbad Heiligenstadt
        assert_eq!(corpus_christi("16064074"), Known::Yes); // Südeichsfeld
        assert!(matches!(
            corpus_christi("14625020"),
            Known::InPart {
                name: "Bautzen",
                ..
            }
        ));
        assert_eq!(corpus_christi("14612000"), Known::No); // Dresden
        assert_eq!(corpus_christi("16051000"), Known::No); // Erfurt
    }
}
