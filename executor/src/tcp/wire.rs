//! TCP framing and authentication, shared by both ends.
//!
//! Handshake (plain frames, no MAC yet), with K the shared key:
//!   server -> client  Hello  { version, server nonce Ns }
//!   client -> server  Auth   { version, client nonce Nc, HMAC(K, "crepl client" Ns Nc) }
//!   server -> client  Accept { HMAC(K, "crepl server" Nc Ns) }   (or Reject { reason })
//! The key never crosses the wire; both sides prove they know it. Then every frame is
//!   u32 length (LE) | body (postcard) | HMAC(S, direction, sequence number, body)
//! with the session key S = HMAC(K, "crepl session" Ns Nc) and a sequence number per
//! direction starting at 0: a tampered, reordered or replayed frame fails its MAC and the
//! connection is closed. Frames over `MAX_FRAME` are refused before they are read. Each
//! frame is written with one `write` on a TCP_NODELAY socket (two small writes with Nagle
//! on cost 88 ms per round trip here).

use hmac::{Hmac, Mac};
use ir::protocol::{Reply, Request};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use std::io::{Read, Write};

type HmacSha256 = Hmac<Sha256>;

/// Largest frame accepted (a module of a big header is a few hundred KB).
pub const MAX_FRAME: usize = 64 << 20;
pub const MAC_LEN: usize = 32;
/// The `crepl-executor` key file's name in the user's data directory.
pub const KEY_FILE: &str = "executor.key";

#[derive(Serialize, Deserialize, Debug)]
pub enum Handshake {
    Hello {
        version: u32,
        nonce: [u8; 32],
    },
    Auth {
        version: u32,
        nonce: [u8; 32],
        proof: [u8; 32],
    },
    Accept {
        proof: [u8; 32],
    },
    Reject {
        reason: String,
    },
}

/// A frame after the handshake.
#[derive(Serialize, Deserialize, Debug)]
pub enum Frame {
    /// client -> server
    Request(Request),
    /// client -> server: stop the running input (Ctrl-C, timeout).
    Interrupt,
    /// server -> client
    Reply(Reply),
    /// server -> client: program output, in order (fd 1 or 2).
    Output { fd: u8, data: Vec<u8> },
    /// server -> client: the session's executor process ended (how).
    Died(String),
}

#[derive(Debug)]
pub enum WireError {
    Io(std::io::Error),
    TooBig(usize),
    BadMac,
    Garbage(String),
    Closed,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WireError::Io(e) => write!(f, "{e}"),
            WireError::TooBig(n) => {
                write!(f, "frame of {n} bytes exceeds the limit of {MAX_FRAME}")
            }
            WireError::BadMac => write!(
                f,
                "frame failed authentication (tampered, replayed or out of order)"
            ),
            WireError::Garbage(e) => write!(f, "malformed frame: {e}"),
            WireError::Closed => write!(f, "connection closed"),
        }
    }
}

pub fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    for p in parts {
        m.update(p);
    }
    m.finalize().into_bytes().into()
}

/// Constant-time check of `mac` over `parts`.
pub fn verify(key: &[u8], parts: &[&[u8]], mac: &[u8]) -> bool {
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    for p in parts {
        m.update(p);
    }
    m.verify_slice(mac).is_ok()
}

pub fn nonce() -> [u8; 32] {
    let mut n = [0u8; 32];
    getrandom::getrandom(&mut n).expect("the system has no random source");
    n
}

pub fn session_key(key: &[u8], ns: &[u8; 32], nc: &[u8; 32]) -> [u8; 32] {
    hmac(key, &[b"crepl session", ns, nc])
}

/// Writes a length-prefixed frame (optionally with a MAC) in one write.
fn write_raw(w: &mut impl Write, body: &[u8], mac: Option<&[u8; 32]>) -> Result<(), WireError> {
    let total = body.len() + mac.map_or(0, |m| m.len());
    let mut buf = Vec::with_capacity(4 + total);
    buf.extend_from_slice(&(total as u32).to_le_bytes());
    buf.extend_from_slice(body);
    if let Some(m) = mac {
        buf.extend_from_slice(m);
    }
    w.write_all(&buf).map_err(WireError::Io)?;
    w.flush().map_err(WireError::Io)
}

fn read_raw(r: &mut impl Read, limit: usize) -> Result<Vec<u8>, WireError> {
    let mut len = [0u8; 4];
    if let Err(e) = r.read_exact(&mut len) {
        return Err(if e.kind() == std::io::ErrorKind::UnexpectedEof {
            WireError::Closed
        } else {
            WireError::Io(e)
        });
    }
    let n = u32::from_le_bytes(len) as usize;
    if n > limit {
        return Err(WireError::TooBig(n));
    }
    let mut buf = vec![0u8; n];
    r.read_exact(&mut buf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::UnexpectedEof {
            WireError::Closed
        } else {
            WireError::Io(e)
        }
    })?;
    Ok(buf)
}

