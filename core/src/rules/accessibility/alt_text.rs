use crate::draft::{Media, MediaKind};
use crate::lang::{Lang, tr};
use crate::report::Severity;
use crate::rules::accessibility::media_label;
use crate::rules::privacy::LazyRegex;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    platform_name, rule_settings,
};
use crate::text::regex_classes::any_case;

/// Shortest useful description: "Rathaus" alone says little, "Rathaus im Schnee" does.
const DEFAULT_MIN_CHARS: u32 = 10;

/// Alt texts that say nothing about the picture (compared without case, a leading article
/// and trailing punctuation).
const DEFAULT_GENERIC: &[&str] = &[
    "bild",
    "foto",
    "photo",
    "image",
    "img",
    "picture",
    "pic",
    "grafik",
    "graphic",
    "symbolbild",
    "symbolfoto",
    "titelbild",
    "beitragsbild",
    "headerbild",
    "sharepic",
    "abbildung",
    "illustration",
    "logo",
    "screenshot",
    "platzhalter",
    "placeholder",
    "bildbeschreibung",
    "alternativtext",
    "alt-text",
    "alt text",
    "alt",
    "gif",
];

/// A file name with an image extension, or a camera/screenshot name (`IMG_1234`,
/// `DSC01234`, `PXL_20260504_101500`, `Screenshot 2026-05-04 …`, `WhatsApp Image …`), in
/// any case.
const FILE_NAME_PATTERN: &str = r"(?x)^(?:
    [^\s/\\]+(?:\s[^\s/\\]+){0,3}\.(?:jpe?g|png|gif|webp|hei[cf]|tiff?|bmp|svg|avif|dng|raw)
  | (?:img|dsc[nf]?|pxl|dji|gopr|mvimg|dcim|p)[_-]?\d[\w.-]*
  | (?:foto|photo|bild|image)[\s_-]?\d+
  | (?:screenshot|bildschirmfoto|whatsapp\ image)[\s_-]*\d[\d\s.:_-]*(?:(?:um|at)[\d\s.:_-]+)?
)$";

rule_settings! {
    /// Settings of `accessibility.alt-text`.
    #[schemars(rename = "AccessibilityAltTextSettings")]
    pub struct Settings {
        /// Shortest alt text in characters that counts as a description (default 10).
        pub min_chars: Option<u32>,
        /// Alt texts that describe nothing (any case; replaces the built-in list of
        /// "Bild", "Foto", "Image", "Grafik", "Symbolbild" …).
        pub generic: Option<Vec<String>>,
    }
}

