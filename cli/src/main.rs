//! The `hyctl` binary: parse arguments, hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    hyctl::main(hyctl::Cli::parse())
}
