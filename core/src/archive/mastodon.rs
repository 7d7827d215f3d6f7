//! Mastodon export: `outbox.json`, an ActivityStreams `OrderedCollection`.
//!
//! `orderedItems` holds activities in time order: `Create` with a `Note` object for the
//! account's own posts (`content` as HTML, `published`, `attachment` with `mediaType`, `url`
//! and `name` — the alt text the author wrote), `Announce` for boosts. The HTML becomes
//! plain text (paragraphs, line breaks, links with their full visible URL). Boosts and
//! direct messages (addressed neither to the public nor to followers) are skipped, as are
//! other activities. A content warning (`summary`) is not part of the text, nor is the
//! `RE: <link>` fallback of a quote post (Mastodon 4.4+). Audio attachments are left out
//! (drafts know images, videos and GIFs).
//!
//! Mastodon 4.2 and 4.3 write some top-level keys twice (`"orderedItems": []` before the
//! real list, a second `@context`); of a repeated key the last non-empty value is read.

use std::cell::Cell;

use jiff::Timestamp;
use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess};
use serde_json::Value;
use serde_json::value::RawValue;

use super::html::to_text;
use super::json::{Element, OrderedItems, Outbox};
use super::{ArchiveFormat, RecordError, RecordErrorKind, Records, SkipReason};
use crate::draft::{Draft, Media, MediaKind};
use crate::policy::{Localized, localized};
use crate::serde_errors::describe;

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Whether `text` is an outbox (`orderedItems` present), or why not, for detection. Of the
/// beginning of a larger file (`complete` false) the keys up to `orderedItems` are read.
pub(super) fn probe(text: &[u8], complete: bool) -> Result<(), Localized> {
    let found = Cell::new(false);
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    // Of the beginning of a larger file the read ends in an error; `found` tells whether
    // `orderedItems` came before it.
    let read = deserializer
        .deserialize_map(Outbox(NoteItems(&found)))
        .and_then(|()| deserializer.end());
    match read {
        _ if found.get() && !complete => Ok(()),
        Ok(()) if found.get() => Ok(()),
        Ok(()) => Err(Localized::new("kein `orderedItems`", "no `orderedItems`")),
        Err(error) => {
            let described = describe(&error.to_string(), "JSON").message;
            let line = error.line();
            Err(Localized::new(
                format!("kein gültiges JSON-Objekt (Zeile {line}: {})", described.de),
                format!("not a valid JSON object (line {line}: {})", described.en),
            ))
        }
    }
}

/// Notes that the outbox has `orderedItems` and skips them: detection reads no records.
struct NoteItems<'f>(&'f Cell<bool>);

impl<'de> OrderedItems<'de> for NoteItems<'_> {
    fn read_items<A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        self.0.set(true);
        map.next_value::<IgnoredAny>().map(drop)
    }
}

#[derive(Deserialize)]
struct Activity<'a> {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    #[serde(borrow)]
    object: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Note {
    id: Option<String>,
    #[serde(default)]
    content: String,
    published: String,
    #[serde(default)]
    attachment: Vec<Attachment>,
    #[serde(default)]
    to: Value,
    #[serde(default)]
    cc: Value,
}

#[derive(Deserialize)]
struct Attachment {
    #[serde(rename = "mediaType")]
    media_type: Option<String>,
    url: Option<String>,
    name: Option<String>,
}

/// Reads one activity of `orderedItems`.
pub(super) fn record(element: &Element<'_>, records: &mut Records<'_>) {
    match activity(element) {
        Ok(Read::Post(draft)) => records.post(element.locator, *draft),
        Ok(Read::Skip(id, reason)) => records.skip(element.locator, id, reason),
        Err(error) => records.error(error),
    }
}

/// What an activity of the outbox is.
enum Read {
    Post(Box<Draft>),
    Skip(Option<String>, SkipReason),
}

fn activity(element: &Element<'_>) -> Result<Read, RecordError> {
    let activity: Activity<'_> = element.parse(ArchiveFormat::Mastodon)?;
    match (activity.kind.as_str(), activity.object) {
        ("Announce", _) => Ok(Read::Skip(activity.id, SkipReason::Repost)),
        ("Create", Some(object)) => {
            let note: Note = element.nested(object).parse(ArchiveFormat::Mastodon)?;
            note_to_draft(element, note)
        }
        _ => Ok(Read::Skip(activity.id, SkipReason::NotAPost)),
    }
}

