//! The one conversion point from core errors to JavaScript: an `Error` named
//! `FreigabeError` carrying `kind`, `message`, `help`, `line`, `column` and `file`.

use freigabe::{InputError, Lang, PolicyError};
use wasm_bindgen::JsValue;

/// An error on its way to JavaScript; becomes a thrown `FreigabeError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BindingError {
    /// Stable lowercase kind (`syntax`, `unknown-key`, `invalid-draft`, `unknown-rule`…).
    kind: &'static str,
    message: String,
    help: Option<String>,
    /// 1-based line and column in the policy or history text, where known.
    position: Option<(usize, usize)>,
    /// The policy file the problem is in (policy errors only).
    file: Option<Box<str>>,
    /// Errors found with this one (every error of a policy file at once), in file order;
    /// boxed, because errors travel in every `Result`.
    also: Box<[BindingError]>,
}

/// `text` in `lang`.
fn pick(lang: Lang, de: String, en: String) -> String {
    match lang {
        Lang::En => en,
        _ => de,
    }
}

impl BindingError {
    fn new(kind: &'static str, message: String, help: String) -> BindingError {
        BindingError {
            kind,
            message,
            help: Some(help),
            position: None,
            file: None,
            also: Box::default(),
        }
    }

    pub(crate) fn unknown_platform(name: &str, lang: Lang) -> BindingError {
        BindingError::unknown(
            "unknown-platform",
            freigabe::wire::unknown_platform(name),
            lang,
        )
    }

    pub(crate) fn unknown_rule(id: &str, lang: Lang) -> BindingError {
        BindingError::unknown(
            "unknown-rule",
            freigabe::wire::unknown_rule(id, "`rules()`"),
            lang,
        )
    }

    fn unknown(
        kind: &'static str,
        unknown: freigabe::wire::UnknownName,
        lang: Lang,
    ) -> BindingError {
        BindingError::new(
            kind,
            unknown.message.get(lang).to_owned(),
            unknown.help.get(lang).to_owned(),
        )
    }

    pub(crate) fn draft_type(lang: Lang) -> BindingError {
        BindingError::new(
            "invalid-draft",
            pick(
                lang,
                "Ein Entwurf ist ein Text oder ein Objekt".to_owned(),
                "a draft is a string or an object".to_owned(),
            ),
            pick(
                lang,
                "`check(\"text\")` oder `check({ text: \"…\", account: \"…\" })`".to_owned(),
                "`check(\"text\")` or `check({ text: \"…\", account: \"…\" })`".to_owned(),
            ),
        )
    }

    pub(crate) fn not_json(lang: Lang) -> BindingError {
        BindingError::new(
            "invalid-draft",
            pick(
                lang,
                "Der Entwurf lässt sich nicht als JSON darstellen".to_owned(),
                "draft cannot be represented as JSON".to_owned(),
            ),
            pick(
                lang,
                "Nur Texte, Zahlen, Listen und einfache Objekte verwenden (keine Zyklen, kein BigInt)"
                    .to_owned(),
                "use only strings, numbers, arrays and plain objects (no cycles, no BigInt)"
                    .to_owned(),
            ),
        )
    }

    /// A key the options object does not know (a typo such as `histroy`).
    pub(crate) fn unknown_option(key: &str, known: &[&str], lang: Lang) -> BindingError {
        let known = known
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        BindingError::new(
            "invalid-option",
            pick(
                lang,
                format!("Unbekannte Option `{key}`"),
                format!("unknown option `{key}`"),
            ),
            pick(
                lang,
                format!("Bekannt sind {known}"),
                format!("known options: {known}"),
            ),
        )
    }

    /// A malformed option, such as `now` that is not a date or an unknown `lang`.
    pub(crate) fn invalid_option(
        option: &str,
        value: &str,
        help: (&str, &str),
        lang: Lang,
    ) -> BindingError {
        BindingError::new(
            "invalid-option",
            pick(
                lang,
                format!("Ungültige Option `{option}`: `{value}`"),
                format!("invalid option `{option}`: `{value}`"),
            ),
            pick(lang, help.0.to_owned(), help.1.to_owned()),
        )
    }

