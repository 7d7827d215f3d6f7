use crate::account::AccountKind;
use crate::config::localized;
use crate::draft::post_time;
use crate::lang::decimal;
use crate::lang::{plural, tr};
use crate::report::Severity;
use crate::rules::cadence::posts_in;
use crate::rules::neutrality::open_window;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::time::date_label;
use crate::time::election::{
    DEFAULT_BASELINE_WEEKS, DEFAULT_FACTOR, DEFAULT_MIN_EXTRA, PostRecord, RiseSettings,
    baseline_range, frequency_rise,
};
use crate::time::week::{Range, start_of};

/// Longest baseline: a year; longer averages reach into the previous campaign.
const MAX_BASELINE_WEEKS: u32 = 52;
/// Largest factor: beyond ten times the usual rhythm the check would never speak.
const MAX_FACTOR: f64 = 10.0;
/// Largest `min-extra`: more than two posts a day above the baseline is no threshold.
const MAX_MIN_EXTRA: f64 = 14.0;

rule_settings! {
    /// Settings of `cadence.election-rise`. The windows are the policy's `[[elections]]`.
    #[schemars(rename = "CadenceElectionRiseSettings")]
    pub struct Settings {
        /// Full local calendar weeks before the window's first week whose average is the
        /// account's usual rhythm (default 12, 1 to 52).
        pub baseline_weeks: Option<u32>,
        /// The rate in the window must be more than this many times the usual one (default
        /// 1.5, 1 to 10).
        pub factor: Option<f64>,
        /// Posts a week the rate in the window must also exceed the usual one by (default 1,
        /// 0 to 14), so a quiet account going from 0.2 to 0.5 posts a week is not flagged.
        pub min_extra: Option<f64>,
    }
}

