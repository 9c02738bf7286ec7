//! The loaded program as the interpreter sees it: globals at fixed addresses, the function
//! table, the type table.

use ir::{FuncId, Function, GlobalId, TypeTable};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub enum SlotKind {
    /// Declared, never defined, not found in any library.
    Undefined,
    /// A library function.
    Native,
    /// Interpreted: the body to run; the entry is a closure that enters the interpreter.
    Interp(Arc<Function>),
}

/// One function-table slot. `entry` is a native address valid in every tier.
#[derive(Clone, Debug)]
pub struct Slot {
    pub name: String,
    pub kind: SlotKind,
    pub entry: usize,
    pub ty: ir::FnType,
    /// For an interpreted function: the native entry into the interpreter (a libffi
    /// closure), which its cell holds while it runs in the interpreter's tier.
    pub closure: usize,
    /// For an interpreted function whose arguments all travel in registers: `closure`
    /// wrapped so that it keeps xmm8-xmm15 (`jit::xmm_thunk`), which compiled callers
    /// call instead (they keep float variables there across calls to the session's
    /// functions). For a library function that replaced such a function (an undo), the
    /// same around the library function: callers compiled before still keep values there.
    /// 0 otherwise.
    pub thunk: usize,
}

#[derive(Default)]
pub struct Image {
    pub globals: Vec<*mut u8>,
    pub global_types: Vec<ir::Type>,
    pub slots: Vec<Slot>,
    pub types: TypeTable,
    /// Entry address -> function, for the interpreted functions' closures.
    pub entries: std::collections::HashMap<usize, FuncId>,
    /// Per-function counters and call targets, at fixed addresses.
    pub rt: crate::tier::RtTable,
    /// Thread-local globals: their initial bytes (after relocation). The executor's thread
    /// uses the global's own storage; every other thread gets a copy of these on first use.
    pub tls_init: std::collections::HashMap<GlobalId, (Vec<u8>, u64)>,
}

impl Image {
    pub fn global(&self, id: GlobalId) -> *mut u8 {
        self.globals[id as usize]
    }
}
