//! What counts as a question and what as an automatic notice, on the folded text (case,
//! `ß`/`ss`, look-alike letters and fancy Unicode fonts do not matter).

use crate::text::fold::Folded;

/// Words that open a German question: interrogatives, compared as whole words.
const QUESTION_WORDS: &[&str] = &[
    "wann", "wo", "wie", "warum", "wieso", "weshalb", "weswegen", "was", "wer", "wen", "wem",
    "wessen", "welche", "welcher", "welches", "welchen", "welchem", "woher", "wohin", "womit",
    "wofür", "wozu", "worauf", "woran", "worüber", "wodurch", "wieviel", "wieviele", "gibts",
];

/// Two-word openers: a verb first, then the one asked (`Können Sie …`, `Gibt es …`).
const QUESTION_PHRASES: &[[&str; 2]] = &[
    ["können", "sie"],
    ["könnten", "sie"],
    ["kann", "man"],
    ["kann", "ich"],
    ["könnt", "ihr"],
    ["gibt", "es"],
    ["wissen", "sie"],
    ["weiss", "jemand"],
    ["wisst", "ihr"],
    ["hat", "jemand"],
    ["haben", "sie"],
    ["habt", "ihr"],
    ["darf", "man"],
    ["muss", "man"],
    ["muss", "ich"],
    ["bekommt", "man"],
    ["ist", "es"],
];

/// Phrases that announce a question anywhere in a comment (`ich hätte eine Frage zum …`).
const QUESTION_CUES: &[&str] = &[
    "eine frage",
    "frage mich",
    "bitte um auskunft",
    "bitte um info",
    "bitte um rückmeldung",
];

/// Salutations before a comma (`Hallo zusammen, wann …`): the question starts after them.
const GREETINGS: &[&str] = &[
    "hallo", "hi", "hey", "moin", "servus", "guten", "liebe", "lieber", "liebes", "sehr",
];

/// Phrases of automatic notices when the policy adds none (folded like the text).
pub const DEFAULT_AUTO_REPLY_MARKERS: &[&str] = &[
    "automatische antwort",
    "automatisch erstellt",
    "automatisch versandt",
    "automatisch versendet",
    "automatic reply",
    "auto-reply",
    "außerhalb unserer servicezeiten",
    "außerhalb unserer dienstzeiten",
    "außerhalb unserer öffnungszeiten",
    "außerhalb der dienstzeiten",
    "außerhalb der servicezeiten",
    "wir melden uns",
    "melden uns schnellstmöglich",
    "am nächsten werktag",
    "ab montag wieder",
];

/// Whether a comment asks something: it contains a question mark; or a sentence opens with
/// a question word (`wann`, `wo`, `wie`, `warum`, `welche`, …) or a question phrase
/// (`können Sie`, `gibt es`, …) and does not end in `!` (`Wie schön!`), leading @mentions
/// and a salutation before a comma (`Hallo zusammen, wann …`) skipped; or it announces one
/// (`ich hätte eine Frage`, `bitte um Auskunft`).
///
/// Heuristic by nature: `Wie immer super` without any punctuation counts as a question.
pub fn is_question(text: &str) -> bool {
    if text.contains(['?', '？', '¿']) {
        return true;
    }
    let folded = Folded::new(text);
    let folded = folded.as_str();
    if QUESTION_CUES.iter().any(|cue| contains_words(folded, cue)) {
        return true;
    }
    let mut rest = folded;
    while !rest.is_empty() {
        let end = rest.find(['.', '!', ';', ':', '\n']).unwrap_or(rest.len());
        let sentence = &rest[..end];
        let exclaimed = rest[end..].starts_with('!');
        if !exclaimed && opens_question(sentence) {
            return true;
        }
        rest = rest.get(end + 1..).unwrap_or_default();
    }
    false
}

/// Whether `phrase` occurs in `text` as whole words (`keine frage` does not contain
/// `eine frage`).
fn contains_words(text: &str, phrase: &str) -> bool {
    let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase).any(|(start, _)| {
        let before = text[..start].chars().next_back();
        let after = text[start + phrase.len()..].chars().next();
        !is_word_char(before) && !is_word_char(after)
    })
}

/// Whether a sentence starts like a question, after mentions and a salutation.
fn opens_question(sentence: &str) -> bool {
    let words = |part: &str| -> Vec<String> {
        part.split(|c: char| !(c.is_alphanumeric() || c == '@' || c == '-'))
            .filter(|word| !word.is_empty() && !word.starts_with('@'))
            .map(str::to_owned)
            .collect()
    };
    let mut start = words(sentence);
    if start
        .first()
        .is_some_and(|first| GREETINGS.contains(&first.as_str()))
        && let Some((_, after)) = sentence.split_once(',')
    {
        start = words(after);
    }
    match start.as_slice() {
        [first, second, ..]
            if QUESTION_PHRASES
                .iter()
                .any(|[a, b]| *a == first.as_str() && *b == second.as_str()) =>
        {
            true
        }
        [first, ..] => QUESTION_WORDS.contains(&first.as_str()),
        [] => false,
    }
}

/// Automatic-notice phrases ready for matching: the built-in ones and the policy's, folded.
pub(crate) struct AutoReplyMarkers {
    folded: Vec<String>,
}

impl AutoReplyMarkers {
    pub fn new(extra: &[String]) -> AutoReplyMarkers {
        let folded = DEFAULT_AUTO_REPLY_MARKERS
            .iter()
            .copied()
            .chain(extra.iter().map(String::as_str))
            .map(|marker| Folded::new(marker).as_str().trim().to_owned())
            .filter(|marker| !marker.is_empty())
            .collect();
        AutoReplyMarkers { folded }
    }

    /// Whether a reply's text contains one of the phrases.
    pub fn matches(&self, text: &str) -> bool {
        let folded = Folded::new(text);
        self.folded
            .iter()
            .any(|marker| folded.as_str().contains(marker.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_by_mark_or_opener() {
        for text in [
            "Wann öffnet das Bürgerbüro am Samstag",
            "WANN ist die Sprechstunde",
            "Hallo zusammen, wo kann ich den Sperrmüll anmelden",
            "@StadtPaderborn gibt es noch Karten für Libori",
            "Können Sie mir sagen, ob die Kita morgen offen hat.",
            "Tolles Fest. Welche Straßen sind morgen gesperrt",
            "Ist der Spielplatz wieder offen?",
            "Frage: weiß jemand, ob der Markt stattfindet",
            "Guten Morgen! Ich hätte eine Frage zum Anwohnerparkausweis",
        ] {
            assert!(is_question(text), "{text}");
        }
    }

    #[test]
    fn statements_and_exclamations_are_no_questions() {
        for text in [
            "Danke für die schnelle Hilfe!",
            "Wie schön!",
            "Was für ein tolles Fest!",
            "Am Wochenende war ich auf dem Wochenmarkt.",
            "Ich weiß nicht, wo das ist.",
            "Das ist keine Frage des Geldes.",
            "",
        ] {
            assert!(!is_question(text), "{text}");
        }
    }

    #[test]
    fn markers_match_folded_text() {
        let markers = AutoReplyMarkers::new(&["Rückmeldung folgt".to_owned()]);
        assert!(markers.matches("Danke! AUSSERHALB UNSERER SERVICEZEITEN lesen wir nicht mit."));
        assert!(markers.matches("Ihre Rückmeldung folgt morgen früh."));
        assert!(!markers.matches("Die Sperrung endet um 18 Uhr."));
    }
}