documented_rule! {
    /// ## What it checks
    /// An image or GIF of the draft's `media` without a useful alt text: none or an empty
    /// one, a file or camera name (`IMG_1234.jpg`, `DSC01234`, `foto.png`), a generic word
    /// alone ("Bild", "Foto", "Symbolbild"), fewer than `min-chars` characters, or more
    /// characters than the target platform accepts (X 1000, Mastodon 1500, Bluesky 2000;
    /// one finding per platform). Findings have no text span; the message names the image
    /// by its position in `media` and its `file`.
    ///
    /// An image whose `alt_text` is absent and `alt_text_unknown` is `true` comes from a
    /// source that does not record alt texts (Facebook and Instagram exports): its alt text
    /// is unknown, not missing. Such images get no warning but one info per draft, whatever
    /// the configured severity, saying that their alt texts could not be checked.
    ///
    /// ## Why
    /// Blind and partially sighted people learn what an image shows only from its alt
    /// text. The Bundesfachstelle Barrierefreiheit asks public bodies for an alt text on
    /// every image (§12a Abs. 8 BGG); Sander (Kommune21-Forum)
    /// lists „Barrierefreiheit" among the requirements of municipal channels. A file name
    /// or "Bild" is read aloud but tells nothing. Over the platform cap the text is cut or
    /// refused on upload (caps in `core/data/platforms.toml`, counted in characters).
    ///
    /// ## Example
    /// `{"kind": "image", "alt_text": "IMG_4711.jpg"}` → describe the picture:
    /// "Bürgermeister Dreier eröffnet das Libori-Fest vor dem Dom".
    ///
    /// ## Configuration
    /// ```toml
    /// [rules."accessibility.alt-text"]
    /// min-chars = 15
    /// generic = ["bild", "foto", "symbolbild", "pressefoto"]
    /// ```
    /// Platform caps come from `[platform-settings.<platform>] alt-text`.
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Ein Bild oder GIF in `media` des Entwurfs ohne brauchbaren Alternativtext: keiner oder
    /// ein leerer, ein Datei- oder Kameraname (`IMG_1234.jpg`, `DSC01234`, `foto.png`), ein
    /// allgemeines Wort allein („Bild“, „Foto“, „Symbolbild“), weniger als `min-chars` Zeichen
    /// oder mehr Zeichen, als die Zielplattform annimmt (X 1000, Mastodon 1500, Bluesky 2000;
    /// ein Befund je Plattform). Die Befunde haben keine Textstelle; die Meldung nennt das Bild
    /// nach seiner Position in `media` und seinem Dateinamen (`file`).
    ///
    /// Ein Bild, dessen `alt_text` fehlt und dessen `alt_text_unknown` `true` ist, stammt aus
    /// einer Quelle, die keine Alternativtexte aufzeichnet (Exporte von Facebook und
    /// Instagram): Sein Alternativtext ist nicht bekannt – das heißt nicht, dass er fehlt.
    /// Solche Bilder erhalten keine Warnung, sondern je Entwurf einen Hinweis, gleich welche
    /// Schwere eingestellt ist, dass ihre Alternativtexte nicht geprüft werden konnten.
    ///
    /// ## Warum
    /// Blinde und sehbehinderte Menschen erfahren nur aus dem Alternativtext, was ein Bild
    /// zeigt. Die Bundesfachstelle Barrierefreiheit verlangt von öffentlichen Stellen einen
    /// Alternativtext für jedes Bild (§ 12a Abs. 8 BGG); Sander (Kommune21-Forum) zählt
    /// „Barrierefreiheit“ zu den Anforderungen an kommunale Kanäle. Ein Dateiname oder „Bild“
    /// wird vorgelesen, sagt aber nichts. Über der Grenze der Plattform wird der Text beim
    /// Hochladen gekürzt oder abgelehnt (Grenzen in `core/data/platforms.toml`, in Zeichen
    /// gezählt).
    ///
    /// ## Beispiel
    /// `{"kind": "image", "alt_text": "IMG_4711.jpg"}` → das Bild beschreiben:
    /// „Bürgermeister Dreier eröffnet das Libori-Fest vor dem Dom“.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [rules."accessibility.alt-text"]
    /// min-chars = 15
    /// generic = ["bild", "foto", "symbolbild", "pressefoto"]
    /// ```
    /// Die Grenzen der Plattformen kommen aus `[platform-settings.<platform>] alt-text`.
    pub(crate) struct AccessibilityAltText {
        min_chars: usize,
        generic: Vec<String>,
        /// Compiled for the first alt text.
        file_name: LazyRegex,
    }
}

impl RuleDef for AccessibilityAltText {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Warning;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Fehlender Alternativtext",
        en: "Missing alt text",
    };

    fn compile(settings: &Settings, _: &Account) -> Result<Self, SettingError> {
        Self::from_settings(settings)
    }
}

impl AccessibilityAltText {
    fn from_settings(settings: &Settings) -> Result<Self, SettingError> {
        let generic = match &settings.generic {
            Some(own) => own.iter().map(|word| normalize_generic(word)).collect(),
            None => DEFAULT_GENERIC
                .iter()
                .map(|&word| word.to_owned())
                .collect(),
        };
        Ok(AccessibilityAltText {
            min_chars: usize::try_from(settings.min_chars.unwrap_or(DEFAULT_MIN_CHARS))
                .unwrap_or(usize::MAX),
            generic,
            file_name: LazyRegex::new(any_case(FILE_NAME_PATTERN)),
        })
    }
}

