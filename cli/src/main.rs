//! `freigabe`: the command-line interface of the freigabe policy engine.
//!
//! Exit codes: 0 nothing at or above `--fail-on`, 1 findings at or above it, 2 usage,
//! policy or input errors.

mod args;
mod batch;
mod check;
mod count;
mod document;
mod error;
mod explain;
mod help;
mod human;
mod input;
mod lang;
mod output;
mod policy_cmd;
mod progress;
mod report;
mod sarif;
mod usage;

use std::process::ExitCode;

use clap::{FromArgMatches, Parser};

use crate::args::{Cli, Command};

/// Exit code of usage, policy and input errors.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    // `--lang` is one of the arguments being parsed, but `--help` needs it before.
    let arguments_lang = usage::language_of_arguments();
    // Only help, version and usage errors need the command in the user's language: build it
    // then and parse again, so a normal run does not pay for translating every help text.
    let parsed = Cli::try_parse().or_else(|_| {
        help::command(arguments_lang)
            .try_get_matches()
            .and_then(|matches| Cli::from_arg_matches(&matches))
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // `--help` and `--version` go to stdout with 0.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            output::write_stderr(&usage::render(&error, arguments_lang));
            return ExitCode::from(EXIT_ERROR);
        }
    };
    let lang = lang::resolve(cli.lang);
    let result = match cli.command {
        Command::Check(args) => check::run(args, lang),
        Command::Batch(args) => batch::run(args, lang),
        Command::Count(args) => count::run(args, lang),
        Command::Policy(command) => policy_cmd::run(command, lang),
        Command::Explain(args) => explain::run(args, lang),
        Command::Report(args) => report::run(args, lang),
    };
    result.unwrap_or_else(|error| {
        output::write_stderr(&error.render(lang));
        ExitCode::from(EXIT_ERROR)
    })
}
