//! Instagram "Download your information" (JSON):
//! `your_instagram_activity/content/posts_1.json`.
//!
//! A list of posts, each `{"media": [{"uri", "creation_timestamp", "title", …}], "title",
//! "creation_timestamp"}`. A post with one photo keeps caption and time in that photo
//! (`media[0].title`, `media[0].creation_timestamp`); a carousel has them at the top. Strings
//! carry Meta's byte-wise escaping, which is repaired. The export has no alt texts, so media
//! come without `alt_text`. There is no post id; the time stamp serves as the record's id.

use serde::Deserialize;

use super::json::Element;
use super::mojibake::repaired;
use super::{ArchiveFormat, RecordError, RecordErrorKind, Records, media_from_file};
use crate::draft::Draft;
use crate::policy::Localized;

#[derive(Deserialize)]
struct Post {
    #[serde(default)]
    media: Vec<InstagramMedia>,
    title: Option<String>,
    creation_timestamp: Option<i64>,
}

#[derive(Deserialize)]
struct InstagramMedia {
    uri: String,
    creation_timestamp: Option<i64>,
    title: Option<String>,
}

/// Reads one record of the export.
pub(super) fn record(element: &Element<'_>, records: &mut Records<'_>) {
    let post: Post = match element.parse(ArchiveFormat::Instagram) {
        Ok(post) => post,
        Err(error) => {
            records.error(error);
            return;
        }
    };
    let first = post.media.first();
    let caption = non_empty(post.title.as_deref())
        .or_else(|| first.and_then(|media| non_empty(media.title.as_deref())))
        .map(repaired)
        .unwrap_or_default();
    let Some(seconds) = post
        .creation_timestamp
        .or_else(|| first.and_then(|media| media.creation_timestamp))
    else {
        records.error(RecordError::new(
            element.locator,
            RecordErrorKind::InvalidRecord,
            Localized::new(
                "Ungültiger Eintrag: `creation_timestamp` fehlt",
                "invalid record: missing `creation_timestamp`",
            ),
            Localized::new(
                "Ein Instagram-Beitrag hat `creation_timestamp` oben oder im ersten `media`-Eintrag",
                "an Instagram post has `creation_timestamp` at the top or in its first `media` entry",
            ),
        ));
        return;
    };
    let id = seconds.to_string();
    let published_at = match element.unix_time(seconds, "creation_timestamp") {
        Ok(time) => time,
        Err(error) => {
            records.error(error.with_id(Some(id)));
            return;
        }
    };
    let draft = Draft {
        id: Some(id),
        published_at: Some(published_at),
        media: post
            .media
            .iter()
            .map(|media| media_from_file(repaired(&media.uri)))
            .collect(),
        ..Draft::new(caption)
    };
    records.post(element.locator, draft);
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.filter(|text| !text.trim().is_empty())
}
