use crate::draft::MediaKind;
use crate::lang::tr;
use crate::report::Severity;
use crate::rules::accessibility::media_label;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    rule_settings,
};

rule_settings! {
    /// Settings of `accessibility.video-subtitles`.
    #[schemars(rename = "AccessibilityVideoSubtitlesSettings")]
    pub struct Settings {
        /// Also report videos whose draft does not say whether they have subtitles
        /// (default `false`: many editors do not send `subtitles` at all).
        pub require_declaration: Option<bool>,
    }
}

documented_rule! {
    /// ## What it checks
    /// A video in the draft's `media` with `"subtitles": false`. A video without the
    /// `subtitles` key is reported only with `require-declaration = true`. Findings have no
    /// text span; the message names the video by its position in `media` and its `file`.
    ///
    /// ## Why
    /// Deaf and hard-of-hearing people follow a video only through subtitles, and most
    /// people watch social-media videos muted. The Bundesfachstelle Barrierefreiheit asks
    /// public bodies for subtitles on every video (§12a Abs. 8
    /// BGG); Sander (Kommune21-Forum) lists „Barrierefreiheit" among the
    /// requirements of municipal channels. An unknown value is not reported by default:
    /// editors and CMSes that never send the key would get a warning on every video, and
    /// warnings that are always there are not read.
    ///
    /// ## Example
    /// `{"kind": "video", "file": "neujahrsempfang.mp4", "subtitles": false}` → add
    /// subtitles (burnt in or as a caption file) before publishing.
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."accessibility.video-subtitles"]
    /// require-declaration = true
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Video in `media` des Entwurfs mit `"subtitles": false`. Ein Video ohne den
    /// Schlüssel `subtitles` wird nur mit `require-declaration = true` gemeldet. Die Befunde
    /// haben keine Textstelle; die Meldung nennt das Video nach seiner Position in `media` und
    /// seinem Dateinamen (`file`).
    ///
    /// ## Warum
    /// Gehörlose und schwerhörige Menschen können einem Video nur über Untertitel folgen, und
    /// die meisten Menschen sehen Videos in sozialen Netzwerken ohne Ton. Die Bundesfachstelle
    /// Barrierefreiheit verlangt von öffentlichen Stellen Untertitel für jedes Video (§ 12a
    /// Abs. 8 BGG); Sander (Kommune21-Forum) zählt „Barrierefreiheit“ zu den Anforderungen an
    /// kommunale Kanäle. Ein unbekannter Wert wird standardmäßig nicht gemeldet: Redaktionen
    /// und CMS, die den Schlüssel nie senden, bekämen bei jedem Video eine Warnung, und
    /// Warnungen, die immer da sind, werden nicht gelesen.
    ///
    /// ## Beispiel
    /// `{"kind": "video", "file": "neujahrsempfang.mp4", "subtitles": false}` → vor dem
    /// Veröffentlichen Untertitel hinzufügen (eingebrannt oder als Untertiteldatei).
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."accessibility.video-subtitles"]
    /// require-declaration = true
    /// ```
    pub(crate) struct AccessibilityVideoSubtitles {
        require_declaration: bool,
    }
}

impl RuleDef for AccessibilityVideoSubtitles {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Video ohne Untertitel",
        en: "Video without subtitles",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(AccessibilityVideoSubtitles {
            require_declaration: settings.require_declaration.unwrap_or(false),
        })
    }
}

impl Rule for AccessibilityVideoSubtitles {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for (index, media) in cx.draft.media.iter().enumerate() {
            if media.kind != MediaKind::Video {
                continue;
            }
            let declared = match media.subtitles {
                Some(true) => continue,
                Some(false) => true,
                None if self.require_declaration => false,
                None => continue,
            };
            let video = media_label(cx.lang, "Video", "video", index, media);
            let message = if declared {
                tr!(cx.lang,
                    de: "{video} hat keine Untertitel",
                    en: "{video} has no subtitles")
            } else {
                tr!(cx.lang,
                    de: "Für {video} ist nicht angegeben, ob es Untertitel hat",
                    en: "{video} does not say whether it has subtitles")
            };
            out.push(Finding::new(
                message,
                tr!(cx.lang,
                    de: "Untertitel einbrennen oder als Untertiteldatei hochladen: Gehörlose Menschen und alle, die ohne Ton schauen, verstehen das Video sonst nicht",
                    en: "burn in subtitles or upload a caption file: deaf people and everyone watching without sound cannot follow the video otherwise"),
            ));
        }
    }
}