pub fn write_handshake(w: &mut impl Write, h: &Handshake) -> Result<(), WireError> {
    let body = postcard::to_allocvec(h).map_err(|e| WireError::Garbage(e.to_string()))?;
    write_raw(w, &body, None)
}

/// Handshake messages are small: anything over 4 KB is garbage.
pub fn read_handshake(r: &mut impl Read) -> Result<Handshake, WireError> {
    let body = read_raw(r, 4096)?;
    postcard::from_bytes(&body).map_err(|e| WireError::Garbage(e.to_string()))
}

/// One direction of an authenticated session: key, direction tag and sequence number.
pub struct Channel {
    key: [u8; 32],
    dir: u8,
    seq: u64,
}

/// Direction tags in the MAC.
pub const TO_SERVER: u8 = b'>';
pub const TO_CLIENT: u8 = b'<';

impl Channel {
    pub fn new(key: [u8; 32], dir: u8) -> Channel {
        Channel { key, dir, seq: 0 }
    }

    /// Starts at a given sequence number (a server process taking over a session).
    pub fn at(key: [u8; 32], dir: u8, seq: u64) -> Channel {
        Channel { key, dir, seq }
    }

    pub fn send(&mut self, w: &mut impl Write, f: &Frame) -> Result<(), WireError> {
        let body = postcard::to_allocvec(f).map_err(|e| WireError::Garbage(e.to_string()))?;
        let mac = hmac(&self.key, &[&[self.dir], &self.seq.to_le_bytes(), &body]);
        self.seq = self.seq.wrapping_add(1);
        write_raw(w, &body, Some(&mac))
    }

    pub fn recv(&mut self, r: &mut impl Read) -> Result<Frame, WireError> {
        let buf = read_raw(r, MAX_FRAME + MAC_LEN)?;
        if buf.len() < MAC_LEN {
            return Err(WireError::Garbage("frame shorter than its MAC".into()));
        }
        let (body, mac) = buf.split_at(buf.len() - MAC_LEN);
        if !verify(
            &self.key,
            &[&[self.dir], &self.seq.to_le_bytes(), body],
            mac,
        ) {
            if self.dir == TO_CLIENT && Channel::is_final_mac(&self.key, body, mac) {
                return postcard::from_bytes(body).map_err(|e| WireError::Garbage(e.to_string()));
            }
            return Err(WireError::BadMac);
        }
        self.seq = self.seq.wrapping_add(1);
        postcard::from_bytes(body).map_err(|e| WireError::Garbage(e.to_string()))
    }

    /// The final frame a listener sends about a session process that ended; it uses the
    /// last sequence number, which no ordinary frame reaches.
    pub fn send_final(key: [u8; 32], w: &mut impl Write, f: &Frame) -> Result<(), WireError> {
        Channel::at(key, TO_CLIENT, u64::MAX).send(w, f)
    }

    pub fn is_final_mac(key: &[u8; 32], body: &[u8], mac: &[u8]) -> bool {
        verify(key, &[&[TO_CLIENT], &u64::MAX.to_le_bytes(), body], mac)
    }
}

/// Reads the shared key: `CREPL_KEY` (hex or text), else the key file.
pub fn load_key(path: Option<&std::path::Path>) -> Result<Vec<u8>, String> {
    if let Ok(k) = std::env::var("CREPL_KEY") {
        if !k.is_empty() {
            return Ok(k.trim().as_bytes().to_vec());
        }
    }
    let p = match path {
        Some(p) => p.to_path_buf(),
        None => default_key_path().ok_or("no key: set CREPL_KEY or pass --key-file")?,
    };
    let k = std::fs::read_to_string(&p)
        .map_err(|e| format!("cannot read the key file {}: {e}", p.display()))?;
    Ok(k.trim().as_bytes().to_vec())
}

pub fn default_key_path() -> Option<std::path::PathBuf> {
    let home = std::env::var_os("HOME")?;
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(home).join(".local/share"));
    Some(base.join("crepl").join(KEY_FILE))
}

/// Generates a new random key and writes it (hex) to `path` with mode 0600.
pub fn generate_key(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use std::os::unix::fs::OpenOptionsExt;
    let hex: String = nonce().iter().map(|b| format!("{b:02x}")).collect();
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let _ = std::fs::remove_file(path);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("cannot write the key file {}: {e}", path.display()))?;
    f.write_all(hex.as_bytes()).map_err(|e| e.to_string())?;
    Ok(hex.into_bytes())
}
