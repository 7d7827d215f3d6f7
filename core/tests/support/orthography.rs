//! German orthography of message texts, as far as a machine can check it: a German message
//! or help line starts like a sentence (a capital letter, or code, a quotation, a number or
//! an inserted value) and writes the nouns our messages use with a capital letter (Duden
//! D 68). Code in backticks and quotations („…“) are left out: they show what the user
//! wrote.

/// Nouns of our messages that must never appear in lower case as whole words.
pub const NOUNS: &[&str] = &[
    "abkürzung",
    "abkürzungen",
    "adresse",
    "akte",
    "alternativtext",
    "anrede",
    "antwort",
    "archiv",
    "aufforderung",
    "beitrag",
    "beiträge",
    "beiträgen",
    "beitrags",
    "bild",
    "buchstaben",
    "datei",
    "dateien",
    "datum",
    "dienstzeiten",
    "domain",
    "eintrag",
    "emoji",
    "entwurf",
    "feiertag",
    "fehler",
    "form",
    "gemeinde",
    "gemeindeschlüssel",
    "großbuchstaben",
    "hashtag",
    "hashtags",
    "hilfe",
    "impressum",
    "kalenderwoche",
    "kanal",
    "kanäle",
    "konto",
    "kontos",
    "konten",
    "leser",
    "leserinnen",
    "liste",
    "minute",
    "minuten",
    "nummer",
    "nummern",
    "partei",
    "parteien",
    "person",
    "personen",
    "pfad",
    "plattform",
    "plattformen",
    "profil",
    "profils",
    "redaktion",
    "regel",
    "richtlinie",
    "rolle",
    "satz",
    "sätze",
    "sätzen",
    "schlüssel",
    "screenreader",
    "seite",
    "spalte",
    "spalten",
    "stadt",
    "stunden",
    "tage",
    "telefonnummer",
    "thema",
    "themen",
    "untertitel",
    "uhrzeit",
    "video",
    "wahl",
    "wert",
    "woche",
    "wochen",
    "wort",
    "wörter",
    "wörtern",
    "zeichen",
    "zeile",
    "zeitpunkt",
    "zeitzone",
];

/// Abbreviations written without the space German puts after each of their dots.
const ABBREVIATIONS_WITHOUT_SPACE: [&str; 5] = ["z.B.", "d.h.", "u.a.", "z.T.", "i.d.R."];

/// Everything wrong with `text` as a German message or help line; empty if nothing is.
pub fn problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let prose = without_code_and_quotes(text);
    let first = text.trim_start().chars().next();
    if let Some(first) = first {
        let starts_well = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(
                first,
                '`' | '„' | '"' | '(' | '#' | '@' | '+' | '-' | '–' | '§'
            );
        if !starts_well {
            found.push(format!("does not start with a capital letter: {text:?}"));
        }
    }
    // Abbreviations with a space after each dot, as Duden writes them (D 3).
    for written in ABBREVIATIONS_WITHOUT_SPACE {
        if prose.contains(written) {
            found.push(format!(
                "abbreviation `{written}` without its space: {text:?}"
            ));
        }
    }
    // Addresses (`https://…`, `name@host`, `paderborn.de`) are written as they are.
    let words = prose
        .split_whitespace()
        .filter(|token| !token.contains(['/', '@']) && !is_domain(token))
        .flat_map(|token| token.split(|c: char| !(c.is_alphanumeric() || c == '-')));
    for word in words {
        // A compound like `Vier-Augen-Prinzip` is checked by its first part.
        let head = word.split('-').next().unwrap_or_default();
        if NOUNS.contains(&head) && !word.contains('.') {
            found.push(format!("noun `{head}` in lower case: {text:?}"));
        }
    }
    found
}

/// `paderborn.de`: a dot between letters.
fn is_domain(token: &str) -> bool {
    let chars: Vec<char> = token.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0].is_alphabetic() && w[1] == '.' && w[2].is_alphabetic())
}

/// `text` with code spans (`…`) and quotations („…“) blanked out.
fn without_code_and_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let mut quote_depth = 0usize;
    for c in text.chars() {
        match c {
            '`' => in_code = !in_code,
            '„' if !in_code => quote_depth += 1,
            '“' if !in_code => quote_depth = quote_depth.saturating_sub(1),
            _ if in_code || quote_depth > 0 => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn the_old_lower_case_messages_fail() {
    for old in [
        "informelle anrede `du` (du-form): dieses konto siezt",
        "emoji `🎉` mitten im satz",
        "das private konto `buergermeister` verlinkt das amtliche impressum",
        "leserinnen und leser durchgehend mit „Sie“ ansprechen",
        "Informelle Anrede `du` (du-form): dieses konto siezt",
        "Ein Kurzlink, z.B. bit.ly",
    ] {
        assert!(!problems(old).is_empty(), "{old:?} passes");
    }
}

#[test]
fn german_sentences_pass() {
    for good in [
        "Informelle Anrede `dich` (Du-Form): Dieses Konto siezt",
        "Emoji `🎉` mitten im Satz",
        "`Du` als Anrede: `konto` and „beitrag“ are what the user wrote",
        "63.206 Zeichen, die ersten 477 Zeichen",
        "Den Link https://www.paderborn.de/impressum anfügen, z. B. „Impressum: …“",
    ] {
        assert_eq!(problems(good), Vec::<String>::new());
    }
}
