//! The syntax errors of the TOML and JSON parsers in German. The parsers word them in
//! English only; German is our default language, so every message they produce for a
//! policy or a draft is translated here. A message not in the table (a parser update)
//! stays English and a test over the parsers' messages fails.

/// What toml's and serde_json's parsers say, and the same in German: what follows
/// „Ungültiges TOML:“, so a phrase starts in lower case unless it is a noun or a sentence.
const DESCRIPTIONS: &[(&str, &str)] = &[
    // toml_parser / toml
    (
        "invalid basic string",
        "Zeichenkette ohne schließendes Anführungszeichen",
    ),
    (
        "invalid multi-line basic string",
        "mehrzeilige Zeichenkette ohne schließendes `\"\"\"`",
    ),
    (
        "invalid literal string",
        "Zeichenkette ohne schließendes `'`",
    ),
    (
        "invalid multi-line literal string",
        "mehrzeilige Zeichenkette ohne schließendes `'''`",
    ),
    (
        "string values must be quoted",
        "Texte stehen in Anführungszeichen",
    ),
    ("unclosed array", "Liste ohne schließende Klammer"),
    ("unclosed table", "Tabellenkopf ohne schließende Klammer"),
    (
        "unclosed array table",
        "Tabellenkopf `[[…]]` ohne schließende Klammern",
    ),
    (
        "unclosed inline table",
        "Inline-Tabelle ohne schließende Klammer",
    ),
    ("duplicate key", "Schlüssel kommt doppelt vor"),
    (
        "extra comma in inline table",
        "überzähliges Komma in der Inline-Tabelle",
    ),
    ("extra comma in array", "überzähliges Komma in der Liste"),
    (
        "missing escaped value",
        "Nach `\\` fehlt ein gültiges Zeichen",
    ),
    ("unexpected leading zero", "Zahl mit führender Null"),
    ("unquoted keys cannot be empty", "Schlüssel fehlt"),
    (
        "unexpected key or value",
        "unerwarteter Schlüssel oder Wert",
    ),
    ("extra `=`", "überzähliges `=`"),
    (
        "integers with a radix cannot be signed",
        "Zahlen mit `0x`, `0o` oder `0b` haben kein Vorzeichen",
    ),
    (
        "`_` may only go between digits",
        "`_` steht nur zwischen Ziffern",
    ),
    ("invalid date", "ungültiges Datum"),
    ("invalid time", "ungültige Uhrzeit"),
    ("invalid datetime", "ungültiger Zeitpunkt"),
    ("invalid boolean", "ungültiger Wahrheitswert"),
    ("invalid integer", "ungültige ganze Zahl"),
    ("invalid float", "ungültige Kommazahl"),
    ("invalid fraction", "Ziffern nach dem Punkt fehlen"),
    ("invalid exponent", "ungültiger Exponent"),
    ("key with no value", "Schlüssel ohne Wert"),
    ("missing value", "Wert fehlt"),
    ("missing value for key", "Wert zum Schlüssel fehlt"),
    (
        "missing comma between array elements",
        "Komma zwischen Listeneinträgen fehlt",
    ),
    (
        "missing comma between key-value pairs",
        "Komma zwischen Einträgen fehlt",
    ),
    (
        "missing assignment between key-value pairs",
        "`=` zwischen Schlüssel und Wert fehlt",
    ),
    (
        "extra assignment between key-value pairs",
        "überzähliges `=`",
    ),
    (
        "carriage return must be followed by newline",
        "Wagenrücklauf (`\\r`) ohne Zeilenumbruch",
    ),
    ("missing opening quote", "Öffnendes Anführungszeichen fehlt"),
    (
        "radix must be lowercase",
        "`0x`, `0o` und `0b` werden kleingeschrieben",
    ),
    (
        "invalid unquoted key",
        "ungültiger Schlüssel ohne Anführungszeichen",
    ),
    ("invalid key", "ungültiger Schlüssel"),
    (
        "cannot recurse further; max recursion depth met",
        "zu tief verschachtelt",
    ),
    (
        "too few unicode value digits",
        "zu wenige Ziffern nach `\\u`",
    ),
    ("unexpected sign", "unerwartetes Vorzeichen"),
    ("unexpected content", "unerwarteter Inhalt"),
    (
        "unexpected content between comment and newline",
        "unerwarteter Inhalt nach dem Kommentar",
    ),
    ("unexpected `=` in array", "`=` in einer Liste"),
    ("redundant numeric sign", "doppeltes Vorzeichen"),
    ("redundant integer number prefix", "doppeltes Zahlenpräfix"),
    (
        "missing table open",
        "Öffnende Klammer des Tabellenkopfs fehlt",
    ),
    ("missing array opening", "Öffnende Klammer der Liste fehlt"),
    (
        "missing inline table opening",
        "Öffnende Klammer der Inline-Tabelle fehlt",
    ),
    (
        "missing key for inline table element",
        "Schlüssel in der Inline-Tabelle fehlt",
    ),
    ("invalid key-value pair", "ungültiger Eintrag"),
    (
        "invalid inline table element",
        "ungültiger Eintrag in der Inline-Tabelle",
    ),
    ("invalid value", "ungültiger Wert"),
    (
        "invalid comment character",
        "ungültiges Zeichen im Kommentar",
    ),
    ("invalid string", "ungültige Zeichenkette"),
    ("invalid unicode escape", "ungültige `\\u`-Folge"),
    // serde_json
    (
        "EOF while parsing a list",
        "Die Eingabe endet mitten in einer Liste",
    ),
    (
        "EOF while parsing an object",
        "Die Eingabe endet mitten in einem Objekt",
    ),
    (
        "EOF while parsing a string",
        "Die Eingabe endet mitten in einer Zeichenkette",
    ),
    (
        "EOF while parsing a value",
        "Die Eingabe endet vor einem Wert",
    ),
    ("expected `:`", "`:` erwartet"),
    ("expected `,` or `]`", "`,` oder `]` erwartet"),
    ("expected `,` or `}`", "`,` oder `}` erwartet"),
    (
        "expected ident",
        "unbekanntes Wort (möglich sind `true`, `false` und `null`)",
    ),
    ("expected value", "Wert erwartet"),
    ("expected `\"`", "`\"` erwartet"),
    ("invalid escape", "ungültige Folge nach `\\`"),
    ("invalid number", "ungültige Zahl"),
    (
        "number out of range",
        "Zahl außerhalb des zulässigen Bereichs",
    ),
    ("invalid unicode code point", "ungültiges Unicode-Zeichen"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "Steuerzeichen in einer Zeichenkette (einen Zeilenumbruch als `\\n` schreiben)",
    ),
    (
        "key must be a string",
        "Schlüssel stehen in Anführungszeichen",
    ),
    ("trailing comma", "überzähliges Komma am Ende"),
    ("trailing characters", "Zeichen nach dem Ende des Werts"),
    (
        "lone leading surrogate in hex escape",
        "einzelnes Ersatzzeichen (Surrogat) in `\\u`",
    ),
    ("unexpected end of hex escape", "unvollständige `\\u`-Folge"),
    ("recursion limit exceeded", "zu tief verschachtelt"),
];

