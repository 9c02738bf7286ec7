//! A crepl session: the front end plus an executor, one input at a time; and script runs.

use crate::cli::Opts;
use executor::{Executor, InProcess};
use frontend::diag::Level;
use frontend::sema::Mode;
use frontend::Frontend;
use ir::protocol::{Reply, Request, RunErrorKind};
use std::io::{IsTerminal, Write};

pub struct Session {
    pub fe: Frontend,
    exec: Box<dyn Executor>,
    /// Inputs read so far (names diagnostics `input_line_N`).
    pub inputs: u32,
    color: bool,
    warnings: bool,
}

impl Session {
    pub fn new(opts: &Opts, mode: Mode) -> Result<Session, String> {
        let fe = Frontend::new(opts.pp_options(), mode);
        let mut exec: Box<dyn Executor> = Box::new(InProcess::new(opts.lib_dirs.clone()));
        for l in &opts.libs {
            if let Reply::Error(e) = exec.request(Request::LoadLibrary(l.clone())) {
                return Err(e.message);
            }
        }
        let color = !opts.no_color && std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Ok(Session { fe, exec, inputs: 0, color, warnings: !opts.no_warnings })
    }

    fn print_diags(&self, diags: &[frontend::diag::Diag]) {
        let mut err = std::io::stderr().lock();
        for d in diags {
            if d.level == Level::Warning && !self.warnings {
                continue;
            }
            let _ = err.write_all(d.render(&self.fe.sm, self.color).as_bytes());
        }
        let _ = err.flush();
    }

    pub fn error(&self, msg: &str) {
        let mut err = std::io::stderr().lock();
        if self.color {
            let _ = writeln!(err, "\x1b[1;31merror:\x1b[0m\x1b[1m {msg}\x1b[0m");
        } else {
            let _ = writeln!(err, "error: {msg}");
        }
    }

    /// Runs one REPL input. Returns false if it failed (diagnostic or run-time error).
    pub fn eval(&mut self, text: &str) -> bool {
        let start = std::time::Instant::now();
        let ok = self.eval_inner(text);
        if std::env::var_os("CREPL_TIMING").is_some() {
            eprintln!("[timing] input {} total {:.1}us", self.inputs, start.elapsed().as_secs_f64() * 1e6);
        }
        ok
    }

    fn eval_inner(&mut self, text: &str) -> bool {
        self.inputs += 1;
        let name = format!("input_line_{}", self.inputs);
        let c = self.fe.compile(&name, text);
        self.print_diags(&c.diags);
        let Some(module) = c.module else { return false };
        let index = (self.fe.committed() - 1) as u32;
        match self.exec.request(Request::Load(Box::new(module))) {
            Reply::Loaded { value } => {
                if let Some(v) = value {
                    if !v.is_empty() {
                        let mut out = std::io::stdout().lock();
                        let _ = writeln!(out, "{v}");
                        let _ = out.flush();
                    }
                }
                true
            }
            Reply::Error(e) => {
                let _ = std::io::stdout().flush();
                match e.kind {
                    RunErrorKind::Exit(code) => std::process::exit(code),
                    RunErrorKind::Internal => self.error(&format!("internal error in crepl: {} (input: {name})", e.message)),
                    _ => self.error(&e.message),
                }
                // The input did not complete: forget its declarations and function bodies.
                self.fe.discard_last();
                self.exec.request(Request::Undo(index));
                false
            }
            other => {
                self.error(&format!("internal error in crepl: unexpected reply {other:?}"));
                false
            }
        }
    }

    pub fn undo(&mut self, n: usize) -> usize {
        let k = self.fe.undo(n);
        if k > 0 {
            self.exec.request(Request::Undo(self.fe.committed() as u32));
        }
        k
    }

    pub fn load_library(&mut self, path: &str) -> bool {
        match self.exec.request(Request::LoadLibrary(path.to_string())) {
            Reply::Error(e) => {
                self.error(&e.message);
                false
            }
            _ => true,
        }
    }

    pub fn shutdown(&mut self) {
        self.exec.request(Request::Shutdown);
    }
}

/// `crepl FILE.c ARGS...`: compile the file as one translation unit, call main.
pub fn run_script(opts: &Opts, file: &str) -> i32 {
    let text = match std::fs::read(file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("crepl: error: cannot read '{file}': {e}");
            return 1;
        }
    };
    // A `#!` first line is ignored (keep the line so line numbers stay right).
    let text = if text.starts_with("#!") {
        match text.find('\n') {
            Some(i) => format!("{}", &text[i..]),
            None => String::new(),
        }
    } else {
        text
    };
    let mut s = match Session::new(opts, Mode::Script) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("crepl: error: {e}");
            return 1;
        }
    };
    let c = s.fe.compile(file, &text);
    s.print_diags(&c.diags);
    let Some(module) = c.module else { return 1 };
    let Some((main, true)) = s.fe.sema.function_id("main") else {
        s.error("undefined reference to 'main'");
        return 1;
    };
    if let Reply::Error(e) = s.exec.request(Request::Load(Box::new(module))) {
        s.error(&e.message);
        return 1;
    }
    let status = match s.exec.request(Request::RunMain { func: main, args: opts.args.clone() }) {
        Reply::Exited(st) => st,
        Reply::Error(e) => {
            let _ = std::io::stdout().flush();
            match e.kind {
                RunErrorKind::Exit(code) => code,
                _ => {
                    s.error(&e.message);
                    1
                }
            }
        }
        _ => 1,
    };
    // exit() semantics: atexit handlers and stdio flushing happen in the C library.
    unsafe { libc_exit(status) }
}

extern "C" {
    #[link_name = "exit"]
    fn c_exit(status: i32) -> !;
}

/// Leaves as a C program does: the C library runs atexit handlers and flushes stdio.
unsafe fn libc_exit(status: i32) -> ! {
    let _ = std::io::stdout().flush();
    c_exit(status)
}