fn note_to_draft(element: &Element<'_>, note: Note) -> Result<Read, RecordError> {
    if !is_public_or_followers(&note) {
        return Ok(Read::Skip(note.id, SkipReason::Direct));
    }
    let published_at: Timestamp = note.published.parse().map_err(|_| {
        let published = &note.published;
        RecordError::new(
            element.locator,
            RecordErrorKind::InvalidTime,
            localized!(
                de: "`published` `{published}` ist kein Zeitpunkt",
                en: "`published` `{published}` is not a point in time",
            ),
            Localized::new(
                "Erwartet: RFC 3339, z. B. `2026-05-04T08:00:00Z`",
                "expected: RFC 3339, e.g. `2026-05-04T08:00:00Z`",
            ),
        )
        .with_id(note.id.clone())
    })?;
    let draft = Draft {
        id: note.id,
        published_at: Some(published_at),
        media: note.attachment.iter().filter_map(media).collect(),
        ..Draft::new(to_text(&note.content))
    };
    Ok(Read::Post(Box::new(draft)))
}

/// Public, unlisted and followers-only posts go to `as:Public` or a followers collection;
/// a direct message only to the people it mentions. A note without any addressing is
/// taken as public.
fn is_public_or_followers(note: &Note) -> bool {
    if note.to.is_null() && note.cc.is_null() {
        return true;
    }
    [&note.to, &note.cc]
        .into_iter()
        .flat_map(addresses)
        .any(|address| {
            address == PUBLIC || address == "as:Public" || address.ends_with("/followers")
        })
}

