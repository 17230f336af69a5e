//! The `wirediff` command: parses arguments, calls the library, maps the
//! result to an exit code (0 ok, 1 some input skipped, 2 fatal).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;

fn main() -> ExitCode {
    eprintln!("wirediff: not yet implemented");
    ExitCode::from(2)
}
