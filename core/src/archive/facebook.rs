//! Facebook "Download your information" (JSON):
//! `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`.
//!
//! A list of posts, each `{"timestamp": <unix seconds>, "data": [{"post": "…"}, …],
//! "attachments": [{"data": [{"media": {"uri", "creation_timestamp", "description"}}]}],
//! "title": "… hat einen Beitrag geteilt."}`. Strings carry Meta's byte-wise escaping,
//! which is repaired. The export carries no alt texts: a photo's `description` is its
//! caption, so media come without `alt_text` rather than with an invented one. Link
//! previews (`external_context`) are not part of the text and are left out. Entries with
//! neither text nor media (profile-picture updates, check-ins) are skipped. Meta exports
//! carry no post id; the time stamp (unix seconds) serves as the record's id.

use serde::Deserialize;

use super::json::elements;
use super::mojibake::repaired;
use super::{ArchiveError, ArchiveFormat, Records, SkipReason, media_from_file};
use crate::draft::{Draft, Media};

#[derive(Deserialize)]
struct Post {
    timestamp: i64,
    #[serde(default)]
    data: Vec<Data>,
    #[serde(default)]
    attachments: Vec<Attachment>,
}

#[derive(Deserialize)]
struct Data {
    post: Option<String>,
}

#[derive(Deserialize)]
struct Attachment {
    #[serde(default)]
    data: Vec<AttachmentData>,
}

#[derive(Deserialize)]
struct AttachmentData {
    media: Option<FacebookMedia>,
}

#[derive(Deserialize)]
struct FacebookMedia {
    uri: String,
}

pub(super) fn read(text: &str, records: &mut Records<'_>) -> Result<(), ArchiveError> {
    for element in elements(text, text, ArchiveFormat::Facebook)? {
        let post: Post = match element.parse(ArchiveFormat::Facebook) {
            Ok(post) => post,
            Err(error) => {
                records.error(error);
                continue;
            }
        };
        let id = post.timestamp.to_string();
        let published_at = match element.unix_time(post.timestamp, "timestamp") {
            Ok(time) => time,
            Err(error) => {
                records.error(error.with_id(Some(id)));
                continue;
            }
        };
        let text = post
            .data
            .iter()
            .find_map(|data| data.post.as_deref())
            .map(repaired)
            .unwrap_or_default();
        let media: Vec<Media> = post
            .attachments
            .iter()
            .flat_map(|attachment| &attachment.data)
            .filter_map(|data| data.media.as_ref())
            .map(|media| media_from_file(repaired(&media.uri)))
            .collect();
        if text.trim().is_empty() && media.is_empty() {
            records.skip(element.locator, Some(id), SkipReason::Empty);
            continue;
        }
        let draft = Draft {
            id: Some(id),
            published_at: Some(published_at),
            media,
            ..Draft::new(text)
        };
        records.post(element.locator, draft);
    }
    Ok(())
}
