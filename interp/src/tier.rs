//! Tier-up: per-function counters and slot cells at fixed addresses, the policy that moves
//! hot code to a compiled tier (by calls, or in the middle of a long loop by on-stack
//! replacement), and the entry points compiled code calls when it traps.
//!
//! The interpreter does not compile anything itself: the executor installs a
//! [`Compiler`] (the jit crate), and the interpreter decides when to call it.

use crate::{ffi, Image, Interp, SlotKind, Trap};
use ir::protocol::{FuncStats, TierName, TierPolicy};
use ir::{FuncId, Function, InitUnit};
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};
use std::time::Instant;

/// The process-wide flags compiled code reads, in one block near the function table's
/// records so that one register addresses them all (`jit::Env::flags`).
#[repr(C)]
pub struct Flags {
    /// Set by Ctrl-C or a timeout: polled at loop back-edges (and, through each thread's
    /// entry limit, at function entries).
    pub interrupt: AtomicBool,
}

static STATIC_FLAGS: Flags = Flags {
    interrupt: AtomicBool::new(false),
};
static FLAGS_AT: AtomicPtr<Flags> = AtomicPtr::new(&STATIC_FLAGS as *const Flags as *mut Flags);

/// The flags block (one per process).
#[inline]
pub fn flags() -> &'static Flags {
    // SAFETY: FLAGS_AT points to a static, or to memory `place_flags` was given, which is
    // never freed.
    unsafe { &*FLAGS_AT.load(Ordering::Relaxed) }
}

/// Moves the flags block to `at`: zeroed memory for a `Flags`, never freed. The executor
/// puts it near the function table's records, so that compiled code reaches both from
/// r15 (`inc QWORD [r15 + d]` counts a call in one instruction). Call before any code
/// runs.
///
/// # Safety
/// `at` must point to zeroed memory for a `Flags` that is never freed.
pub unsafe fn place_flags(at: *mut Flags) {
    let old = flags();
    // SAFETY: the caller guarantees `at` is valid, zeroed (a valid Flags) and lives forever.
    let new = unsafe { &*at };
    new.interrupt
        .store(old.interrupt.load(Ordering::SeqCst), Ordering::SeqCst);
    FLAGS_AT.store(at, Ordering::SeqCst);
}

/// What belongs to one thread running user code, in thread-local storage that compiled
/// code reaches at a fixed offset from the thread pointer (`fs:[d]`, `jit::Env::thread`):
/// whether a trap is pending on this thread, and its stack limits.
#[repr(C)]
pub struct ThreadFlags {
    /// Set while a trap is recorded in this thread's `Interp::pending`: compiled code
    /// checks it after every call and returns at once.
    pub pending: AtomicBool,
    /// What compiled code compares the stack pointer with on entry: `real_limit`, or
    /// usize::MAX while an interrupt is requested, so that one comparison catches both
    /// (the slow path tells them apart). 0 (no check) until the thread's stack is known.
    pub entry_limit: AtomicUsize,
    /// The lowest address this thread's native stack may reach.
    pub real_limit: AtomicUsize,
}

thread_local! {
    static THREAD_FLAGS: ThreadFlags = const {
        ThreadFlags {
            pending: AtomicBool::new(false),
            entry_limit: AtomicUsize::new(0),
            real_limit: AtomicUsize::new(0),
        }
    };
}

/// This thread's flags.
#[inline]
pub fn thread_flags() -> &'static ThreadFlags {
    // SAFETY: a thread-local lives as long as its thread, and only this thread's code
    // (and `request_interrupt`, through the registry, while the thread is registered)
    // uses the reference.
    THREAD_FLAGS.with(|f| unsafe { &*(f as *const ThreadFlags) })
}

/// The thread pointer (the `fs` base on x86-64 Linux).
fn thread_pointer() -> usize {
    let tp: usize;
    // SAFETY: on x86-64 Linux, fs:0 holds the thread control block's own address (the
    // System V TLS ABI); reading it has no side effect.
    unsafe {
        std::arch::asm!("mov {}, fs:0", out(reg) tp, options(nostack, readonly, preserves_flags))
    };
    tp
}