/// ActivityStreams allows one address or a list.
fn addresses(audience: &Value) -> Vec<&str> {
    match audience {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn media(attachment: &Attachment) -> Option<Media> {
    let media_type = attachment.media_type.as_deref().unwrap_or_default();
    let kind = if media_type == "image/gif" {
        MediaKind::Gif
    } else if media_type.starts_with("image/") {
        MediaKind::Image
    } else if media_type.starts_with("video/") {
        MediaKind::Video
    } else {
        return None;
    };
    Some(Media {
        kind,
        alt_text: attachment
            .name
            .clone()
            .filter(|name| !name.trim().is_empty()),
        // `name` is the alt text; without it the post has none.
        alt_text_unknown: false,
        credit: None,
        subtitles: None,
        file: attachment.url.clone(),
    })
}

#[cfg(test)]
mod tests {
    use crate::archive::regressions::{read_fixture, read_fixture_as, texts};
    use crate::archive::{ArchiveFormat, ArchiveOptions, RecordErrorKind, SkipReason, read};
    use crate::draft::MediaKind;
    use crate::platform::Platform;

    const OUTBOX: &str = r#"{
  "@context": "https://www.w3.org/ns/activitystreams",
  "id": "outbox.json",
  "type": "OrderedCollection",
  "totalItems": 4,
  "orderedItems": [
    {
      "id": "https://social.example/users/stadt/statuses/1/activity",
      "type": "Create",
      "published": "2026-05-04T08:00:00Z",
      "object": {
        "id": "https://social.example/users/stadt/statuses/1",
        "type": "Note",
        "published": "2026-05-04T08:00:00Z",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "cc": ["https://social.example/users/stadt/followers"],
        "content": "<p>Neue Termine &amp; mehr:<br /><a href=\"https://www.paderborn.de/termine\"><span class=\"invisible\">https://www.</span><span class=\"\">paderborn.de/termine</span><span class=\"invisible\"></span></a></p><p>Bis bald!</p>",
        "attachment": [
          {"type": "Document", "mediaType": "image/jpeg", "url": "media_attachments/files/1/original/a.jpg", "name": "Das Rathaus im Abendlicht"},
          {"type": "Document", "mediaType": "video/mp4", "url": "media_attachments/files/1/original/b.mp4", "name": null}
        ]
      }
    },
    {"id": "https://social.example/users/stadt/statuses/2/activity", "type": "Announce", "object": "https://other.example/statuses/9"},
    {"id": "https://social.example/users/stadt/statuses/3/activity", "type": "Create",
     "object": {"id": "https://social.example/users/stadt/statuses/3", "type": "Note", "content": "<p>kaputt</p>", "published": "bald", "to": ["https://www.w3.org/ns/activitystreams#Public"]}},
    {"id": "https://social.example/users/stadt/statuses/4/activity", "type": "Create",
     "object": {"id": "https://social.example/users/stadt/statuses/4", "type": "Note", "content": "<p>privat</p>", "published": "2026-05-05T08:00:00Z", "to": ["https://bonn.social/users/anna"]}}
  ]
}"#;

    #[test]
    fn notes_become_text_with_alt_texts_and_boosts_are_skipped() {
        let archive = read("outbox.json", OUTBOX.as_bytes(), &ArchiveOptions::default()).unwrap();
        assert_eq!(archive.format, ArchiveFormat::Mastodon);
        assert_eq!(archive.records.len(), 2);
        let post = archive.records[0].as_ref().unwrap();
        assert_eq!(
            post.draft.text,
            "Neue Termine & mehr:\nhttps://www.paderborn.de/termine\n\nBis bald!"
        );
        assert_eq!(post.draft.platforms, Some(vec![Platform::Mastodon]));
        assert_eq!(post.draft.media.len(), 2);
        assert_eq!(
            post.draft.media[0].alt_text.as_deref(),
            Some("Das Rathaus im Abendlicht")
        );
        assert_eq!(post.draft.media[1].kind, MediaKind::Video);
        assert_eq!(post.draft.media[1].alt_text, None);
        assert_eq!(post.locator.line, Some(7));

        let broken = archive.records[1].as_ref().unwrap_err();
        assert_eq!(broken.kind, RecordErrorKind::InvalidTime);
        assert_eq!(broken.locator.record, 3);
        assert_eq!(
            broken.id.as_deref(),
            Some("https://social.example/users/stadt/statuses/3")
        );

        let reasons: Vec<_> = archive
            .skipped
            .iter()
            .map(|s| (s.locator.record, s.reason))
            .collect();
        assert_eq!(reasons, [(2, SkipReason::Repost), (4, SkipReason::Direct)]);
    }

    /// What broke: Mastodon 4.2/4.3 write `"orderedItems": []` and `@context` twice; the
    /// outbox stopped with "duplicate field" and detection read it as one draft.
    #[test]
    fn an_outbox_with_duplicate_keys_reads_the_non_empty_items() {
        let name = "mastodon-4.3-outbox-duplicate-keys.json";
        let detected = read_fixture(name);
        assert_eq!(detected.format, ArchiveFormat::Mastodon);
        assert_eq!(
            texts(&detected),
            [
                "Der Wochenmarkt auf dem Domplatz zieht am Samstag wegen des Katholikentags-Aufbaus auf den Hindenburgplatz um.",
                "Heute ab 18 Uhr tagt der Rat im Festsaal des Rathauses. Die Sitzung ist öffentlich.",
            ]
        );
        assert_eq!(detected.skipped[0].reason, SkipReason::Repost);
        let named = read_fixture_as(name, Some(ArchiveFormat::Mastodon));
        assert_eq!(named, detected);
    }

    #[test]
    fn of_repeated_keys_the_last_non_empty_value_counts() {
        let outbox = r#"{"orderedItems": [{"type": "Like"}], "orderedItems": [], "@context": "a", "@context": "b"}"#;
        let options = ArchiveOptions {
            format: Some(ArchiveFormat::Mastodon),
            ..ArchiveOptions::default()
        };
        let archive = read("outbox.json", outbox.as_bytes(), &options).unwrap();
        assert_eq!(archive.skipped[0].reason, SkipReason::NotAPost);
        let empty = read("outbox.json", br#"{"orderedItems": []}"#, &options).unwrap();
        assert!(empty.records.is_empty() && empty.skipped.is_empty());
    }

    /// What broke: Mastodon 4.4+ quote posts start with a `RE: <link>` paragraph the author
    /// did not write, and its link counted as an outgoing link.
    #[test]
    fn a_quote_posts_fallback_link_is_not_part_of_the_text() {
        let archive = read_fixture("mastodon-4.4-quote-post-outbox.json");
        assert_eq!(
            texts(&archive),
            ["Gute Idee aus Bonn: Auch in Münster können Sie Sperrmüll ab Juli online anmelden."]
        );
    }

    #[test]
    fn an_outbox_without_items_names_the_expected_shape() {
        let options = ArchiveOptions {
            format: Some(ArchiveFormat::Mastodon),
            ..ArchiveOptions::default()
        };
        let error = read("outbox.json", br#"{"type": "Person"}"#, &options).unwrap_err();
        assert_eq!(
            error.message.get(crate::Lang::En),
            "no `orderedItems`; expected: Mastodon `outbox.json` (ActivityStreams collection with `orderedItems`)"
        );
    }
}
