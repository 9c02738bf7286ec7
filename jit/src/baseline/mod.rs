//! The baseline tier: one pass over the typed IR to x86-64, a template per IR node.
//!
//! ## Fixed registers (the one place they are written down)
//! - `rax`: the value of the expression just evaluated: integer bits sign- or zero-extended
//!   to 64 bits as the IR specifies, float and double as their bit patterns, the address
//!   of an lvalue or of an aggregate. Float arithmetic (`float.rs`) computes in `xmm0`
//!   instead, with `xmm1` for the right operand, and moves to rax only for consumers
//!   that want rax.
//! - `rcx`: the right operand of a binary operation; `rdx`, `rsi`, `rdi`, `r10`, `r11`:
//!   scratch within one template (`r11` also for the index of a simple `p[i]`).
//! - `r8`, `r9`: argument registers and scratch of struct copies; register variables of
//!   functions that make neither, and of functions that call but not inside a loop (saved
//!   around each call; struct copies then use other scratch registers) (`regs.rs`).
//! - `rbx`: the frame base: local `n` of the IR lives at `[rbx + n]`, the same layout as an
//!   interpreter frame, so on-stack replacement runs compiled code in the interpreter's
//!   frame unchanged. Not set in a function whose locals are all register variables.
//! - `r13`, `r14`, `rbp`, `r12`: register variables (scalar locals whose address is never
//!   taken, `regs.rs`), saved by the prologue when used; `xmm8`-`xmm15`: float register
//!   variables, saved by the prologue of a function (functions that call nothing keep
//!   them for their callers, see `Callee::keeps_xmm`) and written to their frame slots
//!   around other calls.
//! - `xmm2`-`xmm7`: left operands of float operations waiting for a right operand that
//!   calls nothing (`Gen::ftemps`).
//! - `r12` (in functions returning a struct or union, instead): where the result goes
//!   (the hidden result pointer, or the interpreter's result slot after on-stack
//!   replacement; 0 when the result travels in registers).
//! - `r15`: the executor's flags block (`Env::flags`): interrupt at `[r15]`; the
//!   function table's call counters at `[r15 + d]` (the block lives near them). What
//!   belongs to the running thread (pending trap, entry and stack limits) is in
//!   thread-local storage at `fs:[Env::thread + d]` (`Gen::thread_cmp`). Set by
//!   every entry from outside compiled code (the native entry, which wraps the internal
//!   one, and the frame entries); compiled code calls internal entries, which assume it.
//!   Code that never reads it has no wrapper (`Gen::r15_used`).
//! - The native stack holds the expression stack: a value that must survive the
//!   evaluation of another operand is pushed. The compiler counts the pushes (`depth`), so
//!   every call is made with the stack 16-byte aligned, and every way out of an
//!   expression (a trap, a return inside a statement expression) first drops what it
//!   pushed (`exit_to`): the epilogue finds the saved registers at a fixed distance.
//!
//! ## Traps
//! Compiled code cannot unwind Rust frames. A trap (division by zero, Ctrl-C, stack
//! overflow, a call to an undefined function, longjmp) calls the executor's trap entry,
//! which records it and sets the pending flag, then returns from the function at once;
//! every caller in compiled code checks the flag after each call and returns too, up to
//! the interpreter or the executor, which raises the recorded trap.

mod abi;
mod call;
mod expr;
mod float;
mod regs;

use crate::FastMap;
use crate::{Compiled, Counters, Env, Refusal};
use abi::{Cls, Pass};
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};
use ir::{Function, InitUnit, LabelId, Scalar, Stmt, Type, TypeKind};

type Ops = VecAssembler<X64Relocation>;
type R<T = ()> = Result<T, Refusal>;

/// Emits instructions into a [`Gen`].
macro_rules! a {
    ($g:expr; $($t:tt)*) => {
        dynasmrt::dynasm!($g.ops ; .arch x64 ; $($t)*)
    };
}
pub(crate) use a;

pub(crate) const RAX: u8 = 0;
pub(crate) const RCX: u8 = 1;
pub(crate) const RDX: u8 = 2;
pub(crate) const RBX: u8 = 3;
pub(crate) const RSI: u8 = 6;
pub(crate) const RDI: u8 = 7;
pub(crate) const R10: u8 = 10;
pub(crate) const R11: u8 = 11;
/// Integer argument registers, in order.
pub(crate) const ARG_REGS: [u8; 6] = [7, 6, 2, 1, 8, 9];

/// How a function's result leaves it.
#[derive(Clone, Debug)]
enum Ret {
    Void,
    Scalar(Scalar),
    Bool,
    Regs(Vec<(Cls, u32)>, u32),
    Memory(u32),
}

struct Loop {
    brk: DynamicLabel,
    cont: Option<DynamicLabel>,
    depth: u32,
    /// Statement expressions around the loop (`Gen::in_seq`).
    seq: u32,
}

