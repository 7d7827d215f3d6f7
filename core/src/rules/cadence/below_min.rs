use crate::config::localized;
use crate::draft::post_time;
use crate::lang::decimal;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::cadence::posts_in;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::week::{Range, monday_of, week_from};

/// Weeks averaged unless the policy says otherwise: about a month.
const DEFAULT_WEEKS: u32 = 4;
/// Longest window: half a year; longer averages hide a recent silence.
const MAX_WEEKS: u32 = 26;

rule_settings! {
    /// Settings of `cadence.below-min`. The band itself is the account's `posts-per-week`.
    #[schemars(rename = "CadenceBelowMinSettings")]
    pub struct Settings {
        /// Full local calendar weeks before the draft's week that are averaged (default 4,
        /// 1 to 26).
        pub weeks: Option<u32>,
    }
}

documented_rule! {
    /// ## What it checks
    /// The account posted less than the `min` of its `posts-per-week` on average over the
    /// last `weeks` full local calendar weeks before the draft's week (Monday 00:00 to
    /// Monday 00:00 in the account's `time-zone`; default 4 weeks). Posts are counted as in
    /// `cadence.week-max` (one post on several channels counts once). The rule only speaks
    /// when the history reaches back to the start of the window (some entry, of any
    /// account, at or before it), so a check without history or with a short one finds
    /// nothing.
    ///
    /// ## Why
    /// "Seien Sie aktiv! Nur wenn Sie regelmäßig Beiträge posten, sind Sie für Ihre Nutzer
    /// interessant." (Arndt, Stadt Moers, KOMMUNAL 2015); Paderborn plans "Ø 2-3 Posts /
    /// Woche" (Stadt Paderborn, Social-Media-Strategie 2021). A note, not a warning: the
    /// draft itself is what helps.
    ///
    /// ## Example
    /// With `posts-per-week = { min = 2, max = 3 }` and four posts in the last four weeks
    /// (1 a week) → the note says the account is below its rhythm.
    ///
    /// ## Configuration
    /// ```toml
    /// [accounts.buergermeister]
    /// posts-per-week = { min = 2, max = 3 }
    ///
    /// [rules."cadence.below-min"]
    /// weeks = 4
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Das Konto hat im Durchschnitt der letzten `weeks` vollen Kalenderwochen vor der Woche des
    /// Entwurfs weniger als das `min` seiner `posts-per-week` veröffentlicht (Montag 00:00 bis
    /// Montag 00:00 in der `time-zone` des Kontos; Vorgabe 4 Wochen). Beiträge werden gezählt
    /// wie bei `cadence.week-max` (ein Beitrag auf mehreren Kanälen zählt einmal). Die Regel
    /// meldet sich nur, wenn der Verlauf bis zum Beginn des Zeitraums zurückreicht (irgendein
    /// Eintrag, gleich welchen Kontos, zu oder vor diesem Zeitpunkt); eine Prüfung ohne Verlauf
    /// oder mit einem kurzen findet also nichts.
    ///
    /// ## Warum
    /// „Seien Sie aktiv! Nur wenn Sie regelmäßig Beiträge posten, sind Sie für Ihre Nutzer
    /// interessant.“ (Arndt, Stadt Moers, KOMMUNAL 2015); Paderborn plant „Ø 2-3 Posts /
    /// Woche“ (Stadt Paderborn, Social-Media-Strategie 2021). Ein Hinweis, keine Warnung: Was
    /// hilft, ist gerade der Entwurf selbst.
    ///
    /// ## Beispiel
    /// Mit `posts-per-week = { min = 2, max = 3 }` und vier Beiträgen in den letzten vier
    /// Wochen (einer je Woche) → der Hinweis sagt, dass das Konto unter seinem Rhythmus liegt.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [accounts.buergermeister]
    /// posts-per-week = { min = 2, max = 3 }
    ///
    /// [rules."cadence.below-min"]
    /// weeks = 4
    /// ```
    pub(crate) struct CadenceBelowMin {
        min: Option<u32>,
        weeks: u32,
    }
}

impl RuleDef for CadenceBelowMin {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Info;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu wenige Beiträge pro Woche",
        en: "Too few posts per week",
    };

    fn compile(settings: &Settings, account: &Account) -> Result<Self, SettingError> {
        let weeks = settings.weeks.unwrap_or(DEFAULT_WEEKS);
        if !(1..=MAX_WEEKS).contains(&weeks) {
            return Err(SettingError {
                key: "weeks",
                entry: None,
                message: localized!(
                    de: "`weeks` muss zwischen 1 und {MAX_WEEKS} liegen, nicht {weeks}",
                    en: "`weeks` must be between 1 and {MAX_WEEKS}, not {weeks}",
                ),
            });
        }
        Ok(CadenceBelowMin {
            min: account.posts_per_week.min.filter(|&min| min > 0),
            weeks,
        })
    }
}

impl Rule for CadenceBelowMin {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let (Some(min), Some(at)) = (self.min, post_time(cx.draft, cx.now)) else {
            return;
        };
        let tz = &cx.account.time_zone;
        let monday = monday_of(at, tz);
        let (Some(first), Some(current)) = (
            week_from(monday, -i64::from(self.weeks), tz),
            week_from(monday, 0, tz),
        ) else {
            return;
        };
        let window = Range {
            start: first.start,
            end: current.start,
        };
        // Without history reaching back to the window, a low count means "not told".
        if cx
            .history
            .earliest()
            .is_none_or(|earliest| earliest > window.start)
        {
            return;
        }
        let posts = posts_in(cx, window, at).posts.len();
        let average = posts as f64 / f64::from(self.weeks);
        if average >= f64::from(min) {
            return;
        }
        let weeks = self.weeks;
        let average = decimal(average, 1, cx.lang);
        let weeks_phrase = if weeks == 1 {
            "der letzten Woche".to_owned()
        } else {
            format!("den letzten {weeks} Wochen")
        };
        out.push(Finding::new(
            tr!(cx.lang,
                de: "Im Schnitt {average} Beiträge pro Woche in {weeks_phrase}, weniger als die geplanten {min}",
                en: "{average} posts a week on average over the last {weeks} weeks, fewer than the planned {min}"),
            tr!(cx.lang,
                de: "Regelmäßig posten: Beiträge über die Woche verteilt planen",
                en: "post regularly: plan posts spread over the week"),
        ));
    }
}
