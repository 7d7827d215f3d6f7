//! `address.*`: the form of address the account requires (`sie`, `du`, `ihr`), decided by
//! German grammar rather than a word list (see [`grammar`]).
pub(crate) mod grammar;
mod words;

pub(crate) mod formal;
pub(crate) mod informal;
pub(crate) mod lowercase_sie;
pub(crate) mod mixed;

use std::sync::OnceLock;

use crate::account::AddressForm;
use crate::lang::{Lang, tr};
use crate::rules::address::grammar::{Address, Form, Grammar};
use crate::text::TextView;

/// The grammar, built once per process and shared by every account and rule.
fn grammar() -> &'static Grammar {
    static BUILT: OnceLock<Grammar> = OnceLock::new();
    BUILT.get_or_init(Grammar::new)
}

/// What the author wrote for an address (original text, disguises included).
fn written<'a>(text: &'a TextView<'_>, address: &Address) -> &'a str {
    text.text.get(address.span.clone()).unwrap_or_default()
}

/// The form's name in messages.
fn form_name(form: Form) -> &'static str {
    match form {
        Form::Formal => "Sie",
        Form::Du => "du",
        Form::Ihr => "ihr",
    }
}

/// The account's form as a grammar form.
fn required(form: AddressForm) -> Form {
    match form {
        AddressForm::Sie => Form::Formal,
        AddressForm::Du => Form::Du,
        AddressForm::Ihr => Form::Ihr,
    }
}

/// The possessive of `target` form that replaces `word` (a folded possessive of another
/// form) one to one: `deine` → `Ihre`, `euren` → `deinen`. `None` for non-possessives.
fn possessive_replacement(word: &str, target: Form, capital: bool) -> Option<String> {
    let ending = ["dein", "euer", "eur", "ihr"]
        .iter()
        .find_map(|stem| word.strip_prefix(stem))?;
    // `euer` is the bare form; `eur-` takes the endings.
    let ending = if word == "euer" { "" } else { ending };
    if !["", "e", "em", "en", "er", "es"].contains(&ending) || word == "deins" {
        return None;
    }
    let replacement = match target {
        Form::Formal => format!("Ihr{ending}"),
        Form::Du => format!("dein{ending}"),
        Form::Ihr if ending.is_empty() => "euer".to_owned(),
        Form::Ihr => format!("eur{ending}"),
    };
    Some(if capital || target == Form::Formal {
        capitalise(&replacement)
    } else {
        replacement
    })
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// An example sentence in the required form, for help texts.
fn example(form: Form, lang: Lang) -> String {
    match form {
        Form::Formal => tr!(lang,
            de: "z. B. `Kommen Sie vorbei!`, `Ihre Anmeldung`",
            en: "e.g. `Kommen Sie vorbei!`, `Ihre Anmeldung`"),
        Form::Du => tr!(lang,
            de: "z. B. `Komm vorbei!`, `deine Anmeldung`",
            en: "e.g. `Komm vorbei!`, `deine Anmeldung`"),
        Form::Ihr => tr!(lang,
            de: "z. B. `Kommt vorbei!`, `eure Anmeldung`",
            en: "e.g. `Kommt vorbei!`, `eure Anmeldung`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessives_map_one_to_one() {
        assert_eq!(
            possessive_replacement("deine", Form::Formal, false).as_deref(),
            Some("Ihre")
        );
        assert_eq!(
            possessive_replacement("euer", Form::Formal, false).as_deref(),
            Some("Ihr")
        );
        assert_eq!(
            possessive_replacement("euren", Form::Du, false).as_deref(),
            Some("deinen")
        );
        assert_eq!(
            possessive_replacement("deinem", Form::Ihr, true).as_deref(),
            Some("Eurem")
        );
        assert_eq!(
            possessive_replacement("dein", Form::Ihr, false).as_deref(),
            Some("euer")
        );
        assert_eq!(possessive_replacement("dich", Form::Formal, false), None);
        assert_eq!(possessive_replacement("euch", Form::Formal, false), None);
    }
}