pub(crate) struct Gen<'a> {
    ops: Ops,
    env: &'a Env<'a>,
    /// 8-byte values pushed on the expression stack right now.
    depth: u32,
    labels: FastMap<LabelId, DynamicLabel>,
    /// Labels already placed: a `goto` to one of them is a loop's back-edge.
    placed: Vec<LabelId>,
    loops: Vec<Loop>,
    ret: Ret,
    /// Result in rax (and xmm0 for floating results); restores registers and returns.
    ret_label: DynamicLabel,
    /// As `ret_label`, for results already in their registers.
    epilogue: DynamicLabel,
    /// Returns after a trap was recorded.
    unwind: DynamicLabel,
    /// edi = trap code, rsi = argument: records the trap and unwinds.
    trap_common: DynamicLabel,
    divzero: DynamicLabel,
    interrupted: DynamicLabel,
    overflow: DynamicLabel,
    /// Function id for trap messages; u64::MAX in top-level code.
    func_arg: u64,
    osr: Vec<(usize, DynamicLabel)>,
    /// Counters of this code (calls, loop iterations).
    counters: usize,
    /// Bytes below the pushed registers: the frame (native entry) and alignment. Every
    /// entry subtracts the same, so the epilogue is one.
    alloc: i32,
    /// Ways out from inside an expression: (bytes to drop, label that wants an empty
    /// expression stack) -> a stub that drops them and jumps.
    stubs: FastMap<(i32, DynamicLabel), DynamicLabel>,
    /// The float assignment being compiled is a statement: its value is not wanted.
    pub(crate) discard: bool,
    /// The expression about to be compiled (by `expr`, which clears this) may leave a
    /// 32-bit integer result unnormalized: its consumer reads eax only. The IR's
    /// invariant (integers sign- or zero-extended to 64 bits) then holds for every value
    /// anything else reads.
    pub(crate) low: bool,
    /// The caller-saved integer register variables are in their slots already (see
    /// `spill_gprs`).
    pub(crate) gprs_spilled: bool,
    /// Where the prologue saves the float registers of register variables (a function's
    /// callers may keep values there, see `jit::Callee::keeps_xmm`): rsp + this; None in
    /// top-level code.
    xsave: Option<i32>,
    /// The xmm registers saved there.
    xsaved: Vec<u8>,
    /// Float constants (bits -> label), emitted after the code, in first-use order.
    pub(crate) fconsts: FastMap<u64, DynamicLabel>,
    pub(crate) fconst_order: Vec<(u64, DynamicLabel)>,
    /// Float temporaries held in xmm2-xmm7 right now (see `float.rs`, `rhs_src`).
    pub(crate) ftemps: u8,
    /// Some instruction reads r15 (the flags block): the native entry must set it.
    r15_used: bool,
    /// Statement expressions being compiled around the current point.
    in_seq: u32,
    /// The code the frame entries share (see `frame_entry`).
    frame_inner: Option<DynamicLabel>,
    /// The native entry of the function being compiled (for calls to itself).
    pub(crate) self_entry: Option<DynamicLabel>,
    /// The slow path of the entry check and where it goes back to.
    entry_slow: Option<(DynamicLabel, DynamicLabel)>,
    /// Registers the prologue saves after rbp: rbx, r15, r12 for aggregate results, and
    /// those of register variables.
    nsaved: i32,
    /// Whether r12 holds the result address (aggregate results).
    r12_result: bool,
    pub(crate) regs: regs::Regs,
    /// Top-level code: register variables go back to the frame at the end.
    unit: bool,
    /// RIP-relative operands to fill in once the code's address is known: (offset just
    /// past the instruction, whose last 4 bytes are the displacement; address meant).
    rip_fixes: Vec<(usize, usize)>,
    /// Jump-table entries to fill in once every label is placed: (offset of the entry,
    /// the table, the target); an entry is the target's offset from the table, 4 bytes.
    table_fixes: Vec<(usize, DynamicLabel, DynamicLabel)>,
}

/// Callee-saved registers for register variables, in order of preference.
const VAR_GPRS: [u8; 4] = [13, 14, 5, 12];
/// Registers no template uses except to make calls and copies (and r10 to write
/// bit-fields): for register variables of functions that do none of these (they need no
/// saving).
const LEAF_GPRS: [u8; 3] = [8, 9, 10];

/// Bytes a variadic function keeps above its frame: the register save area (six general
/// registers, eight vector registers of 16 bytes) and a va_list (`Gen::va_entry`).
const VA_SPACE: u32 = 176 + 32;

fn ret_kind_copies(r: &Ret) -> bool {
    matches!(r, Ret::Regs(..) | Ret::Memory(_))
}

/// Compiles a function: its native entry, its start entry and its OSR entries.
pub fn compile_function(env: &Env, f: &Function, counters: *mut Counters) -> R<Compiled> {
    let variadic = f.va_area.is_some();
    if variadic && f.ty.params.iter().any(|t| t.is_aggregate()) {
        return Err(Refusal(
            "is variadic with a struct parameter (va_start)".into(),
        ));
    }
    let ret = ret_kind(env, &f.ty.ret)?;
    let gprs = if matches!(ret, Ret::Regs(..) | Ret::Memory(_)) {
        &VAR_GPRS[..3]
    } else {
        &VAR_GPRS[..]
    };
    // A function with struct or array parameters or results copies them (memmove, r8/r9).
    let copies = ret_kind_copies(&ret)
        || f.ty
            .params
            .iter()
            .any(|t| t.is_aggregate() || t.kind == TypeKind::VaList);
    // r8 and r9 bring the fifth and sixth integer arguments.
    let int_params = f.ty.params.iter().filter(|t| !t.is_float()).count();
    let leaf_gprs: &[u8] = if copies || int_params > 4 {
        &[]
    } else {
        &LEAF_GPRS
    };
    let mut regs = regs::allocate(&f.locals, gprs, leaf_gprs);
    // A variadic function keeps, above its frame, the register save area and the va_list
    // its native entry describes its variadic arguments with (`va_entry`).
    regs.frameless &= !variadic;
    let frame = if regs.frameless {
        0
    } else {
        ((f.frame_size + 15) & !15) + if variadic { VA_SPACE } else { 0 }
    };
    let calls = !regs.leaf || copies;
    // Callers may keep values in xmm8-xmm15 across a call to this function: it saves
    // the ones it uses, and all of them if callers rely on it (`Env::kept`: an earlier
    // definition called nothing) and it calls anything that may not keep them (a library
    // function, a helper, a pointer, a function that calls).
    let clobbers = env.kept
        && (copies
            || f.locals.other_calls
            || f.locals.callees.iter().any(|&id| {
                let c = (env.callee)(id);
                // (sqrt and fabs inline keep them themselves.)
                id != f.id && !c.keeps_xmm && c.inline == crate::Inline::No
            }));
    let xsaved: Vec<u8> = if clobbers {
        (8..16).collect()
    } else {
        regs.xmms.iter().map(|v| v.2).collect()
    };
    let mut g = Gen::new(
        env,
        ret,
        f.id as u64,
        counters as usize,
        regs,
        false,
        frame,
        calls,
        xsaved,
    );
    // The frame entry first, so that the internal entry (the hot one) falls into the body.
    let body = g.ops.new_dynamic_label();
    let start = g.frame_entry(body);
    let stack_args = g.stack_arg_bytes(f)?;
    let internal = g.ops.offset().0;
    if variadic {
        // r10 = where the caller's variadic stack arguments begin (after the named ones).
        a!(g; lea r10, [rsp + 8 + stack_args]);
    }
    let counted = g.new_label();
    g.ops.dynamic_label(counted);
    // Calls through the cell are counted here; the function's calls to itself are
    // counted where they are made, and enter below (a variadic one's go through the
    // cell: they need r10).
    g.count(0);
    let own = g.new_label();
    g.ops.dynamic_label(own);
    if !variadic {
        g.self_entry = Some(own);
    }
    g.prologue();
    if !g.regs.frameless {
        a!(g; mov rbx, rsp);
    }
    if variadic {
        g.va_entry(f, (f.frame_size + 15) & !15)?;
    }
    // One comparison for both a stack overflow and an interrupt request (the limit is
    // then usize::MAX); the slow path tells them apart. A function that calls nothing and
    // has a small frame needs neither: the limit leaves megabytes below it, and without
    // calls it ends soon or polls at its loops' back-edges.
    if !(g.regs.leaf && f.frame_size < 1 << 16) {
        let (slow, back) = (g.new_label(), g.new_label());
        g.r15_used = true;
        g.thread_cmp_rsp(8);
        a!(g
            ; jb =>slow
            ; =>back
        );
        g.entry_slow = Some((slow, back));
    }
    g.store_params(f)?;
    g.ops.dynamic_label(body);
    g.body(&f.body)?;
    // Code that never reads r15 (it calls nothing, has no loops, skips the entry check:
    // a comparator for qsort, say) is its own native entry.
    if !g.r15_used && stack_args == 0 {
        return g.finish(Some((internal, internal)), start);
    }
    // The native entry for everyone else: sets r15, and calls the internal entry with a
    // copy of the stack arguments (if any) below the saved r15.
    let entry = g.ops.offset().0;
    let copy = (stack_args + 15) & !15;
    if variadic {
        a!(g; lea r10, [rsp + 8 + stack_args]);
    }
    a!(g ; push r15 ; mov r15, QWORD env.flags as i64);
    if copy > 0 {
        a!(g; sub rsp, copy);
        for i in 0..stack_args / 8 {
            a!(g ; mov r11, [rsp + copy + 16 + 8 * i] ; mov [rsp + 8 * i], r11);
        }
    }
    a!(g; call =>counted);
    if copy > 0 {
        a!(g; add rsp, copy);
    }
    a!(g ; pop r15 ; ret);
    g.finish(Some((entry, internal)), start)
}

