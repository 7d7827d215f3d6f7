use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::account::AccountKind;
use crate::config::localized;
use crate::draft::post_time;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::date_label;
use crate::time::days::{DaySpec, movable_day_names};

/// A day without regular posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BlackoutDay {
    /// Name for messages, e.g. `Volkstrauertag`.
    pub name: String,
    /// `YYYY-MM-DD` for one date (a day of mourning), `MM-DD` for every year, or a
    /// movable day: `karfreitag`, `ostersonntag`, `pfingstsonntag`, `volkstrauertag`
    /// (Sunday two weeks before the first Advent), `buss-und-bettag`, `totensonntag`
    /// (Sunday before the first Advent).
    pub date: String,
}
crate::config::read::policy_struct!(BlackoutDay {
    name: required,
    date: required
});

rule_settings! {
    /// Settings of `schedule.blackout`.
    #[schemars(rename = "ScheduleBlackoutSettings")]
    pub struct Settings {
        /// The blackout days, each `{ name = "…", date = "…" }` with `date` as
        /// `YYYY-MM-DD`, `MM-DD` or a movable day (`volkstrauertag`, `totensonntag`,
        /// `buss-und-bettag`, `karfreitag`, `ostersonntag`, `pfingstsonntag`). The base
        /// policy lists Volkstrauertag and Totensonntag; a more specific layer replaces the
        /// whole list.
        pub days: Option<Vec<BlackoutDay>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// The draft goes out on a blackout day of the policy: the local date of its
    /// `scheduled_at` (else `published_at`, else the check's `now`) in the account's
    /// `time-zone` is one of `days`. A day is a fixed date (a day of mourning, `2026-03-11`),
    /// a yearly date (`01-27`) or a movable day of the church year (`volkstrauertag`,
    /// `totensonntag`, `karfreitag`, …), computed for the year of the draft. Private
    /// accounts are not checked: a person's own posts on such a day are their own matter.
    ///
    /// ## Why
    /// On silent days ("stille Tage" of the states' holiday acts, such as Volkstrauertag
    /// and Totensonntag) and on days of official mourning, a city's cheerful announcement
    /// reads as tactless. Sander (Kommune21-Forum) asks for publishing under
    /// "Zeit- /Schlagwortsteuerung": planned posts must not slip onto such a day.
    ///
    /// ## Example
    /// Draft scheduled for Sunday 15 November 2026 (Volkstrauertag) → move it, or post only
    /// what fits the day.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."schedule.blackout"]
    /// days = [
    ///   { name = "Volkstrauertag", date = "volkstrauertag" },
    ///   { name = "Totensonntag", date = "totensonntag" },
    ///   { name = "Trauertag für die Opfer des Unglücks", date = "2026-03-11" },
    /// ]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf erscheint an einem Sperrtag der Richtlinie: Das örtliche Datum seines
    /// `scheduled_at` (sonst `published_at`, sonst des `now` der Prüfung) in der `time-zone` des
    /// Kontos ist einer der `days`. Ein Tag ist ein festes Datum (ein Trauertag, `2026-03-11`),
    /// ein jährliches Datum (`01-27`) oder ein beweglicher Tag des Kirchenjahres
    /// (`volkstrauertag`, `totensonntag`, `karfreitag`, …), berechnet für das Jahr des Entwurfs.
    /// Private Konten werden nicht geprüft: Was eine Person an einem solchen Tag selbst
    /// veröffentlicht, ist ihre eigene Sache.
    ///
    /// ## Warum
    /// An stillen Tagen („stille Tage“ der Feiertagsgesetze der Länder, etwa Volkstrauertag und
    /// Totensonntag) und an Tagen amtlicher Trauer wirkt eine fröhliche Ankündigung der Stadt
    /// taktlos. Sander (Kommune21-Forum) fordert eine Veröffentlichung mit „Zeit-
    /// /Schlagwortsteuerung“: Geplante Beiträge dürfen nicht auf einen solchen Tag rutschen.
    ///
    /// ## Beispiel
    /// Entwurf geplant für Sonntag, den 15. November 2026 (Volkstrauertag) → Den Beitrag
    /// verschieben oder nur veröffentlichen, was zum Tag passt.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."schedule.blackout"]
    /// days = [
    ///   { name = "Volkstrauertag", date = "volkstrauertag" },
    ///   { name = "Totensonntag", date = "totensonntag" },
    ///   { name = "Trauertag für die Opfer des Unglücks", date = "2026-03-11" },
    /// ]
    /// ```
    pub(crate) struct ScheduleBlackout {
        days: Vec<(String, DaySpec)>,
    }
}

impl RuleDef for ScheduleBlackout {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Beitrag an einem Sperrtag",
        en: "Post on a blackout day",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let mut days = Vec::new();
        for (index, day) in settings.days.iter().flatten().enumerate() {
            let written = &day.date;
            let Some(spec) = DaySpec::parse(written) else {
                let names = movable_day_names();
                return Err(SettingError {
                    key: "days",
                    entry: Some(index),
                    message: localized!(
                        de: "`{written}` ist kein Tag: `JJJJ-MM-TT`, `MM-TT` oder einer von {names}",
                        en: "`{written}` is not a day: `YYYY-MM-DD`, `MM-DD` or one of {names}",
                    ),
                });
            };
            days.push((day.name.clone(), spec));
        }
        Ok(ScheduleBlackout { days })
    }
}

impl Rule for ScheduleBlackout {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if self.days.is_empty() || cx.account.kind != AccountKind::Official {
            return;
        }
        let Some(at) = post_time(cx.draft, cx.now) else {
            return;
        };
        let day = at.to_zoned(cx.account.time_zone.clone()).date();
        let Some((name, _)) = self.days.iter().find(|(_, spec)| spec.matches(day)) else {
            return;
        };
        let date = date_label(day, cx.lang);
        out.push(Finding::new(
            tr!(cx.lang,
                de: "Am {date} ist `{name}`, ein Sperrtag für reguläre Beiträge",
                en: "{date} is `{name}`, a blackout day for regular posts"),
            tr!(cx.lang,
                de: "Den Beitrag verschieben oder nur veröffentlichen, was zum Tag passt",
                en: "move the post, or publish only what suits the day"),
        ));
    }
}
