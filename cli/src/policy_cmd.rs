//! `freigabe policy check` and `freigabe policy schema`.

use std::path::Path;
use std::process::ExitCode;

use freigabe::Lang;

use crate::args::PolicyCommand;
use crate::error::CliError;
use crate::input::load_engine;
use crate::lang::tr;
use crate::output::write_stdout;

/// Validates a policy (loading and compiling every rule) or prints the schema.
pub fn run(command: PolicyCommand, lang: Lang) -> Result<ExitCode, CliError> {
    match command {
        PolicyCommand::Check { file } => {
            let engine = load_engine(Path::new(&file), lang)?;
            let policy = engine.policy();
            let accounts = policy.account_ids().count();
            let digest = policy.digest();
            let line = tr(
                lang,
                format!(
                    "ok: {file} ({accounts} {}, digest {digest})\n",
                    if accounts == 1 { "Konto" } else { "Konten" }
                ),
                format!(
                    "ok: {file} ({accounts} {}, digest {digest})\n",
                    if accounts == 1 { "account" } else { "accounts" }
                ),
            );
            write_stdout(&line, lang)?;
        }
        PolicyCommand::Schema => write_stdout(&freigabe::Policy::json_schema(), lang)?,
    }
    Ok(ExitCode::SUCCESS)
}
