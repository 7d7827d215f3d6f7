use crate::lang::tr;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};
use crate::text::extract::EntityKind;

/// Letters from which a one-case hashtag is probably several words run together.
const DEFAULT_MIN_LETTERS: u32 = 12;

rule_settings! {
    /// Settings of `hashtags.camel-case`.
    #[schemars(rename = "HashtagsCamelCaseSettings")]
    pub struct Settings {
        /// Shortest hashtag (in letters) that must be written in CamelCase (default 12):
        /// shorter tags such as `#paderborn` are usually one word.
        pub min_letters: Option<u32>,
        /// Hashtags that are fine as they are (without `#`, any case), e.g. acronyms.
        pub allow: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A hashtag of several words written all in lower case (`#reisenfüralle`) or all in
    /// upper case (`#TAGDEROFFENENTÜR`). Hashtags with at least `min-letters` letters and
    /// no change of case are flagged; shorter ones are usually a single word.
    ///
    /// ## Why
    /// Screen readers read `#ReisenFürAlle` word by word but spell or garble
    /// `#reisenfüralle`; CamelCase hashtags are a core recommendation of the
    /// Bundesfachstelle Barrierefreiheit for accessible posts (§12a Abs. 8
    /// BGG). Official accounts must be accessible.
    ///
    /// ## Example
    /// `#tagderoffenentür` → write `#TagDerOffenenTür`.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."hashtags.camel-case"]
    /// min-letters = 10
    /// allow = ["paderbornerland"]
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Hashtag aus mehreren Wörtern, der ganz in Klein- (`#reisenfüralle`) oder ganz in
    /// Großbuchstaben (`#TAGDEROFFENENTÜR`) geschrieben ist. Markiert werden Hashtags mit
    /// mindestens `min-letters` Buchstaben ohne Wechsel zwischen Groß- und Kleinschreibung;
    /// kürzere sind meist ein einzelnes Wort.
    ///
    /// ## Warum
    /// Screenreader lesen `#ReisenFürAlle` Wort für Wort vor, `#reisenfüralle` dagegen
    /// buchstabieren oder verstümmeln sie. Hashtags in Binnenmajuskeln (CamelCase) sind eine
    /// Kernempfehlung der Bundesfachstelle Barrierefreiheit für barrierefreie Beiträge (§ 12a
    /// Abs. 8 BGG). Amtliche Konten müssen barrierefrei sein.
    ///
    /// ## Beispiel
    /// `#tagderoffenentür` → `#TagDerOffenenTür` schreiben.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."hashtags.camel-case"]
    /// min-letters = 10
    /// allow = ["paderbornerland"]
    /// ```
    pub(crate) struct HashtagsCamelCase {
        min_letters: usize,
        allow: Vec<String>,
    }
}

impl RuleDef for HashtagsCamelCase {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Hashtag ohne Binnenmajuskeln",
        en: "Hashtag without camel case",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        let min_letters = settings.min_letters.unwrap_or(DEFAULT_MIN_LETTERS);
        Ok(HashtagsCamelCase {
            min_letters: usize::try_from(min_letters).unwrap_or(usize::MAX),
            allow: settings
                .allow
                .iter()
                .flatten()
                .map(|tag| tag.trim_start_matches('#').to_lowercase())
                .collect(),
        })
    }
}

impl Rule for HashtagsCamelCase {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for hashtag in cx.text.of_kind(EntityKind::Hashtag) {
            let written = cx.text.slice(hashtag);
            let body = written.trim_start_matches(['#', '＃']);
            let letters = body.chars().filter(|c| c.is_alphabetic()).count();
            if letters < self.min_letters {
                continue;
            }
            let has_lower = body.chars().any(char::is_lowercase);
            let has_upper = body.chars().any(char::is_uppercase);
            if has_lower && has_upper {
                continue;
            }
            if self.allow.contains(&body.to_lowercase()) {
                continue;
            }
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Hashtag `{written}` ist nicht in CamelCase geschrieben",
                        en: "hashtag `{written}` is not written in CamelCase"),
                    tr!(cx.lang,
                        de: "Jedes Wort groß beginnen, z. B. `#ReisenFürAlle`: So lesen Screenreader die Wörter einzeln vor",
                        en: "start every word with a capital, e.g. `#ReisenFürAlle`, so screen readers read the words one by one"),
                )
                .at(hashtag.start, hashtag.end),
            );
        }
    }
}
