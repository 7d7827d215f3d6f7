use jiff::SignedDuration;

use crate::config::localized;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::{duration_label, local_label};

/// Tolerance unless the policy says otherwise: a CMS that sends "publish now" computes
/// `scheduled_at` a moment before the check runs.
const DEFAULT_GRACE_MINUTES: u32 = 1;
/// Longest tolerance: an hour; more would hide a real mistake.
const MAX_GRACE_MINUTES: u32 = 60;

rule_settings! {
    /// Settings of `schedule.past`.
    #[schemars(rename = "SchedulePastSettings")]
    pub struct Settings {
        /// Minutes `scheduled_at` may lie before `now` without a finding (default 1, at
        /// most 60).
        pub grace_minutes: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// The draft's `scheduled_at` lies more than `grace-minutes` (default 1) before the
    /// check's `now`. The reference time is passed in by the caller (`--now` on the
    /// command line); without it, or without `scheduled_at`, there is nothing to compare.
    ///
    /// ## Why
    /// Sander (Kommune21-Forum) relies on scheduled publishing
    /// ("Zeit- /Schlagwortsteuerung"): a time in the past is a typo (wrong day, wrong year)
    /// and the tool would either refuse the post or publish it at once, outside the planned
    /// slot and without the planned approval time.
    ///
    /// ## Example
    /// Checked on 4 May 2026 at 09:00, draft with `scheduled_at = 2025-05-04T10:00:00+02:00`
    /// → correct the year.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."schedule.past"]
    /// grace-minutes = 5
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der geplante Zeitpunkt `scheduled_at` des Entwurfs liegt mehr als `grace-minutes` Minuten
    /// (voreingestellt 1) vor dem Prüfzeitpunkt `now`. Den Bezugszeitpunkt übergibt, wer die
    /// Prüfung aufruft (`--now` auf der Kommandozeile); ohne ihn oder ohne `scheduled_at` gibt es
    /// nichts zu vergleichen.
    ///
    /// ## Warum
    /// Sander (Kommune21-Forum) setzt auf zeitgesteuertes Veröffentlichen („Zeit-
    /// /Schlagwortsteuerung“): Ein Zeitpunkt in der Vergangenheit ist ein Tippfehler (falscher
    /// Tag, falsches Jahr), und das Werkzeug würde den Beitrag entweder ablehnen oder sofort
    /// veröffentlichen, außerhalb des geplanten Termins und ohne den geplanten Zeitpunkt der
    /// Freigabe.
    ///
    /// ## Beispiel
    /// Geprüft am 4. Mai 2026 um 09:00 Uhr, Entwurf mit `scheduled_at =
    /// 2025-05-04T10:00:00+02:00` → Das Jahr korrigieren.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."schedule.past"]
    /// grace-minutes = 5
    /// ```
    pub(crate) struct SchedulePast {
        grace: SignedDuration,
    }
}

impl RuleDef for SchedulePast {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Termin in der Vergangenheit",
        en: "Scheduled in the past",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let grace = settings.grace_minutes.unwrap_or(DEFAULT_GRACE_MINUTES);
        if grace > MAX_GRACE_MINUTES {
            return Err(SettingError {
                key: "grace-minutes",
                entry: None,
                message: localized!(
                    de: "`grace-minutes` darf höchstens {MAX_GRACE_MINUTES} sein, nicht {grace}",
                    en: "`grace-minutes` must be at most {MAX_GRACE_MINUTES}, not {grace}",
                ),
            });
        }
        Ok(SchedulePast {
            grace: SignedDuration::from_mins(i64::from(grace)),
        })
    }
}

impl Rule for SchedulePast {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let (Some(scheduled), Some(now)) = (cx.draft.scheduled_at, cx.now) else {
            return;
        };
        let late = now.duration_since(scheduled);
        if late <= self.grace {
            return;
        }
        let tz = &cx.account.time_zone;
        let when = local_label(scheduled, tz, cx.lang);
        let now_label = local_label(now, tz, cx.lang);
        let ago = duration_label(late.as_mins(), cx.lang);
        out.push(Finding::new(
            tr!(cx.lang,
                de: "Geplanter Zeitpunkt `{when}` liegt {ago} vor jetzt (`{now_label}`)",
                en: "scheduled time `{when}` is {ago} before now (`{now_label}`)"),
            tr!(cx.lang,
                de: "Datum und Uhrzeit prüfen (auch das Jahr) und einen Zeitpunkt in der Zukunft wählen",
                en: "check date and time (the year too) and pick a time in the future"),
        ));
    }
}
