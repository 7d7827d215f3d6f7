use crate::config::localized;
use crate::draft::post_time;
use crate::lang::{plural, tr};
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::office_hours::OfficeHours;
use crate::time::{local_label, weekday_name};

/// Longest reply time a post may ask for: a whole day.
const MAX_REPLY_MINUTES: u32 = 24 * 60;

rule_settings! {
    /// Settings of `schedule.outside-hours`. The hours themselves are the account's
    /// `office-hours`.
    #[schemars(rename = "ScheduleOutsideHoursSettings")]
    pub struct Settings {
        /// Minutes of office hours that must remain after the post goes out, for the first
        /// reactions (default 0, at most 1440).
        pub reply_minutes: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// The draft goes out outside the account's `office-hours`: its `scheduled_at` (else
    /// `published_at`, else the check's `now`), in the account's `time-zone`, lies in no
    /// window of the weekday, or less than `reply-minutes` before the window closes. Without
    /// `office-hours` the rule finds nothing. Public holidays are `schedule.holiday`'s.
    ///
    /// ## Why
    /// Paderborn ties "Erreichbarkeit (der Zeitraum, in dem Nutzer kurzfristig mit einer
    /// Antwort rechnen können)" to "Dienstzeiten" (Stadt Paderborn, Social-Media-Strategie
    /// 2021); the hours are the account's own (typical service hours: weekdays 8:30–14:00
    /// or 9:00–17:00). "Machen Sie Pause! Eine Rund-um-die-Uhr-Betreuung Ihrer Plattformen
    /// erwartet niemand." (Arndt, Stadt Moers, KOMMUNAL 2015): a post at 22:00 draws
    /// questions nobody answers until morning.
    ///
    /// ## Example
    /// Office hours `mon–fri 09:00–17:00`, draft scheduled for Saturday 10:00 → schedule it
    /// for Monday morning.
    ///
    /// ## Configuration
    /// ```toml
    /// [accounts.buergermeister.office-hours]
    /// windows = [{ days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00" }]
    ///
    /// [rules."schedule.outside-hours"]
    /// reply-minutes = 60
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf erscheint außerhalb der `office-hours` des Kontos: Sein `scheduled_at` (sonst
    /// `published_at`, sonst das `now` der Prüfung) liegt, in der `time-zone` des Kontos, in
    /// keinem Zeitfenster des Wochentags oder weniger als `reply-minutes` Minuten vor dem Ende
    /// des Fensters. Ohne `office-hours` findet die Regel nichts. Gesetzliche Feiertage sind
    /// Sache von `schedule.holiday`.
    ///
    /// ## Warum
    /// Paderborn knüpft die „Erreichbarkeit (der Zeitraum, in dem Nutzer kurzfristig mit einer
    /// Antwort rechnen können)“ an die „Dienstzeiten“ (Stadt Paderborn, Social-Media-Strategie
    /// 2021); die Zeiten legt jedes Konto selbst fest (übliche Servicezeiten: werktags 8:30–14:00
    /// Uhr oder 9:00–17:00 Uhr). „Machen Sie Pause! Eine Rund-um-die-Uhr-Betreuung Ihrer
    /// Plattformen erwartet niemand.“ (Arndt, Stadt Moers, KOMMUNAL 2015): Ein Beitrag um 22:00
    /// Uhr zieht Fragen nach sich, die bis zum Morgen niemand beantwortet.
    ///
    /// ## Beispiel
    /// Dienstzeiten `mon–fri 09:00–17:00`, Entwurf geplant für Samstag, 10:00 Uhr → Den Beitrag
    /// auf Montagmorgen legen.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [accounts.buergermeister.office-hours]
    /// windows = [{ days = ["mon", "tue", "wed", "thu", "fri"], from = "09:00", to = "17:00" }]
    ///
    /// [rules."schedule.outside-hours"]
    /// reply-minutes = 60
    /// ```
    pub(crate) struct ScheduleOutsideHours {
        hours: OfficeHours,
        reply_minutes: u32,
    }
}

impl RuleDef for ScheduleOutsideHours {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Beitrag außerhalb der Dienstzeit",
        en: "Post outside office hours",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        let reply_minutes = settings.reply_minutes.unwrap_or(0);
        if reply_minutes > MAX_REPLY_MINUTES {
            return Err(SettingError {
                key: "reply-minutes",
                entry: None,
                message: localized!(
                    de: "`reply-minutes` darf höchstens {MAX_REPLY_MINUTES} (ein Tag) sein, nicht {reply_minutes}",
                    en: "`reply-minutes` must be at most {MAX_REPLY_MINUTES} (one day), not {reply_minutes}",
                ),
            });
        }
        Ok(ScheduleOutsideHours {
            hours: account.office_hours.clone(),
            reply_minutes,
        })
    }
}

impl Rule for ScheduleOutsideHours {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if self.hours.is_empty() {
            return;
        }
        let Some(at) = post_time(cx.draft, cx.now) else {
            return;
        };
        let tz = &cx.account.time_zone;
        let local = at.to_zoned(tz.clone());
        if self.hours.covers(&local, self.reply_minutes) {
            return;
        }
        let day = weekday_name(local.weekday(), cx.lang);
        let when = local_label(at, tz, cx.lang);
        let hours = self.hours.describe();
        let message = if self.hours.covers(&local, 0) {
            let reply = self.reply_minutes;
            let reply_noun = plural(reply, "Minute", "Minuten");
            tr!(cx.lang,
                de: "`{when}` ({day}) lässt vor Dienstschluss keine {reply} {reply_noun} für Antworten (Dienstzeiten `{hours}`)",
                en: "`{when}` ({day}) leaves no {reply} minutes for replies before closing (office hours `{hours}`)")
        } else {
            tr!(cx.lang,
                de: "`{when}` ({day}) liegt außerhalb der Dienstzeiten `{hours}`",
                en: "`{when}` ({day}) is outside the office hours `{hours}`")
        };
        out.push(Finding::new(
            message,
            tr!(cx.lang,
                de: "Den Beitrag in die Dienstzeiten legen, damit Fragen schnell beantwortet werden",
                en: "schedule the post within office hours so that questions are answered quickly"),
        ));
    }
}
