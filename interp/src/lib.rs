//! Cold tier: runs the typed IR by compiling each function's tree into nested Rust closures
//! (one per node, specialized by operand type) and calling them, with C data at real
//! addresses.
//!
//! **Architecture invariant:** the interpreter never parses C and does no I/O of its own;
//! user code's output goes through the C library like a compiled program's.
//!
//! Performance choice: a closure per IR node, with types resolved when the closure is
//! built, runs about 10x faster here than matching on the IR tree at run time (measured on
//! a tight integer loop: 64 ns -> 6 ns per iteration, `bench/` has the programs). Traps
//! (division by zero, stack overflow, Ctrl-C) unwind with `resume_unwind` so the hot path
//! carries no `Result`.

mod compile;
mod ffi;
pub mod image;
mod mem;
pub mod tier;

pub use ffi::{is_session_function, nested_closure};
pub use image::{Image, SlotKind};
pub use tier::{flags, jit_longjmp, jit_trap, Code, Compiler, FuncRt, Unit};

use compile::CompiledFn;
use ir::{FuncId, InitUnit};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::Ordering;

/// Set from a signal handler (Ctrl-C) or a timer; polled at loop back-edges and calls.

/// Why execution stopped abnormally.
#[derive(Debug, Clone, PartialEq)]
pub enum Trap {
    /// An error the interpreter detected in user code (message for the user).
    Error(String),
    /// Interrupted by the user (Ctrl-C) or a timeout.
    Interrupted,
    /// `longjmp`: back to the frame `fp`, re-running the statement labelled `label`, where
    /// setjmp then returns `value`.
    LongJmp {
        fp: usize,
        label: ir::LabelId,
        value: i32,
    },
}

/// The unwinding payload that carries a trap to the nearest entry point.
struct TrapPayload(Trap);

/// Stops user code: unwinds to the entry point (`run_unit`, `call_main`, a callback's
/// trampoline), which turns it back into a `Trap`.
#[cold]
pub(crate) fn raise(t: Trap) -> ! {
    std::panic::resume_unwind(Box::new(TrapPayload(t)))
}

/// Runs `f`, turning a raised trap into `Err`. Real panics (bugs) become an error too,
/// with their message.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Trap> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => Ok(v),
        Err(p) => Err(match p.downcast::<TrapPayload>() {
            Ok(t) => t.0,
            Err(p) => {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                Trap::Error(format!("internal error in the interpreter: {msg}"))
            }
        }),
    }
}

/// Program state every thread's interpreter shares (the image, the tier state): owned by
/// the executor's interpreter, borrowed by the interpreters of the program's own threads.
///
/// The program's threads may run while the executor links the next input; the tables it
/// grows are reserved ahead (`Image::default`) so that they do not move under a reader.
pub struct Shared<T> {
    ptr: std::ptr::NonNull<T>,
    owned: bool,
}

impl<T> Shared<T> {
    fn new(v: T) -> Shared<T> {
        Shared {
            ptr: std::ptr::NonNull::from(Box::leak(Box::new(v))),
            owned: true,
        }
    }