documented_rule! {
    /// ## What it checks
    /// An official account posts more often in a pre-election window than in the weeks
    /// before. The window is an election of `[[elections]]` (`window-weeks` before election day, default
    /// 6, election day included) that the draft's `scheduled_at` (else `published_at`, else
    /// the check's `now`) falls in. The usual rhythm is the average number of posts per
    /// local calendar week over the `baseline-weeks` (default 12) full weeks before the week
    /// the window opens in; the window rate counts the posts of the history from the window's
    /// first day up to the draft, and the draft, divided by the elapsed days / 7 (at least
    /// one week, so two posts on the first day are not fourteen a week). The rule speaks when
    /// the window rate is more than `factor` (default 1.5) times the usual rhythm and at
    /// least `min-extra` (default 1) posts a week above it. Posts are counted as in
    /// `cadence.week-max`: one post on several channels counts once. Like
    /// `cadence.below-min` the rule only speaks when the history reaches back to the start of
    /// the baseline (some entry, of any account, at or before it); private accounts are not
    /// checked (a candidate may campaign on their own profile).
    ///
    /// ## Why
    /// The Federal Constitutional Court names "ein Anwachsen der Öffentlichkeitsarbeit in
    /// Wahlkampfnähe" as a sign that official public relations has turned into forbidden
    /// election advertising (BVerfGE 44, 125 — 2 BvE 1/76, Leitsatz 7). For municipal
    /// elections the courts look at the "heiße Wahlkampfphase" (VG Göttingen 1 A 258/21:
    /// a mayoral election was invalidated partly because of official social-media coverage).
    /// A warning, not an error: a burst of posts may have a reason (a flood, a festival).
    ///
    /// ## Example
    /// The mayor's official page posted 24 times in the 12 weeks before the window of the
    /// `Kommunalwahl` (2 a week). In the window's first two weeks it already posted 6 times;
    /// a draft for the end of the second week would be the 7th post: 3.5 a week, more than
    /// 1.5 × 2 and 1.5 above the rhythm → keep the usual rhythm.
    ///
    /// ## Configuration
    /// ```toml
    /// [[elections]]
    /// name = "Kommunalwahl 2025"
    /// date = "2025-09-14"
    /// window-weeks = 6
    ///
    /// [rules."cadence.election-rise"]
    /// baseline-weeks = 12
    /// factor = 1.5
    /// min-extra = 1
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein amtliches Konto veröffentlicht in einem Zeitraum vor einer Wahl häufiger als in den
    /// Wochen davor. Der Zeitraum gehört zu einer Wahl aus `[[elections]]` (`window-weeks`
    /// Wochen vor dem Wahltag, Vorgabe 6, den Wahltag eingeschlossen), in den das
    /// `scheduled_at` des Entwurfs fällt (sonst `published_at`, sonst das `now` der Prüfung).
    /// Der übliche Rhythmus ist die durchschnittliche Zahl von Beiträgen je Kalenderwoche über
    /// die `baseline-weeks` (Vorgabe 12) vollen Wochen vor der Woche, in der der Zeitraum
    /// beginnt; die Rate im Zeitraum zählt die Beiträge des Verlaufs vom ersten Tag des
    /// Zeitraums bis zum Entwurf und den Entwurf selbst, geteilt durch die verstrichenen Tage
    /// / 7 (mindestens eine Woche, damit zwei Beiträge am ersten Tag nicht vierzehn je Woche
    /// sind). Die Regel meldet sich, wenn die Rate im Zeitraum mehr als `factor` (Vorgabe 1,5)
    /// mal so hoch ist wie der übliche Rhythmus und mindestens `min-extra` (Vorgabe 1) Beiträge
    /// je Woche darüber liegt. Beiträge werden gezählt wie bei `cadence.week-max`: Ein Beitrag
    /// auf mehreren Kanälen zählt einmal. Wie `cadence.below-min` meldet sich die Regel nur,
    /// wenn der Verlauf bis zum Beginn des Vergleichszeitraums zurückreicht (irgendein Eintrag,
    /// gleich welchen Kontos, zu oder vor diesem Zeitpunkt); private Konten werden nicht
    /// geprüft (wer kandidiert, darf auf dem eigenen Profil werben).
    ///
    /// ## Warum
    /// Das Bundesverfassungsgericht nennt „ein Anwachsen der Öffentlichkeitsarbeit in
    /// Wahlkampfnähe“ als Anzeichen dafür, dass amtliche Öffentlichkeitsarbeit in verbotene
    /// Wahlwerbung umgeschlagen ist (BVerfGE 44, 125 — 2 BvE 1/76, Leitsatz 7). Bei
    /// Kommunalwahlen achten die Gerichte auf die „heiße Wahlkampfphase“ (VG Göttingen 1 A
    /// 258/21: Eine Bürgermeisterwahl wurde unter anderem wegen amtlicher Berichterstattung in
    /// sozialen Netzwerken für ungültig erklärt). Eine Warnung, kein Fehler: Eine Häufung von
    /// Beiträgen kann einen Grund haben (ein Hochwasser, ein Fest).
    ///
    /// ## Beispiel
    /// Die amtliche Seite des Bürgermeisters hat in den 12 Wochen vor dem Zeitraum der
    /// `Kommunalwahl` 24 Beiträge veröffentlicht (2 je Woche). In den ersten zwei Wochen des
    /// Zeitraums waren es schon 6; ein Entwurf für das Ende der zweiten Woche wäre der 7.
    /// Beitrag: 3,5 je Woche, mehr als 1,5 × 2 und 1,5 über dem Rhythmus → beim üblichen
    /// Rhythmus bleiben.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [[elections]]
    /// name = "Kommunalwahl 2025"
    /// date = "2025-09-14"
    /// window-weeks = 6
    ///
    /// [rules."cadence.election-rise"]
    /// baseline-weeks = 12
    /// factor = 1.5
    /// min-extra = 1
    /// ```
    pub(crate) struct CadenceElectionRise {
        settings: RiseSettings,
    }
}

/// `value` if it lies in `min..=max`, else the setting error naming `key` (NaN never does).
fn in_range<T: PartialOrd + std::fmt::Display>(
    key: &'static str,
    value: T,
    min: T,
    max: T,
) -> Result<T, SettingError> {
    if min <= value && value <= max {
        return Ok(value);
    }
    Err(SettingError {
        key,
        entry: None,
        message: localized!(
            de: "`{key}` muss zwischen {min} und {max} liegen, nicht {value}",
            en: "`{key}` must be between {min} and {max}, not {value}",
        ),
    })
}

impl RuleDef for CadenceElectionRise {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Mehr Beiträge vor der Wahl",
        en: "More posts before an election",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let weeks = settings.baseline_weeks.unwrap_or(DEFAULT_BASELINE_WEEKS);
        let factor = settings.factor.unwrap_or(DEFAULT_FACTOR);
        let min_extra = settings.min_extra.unwrap_or(DEFAULT_MIN_EXTRA);
        Ok(CadenceElectionRise {
            settings: RiseSettings {
                baseline_weeks: in_range("baseline-weeks", weeks, 1, MAX_BASELINE_WEEKS)?,
                factor: in_range("factor", factor, 1.0, MAX_FACTOR)?,
                min_extra: in_range("min-extra", min_extra, 0.0, MAX_MIN_EXTRA)?,
            },
        })
    }
}

