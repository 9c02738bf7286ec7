//! The REPL loop: line editing on a terminal, plain line reading otherwise; multi-line
//! inputs; meta-commands.

use crate::cli::Opts;
use crate::input::needs_more;
use crate::session::Session;
use frontend::sema::Mode;
use rustyline::error::ReadlineError;
use std::io::{BufRead, IsTerminal};

const HELP: &str = "\
crepl: type C declarations, function definitions and statements; they run as you enter them.
An expression without a trailing ';' prints its value: `1 + 2` prints `(int) 3`.
Input continues on the next line while brackets are open, a comment is open, or a line ends with '\\'.

Meta-commands:
  %help          this text
  %quit          leave (also Ctrl-D)
  %undo [N]      roll back the last N inputs (default 1): their declarations and definitions
  %lib PATH      load a shared library (a path, or a name like m for libm)
  %load FILE     compile a C file as a translation unit of its own (its statics stay
                 apart) and add its functions and variables to the session
  %restart       start a new executor and restore the session into it
  %tier NAME T   run function NAME in tier T: interp, baseline or opt (auto: back to the policy)
  %stats         each function's tier, calls, loop iterations, compile time, and why a tier refused it
";

/// Handles a meta-command line. Returns false to quit.
fn meta(s: &mut Session, line: &str, ok: &mut bool) -> bool {
    let mut parts = line.trim().splitn(2, char::is_whitespace);
    let cmd = parts.next().unwrap_or("");
    let arg = parts.next().unwrap_or("").trim();
    match cmd {
        "%help" => print!("{HELP}"),
        "%quit" | "%q" | "%exit" => return false,
        "%undo" => {
            let n = if arg.is_empty() {
                Ok(1)
            } else {
                arg.parse::<usize>()
            };
            match n {
                Ok(n) => {
                    let have = s.fe.committed();
                    if n > have {
                        s.error(&format!(
                            "cannot undo {n} input{}: only {have} to undo; nothing changed",
                            if n == 1 { "" } else { "s" }
                        ));
                        *ok = false;
                    } else {
                        s.undo(n);
                    }
                }
                Err(_) => {
                    s.error(&format!("%undo expects a number of inputs, not '{arg}'"));
                    *ok = false;
                }
            }
        }
        "%restart" => s.restart(),
        "%stats" => {
            if !s.stats() {
                *ok = false;
            }
        }
        "%tier" => {
            let mut w = arg.split_whitespace();
            match (
                w.next(),
                w.next().map(ir::protocol::TierName::parse),
                w.next(),
            ) {
                (Some(name), Some(Some(t)), None) => {
                    if !s.force_tier(name, t) {
                        *ok = false;
                    }
                }
                _ => {
                    s.error("%tier expects a function name and a tier: %tier NAME interp|baseline|opt|auto");
                    *ok = false;
                }
            }
        }
        "%load" => {
            if arg.is_empty() {
                s.error("%load expects a C file");
                *ok = false;
            } else if !s.load_file(arg) {
                *ok = false;
            }
        }
        "%lib" => {
            if arg.is_empty() {
                s.error("%lib expects a library path");
                *ok = false;
            } else if !s.load_library(arg) {
                *ok = false;
            }
        }
        _ => {
            s.error(&format!(
                "unknown command '{cmd}'; type %help for the list of commands"
            ));
            *ok = false;
        }
    }
    true
}

/// What one line read means: a meta-command, part of an input still open, or the end of
/// a complete input (returned, the buffer emptied).
enum Line {
    Meta,
    Pending,
    Input(String),
}

/// Adds `line` to the input being read in `buf` (shared by the terminal and pipe loops).
fn next_input(buf: &mut String, line: &str) -> Line {
    if buf.is_empty() && is_meta(line) {
        return Line::Meta;
    }
    if buf.is_empty() && line.trim().is_empty() {
        return Line::Pending;
    }
    buf.push_str(line);
    buf.push('\n');
    if needs_more(buf) {
        return Line::Pending;
    }
    Line::Input(std::mem::take(buf))
}

fn is_meta(line: &str) -> bool {
    line.trim_start().starts_with('%')
}

pub(crate) fn install_sigint() {
    extern "C" fn on_sigint(_: libc::c_int) {
        // In-process: stop the interpreter; spawned: the client forwards it to the executor.
        executor::interrupt();
        executor::CLIENT_INTERRUPT.store(true, std::sync::atomic::Ordering::SeqCst);
    }
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
}

pub fn run(opts: &Opts) -> i32 {
    // Before anything else: Ctrl-C must never kill the session, even while it starts.
    install_sigint();
    let mut s = match Session::new(opts, Mode::Repl) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("crepl: error: {e}");
            return 1;
        }
    };
    let status = if std::io::stdin().is_terminal() {
        interactive(&mut s)
    } else {
        batch(&mut s, opts.echo)
    };
    s.shutdown();
    status
}

