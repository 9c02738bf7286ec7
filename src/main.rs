//! crepl: the command line -> a REPL session or a script run.

mod cli;
mod input;
mod repl;
mod session;

use std::process::ExitCode;

fn main() -> ExitCode {
    let opts = match cli::parse(std::env::args().collect()) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let status = if let Some(file) = opts.file.clone() {
        session::run_script(&opts, &file)
    } else if !opts.exprs.is_empty() {
        repl::run_exprs(&opts)
    } else {
        repl::run(&opts)
    };
    ExitCode::from(status as u8)
}
