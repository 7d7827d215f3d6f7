use crate::draft::post_time;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::holidays::public_holiday;
use crate::time::{HolidayRegion, date_label};

rule_settings! {
    /// Settings of `schedule.holiday`. The state is the account's (or the policy's)
    /// `federal-state`.
    #[schemars(rename = "ScheduleHolidaySettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft goes out on a public holiday (gesetzlicher Feiertag) of the account's
    /// `federal-state`: the local date of its `scheduled_at` (else `published_at`, else the
    /// check's `now`) in the account's `time-zone`. The holidays are computed per state and
    /// year: the nine common to all states, Easter-based days (Karfreitag, Ostermontag,
    /// Christi Himmelfahrt, Pfingstmontag, Fronleichnam) from the Gregorian Easter date,
    /// and the states' own days (Fronleichnam and Allerheiligen in `NW` and `RP`,
    /// Reformationstag in `HH` since 2018, …). Without `federal-state` or
    /// `municipality-key` the rule finds nothing: holidays are the states' law, so a policy
    /// opts in by naming its state or its municipality. With the municipality's official
    /// key (Amtlicher Gemeindeschlüssel) the rule also knows the holidays a state gives
    /// only some municipalities: Mariä Himmelfahrt in Bavaria only where the Catholics are
    /// the majority (Art. 1 Abs. 1 Nr. 2 FTG; for municipalities outside Ober- and
    /// Niederbayern and the large cities the policy states it with `assumption-day`, as the
    /// Bayerisches Landesamt für Statistik determines it), the Augsburger Hohes
    /// Friedensfest on 8 August in Augsburg (Art. 1 Abs. 2 FTG), Fronleichnam in the
    /// Catholic Sorbian municipalities of the Landkreis Bautzen (FronleichnamsVO of 4 May
    /// 1993 under § 1 SächsSFG) and in the Thuringian Eichsfeld and the Catholic
    /// municipalities of the Unstrut-Hainich-Kreis and the Wartburgkreis (§ 2 Abs. 2
    /// ThürFGtG); where only some parts of a municipality are listed, `corpus-christi`
    /// says whether the account works in one. Other local days belong in
    /// `schedule.blackout`.
    ///
    /// ## Why
    /// On a public holiday the press office is closed: a post then meets the "Dienstzeiten"
    /// nobody keeps (Stadt Paderborn, Social-Media-Strategie 2021), and "Machen Sie Pause!"
    /// (Arndt, Stadt Moers, KOMMUNAL 2015). Public holidays are set by each state's
    /// Feiertagsgesetz.
    ///
    /// ## Example
    /// An account with `federal-state = "NW"`, draft scheduled for Thursday 4 June 2026
    /// (Fronleichnam) → schedule it for Friday.
    ///
    /// ## Configuration
    /// ```toml
    /// federal-state = "NW"            # or per account: [accounts.<id>] federal-state = "NW"
    /// # or the municipality, which gives the state: Augsburg, with Mariä Himmelfahrt and
    /// # the Friedensfest
    /// # municipality-key = "09761000"
    /// # a Bavarian municipality whose status freigabe does not know
    /// # municipality-key = "09674223"
    /// # assumption-day = false
    ///
    /// [rules."schedule.holiday"]
    /// severity = "warning"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf erscheint an einem gesetzlichen Feiertag im `federal-state` des Kontos:
    /// Maßgeblich ist das örtliche Datum seines `scheduled_at` (sonst `published_at`, sonst des
    /// `now` der Prüfung) in der `time-zone` des Kontos. Die Feiertage werden je Land und Jahr
    /// berechnet: die neun, die alle Länder gemeinsam haben, die von Ostern abhängigen Tage
    /// (Karfreitag, Ostermontag, Christi Himmelfahrt, Pfingstmontag, Fronleichnam) aus dem
    /// gregorianischen Osterdatum und die eigenen Tage der Länder (Fronleichnam und Allerheiligen
    /// in `NW` und `RP`, Reformationstag in `HH` seit 2018, …). Ohne `federal-state` oder
    /// `municipality-key` findet die Regel nichts: Feiertage sind Landesrecht, daher schaltet
    /// eine Richtlinie die Regel ein, indem sie ihr Land oder ihre Gemeinde nennt. Mit dem
    /// Amtlichen Gemeindeschlüssel der Gemeinde kennt die Regel auch die Feiertage, die ein Land
    /// nur einzelnen Gemeinden gibt: Mariä Himmelfahrt in Bayern nur dort, wo Katholiken die
    /// Mehrheit bilden (Art. 1 Abs. 1 Nr. 2 FTG; für Gemeinden außerhalb Ober- und Niederbayerns
    /// und der Großstädte gibt die Richtlinie dies mit `assumption-day` an, so wie es das
    /// Bayerische Landesamt für Statistik feststellt), das Augsburger Hohe Friedensfest am 8.
    /// August in Augsburg (Art. 1 Abs. 2 FTG), Fronleichnam in den katholischen sorbischen
    /// Gemeinden des Landkreises Bautzen (FronleichnamsVO vom 4. Mai 1993 nach § 1 SächsSFG)
    /// sowie im thüringischen Eichsfeld und in den katholischen Gemeinden des
    /// Unstrut-Hainich-Kreises und des Wartburgkreises (§ 2 Abs. 2 ThürFGtG); wo nur einzelne
    /// Ortsteile einer Gemeinde aufgeführt sind, gibt `corpus-christi` an, ob das Konto in einem
    /// davon arbeitet. Andere örtliche Tage gehören in `schedule.blackout`.
    ///
    /// ## Warum
    /// An einem gesetzlichen Feiertag ist die Pressestelle nicht besetzt: Ein Beitrag erscheint
    /// dann außerhalb der „Dienstzeiten“ (Stadt Paderborn, Social-Media-Strategie 2021), und
    /// „Machen Sie Pause!“ (Arndt, Stadt Moers, KOMMUNAL 2015). Gesetzliche Feiertage legt das
    /// Feiertagsgesetz des jeweiligen Landes fest.
    ///
    /// ## Beispiel
    /// Ein Konto mit `federal-state = "NW"`, Entwurf geplant für Donnerstag, den 4. Juni 2026
    /// (Fronleichnam) → Den Beitrag auf Freitag legen.
    ///
    /// ## Einstellungen
    /// ```toml
    /// federal-state = "NW"            # oder je Konto: [accounts.<id>] federal-state = "NW"
    /// # oder die Gemeinde, aus der sich das Land ergibt: Augsburg, mit Mariä Himmelfahrt und
    /// # dem Friedensfest
    /// # municipality-key = "09761000"
    /// # eine bayerische Gemeinde, deren Status freigabe nicht kennt
    /// # municipality-key = "09674223"
    /// # assumption-day = false
    ///
    /// [rules."schedule.holiday"]
    /// severity = "warning"
    /// ```
    pub(crate) struct ScheduleHoliday {
        region: Option<HolidayRegion>,
    }
}

