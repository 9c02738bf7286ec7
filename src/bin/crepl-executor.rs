//! crepl-executor: the process that runs user code for crepl (see executor/).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::ExitCode::from(executor::main_with_args(&args) as u8)
}
