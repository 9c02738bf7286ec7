//! The listening executor: authenticates each connection, then runs the session in a fresh
//! process (`crepl-executor --tcp-session`, the socket as fd 3), so every client starts
//! from a clean state and a crash ends only that session. The listener reports how the
//! session process ended, then keeps serving.

use super::wire::{self, Channel, Frame, Handshake, WireError, TO_CLIENT, TO_SERVER};
use crate::runtime::{flush_c_streams, Runtime};
use ir::protocol::{Reply, Request, RunError, RunErrorKind, PROTOCOL_VERSION};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::io::{AsRawFd, FromRawFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `crepl-executor --listen HOST:PORT`.
pub fn listen(addr: &str, allow_remote: bool, key_file: Option<&std::path::Path>) -> i32 {
    let addrs: Vec<SocketAddr> = match std::net::ToSocketAddrs::to_socket_addrs(addr) {
        Ok(a) => a.collect(),
        Err(e) => {
            eprintln!("crepl-executor: bad address '{addr}': {e}");
            return 2;
        }
    };
    if !allow_remote && addrs.iter().any(|a| !a.ip().is_loopback()) {
        eprintln!("crepl-executor: refusing to listen on {addr}: anyone who reaches the port can run code; use 127.0.0.1, or pass --allow-remote");
        return 2;
    }
    let key = match wire::load_key(key_file) {
        Ok(k) => k,
        Err(_) => {
            let p = key_file
                .map(|p| p.to_path_buf())
                .or_else(wire::default_key_path);
            let Some(p) = p else {
                eprintln!("crepl-executor: no key: set CREPL_KEY or pass --key-file");
                return 2;
            };
            match wire::generate_key(&p) {
                Ok(k) => {
                    eprintln!("crepl-executor: new key written to {} (mode 0600); give it to crepl with --key-file or CREPL_KEY", p.display());
                    k
                }
                Err(e) => {
                    eprintln!("crepl-executor: {e}");
                    return 2;
                }
            }
        }
    };
    let listener = match TcpListener::bind(&addrs[..]) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("crepl-executor: cannot listen on {addr}: {e}");
            return 2;
        }
    };
    eprintln!(
        "crepl-executor: listening on {}",
        listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default()
    );
    let key = Arc::new(key);
    for conn in listener.incoming() {
        let Ok(stream) = conn else { continue };
        let key = key.clone();
        std::thread::spawn(move || {
            let peer = stream
                .peer_addr()
                .map(|a| a.to_string())
                .unwrap_or_default();
            if let Err(e) = session(stream, &key) {
                eprintln!("crepl-executor: connection from {peer} closed: {e}");
            }
        });
    }
    0
}

