//! HTML of exported posts to the plain text the author typed, with html5gum's WHATWG
//! tokenizer (character references decoded as browsers do, no hand-written entity table).

use html5gum::{StartTag, Token, Tokenizer};

/// Plain text of a post's HTML (Mastodon `content`): `<p>` paragraphs are separated by a
/// blank line, `<br>` is a line break, links keep their visible text. Mastodon shortens
/// long URLs for display by wrapping parts in `span.invisible`/`span.ellipsis`; every span's
/// text is kept, so the URL comes out whole.
///
/// The fallback of a quote post is left out: Mastodon 4.4+ prepends
/// `<p class="quote-inline">RE: <a href="…">…</a></p>` (Akkoma and Misskey append a
/// `<span class="quote-inline">`) for software that cannot show quotes. The author did not
/// write it and the link is the quoted post, not an outgoing link.
pub(super) fn to_text(html: &str) -> String {
    let mut text = String::new();
    // Inside a quote fallback: its tag name and how many such tags are open.
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    for token in Tokenizer::new(html).flatten() {
        if let Some((name, depth)) = &mut skipping {
            match &token {
                Token::StartTag(tag)
                    if tag.name.as_slice() == name.as_slice() && !tag.self_closing =>
                {
                    *depth += 1;
                }
                Token::EndTag(tag) if tag.name.as_slice() == name.as_slice() => {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
                _ => {}
            }
            continue;
        }
        match token {
            // An empty (self-closing) fallback has nothing to skip.
            Token::StartTag(tag) if is_quote_fallback(&tag) && !tag.self_closing => {
                skipping = Some((tag.name.to_vec(), 1));
            }
            Token::StartTag(tag) => match tag.name.as_slice() {
                b"br" => text.push('\n'),
                b"p" | b"blockquote" | b"pre" | b"ul" | b"ol" | b"h1" | b"h2" | b"h3" | b"h4"
                | b"h5" | b"h6" => break_block(&mut text, "\n\n"),
                b"li" => break_block(&mut text, "\n"),
                _ => {}
            },
            Token::String(string) => {
                let chunk = String::from_utf8_lossy(&string.value);
                // Whitespace between block tags of pretty-printed HTML is not text.
                if !(chunk.trim().is_empty() && (text.is_empty() || text.ends_with('\n'))) {
                    text.push_str(&chunk);
                }
            }
            _ => {}
        }
    }
    text.truncate(text.trim_end().len());
    text
}

/// An element whose class list has `quote-inline`.
fn is_quote_fallback(tag: &StartTag<()>) -> bool {
    tag.attributes
        .get(b"class".as_slice())
        .is_some_and(|class| {
            class
                .split(|b| b.is_ascii_whitespace())
                .any(|name| name == b"quote-inline")
        })
}

/// Starts a new block: `separator` unless the text is empty or already ends with it.
fn break_block(text: &mut String, separator: &str) {
    if text.is_empty() {
        return;
    }
    while !text.ends_with(separator) {
        text.push('\n');
    }
}

/// Decodes character references (`&amp;`, `&lt;`, `&gt;`, `&#39;`…) of a text that is
/// otherwise plain, such as X's `full_text`, which escapes exactly `&`, `<` and `>` (so no
/// tag can appear in it).
pub(super) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut decoded = String::with_capacity(text.len());
    for token in Tokenizer::new(text).flatten() {
        if let Token::String(string) = token {
            decoded.push_str(&String::from_utf8_lossy(&string.value));
        }
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_breaks_and_entities() {
        let html = "<p>Rat &amp; Verwaltung laden ein.<br />Heute 18 Uhr.</p><p>Eintritt &quot;frei&quot;</p>";
        assert_eq!(
            to_text(html),
            "Rat & Verwaltung laden ein.\nHeute 18 Uhr.\n\nEintritt \"frei\""
        );
    }

    #[test]
    fn shortened_mastodon_links_come_out_whole() {
        let html = r#"<p>Termine: <a href="https://www.paderborn.de/rathaus/buergerservice/termine" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">https://www.</span><span class="ellipsis">paderborn.de/rathaus/buergerse</span><span class="invisible">rvice/termine</span></a></p>"#;
        assert_eq!(
            to_text(html),
            "Termine: https://www.paderborn.de/rathaus/buergerservice/termine"
        );
    }

    #[test]
    fn hashtags_and_mentions_keep_their_visible_text() {
        let html = r##"<p><span class="h-card" translate="no"><a href="https://bonn.social/@stadtbonn" class="u-url mention">@<span>stadtbonn</span></a></span> Danke! <a href="https://social.example/tags/Libori" class="mention hashtag" rel="tag">#<span>Libori</span></a></p>"##;
        assert_eq!(to_text(html), "@stadtbonn Danke! #Libori");
    }

    #[test]
    fn quote_fallbacks_are_not_the_authors_text() {
        let mastodon = r#"<p class="quote-inline">RE: <a href="https://bonn.social/@stadtbonn/1"><span class="invisible">https://</span><span class="ellipsis">bonn.social/@stadtbonn/</span><span class="invisible">1</span></a></p><p>Gute Idee!</p>"#;
        assert_eq!(to_text(mastodon), "Gute Idee!");
        let akkoma = r#"<p>Gute Idee!<span class="quote-inline"><br/><br/>RE: <a href="https://a.example/notes/1">https://a.example/notes/1</a></span></p><p>Mehr dazu morgen.</p>"#;
        assert_eq!(to_text(akkoma), "Gute Idee!\n\nMehr dazu morgen.");
    }

    #[test]
    fn entities_of_plain_text_are_decoded_once() {
        assert_eq!(decode_entities("A &amp; B &lt;3 &gt; C"), "A & B <3 > C");
        // `&amp;copy;` is the escaped text "&copy;", not ©.
        assert_eq!(decode_entities("&amp;copy;"), "&copy;");
        assert_eq!(decode_entities("Zeile 1\nZeile 2"), "Zeile 1\nZeile 2");
    }
}
