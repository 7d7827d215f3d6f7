//! Reading drafts, history and policies from files or standard input.

use std::io::{self, Read};
use std::path::Path;

use freigabe::{Draft, HistoryEntry, Lang, Policy};

use crate::error::{CliError, Input};
use crate::lang::tr;

/// Reads a file, or standard input for `-`.
pub fn read_text(path: &str) -> io::Result<String> {
    if path == "-" {
        let mut text = String::new();
        io::stdin().lock().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

/// The name used for an input in messages and SARIF: the path, or `stdin` for `-`.
pub fn display_name(path: &str) -> &str {
    if path == "-" { "stdin" } else { path }
}

/// Whether a draft path names a plain-text file.
pub fn is_text_file(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

/// Drops the one line break that editors and `echo` put at the end of a text file; it is
/// not part of the post.
pub fn strip_final_newline(mut text: String) -> String {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    text
}

/// Reads a draft: JSON, or plain text when `as_text` is set. Returns the draft and the
/// file's content it was read from.
pub fn load_draft(path: &str, as_text: bool, lang: Lang) -> Result<(Draft, String), CliError> {
    let source = read_text(path).map_err(|e| CliError::io(Input::Draft, path, &e, lang))?;
    if as_text {
        let draft = Draft::new(strip_final_newline(source.clone()));
        return Ok((draft, source));
    }
    match freigabe::wire::parse_draft(&source) {
        Ok(draft) => Ok((draft, source)),
        Err(e) => {
            let mut error = CliError::from_input(&e, lang, display_name(path), Some(&source));
            // Plain text given where JSON was expected: point to the way to check plain text.
            if !source.trim_start().starts_with(['{', '[']) {
                error.help = Some(tr(
                    lang,
                    "Reinen Text mit `--text` prüfen oder als `.txt`-Datei übergeben",
                    "check plain text with `--text`, or pass it as a `.txt` file",
                ));
            }
            Err(error)
        }
    }
}

/// Reads the history file, if one is given.
pub fn load_history(path: Option<&Path>, lang: Lang) -> Result<Vec<HistoryEntry>, CliError> {
    let Some(path) = path else {
        return Ok(Vec::new());
    };
    let name = path.to_string_lossy();
    let source = read_text(&name).map_err(|e| CliError::io(Input::History, &name, &e, lang))?;
    freigabe::wire::parse_history(&source)
        .map_err(|e| CliError::from_input(&e, lang, display_name(&name), Some(&source)))
}

/// Loads and validates a policy file and the files it extends.
pub fn load_policy(path: &str, lang: Lang) -> Result<Policy, CliError> {
    Policy::load(path, |file| {
        // Core puts this text into its message; make it the short lowercase reason.
        std::fs::read_to_string(file)
            .map_err(|e| io::Error::new(e.kind(), crate::error::describe_io(&e, lang)))
    })
    .map_err(|e| CliError::from_policy(&e, lang))
}

/// Loads a policy and compiles it.
pub fn load_engine(path: &Path, lang: Lang) -> Result<freigabe::Engine, CliError> {
    let policy = load_policy(&path.to_string_lossy(), lang)?;
    freigabe::Engine::new(policy)
        .map(|engine| engine.with_lang(lang))
        .map_err(|e| CliError::from_policy(&e, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_newline_is_dropped_once() {
        assert_eq!(strip_final_newline("Hallo\n".into()), "Hallo");
        assert_eq!(strip_final_newline("Hallo\r\n".into()), "Hallo");
        assert_eq!(strip_final_newline("Hallo\n\n".into()), "Hallo\n");
        assert_eq!(strip_final_newline("Hallo".into()), "Hallo");
    }

    #[test]
    fn txt_extension_is_case_insensitive() {
        assert!(is_text_file("post.txt"));
        assert!(is_text_file("POST.TXT"));
        assert!(!is_text_file("post.json"));
        assert!(!is_text_file("-"));
    }
}
