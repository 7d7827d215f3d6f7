//! Facebook "Download your information" (JSON):
//! `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`.
//!
//! A list of posts, each `{"timestamp": <unix seconds>, "data": [{"post": "…"}, …],
//! "attachments": [{"data": [{"media": {"uri", "creation_timestamp", "description"}}]}],
//! "title": "… hat einen Beitrag geteilt."}`. Strings carry Meta's byte-wise escaping,
//! which is repaired. The export carries no alt texts: a photo's `description` is its
//! caption, so media come with `alt_text_unknown` rather than with an invented alt text.
//! A shared link (`attachments[].data[].external_context.url`) is part of the post: it
//! becomes the text of a share without text, and is appended (after a blank line) to a
//! text that does not contain it yet. Entries with neither text, link nor media
//! (profile-picture updates, check-ins) are skipped. Meta exports carry no post id; the
//! time stamp (unix seconds) serves as the record's id.

use serde::Deserialize;

use super::json::Element;
use super::mojibake::repaired;
use super::{ArchiveFormat, Records, SkipReason, media_from_file};
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
    external_context: Option<ExternalContext>,
}

/// A shared link; `url` is missing for shares of things other than web pages.
#[derive(Deserialize)]
struct ExternalContext {
    url: Option<String>,
}

#[derive(Deserialize)]
struct FacebookMedia {
    uri: String,
}

/// Reads one record of the export.
pub(super) fn record(element: &Element<'_>, records: &mut Records<'_>) {
    let post: Post = match element.parse(ArchiveFormat::Facebook) {
        Ok(post) => post,
        Err(error) => {
            records.error(error);
            return;
        }
    };
    let id = post.timestamp.to_string();
    let published_at = match element.unix_time(post.timestamp, "timestamp") {
        Ok(time) => time,
        Err(error) => {
            records.error(error.with_id(Some(id)));
            return;
        }
    };
    let mut text = post
        .data
        .iter()
        .find_map(|data| data.post.as_deref())
        .map(repaired)
        .unwrap_or_default();
    let links = post
        .attachments
        .iter()
        .flat_map(|attachment| &attachment.data)
        .filter_map(|data| data.external_context.as_ref()?.url.as_deref())
        .map(repaired);
    for link in links {
        append_link(&mut text, &link);
    }
    let media: Vec<Media> = post
        .attachments
        .iter()
        .flat_map(|attachment| &attachment.data)
        .filter_map(|data| data.media.as_ref())
        .map(|media| media_from_file(repaired(&media.uri)))
        .collect();
    if text.trim().is_empty() && media.is_empty() {
        records.skip(element.locator, Some(id), SkipReason::Empty);
        return;
    }
    let draft = Draft {
        id: Some(id),
        published_at: Some(published_at),
        media,
        ..Draft::new(text)
    };
    records.post(element.locator, draft);
}

/// A shared link as the text, or after it, unless the text already has it.
fn append_link(text: &mut String, link: &str) {
    let link = link.trim();
    if link.is_empty() || text.contains(link) {
        return;
    }
    text.truncate(text.trim_end().len());
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(link);
}

#[cfg(test)]
mod tests {
    use crate::archive::ArchiveFormat;
    use crate::archive::regressions::{read_fixture, texts};

    /// What broke: link shares without text were skipped as empty, and a shared link was
    /// not part of the text that link rules check.
    #[test]
    fn shared_links_are_read_as_part_of_the_post() {
        let archive = read_fixture("facebook-link-shares.json");
        assert_eq!(archive.format, ArchiveFormat::Facebook);
        assert!(archive.skipped.is_empty());
        assert_eq!(
            texts(&archive),
            [
                "https://www.paderborn.de/microsite/libori/programm/index.php",
                "Sperrmüll können Sie jetzt online anmelden.\n\nhttps://www.paderborn.de/abfall/sperrmuell.php",
                "Alle Baustellen der Woche: https://www.paderborn.de/verkehr/baustellen.php",
            ]
        );
    }
}
