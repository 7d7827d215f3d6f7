use crate::draft::post_time;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::cadence::posts_in;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::date_label;
use crate::time::week::{iso_week_label, week_of};

rule_settings! {
    /// Settings of `cadence.week-max`. The band itself is the account's `posts-per-week`.
    #[schemars(rename = "CadenceWeekMaxSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft would be one post too many in its local calendar week: counting the
    /// account's published and scheduled posts of the history in the week of the draft's
    /// `scheduled_at` (else `published_at`, else the check's `now`), the draft would exceed
    /// the `max` of the account's `posts-per-week`. Weeks run from Monday 00:00 to Monday
    /// 00:00 in the account's `time-zone`, so a post on Sunday 23:30 and one on Monday
    /// 00:30 fall in different weeks, also across the switches to and from summer time.
    /// One post on several channels counts once: history entries of the account with the
    /// same `post_id`, or at most 10 minutes after the post's first entry with a
    /// near-duplicate text (equal, or one contained in the other, or 80 % of the shorter
    /// one's words shared, once hashtags, mentions, links and emoji are removed), or
    /// without a text and on other platforms, are the same post; so is the draft when the
    /// history already holds it. Different `post_id`s are different posts.
    ///
    /// ## Why
    /// Paderborn's strategy sets the rhythm "Ø 2-3 Posts / Woche" (Stadt Paderborn,
    /// Social-Media-Strategie 2021): more posts than the team can answer dilute the channel
    /// and overrun "Dienstzeiten". Sander (Kommune21-Forum) plans publication with
    /// "Zeit- /Schlagwortsteuerung".
    ///
    /// ## Example
    /// With `posts-per-week = { min = 2, max = 3 }` and three posts already planned for
    /// week 19, a fourth draft scheduled for Friday of that week → move it to the next
    /// week.
    ///
    /// ## Configuration
    /// ```toml
    /// [accounts.buergermeister]
    /// posts-per-week = { min = 2, max = 3 }
    ///
    /// [rules."cadence.week-max"]
    /// severity = "warning"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf wäre ein Beitrag zu viel in seiner Kalenderwoche: Zählt man die
    /// veröffentlichten und geplanten Beiträge des Kontos im Verlauf in der Woche des
    /// `scheduled_at` des Entwurfs (sonst `published_at`, sonst des `now` der Prüfung), würde
    /// der Entwurf das `max` der `posts-per-week` des Kontos überschreiten. Wochen reichen von
    /// Montag 00:00 bis Montag 00:00 in der `time-zone` des Kontos, sodass ein Beitrag am
    /// Sonntag um 23:30 und einer am Montag um 00:30 in verschiedene Wochen fallen, auch über
    /// die Umstellungen auf Sommer- und Winterzeit hinweg. Ein Beitrag auf mehreren Kanälen
    /// zählt einmal: Einträge des Kontos im Verlauf mit derselben `post_id`, höchstens 10
    /// Minuten nach dem ersten Eintrag des Beitrags mit fast gleichem Text (gleich, einer im
    /// anderen enthalten oder 80 % der Wörter des kürzeren gemeinsam, nachdem Hashtags,
    /// Erwähnungen, Links und Emoji entfernt sind) oder ohne Text auf anderen Plattformen sind
    /// derselbe Beitrag; ebenso der Entwurf, wenn der Verlauf ihn schon enthält. Verschiedene
    /// `post_id`s sind verschiedene Beiträge.
    ///
    /// ## Warum
    /// Paderborns Strategie legt den Rhythmus „Ø 2-3 Posts / Woche“ fest (Stadt Paderborn,
    /// Social-Media-Strategie 2021): Mehr Beiträge, als das Team beantworten kann, verwässern
    /// den Kanal und sprengen die „Dienstzeiten“. Sander (Kommune21-Forum) plant
    /// Veröffentlichungen mit „Zeit- /Schlagwortsteuerung“.
    ///
    /// ## Beispiel
    /// Mit `posts-per-week = { min = 2, max = 3 }` und drei schon geplanten Beiträgen in
    /// Kalenderwoche 19 ein vierter Entwurf für den Freitag dieser Woche → ihn in die nächste
    /// Woche verschieben.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [accounts.buergermeister]
    /// posts-per-week = { min = 2, max = 3 }
    ///
    /// [rules."cadence.week-max"]
    /// severity = "warning"
    /// ```
    pub(crate) struct CadenceWeekMax {
        max: Option<u32>,
    }
}

impl RuleDef for CadenceWeekMax {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu viele Beiträge pro Woche",
        en: "Too many posts per week",
    };

    fn compile(_: &Settings, account: &Account) -> Result<Self, SettingError> {
        Ok(CadenceWeekMax {
            max: account.posts_per_week.max,
        })
    }
}

impl Rule for CadenceWeekMax {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let (Some(max), Some(at)) = (self.max, post_time(cx.draft, cx.now)) else {
            return;
        };
        let tz = &cx.account.time_zone;
        let Some(week) = week_of(at, tz) else {
            return;
        };
        let found = posts_in(cx, week, at);
        let earlier = found.posts.len();
        let count = earlier + usize::from(found.draft_post.is_none());
        if count <= usize::try_from(max).unwrap_or(usize::MAX) {
            return;
        }
        let label = iso_week_label(at, tz);
        let monday = week.start.to_zoned(tz.clone()).date();
        let from = date_label(monday, cx.lang);
        out.push(Finding::new(
            tr!(cx.lang,
                de: "Beitrag {count} in Kalenderwoche `{label}` (ab Montag, {from}); höchstens {max} pro Woche",
                en: "post {count} in calendar week `{label}` (from monday {from}); at most {max} a week"),
            tr!(cx.lang,
                de: "Den Beitrag in eine Woche mit weniger Beiträgen verschieben oder mit einem geplanten zusammenlegen",
                en: "move the post to a week with fewer posts or merge it with a planned one"),
        ));
    }
}