pub fn run_exprs(opts: &Opts) -> i32 {
    install_sigint();
    let mut s = match Session::new(opts, Mode::Repl) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("crepl: error: {e}");
            return 1;
        }
    };
    let mut status = 0;
    for e in &opts.exprs {
        if !s.eval(e) {
            status = 1;
        }
    }
    s.shutdown();
    status
}

/// stdin is not a terminal: no prompts, no echo; exit status 1 if any input failed.
fn batch(s: &mut Session, echo: bool) -> i32 {
    let show = |text: &str| {
        if echo {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            for (i, l) in text.trim_end_matches('\n').split('\n').enumerate() {
                let _ = writeln!(out, "{}{l}", if i == 0 { "crepl> " } else { "  ...> " });
            }
            let _ = out.flush();
        }
    };
    let stdin = std::io::stdin();
    let mut buf = String::new();
    let mut ok_all = true;
    let mut lock = stdin.lock();
    let mut raw = Vec::new();
    loop {
        raw.clear();
        match lock.read_until(b'\n', &mut raw) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        // Bytes that are not UTF-8 become U+FFFD; the lexer reports them.
        let line = String::from_utf8_lossy(&raw);
        let line = line.strip_suffix('\n').unwrap_or(&line);
        let line = line.strip_suffix('\r').unwrap_or(line).to_string();
        match next_input(&mut buf, &line) {
            Line::Meta => {
                show(&line);
                let mut ok = true;
                if !meta(s, &line, &mut ok) {
                    return if ok_all { 0 } else { 1 };
                }
                ok_all &= ok;
            }
            Line::Pending => {}
            Line::Input(input) => {
                show(&input);
                ok_all &= s.eval(&input);
            }
        }
    }
    if !buf.trim().is_empty() {
        show(&buf);
        ok_all &= s.eval(&buf);
    }
    if ok_all {
        0
    } else {
        1
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    let dir = dirs::data_dir()?.join("crepl");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Tab completion: C keywords, meta-commands and every name the session has declared.
struct Complete {
    names: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
}

const KEYWORDS: &[&str] = &[
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "_Bool",
    "_Static_assert",
    "_Alignof",
    "_Alignas",
    "_Generic",
    "_Noreturn",
    "#include",
    "#define",
    "#undef",
    "#if",
    "#ifdef",
    "#ifndef",
    "#endif",
    "#else",
    "#elif",
];
const META: &[&str] = &[
    "%help", "%quit", "%undo", "%lib", "%load", "%restart", "%tier", "%stats",
];

impl rustyline::completion::Completer for Complete {
    type Candidate = String;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let start = line[..pos]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '#' || c == '%'))
            .map_or(0, |i| i + 1);
        let word = &line[start..pos];
        if word.is_empty() {
            return Ok((pos, vec![]));
        }
        let names = self.names.borrow();
        let mut v: Vec<String> = KEYWORDS
            .iter()
            .chain(META.iter())
            .map(|s| s.to_string())
            .chain(names.iter().filter(|n| !n.starts_with("__")).cloned())
            .filter(|c| c.starts_with(word) && c != word)
            .collect();
        v.sort();
        v.dedup();
        Ok((start, v))
    }
}

impl rustyline::hint::Hinter for Complete {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for Complete {}
impl rustyline::validate::Validator for Complete {}
impl rustyline::Helper for Complete {}

fn interactive(s: &mut Session) -> i32 {
    let names = std::rc::Rc::new(std::cell::RefCell::new(s.fe.sema.names()));
    let config = rustyline::Config::builder()
        .completion_type(rustyline::CompletionType::List)
        .auto_add_history(false)
        .build();
    let mut rl =
        match rustyline::Editor::<Complete, rustyline::history::DefaultHistory>::with_config(config)
        {
            Ok(r) => r,
            Err(_) => return batch(s, false),
        };
    rl.set_helper(Some(Complete {
        names: names.clone(),
    }));
    let hist = history_path();
    if let Some(h) = &hist {
        let _ = rl.load_history(h);
    }
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { "crepl> " } else { "  ...> " };
        match rl.readline(prompt) {
            Ok(line) => match next_input(&mut buf, &line) {
                Line::Meta => {
                    let _ = rl.add_history_entry(line.as_str());
                    let mut ok = true;
                    if !meta(s, &line, &mut ok) {
                        break;
                    }
                    *names.borrow_mut() = s.fe.sema.names();
                }
                Line::Pending => {}
                Line::Input(input) => {
                    let _ = rl.add_history_entry(input.trim_end());
                    s.eval(&input);
                    *names.borrow_mut() = s.fe.sema.names();
                }
            },
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C clears the line (and a pending multi-line input).
                buf.clear();
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("crepl: error: {e}");
                break;
            }
        }
    }
    if let Some(h) = &hist {
        let _ = rl.save_history(h);
    }
    0
}
