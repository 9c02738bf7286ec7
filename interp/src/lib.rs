//! Cold tier: runs the typed IR by walking the tree, with C data at real addresses.
//!
//! **Architecture invariant:** the interpreter never parses C and does no I/O of its own;
//! user code's output goes through the C library like a compiled program's.

mod call;
mod exec;
mod eval;
pub mod image;
mod mem;

pub use image::{Image, SlotKind};

use ir::{FuncId, InitUnit, LabelId, Stmt};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set from a signal handler (Ctrl-C) or a timer; polled at loop back-edges and calls.
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// Why execution stopped abnormally.
#[derive(Debug, Clone, PartialEq)]
pub enum Trap {
    /// An error the interpreter detected in user code (message for the user).
    Error(String),
    /// Interrupted by the user (Ctrl-C) or a timeout.
    Interrupted,
}

pub type Res<T> = Result<T, Trap>;

/// Control flow out of a statement.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Flow {
    Normal,
    Break,
    Continue,
    Return,
    Goto(LabelId),
}

/// The interpreter: its stack of frames and per-call-site caches. One per executor.
pub struct Interp {
    pub image: Image,
    /// The interpreter stack: frames of interpreted functions live here, so `&local` is a
    /// real address that stays valid while the frame is live.
    stack: Box<[u8]>,
    sp: usize,
    /// Return value of the function being left (scalar bits, or unused for aggregates).
    ret: u64,
    /// Where an aggregate return value goes (the caller's slot).
    ret_ptr: *mut u8,
    /// libffi call interfaces, cached per call site.
    cifs: HashMap<*const ir::Call, Box<call::CallCif>>,
    /// Lowest address the native (Rust) stack may reach before we report a stack overflow.
    stack_limit: usize,
    /// A trap raised inside a callback from native code, re-raised when the native call
    /// returns (it cannot unwind through C frames).
    pending: Option<Trap>,
}

const STACK_SIZE: usize = 256 << 20;

impl Interp {
    pub fn new() -> Box<Interp> {
        let mut it = Box::new(Interp {
            image: Image::default(),
            stack: vec![0u8; STACK_SIZE].into_boxed_slice(),
            sp: 0,
            ret: 0,
            ret_ptr: std::ptr::null_mut(),
            cifs: HashMap::new(),
            stack_limit: 0,
            pending: None,
        });
        call::register(&mut it);
        it
    }

    /// Sets how deep the native stack may grow: `base` is an address near the top of the
    /// current thread's stack and `size` the usable size below it.
    pub fn set_native_stack(&mut self, base: usize, size: usize) {
        self.stack_limit = base.saturating_sub(size);
    }

    /// Runs one top-level unit. If it has a result, `on_result` gets the frame's address of
    /// the value before the frame is released.
    pub fn run_unit(&mut self, unit: &InitUnit, on_result: &mut dyn FnMut(&Image, *const u8)) -> Res<()> {
        INTERRUPT.store(false, Ordering::Relaxed);
        let saved_sp = self.sp;
        let fp = self.push_frame(unit.frame_size)?;
        let r = self.exec(&unit.body, fp);
        let r = match r {
            Ok(Flow::Normal) | Ok(Flow::Return) => {
                if let Some((off, _)) = &unit.result {
                    on_result(&self.image, unsafe { fp.add(*off as usize) });
                }
                Ok(())
            }
            Ok(Flow::Break) | Ok(Flow::Continue) => Ok(()),
            Ok(Flow::Goto(_)) => Err(Trap::Error("goto to a label that is not in scope".into())),
            Err(e) => Err(e),
        };
        self.sp = saved_sp;
        r
    }

    /// Calls a function of the session (any tier) with integer/pointer arguments, as
    /// `main(argc, argv)` is called. Returns the int result.
    pub fn call_main(&mut self, id: FuncId, args: &[u64]) -> Res<i64> {
        INTERRUPT.store(false, Ordering::Relaxed);
        let saved = self.sp;
        let r = self.call_function(id, args, std::ptr::null_mut());
        self.sp = saved;
        r.map(|v| v as i32 as i64)
    }

    fn push_frame(&mut self, size: u32) -> Res<*mut u8> {
        let start = (self.sp + 15) & !15;
        let end = start + size as usize;
        if end > self.stack.len() {
            return Err(Trap::Error("stack overflow (interpreter stack exhausted: infinite recursion?)".into()));
        }
        self.sp = end;
        Ok(unsafe { self.stack.as_mut_ptr().add(start) })
    }

    #[inline]
    fn check_native_stack(&self) -> Res<()> {
        let here = &self as *const _ as usize;
        if here < self.stack_limit {
            return Err(Trap::Error("stack overflow (recursion too deep)".into()));
        }
        Ok(())
    }

    #[inline]
    fn poll(&self) -> Res<()> {
        if INTERRUPT.load(Ordering::Relaxed) {
            return Err(Trap::Interrupted);
        }
        Ok(())
    }
}

/// Finds the statement index inside a block to start at when jumping to `label`.
fn find_label(stmts: &[Stmt], label: LabelId) -> Option<usize> {
    stmts.iter().position(|s| s.has_label(label))
}
