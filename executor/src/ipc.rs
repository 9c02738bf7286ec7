//! The spawned executor: crepl starts `crepl-executor --ipc NAME`, the child connects back
//! over ipc-channel, and requests and replies flow over two channels. This file has both
//! ends: [`serve`] (the child) and [`Spawned`] (crepl's handle on it).

use crate::runtime::{flush_c_streams, Runtime};
use crate::Executor;
use ipc_channel::ipc::{self, IpcOneShotServer, IpcReceiver, IpcSender, TryRecvError};
use ir::protocol::{Reply, Request, RunError, RunErrorKind, PROTOCOL_VERSION};
use serde::{Deserialize, Serialize};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The child's first message: its protocol version and the two channel ends crepl keeps.
#[derive(Serialize, Deserialize)]
struct Hello {
    version: u32,
    requests: IpcSender<Request>,
    replies: IpcReceiver<Reply>,
}

/// How long crepl waits for a new executor to connect.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// After an interrupt, how long user code may take to stop before the executor is killed.
const INTERRUPT_GRACE: Duration = Duration::from_secs(2);

/// Set by crepl's SIGINT handler while a request runs.
pub static CLIENT_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Options for a spawned executor.
#[derive(Clone, Debug, Default)]
pub struct SpawnOptions {
    /// The executable to run (`crepl-executor`, or crepl itself with `__executor`).
    pub program: std::path::PathBuf,
    /// Arguments before `--ipc NAME`.
    pub args: Vec<String>,
    /// `-L` directories for `-l`.
    pub lib_dirs: Vec<String>,
    /// Cap on the executor's address space growth, in bytes.
    pub memory_limit: Option<u64>,
    /// Per-request time limit (`--timeout`).
    pub timeout: Option<Duration>,
    /// Give user code crepl's stdin (scripts, and the REPL on a terminal); otherwise
    /// /dev/null, so a program cannot swallow the REPL's own input lines.
    pub inherit_stdin: bool,
}

/// crepl's handle on a spawned executor process.
pub struct Spawned {
    child: Child,
    requests: IpcSender<Request>,
    replies: IpcReceiver<Reply>,
    timeout: Option<Duration>,
    dead: bool,
}

impl Spawned {
    pub fn spawn(opts: &SpawnOptions) -> Result<Spawned, String> {
        let (server, name) = IpcOneShotServer::<Hello>::new()
            .map_err(|e| format!("cannot create the executor channel: {e}"))?;
        let mut cmd = Command::new(&opts.program);
        cmd.args(&opts.args).arg("--ipc").arg(&name);
        crate::malloc_tunables(&mut cmd);
        for d in &opts.lib_dirs {
            cmd.arg("-L").arg(d);
        }
        if let Some(m) = opts.memory_limit {
            cmd.arg("--memory-limit").arg(m.to_string());
        }
        cmd.stdin(if opts.inherit_stdin {
            Stdio::inherit()
        } else {
            Stdio::null()
        });
        let mut child = cmd.spawn().map_err(|e| {
            format!(
                "cannot start the executor '{}': {e}",
                opts.program.display()
            )
        })?;
        // accept() has no timeout: run it on a thread and give up if the child dies first.
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(server.accept());
        });
        let start = Instant::now();
        let hello = loop {
            match rx.recv_timeout(Duration::from_millis(5)) {
                Ok(Ok((_, hello))) => break hello,
                Ok(Err(e)) => return Err(format!("the executor failed to connect: {e}")),
                Err(_) => {
                    if let Ok(Some(st)) = child.try_wait() {
                        return Err(format!("the executor exited before connecting ({st})"));
                    }
                    if start.elapsed() > CONNECT_TIMEOUT {
                        let _ = child.kill();
                        return Err("the executor did not connect within 10 s".into());
                    }
                }
            }
        };
        if hello.version != PROTOCOL_VERSION {
            let _ = child.kill();
            return Err(format!(
                "executor speaks protocol version {}, crepl speaks {}; use the crepl-executor built with this crepl",
                hello.version, PROTOCOL_VERSION
            ));
        }
        Ok(Spawned {
            child,
            requests: hello.requests,
            replies: hello.replies,
            timeout: opts.timeout,
            dead: false,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills the executor (if it is still running) and reaps it.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.dead = true;
    }

    /// The executor is gone: say how it ended.
    fn died(&mut self) -> Reply {
        self.dead = true;
        // The channel closes a moment before the process is reaped; never wait forever on
        // a child that is somehow still alive.
        let start = Instant::now();
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(st)) => break Ok(st),
                Ok(None) if start.elapsed() < Duration::from_millis(500) => {
                    std::thread::sleep(Duration::from_millis(1))
                }
                Ok(None) => {
                    let _ = self.child.kill();
                    break self.child.wait();
                }
                Err(e) => break Err(e),
            }
        };
        let how = match status {
            Ok(st) => describe_exit(st),
            Err(e) => format!("lost ({e})"),
        };
        Reply::Error(RunError {
            kind: RunErrorKind::Crashed(how),
            message: String::new(),
        })
    }

    /// Waits for the process to end (after a request that ends it, like `RunMain`).
    pub fn wait_exit(&mut self) -> std::process::ExitStatus {
        self.dead = true;
        self.child.wait().expect("cannot wait for the executor")
    }
}