/// Compiles top-level code (a file-scope statement, the trailing expression) to run in a
/// frame the interpreter made.
pub fn compile_unit(env: &Env, unit: &InitUnit, counters: *mut Counters) -> R<Compiled> {
    let mut regs = regs::allocate(&unit.locals, &VAR_GPRS, &[]);
    // Its variables go back to the interpreter's frame at the end.
    regs.frameless = false;
    let mut g = Gen::new(
        env,
        Ret::Void,
        u64::MAX,
        counters as usize,
        regs,
        true,
        0,
        true,
        Vec::new(),
    );
    let body = g.new_label();
    let start = g.frame_entry(body);
    g.ops.dynamic_label(body);
    g.body(&unit.body)?;
    g.finish(None, start)
}

fn asm_err(e: impl std::fmt::Display) -> Refusal {
    Refusal(format!("internal assembler error: {e}"))
}

fn ret_kind(env: &Env, t: &Type) -> R<Ret> {
    if t.is_void() {
        return Ok(Ret::Void);
    }
    if t.kind == TypeKind::Bool {
        return Ok(Ret::Bool);
    }
    if t.is_record() {
        let size = env.types.size_of(t) as u32;
        return Ok(match abi::classify(env.types, t)? {
            Pass::Memory(n) => Ret::Memory(n),
            Pass::Regs(v) => Ret::Regs(v, size),
            _ => unreachable!("a record classifies as registers or memory"),
        });
    }
    let s = t
        .scalar_kind()
        .ok_or_else(|| Refusal("returns an unsupported type".into()))?;
    if s == Scalar::F80 {
        return Err(Refusal("uses long double".into()));
    }
    Ok(Ret::Scalar(s))
}

/// See [`crate::xmm_thunk_fits`].
pub(crate) fn thunk_fits(types: &ir::TypeTable, ty: &ir::FnType) -> bool {
    if ty.variadic || ty.unprototyped {
        return false;
    }
    let hidden = ty.ret.is_record() && matches!(abi::classify(types, &ty.ret), Ok(Pass::Memory(_)));
    matches!(call::assign(types, &ty.params, hidden), Ok((_, 0, _)))
}

/// See [`crate::xmm_thunk`].
pub(crate) fn xmm_thunk(entry: usize) -> usize {
    let mut ops = Ops::new(0);
    // 8 + 136 bytes below the caller's frame keep the stack 16-byte aligned.
    dynasm!(ops ; .arch x64 ; sub rsp, 136);
    for k in 0..8u8 {
        dynasm!(ops ; .arch x64 ; movq [rsp + 8 * k as i32], Rx(8 + k));
    }
    dynasm!(ops ; .arch x64 ; mov r11, QWORD entry as i64 ; call r11);
    for k in 0..8u8 {
        dynasm!(ops ; .arch x64 ; movq Rx(8 + k), [rsp + 8 * k as i32]);
    }
    dynasm!(ops ; .arch x64 ; add rsp, 136 ; ret);
    crate::arena::install(&ops.finalize().expect("thunk assembles"))
}

/// A stub that jumps through a cell (see [`crate::make_stub`]).
pub(crate) fn stub(cell: usize) -> usize {
    if crate::arena::near(cell) {
        let mut ops = Ops::new(0);
        dynasm!(ops ; .arch x64 ; jmp QWORD [rip + 0]);
        let mut code = ops.finalize().expect("stub assembles");
        let fill = |c: &mut [u8], base: usize| {
            let d = cell as i64 - (base + c.len()) as i64;
            let n = c.len();
            c[n - 4..].copy_from_slice(&(d as i32).to_le_bytes());
        };
        if let Some(at) = crate::arena::install_with(&mut code, fill) {
            return at;
        }
    }
    let mut ops = Ops::new(0);
    dynasm!(ops ; .arch x64 ; mov r11, QWORD cell as i64 ; jmp QWORD [r11]);
    crate::arena::install(&ops.finalize().expect("stub assembles"))
}

