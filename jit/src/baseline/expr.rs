//! Expressions: each leaves its value in rax (see the register conventions in `mod.rs`).

use super::regs::{Home, RegVar};
use super::{a, Gen, R, R10, R11, RAX, RBX, RCX, RDX, RSI};
use crate::Refusal;
use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi};
use ir::{BinOp, Expr, ExprKind as K, Scalar, Type, TypeKind, UnOp};

/// Where a place is when no code is needed to find it.
#[derive(Clone, Copy)]
enum Loc {
    Frame(i32),
    Abs(u64),
}

/// The scalar kind of a type (pointers are unsigned 64-bit).
pub(crate) fn sk(t: &Type) -> Scalar {
    t.scalar_kind().unwrap_or(Scalar::U64)
}

pub(crate) fn no_f80(s: Scalar) -> R {
    if s == Scalar::F80 {
        return Err(Refusal("uses long double".into()));
    }
    Ok(())
}

/// Slow paths of float-to-integer conversions (out of range, NaN), with exactly the
/// interpreter's results: `Scalar::from_f64`, or for a cast from double to int the
/// interpreter's `as i32`, which saturates to int's range.
extern "C" fn float_to_int(bits: u64, to: u64, sat32: u64) -> u64 {
    let f = f64::from_bits(bits);
    if sat32 != 0 {
        return f as i32 as i64 as u64;
    }
    scalar_of(to).from_f64(f)
}

fn scalar_code(s: Scalar) -> u64 {
    s as u64
}

fn scalar_of(c: u64) -> Scalar {
    use Scalar::*;
    [I8, U8, I16, U16, I32, U32, I64, U64, F32, F64, F80][c as usize]
}

