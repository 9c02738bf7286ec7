//! The executor protocol: requests from crepl and replies from the executor.
//! Exactly one reply per request.

use crate::module::Module;

/// Checked in the handshake: both sides must speak the same protocol.
pub const PROTOCOL_VERSION: u32 = 1;
use crate::types::TypeTable;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Request {
    /// Link a module and run its new initializers; print the trailing value if any.
    Load(Box<Module>),
    /// Load a shared library by path.
    LoadLibrary(String),
    /// Roll the function table back to how it was before module number `n` (0-based) was loaded.
    Undo(u32),
    /// Run `main(argc, argv)` (script mode) and report its exit status.
    RunMain {
        func: crate::tree::FuncId,
        args: Vec<String>,
    },
    /// Silence (true) or restore (false) the program's stdout and stderr: replaying the
    /// journal after a crash must not print the session's output again.
    Quiet(bool),
    /// Run atexit handlers and destructors, then reply and stop.
    Shutdown,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Reply {
    Loaded {
        /// The formatted trailing value, `(int) 42`.
        value: Option<String>,
    },
    Exited(i32),
    Ok,
    Error(RunError),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RunErrorKind {
    /// A symbol no loaded library defines.
    Link,
    /// The user's code failed at run time in a way the interpreter detects (stack overflow,
    /// call to an undefined function).
    Runtime,
    /// The user's code called exit(); the session should end with this status.
    Exit(i32),
    /// The executor process died: how (`segmentation fault (SIGSEGV)`, `exit(3)`).
    Crashed(String),
    /// Stopped by Ctrl-C or `--timeout`; `killed` if the executor had to be killed.
    Interrupted { killed: bool },
    /// A bug in crepl.
    Internal,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunError {
    pub kind: RunErrorKind,
    pub message: String,
}

/// Re-exported so both sides agree on the layout of the type table they share.
pub type SharedTypes = TypeTable;