impl<'a> Gen<'a> {
    fn new(
        env: &'a Env<'a>,
        ret: Ret,
        func_arg: u64,
        counters: usize,
        regs: regs::Regs,
        unit: bool,
        frame: u32,
        calls: bool,
        xsaved: Vec<u8>,
    ) -> Gen<'a> {
        let r12_result = matches!(ret, Ret::Regs(..) | Ret::Memory(_));
        // r15 is the caller's: every entry from outside compiled code sets it.
        let nsaved = !regs.frameless as i32 + r12_result as i32 + regs.saved.len() as i32;
        // After the return address and the pushes, rsp is 16-byte aligned if they are odd.
        // Code that calls nothing needs no alignment (its trap path aligns for itself).
        let pad = if nsaved % 2 == 0 && calls { 8 } else { 0 };
        // A function saves xmm registers its callers may keep values in above its frame.
        let xsave = (!xsaved.is_empty()).then_some(frame as i32);
        let xbytes = (8 * xsaved.len() as i32 + 15) & !15;
        let alloc = frame as i32 + xbytes + pad;
        // Sized for a typical function, so the buffers rarely grow while assembling.
        let mut ops = Ops::new_with_capacity(0, 8192, 16, 0, 64, 64, 256);
        let mut l = || ops.new_dynamic_label();
        let (ret_label, epilogue, unwind, trap_common, divzero, interrupted, overflow) =
            (l(), l(), l(), l(), l(), l(), l());
        Gen {
            ops,
            env,
            depth: 0,
            labels: FastMap::default(),
            placed: Vec::new(),
            loops: Vec::new(),
            ret,
            ret_label,
            epilogue,
            unwind,
            trap_common,
            divzero,
            interrupted,
            overflow,
            func_arg,
            osr: Vec::new(),
            counters,
            nsaved,
            r12_result,
            regs,
            unit,
            entry_slow: None,
            frame_inner: None,
            in_seq: 0,
            discard: false,
            low: false,
            r15_used: false,
            ftemps: 0,
            xsave,
            xsaved,
            fconsts: FastMap::default(),
            fconst_order: Vec::new(),
            gprs_spilled: false,
            self_entry: None,
            alloc,
            stubs: FastMap::default(),
            rip_fixes: Vec::new(),
            table_fixes: Vec::new(),
        }
    }

    /// Records that the instruction just emitted ends in the displacement of a
    /// `[rip + 0]` operand meant to address `target`.
    pub(crate) fn rip_fix(&mut self, target: usize) {
        self.rip_fixes.push((self.ops.offset().0, target));
    }

    /// Adds 1 to this code's counter at `field` (0: calls, 8: loop iterations), with r11.
    /// Measured on this project's machine (AMD EPYC): `inc QWORD [r11]` in a loop costs
    /// one cycle, `inc QWORD [r11 + 8]` two and `inc QWORD [rip + d]` six (memory
    /// renaming takes the first form only).
    pub(crate) fn count(&mut self, field: usize) {
        let at = self.counters + field;
        // Calls: `inc [r15 + d]` where the flags block is near (one instruction, and a
        // call's own work hides the two cycles); loop iterations: `inc [r11]`.
        // (Not in a function that calls nothing: there r15 may be unused, see `r15_used`.)
        let d = at as i64 - self.env.flags as i64;
        if field == 0 && d == d as i32 as i64 && !self.regs.leaf {
            self.r15_used = true;
            a!(self; inc QWORD [r15 + d as i32]);
            return;
        }
        self.address_to(R11, at);
        a!(self; inc QWORD [r11]);
    }

    /// `call QWORD [cell]`.
    pub(crate) fn call_cell(&mut self, cell: usize) {
        if crate::arena::near(cell) {
            a!(self; call QWORD [rip + 0]);
            self.rip_fix(cell);
        } else {
            a!(self ; mov r11, QWORD cell as i64 ; call QWORD [r11]);
        }
    }

    /// Register `r` = the address `a`.
    pub(crate) fn address_to(&mut self, r: u8, a: usize) {
        if crate::arena::near(a) {
            a!(self; lea Rq(r), [rip + 0]);
            self.rip_fix(a);
        } else {
            self.mov_imm(r, a as u64);
        }
    }

    /// The pushes and the allocation every entry starts with.
    fn prologue(&mut self) {
        if !self.regs.frameless {
            a!(self; push rbx);
        }
        if self.r12_result {
            a!(self ; push r12 ; xor r12d, r12d);
        }
        for i in 0..self.regs.saved.len() {
            let r = self.regs.saved[i];
            a!(self; push Rq(r));
        }
        if self.alloc > 0 {
            a!(self; sub rsp, self.alloc);
        }
        if let Some(at) = self.xsave {
            for k in 0..self.xsaved.len() {
                let x = self.xsaved[k];
                a!(self; movq [rsp + at + 8 * k as i32], Rx(x));
            }
        }
    }

    /// `target` (which wants the expression stack empty) from here, where it holds
    /// `8 * depth + extra` bytes: the target itself, or a stub that drops them first.
    pub(crate) fn exit_to(&mut self, target: DynamicLabel, extra: i32) -> DynamicLabel {
        let bytes = 8 * self.depth as i32 + extra;
        if bytes == 0 {
            return target;
        }
        if let Some(&l) = self.stubs.get(&(bytes, target)) {
            return l;
        }
        let l = self.ops.new_dynamic_label();
        self.stubs.insert((bytes, target), l);
        l
    }

    /// Restores the saved registers and returns (the result is in place).
    fn emit_epilogue(&mut self) {
        if let Some(at) = self.xsave {
            for k in 0..self.xsaved.len() {
                let x = self.xsaved[k];
                a!(self; movq Rx(x), [rsp + at + 8 * k as i32]);
            }
        }
        if self.alloc > 0 {
            a!(self; add rsp, self.alloc);
        }
        for i in (0..self.regs.saved.len()).rev() {
            let r = self.regs.saved[i];
            a!(self; pop Rq(r));
        }
        if self.r12_result {
            a!(self; pop r12);
        }
        if !self.regs.frameless {
            a!(self; pop rbx);
        }
        a!(self; ret);
    }

    /// Returns with the result in place (rax, or xmm0 for a float result). Where the
    /// expression stack is empty, with a copy of the epilogue rather than a jump to it
    /// (top-level code jumps: its end writes the register variables back).
    fn return_now(&mut self) {
        if self.unit {
            // Void: nothing at ret_label but the write-back.
            let l = self.exit_to(self.ret_label, 0);
            a!(self; jmp =>l);
        } else if self.depth == 0 {
            self.emit_epilogue();
        } else {
            let l = self.exit_to(self.epilogue, 0);
            a!(self; jmp =>l);
        }
    }

    /// Where stack arguments of the native entry are, as an offset from rsp.
    pub(crate) fn incoming(&self, o: i32) -> i32 {
        8 * self.depth as i32 + self.alloc + 8 * self.nsaved + 8 + o
    }

    /// Reads every register variable from its frame slot (the frame at `base`).
    fn load_vars(&mut self, base: u8) {
        for (o, v) in self.regs.sorted() {
            match v.home {
                regs::Home::Gpr(r) => self.load_to(r, v.s, base, o as i32),
                regs::Home::Xmm(x) => self.load_xmm(x, base, o as i32, v.s.size() as u32),
            }
        }
    }

    /// Writes every register variable to its frame slot.
    fn store_vars(&mut self) {
        for (o, v) in self.regs.sorted() {
            match v.home {
                regs::Home::Gpr(r) => self.store_from(r, v.s, RBX, o as i32),
                regs::Home::Xmm(x) => self.store_xmm(x, RBX, o as i32, v.s.size() as u32),
            }
        }
    }

    /// Before a call: register variables in caller-saved registers to their slots; with
    /// `keeps_xmm` (the callee keeps xmm8-xmm15) the integer ones only.
    pub(crate) fn spill_for_call(&mut self, keeps_xmm: bool) {
        if !keeps_xmm {
            for i in 0..self.regs.xmms.len() {
                let (o, s, x) = self.regs.xmms[i];
                self.store_xmm(x, RBX, o as i32, s.size() as u32);
            }
        }
        if !std::mem::take(&mut self.gprs_spilled) {
            self.spill_gprs();
        }
    }

    /// Before a call: integer register variables in caller-saved registers to their
    /// slots. A call that passes arguments in r8 or r9 does this before it loads them
    /// (and `spill_for_call` then skips it).
    pub(crate) fn spill_gprs(&mut self) {
        for i in 0..self.regs.volatile.len() {
            let (o, s, r) = self.regs.volatile[i];
            self.store_from(r, s, RBX, o as i32);
        }
    }

    /// After a call: the inverse of [`Self::spill_for_call`].
    pub(crate) fn reload_after_call(&mut self, keeps_xmm: bool) {
        if !keeps_xmm {
            for i in 0..self.regs.xmms.len() {
                let (o, s, x) = self.regs.xmms[i];
                self.load_xmm(x, RBX, o as i32, s.size() as u32);
            }
        }
        for i in 0..self.regs.volatile.len() {
            let (o, s, r) = self.regs.volatile[i];
            self.load_to(r, s, RBX, o as i32);
        }
    }

    /// An entry that runs in an existing frame: `(fp: rdi, result slot: rsi)`. Emits the
    /// prologue; the caller emits the jump to where it starts.
    fn frame_entry(&mut self, to: DynamicLabel) -> usize {
        // Outside: sets r15 for the code inside, which expects it; the code that enters
        // the frame is shared by all frame entries (where to go is in rax).
        let at = self.ops.offset().0;
        let inner = match self.frame_inner {
            Some(l) => l,
            None => {
                let l = self.ops.new_dynamic_label();
                self.frame_inner = Some(l);
                l
            }
        };
        a!(self
            ; push r15
            ; mov r15, QWORD self.env.flags as i64
            ; lea rax, [=>to]
            ; call =>inner
        );
        // The frame entries return every result in rax.
        match self.ret {
            Ret::Scalar(Scalar::F64) => a!(self; movq rax, xmm0),
            Ret::Scalar(Scalar::F32) => a!(self; movd eax, xmm0),
            _ => {}
        }
        a!(self
            ; pop r15
            ; ret
        );
        at
    }

    /// The code every frame entry calls: the prologue, the frame, the register variables,
    /// then a jump to the address in rax.
    fn frame_inner(&mut self) {
        let Some(inner) = self.frame_inner else {
            return;
        };
        self.ops.dynamic_label(inner);
        self.prologue();
        if self.regs.frameless {
            self.load_vars(RDI);
        } else {
            a!(self; mov rbx, rdi);
            self.load_vars(RBX);
        }
        if self.r12_result {
            a!(self; mov r12, rsi);
        }
        a!(self; jmp rax);
    }

    fn body(&mut self, body: &Stmt) -> R {
        let mut labels = Vec::new();
        body.collect_labels(&mut labels);
        for l in labels {
            let d = self.ops.new_dynamic_label();
            self.labels.insert(l, d);
        }
        self.stmt(body)?;
        // Falling off the end returns 0, as the interpreter does.
        a!(self ; xor eax, eax ; jmp =>self.ret_label);
        Ok(())
    }

    /// `entry`: (native entry, internal entry) of a function.
    fn finish(mut self, entry: Option<(usize, usize)>, start: usize) -> R<Compiled> {
        let env = self.env;
        self.ops.dynamic_label(self.ret_label);
        if self.unit {
            self.store_vars();
        }
        match self.ret {
            Ret::Scalar(Scalar::F64) => a!(self; movq xmm0, rax),
            Ret::Scalar(Scalar::F32) => a!(self; movd xmm0, eax),
            _ => {}
        }
        self.ops.dynamic_label(self.epilogue);
        self.emit_epilogue();
        self.ops.dynamic_label(self.unwind);
        a!(self ; xor eax, eax ; jmp =>self.epilogue);
        self.ops.dynamic_label(self.trap_common);
        // Entered with the expression stack empty: rsp is aligned, except in code that
        // calls nothing else.
        let misaligned = (8 + 8 * self.nsaved + self.alloc) % 16 != 0;
        if misaligned {
            a!(self; sub rsp, 8);
        }
        a!(self ; mov rax, QWORD env.trap as i64 ; call rax);
        if misaligned {
            a!(self; add rsp, 8);
        }
        a!(self; jmp =>self.unwind);
        if let Some((slow, back)) = self.entry_slow {
            // An interrupt, an overflow, or a stale limit after an interrupt was forgotten.
            a!(self
                ; =>slow
                ; cmp BYTE [r15], 0
                ; jne =>self.interrupted
            );
            self.thread_cmp_rsp(16);
            a!(self
                ; jb =>self.overflow
                ; jmp =>back
            );
        }
        let fa = self.func_arg as i64;
        for (l, code) in [
            (self.divzero, crate::TrapCode::DivZero),
            (self.interrupted, crate::TrapCode::Interrupted),
            (self.overflow, crate::TrapCode::StackOverflow),
        ] {
            self.ops.dynamic_label(l);
            a!(self ; mov edi, code as i32 ; mov rsi, QWORD fa ; jmp =>self.trap_common);
        }
        let mut stubs: Vec<((i32, DynamicLabel), DynamicLabel)> = self.stubs.drain().collect();
        stubs.sort_by_key(|x| (x.0 .0, x.1.get_id()));
        for ((bytes, target), l) in stubs {
            a!(self ; =>l ; add rsp, bytes ; jmp =>target);
        }
        // On-stack replacement entries: into the frame, then to the loop's back-edge.
        let osr: Vec<(usize, DynamicLabel)> = std::mem::take(&mut self.osr);
        let mut osr_at = Vec::new();
        for (key, l) in osr {
            let at = self.frame_entry(l);
            osr_at.push((key, at));
        }
        self.frame_inner();
        // The constant pool.
        if !self.fconst_order.is_empty() {
            a!(self; .align 8);
            for (bits, l) in std::mem::take(&mut self.fconst_order) {
                a!(self ; =>l ; .u64 bits);
            }
        }
        let mut entries = Vec::with_capacity(self.table_fixes.len());
        for &(at, table, to) in &self.table_fixes {
            let labels = self.ops.labels();
            let t = labels.resolve_dynamic(table).map_err(asm_err)?.0 as i64;
            let d = labels.resolve_dynamic(to).map_err(asm_err)?.0 as i64;
            entries.push((at, (d - t) as i32));
        }
        let mut code = self
            .ops
            .finalize()
            .map_err(|_| asm_err("unresolved label"))?;
        for (at, v) in entries {
            code[at..at + 4].copy_from_slice(&v.to_le_bytes());
        }
        let fixes = std::mem::take(&mut self.rip_fixes);
        let fill = |c: &mut [u8], base: usize| {
            for &(end, target) in &fixes {
                let d = target as i64 - (base + end) as i64;
                c[end - 4..end].copy_from_slice(&(d as i32).to_le_bytes());
            }
        };
        let base = if fixes.is_empty() {
            crate::arena::install(&code)
        } else {
            crate::arena::install_with(&mut code, fill)
                .ok_or_else(|| Refusal("the memory for compiled code is full".into()))?
        };
        static DUMP: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
        if let Some(dir) = DUMP.get_or_init(|| std::env::var_os("CREPL_JIT_DUMP")) {
            // For reading the code: objdump -D -b binary -mi386:x86-64 --adjust-vma=ADDR F
            let name = format!("{:x}-{}.bin", base, self.func_arg as i64);
            let _ = std::fs::write(std::path::Path::new(&dir).join(name), &code);
        }
        Ok(Compiled {
            entry: entry.map_or(0, |e| base + e.0),
            internal: entry.map_or(0, |e| base + e.1),
            start: base + start,
            osr: osr_at.into_iter().map(|(k, o)| (k, base + o)).collect(),
            code_size: code.len(),
        })
    }
}

