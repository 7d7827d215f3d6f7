use jiff::SignedDuration;

use crate::config::localized;
use crate::draft::post_time;
use crate::lang::{plural, tr};
use crate::report::Severity;
use crate::rules::cadence::posts_in;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::week::Range;
use crate::time::{duration_label, local_label};

/// Minimum spacing unless the policy says otherwise: an hour, so that one post's first
/// reactions are answered before the next one asks for attention.
const DEFAULT_MINUTES: u32 = 60;
/// Longest spacing: a week; more belongs to `posts-per-week`.
const MAX_MINUTES: u32 = 7 * 24 * 60;

rule_settings! {
    /// Settings of `cadence.min-gap`.
    #[schemars(rename = "CadenceMinGapSettings")]
    pub struct Settings {
        /// Minutes at least between two posts of the account (default 60, at most 10080).
        pub minutes: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// Another post of the account lies less than `minutes` (default 60) before or after
    /// the draft's `scheduled_at` (else `published_at`, else the check's `now`). Published
    /// and scheduled posts of the history count; the closest one is named. The same post on
    /// another channel is not another post: entries with the draft's `post_id`, or at most
    /// 10 minutes apart with a near-duplicate text (as in `cadence.week-max`: a shortened
    /// version, hashtags and emoji added), or without a text and on other platforms,
    /// belong to the draft.
    ///
    /// ## Why
    /// Two posts in quick succession compete for the same readers, and the team must answer
    /// both: "Seien Sie schnell! Kurze Reaktionszeiten sind bei Social Media-Anfragen ein
    /// Muss" and "Machen Sie Pause!" (Arndt, Stadt Moers, KOMMUNAL 2015). Paderborn spreads
    /// "Ø 2-3 Posts / Woche" (Stadt Paderborn, Social-Media-Strategie 2021).
    ///
    /// ## Example
    /// A post at 10:00 is scheduled and the draft is planned for 10:20 → schedule it for
    /// 11:00 or later.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."cadence.min-gap"]
    /// minutes = 120
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein anderer Beitrag des Kontos liegt weniger als `minutes` (Vorgabe 60) Minuten vor oder
    /// nach dem `scheduled_at` des Entwurfs (sonst `published_at`, sonst dem `now` der
    /// Prüfung). Veröffentlichte und geplante Beiträge des Verlaufs zählen; der nächstgelegene
    /// wird genannt. Derselbe Beitrag auf einem anderen Kanal ist kein anderer Beitrag:
    /// Einträge mit der `post_id` des Entwurfs, höchstens 10 Minuten entfernte mit fast
    /// gleichem Text (wie bei `cadence.week-max`: eine gekürzte Fassung, ergänzte Hashtags und
    /// Emoji) oder solche ohne Text auf anderen Plattformen gehören zum Entwurf.
    ///
    /// ## Warum
    /// Zwei Beiträge kurz hintereinander konkurrieren um dieselben Leserinnen und Leser, und
    /// das Team muss auf beide antworten: „Seien Sie schnell! Kurze Reaktionszeiten sind bei
    /// Social Media-Anfragen ein Muss“ und „Machen Sie Pause!“ (Arndt, Stadt Moers, KOMMUNAL
    /// 2015). Paderborn verteilt „Ø 2-3 Posts / Woche“ (Stadt Paderborn,
    /// Social-Media-Strategie 2021).
    ///
    /// ## Beispiel
    /// Ein Beitrag um 10:00 ist geplant, und der Entwurf ist für 10:20 vorgesehen → ihn für
    /// 11:00 oder später einplanen.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."cadence.min-gap"]
    /// minutes = 120
    /// ```
    pub(crate) struct CadenceMinGap {
        gap: SignedDuration,
    }
}

impl RuleDef for CadenceMinGap {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu kurzer Abstand zwischen Beiträgen",
        en: "Posts too close together",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let minutes = settings.minutes.unwrap_or(DEFAULT_MINUTES);
        if !(1..=MAX_MINUTES).contains(&minutes) {
            return Err(SettingError {
                key: "minutes",
                entry: None,
                message: localized!(
                    de: "`minutes` muss zwischen 1 und {MAX_MINUTES} (eine Woche) liegen, nicht {minutes}",
                    en: "`minutes` must be between 1 and {MAX_MINUTES} (one week), not {minutes}",
                ),
            });
        }
        Ok(CadenceMinGap {
            gap: SignedDuration::from_mins(i64::from(minutes)),
        })
    }
}

impl Rule for CadenceMinGap {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(at) = post_time(cx.draft, cx.now) else {
            return;
        };
        let (Ok(start), Ok(end)) = (at.checked_sub(self.gap), at.checked_add(self.gap)) else {
            return;
        };
        // `end` is exclusive: a post exactly `minutes` later keeps the gap.
        let found = posts_in(cx, Range { start, end }, at);
        let closest = found
            .posts
            .iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != found.draft_post)
            .map(|(_, post)| post.at)
            .filter(|other| other.duration_since(at).abs() < self.gap)
            .min_by_key(|other| other.duration_since(at).abs());
        let Some(other) = closest else {
            return;
        };
        let apart = duration_label(other.duration_since(at).abs().as_mins(), cx.lang);
        let when = local_label(other, &cx.account.time_zone, cx.lang);
        let gap = self.gap.as_mins();
        let gap_noun = plural(gap, "Minute", "Minuten");
        let message = if other <= at {
            tr!(cx.lang,
                de: "Nur {apart} nach dem Beitrag von `{when}`; mindestens {gap} {gap_noun} Abstand",
                en: "only {apart} after the post of `{when}`; at least {gap} minutes apart")
        } else {
            tr!(cx.lang,
                de: "Nur {apart} vor dem Beitrag von `{when}`; mindestens {gap} {gap_noun} Abstand",
                en: "only {apart} before the post of `{when}`; at least {gap} minutes apart")
        };
        out.push(Finding::new(
            message,
            tr!(cx.lang,
                de: "Den Beitrag mit mehr Abstand planen, damit Reaktionen auf jeden beantwortet werden können",
                en: "schedule the post further apart so that reactions to each can be answered"),
        ));
    }
}
