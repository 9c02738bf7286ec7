//! A crepl session: the front end plus an executor, one input at a time; crash recovery by
//! replaying the journal of committed inputs; and script runs.

use crate::cli::Opts;
use executor::{Executor, InProcess, Remote, RemoteOptions, SpawnOptions, Spawned};
use frontend::sema::Mode;
use frontend::Frontend;
use ir::protocol::{Reply, Request, RunError, RunErrorKind, TierName, TierPolicy};
use std::io::{IsTerminal, Write};
use std::time::Instant;

/// What the executor must be told again to rebuild the session after a crash.
enum Entry {
    /// A committed input's module (in order; one per front-end checkpoint).
    Module(Box<ir::Module>),
    Library(String),
    /// `%tier NAME TIER`.
    Tier(String, TierName),
}

pub struct Session {
    pub fe: Frontend,
    exec: Box<dyn Executor>,
    /// How to get a new executor (`None`: in-process, which cannot be restarted).
    spawn: Option<Source>,
    journal: Vec<Entry>,
    /// Rebuild the session after a crash (`--no-restore` turns it off).
    restore: bool,
    /// Inputs read so far (names diagnostics `input_line_N`).
    pub inputs: u32,
    color: bool,
    warnings: bool,
    policy: TierPolicy,
}

/// Where the executor program is: `crepl-executor` next to crepl, else crepl itself in
/// executor mode (`crepl __executor ...`).
fn executor_program() -> (std::path::PathBuf, Vec<String>) {
    let me = std::env::current_exe().unwrap_or_else(|_| "crepl".into());
    if let Some(dir) = me.parent() {
        let p = dir.join("crepl-executor");
        if p.is_file() {
            return (p, vec![]);
        }
    }
    (me, vec!["__executor".into()])
}

/// Where executors come from.
#[derive(Clone)]
enum Source {
    Spawn(SpawnOptions),
    Connect(RemoteOptions),
}

impl Source {
    fn start(&self) -> Result<Box<dyn Executor>, String> {
        Ok(match self {
            Source::Spawn(so) => Box::new(Spawned::spawn(so)?),
            Source::Connect(ro) => Box::new(Remote::connect(ro)?),
        })
    }
}

pub fn spawn_options(opts: &Opts) -> SpawnOptions {
    let (program, args) = executor_program();
    SpawnOptions {
        inherit_stdin: opts.file.is_some() || std::io::stdin().is_terminal(),
        program,
        args,
        lib_dirs: opts.lib_dirs.clone(),
        memory_limit: opts.memory_limit,
        timeout: opts.timeout.map(std::time::Duration::from_secs_f64),
    }
}

impl Session {
    pub fn new(opts: &Opts, mode: Mode) -> Result<Session, String> {
        let fe = Frontend::new(opts.pp_options(), mode);
        let (exec, spawn): (Box<dyn Executor>, Option<Source>) = if opts.in_process {
            (Box::new(InProcess::new(opts.lib_dirs.clone())), None)
        } else if let Some(addr) = &opts.connect {
            let key =
                executor::tcp::wire::load_key(opts.key_file.as_deref().map(std::path::Path::new))?;
            let src = Source::Connect(RemoteOptions {
                addr: addr.clone(),
                key,
                timeout: opts.timeout.map(std::time::Duration::from_secs_f64),
            });
            (src.start()?, Some(src))
        } else {
            let src = Source::Spawn(spawn_options(opts));
            (src.start()?, Some(src))
        };
        let color = !opts.no_color
            && std::io::stderr().is_terminal()
            && std::env::var_os("NO_COLOR").is_none();
        let mut s = Session {
            fe,
            exec,
            spawn,
            journal: Vec::new(),
            restore: !opts.no_restore,
            inputs: 0,
            color,
            warnings: !opts.no_warnings,
            policy: opts.tier_policy(),
        };
        s.exec.request(Request::TierPolicy(s.policy.clone()));
        for l in &opts.libs {
            if !s.load_library(l) {
                return Err(format!("cannot load library '{l}'"));
            }
        }
        Ok(s)
    }

