//! Repair of Meta's export encoding: Facebook and Instagram write every byte of a UTF-8
//! character as its own `\u00XX` escape, so "Bürger" arrives as "BÃ¼rger".

use std::borrow::Cow;

/// The text as meant: if every character is at most U+00FF, at least one is not ASCII, and
/// those characters read as bytes are valid UTF-8, the decoded text; otherwise the text as
/// it is. A genuine Latin-1 text ("Grüße" as `\u00fc`, `\u00df`) is almost never valid
/// UTF-8 read that way, so it stays.
pub(super) fn repair(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let bytes: Option<Vec<u8>> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect();
    match bytes.map(String::from_utf8) {
        Some(Ok(decoded)) => Cow::Owned(decoded),
        _ => Cow::Borrowed(text),
    }
}

/// [`repair`] into an owned string.
pub(super) fn repaired(text: &str) -> String {
    repair(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_written_as_utf8_bytes_are_decoded() {
        // What Meta writes for "Bürgermeister": `B\u00c3\u00bcrgermeister`.
        let exported: String = serde_json::from_str(r#""B\u00c3\u00bcrgermeister""#).unwrap();
        assert_eq!(exported, "BÃ¼rgermeister");
        assert_eq!(repair(&exported), "Bürgermeister");
    }

    #[test]
    fn emoji_written_as_four_bytes_are_decoded() {
        let exported: String =
            serde_json::from_str(r#""Libori \u00f0\u009f\u008e\u0089""#).unwrap();
        assert_eq!(repair(&exported), "Libori 🎉");
    }

    #[test]
    fn genuine_latin1_and_real_unicode_stay() {
        assert_eq!(repair("Grüße aus Paderborn"), "Grüße aus Paderborn");
        assert!(matches!(repair("Grüße"), Cow::Borrowed(_)));
        // Already proper Unicode beyond U+00FF is left alone.
        assert_eq!(repair("Bürger 🎉"), "Bürger 🎉");
        assert_eq!(repair("plain"), "plain");
    }
}
