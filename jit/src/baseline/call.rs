//! Calls (to the C library, to functions of the session through their slots, through
//! pointers) and the function's own parameters, per the System V x86-64 ABI.

use super::abi::{classify, Cls, Pass};
use super::expr::sk;
use super::regs::Home;
use super::{a, Gen, Ret, ARG_REGS, R, R11, RAX, RBX, RCX};
use crate::{Callee, Inline, Refusal};
use dynasmrt::{DynasmApi, DynasmLabelApi};
use ir::{Call, ExprKind as K, Function, Scalar, Type, TypeKind};

/// Where one argument goes.
pub(super) enum Dest {
    Gpr(u8),
    Xmm(u8),
    /// Eightbytes of a struct in registers: (register or xmm index, is_xmm, bytes).
    Split(Vec<(u8, bool, u32)>),
    /// On the stack at this offset (a scalar's 8 bytes, or a struct's bytes).
    Stack(i32, u32),
}

/// The argument (or parameter) type as passed: arrays and va_lists decay to pointers.
fn passed(t: &Type) -> Type {
    match &t.kind {
        TypeKind::Array(e, _) => Type::ptr_to((**e).clone()),
        TypeKind::VaList => Type::ptr_to(Type::void()),
        _ => t.clone(),
    }
}

/// Assigns registers and stack slots to arguments of these types, the first integer
/// register being taken if the result goes through memory. Returns the destinations, the
/// stack bytes, and the number of vector registers used.
pub(super) fn assign(
    types: &ir::TypeTable,
    args: &[Type],
    hidden: bool,
) -> Result<(Vec<Dest>, i32, u8), Refusal> {
    let (mut ni, mut ns, mut stack) = (hidden as usize, 0u8, 0i32);
    let mut out = Vec::new();
    for t in args {
        let t = passed(t);
        let d = match classify(types, &t)? {
            Pass::Int if ni < 6 => {
                ni += 1;
                Dest::Gpr(ARG_REGS[ni - 1])
            }
            Pass::Sse if ns < 8 => {
                ns += 1;
                Dest::Xmm(ns - 1)
            }
            Pass::Int | Pass::Sse => {
                stack += 8;
                Dest::Stack(stack - 8, 8)
            }
            Pass::Regs(cls) => {
                let need_i = cls.iter().filter(|c| c.0 == Cls::Int).count();
                let need_s = cls.len() - need_i;
                if ni + need_i <= 6 && ns as usize + need_s <= 8 {
                    let mut v = Vec::new();
                    for (c, n) in cls {
                        match c {
                            Cls::Int => {
                                v.push((ARG_REGS[ni], false, n));
                                ni += 1;
                            }
                            Cls::Sse => {
                                v.push((ns, true, n));
                                ns += 1;
                            }
                        }
                    }
                    Dest::Split(v)
                } else {
                    let size = types.size_of(&t) as i32;
                    if types.align_of(&t) > 8 {
                        return Err(Refusal("passes an over-aligned struct".into()));
                    }
                    stack += (size + 7) & !7;
                    Dest::Stack(stack - ((size + 7) & !7), size as u32)
                }
            }
            Pass::Memory(size) => {
                if types.align_of(&t) > 8 {
                    return Err(Refusal("passes an over-aligned struct".into()));
                }
                let sz = ((size + 7) & !7) as i32;
                stack += sz;
                Dest::Stack(stack - sz, size)
            }
        };
        out.push(d);
    }
    Ok((out, stack, ns))
}