impl Gen<'_> {
    pub(crate) fn push_rax(&mut self) {
        a!(self; push rax);
        self.depth += 1;
    }

    pub(crate) fn pop(&mut self, r: u8) {
        a!(self; pop Rq(r));
        self.depth -= 1;
    }

    pub(crate) fn mov_imm(&mut self, r: u8, v: u64) {
        if v == 0 {
            a!(self; xor Rd(r), Rd(r));
        } else if v <= u32::MAX as u64 {
            a!(self; mov Rd(r), v as i32);
        } else if v as i64 == v as i64 as i32 as i64 {
            a!(self; mov Rq(r), v as i32);
        } else {
            a!(self; mov Rq(r), QWORD v as i64);
        }
    }

    /// Calls a C function at `addr` (arguments already in registers), with the stack
    /// aligned as the ABI wants whatever the expression stack holds.
    pub(crate) fn call_c(&mut self, addr: usize) {
        let pad = self.depth % 2 == 1;
        if pad {
            a!(self; sub rsp, 8);
        }
        self.spill_for_call(false);
        a!(self ; mov rax, QWORD addr as i64 ; call rax);
        self.reload_after_call(false);
        if pad {
            a!(self; add rsp, 8);
        }
    }

    /// The general register of a register variable `e` reads.
    fn gpr_var(&self, e: &Expr) -> Option<u8> {
        match &e.kind {
            K::Load(lv) => match self.regs.get(lv)?.home {
                Home::Gpr(h) => Some(h),
                Home::Xmm(_) => None,
            },
            _ => None,
        }
    }

    /// The general register holding the value of `e`: a register variable, read as it
    /// is or through a widening cast (which changes no bits, see [`Self::widening`]).
    pub(crate) fn gpr_val(&self, e: &Expr) -> Option<u8> {
        match &e.kind {
            K::Cast(x) if Self::widening(x, e) => self.gpr_var(x),
            _ => self.gpr_var(e),
        }
    }

    /// General register `r` = the register variable's value (float bits for floats).
    pub(crate) fn home_to(&mut self, r: u8, v: RegVar) {
        match v.home {
            Home::Gpr(h) => {
                if h != r {
                    a!(self; mov Rq(r), Rq(h));
                }
            }
            Home::Xmm(x) if v.s == Scalar::F64 => a!(self; movq Rq(r), Rx(x)),
            Home::Xmm(x) => a!(self; movd Rd(r), Rx(x)),
        }
    }

    /// The register variable = general register `r` (a value of its kind, normalized).
    pub(crate) fn to_home(&mut self, v: RegVar, r: u8) {
        match v.home {
            Home::Gpr(h) => {
                if h != r {
                    a!(self; mov Rq(h), Rq(r));
                }
            }
            Home::Xmm(x) if v.s == Scalar::F64 => a!(self; movq Rx(x), Rq(r)),
            Home::Xmm(x) => a!(self; movd Rx(x), Rd(r)),
        }
    }

    /// dst = src extended from kind `s`, in one instruction.
    pub(crate) fn mov_normalized(&mut self, dst: u8, src: u8, s: Scalar) {
        match s {
            Scalar::I8 => a!(self; movsx Rq(dst), Rb(src)),
            Scalar::U8 => a!(self; movzx Rd(dst), Rb(src)),
            Scalar::I16 => a!(self; movsx Rq(dst), Rw(src)),
            Scalar::U16 => a!(self; movzx Rd(dst), Rw(src)),
            Scalar::I32 => a!(self; movsxd Rq(dst), Rd(src)),
            Scalar::U32 | Scalar::F32 => a!(self; mov Rd(dst), Rd(src)),
            _ => a!(self; mov Rq(dst), Rq(src)),
        }
    }

    /// Sign- or zero-extends register `r` from kind `s`.
    pub(crate) fn normalize_reg(&mut self, r: u8, s: Scalar) {
        match s {
            Scalar::I8 => a!(self; movsx Rq(r), Rb(r)),
            Scalar::U8 => a!(self; movzx Rd(r), Rb(r)),
            Scalar::I16 => a!(self; movsx Rq(r), Rw(r)),
            Scalar::U16 => a!(self; movzx Rd(r), Rw(r)),
            Scalar::I32 => a!(self; movsxd Rq(r), Rd(r)),
            Scalar::U32 | Scalar::F32 => a!(self; mov Rd(r), Rd(r)),
            _ => {}
        }
    }

    /// Sign- or zero-extends rax from kind `s`, as the IR keeps integers.
    pub(crate) fn normalize(&mut self, s: Scalar) {
        match s {
            Scalar::I8 => a!(self; movsx rax, al),
            Scalar::U8 => a!(self; movzx eax, al),
            Scalar::I16 => a!(self; movsx rax, ax),
            Scalar::U16 => a!(self; movzx eax, ax),
            Scalar::I32 => a!(self; movsxd rax, eax),
            Scalar::U32 | Scalar::F32 => a!(self; mov eax, eax),
            _ => {}
        }
    }

    /// Reads a scalar of kind `s` at `[base + disp]` into register `r`.
    pub(crate) fn load_to(&mut self, r: u8, s: Scalar, base: u8, disp: i32) {
        match s {
            Scalar::I8 => a!(self; movsx Rq(r), BYTE [Rq(base) + disp]),
            Scalar::U8 => a!(self; movzx Rd(r), BYTE [Rq(base) + disp]),
            Scalar::I16 => a!(self; movsx Rq(r), WORD [Rq(base) + disp]),
            Scalar::U16 => a!(self; movzx Rd(r), WORD [Rq(base) + disp]),
            Scalar::I32 => a!(self; movsxd Rq(r), DWORD [Rq(base) + disp]),
            Scalar::U32 | Scalar::F32 => a!(self; mov Rd(r), DWORD [Rq(base) + disp]),
            _ => a!(self; mov Rq(r), QWORD [Rq(base) + disp]),
        }
    }

    /// Writes register `r` as a scalar of kind `s` at `[base + disp]`.
    pub(crate) fn store_from(&mut self, r: u8, s: Scalar, base: u8, disp: i32) {
        match s.size() {
            1 => a!(self; mov BYTE [Rq(base) + disp], Rb(r)),
            2 => a!(self; mov WORD [Rq(base) + disp], Rw(r)),
            4 => a!(self; mov DWORD [Rq(base) + disp], Rd(r)),
            _ => a!(self; mov QWORD [Rq(base) + disp], Rq(r)),
        }
    }

    /// Loads `n` bytes (1-8) at `[base + off]` into general register `r`, zero-extended,
    /// without reading past them.
    pub(crate) fn load_bytes(&mut self, r: u8, base: u8, off: i32, n: u32) {
        match n {
            8 => a!(self; mov Rq(r), QWORD [Rq(base) + off]),
            4 => a!(self; mov Rd(r), DWORD [Rq(base) + off]),
            2 => a!(self; movzx Rd(r), WORD [Rq(base) + off]),
            1 => a!(self; movzx Rd(r), BYTE [Rq(base) + off]),
            _ => {
                // Byte by byte from the highest; r10 is the temporary.
                a!(self; xor Rd(r), Rd(r));
                for k in (0..n as i32).rev() {
                    a!(self
                        ; shl Rq(r), 8
                        ; movzx r10d, BYTE [Rq(base) + off + k]
                        ; or Rq(r), r10
                    );
                }
            }
        }
    }

    /// Stores the low `n` bytes (1-8) of general register `r` at `[base + off]`.
    pub(crate) fn store_bytes(&mut self, r: u8, base: u8, off: i32, n: u32) {
        match n {
            8 => a!(self; mov QWORD [Rq(base) + off], Rq(r)),
            4 => a!(self; mov DWORD [Rq(base) + off], Rd(r)),
            2 => a!(self; mov WORD [Rq(base) + off], Rw(r)),
            1 => a!(self; mov BYTE [Rq(base) + off], Rb(r)),
            _ => {
                a!(self; mov r10, Rq(r));
                for k in 0..n as i32 {
                    a!(self ; mov BYTE [Rq(base) + off + k], r10b ; shr r10, 8);
                }
            }
        }
    }

    pub(crate) fn load_xmm(&mut self, x: u8, base: u8, off: i32, n: u32) {
        if n <= 4 {
            a!(self; movd Rx(x), DWORD [Rq(base) + off]);
        } else {
            a!(self; movq Rx(x), QWORD [Rq(base) + off]);
        }
    }

    pub(crate) fn store_xmm(&mut self, x: u8, base: u8, off: i32, n: u32) {
        if n <= 4 {
            a!(self; movd DWORD [Rq(base) + off], Rx(x));
        } else {
            a!(self; movq QWORD [Rq(base) + off], Rx(x));
        }
    }

    /// Copies `n` bytes from [r11] to [rax] (overlap allowed, as memmove); rax is kept.
    pub(crate) fn copy_mem(&mut self, n: u64) -> R {
        // Scratch registers, but not those of register variables.
        let regs = &self.regs.volatile;
        let tmp: Vec<u8> = [1u8, 2, 6, 7, 8, 9, 10]
            .into_iter()
            .filter(|r| !regs.iter().any(|v| v.2 == *r))
            .collect();
        let words = (n / 8) as usize;
        let tail = (n % 8) as u32;
        if words + (tail != 0) as usize <= tmp.len() && matches!(tail, 0 | 4 | 2 | 1) {
            // Everything is read before anything is written.
            for w in 0..words {
                self.load_bytes(tmp[w], R11, (w * 8) as i32, 8);
            }
            if tail != 0 {
                self.load_bytes(tmp[words], R11, (words * 8) as i32, tail);
            }
            for w in 0..words {
                self.store_bytes(tmp[w], RAX, (w * 8) as i32, 8);
            }
            if tail != 0 {
                self.store_bytes(tmp[words], RAX, (words * 8) as i32, tail);
            }
            return Ok(());
        }
        a!(self ; mov rdi, rax ; mov rsi, r11 ; mov rdx, QWORD n as i64);
        self.call_c(libc::memmove as *const () as usize);
        Ok(())
    }

    /// Zeroes `n` bytes at [rax]; rax is kept.
    pub(crate) fn zero_mem(&mut self, n: u64) -> R {
        if n <= 64 {
            let mut o = 0i32;
            let mut left = n;
            while left >= 8 {
                a!(self; mov QWORD [rax + o], 0);
                o += 8;
                left -= 8;
            }
            while left > 0 {
                a!(self; mov BYTE [rax + o], 0);
                o += 1;
                left -= 1;
            }
            return Ok(());
        }
        a!(self ; push rax ; mov rdi, rax ; xor esi, esi ; mov rdx, QWORD n as i64);
        self.depth += 1;
        self.call_c(libc::memset as *const () as usize);
        self.pop(RAX);
        Ok(())
    }

    fn static_loc(&self, e: &Expr) -> R<Option<Loc>> {
        Ok(match &e.kind {
            K::Local(o) if self.regs.vars.contains_key(o) => {
                return Err(Refusal(
                    "internal error: a register variable used as memory".into(),
                ))
            }
            K::Local(o) => Some(Loc::Frame(*o as i32)),
            K::Global(id) => match (self.env.global)(*id) {
                0 => return Err(Refusal("uses a thread-local variable".into())),
                a => Some(Loc::Abs(a as u64)),
            },
            K::Member(b, off) => match self.static_loc(b)? {
                Some(Loc::Frame(o)) => Some(Loc::Frame(offset(o as i64 + *off as i64)?)),
                Some(Loc::Abs(a)) => Some(Loc::Abs(a.wrapping_add(*off))),
                None => None,
            },
            _ => None,
        })
    }

    /// A memory operand for a static place: (base register, displacement). Uses r11 for
    /// an absolute address.
    fn mem(&mut self, l: Loc) -> (u8, i32) {
        match l {
            Loc::Frame(o) => (RBX, o),
            Loc::Abs(a) => {
                self.address_to(R11, a as usize);
                (R11, 0)
            }
        }
    }

    /// The address of an lvalue or of an aggregate value, into rax.
    pub(crate) fn addr(&mut self, e: &Expr) -> R {
        if let Some(l) = self.static_loc(e)? {
            match l {
                Loc::Frame(o) => a!(self; lea rax, [rbx + o]),
                Loc::Abs(v) => self.address_to(RAX, v as usize),
            }
            return Ok(());
        }
        match &e.kind {
            K::Deref(p) => self.expr(p),
            K::Member(b, off) => {
                self.addr(b)?;
                self.add_rax(*off as i64);
                Ok(())
            }
            K::BitField(..) => Err(Refusal("address of a bit-field".into())),
            _ => self.expr(e),
        }
    }

    fn add_rax(&mut self, v: i64) {
        if v == 0 {
        } else if v == v as i32 as i64 {
            a!(self; add rax, v as i32);
        } else {
            a!(self ; mov rcx, QWORD v ; add rax, rcx);
        }
    }

    fn add_rax_keep_rcx(&mut self, v: i64) {
        if v == v as i32 as i64 {
            self.add_rax(v);
        } else {
            a!(self ; mov rdx, QWORD v ; add rax, rdx);
        }
    }

    /// An lvalue's memory operand: static, or computed into r11 (with rax kept) after
    /// `before` ran. Evaluation order is the interpreter's: the value first, then the
    /// address.
    fn place_after_value(&mut self, lv: &Expr, r: u8) -> R<(u8, i32)> {
        if let Some(l) = self.static_loc(lv)? {
            return Ok(self.mem(l));
        }
        // Computed in `r` (and r11), which leaves rax alone.
        if self.simple_place(lv) {
            return self.simple_place_to(r, lv);
        }
        self.push_rax();
        self.addr(lv)?;
        a!(self; mov r11, rax);
        self.pop(RAX);
        Ok((R11, 0))
    }

    /// Whether `e` can be computed into one register using only that register (and r11):
    /// a constant, or a scalar read from a variable, a member, or through a pointer that
    /// is itself simple.
    pub(crate) fn simple(&self, e: &Expr) -> bool {
        match &e.kind {
            K::Cast(x) => Self::widening(x, e) && self.simple(x),
            // `p + i`: the index into r11 (so it must not need an index itself).
            K::PtrAdd(p, i, scale) => {
                matches!(scale, 1 | 2 | 4 | 8) && self.simple(p) && self.simple_no_index(i)
            }
            K::Int(_) | K::Float(_) => true,
            K::Load(lv) => {
                !e.ty.is_aggregate() && sk(&e.ty) != Scalar::F80 && self.simple_place(lv)
            }
            // `n - 1`, `2 * v + 1`, `i & 7`: integer arithmetic with a small constant.
            K::Binary { .. } => {
                Self::imm_form(e).is_some_and(|(_, _, x, _)| self.simple(x))
                    || self.reg_sum(e).is_some()
            }
            _ => false,
        }
    }

    /// `x + y` of two integer register variables (at least 32 bits): their registers.
    fn reg_sum(&self, e: &Expr) -> Option<(u8, u8, Scalar)> {
        match &e.kind {
            K::Binary {
                op: BinOp::Add,
                op_ty,
                lhs,
                rhs,
            } if !op_ty.is_float() && op_ty.size() >= 4 => {
                Some((self.gpr_val(lhs)?, self.gpr_val(rhs)?, *op_ty))
            }
            _ => None,
        }
    }

    /// `x op k` (or `k op x` for a commutative op) with an immediate constant `k`, for
    /// integers of at least 32 bits: (op, kind, x, k).
    fn imm_form(e: &Expr) -> Option<(BinOp, Scalar, &Expr, i32)> {
        let K::Binary {
            op,
            op_ty,
            lhs,
            rhs,
        } = &e.kind
        else {
            return None;
        };
        if op_ty.is_float() || op_ty.size() < 4 {
            return None;
        }
        let ok = match op {
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor => true,
            BinOp::Shl => matches!(rhs.kind, K::Int(_)),
            _ => false,
        };
        if !ok {
            return None;
        }
        if let Some(k) = Self::imm_operand(rhs, *op_ty) {
            return Some((*op, *op_ty, lhs, k));
        }
        let commutes = matches!(
            op,
            BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor
        );
        match Self::imm_operand(lhs, *op_ty) {
            Some(k) if commutes => Some((*op, *op_ty, rhs, k)),
            _ => None,
        }
    }

    /// `[b + i * scale] = k`, a store of `size` bytes (scale 1, 2, 4 or 8).
    fn store_imm_indexed(&mut self, b: u8, i: u8, scale: u64, size: usize, k: i32) {
        match (scale, size) {
            (1, 1) => a!(self; mov BYTE [Rq(b) + Rq(i)], k as i8),
            (1, 2) => a!(self; mov WORD [Rq(b) + Rq(i)], k as i16),
            (1, 4) => a!(self; mov DWORD [Rq(b) + Rq(i)], k),
            (1, _) => a!(self; mov QWORD [Rq(b) + Rq(i)], k),
            (2, 1) => a!(self; mov BYTE [Rq(b) + Rq(i) * 2], k as i8),
            (2, 2) => a!(self; mov WORD [Rq(b) + Rq(i) * 2], k as i16),
            (2, 4) => a!(self; mov DWORD [Rq(b) + Rq(i) * 2], k),
            (2, _) => a!(self; mov QWORD [Rq(b) + Rq(i) * 2], k),
            (4, 1) => a!(self; mov BYTE [Rq(b) + Rq(i) * 4], k as i8),
            (4, 2) => a!(self; mov WORD [Rq(b) + Rq(i) * 4], k as i16),
            (4, 4) => a!(self; mov DWORD [Rq(b) + Rq(i) * 4], k),
            (4, _) => a!(self; mov QWORD [Rq(b) + Rq(i) * 4], k),
            (_, 1) => a!(self; mov BYTE [Rq(b) + Rq(i) * 8], k as i8),
            (_, 2) => a!(self; mov WORD [Rq(b) + Rq(i) * 8], k as i16),
            (_, 4) => a!(self; mov DWORD [Rq(b) + Rq(i) * 8], k),
            (_, _) => a!(self; mov QWORD [Rq(b) + Rq(i) * 8], k),
        }
    }

    /// Whether the cast `to` of `x` changes no bits: integers and pointers kept in 64 bits
    /// (extended by their own signedness) already have their value as a 64-bit type.
    fn widening(x: &Expr, to: &Expr) -> bool {
        let int = |t: &Type| t.is_pointer() || (t.is_integer() && t.kind != TypeKind::Bool);
        int(&x.ty) && int(&to.ty) && sk(&to.ty).size() == 8
    }

    /// Simple, without a `p + i` anywhere (computed in one register alone).
    fn simple_no_index(&self, e: &Expr) -> bool {
        fn has_index(e: &Expr) -> bool {
            match &e.kind {
                K::PtrAdd(..) => true,
                K::Load(x) | K::Deref(x) | K::Member(x, _) | K::Cast(x) => has_index(x),
                K::Binary { .. } => Gen::imm_form(e).is_some_and(|(_, _, x, _)| has_index(x)),
                _ => false,
            }
        }
        self.simple(e) && !has_index(e)
    }

    pub(crate) fn simple_place(&self, lv: &Expr) -> bool {
        match &lv.kind {
            K::Local(_) | K::Global(_) => true,
            K::Member(b, off) => *off <= i32::MAX as u64 && self.simple_place(b),
            K::Deref(p) => self.simple(p),
            _ => false,
        }
    }

    /// Evaluates a simple expression (see [`Self::simple`]) into register `r` (rax or rcx).
    pub(crate) fn simple_to(&mut self, r: u8, e: &Expr) -> R {
        self.simple_to_n(r, e, false)
    }

    /// [`Self::simple_to`]; with `low`, a 32-bit result may stay unnormalized.
    pub(crate) fn simple_to_n(&mut self, r: u8, e: &Expr, low: bool) -> R {
        let s = sk(&e.ty);
        match &e.kind {
            K::Cast(x) => self.simple_to(r, x)?,
            K::PtrAdd(p, i, scale) => {
                // Both in registers: one lea.
                let idx = match &i.kind {
                    K::Cast(x) if Self::widening(x, i) => self.gpr_var(x),
                    _ => self.gpr_var(i),
                };
                if let (Some(hp), Some(hi)) = (self.gpr_var(p), idx) {
                    match scale {
                        1 => a!(self; lea Rq(r), [Rq(hp) + Rq(hi)]),
                        2 => a!(self; lea Rq(r), [Rq(hp) + Rq(hi) * 2]),
                        4 => a!(self; lea Rq(r), [Rq(hp) + Rq(hi) * 4]),
                        _ => a!(self; lea Rq(r), [Rq(hp) + Rq(hi) * 8]),
                    }
                    return Ok(());
                }
                self.simple_to(r, p)?;
                self.simple_to(R11, i)?;
                match scale {
                    1 => a!(self; lea Rq(r), [Rq(r) + r11]),
                    2 => a!(self; lea Rq(r), [Rq(r) + r11 * 2]),
                    4 => a!(self; lea Rq(r), [Rq(r) + r11 * 4]),
                    _ => a!(self; lea Rq(r), [Rq(r) + r11 * 8]),
                }
            }
            K::Binary { .. } if self.reg_sum(e).is_some() => {
                let (a, b, op_ty) = self.reg_sum(e).expect("checked");
                a!(self; lea Rq(r), [Rq(a) + Rq(b)]);
                if !(low && op_ty.size() == 4) {
                    self.normalize_reg(r, op_ty);
                }
            }
            K::Binary { .. } => {
                let (op, op_ty, x, k) = Self::imm_form(e).expect("simple operand has a constant");
                let norm = !(low && op_ty.size() == 4);
                let k2 = match op {
                    BinOp::Add => Some(k),
                    BinOp::Sub => k.checked_neg(),
                    _ => None,
                };
                match (self.gpr_var(x), k2, op) {
                    // A register variable plus a constant: one lea.
                    (Some(h), Some(k2), _) => a!(self; lea Rq(r), [Rq(h) + k2]),
                    (Some(h), _, BinOp::Mul) => a!(self; imul Rq(r), Rq(h), k),
                    _ => {
                        self.simple_to_n(r, x, low && op_ty.size() == 4)?;
                        let n = (k as u32 & if op_ty.size() == 8 { 63 } else { 31 }) as i8;
                        match op {
                            BinOp::Add => a!(self; add Rq(r), k),
                            BinOp::Sub => a!(self; sub Rq(r), k),
                            BinOp::Mul => a!(self; imul Rq(r), Rq(r), k),
                            BinOp::And => a!(self; and Rq(r), k),
                            BinOp::Or => a!(self; or Rq(r), k),
                            BinOp::Xor => a!(self; xor Rq(r), k),
                            _ if op_ty.size() == 8 => a!(self; shl Rq(r), n),
                            _ => a!(self; shl Rd(r), n),
                        }
                    }
                }
                if norm {
                    self.normalize_reg(r, op_ty);
                }
            }
            K::Int(v) => self.mov_imm(r, s.normalize(*v as u64)),
            K::Float(f) => self.mov_imm(r, float_bits(*f, s)),
            K::Load(lv) => {
                if let Some(v) = self.regs.get(lv) {
                    self.home_to(r, v);
                    return Ok(());
                }
                let (b, d) = self.simple_place_to(r, lv)?;
                self.load_to(r, s, b, d);
            }
            _ => unreachable!("not a simple operand"),
        }
        Ok(())
    }

    /// A simple place's memory operand, computing a pointer into `r` if needed.
    pub(crate) fn simple_place_to(&mut self, r: u8, lv: &Expr) -> R<(u8, i32)> {
        if let Some(l) = self.static_loc(lv)? {
            return Ok(self.mem(l));
        }
        match &lv.kind {
            K::Member(b, off) => {
                let (base, d) = self.simple_place_to(r, b)?;
                Ok((base, offset(d as i64 + *off as i64)?))
            }
            K::Deref(p) => {
                // A pointer in a register variable is the base itself.
                if let Some(h) = self.gpr_val(p) {
                    return Ok((h, 0));
                }
                self.simple_to(r, p)?;
                Ok((r, 0))
            }
            _ => unreachable!("not a simple place"),
        }
    }

    /// Whether evaluating `e` has no effect and cannot trap (so another operand may be
    /// read after it instead of before).
    fn pure(e: &Expr) -> bool {
        match &e.kind {
            K::Int(_) | K::Float(_) | K::Local(_) | K::Global(_) | K::FuncAddr(_) => true,
            K::Load(x) | K::AddrOf(x) | K::Member(x, _) | K::Deref(x) | K::Unary(_, x) => {
                Self::pure(x)
            }
            K::Cast(x) => Self::pure(x),
            K::Binary { op, lhs, rhs, .. } => {
                !matches!(op, BinOp::Div | BinOp::Rem) && Self::pure(lhs) && Self::pure(rhs)
            }
            K::PtrAdd(a, b, _) | K::PtrDiff(a, b, _) | K::LogAnd(a, b) | K::LogOr(a, b) => {
                Self::pure(a) && Self::pure(b)
            }
            K::Cond(c, a, b) => Self::pure(c) && Self::pure(a) && Self::pure(b),
            _ => false,
        }
    }

    /// Evaluates `lhs` into rax and `rhs` into rcx, in the interpreter's order (left
    /// first) as far as anyone can tell.
    fn operands(&mut self, lhs: &Expr, rhs: &Expr, commutes: bool) -> R {
        self.operands_n(lhs, rhs, commutes, false)
    }

    /// [`Self::operands`]; with `low`, computed operands may come unnormalized.
    fn operands_n(&mut self, lhs: &Expr, rhs: &Expr, commutes: bool, low: bool) -> R {
        if self.simple(rhs) {
            self.low = low;
            self.expr(lhs)?;
            return self.simple_to_n(RCX, rhs, low);
        }
        // A comparison of registers reads no memory and uses rcx alone.
        if let Some(c) = self.reg_compare(rhs) {
            self.low = low;
            self.expr(lhs)?;
            self.reg_compare_to(RCX, c);
            return Ok(());
        }
        // A constant reads no memory: it may always come second.
        if self.simple(lhs) && (Self::pure(rhs) || matches!(lhs.kind, K::Int(_) | K::Float(_))) {
            self.low = low;
            self.expr(rhs)?;
            a!(self; mov rcx, rax);
            return self.simple_to(RAX, lhs);
        }
        self.low = low;
        self.expr(lhs)?;
        self.push_rax();
        self.low = low;
        self.expr(rhs)?;
        if commutes {
            // lhs op rhs = rhs op lhs: the left one straight into rcx.
            self.pop(RCX);
        } else {
            a!(self; mov rcx, rax);
            self.pop(RAX);
        }
        Ok(())
    }

    /// A constant right operand that fits an instruction's 32-bit immediate.
    pub(crate) fn imm_operand(rhs: &Expr, s: Scalar) -> Option<i32> {
        if s.is_float() {
            return None;
        }
        match rhs.kind {
            K::Int(v) => {
                let v = s.normalize(v as u64) as i64;
                (v == v as i32 as i64).then_some(v as i32)
            }
            _ => None,
        }
    }

    /// rax = rax op k, if there is an immediate form (normalized if `norm`); false
    /// otherwise (nothing emitted).
    fn binop_imm(&mut self, op: BinOp, s: Scalar, k: i32, norm: bool) -> bool {
        let wide = s.size() == 8;
        match op {
            BinOp::Add => a!(self; add rax, k),
            BinOp::Sub => a!(self; sub rax, k),
            BinOp::Mul => a!(self; imul rax, rax, k),
            BinOp::And => a!(self; and rax, k),
            BinOp::Or => a!(self; or rax, k),
            BinOp::Xor => a!(self; xor rax, k),
            BinOp::Shl | BinOp::Shr if s.size() >= 4 => {
                let n = (k as u32 & if wide { 63 } else { 31 }) as i8;
                match (op, wide, s.is_signed()) {
                    (BinOp::Shl, true, _) => a!(self; shl rax, n),
                    (BinOp::Shl, false, _) => a!(self; shl eax, n),
                    (_, true, true) => a!(self; sar rax, n),
                    (_, true, false) => a!(self; shr rax, n),
                    (_, false, true) => a!(self; sar eax, n),
                    (_, false, false) => a!(self; shr eax, n),
                }
            }
            _ => return false,
        }
        if norm {
            self.normalize(s);
        }
        true
    }

    /// Whether a 32-bit integer operation `op` of kind `s` reads only the low 32 bits of
    /// its operands (so they may come unnormalized; see [`Gen::low`]).
    fn reads_low(op: BinOp, s: Scalar) -> bool {
        s.size() == 4
            && !s.is_float()
            && matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::And
                    | BinOp::Or
                    | BinOp::Xor
                    | BinOp::Shl
                    | BinOp::Shr
            )
    }

    /// Evaluates `e` into rax where only the low 32 bits are wanted.
    pub(crate) fn expr_low(&mut self, e: &Expr) -> R {
        self.low = true;
        let r = self.expr(e);
        self.low = false;
        r
    }

    pub(crate) fn expr(&mut self, e: &Expr) -> R {
        // Only for this expression, not its operands.
        let low = std::mem::take(&mut self.low);
        if e.ty.kind == TypeKind::LongDouble {
            return Err(Refusal("uses long double".into()));
        }
        match &e.kind {
            K::Int(v) => {
                let v = sk(&e.ty).normalize(*v as u64);
                self.mov_imm(RAX, v);
            }
            K::Float(f) => {
                let v = float_bits(*f, sk(&e.ty));
                self.mov_imm(RAX, v);
            }
            K::Local(_) | K::Global(_) | K::Member(..) | K::Deref(_) => self.addr(e)?,
            K::BitField(..) => return Err(Refusal("address of a bit-field".into())),
            K::FuncAddr(id) => {
                let a = (self.env.callee)(*id).stable;
                if a == 0 {
                    return Err(Refusal(
                        "takes the address of a function not defined yet".into(),
                    ));
                }
                self.mov_imm(RAX, a as u64);
            }
            K::Load(lv) => self.load(e, lv)?,
            K::AddrOf(lv) => self.addr(lv)?,
            K::Unary(op, x) => {
                let s = sk(&x.ty);
                no_f80(s)?;
                match op {
                    UnOp::LogNot => self.cond_value(e)?,
                    UnOp::Neg => {
                        self.expr(x)?;
                        match s {
                            Scalar::F64 => a!(self; btc rax, 63),
                            Scalar::F32 => a!(self; btc eax, 31),
                            _ => {
                                a!(self; neg rax);
                                self.normalize(s);
                            }
                        }
                    }
                    UnOp::BitNot => {
                        self.expr(x)?;
                        a!(self; not rax);
                        self.normalize(s);
                    }
                }
            }
            K::Binary {
                op,
                op_ty,
                lhs,
                rhs,
            } => {
                no_f80(*op_ty)?;
                if let Some(c) = self.reg_compare(e) {
                    self.reg_compare_to(RAX, c);
                    return Ok(());
                }
                if let (BinOp::Div | BinOp::Rem, Some(k)) = (op, Self::imm_operand(rhs, *op_ty)) {
                    if k != 0 && k != -1 && op_ty.size() >= 4 {
                        // By a power of two in 32 bits: from eax alone.
                        if op_ty.size() == 4 && k > 1 && (k as u32).is_power_of_two() {
                            self.expr_low(lhs)?;
                        } else {
                            self.expr(lhs)?;
                        }
                        return self.div_const(*op == BinOp::Rem, *op_ty, k, low);
                    }
                }
                // 32-bit arithmetic reads and writes eax: operands may come
                // unnormalized, and the result too where the consumer reads eax only.
                let lowop = Self::reads_low(*op, *op_ty);
                let norm = !(low && lowop);
                // A commutative operation with the constant on the left: the other
                // operand first, then the constant as an immediate.
                let commutes = matches!(
                    op,
                    BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor
                );
                let (lhs, rhs) = if commutes
                    && Self::imm_operand(lhs, *op_ty).is_some()
                    && Self::imm_operand(rhs, *op_ty).is_none()
                {
                    (rhs, lhs)
                } else {
                    (lhs, rhs)
                };
                if let Some(k) = Self::imm_operand(rhs, *op_ty) {
                    if !op.is_comparison() && !matches!(op, BinOp::Div | BinOp::Rem) {
                        self.low = lowop;
                        self.expr(lhs)?;
                        if self.binop_imm(*op, *op_ty, k, norm) {
                            return Ok(());
                        }
                        self.mov_imm(RCX, op_ty.normalize(k as i64 as u64));
                        return self.binop_n(*op, *op_ty, norm);
                    }
                }
                if let Some(h) = self.gpr_var(rhs) {
                    if matches!(
                        op,
                        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor
                    ) && !op_ty.is_float()
                    {
                        // A register variable on the right: its register is the operand.
                        self.low = lowop;
                        self.expr(lhs)?;
                        match op {
                            BinOp::Add => a!(self; add rax, Rq(h)),
                            BinOp::Sub => a!(self; sub rax, Rq(h)),
                            BinOp::Mul => a!(self; imul rax, Rq(h)),
                            BinOp::And => a!(self; and rax, Rq(h)),
                            BinOp::Or => a!(self; or rax, Rq(h)),
                            _ => a!(self; xor rax, Rq(h)),
                        }
                        if norm {
                            self.normalize(*op_ty);
                        }
                        return Ok(());
                    }
                }
                if op_ty.is_float()
                    && matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div)
                {
                    self.fexpr(e)?;
                    self.xmm0_to_rax(*op_ty);
                    return Ok(());
                }
                let commutes = matches!(
                    op,
                    BinOp::Add | BinOp::Mul | BinOp::And | BinOp::Or | BinOp::Xor
                );
                self.operands_n(lhs, rhs, commutes, lowop)?;
                self.binop_n(*op, *op_ty, norm)?;
            }
            K::PtrAdd(p, i, scale) => {
                if let K::Int(k) = i.kind {
                    self.expr(p)?;
                    self.add_rax((k as u64).wrapping_mul(*scale) as i64);
                    return Ok(());
                }
                self.operands(p, i, false)?;
                self.scale_rcx(*scale);
                a!(self; add rax, rcx);
            }
            K::PtrDiff(x, y, scale) => {
                self.operands(x, y, false)?;
                a!(self; sub rax, rcx);
                let scale = (*scale).max(1) as i64;
                if scale != 1 {
                    a!(self ; mov rcx, QWORD scale ; cqo ; idiv rcx);
                }
            }
            K::LogAnd(..) | K::LogOr(..) => self.cond_value(e)?,
            K::Cond(c, x, y) => {
                let (else_l, end) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
                self.cond(c, false, else_l)?;
                self.expr(x)?;
                a!(self; jmp =>end);
                self.ops.dynamic_label(else_l);
                self.expr(y)?;
                self.ops.dynamic_label(end);
            }
            K::Comma(x, y) => {
                self.expr(x)?;
                self.expr(y)?;
            }
            K::Cast(x) => {
                let (fs, ts) = (sk(&x.ty), sk(&e.ty));
                if fs.is_float() && !e.ty.is_void() {
                    no_f80(fs)?;
                    no_f80(ts)?;
                    if e.ty.kind != TypeKind::Bool {
                        // From xmm0, without a round trip through rax.
                        self.fexpr(x)?;
                        if ts.is_float() {
                            self.fconvert(fs, ts);
                            self.xmm0_to_rax(ts);
                        } else {
                            self.xmm0_to_int(fs, ts, fs == Scalar::F64 && ts == Scalar::I32);
                        }
                        return Ok(());
                    }
                }
                // An integer cast to 32 bits or fewer normalizes from eax (or less).
                let int = |t: &Type| t.is_integer() && t.kind != TypeKind::Bool;
                if int(&x.ty) && int(&e.ty) && ts.size() <= 4 {
                    self.expr_low(x)?;
                } else {
                    self.expr(x)?;
                }
                self.cast(&x.ty, &e.ty)?;
            }
            K::Assign(lv, rhs) => self.assign(e, lv, rhs)?,
            K::OpAssign { op_ty, .. } if self.float_native(e) => {
                self.fexpr(e)?;
                self.xmm0_to_rax(*op_ty);
            }
            K::OpAssign { op, op_ty, lv, rhs } => self.op_assign(*op, *op_ty, lv, rhs)?,
            K::PtrOpAssign {
                lv,
                rhs,
                scale,
                sub,
            } => {
                self.expr(rhs)?;
                a!(self; mov rcx, rax);
                self.scale_rcx(*scale);
                a!(self; mov rax, rcx);
                if let Some(v) = self.regs.get(lv) {
                    self.home_to(RCX, v);
                    if *sub {
                        a!(self ; sub rcx, rax ; mov rax, rcx);
                    } else {
                        a!(self; add rax, rcx);
                    }
                    self.to_home(v, RAX);
                    return Ok(());
                }
                let (b, d) = self.place_after_value(lv, RSI)?;
                a!(self; mov rcx, rax);
                self.load_to(RAX, Scalar::U64, b, d);
                if *sub {
                    a!(self; sub rax, rcx);
                } else {
                    a!(self; add rax, rcx);
                }
                self.store_from(RAX, Scalar::U64, b, d);
            }
            K::IncDec {
                lv,
                inc,
                post,
                scale,
            } => self.inc_dec(lv, *inc, *post, *scale)?,
            K::Call(c) => self.call(c, false)?,
            K::Seq(s, x) => {
                self.in_seq += 1;
                self.stmt(s)?;
                self.in_seq -= 1;
                self.expr(x)?;
            }
            K::VaCopy(d, s) => {
                self.expr(d)?;
                self.push_rax();
                self.expr(s)?;
                a!(self; mov r11, rax);
                self.pop(RAX);
                self.copy_mem(24)?;
                a!(self; xor eax, eax);
            }
            K::LongJmp(env, v) => {
                self.expr(env)?;
                self.push_rax();
                self.expr(v)?;
                a!(self; mov esi, eax);
                self.pop(super::RDI);
                self.call_c(self.env.longjmp);
                let l = self.exit_to(self.unwind, 0);
                a!(self; jmp =>l);
            }
            K::LongDouble(_) => return Err(Refusal("uses long double".into())),
            K::VaStart(ap, slot) => {
                // The list this call's entry (or the interpreter) described the variadic
                // arguments with, copied into `ap`.
                self.expr(ap)?;
                a!(self; mov r11, [rbx + *slot as i32]);
                for k in 0..3 {
                    a!(self ; mov rcx, [r11 + 8 * k] ; mov [rax + 8 * k], rcx);
                }
                a!(self; xor eax, eax);
            }
            K::VaArg(ap) => {
                if e.ty.is_aggregate() || e.ty.kind == TypeKind::LongDouble {
                    return Err(Refusal("uses va_arg of a struct or long double".into()));
                }
                self.expr(ap)?;
                self.va_arg(sk(&e.ty))?;
            }
            K::SetJmp(..) => return Err(Refusal("calls setjmp".into())),
            K::Alloca(_) => return Err(Refusal("declares a variable-length array".into())),
            K::FrameBase => {
                return Err(Refusal(
                    "defines a nested function (its locals are reached through the frame)".into(),
                ))
            }
        }
        Ok(())
    }

    /// Evaluates `e` for its effects only (a statement, a `for` step): increments and
    /// compound assignments of integer variables then work on memory directly.
    pub(crate) fn effect(&mut self, e: &Expr) -> R {
        match &e.kind {
            K::IncDec { lv, inc, scale, .. } if lv.ty.is_integer() || lv.ty.is_pointer() => {
                let s = sk(&lv.ty);
                if let (
                    Some(RegVar {
                        home: Home::Gpr(h), ..
                    }),
                    true,
                ) = (self.regs.get(lv), *scale <= i32::MAX as u64)
                {
                    let k = if *inc {
                        *scale as i32
                    } else {
                        -(*scale as i32)
                    };
                    a!(self; add Rq(h), k);
                    self.normalize_reg(h, s);
                    return Ok(());
                }
                if lv.ty.kind != TypeKind::Bool && *scale <= i32::MAX as u64 {
                    if let Some(l) = self.static_loc(lv)? {
                        let (b, d) = self.mem(l);
                        let k = if *inc {
                            *scale as i32
                        } else {
                            -(*scale as i32)
                        };
                        // A load, an add and a store rather than `add [mem], k`: memory
                        // renaming on this project's machine (AMD EPYC) forwards the
                        // separate store to the next load at once, which a
                        // read-modify-write with a displacement does not get (a loop
                        // counting in memory: 1 cycle per iteration against 2).
                        match s.size() {
                            1 => {
                                a!(self ; movzx eax, BYTE [Rq(b) + d] ; add eax, k ; mov BYTE [Rq(b) + d], al)
                            }
                            2 => {
                                a!(self ; movzx eax, WORD [Rq(b) + d] ; add eax, k ; mov WORD [Rq(b) + d], ax)
                            }
                            4 => {
                                a!(self ; mov eax, DWORD [Rq(b) + d] ; add eax, k ; mov DWORD [Rq(b) + d], eax)
                            }
                            _ => {
                                a!(self ; mov rax, QWORD [Rq(b) + d] ; add rax, k ; mov QWORD [Rq(b) + d], rax)
                            }
                        }
                        return Ok(());
                    }
                }
                self.expr(e)
            }
            K::OpAssign { op, op_ty, lv, rhs }
                if sk(&lv.ty) == *op_ty
                    && lv.ty.is_integer()
                    && lv.ty.kind != TypeKind::Bool
                    && op_ty.size() >= 4
                    && matches!(
                        op,
                        BinOp::Add | BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor
                    ) =>
            {
                if let Some(RegVar {
                    home: Home::Gpr(h),
                    s,
                }) = self.regs.get(lv)
                {
                    // Another register variable or a constant: straight from there.
                    let k = Self::imm_operand(rhs, *op_ty);
                    if let Some(r) = self.gpr_val(rhs) {
                        match op {
                            BinOp::Add => a!(self; add Rq(h), Rq(r)),
                            BinOp::Sub => a!(self; sub Rq(h), Rq(r)),
                            BinOp::And => a!(self; and Rq(h), Rq(r)),
                            BinOp::Or => a!(self; or Rq(h), Rq(r)),
                            _ => a!(self; xor Rq(h), Rq(r)),
                        }
                        self.normalize_reg(h, s);
                        return Ok(());
                    }
                    if let Some(k) = k {
                        match op {
                            BinOp::Add => a!(self; add Rq(h), k),
                            BinOp::Sub => a!(self; sub Rq(h), k),
                            BinOp::And => a!(self; and Rq(h), k),
                            BinOp::Or => a!(self; or Rq(h), k),
                            _ => a!(self; xor Rq(h), k),
                        }
                        self.normalize_reg(h, s);
                        return Ok(());
                    }
                    // The register is normalized afterwards: a 32-bit operand may come
                    // unnormalized.
                    if op_ty.size() == 4 {
                        self.expr_low(rhs)?;
                    } else {
                        self.expr(rhs)?;
                    }
                    match op {
                        BinOp::Add => a!(self; add Rq(h), rax),
                        BinOp::Sub => a!(self; sub Rq(h), rax),
                        BinOp::And => a!(self; and Rq(h), rax),
                        BinOp::Or => a!(self; or Rq(h), rax),
                        _ => a!(self; xor Rq(h), rax),
                    }
                    self.normalize_reg(h, s);
                    return Ok(());
                }
                let Some(l) = self.static_loc(lv)? else {
                    return self.expr(e);
                };
                self.expr(rhs)?;
                let (b, d) = self.mem(l);
                // Load, operate, store (see the increments above).
                if op_ty.size() == 8 {
                    a!(self; mov rcx, QWORD [Rq(b) + d]);
                } else {
                    a!(self; mov ecx, DWORD [Rq(b) + d]);
                }
                match op {
                    BinOp::Add => a!(self; add rax, rcx),
                    BinOp::Sub => a!(self ; sub rcx, rax ; mov rax, rcx),
                    BinOp::And => a!(self; and rax, rcx),
                    BinOp::Or => a!(self; or rax, rcx),
                    _ => a!(self; xor rax, rcx),
                }
                if op_ty.size() == 8 {
                    a!(self; mov QWORD [Rq(b) + d], rax);
                } else {
                    a!(self; mov DWORD [Rq(b) + d], eax);
                }
                Ok(())
            }
            K::Assign(..) | K::OpAssign { .. } if self.float_native(e) => {
                self.discard = true;
                let r = self.fexpr(e);
                self.discard = false;
                r
            }
            // `place = constant`: the constant straight to memory.
            K::Assign(lv, rhs)
                if !e.ty.is_aggregate()
                    && (e.ty.is_integer() || e.ty.is_pointer())
                    && e.ty.kind != TypeKind::Bool
                    && self.regs.get(lv).is_none()
                    && self.simple_place(lv)
                    && Self::imm_operand(rhs, sk(&e.ty)).is_some() =>
            {
                let s = sk(&e.ty);
                let k = Self::imm_operand(rhs, s).expect("checked");
                // `p[i] = k` with p and i in registers: one store.
                if let K::Deref(p) = &lv.kind {
                    if let K::PtrAdd(base, i, scale @ (1 | 2 | 4 | 8)) = &p.kind {
                        if let (Some(hb), Some(hi)) = (self.gpr_val(base), self.gpr_val(i)) {
                            self.store_imm_indexed(hb, hi, *scale, s.size() as usize, k);
                            return Ok(());
                        }
                    }
                }
                let (b, d) = self.simple_place_to(RCX, lv)?;
                match s.size() {
                    1 => a!(self; mov BYTE [Rq(b) + d], k as i8),
                    2 => a!(self; mov WORD [Rq(b) + d], k as i16),
                    4 => a!(self; mov DWORD [Rq(b) + d], k),
                    _ => a!(self; mov QWORD [Rq(b) + d], k),
                }
                Ok(())
            }
            // A store of 32 bits or fewer (its value unused) reads eax only.
            K::Assign(lv, rhs)
                if e.ty.is_integer()
                    && e.ty.kind != TypeKind::Bool
                    && sk(&e.ty).size() <= 4
                    && self.regs.get(lv).is_none()
                    && !matches!(lv.kind, K::BitField(..)) =>
            {
                self.expr_low(rhs)?;
                let (b, d) = self.place_after_value(lv, RCX)?;
                self.store_from(RAX, sk(&e.ty), b, d);
                Ok(())
            }
            K::Cast(x) if e.ty.is_void() => self.effect(x),
            K::Comma(x, y) => {
                self.effect(x)?;
                self.effect(y)
            }
            _ => self.expr(e),
        }
    }

    /// rax = rax / k or rax % k for a constant k other than 0 and -1 (no checks needed);
    /// powers of two with shifts, as gcc does even at -O0.
    fn div_const(&mut self, rem: bool, s: Scalar, k: i32, low: bool) -> R {
        let signed = s.is_signed();
        let pow2 = k > 0 && (k as u32).is_power_of_two();
        if pow2 && k > 1 && s.size() == 4 {
            // In 32 bits (the dividend may come unnormalized, see `Gen::low`).
            let sh = (k as u32).trailing_zeros() as i8;
            if signed {
                a!(self ; mov ecx, eax ; sar ecx, 31 ; shr ecx, 32 - sh);
                if rem {
                    a!(self ; lea edx, [rax + rcx] ; and edx, -k ; sub eax, edx);
                } else {
                    a!(self ; add eax, ecx ; sar eax, sh);
                }
            } else if rem {
                a!(self; and eax, k - 1);
            } else {
                a!(self; shr eax, sh);
            }
            // For a consumer of eax alone, eax is the result.
            if low {
                return Ok(());
            }
        } else if pow2 && k > 1 {
            let sh = (k as u32).trailing_zeros() as i8;
            if signed {
                // Round toward zero: add k - 1 to negative dividends first.
                a!(self ; mov rcx, rax ; sar rcx, 63 ; shr rcx, 64 - sh);
                if rem {
                    a!(self ; lea rdx, [rax + rcx] ; and rdx, -k ; sub rax, rdx);
                } else {
                    a!(self ; add rax, rcx ; sar rax, sh);
                }
            } else if rem {
                a!(self; and rax, k - 1);
            } else {
                a!(self; shr rax, sh);
            }
        } else if k == 1 {
            if rem {
                a!(self; xor eax, eax);
            }
        } else if k > 2 {
            self.div_magic(rem, s, k as u64);
            return Ok(());
        } else {
            self.mov_imm(RCX, s.normalize(k as i64 as u64));
            match (signed, s.size() == 8) {
                (true, true) => a!(self ; cqo ; idiv rcx),
                (true, false) => a!(self ; cdq ; idiv ecx),
                (false, true) => a!(self ; xor edx, edx ; div rcx),
                (false, false) => a!(self ; xor edx, edx ; div ecx),
            }
            if rem {
                a!(self; mov rax, rdx);
            }
        }
        self.normalize(s);
        Ok(())
    }

    /// rax = rax / d or rax % d for a constant d >= 3, not a power of two: a multiplication
    /// by a "magic" reciprocal and shifts, as compilers do even without optimization
    /// (Granlund and Montgomery, "Division by invariant integers using multiplication",
    /// 1994: figure 5.2 for signed, 4.1 for unsigned 64-bit). Uses rcx, rdx, r11.
    fn div_magic(&mut self, rem: bool, s: Scalar, d: u64) {
        // l = ceil(log2 d): 2^(l-1) < d < 2^l.
        let l = 64 - (d - 1).leading_zeros();
        let d128 = d as u128;
        a!(self; mov r11, rax);
        match (s.is_signed(), s.size() == 8) {
            (true, false) => {
                // m < 2^32 and |n| <= 2^31: n * m fits in 63 bits.
                let m = 1 + (1u128 << (31 + l)) / d128;
                self.mov_imm(RCX, m as u64);
                a!(self
                    ; imul rax, rcx
                    ; sar rax, (31 + l) as i8
                    ; mov rcx, r11 ; shr rcx, 63 ; add rax, rcx
                );
            }
            (true, true) => {
                // m - 2^64, as a signed multiplier: rdx = the high half of n * (m - 2^64).
                let m = (1 + (1u128 << (63 + l)) / d128) as u64;
                a!(self
                    ; mov rcx, QWORD m as i64 ; imul rcx
                    ; add rdx, r11 ; sar rdx, (l - 1) as i8
                    ; mov rax, r11 ; shr rax, 63 ; add rax, rdx
                );
            }
            (false, false) => {
                // n < 2^32: the high half of n * ceil(2^64 / d) is exact.
                let m = ((1u128 << 64) + d128 - 1) / d128;
                a!(self ; mov rcx, QWORD m as u64 as i64 ; mul rcx ; mov rax, rdx);
            }
            (false, true) => {
                let m = ((1u128 << 64) * ((1u128 << l) - d128) / d128 + 1) as u64;
                a!(self
                    ; mov rcx, QWORD m as i64 ; mul rcx
                    ; mov rax, r11 ; sub rax, rdx ; shr rax, 1 ; add rax, rdx
                );
                if l > 1 {
                    a!(self; shr rax, (l - 1) as i8);
                }
            }
        }
        if rem {
            a!(self ; imul rax, rax, d as i32 ; sub r11, rax ; mov rax, r11);
        }
        self.normalize(s);
    }

    /// rcx *= scale.
    fn scale_rcx(&mut self, scale: u64) {
        if scale == 1 {
        } else if scale.is_power_of_two() {
            a!(self; shl rcx, scale.trailing_zeros() as i8);
        } else if scale <= i32::MAX as u64 {
            a!(self; imul rcx, rcx, scale as i32);
        } else {
            a!(self ; mov rdx, QWORD scale as i64 ; imul rcx, rdx);
        }
    }

    fn load(&mut self, e: &Expr, lv: &Expr) -> R {
        if let K::BitField(unit, bit, width) = &lv.kind {
            self.addr(unit)?;
            self.load_field(sk(&unit.ty), *bit, *width, sk(&e.ty).is_signed());
            return Ok(());
        }
        if e.ty.is_aggregate() {
            return self.addr(lv);
        }
        let s = sk(&e.ty);
        no_f80(s)?;
        if let Some(v) = self.regs.get(lv) {
            self.home_to(RAX, v);
            return Ok(());
        }
        let (b, d) = if self.simple_place(lv) {
            self.simple_place_to(RAX, lv)?
        } else {
            self.addr(lv)?;
            (RAX, 0)
        };
        self.load_to(RAX, s, b, d);
        Ok(())
    }

    /// rax = the bit-field at `bit`, `width` of the storage unit at [rax]: its unit, and
    /// for a packed field that spans nine bytes (`ir::bits`) the byte after it. Uses r10.
    fn load_field(&mut self, us: Scalar, bit: u32, width: u32, signed: bool) {
        if bit + width <= 64 {
            self.load_to(RAX, us, RAX, 0);
            self.extract(bit, width, signed);
            return;
        }
        a!(self
            ; movzx r10d, BYTE [rax + 8]
            ; mov rax, [rax]
            ; shr rax, bit as i8
            ; shl r10, (64 - bit) as i8
            ; or rax, r10
        );
        self.extract(0, width, signed);
    }

    /// rax = the bit-field at `bit`, `width` of the storage unit's bits in rax.
    fn extract(&mut self, bit: u32, width: u32, signed: bool) {
        let up = (64 - bit - width) as i8;
        let down = (64 - width) as i8;
        if up > 0 {
            a!(self; shl rax, up);
        }
        if down > 0 {
            if signed {
                a!(self; sar rax, down);
            } else {
                a!(self; shr rax, down);
            }
        } else if bit > 0 {
            a!(self; shr rax, bit as i8);
        }
    }

    /// Inserts rax into the bit-field of the storage unit at [r11]; rax becomes the
    /// value as read back. Uses rcx, rdx, r10.
    fn insert(&mut self, us: Scalar, bit: u32, width: u32, signed: bool) {
        if bit + width > 64 {
            // A packed nine-byte field: bits `bit`.. of the 8-byte unit, then the low
            // `high` bits of the byte after it.
            let high = bit + width - 64;
            let keep = (1u64 << bit) - 1;
            self.mov_imm(RDX, keep);
            a!(self
                ; mov r10, [r11]
                ; and r10, rdx
                ; mov rcx, rax
                ; shl rcx, bit as i8
                ; or r10, rcx
                ; mov [r11], r10
                ; mov rcx, rax
                ; shr rcx, (64 - bit) as i8
                ; and ecx, ((1u32 << high) - 1) as i32
                ; movzx r10d, BYTE [r11 + 8]
                ; and r10d, !((1u32 << high) - 1) as i32
                ; or r10d, ecx
                ; mov [r11 + 8], r10b
            );
            self.extract(0, width, signed);
            return;
        }
        let mask: u64 = if width >= 64 {
            u64::MAX
        } else {
            (1u64 << width) - 1
        };
        self.mov_imm(RDX, mask);
        a!(self ; mov rcx, rax ; and rcx, rdx);
        if bit > 0 {
            a!(self; shl rcx, bit as i8);
        }
        self.load_to(R10, us, R11, 0);
        self.mov_imm(RDX, !(mask << bit));
        a!(self ; and r10, rdx ; or r10, rcx);
        self.store_from(R10, us, R11, 0);
        let sh = (64 - width) as i8;
        if sh > 0 {
            a!(self; shl rax, sh);
            if signed {
                a!(self; sar rax, sh);
            } else {
                a!(self; shr rax, sh);
            }
        }
    }

    fn assign(&mut self, e: &Expr, lv: &Expr, rhs: &Expr) -> R {
        if self.float_native(e) {
            self.fexpr(e)?;
            self.xmm0_to_rax(sk(&e.ty));
            return Ok(());
        }
        if let Some(v) = self.regs.get(lv) {
            // Straight into its register: a simple value without an index is computed
            // in its destination alone, reading every register before writing it.
            if let (Home::Gpr(h), true) = (v.home, self.simple_no_index(rhs)) {
                self.simple_to(h, rhs)?;
                a!(self; mov rax, Rq(h));
                return Ok(());
            }
            self.expr(rhs)?;
            self.to_home(v, RAX);
            return Ok(());
        }
        self.expr(rhs)?;
        if let K::BitField(unit, bit, width) = &lv.kind {
            self.push_rax();
            self.addr(unit)?;
            a!(self; mov r11, rax);
            self.pop(RAX);
            self.insert(sk(&unit.ty), *bit, *width, sk(&e.ty).is_signed());
            return Ok(());
        }
        if e.ty.is_aggregate() {
            let size = self.env.types.size_of(&e.ty);
            self.push_rax();
            self.addr(lv)?;
            self.pop(R11);
            return self.copy_mem(size);
        }
        let s = sk(&e.ty);
        no_f80(s)?;
        let (b, d) = self.place_after_value(lv, RCX)?;
        self.store_from(RAX, s, b, d);
        Ok(())
    }

    fn op_assign(&mut self, op: BinOp, ot: Scalar, lv: &Expr, rhs: &Expr) -> R {
        let ls = sk(&lv.ty);
        no_f80(ls)?;
        no_f80(ot)?;
        let bitfield = matches!(lv.kind, K::BitField(..));
        if let Some(v) = self.regs.get(lv) {
            self.expr(rhs)?;
            if ls == ot {
                a!(self; mov rcx, rax);
                self.home_to(RAX, v);
                self.binop(op, ot)?;
            } else {
                self.push_rax();
                self.home_to(RAX, v);
                self.convert(ls, ot, false)?;
                self.pop(RCX);
                self.binop(op, ot)?;
                self.convert(ot, ls, false)?;
            }
            self.to_home(v, RAX);
            return Ok(());
        }
        self.expr(rhs)?;
        if !bitfield && ls == ot && lv.ty.kind != TypeKind::Bool {
            let (b, d) = self.place_after_value(lv, RSI)?;
            a!(self; mov rcx, rax);
            self.load_to(RAX, ls, b, d);
            self.binop(op, ot)?;
            self.store_from(RAX, ls, b, d);
            return Ok(());
        }
        // General case: the value and the address stay on the stack across conversions
        // (whose slow paths call out).
        self.push_rax();
        match &lv.kind {
            K::BitField(unit, ..) => self.addr(unit)?,
            _ => self.addr(lv)?,
        }
        self.push_rax();
        a!(self; mov r11, [rsp]);
        let field = match &lv.kind {
            K::BitField(unit, bit, width) => {
                let us = sk(&unit.ty);
                a!(self; mov rax, r11);
                self.load_field(us, *bit, *width, ls.is_signed());
                Some((us, *bit, *width))
            }
            _ => {
                self.load_to(RAX, ls, R11, 0);
                None
            }
        };
        self.convert(ls, ot, false)?;
        a!(self; mov rcx, [rsp + 8]);
        self.binop(op, ot)?;
        if lv.ty.kind == TypeKind::Bool {
            self.truthy(ot);
        } else {
            self.convert(ot, ls, false)?;
        }
        a!(self; mov r11, [rsp]);
        match field {
            Some((us, bit, width)) => self.insert(us, bit, width, ls.is_signed()),
            None => self.store_from(RAX, ls, R11, 0),
        }
        a!(self; add rsp, 16);
        self.depth -= 2;
        Ok(())
    }

    fn inc_dec(&mut self, lv: &Expr, inc: bool, post: bool, scale: u64) -> R {
        let s = sk(&lv.ty);
        no_f80(s)?;
        if let K::BitField(unit, bit, width) = &lv.kind {
            let us = sk(&unit.ty);
            self.addr(unit)?;
            a!(self; mov r11, rax);
            self.load_field(us, *bit, *width, s.is_signed());
            a!(self; push rax);
            if inc {
                a!(self; add rax, 1);
            } else {
                a!(self; sub rax, 1);
            }
            self.insert(us, *bit, *width, s.is_signed());
            a!(self; pop rcx);
            if post {
                a!(self; mov rax, rcx);
            }
            return Ok(());
        }
        if let Some(v) = self.regs.get(lv) {
            self.home_to(RAX, v);
            a!(self; mov rcx, rax);
            self.step_rax(s, inc, scale);
            self.to_home(v, RAX);
            if post {
                a!(self; mov rax, rcx);
            }
            return Ok(());
        }
        let (b, d) = match self.static_loc(lv)? {
            Some(l) => self.mem(l),
            None => {
                self.addr(lv)?;
                a!(self; mov r11, rax);
                (R11, 0)
            }
        };
        if lv.ty.kind == TypeKind::Bool {
            self.load_to(RAX, Scalar::U8, b, d);
            a!(self; mov rcx, rax);
            if inc {
                a!(self; mov eax, 1);
            } else {
                a!(self ; test eax, eax ; sete al ; movzx eax, al);
            }
            self.store_from(RAX, Scalar::U8, b, d);
            if post {
                a!(self; mov rax, rcx);
            }
            return Ok(());
        }
        self.load_to(RAX, s, b, d);
        a!(self; mov rcx, rax);
        self.step_rax(s, inc, scale);
        self.store_from(RAX, s, b, d);
        if post {
            a!(self; mov rax, rcx);
        }
        Ok(())
    }

    /// rax = rax + 1, - 1 (floats), or +/- `scale` (integers, pointers); rcx is kept.
    fn step_rax(&mut self, s: Scalar, inc: bool, scale: u64) {
        match s {
            Scalar::F64 | Scalar::F32 => {
                let one = float_bits(1.0, s);
                self.mov_imm(RDX, one);
                if s == Scalar::F64 {
                    a!(self ; movq xmm0, rax ; movq xmm1, rdx);
                    if inc {
                        a!(self; addsd xmm0, xmm1);
                    } else {
                        a!(self; subsd xmm0, xmm1);
                    }
                    a!(self; movq rax, xmm0);
                } else {
                    a!(self ; movd xmm0, eax ; movd xmm1, edx);
                    if inc {
                        a!(self; addss xmm0, xmm1);
                    } else {
                        a!(self; subss xmm0, xmm1);
                    }
                    a!(self; movd eax, xmm0);
                }
            }
            _ => {
                let step = if inc { scale } else { scale.wrapping_neg() } as i64;
                self.add_rax_keep_rcx(step);
                self.normalize(s);
            }
        }
    }

    /// rax = rax op rcx, both of kind `s`.
    pub(crate) fn binop(&mut self, op: BinOp, s: Scalar) -> R {
        self.binop_n(op, s, true)
    }

    /// [`Self::binop`], normalizing the result only if `norm` (comparisons and
    /// divisions always normalize).
    fn binop_n(&mut self, op: BinOp, s: Scalar, norm: bool) -> R {
        if s.is_float() {
            return self.float_binop(op, s);
        }
        let signed = s.is_signed();
        let wide = s.size() == 8;
        match op {
            BinOp::Add => a!(self; add rax, rcx),
            BinOp::Sub => a!(self; sub rax, rcx),
            BinOp::Mul => a!(self; imul rax, rcx),
            BinOp::And => a!(self; and rax, rcx),
            BinOp::Or => a!(self; or rax, rcx),
            BinOp::Xor => a!(self; xor rax, rcx),
            BinOp::Shl | BinOp::Shr => {
                if s.size() < 4 {
                    return Err(Refusal("shift of a narrow type".into()));
                }
                match (op, wide, signed) {
                    (BinOp::Shl, true, _) => a!(self; shl rax, cl),
                    (BinOp::Shl, false, _) => a!(self; shl eax, cl),
                    (_, true, true) => a!(self; sar rax, cl),
                    (_, true, false) => a!(self; shr rax, cl),
                    (_, false, true) => a!(self; sar eax, cl),
                    (_, false, false) => a!(self; shr eax, cl),
                }
            }
            BinOp::Div | BinOp::Rem => {
                if s.size() < 4 {
                    return Err(Refusal("division of a narrow type".into()));
                }
                let rem = op == BinOp::Rem;
                let divzero = self.exit_to(self.divzero, 0);
                a!(self ; test rcx, rcx ; jz =>divzero);
                if signed {
                    // MIN / -1 wraps (MIN, remainder 0) as in the interpreter, instead of
                    // the processor's #DE.
                    a!(self ; cmp rcx, -1 ; jne >div);
                    if rem {
                        a!(self; xor eax, eax);
                    } else {
                        a!(self; neg rax);
                    }
                    a!(self ; jmp >done ; div:);
                    if wide {
                        a!(self ; cqo ; idiv rcx);
                    } else {
                        a!(self ; cdq ; idiv ecx);
                    }
                } else {
                    a!(self ; xor edx, edx);
                    if wide {
                        a!(self; div rcx);
                    } else {
                        a!(self; div ecx);
                    }
                }
                if rem {
                    a!(self; mov rax, rdx);
                }
                if signed {
                    a!(self; done:);
                }
            }
            _ => {
                // Comparisons: the 64-bit bits are extended by signedness, so one compare
                // of the full registers is right for every width.
                a!(self; cmp rax, rcx);
                match (op, signed) {
                    (BinOp::Eq, _) => a!(self; sete al),
                    (BinOp::Ne, _) => a!(self; setne al),
                    (BinOp::Lt, true) => a!(self; setl al),
                    (BinOp::Le, true) => a!(self; setle al),
                    (BinOp::Gt, true) => a!(self; setg al),
                    (BinOp::Ge, true) => a!(self; setge al),
                    (BinOp::Lt, false) => a!(self; setb al),
                    (BinOp::Le, false) => a!(self; setbe al),
                    (BinOp::Gt, false) => a!(self; seta al),
                    _ => a!(self; setae al),
                }
                a!(self; movzx eax, al);
                return Ok(());
            }
        }
        if norm || matches!(op, BinOp::Div | BinOp::Rem) {
            self.normalize(s);
        }
        Ok(())
    }

    /// xmm0 = rax, xmm1 = rcx as floats of kind `s`.
    fn to_xmm01(&mut self, s: Scalar) {
        if s == Scalar::F64 {
            a!(self ; movq xmm0, rax ; movq xmm1, rcx);
        } else {
            a!(self ; movd xmm0, eax ; movd xmm1, ecx);
        }
    }

    fn float_binop(&mut self, op: BinOp, s: Scalar) -> R {
        no_f80(s)?;
        let d = s == Scalar::F64;
        self.to_xmm01(s);
        match op {
            BinOp::Add if d => a!(self; addsd xmm0, xmm1),
            BinOp::Sub if d => a!(self; subsd xmm0, xmm1),
            BinOp::Mul if d => a!(self; mulsd xmm0, xmm1),
            BinOp::Div if d => a!(self; divsd xmm0, xmm1),
            BinOp::Add => a!(self; addss xmm0, xmm1),
            BinOp::Sub => a!(self; subss xmm0, xmm1),
            BinOp::Mul => a!(self; mulss xmm0, xmm1),
            BinOp::Div => a!(self; divss xmm0, xmm1),
            op if op.is_comparison() => {
                self.float_compare(op, d);
                match op {
                    BinOp::Eq => a!(self ; setnp al ; sete cl ; and al, cl),
                    BinOp::Ne => a!(self ; setp al ; setne cl ; or al, cl),
                    BinOp::Lt | BinOp::Gt => a!(self; seta al),
                    _ => a!(self; setae al),
                }
                a!(self; movzx eax, al);
                return Ok(());
            }
            _ => return Err(Refusal("bit operation on a float".into())),
        }
        if d {
            a!(self; movq rax, xmm0);
        } else {
            a!(self; movd eax, xmm0);
        }
        Ok(())
    }

    /// Compares xmm0 with xmm1 so that "above" / "above or equal" mean the operator holds
    /// (unordered: neither).
    pub(crate) fn float_compare(&mut self, op: BinOp, d: bool) {
        let swap = matches!(op, BinOp::Lt | BinOp::Le);
        match (swap, d) {
            (true, true) => a!(self; ucomisd xmm1, xmm0),
            (true, false) => a!(self; ucomiss xmm1, xmm0),
            (false, true) => a!(self; ucomisd xmm0, xmm1),
            (false, false) => a!(self; ucomiss xmm0, xmm1),
        }
    }

    /// rax = (rax != 0) for a value of kind `s` (floats: NaN is true).
    pub(crate) fn truthy(&mut self, s: Scalar) {
        match s {
            Scalar::F64 => a!(self
                ; movq xmm0, rax ; xorpd xmm1, xmm1 ; ucomisd xmm0, xmm1
                ; setne al ; setp cl ; or al, cl ; movzx eax, al),
            Scalar::F32 => a!(self
                ; movd xmm0, eax ; xorps xmm1, xmm1 ; ucomiss xmm0, xmm1
                ; setne al ; setp cl ; or al, cl ; movzx eax, al),
            _ => a!(self ; test rax, rax ; setne al ; movzx eax, al),
        }
    }

    /// A condition's value, 0 or 1.
    /// An integer comparison of a register variable with another or with a constant:
    /// (op, signed, left register, right register or constant).
    fn reg_compare(&self, e: &Expr) -> Option<(BinOp, bool, u8, Result<u8, i32>)> {
        let K::Binary {
            op,
            op_ty,
            lhs,
            rhs,
        } = &e.kind
        else {
            return None;
        };
        if !op.is_comparison() || op_ty.is_float() {
            return None;
        }
        let a = self.gpr_val(lhs)?;
        let b = match self.gpr_val(rhs) {
            Some(b) => Ok(b),
            None => Err(Self::imm_operand(rhs, *op_ty)?),
        };
        Some((*op, op_ty.is_signed(), a, b))
    }

    /// `cmp a, b` of a register with another register (Ok) or a constant (Err).
    fn reg_cmp(&mut self, a: u8, b: Result<u8, i32>) {
        match b {
            Ok(b) => a!(self; cmp Rq(a), Rq(b)),
            Err(k) => a!(self; cmp Rq(a), k),
        }
    }

    /// Register `r` = 0 or 1, the value of a comparison [`Self::reg_compare`] accepts.
    fn reg_compare_to(&mut self, r: u8, c: (BinOp, bool, u8, Result<u8, i32>)) {
        let (op, signed, a, b) = c;
        self.reg_cmp(a, b);
        match (op, signed) {
            (BinOp::Eq, _) => a!(self; sete Rb(r)),
            (BinOp::Ne, _) => a!(self; setne Rb(r)),
            (BinOp::Lt, true) => a!(self; setl Rb(r)),
            (BinOp::Le, true) => a!(self; setle Rb(r)),
            (BinOp::Gt, true) => a!(self; setg Rb(r)),
            (BinOp::Ge, true) => a!(self; setge Rb(r)),
            (BinOp::Lt, false) => a!(self; setb Rb(r)),
            (BinOp::Le, false) => a!(self; setbe Rb(r)),
            (BinOp::Gt, false) => a!(self; seta Rb(r)),
            _ => a!(self; setae Rb(r)),
        }
        a!(self; movzx Rd(r), Rb(r));
    }

    fn cond_value(&mut self, e: &Expr) -> R {
        let (f, end) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        self.cond(e, false, f)?;
        a!(self ; mov eax, 1 ; jmp =>end);
        self.ops.dynamic_label(f);
        a!(self; xor eax, eax);
        self.ops.dynamic_label(end);
        Ok(())
    }

    /// Jumps to `target` if `e` is true (`when`) or false (`!when`).
    pub(crate) fn cond(&mut self, e: &Expr, when: bool, target: DynamicLabel) -> R {
        match &e.kind {
            K::Binary {
                op,
                op_ty,
                lhs,
                rhs,
            } if op.is_comparison() => {
                no_f80(*op_ty)?;
                let s = *op_ty;
                // Register variables and constants compared directly.
                if let Some(c) = self.reg_compare(e) {
                    self.reg_cmp(c.2, c.3);
                    self.int_jump(*op, s.is_signed(), when, target);
                    return Ok(());
                }
                if let (false, Some(a), true) = (s.is_float(), self.gpr_val(lhs), self.simple(rhs))
                {
                    self.simple_to(RCX, rhs)?;
                    a!(self; cmp Rq(a), rcx);
                    self.int_jump(*op, s.is_signed(), when, target);
                    return Ok(());
                }
                // Compare with a small constant directly.
                if !s.is_float() {
                    if let K::Int(k) = rhs.kind {
                        let k = s.normalize(k as u64) as i64;
                        if k == k as i32 as i64 {
                            self.expr(lhs)?;
                            a!(self; cmp rax, k as i32);
                            self.int_jump(*op, s.is_signed(), when, target);
                            return Ok(());
                        }
                    }
                }
                if s.is_float() {
                    self.foperands(lhs, rhs)?;
                    self.float_compare(*op, s == Scalar::F64);
                    self.float_jump(*op, when, target);
                } else {
                    self.operands(lhs, rhs, false)?;
                    a!(self; cmp rax, rcx);
                    self.int_jump(*op, s.is_signed(), when, target);
                }
                Ok(())
            }
            K::LogAnd(x, y) => {
                if when {
                    let skip = self.ops.new_dynamic_label();
                    self.cond(x, false, skip)?;
                    self.cond(y, true, target)?;
                    {
                        self.ops.dynamic_label(skip);
                        Ok(())
                    }
                } else {
                    self.cond(x, false, target)?;
                    self.cond(y, false, target)
                }
            }
            K::LogOr(x, y) => {
                if when {
                    self.cond(x, true, target)?;
                    self.cond(y, true, target)
                } else {
                    let skip = self.ops.new_dynamic_label();
                    self.cond(x, true, skip)?;
                    self.cond(y, false, target)?;
                    {
                        self.ops.dynamic_label(skip);
                        Ok(())
                    }
                }
            }
            K::Unary(UnOp::LogNot, x) => self.cond(x, !when, target),
            // An integer or pointer in a register, or read from a simple place, tested
            // where it is.
            K::Load(lv)
                if (e.ty.is_integer() || e.ty.is_pointer())
                    && !matches!(lv.kind, K::BitField(..))
                    && (self.gpr_var(e).is_some()
                        || (self.regs.get(lv).is_none() && self.simple_place(lv))) =>
            {
                if let Some(h) = self.gpr_var(e) {
                    a!(self; test Rq(h), Rq(h));
                } else {
                    let (b, d) = self.simple_place_to(RAX, lv)?;
                    match sk(&e.ty).size() {
                        1 => a!(self; cmp BYTE [Rq(b) + d], 0),
                        2 => a!(self; cmp WORD [Rq(b) + d], 0),
                        4 => a!(self; cmp DWORD [Rq(b) + d], 0),
                        _ => a!(self; cmp QWORD [Rq(b) + d], 0),
                    }
                }
                if when {
                    a!(self; jnz =>target);
                } else {
                    a!(self; jz =>target);
                }
                Ok(())
            }
            _ => {
                let s = sk(&e.ty);
                no_f80(s)?;
                self.expr(e)?;
                if s.is_float() {
                    self.truthy(s);
                }
                a!(self; test rax, rax);
                if when {
                    a!(self; jnz =>target);
                } else {
                    a!(self; jz =>target);
                }
                Ok(())
            }
        }
    }

    fn int_jump(&mut self, op: BinOp, signed: bool, when: bool, t: DynamicLabel) {
        // The operator, or its negation when jumping on false.
        let op = if when {
            op
        } else {
            match op {
                BinOp::Eq => BinOp::Ne,
                BinOp::Ne => BinOp::Eq,
                BinOp::Lt => BinOp::Ge,
                BinOp::Le => BinOp::Gt,
                BinOp::Gt => BinOp::Le,
                _ => BinOp::Lt,
            }
        };
        match (op, signed) {
            (BinOp::Eq, _) => a!(self; je =>t),
            (BinOp::Ne, _) => a!(self; jne =>t),
            (BinOp::Lt, true) => a!(self; jl =>t),
            (BinOp::Le, true) => a!(self; jle =>t),
            (BinOp::Gt, true) => a!(self; jg =>t),
            (BinOp::Ge, true) => a!(self; jge =>t),
            (BinOp::Lt, false) => a!(self; jb =>t),
            (BinOp::Le, false) => a!(self; jbe =>t),
            (BinOp::Gt, false) => a!(self; ja =>t),
            _ => a!(self; jae =>t),
        }
    }

    pub(crate) fn float_jump(&mut self, op: BinOp, when: bool, t: DynamicLabel) {
        match (op, when) {
            (BinOp::Eq, true) | (BinOp::Ne, false) => a!(self ; jp >no ; je =>t ; no:),
            (BinOp::Eq, false) | (BinOp::Ne, true) => a!(self ; jp =>t ; jne =>t),
            (BinOp::Lt | BinOp::Gt, true) => a!(self; ja =>t),
            (BinOp::Lt | BinOp::Gt, false) => a!(self; jbe =>t),
            (_, true) => a!(self; jae =>t),
            (_, false) => a!(self; jb =>t),
        }
    }

    /// Converts rax from type `from` to type `to`, as a C cast.
    fn cast(&mut self, from: &Type, to: &Type) -> R {
        if to.is_void() {
            return Ok(());
        }
        let fs = sk(from);
        no_f80(fs)?;
        if to.kind == TypeKind::Bool {
            self.truthy(fs);
            return Ok(());
        }
        let ts = sk(to);
        no_f80(ts)?;
        // The interpreter's cast from double to int saturates to int's range.
        self.convert(fs, ts, fs == Scalar::F64 && ts == Scalar::I32)
    }

    /// Converts rax between scalar kinds (`interp::mem::convert`'s results).
    pub(crate) fn convert(&mut self, fs: Scalar, ts: Scalar, sat32: bool) -> R {
        match (fs.is_float(), ts.is_float()) {
            (false, false) => self.normalize(ts),
            (true, true) => match (fs, ts) {
                (Scalar::F64, Scalar::F32) => {
                    a!(self ; movq xmm0, rax ; cvtsd2ss xmm0, xmm0 ; movd eax, xmm0)
                }
                (Scalar::F32, Scalar::F64) => {
                    a!(self ; movd xmm0, eax ; cvtss2sd xmm0, xmm0 ; movq rax, xmm0)
                }
                _ => {}
            },
            (false, true) => {
                self.int_to_xmm0(fs, ts);
                self.xmm0_to_rax(ts);
            }
            (true, false) => {
                if fs == Scalar::F32 {
                    a!(self; movd xmm0, eax);
                } else {
                    a!(self; movq xmm0, rax);
                }
                self.xmm0_to_int(fs, ts, sat32);
            }
        }
        Ok(())
    }

    /// xmm0 = the integer of kind `fs` in rax, as a float of kind `ts`.
    pub(crate) fn int_to_xmm0(&mut self, fs: Scalar, ts: Scalar) {
        let d = ts == Scalar::F64;
        if fs == Scalar::U64 {
            // Unsigned 64-bit: halve (keeping the low bit for rounding), convert,
            // double. (xorps first: cvtsi2sd would otherwise wait for whatever
            // last wrote xmm0, a division perhaps.)
            a!(self ; test rax, rax ; js >big);
            if d {
                a!(self ; xorps xmm0, xmm0 ; cvtsi2sd xmm0, rax);
            } else {
                a!(self ; xorps xmm0, xmm0 ; cvtsi2ss xmm0, rax);
            }
            a!(self ; jmp >done ; big: ; mov rcx, rax ; shr rcx, 1 ; and eax, 1 ; or rcx, rax);
            if d {
                a!(self ; xorps xmm0, xmm0 ; cvtsi2sd xmm0, rcx ; addsd xmm0, xmm0);
            } else {
                a!(self ; xorps xmm0, xmm0 ; cvtsi2ss xmm0, rcx ; addss xmm0, xmm0);
            }
            a!(self; done:);
        } else if fs == Scalar::I32 {
            // From eax: the value may come unnormalized (see `Gen::low`).
            if d {
                a!(self ; xorps xmm0, xmm0 ; cvtsi2sd xmm0, eax);
            } else {
                a!(self ; xorps xmm0, xmm0 ; cvtsi2ss xmm0, eax);
            }
        } else if d {
            a!(self ; xorps xmm0, xmm0 ; cvtsi2sd xmm0, rax);
        } else {
            a!(self ; xorps xmm0, xmm0 ; cvtsi2ss xmm0, rax);
        }
    }

    /// rax = the float of kind `fs` in xmm0, converted to the integer kind `ts`.
    pub(crate) fn xmm0_to_int(&mut self, fs: Scalar, ts: Scalar, sat32: bool) {
        // Fast path: the processor's truncation, when in range; else the helper.
        if fs == Scalar::F32 {
            a!(self; cvtss2sd xmm0, xmm0);
        }
        if sat32 {
            a!(self ; cvttsd2si eax, xmm0 ; cmp eax, 0x8000_0000u32 as i32 ; jne >ok);
        } else {
            if ts == Scalar::U64 {
                a!(self
                    ; mov rcx, QWORD 0x43e0_0000_0000_0000u64 as i64
                    ; movq xmm1, rcx
                    ; ucomisd xmm0, xmm1
                    ; jae >slow
                );
            }
            a!(self
                ; cvttsd2si rax, xmm0
                ; mov rcx, QWORD i64::MIN
                ; cmp rax, rcx
                ; jne >ok
                ; slow:
            );
        }
        a!(self ; movq rdi, xmm0 ; mov esi, scalar_code(ts) as i32 ; mov edx, sat32 as i32);
        self.call_c(float_to_int as *const () as usize);
        a!(self ; jmp >done ; ok:);
        if sat32 {
            a!(self; movsxd rax, eax);
        } else {
            self.normalize(ts);
        }
        a!(self; done:);
    }
}

pub(crate) fn float_bits(f: f64, s: Scalar) -> u64 {
    if s == Scalar::F32 {
        (f as f32).to_bits() as u64
    } else {
        f.to_bits()
    }
}

fn offset(v: i64) -> R<i32> {
    i32::try_from(v).map_err(|_| Refusal("frame offset out of range".into()))
}