/// Statements.
impl Gen<'_> {
    fn label(&mut self, l: DynamicLabel) -> R {
        self.ops.dynamic_label(l);
        Ok(())
    }

    fn new_label(&mut self) -> DynamicLabel {
        self.ops.new_dynamic_label()
    }

    /// `cmp rsp, QWORD fs:[thread + d]`: the stack pointer against one of the running
    /// thread's limits (`Env::thread`). Encoded by hand: REX.W 3B /r with a SIB byte that
    /// names no base and no index (an absolute disp32, here relative to the fs base).
    fn thread_cmp_rsp(&mut self, d: i32) {
        let disp = (self.env.thread + d).to_le_bytes();
        self.ops.extend([0x64, 0x48, 0x3b, 0x24, 0x25]);
        self.ops.extend(disp);
    }

    /// `cmp BYTE fs:[thread + d], 0` (80 /7 ib, the same addressing as `thread_cmp_rsp`).
    fn thread_cmp_byte0(&mut self, d: i32) {
        let disp = (self.env.thread + d).to_le_bytes();
        self.ops.extend([0x64, 0x80, 0x3c, 0x25]);
        self.ops.extend(disp);
        self.ops.push(0);
    }

    /// The back-edge of a loop: counts the iteration and polls for Ctrl-C.
    fn back_edge(&mut self) {
        self.count(8);
        self.poll();
    }

    /// Stops here if an interrupt (Ctrl-C, a timeout) is requested.
    fn poll(&mut self) {
        let interrupted = self.exit_to(self.interrupted, 0);
        self.r15_used = true;
        a!(self
            ; cmp BYTE [r15], 0
            ; jne =>interrupted
        );
    }

    /// Starts a loop whose back-edge is `cont`: the OSR entry of the statement `s` (only
    /// at statement level: inside an expression, values of the enclosing expression live
    /// on the native stack, which an interpreter frame does not have).
    fn enter_loop(&mut self, s: &Stmt, brk: DynamicLabel, cont: DynamicLabel) {
        // Not inside a statement expression either: the interpreter, having entered
        // compiled code there, could not finish the expression it was evaluating.
        if self.depth == 0 && self.in_seq == 0 {
            self.osr.push((s as *const Stmt as usize, cont));
        }
        self.loops.push(Loop {
            brk,
            cont: Some(cont),
            depth: self.depth,
            seq: self.in_seq,
        });
    }

    /// A jump to where the expression stack holds `depth` values, inside `seq` statement
    /// expressions: out of a statement expression, the interpreter reports an error (it
    /// cannot leave an expression half evaluated), so the function stays there too.
    fn jump_check(&self, depth: u32, seq: u32, what: &str) -> R {
        if depth != self.depth || seq != self.in_seq {
            return Err(Refusal(format!("{what} out of a statement expression")));
        }
        Ok(())
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::Expr(e) => self.effect(e),
            Stmt::Block(b) => {
                for s in &b.stmts {
                    self.stmt(s)?;
                }
                Ok(())
            }
            Stmt::If(c, t, e) => {
                let (else_l, end) = (self.new_label(), self.new_label());
                self.cond(c, false, else_l)?;
                self.stmt(t)?;
                if let Some(e) = e {
                    a!(self; jmp =>end);
                    self.label(else_l)?;
                    self.stmt(e)?;
                } else {
                    self.label(else_l)?;
                }
                self.label(end)
            }
            Stmt::While(c, body) => self.gen_loop(s, true, Some(c), None, body),
            Stmt::DoWhile(body, c) => self.gen_loop(s, false, Some(c), None, body),
            Stmt::For(init, c, step, body) => {
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                self.gen_loop(s, true, c.as_ref(), step.as_ref(), body)
            }
            Stmt::Switch {
                cond,
                cases,
                default,
                body,
            } => {
                self.expr(cond)?;
                let brk = self.new_label();
                let mut sorted = cases.clone();
                sorted.sort_by_key(|c| c.0);
                let fallback = match default {
                    Some(d) => self.label_of(*d)?,
                    None => brk,
                };
                self.switch_dispatch(&sorted, fallback)?;
                self.loops.push(Loop {
                    brk,
                    cont: None,
                    depth: self.depth,
                    seq: self.in_seq,
                });
                self.stmt(body)?;
                self.loops.pop();
                self.label(brk)
            }
            Stmt::Label(l, inner) => {
                let d = self.label_of(*l)?;
                self.label(d)?;
                self.placed.push(*l);
                // A loop made of `goto` continues here after on-stack replacement (see
                // `enter_loop` for why only at statement level).
                if self.depth == 0 && self.in_seq == 0 {
                    self.osr.push((ir::label_osr_key(*l), d));
                }
                self.stmt(inner)
            }
            Stmt::Goto(l) => {
                self.jump_check(0, 0, "goto")?;
                // A goto back closes a loop: it counts and polls as back-edges do (a goto
                // forward polls too: a chain of them may be a loop).
                if self.placed.contains(l) {
                    self.count(8);
                }
                self.poll();
                let d = self.label_of(*l)?;
                a!(self; jmp =>d);
                Ok(())
            }
            Stmt::GotoDyn(e) => {
                self.jump_check(0, 0, "goto")?;
                self.count(8);
                self.poll();
                self.expr(e)?;
                a!(self
                    ; mov rcx, QWORD ir::LABEL_VALUE_BASE as i64
                    ; sub rax, rcx
                );
                self.goto_table()
            }
            Stmt::Break => {
                let l = self
                    .loops
                    .last()
                    .ok_or_else(|| Refusal("break outside a loop".into()))?;
                let (brk, depth, seq) = (l.brk, l.depth, l.seq);
                self.jump_check(depth, seq, "break")?;
                a!(self; jmp =>brk);
                Ok(())
            }
            Stmt::Continue => {
                let l = self
                    .loops
                    .iter()
                    .rev()
                    .find(|l| l.cont.is_some())
                    .ok_or_else(|| Refusal("continue outside a loop".into()))?;
                let (cont, depth, seq) = (l.cont.unwrap(), l.depth, l.seq);
                self.jump_check(depth, seq, "continue")?;
                a!(self; jmp =>cont);
                Ok(())
            }
            Stmt::Return(_) if self.in_seq > 0 => {
                Err(Refusal("returns from inside a statement expression".into()))
            }
            Stmt::Return(None) => {
                let l = self.exit_to(self.ret_label, 0);
                a!(self ; xor eax, eax ; jmp =>l);
                Ok(())
            }
            Stmt::Return(Some(e)) => {
                if matches!(self.ret, Ret::Scalar(s) if s.is_float() && s == expr::sk(&e.ty)) {
                    // In xmm0 (the frame entries move it to rax).
                    self.fexpr(e)?;
                    self.return_now();
                    return Ok(());
                }
                self.expr(e)?;
                self.ret_value()
            }
            Stmt::Zero(a, n) => {
                self.addr(a)?;
                self.zero_mem(*n)
            }
            Stmt::Copy(d, s, n) => {
                self.expr(s)?;
                self.push_rax();
                self.addr(d)?;
                self.pop(R11);
                self.copy_mem(*n)
            }
            Stmt::Scoped(inner) => self.stmt(inner),
            Stmt::Cleanup(..) => Err(Refusal(
                "has a variable with __attribute__((cleanup))".into(),
            )),
        }
    }

    /// A loop: `body`, then the back-edge (`continue` goes there; it counts, polls, runs
    /// `step`), then `cond` (none: forever). `while` and `for` test first.
    fn gen_loop(
        &mut self,
        s: &Stmt,
        test_first: bool,
        cond: Option<&ir::Expr>,
        step: Option<&ir::Expr>,
        body: &Stmt,
    ) -> R {
        let (top, cont, test, brk) = (
            self.new_label(),
            self.new_label(),
            self.new_label(),
            self.new_label(),
        );
        self.enter_loop(s, brk, cont);
        if test_first {
            a!(self; jmp =>test);
        }
        self.label(top)?;
        self.stmt(body)?;
        self.label(cont)?;
        self.back_edge();
        if let Some(st) = step {
            self.effect(st)?;
        }
        self.label(test)?;
        match cond {
            Some(c) => self.cond(c, true, top)?,
            None => a!(self; jmp =>top),
        }
        self.label(brk)?;
        self.loops.pop();
        Ok(())
    }

    /// Jumps to the label whose id is in rax, in one indirect jump: into a table of
    /// `jmp label` instructions, 8 bytes apart, indexed by id (a value that is no label of
    /// the function traps).
    fn goto_table(&mut self) -> R {
        let bad = self.new_label();
        let (Some(&lo), Some(&hi)) = (self.labels.keys().min(), self.labels.keys().max()) else {
            a!(self; jmp =>bad);
            return self.bad_goto(bad);
        };
        a!(self
            ; sub rax, lo as i32
            ; mov ecx, (hi - lo + 1) as i32
            ; cmp rax, rcx
            ; jae =>bad
        );
        let targets: Vec<DynamicLabel> = (lo..=hi)
            .map(|id| self.labels.get(&id).copied().unwrap_or(bad))
            .collect();
        self.jump_table(&targets)?;
        self.bad_goto(bad)
    }

    fn bad_goto(&mut self, bad: DynamicLabel) -> R {
        self.label(bad)?;
        a!(self
            ; mov edi, crate::TrapCode::BadGoto as i32
            ; mov rsi, QWORD self.func_arg as i64
            ; jmp =>self.trap_common
        );
        Ok(())
    }

    fn label_of(&self, l: LabelId) -> R<DynamicLabel> {
        self.labels
            .get(&l)
            .copied()
            .ok_or_else(|| Refusal("jump to a label outside the function".into()))
    }

    /// Jumps to the case whose range holds rax (cases sorted), else to `fallback`: through
    /// a jump table when the cases are many (16 or more) and dense (an interpreter's
    /// `switch` on its opcode), else by `dispatch`. (With 12 cases, bench/vm_switch.c ran
    /// 0.46 s by compares against 0.48 s through a table: compares whose outcomes repeat
    /// predict better than one indirect jump.)
    fn switch_dispatch(&mut self, cases: &[(i64, i64, LabelId)], fallback: DynamicLabel) -> R {
        let (Some(first), Some(last)) = (cases.first(), cases.last()) else {
            return self.dispatch(cases, fallback);
        };
        let (lo, hi) = (first.0, last.1);
        let span = (hi as i128 - lo as i128 + 1) as u128;
        let values: u128 = cases
            .iter()
            .map(|c| (c.1 as i128 - c.0 as i128 + 1) as u128)
            .sum();
        if cases.len() < 16 || span > 4096 || span > 3 * values {
            return self.dispatch(cases, fallback);
        }
        a!(self
            ; mov rcx, QWORD lo
            ; sub rax, rcx
            ; mov ecx, span as i32
            ; cmp rax, rcx
            ; jae =>fallback
        );
        let mut next = cases.iter().peekable();
        let mut targets = Vec::with_capacity(span as usize);
        for v in lo..=hi {
            while next.peek().is_some_and(|c| c.1 < v) {
                next.next();
            }
            targets.push(match next.peek() {
                Some(c) if c.0 <= v => self.label_of(c.2)?,
                _ => fallback,
            });
        }
        self.jump_table(&targets)
    }

    /// Jumps to `targets[rax]` (rax already checked to be an index): one indirect jump
    /// through a table of 4-byte offsets from the table, placed right here and filled in
    /// when the code is finished (`table_fixes`).
    fn jump_table(&mut self, targets: &[DynamicLabel]) -> R {
        let table = self.new_label();
        a!(self
            ; lea rcx, [=>table]
            ; movsxd rax, DWORD [rcx + rax * 4]
            ; add rax, rcx
            ; jmp rax
            ; .align 4
        );
        self.label(table)?;
        for &to in targets {
            self.table_fixes.push((self.ops.offset().0, table, to));
            a!(self; .i32 0);
        }
        Ok(())
    }

    /// Jumps to the case whose range holds rax (cases sorted), else to `fallback`: a binary
    /// search over the sorted ranges, linear at the leaves.
    fn dispatch(&mut self, cases: &[(i64, i64, LabelId)], fallback: DynamicLabel) -> R {
        if cases.len() <= 6 {
            for &(lo, hi, l) in cases {
                let d = self.label_of(l)?;
                if lo == hi {
                    self.cmp_rax_imm(lo);
                    a!(self; je =>d);
                } else {
                    // rax - lo <= hi - lo, unsigned.
                    a!(self ; mov rcx, rax ; mov rdx, QWORD lo ; sub rcx, rdx
                        ; mov rdx, QWORD hi.wrapping_sub(lo) ; cmp rcx, rdx ; jbe =>d);
                }
            }
            a!(self; jmp =>fallback);
            return Ok(());
        }
        let mid = cases.len() / 2;
        let right = self.new_label();
        self.cmp_rax_imm(cases[mid].0);
        a!(self; jge =>right);
        self.dispatch(&cases[..mid], fallback)?;
        self.label(right)?;
        self.dispatch(&cases[mid..], fallback)
    }

    fn cmp_rax_imm(&mut self, v: i64) {
        if v == v as i32 as i64 {
            a!(self; cmp rax, v as i32);
        } else {
            a!(self ; mov rdx, QWORD v ; cmp rax, rdx);
        }
    }

    /// `return` with the value in rax.
    fn ret_value(&mut self) -> R {
        match self.ret.clone() {
            Ret::Void | Ret::Scalar(_) | Ret::Bool => {
                match self.ret {
                    Ret::Scalar(Scalar::F64) => a!(self; movq xmm0, rax),
                    Ret::Scalar(Scalar::F32) => a!(self; movd xmm0, eax),
                    _ => {}
                }
                self.return_now();
            }
            Ret::Memory(size) => {
                a!(self ; mov r11, rax ; mov rax, r12);
                self.copy_mem(size as u64)?;
                let l = self.exit_to(self.epilogue, 0);
                a!(self ; mov rax, r12 ; jmp =>l);
            }
            Ret::Regs(cls, size) => {
                // After on-stack replacement the interpreter wants the value in its slot.
                a!(self ; test r12, r12 ; jz >regs ; push rax ; mov r11, rax ; mov rax, r12);
                self.depth += 1;
                self.copy_mem(size as u64)?;
                self.pop(RAX);
                a!(self ; regs: ; mov r11, rax);
                let (mut ni, mut ns) = (0u8, 0u8);
                for (i, &(c, n)) in cls.iter().enumerate() {
                    let off = (i * 8) as i32;
                    match c {
                        Cls::Int => {
                            let r = if ni == 0 { RAX } else { RDX };
                            self.load_bytes(r, R11, off, n);
                            ni += 1;
                        }
                        Cls::Sse => {
                            self.load_xmm(ns, R11, off, n);
                            ns += 1;
                        }
                    }
                }
                let l = self.exit_to(self.epilogue, 0);
                a!(self; jmp =>l);
            }
        }
        Ok(())
    }
}