    fn print_diags(&self, diags: &[frontend::diag::Diag]) {
        let mut err = std::io::stderr().lock();
        for d in frontend::diag::shown(diags, self.warnings) {
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

    fn note(&self, msg: &str) {
        let mut err = std::io::stderr().lock();
        if self.color {
            let _ = writeln!(err, "\x1b[1;36m{msg}\x1b[0m");
        } else {
            let _ = writeln!(err, "{msg}");
        }
    }

    /// Runs one REPL input. Returns false if it failed (diagnostic or run-time error).
    pub fn eval(&mut self, text: &str) -> bool {
        let start = Instant::now();
        let ok = self.eval_inner(text);
        if std::env::var_os("CREPL_TIMING").is_some() {
            eprintln!(
                "[timing] input {} total {:.1}us",
                self.inputs,
                start.elapsed().as_secs_f64() * 1e6
            );
        }
        ok
    }

    fn eval_inner(&mut self, text: &str) -> bool {
        self.inputs += 1;
        let name = format!("input_line_{}", self.inputs);
        let c = self.fe.compile(&name, text);
        self.load_compiled(c)
    }

    /// `%load FILE`: the file as a translation unit of its own (its statics and tags stay
    /// apart from the session's), its external functions and variables usable afterwards.
    pub fn load_file(&mut self, path: &str) -> bool {
        let text = match std::fs::read(path) {
            Ok(b) => frontend::source::decode_source(b),
            Err(e) => {
                self.error(&format!("cannot read '{path}': {e}"));
                return false;
            }
        };
        self.inputs += 1;
        let c = self.fe.compile_unit(path, &text);
        self.load_compiled(c)
    }

    /// Sends a compiled input to the executor and prints its value.
    fn load_compiled(&mut self, c: frontend::Compiled) -> bool {
        self.print_diags(&c.diags);
        let Some(module) = c.module else { return false };
        // This input is committed in the front end; its module is number committed - 1.
        let index = (self.fe.committed() - 1) as u32;
        let keep = if self.spawn.is_some() {
            Some(Box::new(module.clone()))
        } else {
            None
        };
        match self.exec.request(Request::Load(Box::new(module))) {
            Reply::Loaded { value } => {
                if let Some(m) = keep {
                    self.journal.push(Entry::Module(m));
                }
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
                // The input did not complete: forget its declarations and function bodies.
                self.fe.discard_last();
                self.executor_failed(e, &format!("input {}", self.inputs), Some(index));
                false
            }
            other => {
                self.error(&format!(
                    "internal error in crepl: unexpected reply {other:?}"
                ));
                self.fe.discard_last();
                false
            }
        }
    }

    /// Reports a failed request; after a crash, restarts the executor and restores the
    /// session. `undo_to`: the module index to roll the executor back to if it survived.
    fn executor_failed(&mut self, e: RunError, what: &str, undo_to: Option<u32>) {
        match e.kind {
            RunErrorKind::Crashed(how) => {
                if let Some(code) = how.strip_prefix("exit(").and_then(|s| s.strip_suffix(')')) {
                    self.error(&format!(
                        "the program called exit({code}) while running {what}; the executor ended"
                    ));
                } else {
                    self.error(&format!("executor crashed: {how} while running {what}"));
                }
                self.recover();
            }
            RunErrorKind::Interrupted { killed: true } => {
                let why = if e.message == "timed out" {
                    "timed out"
                } else {
                    "interrupted"
                };
                self.error(&format!("{why} while running {what}; the executor did not stop within 2 s and was killed"));
                self.recover();
            }
            RunErrorKind::Interrupted { killed: false } => {
                let why = if e.message == "timed out" {
                    "timed out"
                } else {
                    "interrupted"
                };
                self.error(&format!("{why} while running {what}"));
                if let Some(i) = undo_to {
                    self.exec.request(Request::Undo(i));
                }
            }
            RunErrorKind::Exit(code) => std::process::exit(code),
            RunErrorKind::Internal => {
                self.error(&format!(
                    "internal error in crepl: {} (while running {what})",
                    e.message
                ));
                if let Some(i) = undo_to {
                    self.exec.request(Request::Undo(i));
                }
            }
            RunErrorKind::Link | RunErrorKind::Runtime => {
                self.error(&e.message);
                if let Some(i) = undo_to {
                    self.exec.request(Request::Undo(i));
                }
            }
        }
    }

    /// After the executor died: start a new one and replay the journal, output suppressed.
    fn recover(&mut self) {
        let Some(so) = self.spawn.clone() else {
            self.error("cannot restart an in-process executor");
            return;
        };
        if !self.restore {
            // A fresh, empty session (`--no-restore`).
            let n = self.fe.committed();
            self.fe.undo(n);
            self.journal.clear();
            match so.start() {
                Ok(x) => {
                    self.exec = x;
                    self.note("executor restarted with an empty session (--no-restore)");
                }
                Err(e) => self.error(&e),
            }
            return;
        }
        let start = Instant::now();
        match so.start() {
            Ok(x) => self.exec = x,
            Err(e) => {
                self.error(&format!("cannot restart the executor: {e}"));
                return;
            }
        }
        self.exec.request(Request::TierPolicy(self.policy.clone()));
        self.exec.request(Request::Quiet(true));
        let mut replayed = 0usize;
        let mut failure = None;
        for (i, entry) in self.journal.iter().enumerate() {
            let r = match entry {
                Entry::Module(m) => self.exec.request(Request::Load(m.clone())),
                Entry::Library(l) => self.exec.request(Request::LoadLibrary(l.clone())),
                Entry::Tier(name, tier) => {
                    // A forced tier that no longer applies is not worth failing for.
                    self.exec.request(Request::ForceTier {
                        name: name.clone(),
                        tier: *tier,
                    });
                    Reply::Ok
                }
            };
            match r {
                Reply::Error(e) => {
                    failure = Some((i, e));
                    break;
                }
                _ => {
                    if let Entry::Module(_) = entry {
                        replayed += 1;
                    }
                }
            }
        }
        self.exec.request(Request::Quiet(false));
        if let Some((i, e)) = failure {
            // Keep what was rebuilt; forget the rest so front end and executor agree.
            let lost = self.journal[i..]
                .iter()
                .filter(|e| matches!(e, Entry::Module(_)))
                .count();
            self.journal.truncate(i);
            self.fe.undo(lost);
            self.error(&format!(
                "could not restore the whole session: replaying input {} failed ({}); the last {lost} inputs are lost",
                replayed + 1,
                if e.message.is_empty() { format!("{:?}", e.kind) } else { e.message }
            ));
            if matches!(e.kind, RunErrorKind::Crashed(_)) {
                if let Ok(x) = so.start() {
                    self.exec = x;
                }
            }
            return;
        }
        self.note(&format!(
            "session restored ({replayed} inputs replayed, {} ms)",
            start.elapsed().as_millis()
        ));
    }

    /// `%restart`: a new executor with the session restored, by hand.
    pub fn restart(&mut self) {
        if self.spawn.is_none() {
            self.error("%restart needs the spawned executor (not --in-process)");
            return;
        }
        self.exec = Box::new(InProcessPlaceholder);
        self.recover();
    }

    pub fn undo(&mut self, n: usize) -> usize {
        let k = self.fe.undo(n);
        if k > 0 {
            let mut left = k;
            while left > 0 {
                match self
                    .journal
                    .iter()
                    .rposition(|e| matches!(e, Entry::Module(_)))
                {
                    Some(i) => {
                        self.journal.remove(i);
                        left -= 1;
                    }
                    None => break,
                }
            }
            self.exec.request(Request::Undo(self.fe.committed() as u32));
        }
        k
    }

    pub fn load_library(&mut self, path: &str) -> bool {
        match self.exec.request(Request::LoadLibrary(path.to_string())) {
            Reply::Error(e) => {
                self.executor_failed(e, &format!("%lib {path}"), None);
                false
            }
            _ => {
                self.journal.push(Entry::Library(path.to_string()));
                true
            }
        }
    }

    /// `%tier NAME TIER`.
    pub fn force_tier(&mut self, name: &str, tier: TierName) -> bool {
        match self.exec.request(Request::ForceTier {
            name: name.to_string(),
            tier,
        }) {
            Reply::Error(e) if e.kind == RunErrorKind::Runtime => {
                self.error(&e.message);
                false
            }
            Reply::Error(e) => {
                self.executor_failed(e, &format!("%tier {name}"), None);
                false
            }
            _ => {
                self.journal.push(Entry::Tier(name.to_string(), tier));
                true
            }
        }
    }

    /// `%stats`: a table of the session's functions, their tiers and counters.
    pub fn stats(&mut self) -> bool {
        let rows = match self.exec.request(Request::Stats) {
            Reply::Stats(rows) => rows,
            Reply::Error(e) => {
                self.executor_failed(e, "%stats", None);
                return false;
            }
            _ => return false,
        };
        // Helpers that system headers define (`__bswap_16`: names reserved for the
        // implementation) are shown once something has called them.
        let rows: Vec<_> = rows
            .into_iter()
            .filter(|r| !(r.name.starts_with("__") && r.calls == 0 && r.loops == 0))
            .collect();
        if rows.is_empty() {
            println!("no functions defined yet");
            return true;
        }
        let w = rows.iter().map(|r| r.name.len()).max().unwrap_or(0).max(8);
        println!(
            "{:<w$}  {:<8}  {:>12}  {:>12}  {:>10}  {:>8}  note",
            "function", "tier", "calls", "loop iters", "compile", "code"
        );
        for r in rows {
            let (compile, code) = if r.code_size > 0 {
                (
                    format!("{:.1} us", r.compile_ns as f64 / 1000.0),
                    format!("{} B", r.code_size),
                )
            } else {
                ("-".to_string(), "-".to_string())
            };
            let note = r
                .reason
                .map(|m| format!("baseline refused: it {m}"))
                .unwrap_or_default();
            let line = format!(
                "{:<w$}  {:<8}  {:>12}  {:>12}  {:>10}  {:>8}  {note}",
                r.name,
                r.tier.as_str(),
                r.calls,
                r.loops,
                compile,
                code
            );
            println!("{}", line.trim_end());
        }
        true
    }

    pub fn shutdown(&mut self) {
        self.exec.request(Request::Shutdown);
    }
}

/// Stands in while the executor is being replaced.
struct InProcessPlaceholder;

impl Executor for InProcessPlaceholder {
    fn request(&mut self, _req: Request) -> Reply {
        Reply::Ok
    }
}

/// `crepl FILE.c ARGS...`: compile the file as one translation unit, call main.
pub fn run_script(opts: &Opts, file: &str) -> i32 {
    if opts.connect.is_some() {
        eprintln!("crepl: warning: programs run on this machine; --connect applies to the REPL");
    }
    let files: Vec<String> = if opts.files.is_empty() {
        vec![file.to_string()]
    } else {
        opts.files.clone()
    };
    // Start the executor while the front end works: its start-up overlaps compilation.
    let starting = if opts.in_process {
        None
    } else {
        let so = spawn_options(opts);
        Some(std::thread::spawn(move || Spawned::spawn(&so)))
    };
    let mut fe = Frontend::new(opts.pp_options(), Mode::Script);
    let color =
        !opts.no_color && std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut program: Option<ir::Module> = None;
    let mut failed = false;
    for (i, f) in files.iter().enumerate() {
        let text = match std::fs::read(f) {
            Ok(b) => frontend::source::decode_source(b),
            Err(e) => {
                eprintln!("crepl: error: cannot read '{f}': {e}");
                return 1;
            }
        };
        // A `#!` first line is ignored (keep the line so line numbers stay right).
        let text = if text.starts_with("#!") {
            match text.find('\n') {
                Some(i) => text[i..].to_string(),
                None => String::new(),
            }
        } else {
            text
        };
        if i > 0 {
            // Separate translation units: static names kept apart, external ones shared.
            fe.new_translation_unit();
        }
        let c = fe.compile(f, &text);
        {
            let mut err = std::io::stderr().lock();
            for d in frontend::diag::shown(&c.diags, !opts.no_warnings) {
                let _ = err.write_all(d.render(&fe.sm, color).as_bytes());
            }
        }
        match (c.module, &mut program) {
            (None, _) => failed = true,
            (Some(m), Some(p)) => p.append(m),
            (Some(m), None) => program = Some(m),
        }
    }
    if failed {
        return 1;
    }
    let module = program.unwrap_or_default();
    let Some((main, true)) = fe.sema.function_id("main") else {
        eprintln!("crepl: error: undefined reference to 'main'");
        return 1;
    };
    let fail = |e: RunError| {
        eprintln!("crepl: error: {}", e.message);
        1
    };
    if opts.in_process {
        let mut ex = InProcess::new(opts.lib_dirs.clone());
        // Process signals go to the program's thread (see `block_process_signals`).
        executor::block_process_signals();
        ex.request(Request::TierPolicy(opts.tier_policy()));
        for l in &opts.libs {
            if let Reply::Error(e) = ex.request(Request::LoadLibrary(l.clone())) {
                return fail(e);
            }
        }
        if let Reply::Error(e) = ex.request(Request::Load(Box::new(module))) {
            return fail(e);
        }
        let status = match ex.request(Request::RunMain {
            func: main,
            args: opts.args.clone(),
        }) {
            Reply::Exited(st) => st,
            Reply::Error(e) => return fail(e),
            _ => 1,
        };
        // exit() semantics: atexit handlers and stdio flushing happen in the C library.
        unsafe { libc_exit(status) }
    }
    // Ctrl-C belongs to the program (the spawned executor's main runs as a shell's
    // foreground job): crepl only passes it on if the terminal did not.
    crate::repl::install_sigint();
    let spawned = match starting {
        Some(h) => h
            .join()
            .unwrap_or_else(|_| Err("the executor start-up thread failed".into())),
        None => Spawned::spawn(&spawn_options(opts)),
    };
    let mut ex = match spawned {
        Ok(x) => x,
        Err(e) => {
            eprintln!("crepl: error: {e}");
            return 1;
        }
    };
    ex.request(Request::TierPolicy(opts.tier_policy()));
    for l in &opts.libs {
        if let Reply::Error(e) = ex.request(Request::LoadLibrary(l.clone())) {
            return fail(e);
        }
    }
    if let Reply::Error(e) = ex.request(Request::Load(Box::new(module))) {
        if let RunErrorKind::Crashed(how) = &e.kind {
            eprintln!("crepl: error: executor crashed: {how} while starting the program");
            return 1;
        }
        return fail(e);
    }
    // The executor runs main, then leaves through exit(): its status is the program's.
    match ex.request(Request::RunMain {
        func: main,
        args: opts.args.clone(),
    }) {
        Reply::Error(RunError {
            kind: RunErrorKind::Crashed(_),
            ..
        }) => {}
        Reply::Error(e) => {
            let code = fail(e);
            ex.wait_exit();
            return code;
        }
        _ => {}
    }
    let st = ex.wait_exit();
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = st.signal() {
        // As a shell reports it, with the status a shell gives.
        let _ = std::io::stdout().flush();
        let msg = match sig {
            libc::SIGSEGV => "Segmentation fault",
            libc::SIGABRT => "Aborted",
            libc::SIGFPE => "Floating point exception",
            libc::SIGBUS => "Bus error",
            libc::SIGILL => "Illegal instruction",
            libc::SIGKILL => "Killed",
            libc::SIGTERM => "Terminated",
            libc::SIGINT => "",
            _ => "Killed by a signal",
        };
        if !msg.is_empty() {
            eprintln!("{msg}");
        }
        return 128 + sig;
    }
    st.code().unwrap_or(1)
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
