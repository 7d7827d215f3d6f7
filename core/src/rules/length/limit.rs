use crate::lang::{grouped, tr};
use crate::platform::Platform;
use crate::report::Severity;
use crate::rules::{
    Account, CheckContext, Finding, Rule, RuleDef, SettingError, Title, documented_rule,
    platform_name, rule_settings,
};

rule_settings! {
    /// Settings of `length.limit`. Limits themselves are set per platform under
    /// `[platform-settings.<platform>]` (e.g. `limit = 1000` for a Mastodon server).
    #[schemars(rename = "LengthLimitSettings")]
    pub struct Settings {}
}

documented_rule! {
    /// ## What it checks
    /// The draft is longer than a target platform accepts, counted the way that platform
    /// counts: X by twitter-text's weighted length (URLs 23, emoji 2, CJK 2), Mastodon by
    /// graphemes with URLs as 23 and remote mentions as `@user`, Bluesky by graphemes (300)
    /// and UTF-8 bytes (3,000), Threads with emoji as their UTF-8 length, Instagram,
    /// Facebook and LinkedIn by characters. The span covers the overflow: from the first
    /// character that no longer fits to the end, so an editor can highlight it. On X, the
    /// leading @mentions of a reply's `reply_to` accounts are not counted, as X does not
    /// count them. An empty text (or one with U+FFFE, U+FEFF, U+FFFF) is reported for X,
    /// which refuses it, unless the draft has media: a post of media alone is valid.
    ///
    /// ## Why
    /// One draft goes to several channels at once ("Veröffentlichung einer Meldung auf
    /// allen Kanälen gleichzeitig", "Automatische Berücksichtigung der Kanalrestriktionen",
    /// Sander, Kommune21-Forum). A post the platform rejects or truncates does not go out
    /// as approved. Limits and counting rules: `core/data/platforms.toml`, with source and
    /// date per value.
    ///
    /// ## Example
    /// A 300-character post for X (limit 280 weighted characters): the last 20 characters
    /// are marked.
    ///
    /// ## Configuration
    /// ```toml
    /// [platform-settings.mastodon]
    /// limit = 1000          # our server allows more
    /// [rules."length.limit"]
    /// severity = "error"
    /// ```
    ///
    /// # Deutsch
    ///
    /// ## Was geprüft wird
    /// Der Entwurf ist länger, als eine Zielplattform annimmt, gezählt so, wie diese Plattform
    /// zählt: X nach der gewichteten Länge von twitter-text (URLs 23, Emoji 2, CJK 2), Mastodon
    /// nach Graphemen mit URLs als 23 Zeichen und Erwähnungen auf anderen Servern als `@user`,
    /// Bluesky nach Graphemen (300) und UTF-8-Bytes (3.000), Threads mit Emoji in ihrer
    /// UTF-8-Länge, Instagram, Facebook und LinkedIn nach Zeichen. Markiert wird der Überhang:
    /// vom ersten Zeichen, das nicht mehr passt, bis zum Ende, damit ein Editor ihn hervorheben
    /// kann. Auf X zählen die @-Erwähnungen der `reply_to`-Konten am Anfang einer Antwort nicht
    /// mit, weil X sie nicht zählt. Ein leerer Text (oder einer mit U+FFFE, U+FEFF, U+FFFF) wird
    /// für X gemeldet, das ihn ablehnt, es sei denn, der Entwurf hat Medien: Ein Beitrag nur aus
    /// Medien ist gültig.
    ///
    /// ## Warum
    /// Ein Entwurf geht auf mehrere Kanäle zugleich („Veröffentlichung einer Meldung auf allen
    /// Kanälen gleichzeitig“, „Automatische Berücksichtigung der Kanalrestriktionen“, Sander,
    /// Kommune21-Forum). Ein Beitrag, den die Plattform ablehnt oder kürzt, erscheint nicht so,
    /// wie er freigegeben wurde. Grenzen und Zählweisen: `core/data/platforms.toml`, mit Quelle
    /// und Datum je Wert.
    ///
    /// ## Beispiel
    /// Ein Beitrag mit 300 Zeichen für X (Grenze: 280 gewichtete Zeichen): Die letzten 20 Zeichen
    /// werden markiert.
    ///
    /// ## Einstellungen
    /// ```toml
    /// [platform-settings.mastodon]
    /// limit = 1000          # unser Server erlaubt mehr
    /// [rules."length.limit"]
    /// severity = "error"
    /// ```
    pub(crate) struct LengthLimit;
}

impl RuleDef for LengthLimit {
    type Settings = Settings;
    const DEFAULT_SEVERITY: Severity = Severity::Error;
    const DOCS: &'static str = Self::DOC_TEXT;
    const TITLE: Title = Title {
        de: "Zu lang für die Plattform",
        en: "Too long for the platform",
    };

    fn compile(_: &Settings, _: &Account) -> Result<Self, SettingError> {
        Ok(LengthLimit)
    }
}

impl Rule for LengthLimit {
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for (&platform, measure) in cx.measures {
            let name = platform_name(platform);
            // A post of media alone (a reply: media and the reply chain) is a valid post.
            let counted = cx.draft.text.get(cx.draft.reply_prefix_len()..);
            let media_only =
                counted.is_none_or(|text| text.trim().is_empty()) && !cx.draft.media.is_empty();
            if !measure.valid_text && !media_only {
                out.push(
                    Finding::new(
                        tr!(cx.lang,
                            de: "{name} nimmt diesen Text nicht an: Er ist leer oder enthält unzulässige Zeichen (U+FFFE, U+FEFF, U+FFFF)",
                            en: "{name} does not accept this text: it is empty or contains invalid characters (U+FFFE, U+FEFF, U+FFFF)"),
                        tr!(cx.lang,
                            de: "Einen Text eingeben bzw. die unsichtbaren Zeichen entfernen",
                            en: "write a text or remove the invisible characters"),
                    )
                    .on(platform),
                );
                continue;
            }
            let over_length = measure.length > measure.limit;
            let over_bytes = measure.bytes.filter(|&(bytes, limit)| bytes > limit);
            if !over_length && over_bytes.is_none() {
                continue;
            }
            let (length, limit, unit_de, unit_en) = match over_bytes {
                Some((bytes, limit)) if !over_length => (bytes, limit, "Bytes", "bytes"),
                _ => (
                    measure.length,
                    measure.limit,
                    unit(platform).0,
                    unit(platform).1,
                ),
            };
            let over = grouped(length - limit, cx.lang);
            let (length, limit) = (grouped(length, cx.lang), grouped(limit, cx.lang));
            let mut finding = Finding::new(
                tr!(cx.lang,
                    de: "Zu lang für {name}: {length} von {limit} {unit_de} ({over} zu viel)",
                    en: "too long for {name}: {length} of {limit} {unit_en} ({over} over)"),
                tr!(cx.lang,
                    de: "Um {over} kürzen oder {name} als Kanal abwählen; der markierte Teil passt nicht mehr",
                    en: "shorten by {over} or drop {name} as a channel; the marked part no longer fits"),
            )
            .on(platform);
            if let Some(start) = measure.overflow_start {
                finding = finding.at(start, cx.draft.text.len());
            }
            out.push(finding);
        }
    }
}

fn unit(platform: Platform) -> (&'static str, &'static str) {
    match platform {
        Platform::X => ("gewichteten Zeichen", "weighted characters"),
        _ => ("Zeichen", "characters"),
    }
}
