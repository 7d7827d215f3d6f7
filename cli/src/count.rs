//! `freigabe count`: a text's length as one platform counts it.

use std::process::ExitCode;

use freigabe::Lang;

use crate::args::CountArgs;
use crate::error::{CliError, Input};
use crate::input::{read_text, strip_final_newline};
use crate::output::write_stdout;

/// Prints `{"platform","length","limit","valid"}`. Exit code 1 when the text is over the
/// limit (like `check` with findings), 0 when it fits.
pub fn run(args: CountArgs, lang: Lang) -> Result<ExitCode, CliError> {
    let text =
        read_text(&args.file).map_err(|e| CliError::io(Input::Text, &args.file, &e, lang))?;
    let count = freigabe::count_text(args.platform, &strip_final_newline(text))
        .map_err(|e| CliError::new("internal", e.to_string(), None))?;
    let json = serde_json::to_string(&count).unwrap_or_default();
    write_stdout(&(json + "\n"), lang)?;
    Ok(if count.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
