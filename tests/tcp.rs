//! The remote executor over TCP on 127.0.0.1: every transcript gives the same session as
//! with the local executor, and bad clients (wrong key, no key, tampered, replayed and
//! oversized frames, random bytes) are refused while the executor keeps serving good ones.

use executor::tcp::wire::{self, Channel, Frame, Handshake, TO_CLIENT, TO_SERVER};
use ir::protocol::{Reply, Request, PROTOCOL_VERSION};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const KEY: &str = "crepl-test-key-0123456789abcdef";

/// A listening executor on an ephemeral loopback port; killed on drop.
struct Listener {
    child: Child,
    addr: String,
}

impl Listener {
    fn start() -> Listener {
        let exe =
            std::path::Path::new(env!("CARGO_BIN_EXE_crepl")).with_file_name("crepl-executor");
        let mut child = Command::new(exe)
            .args(["--listen", "127.0.0.1:0"])
            .env("CREPL_KEY", KEY)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("crepl-executor");
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        let addr = line.trim().rsplit(' ').next().unwrap().to_string();
        assert!(line.contains("listening on"), "unexpected: {line}");
        // Keep draining its diagnostics so it never blocks on a full pipe.
        std::thread::spawn(move || for _ in err.lines() {});
        Listener { child, addr }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs crepl against the listener with `input` on stdin; returns stdout+stderr.
fn crepl(l: &Listener, input: &str, key: &str) -> (Option<i32>, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .args(["--no-color", "--connect", &l.addr])
        .env("CREPL_KEY", key)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = c.wait_with_output().unwrap();
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[track_caller]
fn still_serves(l: &Listener) {
    let (st, out) = crepl(l, "int a = 20;\na + 22\n", KEY);
    assert_eq!(
        (st, out.trim()),
        (Some(0), "(int) 42"),
        "the executor no longer serves good clients"
    );
}

/// Connects and completes the handshake by hand; returns the stream and session channels.
fn handshake(l: &Listener, key: &[u8]) -> (TcpStream, Channel, Channel) {
    let mut s = TcpStream::connect(&l.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let Handshake::Hello { nonce: ns, .. } = wire::read_handshake(&mut s).unwrap() else {
        panic!("no hello")
    };
    let nc = wire::nonce();
    let proof = wire::hmac(key, &[b"crepl client", &ns, &nc]);
    wire::write_handshake(
        &mut s,
        &Handshake::Auth {
            version: PROTOCOL_VERSION,
            nonce: nc,
            proof,
        },
    )
    .unwrap();
    assert!(matches!(
        wire::read_handshake(&mut s).unwrap(),
        Handshake::Accept { .. }
    ));
    let sk = wire::session_key(key, &ns, &nc);
    (s, Channel::new(sk, TO_SERVER), Channel::new(sk, TO_CLIENT))
}

/// True if the server closed the connection (EOF, reset, or only a final frame then EOF).
fn closed(s: &mut TcpStream) -> bool {
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => return true,
            Ok(_) => continue,
        }
    }
}

#[test]
fn bad_clients_are_refused_and_the_executor_keeps_serving() {
    let l = Listener::start();
    still_serves(&l);

    // Wrong key: refused in the handshake, with a clear error for the user.
    let (st, out) = crepl(&l, "1\n", "not-the-key");
    assert_eq!(st, Some(1));
    assert!(
        out.contains("refused the connection: authentication failed"),
        "{out}"
    );
    still_serves(&l);

    // No key: an Auth without a valid proof.
    let mut s = TcpStream::connect(&l.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = wire::read_handshake(&mut s).unwrap();
    wire::write_handshake(
        &mut s,
        &Handshake::Auth {
            version: PROTOCOL_VERSION,
            nonce: [0; 32],
            proof: [0; 32],
        },
    )
    .unwrap();
    assert!(matches!(
        wire::read_handshake(&mut s),
        Ok(Handshake::Reject { .. })
    ));
    still_serves(&l);

    // Wrong protocol version.
    let mut s = TcpStream::connect(&l.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = wire::read_handshake(&mut s).unwrap();
    wire::write_handshake(
        &mut s,
        &Handshake::Auth {
            version: PROTOCOL_VERSION + 1,
            nonce: [0; 32],
            proof: [0; 32],
        },
    )
    .unwrap();
    match wire::read_handshake(&mut s) {
        Ok(Handshake::Reject { reason }) => assert!(reason.contains("version"), "{reason}"),
        other => panic!("expected a rejection, got {other:?}"),
    }
    still_serves(&l);

    // Random bytes instead of a handshake.
    let mut s = TcpStream::connect(&l.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = wire::read_handshake(&mut s).unwrap();
    let junk: Vec<u8> = (0..2000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let _ = s.write_all(&junk);
    assert!(closed(&mut s));
    still_serves(&l);

    // A good session, then a tampered frame: the session is closed.
    let (mut s, mut out, mut inc) = handshake(&l, KEY.as_bytes());
    out.send(&mut s, &Frame::Request(Request::Quiet(false)))
        .unwrap();
    assert!(matches!(inc.recv(&mut s), Ok(Frame::Reply(Reply::Ok))));
    let body = postcard_frame(&Frame::Request(Request::Quiet(false)));
    let mut forged = frame_with_mac(&body, &[0u8; 32]);
    let n = forged.len();
    forged[n - 1] ^= 1;
    s.write_all(&forged).unwrap();
    assert!(closed(&mut s));
    still_serves(&l);

    // A replayed frame (valid bytes, sent twice): the second fails its sequence number.
    let (mut s, mut out, mut inc) = handshake(&l, KEY.as_bytes());
    let mut recorder = Recorder(Vec::new());
    out.send(&mut recorder, &Frame::Request(Request::Quiet(false)))
        .unwrap();
    s.write_all(&recorder.0).unwrap();
    assert!(matches!(inc.recv(&mut s), Ok(Frame::Reply(Reply::Ok))));
    s.write_all(&recorder.0).unwrap();
    assert!(closed(&mut s));
    still_serves(&l);

    // An oversized frame: refused from its length alone.
    let (mut s, _, _) = handshake(&l, KEY.as_bytes());
    s.write_all(&(u32::MAX).to_le_bytes()).unwrap();
    assert!(closed(&mut s));
    still_serves(&l);
}

/// Collects what a Channel writes, to replay it.
struct Recorder(Vec<u8>);

impl Write for Recorder {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn postcard_frame(f: &Frame) -> Vec<u8> {
    let mut r = Recorder(Vec::new());
    Channel::new([7; 32], TO_SERVER).send(&mut r, f).unwrap();
    // Strip the length prefix and the MAC: the body alone.
    r.0[4..r.0.len() - wire::MAC_LEN].to_vec()
}

fn frame_with_mac(body: &[u8], mac: &[u8; 32]) -> Vec<u8> {
    let mut v = ((body.len() + 32) as u32).to_le_bytes().to_vec();
    v.extend_from_slice(body);
    v.extend_from_slice(mac);
    v
}

#[test]
fn crash_over_tcp_is_recovered() {
    let l = Listener::start();
    let (st, out) = crepl(
        &l,
        "#include <stdio.h>\nint x = 3;\nprintf(\"out %d\\n\", x);\nint *p = 0;\n*p = 1;\nx + 1\n",
        KEY,
    );
    assert_eq!(st, Some(1));
    assert!(out.contains("out 3"), "{out}");
    assert!(
        out.contains("executor crashed: segmentation fault (SIGSEGV) while running input 5"),
        "{out}"
    );
    assert!(out.contains("(int) 4"), "{out}");
    still_serves(&l);
}
