//! The executor: links modules into runtime memory and the function table, runs their
//! initializers, formats values. Behind the [`Executor`] interface so the REPL does not
//! care whether it runs in this process or another one.
//!
//! **Architecture invariant:** the executor never parses C; everything it runs comes from
//! a module it loaded.

mod atomics;
mod complex;
pub mod format;
mod int128;
pub mod ipc;
mod link;
mod runtime;
pub mod tcp;
mod tiers;

pub use ipc::{serve, SpawnOptions, Spawned, CLIENT_INTERRUPT};
pub use runtime::Runtime;
pub use tcp::client::{Remote, RemoteOptions};

use ir::protocol::{Reply, Request};
use std::sync::mpsc;

/// What crepl talks to. Exactly one reply per request.
pub trait Executor {
    fn request(&mut self, req: Request) -> Reply;
}

/// Runs user code in this process, on a dedicated thread with a large stack (deep C
/// recursion is deep Rust recursion in the interpreter).
pub struct InProcess {
    tx: mpsc::Sender<Request>,
    rx: mpsc::Receiver<Reply>,
    worker: Option<std::thread::JoinHandle<()>>,
}

/// Stack of the thread that runs user code.
pub(crate) const USER_STACK: usize = 1 << 30;

impl InProcess {
    pub fn new(lib_dirs: Vec<String>) -> InProcess {
        let (tx, req_rx) = mpsc::channel::<Request>();
        let (reply_tx, rx) = mpsc::channel::<Reply>();
        let worker = std::thread::Builder::new()
            .name("crepl-user".into())
            .stack_size(USER_STACK)
            .spawn(move || {
                unblock_process_signals();
                let mut rt = Runtime::new(lib_dirs);
                rt.in_process = true;
                let base = &rt as *const _ as usize;
                rt.interp.set_native_stack(base, USER_STACK - (4 << 20));
                while let Some(req) = recv_soon(&req_rx) {
                    let stop = matches!(req, Request::Shutdown);
                    let reply = rt.handle(req);
                    leave_if_forked();
                    if reply_tx.send(reply).is_err() || stop {
                        break;
                    }
                }
            })
            .expect("cannot start the executor thread");
        InProcess {
            tx,
            rx,
            worker: Some(worker),
        }
    }
}

impl Executor for InProcess {
    fn request(&mut self, req: Request) -> Reply {
        if self.tx.send(req).is_err() {
            return Reply::Error(ir::protocol::RunError {
                kind: ir::protocol::RunErrorKind::Internal,
                message: "the executor thread has stopped".into(),
            });
        }
        recv_soon(&self.rx).ok_or(()).unwrap_or_else(|_| {
            Reply::Error(ir::protocol::RunError {
                kind: ir::protocol::RunErrorKind::Internal,
                message: "the executor thread has stopped".into(),
            })
        })
    }
}

/// Receives, spinning briefly before blocking: a thread wake-up through the kernel costs
/// about 25 µs here, more than a small input takes to run (measured: median round trip
/// 50 µs blocking, see bench/run.sh).
fn recv_soon<T>(rx: &mpsc::Receiver<T>) -> Option<T> {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_micros(200) {
        match rx.try_recv() {
            Ok(v) => return Some(v),
            Err(mpsc::TryRecvError::Disconnected) => return None,
            Err(mpsc::TryRecvError::Empty) => std::hint::spin_loop(),
        }
    }
    rx.recv().ok()
}

impl Drop for InProcess {
    fn drop(&mut self) {
        let _ = self.tx.send(Request::Shutdown);
        let _ = self.rx.recv();
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

/// The signals a process receives from outside (`kill`, `alarm`, a terminal), as opposed to
/// the faults a thread's own instruction raises.
fn async_signals() -> libc::sigset_t {
    // SAFETY: sigfillset/sigdelset initialize and edit a sigset_t we own.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [
            libc::SIGSEGV,
            libc::SIGBUS,
            libc::SIGFPE,
            libc::SIGILL,
            libc::SIGTRAP,
            libc::SIGSYS,
            libc::SIGABRT,
        ] {
            libc::sigdelset(&mut set, s);
        }
        set
    }
}

/// The executor's own threads block signals sent to the process, so that the kernel
/// delivers them to a thread of the program (the one running user code, or one it
/// started), where a handler the program installed runs as in a compiled program
/// (`alarm(1); pause();` returns). Call first thing in the executor's main thread, before
/// it starts any thread; threads inherit the mask.
pub fn block_process_signals() {
    let set = async_signals();
    // SAFETY: changes only the calling thread's signal mask.
    unsafe { libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) };
}

/// In the thread that runs user code: receive process signals again (threads the program
/// starts inherit this).
pub fn unblock_process_signals() {
    let set = async_signals();
    // SAFETY: changes only the calling thread's signal mask.
    unsafe { libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut()) };
}

/// The executor's process id, set when its runtime starts (0: not yet).
static EXECUTOR_PID: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

pub(crate) fn set_executor_pid() {
    // SAFETY: getpid has no preconditions.
    EXECUTOR_PID.store(
        unsafe { libc::getpid() },
        std::sync::atomic::Ordering::SeqCst,
    );
}

