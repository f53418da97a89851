//! The `referent` command: everything it does is in `cli`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    referent::cli::run(referent::cli::Cli::parse())
}
