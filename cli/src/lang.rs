//! Choosing the message language and picking localized CLI texts.

use freigabe::Lang;

use crate::args::LangArg;

/// `--lang` wins; otherwise `FREIGABE_LANG` (`de`, `en`, `en_US.UTF-8`…); otherwise German.
pub fn resolve(flag: Option<LangArg>) -> Lang {
    match flag {
        Some(lang) => lang.into(),
        None => std::env::var("FREIGABE_LANG")
            .ok()
            .and_then(|tag| Lang::parse(&tag))
            .unwrap_or_default(),
    }
}

/// The German or the English text.
pub fn tr(lang: Lang, de: impl Into<String>, en: impl Into<String>) -> String {
    match lang {
        Lang::En => en.into(),
        _ => de.into(),
    }
}
