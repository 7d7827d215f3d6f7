//! Writing results to standard output.

use std::io::{self, Write};

use freigabe::Lang;

use crate::error::CliError;
use crate::lang::tr;

/// Writes to stdout; colour codes are stripped unless stdout is a terminal without
/// `NO_COLOR`. A closed pipe (`freigabe … | head`) is not an error.
pub fn write_stdout(text: &str, lang: Lang) -> Result<(), CliError> {
    let mut stdout = anstream::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(write_error(&error, lang)),
        _ => Ok(()),
    }
}

/// Writes an error to stderr, stripping colour as for stdout. Nothing sensible is left to do
/// if stderr itself is gone.
pub fn write_stderr(text: &str) {
    let mut stderr = anstream::stderr().lock();
    let _ = writeln!(stderr, "{text}");
}

/// Output could not be written (disk full, closed terminal).
pub fn write_error(error: &io::Error, lang: Lang) -> CliError {
    let reason = crate::error::describe_io(error, lang);
    CliError::new(
        "io",
        tr(
            lang,
            format!("Ausgabe kann nicht geschrieben werden: {reason}"),
            format!("cannot write output: {reason}"),
        ),
        Some(tr(
            lang,
            "Freien Speicherplatz und das Ziel der Umleitung prüfen",
            "check free space and the redirect target",
        )),
    )
}
