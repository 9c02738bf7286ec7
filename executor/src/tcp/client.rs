//! crepl's side of a remote executor: connect, authenticate, then requests and replies,
//! with the program's output chunks written to crepl's stdout/stderr as they arrive.

use super::wire::{self, Channel, Frame, Handshake, TO_CLIENT, TO_SERVER};
use crate::ipc::CLIENT_INTERRUPT;
use crate::Executor;
use ir::protocol::{Reply, Request, RunError, RunErrorKind, PROTOCOL_VERSION};
use std::io::Write;
use std::net::TcpStream;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How to reach a remote executor.
#[derive(Clone, Debug)]
pub struct RemoteOptions {
    pub addr: String,
    pub key: Vec<u8>,
    pub timeout: Option<Duration>,
}

pub struct Remote {
    stream: TcpStream,
    out: Channel,
    frames: mpsc::Receiver<Result<Frame, String>>,
    timeout: Option<Duration>,
    dead: bool,
}

impl Remote {
    pub fn connect(o: &RemoteOptions) -> Result<Remote, String> {
        let addrs: Vec<_> = std::net::ToSocketAddrs::to_socket_addrs(&o.addr)
            .map_err(|e| format!("bad address '{}': {e}", o.addr))?
            .collect();
        let mut stream = None;
        let mut last = String::new();
        for a in addrs {
            match TcpStream::connect_timeout(&a, Duration::from_secs(5)) {
                Ok(s) => {
                    stream = Some(s);
                    break;
                }
                Err(e) => last = e.to_string(),
            }
        }
        let mut s = stream.ok_or_else(|| format!("cannot connect to {}: {last}", o.addr))?;
        s.set_nodelay(true).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .map_err(|e| e.to_string())?;
        let (version, ns) = match wire::read_handshake(&mut s)
            .map_err(|e| format!("handshake with {}: {e}", o.addr))?
        {
            Handshake::Hello { version, nonce } => (version, nonce),
            other => return Err(format!("unexpected handshake message {other:?}")),
        };
        if version != PROTOCOL_VERSION {
            return Err(format!("the executor at {} speaks protocol version {version}, crepl speaks {PROTOCOL_VERSION}", o.addr));
        }
        let nc = wire::nonce();
        let proof = wire::hmac(&o.key, &[b"crepl client", &ns, &nc]);
        wire::write_handshake(
            &mut s,
            &Handshake::Auth {
                version: PROTOCOL_VERSION,
                nonce: nc,
                proof,
            },
        )
        .map_err(|e| e.to_string())?;
        match wire::read_handshake(&mut s) {
            Ok(Handshake::Accept { proof }) => {
                if !wire::verify(&o.key, &[b"crepl server", &nc, &ns], &proof) {
                    return Err(format!(
                        "the executor at {} could not prove it has the key",
                        o.addr
                    ));
                }
            }
            Ok(Handshake::Reject { reason }) => {
                return Err(format!(
                    "the executor at {} refused the connection: {reason}",
                    o.addr
                ))
            }
            Ok(other) => return Err(format!("unexpected handshake message {other:?}")),
            Err(e) => {
                return Err(format!(
                    "the executor at {} closed the connection: {e}",
                    o.addr
                ))
            }
        }
        s.set_read_timeout(None).map_err(|e| e.to_string())?;
        let sk = wire::session_key(&o.key, &ns, &nc);
        let (tx, rx) = mpsc::channel();
        let mut r = s.try_clone().map_err(|e| e.to_string())?;
        std::thread::spawn(move || {
            let mut ch = Channel::new(sk, TO_CLIENT);
            loop {
                let f = ch.recv(&mut r).map_err(|e| e.to_string());
                let stop = f.is_err();
                if tx.send(f).is_err() || stop {
                    break;
                }
            }
        });
        Ok(Remote {
            stream: s,
            out: Channel::new(sk, TO_SERVER),
            frames: rx,
            timeout: o.timeout,
            dead: false,
        })
    }

    fn lost(&mut self, how: String) -> Reply {
        self.dead = true;
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
        Reply::Error(RunError {
            kind: RunErrorKind::Crashed(how),
            message: String::new(),
        })
    }
}

impl Executor for Remote {
    fn request(&mut self, req: Request) -> Reply {
        if self.dead {
            return Reply::Error(RunError {
                kind: RunErrorKind::Crashed("not connected".into()),
                message: String::new(),
            });
        }
        CLIENT_INTERRUPT.store(false, Ordering::SeqCst);
        let shutdown = matches!(req, Request::Shutdown);
        if let Err(e) = self.out.send(&mut self.stream, &Frame::Request(req)) {
            return self.lost(format!("connection lost ({e})"));
        }
        let start = Instant::now();
        let mut interrupted_at: Option<Instant> = None;
        loop {
            match self.frames.recv_timeout(Duration::from_millis(20)) {
                Ok(Ok(Frame::Output { fd, data })) => {
                    let _ = if fd == 2 {
                        std::io::stderr().write_all(&data)
                    } else {
                        std::io::stdout().write_all(&data)
                    };
                    let _ = if fd == 2 {
                        std::io::stderr().flush()
                    } else {
                        std::io::stdout().flush()
                    };
                }
                Ok(Ok(Frame::Reply(r))) => {
                    if shutdown {
                        // Output of atexit handlers and destructors, then the end of the session.
                        let until = Instant::now() + Duration::from_secs(5);
                        while Instant::now() < until {
                            match self.frames.recv_timeout(Duration::from_millis(50)) {
                                Ok(Ok(Frame::Output { fd, data })) => {
                                    let _ = if fd == 2 {
                                        std::io::stderr().write_all(&data)
                                    } else {
                                        std::io::stdout().write_all(&data)
                                    };
                                }
                                Ok(Ok(_))
                                | Ok(Err(_))
                                | Err(mpsc::RecvTimeoutError::Disconnected) => break,
                                Err(mpsc::RecvTimeoutError::Timeout) => {}
                            }
                        }
                        let _ = std::io::stdout().flush();
                        self.dead = true;
                        return r;
                    }
                    if let Reply::Error(RunError {
                        kind: RunErrorKind::Interrupted { killed: false },
                        ..
                    }) = &r
                    {
                        if self.timeout.is_some_and(|t| start.elapsed() > t) {
                            return Reply::Error(RunError {
                                kind: RunErrorKind::Interrupted { killed: false },
                                message: "timed out".into(),
                            });
                        }
                    }
                    return r;
                }
                Ok(Ok(Frame::Died(how))) => return self.lost(how),
                Ok(Ok(other)) => return self.lost(format!("protocol error: unexpected {other:?}")),
                Ok(Err(e)) => return self.lost(format!("connection lost ({e})")),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return self.lost("connection lost".into())
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
            let timed_out = self.timeout.is_some_and(|t| start.elapsed() > t);
            if interrupted_at.is_none() && (CLIENT_INTERRUPT.load(Ordering::SeqCst) || timed_out) {
                let _ = self.out.send(&mut self.stream, &Frame::Interrupt);
                interrupted_at = Some(Instant::now());
            }
            if let Some(t) = interrupted_at {
                if t.elapsed() > Duration::from_secs(2) {
                    // Closing the connection ends the session process on the other side.
                    self.dead = true;
                    let _ = self.stream.shutdown(std::net::Shutdown::Both);
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

impl Drop for Remote {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}