/// Lowercase, without a leading article and trailing punctuation: "Ein Bild." → "bild".
fn normalize_generic(alt: &str) -> String {
    let trimmed = alt
        .trim()
        .trim_end_matches(['.', ':', '!', ';', ','])
        .trim();
    let lower = trimmed.to_lowercase();
    for article in ["ein ", "eine ", "das ", "die ", "der ", "a ", "an ", "the "] {
        if let Some(rest) = lower.strip_prefix(article) {
            return rest.trim().to_owned();
        }
    }
    lower
}

/// Why an alt text does not describe its image.
enum Problem<'a> {
    Missing,
    FileName(&'a str),
    Generic(&'a str),
    TooShort(&'a str, usize),
}

impl AccessibilityAltText {
    fn problem<'a>(&self, alt: Option<&'a str>) -> Option<Problem<'a>> {
        let alt = alt.map(str::trim).filter(|alt| !alt.is_empty());
        let Some(alt) = alt else {
            return Some(Problem::Missing);
        };
        if self.file_name.is_match(alt) {
            return Some(Problem::FileName(alt));
        }
        if self.generic.contains(&normalize_generic(alt)) {
            return Some(Problem::Generic(alt));
        }
        let chars = alt.chars().count();
        (chars < self.min_chars).then_some(Problem::TooShort(alt, chars))
    }
}

fn problem_finding(lang: Lang, image: &str, problem: &Problem<'_>, min: usize) -> Finding {
    let message = match problem {
        Problem::Missing => tr!(lang,
            de: "{image} hat keinen Alternativtext",
            en: "{image} has no alt text"),
        Problem::FileName(alt) => tr!(lang,
            de: "Alternativtext von {image} ist ein Dateiname: `{alt}`",
            en: "alt text of {image} is a file name: `{alt}`"),
        Problem::Generic(alt) => tr!(lang,
            de: "Alternativtext von {image} beschreibt nichts: `{alt}`",
            en: "alt text of {image} describes nothing: `{alt}`"),
        Problem::TooShort(alt, chars) => tr!(lang,
            de: "Alternativtext von {image} ist mit {chars} Zeichen zu kurz (mindestens {min}): `{alt}`",
            en: "alt text of {image} is too short at {chars} characters (at least {min}): `{alt}`"),
    };
    Finding::new(
        message,
        tr!(lang,
            de: "In ein, zwei Sätzen beschreiben, was auf dem Bild zu sehen ist und warum es zum Beitrag gehört; Screenreader lesen nur diesen Text vor",
            en: "describe in a sentence or two what the image shows and why it belongs to the post; screen readers read only this text"),
    )
}

impl Rule for AccessibilityAltText {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let mut unknown = Vec::new();
        for (index, media) in cx.draft.media.iter().enumerate() {
            let (noun_de, noun_en) = match media.kind {
                MediaKind::Image => ("Bild", "image"),
                MediaKind::Gif => ("gif", "GIF"),
                MediaKind::Video => continue,
            };
            if media.alt_text.is_none() && media.alt_text_unknown {
                unknown.push((media.kind, index + 1));
                continue;
            }
            let image = || media_label(cx.lang, noun_de, noun_en, index, media);
            if let Some(problem) = self.problem(media.alt_text.as_deref()) {
                out.push(problem_finding(cx.lang, &image(), &problem, self.min_chars));
                continue;
            }
            self.check_caps(cx, &image, media, out);
        }
        if !unknown.is_empty() {
            out.push(unknown_finding(cx.lang, &unknown));
        }
    }
}