/// Whether this process is a child the program forked (it must never touch the session's
/// channel or the executor's state).
pub fn is_forked_child() -> bool {
    let pid = EXECUTOR_PID.load(std::sync::atomic::Ordering::SeqCst);
    // SAFETY: getpid has no preconditions.
    pid != 0 && pid != unsafe { libc::getpid() }
}

/// A child the program forked that came back to the executor (the input that forked it
/// ended, and the child did not exit): it ends here, as the process would at the end of
/// the code it ran, without replying (its parent replies).
pub(crate) fn leave_if_forked() {
    if is_forked_child() {
        runtime::flush_c_streams();
        // SAFETY: _exit ends the process at once; nothing of it is shared with the parent.
        unsafe { libc::_exit(0) };
    }
}

/// Asks running user code to stop (Ctrl-C). Safe to call from a signal handler.
pub fn interrupt() {
    interp::tier::request_interrupt();
}

/// `crepl-executor` (or `crepl __executor`): `--ipc NAME` connects to the crepl that started
/// it; `--listen HOST:PORT` serves `crepl --connect` over TCP.
/// The glibc malloc setting the executor starts with (see [`malloc_tunables`]).
const TCACHE: &str = "glibc.malloc.hugetlb=1:glibc.malloc.tcache_count=65535";
/// Where [`malloc_tunables`] keeps the user's own GLIBC_TUNABLES (if any).
const SAVED_TUNABLES: &str = "CREPL_SAVED_GLIBC_TUNABLES";

/// Environment for starting an executor process: glibc's malloc takes a lock or an
/// atomic operation for most calls once a process has a second thread (the executor runs
/// user code on one), which made malloc-heavy programs 12-15% slower than natively
/// (binarytrees, gcc -O0 code run in a pthread: 296 ms alone, 344 ms with a thread); a
/// per-thread cache large enough to hold what programs free makes them as fast as
/// native ones or faster (259 ms). `hugetlb=1` makes malloc ask for transparent huge
/// pages for its large blocks (madvise), which cut the page faults and TLB misses of big
/// arrays (a 60 MB sieve compiled by gcc -O0: 559 ms, 483 ms with the setting). The
/// executor restores the user's environment first thing ([`restore_environment`]), so
/// programs never see it.
pub fn malloc_tunables(cmd: &mut std::process::Command) {
    let user = std::env::var_os("GLIBC_TUNABLES");
    let mut v = std::ffi::OsString::new();
    if let Some(u) = &user {
        v.push(u);
        v.push(":");
        cmd.env(SAVED_TUNABLES, u);
    } else {
        cmd.env_remove(SAVED_TUNABLES);
    }
    v.push(TCACHE);
    cmd.env("GLIBC_TUNABLES", v);
}

/// Undoes [`malloc_tunables`] in the executor's environment (before any thread exists).
fn restore_environment() {
    let Some(cur) = std::env::var_os("GLIBC_TUNABLES") else {
        return;
    };
    if !cur.to_string_lossy().ends_with(TCACHE) {
        return;
    }
    // SAFETY: called at the start of main_with_args, while the process has one thread.
    unsafe {
        match std::env::var_os(SAVED_TUNABLES) {
            Some(u) => std::env::set_var("GLIBC_TUNABLES", u),
            None => std::env::remove_var("GLIBC_TUNABLES"),
        }
        std::env::remove_var(SAVED_TUNABLES);
    }
}

pub fn main_with_args(args: &[String]) -> i32 {
    restore_environment();
    let mut ipc = None;
    let mut listen = None;
    let mut allow_remote = false;
    let mut key_file: Option<std::path::PathBuf> = None;
    let mut lib_dirs = Vec::new();
    let mut memory_limit = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--ipc" => ipc = it.next().cloned(),
            "--listen" => listen = it.next().cloned(),
            "--allow-remote" => allow_remote = true,
            "--key-file" => key_file = it.next().map(Into::into),
            "--tcp-session" => return tcp::server::run_session(),
            "-L" => lib_dirs.extend(it.next().cloned()),
            "--memory-limit" => memory_limit = it.next().and_then(|s| s.parse::<u64>().ok()),
            "--version" => {
                println!(
                    "crepl-executor {} (protocol {})",
                    env!("CARGO_PKG_VERSION"),
                    ir::protocol::PROTOCOL_VERSION
                );
                return 0;
            }
            _ => {
                eprintln!("crepl-executor: unknown argument '{a}'\n{USAGE}");
                return 2;
            }
        }
    }
    if let Some(addr) = listen {
        return tcp::server::listen(&addr, allow_remote, key_file.as_deref());
    }
    match ipc {
        Some(name) => serve(&name, lib_dirs, memory_limit),
        None => {
            eprintln!("crepl-executor: runs user code for crepl\n{USAGE}");
            2
        }
    }
}

const USAGE: &str = "usage: crepl-executor --listen HOST:PORT [--allow-remote] [--key-file PATH]   (serve crepl --connect)
       crepl-executor --ipc NAME [-L DIR] [--memory-limit BYTES]                 (started by crepl)
The key comes from CREPL_KEY, else the key file (default ~/.local/share/crepl/executor.key,
created with mode 0600 if missing).";
