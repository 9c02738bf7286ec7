//! crepl's compiled tiers. Today: the baseline tier ([`baseline`]), one pass over the typed
//! IR to x86-64 with dynasm.
//!
//! **Architecture invariants:**
//! - Compiled code is position independent and lives in an [`arena`] that is never freed or
//!   moved: a function-table slot, a function pointer the program kept, or a frame further up
//!   the stack may point into it at any time.
//! - Compiled functions follow the System V x86-64 ABI with the C signature, so the C
//!   library, the interpreter (through libffi) and other compiled code call them alike.
//! - Every value, trap and output is what the interpreter produces (`interp/`): the
//!   interpreter is the specification of each tier.
//! - The jit never touches the interpreter: what compiled code needs from the executor
//!   (addresses of globals, slots, flags, trap entry points) comes in an [`Env`].

pub mod arena;
pub mod baseline;

use ir::{FuncId, GlobalId, TypeTable};

/// How compiled code reaches a function (of the session or of a library): through its
/// slot's cell, which holds where calls go now, so a later tier change, redefinition or
/// library load is seen.
#[derive(Clone, Copy, Debug)]
pub struct Callee {
    pub cell: usize,
    /// The function's address for the program (`&f`), 0 while nothing defines it.
    pub stable: usize,
    /// False for a declaration nothing defines yet (a library load may fill the cell
    /// later): calls check the cell for null.
    pub defined: bool,
    /// A C library function that calls compile inline.
    pub inline: Inline,
    /// A function of the session whose every entry keeps xmm8-xmm15 (compiled code saves
    /// the ones it uses, and calls nothing; the interpreter's entry is wrapped by
    /// [`xmm_thunk`]): callers keep their float register variables there across the call.
    pub keeps_xmm: bool,
}

/// C library functions that calls compile inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Not one (a function of the session, any other, or nothing yet).
    No,
    /// The C library's `double sqrt(double)`: one instruction, calling the library only
    /// for a negative or NaN argument (errno), as gcc does at -O0.
    Sqrt,
    /// `double fabs(double)`: one instruction.
    Fabs,
}

/// What the executor provides to compiled code.
pub struct Env<'a> {
    pub types: &'a TypeTable,
    pub global: &'a dyn Fn(GlobalId) -> usize,
    pub callee: &'a dyn Fn(FuncId) -> Callee,
    /// Address of the executor's flags block (one per process): byte at +0, set by Ctrl-C
    /// or a timeout, polled at loop back-edges. The function table's counters are near it.
    pub flags: usize,
    /// Where the running thread's flags are, from the thread pointer (`fs:[thread + d]`):
    /// - byte at +0: set when a trap is pending on this thread (raised by compiled code,
    ///   or by interpreted code called from it): compiled code returns at once after
    ///   every call;
    /// - usize at +8: compared with the stack pointer on entry: the lowest address this
    ///   thread's stack may reach, usize::MAX while an interrupt is requested, 0 while
    ///   unknown;
    /// - usize at +16: the lowest address this thread's stack may reach.
    pub thread: i32,
    /// `extern "C" fn(code: u64, arg: u64)`: records a trap (see [`TrapCode`]).
    pub trap: usize,
    /// `extern "C" fn(env: *const u64, value: i32)`: records a longjmp.
    pub longjmp: usize,
    /// Compiled callers keep float values in xmm8-xmm15 across calls to the function being
    /// compiled: if it calls anything that may not keep them, it saves all of them.
    pub kept: bool,
}

/// Why compiled code stops (the argument the trap entry gets with it).
#[repr(u64)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrapCode {
    DivZero = 0,
    Interrupted = 1,
    StackOverflow = 2,
    /// arg: the function id.
    Undefined = 3,
    NullCall = 4,
    /// arg: the function id, or u64::MAX in top-level code.
    BadGoto = 5,
}

/// Per-function counters, at a fixed address; compiled code increments them.
#[repr(C)]
#[derive(Default, Debug)]
pub struct Counters {
    pub calls: u64,
    pub loops: u64,
}

/// A compiled function or top-level unit.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    /// The native entry (System V, the function's C signature); 0 for a unit.
    pub entry: usize,
    /// The entry compiled code calls: the same signature, but it expects the flags block
    /// (`Env::flags`) in r15 and does not set it, which every caller in compiled code
    /// has already done. 0 for a unit.
    pub internal: usize,
    /// Frame entries, `extern "C" fn(fp: *mut u8, ret_ptr: *mut u8) -> u64`: run the code
    /// in an existing frame (the interpreter's), from the start of the body (`start`) or
    /// from a loop's back-edge (on-stack replacement), keyed by the loop statement's
    /// address in the IR tree the code was compiled from.
    pub start: usize,
    pub osr: Vec<(usize, usize)>,
    pub code_size: usize,
}

/// Why a tier cannot compile a function (shown by `%stats` and `--trace-tiers`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stable entry for a function: a stub that jumps through `cell` (which holds the entry
/// of the function's current tier). Its address is the function's address as the program
/// sees it, the same in every tier and after a redefinition.
pub fn make_stub(cell: usize) -> usize {
    baseline::stub(cell)
}

/// Whether a function of type `ty` can have an [`xmm_thunk`]: not variadic, every
/// argument in registers (the thunk's frame would move stack arguments).
pub fn xmm_thunk_fits(types: &ir::TypeTable, ty: &ir::FnType) -> bool {
    baseline::thunk_fits(types, ty)
}

/// Code that calls `entry` (a function of type `ty`, the interpreter's entry) and keeps
/// xmm8-xmm15 around it, so that compiled callers may keep values there; None where
/// [`xmm_thunk_fits`] says no.
pub fn xmm_thunk(types: &ir::TypeTable, ty: &ir::FnType, entry: usize) -> Option<usize> {
    baseline::thunk_fits(types, ty).then(|| baseline::xmm_thunk(entry))
}

/// A fast hasher for the compiler's small integer-keyed maps (frame offsets, label ids):
/// the standard SipHash made hashing a visible part of compile time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHash(u64);

impl std::hash::Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }
    fn write_i32(&mut self, v: i32) {
        self.write_u64(v as u32 as u64);
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// `HashMap` with [`FastHash`].
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHash>>;