impl RuleDef for ScheduleHoliday {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Beitrag an einem Feiertag",
        en: "Post on a public holiday",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(ScheduleHoliday {
            region: account.holidays.clone(),
        })
    }
}

impl Rule for ScheduleHoliday {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let (Some(region), Some(at)) = (&self.region, post_time(cx.draft, cx.now)) else {
            return;
        };
        let day = at.to_zoned(cx.account.time_zone.clone()).date();
        let Some(holiday) = public_holiday(day, Some(region)) else {
            return;
        };
        let date = date_label(day, cx.lang);
        let state = region.state.code();
        let message = match &region.municipality {
            None => tr!(cx.lang,
                de: "Am {date} ist `{holiday}`, gesetzlicher Feiertag in `{state}`",
                en: "{date} is `{holiday}`, a public holiday in `{state}`"),
            Some(key) => tr!(cx.lang,
                de: "Am {date} ist `{holiday}`, gesetzlicher Feiertag in `{state}` (Gemeinde `{key}`)",
                en: "{date} is `{holiday}`, a public holiday in `{state}` (municipality `{key}`)"),
        };
        out.push(Finding::new(
            message,
            tr!(cx.lang,
                de: "Den Beitrag auf einen Arbeitstag legen oder vorher klären, wer am Feiertag antwortet",
                en: "schedule the post for a working day, or settle first who answers on the holiday"),
        ));
    }
}
