//! The `wirediff` command: parses arguments, calls the library, reports
//! diagnostics, and maps the result to an exit code (0 ok, 1 some input
//! skipped, 2 fatal).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;
mod stories_cmd;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, EvalCommand};
use commands::{run_compare, run_dedup, run_facts, run_quotes};

/// mimalloc: the pipeline allocates many short-lived strings and vectors per
/// article from several threads, which glibc's allocator serves slowly.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wirediff: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Compare(args) => run_compare(&args),
        Command::Dedup(args) => run_dedup(&args),
        Command::Facts(args) => run_facts(&args),
        Command::Quotes(args) => run_quotes(&args),
        Command::Stories(args) => stories_cmd::run_stories(&args),
        Command::Eval(EvalCommand::Stories(args)) => stories_cmd::run_eval_stories(&args),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