impl Rule for CadenceElectionRise {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.account.kind != AccountKind::Official {
            return;
        }
        let (Some(at), Some(window)) = (post_time(cx.draft, cx.now), open_window(cx)) else {
            return;
        };
        let Some(covers_from) = cx.history.earliest() else {
            return;
        };
        let tz = &cx.account.time_zone;
        let Some(baseline) = baseline_range(window, tz, self.settings.baseline_weeks) else {
            return;
        };
        // Through the end of the draft's day, so a history record of the draft itself (or a
        // cross-post of it minutes later) is found; `frequency_rise` counts up to `at`.
        let day = at.to_zoned(tz.clone()).date();
        let Some(day_end) = day.tomorrow().ok().and_then(|next| start_of(next, tz)) else {
            return;
        };
        let found = posts_in(
            cx,
            Range {
                start: baseline.start,
                end: day_end,
            },
            at,
        );
        let mut posts: Vec<_> = found.posts.iter().map(|post| post.at).collect();
        match found.draft_post.and_then(|index| posts.get_mut(index)) {
            // The draft's post counts from whichever of its entries goes out first.
            Some(first) => *first = (*first).min(at),
            None => posts.push(at),
        }
        let record = PostRecord {
            posts: &posts,
            covers_from,
        };
        let Some(rise) = frequency_rise(window, tz, record, at, &self.settings) else {
            return;
        };
        let name = &rise.election;
        let opens = date_label(rise.window_opens, cx.lang);
        let window_rate = decimal(rise.window_per_week, 1, cx.lang);
        let usual = decimal(rise.baseline_per_week, 1, cx.lang);
        let weeks = rise.baseline_weeks;
        let weeks_noun = plural(weeks, "Woche", "Wochen");
        let factor = decimal(rise.factor, 1, cx.lang);
        out.push(Finding::new(
            tr!(cx.lang,
                de: "{window_rate} Beiträge pro Woche seit Beginn der Vorwahlzeit von `{name}` am {opens}, davor {usual} pro Woche (Schnitt über {weeks} {weeks_noun}): mehr als das {factor}-Fache",
                en: "{window_rate} posts a week since the pre-election period of `{name}` began on {opens}, {usual} a week before (average over {weeks} weeks): more than {factor} times as many"),
            tr!(cx.lang,
                de: "Den gewohnten Rhythmus halten: Öffentlichkeitsarbeit darf in Wahlkampfnähe nicht anwachsen (BVerfGE 44, 125); Beiträge zusammenlegen oder nach der Wahl veröffentlichen",
                en: "keep the usual rhythm: public relations must not grow as the election approaches (BVerfGE 44, 125); merge posts or publish after the election"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::{Engine, Lang, Policy};

    /// The English headline of the error a policy with these rule settings gets.
    fn refused(settings: &str) -> String {
        let text = format!(
            "[rules.\"cadence.election-rise\"]\n{settings}\n\
             [accounts.a]\nkind = \"official\"\nplatforms = [\"x\"]\n"
        );
        let policy = Policy::from_toml(&text).unwrap();
        match Engine::new(policy) {
            Err(error) => error.headline(Lang::En),
            Ok(_) => panic!("policy accepted:\n{text}"),
        }
    }

    #[test]
    fn settings_are_bounded() {
        let weeks = refused("baseline-weeks = 0");
        assert!(
            weeks.contains("`baseline-weeks` must be between 1 and 52, not 0"),
            "{weeks}"
        );
        let factor = refused("factor = 0.9");
        assert!(
            factor.contains("`factor` must be between 1 and 10, not 0.9"),
            "{factor}"
        );
        let extra = refused("min-extra = -1.0");
        assert!(
            extra.contains("`min-extra` must be between 0 and 14, not -1"),
            "{extra}"
        );
        let not_a_number = refused("factor = nan");
        assert!(not_a_number.contains("`factor`"), "{not_a_number}");
    }

    #[test]
    fn defaults_and_bounds_are_accepted() {
        for settings in [
            "",
            "baseline-weeks = 52\nfactor = 1.0\nmin-extra = 0.0",
            "factor = 10.0\nmin-extra = 14.0",
        ] {
            let text = format!(
                "[rules.\"cadence.election-rise\"]\n{settings}\n\
                 [accounts.a]\nkind = \"official\"\nplatforms = [\"x\"]\n"
            );
            assert!(
                Engine::new(Policy::from_toml(&text).unwrap()).is_ok(),
                "{settings}"
            );
        }
    }
}