/// One note for the images whose alt text the draft's source does not record: an info,
/// whatever the rule's severity, since nothing is known to be wrong with the post.
fn unknown_finding(lang: Lang, unknown: &[(MediaKind, usize)]) -> Finding {
    let images = unknown
        .iter()
        .map(|&(kind, number)| match (kind, lang) {
            (MediaKind::Gif, _) => format!("GIF {number}"),
            (_, Lang::En) => format!("image {number}"),
            _ => format!("Bild {number}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    Finding::new(
        tr!(lang,
            de: "Alternativtext nicht geprüft: Die Quelle des Entwurfs hält ihn nicht fest ({images})",
            en: "alt text not checked: the draft's source does not record it ({images})"),
        tr!(lang,
            de: "Die Alternativtexte auf der Plattform selbst prüfen; Exporte von Facebook und Instagram enthalten keine",
            en: "check the alt texts on the platform itself; Facebook and Instagram exports contain none"),
    )
    .with_severity(Severity::Info)
}

impl AccessibilityAltText {
    /// One finding per target platform whose alt-text cap the text exceeds.
    fn check_caps(
        &self,
        cx: &CheckContext<'_>,
        image: &dyn Fn() -> String,
        media: &Media,
        out: &mut Vec<Finding>,
    ) {
        let Some(alt) = media.alt_text.as_deref().map(str::trim) else {
            return;
        };
        let chars = alt.chars().count() as u64;
        for &platform in cx.platforms {
            let cap = cx
                .account
                .caps
                .get(&platform)
                .and_then(|caps| caps.alt_text);
            let Some(cap) = cap.filter(|&cap| chars > cap) else {
                continue;
            };
            let image = image();
            let name = platform_name(platform);
            out.push(
                Finding::new(
                    tr!(cx.lang,
                        de: "Alternativtext von {image} hat {chars} Zeichen, {name} erlaubt höchstens {cap}",
                        en: "alt text of {image} has {chars} characters, {platform} allows at most {cap}"),
                    tr!(cx.lang,
                        de: "Kürzen, das Wesentliche zuerst; lange Inhalte (Tabellen, Plakate) zusätzlich in den Beitrag oder auf die verlinkte Seite stellen",
                        en: "shorten it, essentials first; put long content (tables, posters) in the post or on the linked page as well"),
                )
                .on(platform),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn rule() -> AccessibilityAltText {
        AccessibilityAltText::from_settings(&Settings::default()).unwrap()
    }

    #[test]
    fn file_name_pattern_is_the_same_as_with_case_folding() {
        crate::text::regex_classes::tests::assert_same_pattern(
            rule().file_name.as_str(),
            &format!("(?i){FILE_NAME_PATTERN}"),
        );
    }

    #[test]
    fn file_and_camera_names_are_recognised() {
        let rule = rule();
        for name in [
            "IMG_1234.jpg",
            "IMG_1234",
            "DSC01234",
            "foto.png",
            "Rathaus Paderborn.JPEG",
            "PXL_20260504_101500123",
            "Screenshot 2026-05-04 um 10.00.00",
            "WhatsApp Image 2026-05-04 at 10.00.00",
        ] {
            assert!(rule.file_name.is_match(name), "{name}");
        }
        for description in [
            "Der Dom im Abendlicht.",
            "Foto: Stadt Paderborn",
            "Bild 1 von 3: Blick auf den Rathausplatz",
            "Plakat zum Stadtfest mit Programm ab 10.00 Uhr",
        ] {
            assert!(!rule.file_name.is_match(description), "{description}");
        }
    }

    #[test]
    fn generic_words_compare_without_article_and_case() {
        let rule = rule();
        assert!(matches!(
            rule.problem(Some(" Ein Bild. ")),
            Some(Problem::Generic(_))
        ));
        assert!(matches!(
            rule.problem(Some("SYMBOLBILD")),
            Some(Problem::Generic(_))
        ));
        assert!(matches!(rule.problem(Some("")), Some(Problem::Missing)));
        assert!(matches!(
            rule.problem(Some("Der Dom")),
            Some(Problem::TooShort(_, 7))
        ));
        assert!(
            rule.problem(Some("Symbolbild: Bagger auf einer Baustelle"))
                .is_none()
        );
    }
}
