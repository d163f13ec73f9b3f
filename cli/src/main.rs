//! The `hyctl` binary: parse arguments, hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Answers shell completion requests (`COMPLETE=bash hyctl ...`) and exits; otherwise no-op.
    clap_complete::CompleteEnv::with_factory(<hyctl::Cli as clap::CommandFactory>::command)
        .complete();
    hyctl::main(hyctl::Cli::parse())
}