/// Authenticates one connection and runs its session process.
fn session(mut stream: TcpStream, key: &[u8]) -> Result<(), String> {
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    let ns = wire::nonce();
    wire::write_handshake(
        &mut stream,
        &Handshake::Hello {
            version: PROTOCOL_VERSION,
            nonce: ns,
        },
    )
    .map_err(|e| e.to_string())?;
    let (version, nc, proof) = match wire::read_handshake(&mut stream).map_err(|e| e.to_string())? {
        Handshake::Auth {
            version,
            nonce,
            proof,
        } => (version, nonce, proof),
        other => return Err(format!("expected authentication, got {other:?}")),
    };
    if version != PROTOCOL_VERSION {
        let reason =
            format!("protocol version mismatch: executor {PROTOCOL_VERSION}, crepl {version}");
        let _ = wire::write_handshake(
            &mut stream,
            &Handshake::Reject {
                reason: reason.clone(),
            },
        );
        return Err(reason);
    }
    if !wire::verify(key, &[b"crepl client", &ns, &nc], &proof) {
        let _ = wire::write_handshake(
            &mut stream,
            &Handshake::Reject {
                reason: "authentication failed".into(),
            },
        );
        return Err("authentication failed (wrong key)".into());
    }
    let server_proof = wire::hmac(key, &[b"crepl server", &nc, &ns]);
    wire::write_handshake(
        &mut stream,
        &Handshake::Accept {
            proof: server_proof,
        },
    )
    .map_err(|e| e.to_string())?;
    stream.set_read_timeout(None).map_err(|e| e.to_string())?;
    let sk = wire::session_key(key, &ns, &nc);

    // The session runs in its own process: socket as fd 3, session key on its stdin.
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let fd = stream.as_raw_fd();
    let mut cmd = Command::new(me);
    if std::env::current_exe()
        .ok()
        .and_then(|p| p.file_name().map(|n| n != "crepl-executor"))
        .unwrap_or(false)
    {
        cmd.arg("__executor");
    }
    cmd.arg("--tcp-session").stdin(Stdio::piped());
    crate::malloc_tunables(&mut cmd);
    unsafe {
        cmd.pre_exec(move || {
            if libc::dup2(fd, 3) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start the session process: {e}"))?;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&sk)
        .map_err(|e| e.to_string())?;
    let status = child.wait().map_err(|e| e.to_string())?;
    // Tell the client how its executor ended (it may have crashed mid-request).
    let how = crate::ipc::describe_exit(status);
    let _ = Channel::send_final(sk, &mut stream, &Frame::Died(how));
    Ok(())
}

/// Output pipes' read ends, drained into Output frames.
struct Pipes {
    out: i32,
    err: i32,
}

type Writer = Arc<Mutex<(TcpStream, Channel)>>;

/// Sends whatever is in the output pipes now (non-blocking). stderr goes first: it is
/// unbuffered, so what is waiting in its pipe was written before the stdout data that a
/// flush just pushed (`fprintf(stderr, "a"); printf("b\n");` shows `ab` on a terminal).
/// Two pipes cannot order interleaved writes exactly; within each stream order is kept.
fn drain(p: &Pipes, w: &mut (TcpStream, Channel)) {
    let mut buf = vec![0u8; 65536];
    for (fd, tag) in [(p.err, 2u8), (p.out, 1u8)] {
        loop {
            let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
            if n <= 0 {
                break;
            }
            if w.1
                .send(
                    &mut w.0,
                    &Frame::Output {
                        fd: tag,
                        data: buf[..n as usize].to_vec(),
                    },
                )
                .is_err()
            {
                return;
            }
        }
    }
}

static EXIT_PIPES: std::sync::OnceLock<(Pipes, Writer)> = std::sync::OnceLock::new();

extern "C" fn drain_at_exit() {
    flush_c_streams();
    if crate::is_forked_child() {
        // The session's socket is the parent's.
        return;
    }
    if let Some((p, w)) = EXIT_PIPES.get() {
        if let Ok(mut g) = w.lock() {
            drain(p, &mut g);
        }
    }
}

/// `crepl-executor --tcp-session`: serve one authenticated client on fd 3.
pub fn run_session() -> i32 {
    let mut sk = [0u8; 32];
    if std::io::stdin().read_exact(&mut sk).is_err() {
        eprintln!("crepl-executor: --tcp-session is started by crepl-executor --listen");
        return 2;
    }
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY);
        libc::dup2(null, 0);
        libc::close(null);
    }
    let sock = unsafe { TcpStream::from_raw_fd(3) };
    // Program output goes into pipes and from there to the client as Output frames.
    let mut fds = [0i32; 4];
    unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) != 0
            || libc::pipe2(fds.as_mut_ptr().add(2), libc::O_NONBLOCK | libc::O_CLOEXEC) != 0
        {
            return 2;
        }
        // The program's ends block like a terminal would (a full pipe waits for the client).
        for w in [fds[1], fds[3]] {
            let fl = libc::fcntl(w, libc::F_GETFL);
            libc::fcntl(w, libc::F_SETFL, fl & !libc::O_NONBLOCK);
        }
        libc::dup2(fds[1], 1);
        libc::dup2(fds[3], 2);
    }
    let pipes = Pipes {
        out: fds[0],
        err: fds[2],
    };
    let writer: Writer = Arc::new(Mutex::new((
        sock.try_clone().expect("socket clone"),
        Channel::new(sk, TO_CLIENT),
    )));
    let _ = EXIT_PIPES.set((
        Pipes {
            out: pipes.out,
            err: pipes.err,
        },
        writer.clone(),
    ));
    unsafe { libc::atexit(drain_at_exit) };

    // Signals sent to the session process go to the program's threads.
    crate::block_process_signals();
    // Forward output as it appears, so a long-running input streams.
    {
        let w = writer.clone();
        let p = Pipes {
            out: pipes.out,
            err: pipes.err,
        };
        std::thread::spawn(move || loop {
            let mut pfd = [
                libc::pollfd {
                    fd: p.out,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: p.err,
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            let n = unsafe { libc::poll(pfd.as_mut_ptr(), 2, -1) };
            if n > 0 {
                if let Ok(mut g) = w.lock() {
                    drain(&p, &mut g);
                }
            }
        });
    }

    // Requests arrive on a reader thread, so an Interrupt can arrive while code runs.
    let (tx, rx) = std::sync::mpsc::channel::<Request>();
    {
        let mut r = sock.try_clone().expect("socket clone");
        std::thread::spawn(move || {
            let mut ch = Channel::new(sk, TO_SERVER);
            loop {
                match ch.recv(&mut r) {
                    Ok(Frame::Request(req)) => {
                        if tx.send(req).is_err() {
                            break;
                        }
                    }
                    Ok(Frame::Interrupt) => crate::interrupt(),
                    Ok(_) => break,
                    Err(WireError::Closed) => break,
                    Err(e) => {
                        let _ = writeln!(
                            std::io::stderr(),
                            "crepl-executor: closing the session: {e}"
                        );
                        break;
                    }
                }
            }
            // The client is gone (or misbehaved): the session ends now.
            unsafe { libc::_exit(0) };
        });
    }

    let worker = std::thread::Builder::new()
        .name("crepl-user".into())
        .stack_size(crate::USER_STACK)
        .spawn(move || {
            crate::unblock_process_signals();
            let mut rt = Runtime::new(vec![]);
            let base = &rt as *const _ as usize;
            rt.interp
                .set_native_stack(base, crate::USER_STACK - (4 << 20));
            rt.install_exit_hooks();
            crate::ipc::install_crash_handlers();
            let reply = |r: Reply| {
                flush_c_streams();
                let mut guard = writer.lock().unwrap();
                let g = &mut *guard;
                drain(&pipes, g);
                g.1.send(&mut g.0, &Frame::Reply(r)).is_ok()
            };
            while let Ok(req) = rx.recv() {
                match req {
                    Request::Shutdown => {
                        reply(Reply::Ok);
                        unsafe { libc::exit(0) };
                    }
                    Request::RunMain { .. } => {
                        reply(Reply::Error(RunError {
                            kind: RunErrorKind::Internal,
                            message: "script mode runs locally".into(),
                        }));
                    }
                    req => {
                        let r = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            rt.handle(req)
                        })) {
                            Ok(r) => r,
                            Err(_) => Reply::Error(RunError {
                                kind: RunErrorKind::Internal,
                                message: "the executor panicked (a bug in crepl)".into(),
                            }),
                        };
                        crate::leave_if_forked();
                        if !reply(r) {
                            break;
                        }
                    }
                }
            }
        })
        .expect("cannot start the executor thread");
    let _ = worker.join();
    0
}
