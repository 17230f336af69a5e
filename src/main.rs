//! The `wirediff` command: parses arguments, calls the library, reports
//! diagnostics, and maps the result to an exit code (0 ok, 1 some input
//! skipped, 2 fatal).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;
mod diagnostics;
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
    remove_temp_files_on_signals();
    match run(cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            diagnostics::say("error", &format!("{err:#}"));
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

/// On SIGINT, SIGTERM or SIGHUP, removes the temporary files of unfinished
/// outputs (and of spooled stdin), then dies of the same signal, so the
/// shell sees an interrupted command (exit status 130 for Ctrl-C), not a
/// normal exit. Without this, `-o FILE` left a hidden `.wirediff-*` file
/// beside FILE: a signal ends the process without running destructors.
///
/// signal-hook (not ctrlc): its iterator runs the cleanup on an ordinary
/// thread, where locks and file removal are safe, and tells which signal
/// came, so the process can die of that signal by the default action.
#[allow(clippy::exit)] // the fallback if the default action returns
fn remove_temp_files_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return; // No handler: temporary files may be left, as before.
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            wirediff::report::output::remove_unfinished();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            // The default action of these signals ends the process; if it
            // somehow did not, end it as a shell would report the signal.
            std::process::exit(128 + signal);
        }
    });
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