/// Where this thread's `ThreadFlags` are relative to the thread pointer: the same for every
/// thread, since the variable is in the executable's static TLS block. Compiled code reads
/// them as `fs:[offset]`.
pub fn thread_flags_offset() -> i32 {
    static OFFSET: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *OFFSET.get_or_init(|| {
        let d = thread_flags() as *const ThreadFlags as isize - thread_pointer() as isize;
        i32::try_from(d).expect("thread-local flags out of reach of fs:[disp32]")
    })
}

/// The threads that run user code, for `request_interrupt` (which runs in a signal handler,
/// so the registry is a fixed array of atomics, no lock).
const MAX_THREADS: usize = 4096;
static THREADS: [AtomicPtr<ThreadFlags>; MAX_THREADS] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; MAX_THREADS];

/// Sets this thread's stack limit (the lowest address its native stack may reach) and
/// registers it for interrupts.
pub fn set_thread_limit(limit: usize) {
    let f = thread_flags();
    debug_assert_eq!(
        f as *const ThreadFlags as isize - thread_pointer() as isize,
        thread_flags_offset() as isize,
        "thread-local flags at another offset on this thread"
    );
    f.real_limit.store(limit, Ordering::SeqCst);
    let interrupted = flags().interrupt.load(Ordering::SeqCst);
    f.entry_limit.store(
        if interrupted { usize::MAX } else { limit },
        Ordering::SeqCst,
    );
    let me = f as *const ThreadFlags as *mut ThreadFlags;
    if THREADS.iter().any(|t| t.load(Ordering::SeqCst) == me) {
        return;
    }
    for t in THREADS.iter() {
        if t.compare_exchange(std::ptr::null_mut(), me, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
}

/// This thread stops running user code (it is ending): no more interrupt requests for it.
pub fn unregister_thread() {
    let me = thread_flags() as *const ThreadFlags as *mut ThreadFlags;
    for t in THREADS.iter() {
        let _ = t.compare_exchange(me, std::ptr::null_mut(), Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// Asks running code on every thread to stop (Ctrl-C, a timeout). Safe in a signal handler.
pub fn request_interrupt() {
    flags().interrupt.store(true, Ordering::SeqCst);
    for t in THREADS.iter() {
        let p = t.load(Ordering::SeqCst);
        if !p.is_null() {
            // SAFETY: registered flags belong to a live thread (it unregisters before it
            // ends).
            unsafe { (*p).entry_limit.store(usize::MAX, Ordering::SeqCst) };
        }
    }
}

/// Forgets an interrupt request. (If one arrives in between, the entry check's slow path
/// finds no interrupt and a stale limit, and goes on.)
pub fn clear_interrupt() {
    for t in THREADS.iter() {
        let p = t.load(Ordering::SeqCst);
        if !p.is_null() {
            // SAFETY: as in `request_interrupt`.
            let f = unsafe { &*p };
            f.entry_limit
                .store(f.real_limit.load(Ordering::SeqCst), Ordering::SeqCst);
        }
    }
    flags().interrupt.store(false, Ordering::SeqCst);
}

/// The executor's own handler for fatal signals (flush, then die of the signal): a SIGFPE
/// handler that is not this one was installed by the program.
pub static CRASH_HANDLER: AtomicUsize = AtomicUsize::new(0);

/// Integer division by zero: a compiled program would take SIGFPE. If the program
/// installed a handler for it, it runs now (it may `exit` or `siglongjmp` out; a longjmp
/// is then pending); if it returns, or there is none, crepl reports the error.
pub(crate) fn div_zero_signal() {
    // SAFETY: sigaction with a null new action only reads the current one into `old`.
    let handler = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGFPE, std::ptr::null(), &mut old);
        old.sa_sigaction
    };
    let ours = CRASH_HANDLER.load(Ordering::Relaxed);
    if handler != libc::SIG_DFL && handler != libc::SIG_IGN && handler != ours {
        // SAFETY: raise runs the program's handler synchronously on this thread.
        unsafe { libc::raise(libc::SIGFPE) };
    }
}

/// Held while a function is compiled (tier-up may happen on any thread).
pub(crate) static COMPILE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// One function's run-time record, at a fixed address for the life of the process.
/// Compiled code increments `calls` (offset 0) and `loops` (offset 8) and calls through
/// `internal` (offset 24).
#[repr(C)]
#[derive(Debug)]
pub struct FuncRt {
    pub calls: u64,
    pub loops: u64,
    /// Where a call to the function goes now: the interpreter's entry, compiled code, a
    /// library function, or 0 (undefined).
    pub target: usize,
    /// Where calls from compiled code go: `target`, or for compiled code its entry that
    /// expects the executor's flags block in r15 (see `jit::Compiled::internal`).
    pub internal: usize,
    /// Set once compiled code was made that calls this function keeping float values in
    /// xmm8-xmm15 across the call (`jit::Callee::keeps_xmm`): every version of it
    /// compiled from then on must keep them.
    pub kept: std::sync::atomic::AtomicBool,
}

const CHUNK: usize = 256;

/// Where the records' chunks come from: zeroed memory that is never freed. The executor
/// sets this to memory near its compiled code (`jit::arena::alloc_data`), which compiled
/// code reaches with short operands; without it (or if it returns null) they are boxed.
pub static RT_MEMORY: std::sync::OnceLock<fn(usize, usize) -> *mut u8> = std::sync::OnceLock::new();

/// The records of every function, in chunks that never move.
#[derive(Default)]
pub struct RtTable {
    /// Each chunk, and whether it is boxed (else from `RT_MEMORY`, never freed).
    chunks: Vec<(*mut FuncRt, bool)>,
}

/// `n` zeroed records: from `RT_MEMORY` if set, else boxed.
pub(crate) fn new_records(n: usize) -> (*mut FuncRt, bool) {
    if let Some(alloc) = RT_MEMORY.get() {
        let p = alloc(
            n * std::mem::size_of::<FuncRt>(),
            std::mem::align_of::<FuncRt>(),
        );
        if !p.is_null() {
            // Zeroed memory is a valid FuncRt: counts 0, no target.
            return (p as *mut FuncRt, false);
        }
    }
    let b: Box<[FuncRt]> = (0..n)
        .map(|_| FuncRt {
            calls: 0,
            loops: 0,
            target: 0,
            internal: 0,
            kept: std::sync::atomic::AtomicBool::new(false),
        })
        .collect();
    (Box::into_raw(b) as *mut FuncRt, true)
}

impl Drop for RtTable {
    fn drop(&mut self) {
        for &(p, boxed) in &self.chunks {
            if boxed {
                drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, CHUNK)) });
            }
        }
    }
}