/// `segmentation fault (SIGSEGV)`, `exit(3)`.
pub fn describe_exit(st: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(sig) = st.signal() {
        return format!("{} ({})", signal_description(sig), signal_name(sig));
    }
    format!("exit({})", st.code().unwrap_or(-1))
}

pub fn signal_name(sig: i32) -> String {
    let n = match sig {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGBUS => "SIGBUS",
        libc::SIGFPE => "SIGFPE",
        libc::SIGILL => "SIGILL",
        libc::SIGABRT => "SIGABRT",
        libc::SIGKILL => "SIGKILL",
        libc::SIGTERM => "SIGTERM",
        libc::SIGINT => "SIGINT",
        libc::SIGPIPE => "SIGPIPE",
        libc::SIGTRAP => "SIGTRAP",
        libc::SIGXCPU => "SIGXCPU",
        libc::SIGSYS => "SIGSYS",
        _ => return format!("signal {sig}"),
    };
    n.to_string()
}

/// What a shell prints for a process killed by `sig`.
pub fn signal_description(sig: i32) -> &'static str {
    match sig {
        libc::SIGSEGV => "segmentation fault",
        libc::SIGBUS => "bus error",
        libc::SIGFPE => "floating point exception",
        libc::SIGILL => "illegal instruction",
        libc::SIGABRT => "aborted",
        libc::SIGKILL => "killed",
        libc::SIGTERM => "terminated",
        libc::SIGINT => "interrupted",
        libc::SIGPIPE => "broken pipe",
        libc::SIGTRAP => "trace/breakpoint trap",
        libc::SIGXCPU => "CPU time limit exceeded",
        _ => "killed by a signal",
    }
}

