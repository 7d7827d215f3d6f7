//! `accessibility.*`: posts that screen readers can read and everyone can follow
//! (Bundesfachstelle Barrierefreiheit; §12a(8) BGG). CamelCase hashtags are
//! `hashtags.camel-case`.
pub(crate) mod all_caps;
pub(crate) mod alt_text;
mod capitalised_names;
pub(crate) mod emoji;
pub(crate) mod fake_bold;
pub(crate) mod video_subtitles;

use crate::draft::Media;
use crate::lang::{Lang, tr};

/// How messages name an attachment: its 1-based position among the draft's media and, if
/// given, its file, e.g. "bild 2 (`rathaus.jpg`)".
pub(crate) fn media_label(
    lang: Lang,
    noun_de: &str,
    noun_en: &str,
    index: usize,
    media: &Media,
) -> String {
    let number = index + 1;
    match media
        .file
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        Some(file) => {
            tr!(lang, de: "{noun_de} {number} (`{file}`)", en: "{noun_en} {number} (`{file}`)")
        }
        None => tr!(lang, de: "{noun_de} {number}", en: "{noun_en} {number}"),
    }
}