    /// The same state, not owned (it must not outlive the owner).
    fn borrow(&self) -> Shared<T> {
        Shared {
            ptr: self.ptr,
            owned: false,
        }
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the owner keeps the value alive for as long as any borrower's thread
        // runs user code (the executor's interpreter lives until the process ends).
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> std::ops::DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`. Threads mutate shared state only where C allows races
        // to be benign (counters) or under `tier::COMPILE` (tier-up).
        unsafe { self.ptr.as_mut() }
    }
}

impl<T> Drop for Shared<T> {
    fn drop(&mut self) {
        if self.owned {
            // SAFETY: an owned pointer came from `Box::leak` in `new` and is dropped once.
            drop(unsafe { Box::from_raw(self.ptr.as_ptr()) });
        }
    }
}

/// The interpreter: its stack of frames and compiled functions. The executor has one; each
/// thread the program starts gets its own (`Interp::worker`), sharing the program's image
/// and tier state.
pub struct Interp {
    pub image: Shared<Image>,
    /// The interpreter stack: frames of interpreted functions live here, so `&local` is a
    /// real address that stays valid while the frame is live.
    stack: Box<[u8]>,
    sp: usize,
    /// Return value of the function being left (scalar bits).
    ret: u64,
    /// Where an aggregate return value goes (the caller's slot).
    ret_ptr: *mut u8,
    /// Compiled bodies by function id (built on first call, dropped on redefinition).
    compiled: Vec<Option<Box<CompiledFn>>>,
    /// Lowest address the native (Rust) stack may reach before we report a stack overflow.
    stack_limit: usize,
    /// The variadic arguments of the call being made (laid out as on the System V stack),
    /// picked up by the callee's entry.
    va_args: *mut u8,
    /// The value the next `setjmp` returns (coming back from a `longjmp`).
    jmp_value: Option<i32>,
    /// Set while compiling a body that calls setjmp (it must catch longjmps).
    saw_setjmp: std::cell::Cell<bool>,
    /// A trap raised inside a callback from native code, re-raised when the native call
    /// returns (it cannot unwind through C frames).
    pending: Option<Trap>,
    /// Tier-up state: policy, the compiler, each function's tier.
    tier: Shared<tier::TierState>,
    /// `CODE_EPOCH` when `compiled` was last known valid (a redefinition anywhere empties
    /// the caches of other threads' interpreters).
    epoch: u64,
    /// Calls from native code into this interpreter now running (0: none; a thread of
    /// the program started outside the interpreter).
    depth: u32,
    /// The interpreter of a thread the program started (not the executor's).
    worker: bool,
    /// This thread's copies of thread-local globals (workers only), freed with it.
    tls: std::cell::RefCell<std::collections::HashMap<ir::GlobalId, (*mut u8, std::alloc::Layout)>>,
    /// The top-level unit being run (for on-stack replacement in its loops).
    current_unit: Option<*const InitUnit>,
    /// What is being compiled to closures: the function (`None`: top-level code) and its
    /// counters, for the loops' on-stack-replacement sites.
    compiling: std::cell::Cell<(Option<FuncId>, *mut FuncRt)>,
    /// Long double temporaries of the body being compiled (`compile/f80.rs`).
    ld_temps: compile::LdTemps,
}

const STACK_SIZE: usize = 256 << 20;
/// The interpreter stack of a thread the program started (its native stack is usually
/// 8 MiB).
const WORKER_STACK_SIZE: usize = 32 << 20;

/// Bumped whenever a compiled body is dropped (redefinition, undo).
static CODE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Interp {
    pub fn new() -> Box<Interp> {
        let mut it = Interp::with(
            Shared::new(Image::default()),
            Shared::new(Default::default()),
            STACK_SIZE,
            false,
        );
        // Tables that the program's threads read while the executor may grow them (a
        // thread still running while the next input links): room reserved ahead, so that
        // they do not move for the first 65536 functions and globals.
        it.image.slots.reserve(1 << 16);
        it.image.globals.reserve(1 << 16);
        it.image.global_types.reserve(1 << 16);
        it.tier.funcs.reserve(1 << 16);
        ffi::register(&mut it);
        it
    }

    /// An interpreter over this program state, with an interpreter stack of `stack` bytes.
    fn with(
        image: Shared<Image>,
        tier: Shared<tier::TierState>,
        stack: usize,
        worker: bool,
    ) -> Box<Interp> {
        Box::new(Interp {
            image,
            stack: vec![0u8; stack].into_boxed_slice(),
            sp: 0,
            ret: 0,
            ret_ptr: std::ptr::null_mut(),
            compiled: Vec::new(),
            stack_limit: 0,
            va_args: std::ptr::null_mut(),
            jmp_value: None,
            saw_setjmp: std::cell::Cell::new(false),
            pending: None,
            tier,
            epoch: CODE_EPOCH.load(Ordering::SeqCst),
            depth: 0,
            worker,
            tls: Default::default(),
            current_unit: None,
            compiling: std::cell::Cell::new((None, std::ptr::null_mut())),
            ld_temps: Default::default(),
        })
    }

    /// Sets how deep the native stack may grow: `base` is an address near the top of the
    /// current thread's stack and `size` the usable size below it.
    pub fn set_native_stack(&mut self, base: usize, size: usize) {
        self.stack_limit = base.saturating_sub(size);
        tier::set_thread_limit(self.stack_limit);
    }

    /// The interpreter for a thread the program started: its own stacks and closures,
    /// the program (image, tiers) of `main`. Its native stack limit is the current
    /// thread's.
    pub(crate) fn worker(main: &Interp) -> Box<Interp> {
        let mut it = Interp::with(
            main.image.borrow(),
            main.tier.borrow(),
            WORKER_STACK_SIZE,
            true,
        );
        let (low, size) = thread_stack();
        // Room below the limit for what runs without a check: the C library, functions
        // that call nothing and skip the entry check (frames under 64 KiB).
        let margin = (size / 8).clamp(128 << 10, 1 << 20);
        it.stack_limit = low + margin;
        tier::set_thread_limit(it.stack_limit);
        it
    }

    /// The address of global `id` for this thread: its own copy if it is thread-local and
    /// this is the interpreter of a thread the program started.
    pub(crate) fn global_addr(&self, id: ir::GlobalId) -> usize {
        if self.worker {
            if let Some((bytes, align)) = self.image.tls_init.get(&id) {
                let mut tls = self.tls.borrow_mut();
                let p = tls.entry(id).or_insert_with(|| {
                    let layout =
                        std::alloc::Layout::from_size_align(bytes.len().max(1), *align as usize)
                            .unwrap_or(std::alloc::Layout::new::<u64>());
                    // SAFETY: the layout has a non-zero size; the copy stays inside it.
                    unsafe {
                        let p = std::alloc::alloc_zeroed(layout);
                        if !p.is_null() {
                            std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len());
                        }
                        (p, layout)
                    }
                });
                return p.0 as usize;
            }
        }
        self.image.global(id) as usize
    }

    /// Makes this the current thread's interpreter (the one native code calls back into).
    fn enter(&mut self) {
        ffi::set_current(self);
    }

    /// Empties the closure cache if a body was dropped since it was filled (by another
    /// thread's interpreter: redefinitions happen in the executor's).
    #[inline]
    pub(crate) fn check_epoch(&mut self) {
        let e = CODE_EPOCH.load(Ordering::Relaxed);
        if e != self.epoch {
            self.epoch = e;
            for c in self.compiled.iter_mut() {
                if let Some(old) = c.take() {
                    // It may be running further up this thread's stack.
                    std::mem::forget(old);
                }
            }
        }
    }

    /// Forgets the compiled body of a function (it was redefined or undone).
    pub fn invalidate(&mut self, id: FuncId) {
        self.epoch = CODE_EPOCH.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some(c) = self.compiled.get_mut(id as usize) {
            if let Some(old) = c.take() {
                // Code may still be running further up the stack in a later design (tier-up);
                // today a function is never redefined while it runs, but keep it alive anyway.
                std::mem::forget(old);
            }
        }
    }

    /// Runs one top-level unit. If it has a result, `on_result` gets the frame's address of
    /// the value before the frame is released.
    pub fn run_unit(
        &mut self,
        unit: &InitUnit,
        on_result: &mut dyn FnMut(&Image, *const u8),
    ) -> Result<(), Trap> {
        tier::clear_interrupt();
        self.enter();
        let saved_sp = self.sp;
        let saved_ret_ptr = self.ret_ptr;
        self.saw_setjmp.set(false);
        self.current_unit = Some(unit as *const InitUnit);
        self.tier.unit_code = None;
        let rt: *mut FuncRt = self.tier.unit_rt.get(0);
        unsafe { (*rt).loops = 0 };
        self.compiling.set((None, rt));
        // A forced compiled tier runs top-level code compiled too.
        let code = match self.tier.policy.mode {
            ir::protocol::TierName::Baseline | ir::protocol::TierName::Opt => self.unit_code(unit),
            _ => None,
        };
        self.ld_temps.begin(unit.frame_size);
        // Closures only for code that will be interpreted.
        let body = code.is_none().then(|| compile::compile_unit(self, unit));
        let frame_size = self.ld_temps.frame_size();
        let catches = self.saw_setjmp.get();
        let me: *mut Interp = self;
        let r = catch(|| {
            let it = unsafe { &mut *me };
            let fp = it.push_frame(frame_size);
            let flow = match (&code, &body) {
                (Some(code), _) => {
                    it.run_frame_code(code.start, fp);
                    compile::Flow::Normal
                }
                (None, Some(body)) if catches => it.run_catching(body, fp),
                (None, Some(body)) => body(it, fp, compile::NO_SEEK),
                (None, None) => unreachable!("a unit is compiled or interpreted"),
            };
            if let compile::Flow::Goto(_) = flow {
                raise(Trap::Error("goto to a label that is not in scope".into()));
            }
            if let Some((off, _)) = &unit.result {
                on_result(&it.image, unsafe { fp.add(*off as usize) });
            }
        });
        self.sp = saved_sp;
        self.ret_ptr = saved_ret_ptr;
        self.take_pending();
        self.jmp_value = None;
        self.current_unit = None;
        r.map_err(|t| match t {
            Trap::LongJmp { .. } => {
                Trap::Error("longjmp to a function that has already returned".into())
            }
            t => t,
        })
    }

    /// Runs a body that calls setjmp: a longjmp to this frame comes back here and runs the
    /// setjmp's statement again (the frame and everything in it are kept, as C requires).
    pub(crate) fn run_catching(&mut self, body: &compile::Ex, fp: *mut u8) -> compile::Flow {
        let sp = self.sp;
        let mut seek = compile::NO_SEEK;
        loop {
            let me: *mut Interp = self;
            match catch(|| body(unsafe { &mut *me }, fp, seek)) {
                Ok(flow) => return flow,
                Err(Trap::LongJmp {
                    fp: target,
                    label,
                    value,
                }) if target == fp as usize => {
                    self.sp = sp;
                    self.jmp_value = (value != ir::NONLOCAL_GOTO).then_some(value);
                    seek = label;
                }
                Err(t) => raise(t),
            }
        }
    }

    /// Calls `main(argc, argv)` (or any int function of the session taking integers or
    /// pointers). Returns its int result.
    pub fn call_main(&mut self, id: FuncId, args: &[u64]) -> Result<i64, Trap> {
        tier::clear_interrupt();
        self.enter();
        let saved = self.sp;
        let me: *mut Interp = self;
        let r = catch(|| {
            let it = unsafe { &mut *me };
            if matches!(
                it.image.slots.get(id as usize).map(|s| &s.kind),
                Some(SlotKind::Interp(_))
            ) && !it.interprets(id)
            {
                // Compiled: main(argc, argv) or a constructor; extra register arguments
                // are harmless in the System V ABI.
                let target = unsafe { (*it.image.rt.get(id)).target };
                let f: extern "C" fn(u64, u64) -> u64 = unsafe { std::mem::transmute(target) };
                let v = f(
                    args.first().copied().unwrap_or(0),
                    args.get(1).copied().unwrap_or(0),
                );
                it.check_pending();
                return v;
            }
            let f = it.compiled_fn(id);
            it.call_compiled(f, args, std::ptr::null_mut())
        });
        self.sp = saved;
        self.take_pending();
        self.jmp_value = None;
        r.map(|v| v as i32 as i64).map_err(|t| match t {
            Trap::LongJmp { .. } => {
                Trap::Error("longjmp to a function that has already returned".into())
            }
            t => t,
        })
    }

    #[inline]
    fn push_frame(&mut self, size: u32) -> *mut u8 {
        let start = (self.sp + 15) & !15;
        let end = start + size as usize;
        if end > self.stack.len() {
            raise(Trap::Error(
                "stack overflow (interpreter stack exhausted: infinite recursion?)".into(),
            ));
        }
        self.sp = end;
        unsafe { self.stack.as_mut_ptr().add(start) }
    }

    #[inline]
    fn check_native_stack(&self) {
        let probe = 0u8;
        let here = &probe as *const u8 as usize;
        if here < self.stack_limit {
            raise(Trap::Error("stack overflow (recursion too deep)".into()));
        }
    }

    #[inline]
    fn poll(&self) {
        if flags().interrupt.load(Ordering::Relaxed) {
            raise(Trap::Interrupted);
        }
    }
}

impl Drop for Interp {
    fn drop(&mut self) {
        for (_, (p, layout)) in self.tls.get_mut().drain() {
            if !p.is_null() {
                // SAFETY: allocated in `global_addr` with this layout; the thread that
                // used it is ending.
                unsafe { std::alloc::dealloc(p, layout) };
            }
        }
    }
}

/// The current thread's stack: (lowest usable address, size).
fn thread_stack() -> (usize, usize) {
    // SAFETY: pthread_getattr_np fills `attr` for the calling thread; it is destroyed
    // after use; the out-parameters are plain integers and a pointer.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return (0, 0);
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let mut guard: libc::size_t = 0;
        libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_getguardsize(&attr, &mut guard);
        libc::pthread_attr_destroy(&mut attr);
        (addr as usize + guard, size.saturating_sub(guard))
    }
}