impl RtTable {
    pub fn get(&mut self, id: FuncId) -> *mut FuncRt {
        let (c, i) = (id as usize / CHUNK, id as usize % CHUNK);
        while self.chunks.len() <= c {
            self.chunks.push(new_records(CHUNK));
        }
        unsafe { self.chunks[c].0.add(i) }
    }

    /// The record, if it exists (no allocation).
    pub fn peek(&self, id: FuncId) -> Option<&FuncRt> {
        self.chunks
            .get(id as usize / CHUNK)
            .map(|c| unsafe { &*c.0.add(id as usize % CHUNK) })
    }
}

/// Compiled code for a function or top-level unit (see `jit::Compiled`).
#[derive(Clone, Debug, Default)]
pub struct Code {
    pub entry: usize,
    pub internal: usize,
    pub start: usize,
    pub osr: Vec<(usize, usize)>,
    pub size: usize,
}

/// What to compile.
pub enum Unit<'a> {
    Func(&'a Function),
    Top(&'a InitUnit),
}

/// The compiled tier, as the executor provides it: code, or why not.
pub type Compiler = Box<dyn FnMut(&Image, Unit, *mut FuncRt) -> Result<Code, String>>;

/// A function's tier state.
#[derive(Default)]
pub(crate) struct FuncTier {
    pub compiled: bool,
    /// Compilation was attempted (it is not retried until the function changes).
    pub tried: bool,
    pub forced: Option<TierName>,
    pub reason: Option<String>,
    pub compile_ns: u64,
    pub code: Option<Code>,
}

pub(crate) struct TierState {
    pub policy: TierPolicy,
    pub compiler: Option<Compiler>,
    pub funcs: Vec<FuncTier>,
    /// The top-level unit being run, its counters, and its compiled code once tried.
    pub unit_rt: RtTable,
    pub unit_code: Option<Result<Code, String>>,
}

impl Default for TierState {
    fn default() -> Self {
        TierState {
            policy: TierPolicy::default(),
            compiler: None,
            funcs: Vec::new(),
            unit_rt: RtTable::default(),
            unit_code: None,
        }
    }
}

/// An interpreted loop's on-stack-replacement site (built when the loop is compiled to
/// closures). The iterations that count are the function's (`rt.loops`, all its loops,
/// all its calls): a function whose loops have run `osr_at()` iterations moves up in the
/// middle of the loop that is running.
pub(crate) struct OsrSite {
    /// The loop statement's address in the IR tree (the compiled code's key).
    pub key: usize,
    /// The function it is in (`None`: top-level code).
    pub func: Option<FuncId>,
    pub rt: *mut FuncRt,
}

impl Interp {
    /// Installs the compiled tier.
    pub fn set_compiler(&mut self, c: Compiler) {
        self.tier.compiler = Some(c);
    }

    pub fn set_policy(&mut self, p: TierPolicy) {
        self.tier.policy = p;
        // A new policy may allow what an old one forbade.
        for f in &mut self.tier.funcs {
            if !f.compiled {
                f.tried = false;
            }
        }
    }

    fn ft(&mut self, id: FuncId) -> &mut FuncTier {
        let i = id as usize;
        if self.tier.funcs.len() <= i {
            self.tier.funcs.resize_with(i + 1, Default::default);
        }
        &mut self.tier.funcs[i]
    }

    /// The slot of `id` changed (definition, redefinition, undo, library load): its calls
    /// go to what the slot now holds, in the interpreter's tier.
    pub fn slot_changed(&mut self, id: FuncId) {
        self.invalidate(id);
        let forced = self.ft(id).forced;
        *self.ft(id) = FuncTier {
            forced,
            ..Default::default()
        };
        let s = &self.image.slots[id as usize];
        let target = match s.kind {
            SlotKind::Interp(_) => s.closure,
            SlotKind::Native => s.entry,
            SlotKind::Undefined => 0,
        };
        // Compiled callers of an interpreted function go through its thunk if it has one
        // (and so do those of a library function that replaced one, see `Slot::thunk`).
        let internal = match s.kind {
            SlotKind::Interp(_) | SlotKind::Native if s.thunk != 0 => s.thunk,
            _ => target,
        };
        let rt = self.image.rt.get(id);
        unsafe {
            (*rt).target = target;
            (*rt).internal = internal;
        }
    }

    /// Whether a call to session function `id` runs in the interpreter: counts the call,
    /// and compiles the function when the policy says so.
    #[inline]
    pub(crate) fn interprets(&mut self, id: FuncId) -> bool {
        let (compiled, tried) = self
            .tier
            .funcs
            .get(id as usize)
            .map_or((false, false), |f| (f.compiled, f.tried));
        if compiled {
            return false;
        }
        let rt = self.image.rt.get(id);
        let calls = unsafe {
            (*rt).calls += 1;
            (*rt).calls
        };
        if !tried && calls >= self.call_threshold(id) && self.tier_up(id, None) {
            // The caller now calls the compiled code, which counts the call itself.
            unsafe { (*rt).calls -= 1 };
            return false;
        }
        true
    }

    /// Counts a call that the interpreter runs whatever the tier (from native code through
    /// the function's interpreter entry); may compile the function for later calls.
    pub(crate) fn count_call(&mut self, id: FuncId) {
        if !self.interprets(id) {
            unsafe { (*self.image.rt.get(id)).calls += 1 };
        }
    }

    /// Loop iterations of a function (or unit) at which it moves up by on-stack
    /// replacement: the policy's threshold, never (interpreter tier), or at once (forced
    /// compiled tier).
    pub(crate) fn osr_at(&self) -> u64 {
        match self.tier.policy.mode {
            TierName::Interp => u64::MAX,
            TierName::Auto => self.tier.policy.osr_threshold,
            _ => 1,
        }
    }

    fn wanted(&mut self, id: Option<FuncId>) -> TierName {
        if FAULTS_HANDLED.load(Ordering::Relaxed) {
            return TierName::Interp;
        }
        let forced = id.and_then(|id| self.ft(id).forced);
        forced.unwrap_or(self.tier.policy.mode)
    }

    /// The program handles its own faults: compiled functions go back to the interpreter
    /// (their calls go to its entries again; code running now finishes where it is).
    fn demote_all(&mut self) {
        for id in 0..self.tier.funcs.len() {
            if !self.tier.funcs[id].compiled {
                continue;
            }
            let f = &mut self.tier.funcs[id];
            f.compiled = false;
            f.tried = true;
            f.reason = Some("the program handles SIGSEGV, SIGBUS or SIGILL itself".into());
            let s = &self.image.slots[id];
            let (target, internal) = (s.closure, if s.thunk != 0 { s.thunk } else { s.closure });
            let rt = self.image.rt.get(id as FuncId);
            // SAFETY: the record lives at a fixed address for the life of the process.
            unsafe {
                (*rt).target = target;
                (*rt).internal = internal;
            }
        }
    }

    fn call_threshold(&mut self, id: FuncId) -> u64 {
        match self.wanted(Some(id)) {
            TierName::Interp => u64::MAX,
            TierName::Auto => self.tier.policy.call_threshold,
            _ => 0,
        }
    }

    /// Compiles function `id` (once). `osr`: the iterations that triggered it, for the
    /// trace. Returns whether it is compiled.
    pub(crate) fn tier_up(&mut self, id: FuncId, osr: Option<u64>) -> bool {
        if self.ft(id).compiled {
            return true;
        }
        if self.ft(id).tried || self.wanted(Some(id)) == TierName::Interp {
            return false;
        }
        // One compilation at a time: the program's threads share the compiler and the
        // code arena.
        let _compiling = COMPILE.lock().unwrap_or_else(|e| e.into_inner());
        if self.ft(id).compiled {
            return true;
        }
        if self.ft(id).tried {
            return false;
        }
        self.ft(id).tried = true;
        let SlotKind::Interp(f) = self.image.slots[id as usize].kind.clone() else {
            return false;
        };
        let Some(mut compiler) = self.tier.compiler.take() else {
            return false;
        };
        let rt = self.image.rt.get(id);
        let t0 = Instant::now();
        let r = compiler(&self.image, Unit::Func(&f), rt);
        let ns = t0.elapsed().as_nanos() as u64;
        self.tier.compiler = Some(compiler);
        let trace = self.tier.policy.trace;
        let forced = self.ft(id).forced.is_some();
        let why = match osr {
            Some(n) => format!("in a loop, after {n} iterations"),
            None if forced => "(%tier)".to_string(),
            None if self.tier.policy.mode != TierName::Auto => "before its first call".into(),
            None => format!("after {} calls", unsafe { (*rt).calls }),
        };
        let ft = self.ft(id);
        ft.compile_ns = ns;
        match r {
            Ok(code) => {
                if trace {
                    eprintln!(
                        "[tier] {}: interp -> baseline {why} ({} bytes in {} us)",
                        f.name,
                        code.size,
                        ns / 1000
                    );
                }
                unsafe {
                    (*rt).target = code.entry;
                    (*rt).internal = code.internal;
                }
                ft.compiled = true;
                ft.code = Some(code);
                true
            }
            Err(reason) => {
                if trace {
                    eprintln!("[tier] {}: stays in the interpreter: {reason}", f.name);
                }
                ft.reason = Some(reason);
                false
            }
        }
    }

    /// Compiled code for the top-level unit being run (compiled once per unit).
    pub(crate) fn unit_code(&mut self, unit: &InitUnit) -> Option<Code> {
        let _compiling = COMPILE.lock().unwrap_or_else(|e| e.into_inner());
        if self.tier.unit_code.is_none() {
            if self.tier.policy.mode == TierName::Interp || FAULTS_HANDLED.load(Ordering::Relaxed) {
                return None;
            }
            let mut compiler = self.tier.compiler.take()?;
            let rt: *mut FuncRt = self.tier.unit_rt.get(0);
            let r = compiler(&self.image, Unit::Top(unit), rt);
            self.tier.compiler = Some(compiler);
            self.tier.unit_code = Some(r);
        }
        self.tier.unit_code.as_ref().unwrap().as_ref().ok().cloned()
    }

    /// Called by an interpreted loop whose iterations passed the threshold: compiles its
    /// function and continues the loop there. Returns the function's result bits if it
    /// did (the interpreter then returns from the function).
    pub(crate) fn osr(&mut self, site: &OsrSite, fp: *mut u8, iterations: u64) -> Option<u64> {
        let code = match site.func {
            Some(id) => {
                if !self.tier_up(id, Some(iterations)) {
                    return None;
                }
                self.tier.funcs[id as usize].code.clone()?
            }
            None => {
                if self.tier.unit_code.is_none() && self.tier.policy.trace {
                    eprintln!(
                        "[tier] top-level code: interp -> baseline in a loop, after {iterations} iterations"
                    );
                }
                let unit = self.current_unit?;
                self.unit_code(unsafe { &*unit })?
            }
        };
        let entry = code.osr.iter().find(|o| o.0 == site.key)?.1;
        Some(self.run_frame_code(entry, fp))
    }

    /// Runs compiled code in the interpreter's frame `fp` (a unit's start, an OSR entry).
    pub(crate) fn run_frame_code(&mut self, entry: usize, fp: *mut u8) -> u64 {
        let f: extern "C" fn(*mut u8, *mut u8) -> u64 = unsafe { std::mem::transmute(entry) };
        let v = f(fp, self.ret_ptr);
        self.check_pending();
        v
    }

    /// Raises the trap compiled code (or a callback under it) recorded.
    #[inline]
    pub(crate) fn check_pending(&mut self) {
        if let Some(t) = self.take_pending() {
            crate::raise(t);
        }
    }

    pub(crate) fn take_pending(&mut self) -> Option<Trap> {
        thread_flags().pending.store(false, Ordering::Relaxed);
        self.pending.take()
    }

    pub(crate) fn set_pending(&mut self, t: Trap) {
        if self.pending.is_none() {
            self.pending = Some(t);
        }
        thread_flags().pending.store(true, Ordering::Relaxed);
    }

    /// `%tier NAME TIER`: forces a function to a tier. Err: why it cannot.
    pub fn force_tier(&mut self, name: &str, tier: TierName) -> Result<(), String> {
        let id = self
            .image
            .slots
            .iter()
            .rposition(|s| s.name == name && matches!(s.kind, SlotKind::Interp(_)))
            .ok_or_else(|| format!("no function '{name}' is defined in this session"))?
            as FuncId;
        match tier {
            TierName::Interp | TierName::Auto => {
                self.slot_changed(id);
                self.ft(id).forced = (tier == TierName::Interp).then_some(tier);
                Ok(())
            }
            TierName::Baseline | TierName::Opt => {
                self.ft(id).forced = Some(tier);
                self.ft(id).tried = false;
                if self.tier_up(id, None) {
                    Ok(())
                } else {
                    let why = self.ft(id).reason.clone().unwrap_or_default();
                    self.ft(id).forced = None;
                    Err(format!(
                        "the baseline tier cannot compile '{name}': it {why}"
                    ))
                }
            }
        }
    }

    /// `%stats`: every function the session defined.
    pub fn stats(&self) -> Vec<FuncStats> {
        let mut out = Vec::new();
        for (i, s) in self.image.slots.iter().enumerate() {
            if !matches!(s.kind, SlotKind::Interp(_)) {
                continue;
            }
            let rt = self.image.rt.peek(i as FuncId);
            let ft = self.tier.funcs.get(i);
            out.push(FuncStats {
                name: s.name.clone(),
                tier: if ft.is_some_and(|f| f.compiled) {
                    TierName::Baseline
                } else {
                    TierName::Interp
                },
                calls: rt.map_or(0, |r| r.calls),
                loops: rt.map_or(0, |r| r.loops),
                compile_ns: ft.map_or(0, |f| f.compile_ns),
                code_size: ft
                    .and_then(|f| f.code.as_ref())
                    .map_or(0, |c| c.size as u64),
                reason: ft.and_then(|f| f.reason.clone()),
            });
        }
        out
    }
}

/// Trap codes compiled code passes to [`jit_trap`] (the same numbers as `jit::TrapCode`;
/// a test in the executor checks they agree).
pub mod trap_code {
    pub const DIV_ZERO: u64 = 0;
    pub const INTERRUPTED: u64 = 1;
    pub const STACK_OVERFLOW: u64 = 2;
    pub const UNDEFINED: u64 = 3;
    pub const NULL_CALL: u64 = 4;
    pub const BAD_GOTO: u64 = 5;
}

/// Records a trap raised by compiled code (it then returns up to the interpreter).
pub extern "C" fn jit_trap(code: u64, arg: u64) {
    let Some(it) = ffi::current() else { return };
    let name = |it: &Interp, id: u64| {
        it.image
            .slots
            .get(id as usize)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let t = match code {
        trap_code::DIV_ZERO => {
            div_zero_signal();
            if it.pending.is_some() {
                // The handler longjmp'd: that is the trap to deliver.
                return;
            }
            Trap::Error("integer division by zero".into())
        }
        trap_code::INTERRUPTED => Trap::Interrupted,
        trap_code::STACK_OVERFLOW => Trap::Error("stack overflow (recursion too deep)".into()),
        trap_code::UNDEFINED => Trap::Error(format!(
            "call to function '{}', which is not defined",
            name(it, arg)
        )),
        trap_code::NULL_CALL => {
            Trap::Error("call to a null function pointer, which is not defined".into())
        }
        trap_code::BAD_GOTO if arg == u64::MAX => {
            Trap::Error("goto to a label that is not in scope".into())
        }
        trap_code::BAD_GOTO => Trap::Error(format!(
            "goto to a label that is not in function '{}'",
            name(it, arg)
        )),
        _ => Trap::Error(format!("internal error: unknown trap {code}")),
    };
    if it.worker && it.depth == 0 {
        // Compiled code a thread of the program entered directly: nothing above it
        // raises the trap.
        ffi::thread_trap(t);
    }
    it.set_pending(t);
}

/// `longjmp(env, value)` from compiled code.
pub extern "C" fn jit_longjmp(env: *const u64, value: i32) {
    let Some(it) = ffi::current() else { return };
    let t = crate::compile::longjmp_trap(env, value);
    if it.worker && it.depth == 0 {
        ffi::thread_trap(t);
    }
    it.set_pending(t);
}

/// The handlers the program installed for the signals its own instructions raise
/// (SIGSEGV, SIGBUS, SIGFPE, SIGILL), by signal number: the handler's address and whether
/// it takes three arguments (`SA_SIGINFO`). The process has `fault_handler` installed in
/// their place (`crepl_signal`, `crepl_sigaction`).
static FAULT_HANDLER: [AtomicUsize; 32] = [const { AtomicUsize::new(0) }; 32];
static FAULT_SIGINFO: [AtomicBool; 32] = [const { AtomicBool::new(false) }; 32];

/// Set once the program installs a handler for SIGSEGV, SIGBUS or SIGILL: from then on
/// everything runs in the interpreter, whose frames a handler can `siglongjmp` out of
/// (compiled code has no unwind tables).
static FAULTS_HANDLED: AtomicBool = AtomicBool::new(false);

fn handles_faults(sig: libc::c_int, handler: usize) {
    if sig == libc::SIGFPE || handler == libc::SIG_DFL || handler == libc::SIG_IGN {
        // SIGFPE: compiled code checks divisions itself and raises it through the C
        // library, from interpreter frames.
        return;
    }
    if !FAULTS_HANDLED.swap(true, Ordering::SeqCst) {
        if let Some(it) = ffi::current() {
            let _compiling = COMPILE.lock().unwrap_or_else(|e| e.into_inner());
            it.demote_all();
        }
    }
}

fn is_fault(sig: libc::c_int) -> bool {
    matches!(
        sig,
        libc::SIGSEGV | libc::SIGBUS | libc::SIGFPE | libc::SIGILL
    )
}

/// Runs the program's handler for a fault. If it leaves with `siglongjmp` (a longjmp the
/// interpreter records as pending while the handler runs), the longjmp continues from
/// here: it unwinds through the signal frame into the code that faulted, up to the
/// function that called setjmp, as the C library's siglongjmp would. (Code the baseline
/// tier compiled has no unwind tables: a fault there that a handler longjmps out of ends
/// the executor, which crepl restores.) If the handler returns, the faulting instruction
/// runs again, as in a compiled program.
extern "C-unwind" fn fault_handler(
    sig: libc::c_int,
    info: *mut libc::siginfo_t,
    ctx: *mut libc::c_void,
) {
    let i = sig as usize & 31;
    let h = FAULT_HANDLER[i].load(Ordering::SeqCst);
    if h == libc::SIG_DFL || h == libc::SIG_IGN {
        // SAFETY: restoring the default action; the fault then repeats and ends the
        // process as it would a compiled program.
        unsafe { libc::signal(sig, libc::SIG_DFL) };
        return;
    }
    // SAFETY: `h` is the address the program registered as a handler of this kind.
    unsafe {
        if FAULT_SIGINFO[i].load(Ordering::SeqCst) {
            let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                std::mem::transmute(h);
            f(sig, info, ctx);
        } else {
            let f: extern "C" fn(libc::c_int) = std::mem::transmute(h);
            f(sig);
        }
    }
    let Some(it) = ffi::current() else { return };
    if let Some(t) = it.take_pending() {
        // Leaving the handler by unwinding: the signal is unblocked here (sigreturn,
        // which would do it, does not run).
        // SAFETY: a sigset we own; only this thread's mask changes.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, sig);
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        }
        crate::raise(t);
    }
}

/// `signal(sig, handler)` as the program sees it: for the fault signals the program's
/// handler runs under `fault_handler`; other signals go to the C library.
pub extern "C" fn crepl_signal(
    sig: libc::c_int,
    handler: libc::sighandler_t,
) -> libc::sighandler_t {
    if !is_fault(sig) || handler == libc::SIG_ERR {
        // SAFETY: the C library's own signal().
        return unsafe { libc::signal(sig, handler) };
    }
    let i = sig as usize & 31;
    let old = FAULT_HANDLER[i].swap(handler, Ordering::SeqCst);
    FAULT_SIGINFO[i].store(false, Ordering::SeqCst);
    install_fault_handler(sig, 0);
    handles_faults(sig, handler);
    if old == 0 {
        libc::SIG_DFL
    } else {
        old
    }
}

/// `sigaction(sig, act, old)` as the program sees it (see `crepl_signal`).
///
/// # Safety
/// `act` and `old` are null or valid, as for sigaction(2).
pub unsafe extern "C" fn crepl_sigaction(
    sig: libc::c_int,
    act: *const libc::sigaction,
    old: *mut libc::sigaction,
) -> libc::c_int {
    if !is_fault(sig) {
        return libc::sigaction(sig, act, old);
    }
    let i = sig as usize & 31;
    if !old.is_null() {
        let r = libc::sigaction(sig, std::ptr::null(), old);
        if r != 0 {
            return r;
        }
        let h = FAULT_HANDLER[i].load(Ordering::SeqCst);
        if h != 0 {
            (*old).sa_sigaction = h;
            if FAULT_SIGINFO[i].load(Ordering::SeqCst) {
                (*old).sa_flags |= libc::SA_SIGINFO;
            } else {
                (*old).sa_flags &= !libc::SA_SIGINFO;
            }
        }
    }
    if !act.is_null() {
        let a = &*act;
        FAULT_HANDLER[i].store(a.sa_sigaction, Ordering::SeqCst);
        FAULT_SIGINFO[i].store(a.sa_flags & libc::SA_SIGINFO != 0, Ordering::SeqCst);
        install_fault_handler(sig, a.sa_flags & !(libc::SA_SIGINFO | libc::SA_RESETHAND));
        handles_faults(sig, a.sa_sigaction);
    }
    0
}

fn install_fault_handler(sig: libc::c_int, flags: libc::c_int) {
    // SAFETY: installs a handler of the right shape for SA_SIGINFO.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = fault_handler as extern "C-unwind" fn(_, _, _) as usize;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_NODEFER | (flags & !libc::SA_ONSTACK);
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig, &sa, std::ptr::null_mut());
    }
}
