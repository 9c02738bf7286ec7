//! crepl: the command line -> a REPL session or a script run.

mod cli;
mod input;
mod repl;
mod session;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if argv.get(1).map(String::as_str) == Some("__executor") {
        // crepl doubles as its own executor when crepl-executor is not next to it.
        return ExitCode::from(executor::main_with_args(&argv[2..]) as u8);
    }
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