impl Executor for Spawned {
    fn request(&mut self, req: Request) -> Reply {
        if self.dead {
            return Reply::Error(RunError {
                kind: RunErrorKind::Crashed("not running".into()),
                message: String::new(),
            });
        }
        CLIENT_INTERRUPT.store(false, Ordering::SeqCst);
        let shutdown = matches!(req, Request::Shutdown);
        // A program's main runs as a foreground job does under a shell: Ctrl-C is the
        // program's to handle (its own SIGINT handler, or death by SIGINT); crepl never
        // kills it for not stopping.
        let main_run = matches!(req, Request::RunMain { .. });
        if self.requests.send(req).is_err() {
            return self.died();
        }
        if shutdown {
            // The executor replies, then exits through exit(): atexit handlers and
            // destructors print now, before crepl itself ends.
            let r = self.replies.recv().unwrap_or(Reply::Ok);
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(5) {
                if let Ok(Some(_)) = self.child.try_wait() {
                    self.dead = true;
                    return r;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
            self.kill();
            return r;
        }
        let start = Instant::now();
        // Small inputs answer within microseconds: poll briefly before sleeping in the
        // kernel (a wake-up costs about 25 µs here).
        while start.elapsed() < Duration::from_micros(200) {
            match self.replies.try_recv() {
                Ok(r) => return r,
                Err(TryRecvError::Empty) => std::hint::spin_loop(),
                Err(TryRecvError::IpcError(_)) => break,
            }
        }
        let mut interrupted_at: Option<Instant> = None;
        loop {
            match self.replies.try_recv_timeout(Duration::from_millis(20)) {
                Ok(Reply::Error(RunError {
                    kind: RunErrorKind::Interrupted { killed: false },
                    ..
                })) if interrupted_at.is_some()
                    && self.timeout.is_some_and(|t| start.elapsed() > t) =>
                {
                    return Reply::Error(RunError {
                        kind: RunErrorKind::Interrupted { killed: false },
                        message: "timed out".into(),
                    });
                }
                Ok(r) => return r,
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::IpcError(ipc::IpcError::Io(e)))
                    if e.kind() == std::io::ErrorKind::Interrupted =>
                {
                    // Our own SIGINT (Ctrl-C) interrupted the wait; handled below.
                }
                Err(TryRecvError::IpcError(_)) => {
                    if let Ok(None) = self.child.try_wait() {
                        // Still running but the channel broke: it cannot serve us any more.
                        let _ = self.child.kill();
                    }
                    return self.died();
                }
            }
            let timed_out = self.timeout.is_some_and(|t| start.elapsed() > t);
            if main_run && !timed_out {
                if CLIENT_INTERRUPT.swap(false, Ordering::SeqCst) && !stdin_is_terminal() {
                    // From a terminal the program got the same SIGINT (it is in crepl's
                    // process group); otherwise pass it on.
                    unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
                }
                continue;
            }
            if interrupted_at.is_none() && (CLIENT_INTERRUPT.load(Ordering::SeqCst) || timed_out) {
                // Ask user code to stop; it polls at loop back-edges and calls.
                unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
                interrupted_at = Some(Instant::now());
            }
            if let Some(t) = interrupted_at {
                if t.elapsed() > INTERRUPT_GRACE {
                    // Blocked in a C library call, or not polling: kill and let the session restore.
                    self.kill();
                    let what = if timed_out {
                        "timed out"
                    } else {
                        "interrupted"
                    };
                    return Reply::Error(RunError {
                        kind: RunErrorKind::Interrupted { killed: true },
                        message: what.into(),
                    });
                }
            }
        }
    }
}

/// Whether crepl's standard input is a terminal (then Ctrl-C reaches the whole foreground
/// process group, the executor included).
fn stdin_is_terminal() -> bool {
    // SAFETY: isatty only queries the descriptor.
    unsafe { libc::isatty(0) == 1 }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if !self.dead {
            let _ = self.requests.send(Request::Shutdown);
            // Give destructors and atexit handlers a moment, then make sure it is gone.
            let start = Instant::now();
            while start.elapsed() < Duration::from_secs(5) {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            self.kill();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The executor process side.

extern "C" fn on_sigint(_: libc::c_int) {
    crate::interrupt();
}

/// A fatal signal in user code: flush what the program printed (best effort: stdio is not
/// async-signal-safe, but losing the output is worse), then die of the same signal so crepl
/// sees the real cause.
extern "C" fn on_fatal(sig: libc::c_int) {
    unsafe {
        libc::fflush(std::ptr::null_mut());
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

/// Installs `on_fatal` for the crash signals, on an alternate stack for the current thread
/// (so a native stack overflow can still be reported).
pub(crate) fn install_crash_handlers() {
    unsafe {
        let size = 1 << 16;
        let stack = libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if stack != libc::MAP_FAILED {
            let ss = libc::stack_t {
                ss_sp: stack,
                ss_flags: 0,
                ss_size: size,
            };
            libc::sigaltstack(&ss, std::ptr::null_mut());
        }
        for sig in [
            libc::SIGSEGV,
            libc::SIGBUS,
            libc::SIGFPE,
            libc::SIGILL,
            libc::SIGABRT,
        ] {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_fatal as extern "C" fn(libc::c_int) as usize;
            interp::tier::CRASH_HANDLER
                .store(sa.sa_sigaction, std::sync::atomic::Ordering::Relaxed);
            sa.sa_flags = libc::SA_ONSTACK | libc::SA_RESETHAND;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
}

/// Entry point of `crepl-executor --ipc NAME`: connects to crepl and serves requests until
/// `Shutdown` or until crepl goes away.
pub fn serve(name: &str, lib_dirs: Vec<String>, memory_limit: Option<u64>) -> i32 {
    let parent = unsafe { libc::getppid() };
    // crepl may already have ended (a script that did not compile): then there is no one
    // to serve and nothing to say.
    let Ok(bootstrap) = IpcSender::<Hello>::connect(name.to_string()) else {
        return 2;
    };
    let (req_tx, req_rx) = match ipc::channel::<Request>() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("crepl-executor: {e}");
            return 2;
        }
    };
    let (rep_tx, rep_rx) = match ipc::channel::<Reply>() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("crepl-executor: {e}");
            return 2;
        }
    };
    if bootstrap
        .send(Hello {
            version: PROTOCOL_VERSION,
            requests: req_tx,
            replies: rep_rx,
        })
        .is_err()
    {
        return 2;
    }
    unsafe {
        libc::signal(
            libc::SIGINT,
            on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t,
        );
    }
    crate::block_process_signals();
    let worker = std::thread::Builder::new()
        .name("crepl-user".into())
        .stack_size(crate::USER_STACK)
        .spawn(move || {
            crate::unblock_process_signals();
            let mut rt = Runtime::new(lib_dirs);
            let base = &rt as *const _ as usize;
            rt.interp
                .set_native_stack(base, crate::USER_STACK - (4 << 20));
            rt.install_exit_hooks();
            install_crash_handlers();
            if let Some(limit) = memory_limit {
                set_memory_limit(limit);
            }
            loop {
                // Poll briefly for the next request before sleeping (see Spawned::request).
                let t = Instant::now();
                let mut next = None;
                while t.elapsed() < Duration::from_micros(200) {
                    match req_rx.try_recv() {
                        Ok(r) => {
                            next = Some(r);
                            break;
                        }
                        Err(TryRecvError::Empty) => std::hint::spin_loop(),
                        Err(TryRecvError::IpcError(_)) => break,
                    }
                }
                let req = match next {
                    Some(r) => r,
                    None => match req_rx.recv() {
                        Ok(r) => r,
                        Err(_) => break,
                    },
                };
                match req {
                    Request::Shutdown => {
                        let _ = rep_tx.send(Reply::Ok);
                        flush_c_streams();
                        // atexit handlers, then destructors (registered first, so run last).
                        unsafe { libc::exit(0) };
                    }
                    Request::RunMain { func, args } => {
                        // A program dies of Ctrl-C as a native one does.
                        unsafe { libc::signal(libc::SIGINT, libc::SIG_DFL) };
                        let reply = rt.handle(Request::RunMain { func, args });
                        flush_c_streams();
                        match reply {
                            // main returned: leave as a C program does, through exit().
                            Reply::Exited(status) => unsafe { libc::exit(status) },
                            other => {
                                let _ = rep_tx.send(other);
                                unsafe { libc::exit(1) };
                            }
                        }
                    }
                    req => {
                        let reply =
                            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                rt.handle(req)
                            })) {
                                Ok(r) => r,
                                Err(_) => Reply::Error(RunError {
                                    kind: RunErrorKind::Internal,
                                    message: "the executor panicked (a bug in crepl)".into(),
                                }),
                            };
                        crate::leave_if_forked();
                        flush_c_streams();
                        if rep_tx.send(reply).is_err() {
                            break;
                        }
                    }
                }
            }
        })
        .expect("cannot start the executor thread");
    // If crepl dies (killed, crashed), so does its executor: an orphan stuck in a user's
    // infinite loop would otherwise burn a core forever. (PR_SET_PDEATHSIG would follow the
    // thread that spawned us, which may end long before crepl does.)
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(100));
        if unsafe { libc::getppid() } != parent {
            unsafe { libc::_exit(1) };
        }
    }
    let _ = worker.join();
    0
}

/// Caps how much more address space the executor may map: an allocation beyond it makes
/// malloc return NULL instead of the machine running out of memory.
fn set_memory_limit(extra: u64) {
    let current = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmSize:"))
                .map(|l| l.to_string())
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|k| k.parse::<u64>().ok())
        })
        .unwrap_or(0)
        * 1024;
    let lim = libc::rlimit {
        rlim_cur: current + extra,
        rlim_max: current + extra,
    };
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &lim) };
}