impl Gen<'_> {
    /// Bytes of the function's arguments on the stack.
    pub(super) fn stack_arg_bytes(&self, f: &Function) -> R<i32> {
        let hidden = matches!(self.ret, Ret::Memory(_));
        Ok(assign(self.env.types, &f.ty.params, hidden)?.1)
    }

    /// `sqrt(x)` and `fabs(x)` of the C library, inline; rax and xmm0 hold the result.
    fn inline_math(&mut self, callee: Callee, arg: &ir::Expr) -> R {
        self.fexpr(arg)?;
        if callee.inline == Inline::Fabs {
            a!(self
                ; mov rax, QWORD 0x7fff_ffff_ffff_ffff
                ; movq xmm1, rax
                ; andpd xmm0, xmm1
                ; movq rax, xmm0
            );
            return Ok(());
        }
        // The library only for a NaN result (a negative or NaN argument): it sets errno.
        a!(self ; sqrtsd xmm1, xmm0 ; ucomisd xmm1, xmm1 ; jnp >done);
        let pad = self.depth % 2 == 1;
        if pad {
            a!(self; sub rsp, 8);
        }
        // All of xmm8-xmm15 kept around the library (not only this function's float
        // variables): callers of this function keep values there, and it does not count
        // as calling the library for them (`compile_function`, `clobbers`).
        self.spill_for_call(true);
        a!(self; sub rsp, 64);
        for k in 0..8u8 {
            a!(self; movq [rsp + 8 * k as i32], Rx(8 + k));
        }
        self.call_cell(callee.cell);
        for k in 0..8u8 {
            a!(self; movq Rx(8 + k), [rsp + 8 * k as i32]);
        }
        a!(self; add rsp, 64);
        self.reload_after_call(true);
        if pad {
            a!(self; add rsp, 8);
        }
        a!(self ; movaps xmm1, xmm0 ; done: ; movaps xmm0, xmm1 ; movq rax, xmm0);
        Ok(())
    }

    /// Stores the incoming arguments into the frame (native entry).
    pub(super) fn store_params(&mut self, f: &Function) -> R {
        let hidden = matches!(self.ret, Ret::Memory(_));
        if hidden {
            a!(self; mov r12, rdi);
        }
        let (dests, _, _) = assign(self.env.types, &f.ty.params, hidden)?;
        for ((t, &off), d) in f.ty.params.iter().zip(&f.params).zip(dests) {
            if let Some(v) = self.regs.vars.get(&off).copied() {
                match (d, v.home) {
                    (Dest::Gpr(r), Home::Gpr(h)) => self.mov_normalized(h, r, v.s),
                    (Dest::Xmm(x), Home::Xmm(h)) => a!(self; movaps Rx(h), Rx(x)),
                    (Dest::Stack(o, _), Home::Gpr(h)) => {
                        let at = self.incoming(o);
                        a!(self; mov Rq(h), [rsp + at]);
                        self.normalize_reg(h, v.s);
                    }
                    (Dest::Stack(o, _), Home::Xmm(h)) => {
                        let at = self.incoming(o);
                        a!(self; movq Rx(h), [rsp + at]);
                    }
                    _ => return Err(Refusal("internal error: a parameter's register".into())),
                }
                continue;
            }
            let off = off as i32;
            if t.kind == TypeKind::LongDouble {
                return Err(Refusal("uses long double".into()));
            }
            if t.kind == TypeKind::VaList || t.is_array() {
                // A pointer to the object; the frame holds a copy (as the interpreter's).
                let size = self.env.types.size_of(t);
                match d {
                    Dest::Gpr(r) => a!(self; mov r11, Rq(r)),
                    Dest::Stack(o, _) => {
                        let at = self.incoming(o);
                        a!(self; mov r11, [rsp + at]);
                    }
                    _ => unreachable!("a pointer travels in a general register"),
                }
                a!(self; lea rax, [rbx + off]);
                self.save_arg_regs();
                self.copy_mem(size)?;
                self.restore_arg_regs();
                continue;
            }
            match d {
                Dest::Gpr(r) => {
                    let s = if t.kind == TypeKind::Bool {
                        Scalar::U8
                    } else {
                        sk(t)
                    };
                    self.store_from(r, s, RBX, off);
                }
                Dest::Xmm(x) => {
                    let n = if t.kind == TypeKind::Float { 4 } else { 8 };
                    self.store_xmm(x, RBX, off, n);
                }
                Dest::Split(v) => {
                    for (i, (r, xmm, n)) in v.into_iter().enumerate() {
                        let o = off + (i * 8) as i32;
                        if xmm {
                            self.store_xmm(r, RBX, o, n);
                        } else {
                            self.store_bytes(r, RBX, o, n);
                        }
                    }
                }
                Dest::Stack(o, size) => {
                    if t.is_record() {
                        let at = self.incoming(o);
                        a!(self ; lea r11, [rsp + at] ; lea rax, [rbx + off]);
                        self.save_arg_regs();
                        self.copy_mem(size as u64)?;
                        self.restore_arg_regs();
                    } else {
                        let s = if t.kind == TypeKind::Bool {
                            Scalar::U8
                        } else {
                            sk(t)
                        };
                        let at = self.incoming(o);
                        a!(self; mov rax, [rsp + at]);
                        self.store_from(RAX, s, RBX, off);
                    }
                }
            }
        }
        Ok(())
    }

    /// A variadic function's native entry, right after its frame is made (rbx) and before
    /// anything touches the argument registers: saves them in the register save area at
    /// `[rbx + at]` and writes there the va_list that describes this call's variadic
    /// arguments as the System V ABI lays them out (gp_offset and fp_offset past the named
    /// parameters' registers, the overflow area at r10), whose address goes into the
    /// function's `va_area` slot, where `va_start` finds it (frame entries run in an
    /// interpreter frame whose slot the interpreter filled).
    pub(super) fn va_entry(&mut self, f: &Function, at: u32) -> R {
        let hidden = matches!(self.ret, Ret::Memory(_));
        let (dests, _, _) = assign(self.env.types, &f.ty.params, hidden)?;
        let gp = hidden as i32 + dests.iter().filter(|d| matches!(d, Dest::Gpr(_))).count() as i32;
        let sse = dests.iter().filter(|d| matches!(d, Dest::Xmm(_))).count() as i32;
        let at = at as i32;
        let slot = f.va_area.expect("a variadic function has a va_area slot") as i32;
        a!(self
            ; mov [rbx + at], rdi ; mov [rbx + at + 8], rsi ; mov [rbx + at + 16], rdx
            ; mov [rbx + at + 24], rcx ; mov [rbx + at + 32], r8 ; mov [rbx + at + 40], r9
        );
        for k in 0..8u8 {
            a!(self; movdqu [rbx + at + 48 + 16 * k as i32], Rx(k));
        }
        a!(self
            ; mov DWORD [rbx + at + 176], 8 * gp
            ; mov DWORD [rbx + at + 180], 48 + 16 * sse
            ; mov [rbx + at + 184], r10
            ; lea r10, [rbx + at]
            ; mov [rbx + at + 192], r10
            ; lea r10, [rbx + at + 176]
            ; mov [rbx + slot], r10
        );
        Ok(())
    }

    /// `va_arg(*rax, T)` for an integer, pointer or double `T` (`s`): rax = the value.
    /// Registers first while the save area has some, then the overflow area.
    pub(super) fn va_arg(&mut self, s: Scalar) -> R {
        let (off_at, limit, step) = match s {
            Scalar::F64 => (4, 176, 16),
            s if s.is_float() => {
                return Err(Refusal("uses va_arg of a float or long double".into()))
            }
            _ => (0, 48, 8),
        };
        a!(self
            ; mov r11, rax
            ; mov eax, DWORD [r11 + off_at]
            ; cmp eax, limit
            ; jae >stack
            ; mov rcx, [r11 + 16]
            ; add rcx, rax
            ; add eax, step
            ; mov DWORD [r11 + off_at], eax
            ; jmp >done
            ; stack:
            ; mov rcx, [r11 + 8]
            ; lea rdx, [rcx + 8]
            ; mov [r11 + 8], rdx
            ; done:
        );
        self.load_to(RAX, s, RCX, 0);
        Ok(())
    }

    /// Copies of records may call memmove: keep the argument registers around it.
    fn save_arg_regs(&mut self) {
        a!(self
            ; push rdi ; push rsi ; push rdx ; push rcx ; push r8 ; push r9
            ; sub rsp, 64
            ; movq [rsp], xmm0 ; movq [rsp + 8], xmm1 ; movq [rsp + 16], xmm2
            ; movq [rsp + 24], xmm3 ; movq [rsp + 32], xmm4 ; movq [rsp + 40], xmm5
            ; movq [rsp + 48], xmm6 ; movq [rsp + 56], xmm7
        );
        self.depth += 14;
    }

    fn restore_arg_regs(&mut self) {
        a!(self
            ; movq xmm0, [rsp] ; movq xmm1, [rsp + 8] ; movq xmm2, [rsp + 16]
            ; movq xmm3, [rsp + 24] ; movq xmm4, [rsp + 32] ; movq xmm5, [rsp + 40]
            ; movq xmm6, [rsp + 48] ; movq xmm7, [rsp + 56]
            ; add rsp, 64
            ; pop r9 ; pop r8 ; pop rcx ; pop rdx ; pop rsi ; pop rdi
        );
        self.depth -= 14;
    }

    /// A call; the result in rax (and xmm0 for floats), or with `in_xmm` a float result
    /// in xmm0 only.
    pub(super) fn call(&mut self, c: &Call, in_xmm: bool) -> R {
        let types = self.env.types;
        let direct = match c.callee.kind {
            K::FuncAddr(id) => Some((id, (self.env.callee)(id))),
            _ => None,
        };
        if let Some((_, callee)) = direct {
            if matches!(callee.inline, Inline::Sqrt | Inline::Fabs)
                && c.args.len() == 1
                && c.args[0].ty.kind == TypeKind::Double
                && c.fty.ret.kind == TypeKind::Double
            {
                return self.inline_math(callee, &c.args[0]);
            }
        }
        // Variadic callees, the session's included (their interpreter entry builds the
        // va_list from the registers), are called as the ABI says: %al = vector registers.
        let variadic = c.fty.variadic || c.fty.unprototyped;
        if c.fty.variadic && c.fty.params.iter().any(|p| p.is_record()) {
            // An interpreted variadic function finds its variadic arguments after named
            // struct arguments only when an interpreted caller lays them out (see
            // `interp::ffi::VaPlan`): such calls stay in the interpreter.
            return Err(Refusal(
                "calls a variadic function with struct parameters".into(),
            ));
        }
        let ret = super::ret_kind(self.env, &c.fty.ret)?;
        let hidden = matches!(ret, Ret::Memory(_));
        let ret_slot = match (&ret, c.ret_slot) {
            (Ret::Memory(_) | Ret::Regs(..), Some(s)) => s as i32,
            (Ret::Memory(_) | Ret::Regs(..), None) => {
                return Err(Refusal("struct result without a slot".into()))
            }
            _ => 0,
        };
        let arg_types: Vec<Type> = c.args.iter().map(|a| a.ty.clone()).collect();
        let (dests, stack, nxmm) = assign(types, &arg_types, hidden)?;

        // Arguments in r8 or r9 overwrite register variables there: those go to their
        // slots first (after the arguments are evaluated, before they are loaded).
        let r8_r9 = |r: u8| r == 8 || r == 9;
        let early_spill = !self.regs.volatile.is_empty()
            && dests.iter().any(|d| match d {
                Dest::Gpr(r) => r8_r9(*r),
                Dest::Split(v) => v.iter().any(|&(r, xmm, _)| !xmm && r8_r9(r)),
                _ => false,
            });
        // Every argument simple and in a register: straight into the registers.
        let direct_regs = !early_spill
            && direct.is_some()
            && dests
                .iter()
                .all(|d| matches!(d, Dest::Gpr(_) | Dest::Xmm(_)))
            && c.args.iter().all(|a| self.simple(a));
        if direct_regs {
            for (a, d) in c.args.iter().zip(&dests) {
                match *d {
                    Dest::Gpr(r) => self.simple_to_n(r, a, low_arg(a))?,
                    Dest::Xmm(x) if self.xmm_operand(a) => self.xmm_operand_to(x, a, RAX)?,
                    Dest::Xmm(x) => {
                        self.simple_to(RAX, a)?;
                        a!(self; movq Rx(x), rax);
                    }
                    _ => unreachable!("checked above"),
                }
            }
            return self.finish_call(in_xmm, direct, &ret, ret_slot, hidden, variadic, nxmm, 0, 0);
        }
        // Evaluate every argument (then an indirect callee) onto the expression stack.
        for a in &c.args {
            if low_arg(a) {
                self.expr_low(a)?;
            } else {
                self.expr(a)?;
            }
            self.push_rax();
        }
        let n = c.args.len() as i32 + direct.is_none() as i32;
        if direct.is_none() {
            self.expr(&c.callee)?;
            self.push_rax();
        }
        let pad = if (self.depth as i32 * 8 + stack) % 16 != 0 {
            8
        } else {
            0
        };
        let below = stack + pad;
        if below > 0 {
            a!(self; sub rsp, below);
        }
        // The value of argument i is at [rsp + at(i)].
        let at = |i: usize| below + 8 * (n - 1 - i as i32);
        // Stack arguments first (they use rax, rsi as scratch), then registers.
        for (i, d) in dests.iter().enumerate() {
            if let Dest::Stack(o, size) = *d {
                if c.args[i].ty.is_record() {
                    a!(self; mov r11, [rsp + at(i)]);
                    let mut k = 0i32;
                    while k < size as i32 {
                        let chunk = (size as i32 - k).min(8) as u32;
                        self.load_bytes(RAX, R11, k, chunk);
                        a!(self; mov [rsp + o + k], rax);
                        k += 8;
                    }
                } else {
                    a!(self ; mov rax, [rsp + at(i)] ; mov [rsp + o], rax);
                }
            }
        }
        if early_spill {
            self.spill_gprs();
            self.gprs_spilled = true;
        }
        for (i, d) in dests.iter().enumerate() {
            match d {
                Dest::Gpr(r) => a!(self; mov Rq(*r), [rsp + at(i)]),
                Dest::Xmm(x) => a!(self; movq Rx(*x), [rsp + at(i)]),
                Dest::Split(v) => {
                    a!(self; mov r11, [rsp + at(i)]);
                    for (k, &(r, xmm, nb)) in v.iter().enumerate() {
                        if xmm {
                            self.load_xmm(r, R11, (k * 8) as i32, nb);
                        } else {
                            self.load_bytes(r, R11, (k * 8) as i32, nb);
                        }
                    }
                }
                Dest::Stack(..) => {}
            }
        }
        self.finish_call(
            in_xmm, direct, &ret, ret_slot, hidden, variadic, nxmm, below, n,
        )
    }

    /// The call itself, once the arguments are in place (`below` bytes of stack arguments
    /// and padding, `n` values pushed above them), and its result.
    #[allow(clippy::too_many_arguments)]
    fn finish_call(
        &mut self,
        in_xmm: bool,
        direct: Option<(u32, Callee)>,
        ret: &Ret,
        ret_slot: i32,
        hidden: bool,
        variadic: bool,
        nxmm: u8,
        below: i32,
        n: i32,
    ) -> R {
        // Without pushes the stack is aligned only if the expression stack is even.
        let fix = n == 0 && self.depth % 2 == 1;
        if fix {
            a!(self; sub rsp, 8);
        }
        let below = if fix { 8 } else { below };
        if hidden {
            a!(self; lea rdi, [rbx + ret_slot]);
        }
        // The callee into r11; what to report if it is null.
        // A defined function's cell is never null: called through memory.
        let through_cell = direct.is_some_and(|(_, c)| c.defined);
        let null_trap = match direct {
            Some((_, c)) if c.defined => None,
            Some((id, c)) => {
                if crate::arena::near(c.cell) {
                    a!(self; mov r11, [rip + 0]);
                    self.rip_fix(c.cell);
                } else {
                    a!(self ; mov r11, QWORD c.cell as i64 ; mov r11, [r11]);
                }
                Some((crate::TrapCode::Undefined, id as i64))
            }
            None => {
                a!(self; mov r11, [rsp + below]);
                Some((crate::TrapCode::NullCall, 0))
            }
        };
        if let Some((code, trap_arg)) = null_trap {
            let trap = self.exit_to(self.trap_common, below);
            a!(self
                ; test r11, r11
                ; jnz >ok
                ; mov edi, code as i32
                ; mov rsi, QWORD trap_arg
                ; jmp =>trap
                ; ok:
            );
        }
        if variadic {
            a!(self; mov eax, nxmm as i32);
        }
        // A function calling itself calls this code (it stays valid while it runs).
        let own = direct
            .filter(|d| d.0 as u64 == self.func_arg)
            .and(self.self_entry);
        // This code and the session's functions keep xmm8-xmm15 (top-level code does not,
        // but nothing calls it).
        let keeps_xmm = own.is_some() || (through_cell && direct.is_some_and(|d| d.1.keeps_xmm));
        self.spill_for_call(keeps_xmm);
        if let Some(e) = own {
            self.count(0);
            a!(self; call =>e);
        } else if through_cell {
            self.call_cell(direct.expect("a call through a cell has a callee").1.cell);
        } else {
            a!(self; call r11);
        }
        self.reload_after_call(keeps_xmm);
        if below + 8 * n > 0 {
            a!(self; add rsp, below + 8 * n);
        }
        self.depth -= n as u32;
        // Also after library calls: any may call back into the session (a callback it
        // was given earlier, a stream's cookie functions, a printf handler), and the
        // interpreter finds such a trap right after the call too.
        let unwind = self.exit_to(self.unwind, 0);
        self.r15_used = true;
        self.thread_cmp_byte0(0);
        a!(self ; jne =>unwind);
        match ret {
            Ret::Void => {}
            // This code's own results are normalized already.
            Ret::Scalar(s) if own.is_some() && !s.is_float() => {}
            Ret::Scalar(s) if !s.is_float() => self.normalize(*s),
            Ret::Bool => a!(self ; test al, al ; setne al ; movzx eax, al),
            // (Where the value is wanted in xmm0 only, it stays there.)
            Ret::Scalar(Scalar::F64 | Scalar::F32) if in_xmm => {}
            Ret::Scalar(Scalar::F64) => a!(self; movq rax, xmm0),
            Ret::Scalar(Scalar::F32) => a!(self; movd eax, xmm0),
            Ret::Scalar(_) => {}
            Ret::Memory(_) => a!(self; lea rax, [rbx + ret_slot]),
            Ret::Regs(cls, _) => {
                let cls = cls.clone();
                let (mut ni, mut ns) = (0, 0u8);
                for (k, &(c, nb)) in cls.iter().enumerate() {
                    let o = ret_slot + (k * 8) as i32;
                    match c {
                        Cls::Int => {
                            let r = if ni == 0 { RAX } else { super::RDX };
                            self.store_bytes(r, RBX, o, nb);
                            ni += 1;
                        }
                        Cls::Sse => {
                            self.store_xmm(ns, RBX, o, nb);
                            ns += 1;
                        }
                    }
                }
                a!(self; lea rax, [rbx + ret_slot]);
            }
        }
        Ok(())
    }
}

/// Whether an argument may be passed with its upper 32 bits unnormalized: a 32-bit
/// integer, which System V leaves the callee to extend (compiled code and the
/// interpreter's entries do; narrower types stay extended, as clang-built libraries
/// expect).
fn low_arg(a: &ir::Expr) -> bool {
    a.ty.is_integer() && a.ty.kind != ir::TypeKind::Bool && super::expr::sk(&a.ty).size() == 4
}