/// What toml lists after "expected", in German.
const EXPECTATIONS: &[(&str, &str)] = &[
    ("nothing", "nichts weiter"),
    ("newline", "Zeilenumbruch"),
    ("literal string", "Text in Anführungszeichen"),
    ("value", "Wert"),
    ("key", "Schlüssel"),
    ("letters", "Buchstaben"),
    ("numbers", "Ziffern"),
    ("digits", "Ziffern"),
    ("unicode hexadecimal value", "Hexadezimalziffern"),
    ("whitespace", "Leerraum"),
    ("comment", "Kommentar"),
    ("month between 01 and 12", "Monat von 01 bis 12"),
    ("day between 01 and 31", "Tag von 01 bis 31"),
    ("day between 01 and 30", "Tag von 01 bis 30"),
    ("day between 01 and 29", "Tag von 01 bis 29"),
    ("day between 01 and 28", "Tag von 01 bis 28"),
    ("hour between 00 and 23", "Stunde von 00 bis 23"),
    ("minute between 00 and 59", "Minute von 00 bis 59"),
    ("second between 00 and 60", "Sekunde von 00 bis 60"),
];

/// The parser's one-line message (`invalid basic string, expected `"``) in German, or
/// `None` when a part of it is not in the tables.
pub(super) fn in_german(message: &str) -> Option<String> {
    let (description, expected) = match message.split_once(", expected ") {
        Some((description, expected)) => (description, Some(expected)),
        None => (message, None),
    };
    let german = lookup(DESCRIPTIONS, description)?;
    let Some(expected) = expected else {
        return Some(german.to_owned());
    };
    let items: Option<Vec<&str>> = expected
        .split(", ")
        .map(|item| {
            // Code (`]`, `true`) needs no translation.
            if item.starts_with('`') && item.ends_with('`') {
                Some(item)
            } else {
                lookup(EXPECTATIONS, item)
            }
        })
        .collect();
    Some(format!("{german}; erwartet: {}", items?.join(", ")))
}

