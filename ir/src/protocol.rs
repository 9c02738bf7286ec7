//! The executor protocol: requests from crepl and replies from the executor.
//! Exactly one reply per request.

use crate::module::Module;

/// Checked in the handshake: both sides must speak the same protocol.
pub const PROTOCOL_VERSION: u32 = 5;
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
    /// Set the tier policy for all code (`--tier`, `--tier-threshold`, `--trace-tiers`).
    TierPolicy(TierPolicy),
    /// Force one function (by name) to a tier (`%tier NAME TIER`).
    ForceTier { name: String, tier: TierName },
    /// Report each function's tier and counters (`%stats`).
    Stats,
}

/// A tier, as the user names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TierName {
    Interp,
    Baseline,
    /// The optimizing tier (Cranelift); runs as baseline until it exists.
    Opt,
    /// Start interpreted, move up by counters (only for `--tier`).
    #[default]
    Auto,
}

impl TierName {
    pub fn parse(s: &str) -> Option<TierName> {
        Some(match s {
            "interp" => TierName::Interp,
            "baseline" => TierName::Baseline,
            "opt" => TierName::Opt,
            "auto" => TierName::Auto,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            TierName::Interp => "interp",
            TierName::Baseline => "baseline",
            TierName::Opt => "opt",
            TierName::Auto => "auto",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierPolicy {
    pub mode: TierName,
    /// Calls after which a function is compiled (auto mode).
    pub call_threshold: u64,
    /// Loop iterations (all of a function's loops) after which the function moves up in
    /// the middle of the loop that is running (on-stack replacement).
    pub osr_threshold: u64,
    /// Print each tier change on stderr.
    pub trace: bool,
}

impl TierPolicy {
    /// Calls before a function is compiled, by default (see the README for the measurement).
    pub const DEFAULT_CALLS: u64 = 1000;
    /// Loop iterations before on-stack replacement, by default.
    pub const DEFAULT_LOOPS: u64 = 5000;
}

impl Default for TierPolicy {
    fn default() -> Self {
        TierPolicy {
            mode: TierName::Auto,
            call_threshold: Self::DEFAULT_CALLS,
            osr_threshold: Self::DEFAULT_LOOPS,
            trace: false,
        }
    }
}

/// One function's line in `%stats`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FuncStats {
    pub name: String,
    pub tier: TierName,
    pub calls: u64,
    pub loops: u64,
    /// Time spent compiling it, in nanoseconds, and the code's size in bytes.
    pub compile_ns: u64,
    pub code_size: u64,
    /// Why a tier could not compile it.
    pub reason: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Reply {
    Loaded {
        /// The formatted trailing value, `(int) 42`.
        value: Option<String>,
    },
    Exited(i32),
    Stats(Vec<FuncStats>),
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