    /// A failure that is a bug of freigabe, not of the caller's input.
    pub(crate) fn internal(detail: &str) -> BindingError {
        BindingError {
            kind: "internal",
            message: format!("Interner Fehler: {detail}"),
            help: Some("Bitte melden: https://github.com/freigabe/freigabe/issues".to_owned()),
            position: None,
            file: None,
            also: Box::default(),
        }
    }

    /// The `Error` object JavaScript receives: this error's fields, and `errors`, every
    /// error found in the same run (this one first) as plain objects with the same fields.
    fn to_js_error(&self) -> js_sys::Error {
        let error = js_sys::Error::new(&self.message);
        error.set_name("FreigabeError");
        self.set_fields(&error);
        let all = js_sys::Array::new();
        for one in std::iter::once(self).chain(self.also.iter()) {
            let object = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &object,
                &JsValue::from_str("message"),
                &JsValue::from_str(&one.message),
            );
            one.set_fields(&object);
            all.push(&object);
        }
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("errors"), &all);
        error
    }

    /// Sets `kind`, `help`, `line`, `column` and `file` on `target`.
    fn set_fields(&self, target: &JsValue) {
        let help = self
            .help
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str);
        let number = |n: Option<usize>| n.map_or(JsValue::NULL, |n| JsValue::from(n as f64));
        let file = self
            .file
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str);
        let fields = [
            ("kind", JsValue::from_str(self.kind)),
            ("help", help),
            ("line", number(self.position.map(|p| p.0))),
            ("column", number(self.position.map(|p| p.1))),
            ("file", file),
        ];
        for (key, value) in fields {
            // Setting a property on a fresh object cannot fail.
            let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), &value);
        }
    }
}

impl From<BindingError> for JsValue {
    fn from(error: BindingError) -> JsValue {
        error.to_js_error().into()
    }
}

/// A policy that does not compile, with the place in the file it names, and every other
/// error found in the same run.
pub(crate) fn policy_error(error: &PolicyError, lang: Lang) -> BindingError {
    let one = |error: &PolicyError| BindingError {
        kind: error.kind.as_str(),
        message: error.message.get(lang).to_owned(),
        help: error.help.as_ref().map(|help| help.get(lang).to_owned()),
        position: error.location.as_ref().map(|l| (l.line, l.column)),
        file: Some(
            error
                .location
                .as_ref()
                .map_or(error.file.as_str(), |l| l.file.as_str())
                .into(),
        ),
        also: Box::default(),
    };
    BindingError {
        also: error.also.iter().map(one).collect(),
        ..one(error)
    }
}

/// A draft or history that cannot be checked.
pub(crate) fn input_error(error: &InputError, lang: Lang) -> BindingError {
    BindingError {
        kind: error.kind.as_str(),
        message: error.message.get(lang).to_owned(),
        help: error.help.as_ref().map(|help| help.get(lang).to_owned()),
        position: error.position,
        file: None,
        also: Box::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_errors_keep_kind_position_and_language() {
        let Err(error) = freigabe::Policy::from_toml("default-account = \"a\"\nplatfroms = 1\n")
        else {
            unreachable!("the policy has an unknown key");
        };
        let converted = policy_error(&error, Lang::En);
        assert_eq!(converted.kind, "unknown-key");
        assert_eq!(converted.position, Some((2, 1)));
        assert!(
            converted.message.contains("`platfroms`"),
            "{}",
            converted.message
        );
        assert_eq!(converted.file.as_deref(), Some("<policy>"));
    }

    #[test]
    fn unknown_rule_suggests_the_close_id() {
        let error = BindingError::unknown_rule("hashtag.max", Lang::En);
        assert_eq!(error.kind, "unknown-rule");
        assert_eq!(error.help.as_deref(), Some("did you mean `hashtags.max`?"));
        let german = BindingError::unknown_rule("hashtag.max", Lang::De);
        assert_eq!(german.message, "Unbekannte Regel `hashtag.max`");
    }
}