fn lookup(table: &[(&str, &'static str)], english: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(key, _)| *key == english)
        .map(|(_, german)| *german)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    /// Broken policies and drafts as users write them; every message the parsers give for
    /// them has a German form.
    #[test]
    fn the_parsers_messages_for_common_mistakes_are_in_german() {
        let tomls = [
            "name = \"abc",
            "name = abc",
            "a = [1, 2",
            "a = [1 2]",
            "[accounts.b",
            "a = 1\na = 2",
            "a = { b = 1,, }",
            "a = \"\\q\"",
            "a = 01",
            "= 1",
            "a = 1 b = 2",
            "a == 1",
            "[a]\n[a]",
            "a = [1,,2]",
            "a = '''x",
            "a = +0x1",
            "a = 1_",
            "a = 1979-13-01",
            "a = tru",
            "a = \"x\" # ok\nb",
            "a = 'x",
            "a = \"\"\"x",
            "[[a]\n",
            "a = { b = 1",
            "a = 1979-05-27T25:00:00",
            "a = 0X1",
            "a = 1.",
            "a = \"\\u12\"",
        ];
        let mut missing = Vec::new();
        for text in tomls {
            let error = toml::from_str::<toml::Table>(text).expect_err(text);
            let message = error
                .message()
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned();
            if in_german(&message).is_none() {
                missing.push(format!("{message:?} (from {text:?})"));
            }
        }
        let jsons = [
            "[1, 2",
            "{\"a\": 1",
            "\"abc",
            "",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\": 1 \"b\": 2}",
            "tru",
            "{\"a\": }",
            "\"\\q\"",
            "01",
            "1e999",
            "\"\n\"",
            "{1: 2}",
            "[1,]",
            "{} x",
            "\"\\ud800\"",
            "\"\\u12",
        ];
        for text in jsons {
            let error = serde_json::from_str::<serde_json::Value>(text).expect_err(text);
            let message = error.to_string();
            let message = message.split(" at line ").next().unwrap_or_default();
            if in_german(message).is_none() {
                missing.push(format!("{message:?} (from {text:?})"));
            }
        }
        assert!(missing.is_empty(), "no German for:\n{}", missing.join("\n"));
    }

    #[test]
    fn expectations_are_translated_and_code_kept() {
        assert_eq!(
            in_german("invalid basic string, expected `\"`").as_deref(),
            Some("Zeichenkette ohne schließendes Anführungszeichen; erwartet: `\"`")
        );
        assert_eq!(
            in_german("unexpected key or value, expected newline, `#`").as_deref(),
            Some("unerwarteter Schlüssel oder Wert; erwartet: Zeilenumbruch, `#`")
        );
        assert_eq!(in_german("something new"), None);
    }
}
