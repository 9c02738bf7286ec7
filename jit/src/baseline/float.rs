//! Float and double arithmetic in xmm registers: `fexpr` leaves a value in xmm0 instead of
//! rax (see the register conventions in `mod.rs`), so chains of floating operations, and
//! float register variables, need no moves between general and vector registers.

use super::expr::{float_bits, no_f80, sk};
use super::regs::Home;
use super::{a, Gen, R, R11, RAX, RCX};
use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi};
use ir::{BinOp, Expr, ExprKind as K, Scalar, UnOp};

/// The second operand of a floating operation.
#[derive(Clone, Copy)]
enum Src {
    Xmm(u8),
    Mem(u8, i32),
    /// A constant in the code's constant pool (`Gen::fconst`).
    Const(DynamicLabel),
}

fn arith(op: BinOp) -> bool {
    matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div)
}

impl Gen<'_> {
    /// Whether `e`, of kind float or double, is computed by [`Self::fexpr`] itself rather
    /// than through rax: arithmetic, and assignments to variables or simple places.
    pub(crate) fn float_native(&self, e: &Expr) -> bool {
        let s = sk(&e.ty);
        if !matches!(s, Scalar::F32 | Scalar::F64) {
            return false;
        }
        match &e.kind {
            K::Binary { op, .. } => arith(*op),
            K::Assign(lv, _) => !matches!(lv.kind, K::BitField(..)),
            K::OpAssign { op, op_ty, lv, .. } => {
                arith(*op) && *op_ty == s && !matches!(lv.kind, K::BitField(..))
            }
            _ => false,
        }
    }

    /// rax = xmm0, a float of kind `s`.
    pub(crate) fn xmm0_to_rax(&mut self, s: Scalar) {
        if s == Scalar::F64 {
            a!(self; movq rax, xmm0);
        } else {
            a!(self; movd eax, xmm0);
        }
    }

    fn rax_to_xmm0(&mut self, s: Scalar) {
        if s == Scalar::F64 {
            a!(self; movq xmm0, rax);
        } else {
            a!(self; movd xmm0, eax);
        }
    }

    /// xmm0 converted between float and double.
    pub(crate) fn fconvert(&mut self, fs: Scalar, ts: Scalar) {
        match (fs, ts) {
            (Scalar::F64, Scalar::F32) => a!(self; cvtsd2ss xmm0, xmm0),
            (Scalar::F32, Scalar::F64) => a!(self; cvtss2sd xmm0, xmm0),
            _ => {}
        }
    }

    /// Pushes xmm0 on the expression stack.
    fn push_xmm0(&mut self) {
        a!(self ; sub rsp, 8 ; movq [rsp], xmm0);
        self.depth += 1;
    }

    fn pop_xmm(&mut self, x: u8) {
        a!(self ; movq Rx(x), [rsp] ; add rsp, 8);
        self.depth -= 1;
    }

    /// Whether `e` can be read without xmm0, xmm1 or the expression stack: a constant, a
    /// register variable, a value in a simple place.
    pub(crate) fn xmm_operand(&self, e: &Expr) -> bool {
        match &e.kind {
            K::Float(_) => true,
            K::Load(lv) => self.regs.get(lv).is_some() || self.simple_place(lv),
            _ => false,
        }
    }

    /// The operand (see [`Self::xmm_operand`]) as a source: a register variable, memory
    /// (its address computed into `scratch`), or a constant loaded into xmm `x`.
    fn operand_src(&mut self, e: &Expr, x: u8, scratch: u8) -> R<Src> {
        let s = sk(&e.ty);
        match &e.kind {
            K::Float(f) => {
                let bits = float_bits(*f, s);
                if bits == 0 {
                    a!(self; xorps Rx(x), Rx(x));
                    return Ok(Src::Xmm(x));
                }
                Ok(Src::Const(self.fconst(bits)))
            }
            K::Load(lv) => {
                if let Some(v) = self.regs.get(lv) {
                    let Home::Xmm(h) = v.home else {
                        unreachable!("a float variable lives in an xmm register")
                    };
                    return Ok(Src::Xmm(h));
                }
                let (b, d) = self.simple_place_to(scratch, lv)?;
                Ok(Src::Mem(b, d))
            }
            _ => unreachable!("not an xmm operand"),
        }
    }

    /// Reads an operand (see [`Self::xmm_operand`]) into xmm `x`, using the general
    /// register `scratch` for addresses and constants.
    pub(crate) fn xmm_operand_to(&mut self, x: u8, e: &Expr, scratch: u8) -> R {
        let n = sk(&e.ty).size() as u32;
        match self.operand_src(e, x, scratch)? {
            Src::Xmm(h) => {
                if h != x {
                    a!(self; movaps Rx(x), Rx(h));
                }
            }
            Src::Mem(b, d) => self.load_xmm(x, b, d, n),
            Src::Const(l) => self.load_const(x, l, n),
        }
        Ok(())
    }

    /// xmm `x` = xmm `x` op src.
    fn fop(&mut self, op: BinOp, d: bool, x: u8, src: Src) {
        match (src, d) {
            (Src::Xmm(y), true) => match op {
                BinOp::Add => a!(self; addsd Rx(x), Rx(y)),
                BinOp::Sub => a!(self; subsd Rx(x), Rx(y)),
                BinOp::Mul => a!(self; mulsd Rx(x), Rx(y)),
                _ => a!(self; divsd Rx(x), Rx(y)),
            },
            (Src::Xmm(y), false) => match op {
                BinOp::Add => a!(self; addss Rx(x), Rx(y)),
                BinOp::Sub => a!(self; subss Rx(x), Rx(y)),
                BinOp::Mul => a!(self; mulss Rx(x), Rx(y)),
                _ => a!(self; divss Rx(x), Rx(y)),
            },
            (Src::Mem(b, o), true) => match op {
                BinOp::Add => a!(self; addsd Rx(x), QWORD [Rq(b) + o]),
                BinOp::Sub => a!(self; subsd Rx(x), QWORD [Rq(b) + o]),
                BinOp::Mul => a!(self; mulsd Rx(x), QWORD [Rq(b) + o]),
                _ => a!(self; divsd Rx(x), QWORD [Rq(b) + o]),
            },
            (Src::Mem(b, o), false) => match op {
                BinOp::Add => a!(self; addss Rx(x), DWORD [Rq(b) + o]),
                BinOp::Sub => a!(self; subss Rx(x), DWORD [Rq(b) + o]),
                BinOp::Mul => a!(self; mulss Rx(x), DWORD [Rq(b) + o]),
                _ => a!(self; divss Rx(x), DWORD [Rq(b) + o]),
            },
            (Src::Const(l), true) => match op {
                BinOp::Add => a!(self; addsd Rx(x), QWORD [=>l]),
                BinOp::Sub => a!(self; subsd Rx(x), QWORD [=>l]),
                BinOp::Mul => a!(self; mulsd Rx(x), QWORD [=>l]),
                _ => a!(self; divsd Rx(x), QWORD [=>l]),
            },
            (Src::Const(l), false) => match op {
                BinOp::Add => a!(self; addss Rx(x), DWORD [=>l]),
                BinOp::Sub => a!(self; subss Rx(x), DWORD [=>l]),
                BinOp::Mul => a!(self; mulss Rx(x), DWORD [=>l]),
                _ => a!(self; divss Rx(x), DWORD [=>l]),
            },
        }
    }

    /// The label of float bits `bits` in the constant pool (emitted after the code).
    fn fconst(&mut self, bits: u64) -> DynamicLabel {
        if let Some(&l) = self.fconsts.get(&bits) {
            return l;
        }
        let l = self.ops.new_dynamic_label();
        self.fconsts.insert(bits, l);
        self.fconst_order.push((bits, l));
        l
    }

    /// xmm `x` = the pool constant at `l`, of `n` bytes.
    fn load_const(&mut self, x: u8, l: DynamicLabel, n: u32) {
        if n <= 4 {
            a!(self; movd Rx(x), DWORD [=>l]);
        } else {
            a!(self; movq Rx(x), QWORD [=>l]);
        }
    }

    /// The right operand after the left one is in xmm0: straight from where it is, or
    /// computed into xmm1 (the left one waits on the expression stack).
    fn rhs_src(&mut self, rhs: &Expr) -> R<Src> {
        if self.xmm_operand(rhs) {
            return self.operand_src(rhs, 1, RCX);
        }
        // Where computing the right operand calls nothing, the left one waits in one of
        // xmm2-xmm7 (which only calls use) rather than in memory.
        if self.ftemps < 6 && calls_nothing(rhs) {
            let t = 2 + self.ftemps;
            a!(self; movaps Rx(t), xmm0);
            self.ftemps += 1;
            let r = self.fexpr(rhs);
            self.ftemps -= 1;
            r?;
            a!(self ; movaps xmm1, xmm0 ; movaps xmm0, Rx(t));
            return Ok(Src::Xmm(1));
        }
        self.push_xmm0();
        self.fexpr(rhs)?;
        a!(self; movaps xmm1, xmm0);
        self.pop_xmm(0);
        Ok(Src::Xmm(1))
    }

    /// xmm0 = lhs, xmm1 = rhs (floats of one kind), evaluated left first.
    pub(crate) fn foperands(&mut self, lhs: &Expr, rhs: &Expr) -> R {
        self.fexpr(lhs)?;
        match self.rhs_src(rhs)? {
            Src::Xmm(1) => {}
            Src::Xmm(h) => a!(self; movaps xmm1, Rx(h)),
            Src::Mem(b, d) => self.load_xmm(1, b, d, sk(&rhs.ty).size() as u32),
            Src::Const(l) => self.load_const(1, l, sk(&rhs.ty).size() as u32),
        }
        Ok(())
    }

    /// Evaluates `e`, a float or double, into xmm0.
    pub(crate) fn fexpr(&mut self, e: &Expr) -> R {
        // Whether this node's value is unwanted (a statement); never its operands'.
        let discard = std::mem::take(&mut self.discard);
        let s = sk(&e.ty);
        no_f80(s)?;
        let d = s == Scalar::F64;
        match &e.kind {
            K::Float(_) | K::Load(_) if self.xmm_operand(e) => self.xmm_operand_to(0, e, RCX),
            K::Binary {
                op,
                op_ty,
                lhs,
                rhs,
            } if arith(*op) => {
                no_f80(*op_ty)?;
                if matches!(lhs.kind, K::Float(_)) && !self.xmm_operand(rhs) {
                    // A constant reads nothing: the right operand first, no stack.
                    self.fexpr(rhs)?;
                    a!(self; movaps xmm1, xmm0);
                    self.xmm_operand_to(0, lhs, RCX)?;
                    self.fop(*op, d, 0, Src::Xmm(1));
                    return Ok(());
                }
                self.fexpr(lhs)?;
                let src = self.rhs_src(rhs)?;
                self.fop(*op, d, 0, src);
                Ok(())
            }
            K::Unary(UnOp::Neg, x) => {
                self.fexpr(x)?;
                let sign = if d { 1u64 << 63 } else { 1u64 << 31 };
                self.mov_imm(RCX, sign);
                a!(self ; movq xmm1, rcx ; xorps xmm0, xmm1);
                Ok(())
            }
            K::Cast(x) if sk(&x.ty).is_float() => {
                let fs = sk(&x.ty);
                no_f80(fs)?;
                self.fexpr(x)?;
                self.fconvert(fs, s);
                Ok(())
            }
            K::Cast(x) if x.ty.is_integer() || x.ty.is_pointer() => {
                // A 32-bit signed integer converts from eax.
                if sk(&x.ty) == Scalar::I32 {
                    self.expr_low(x)?;
                } else {
                    self.expr(x)?;
                }
                self.int_to_xmm0(sk(&x.ty), s);
                Ok(())
            }
            K::Assign(lv, rhs) if !matches!(lv.kind, K::BitField(..)) => {
                self.fexpr(rhs)?;
                self.fstore(lv, s)
            }
            K::OpAssign { op, op_ty, lv, rhs } if self.float_native(e) => {
                let _ = op_ty;
                self.fexpr(rhs)?;
                if let Some(v) = self.regs.get(lv) {
                    let Home::Xmm(h) = v.home else {
                        unreachable!("a float variable lives in an xmm register")
                    };
                    self.fop(*op, d, h, Src::Xmm(0));
                    if !discard {
                        a!(self; movaps xmm0, Rx(h));
                    }
                    return Ok(());
                }
                let n = s.size() as u32;
                let (b, o) = if self.simple_place(lv) {
                    self.simple_place_to(RCX, lv)?
                } else {
                    self.push_xmm0();
                    self.addr(lv)?;
                    a!(self; mov r11, rax);
                    self.pop_xmm(0);
                    (R11, 0)
                };
                // lv = lv op value: the value waits in xmm1.
                a!(self; movaps xmm1, xmm0);
                self.load_xmm(0, b, o, n);
                self.fop(*op, d, 0, Src::Xmm(1));
                self.store_xmm(0, b, o, n);
                Ok(())
            }
            K::Comma(x, y) => {
                self.effect(x)?;
                self.fexpr(y)
            }
            K::Cond(c, x, y) => {
                let (else_l, end): (DynamicLabel, DynamicLabel) =
                    (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
                self.cond(c, false, else_l)?;
                self.fexpr(x)?;
                a!(self; jmp =>end);
                self.ops.dynamic_label(else_l);
                self.fexpr(y)?;
                self.ops.dynamic_label(end);
                Ok(())
            }
            // A call leaves a float result in xmm0.
            K::Call(c) => self.call(c, true),
            _ => {
                self.expr(e)?;
                self.rax_to_xmm0(s);
                Ok(())
            }
        }
    }

    /// Stores xmm0, a float of kind `s`, into `lv` (whose address is computed after the
    /// value, as the interpreter does); xmm0 is kept.
    fn fstore(&mut self, lv: &Expr, s: Scalar) -> R {
        if let Some(v) = self.regs.get(lv) {
            let Home::Xmm(h) = v.home else {
                unreachable!("a float variable lives in an xmm register")
            };
            a!(self; movaps Rx(h), xmm0);
            return Ok(());
        }
        let n = s.size() as u32;
        if self.simple_place(lv) {
            let (b, o) = self.simple_place_to(RCX, lv)?;
            self.store_xmm(0, b, o, n);
            return Ok(());
        }
        self.push_xmm0();
        self.addr(lv)?;
        self.pop_xmm(0);
        self.store_xmm(0, RAX, 0, n);
        Ok(())
    }
}

/// Whether evaluating `e` calls nothing (no function, no helper, no library routine), so
/// that xmm2-xmm7 survive it. Conservative: anything not listed may call.
fn calls_nothing(e: &Expr) -> bool {
    let no_f80 = |t: &ir::Type| t.kind != ir::TypeKind::LongDouble;
    if !no_f80(&e.ty) || e.ty.is_aggregate() {
        return false;
    }
    match &e.kind {
        K::Int(_) | K::Float(_) | K::Local(_) | K::Global(_) | K::FuncAddr(_) => true,
        K::Load(x) | K::Member(x, _) | K::Deref(x) | K::AddrOf(x) | K::Unary(_, x) => {
            calls_nothing(x)
        }
        // Float to integer calls a helper on its slow path.
        K::Cast(x) => !(x.ty.is_float() && !e.ty.is_float()) && calls_nothing(x),
        K::Binary { lhs: a, rhs: b, .. }
        | K::PtrAdd(a, b, _)
        | K::PtrDiff(a, b, _)
        | K::LogAnd(a, b)
        | K::LogOr(a, b)
        | K::Comma(a, b) => calls_nothing(a) && calls_nothing(b),
        K::Cond(c, a, b) => calls_nothing(c) && calls_nothing(a) && calls_nothing(b),
        K::Assign(lv, x) | K::PtrOpAssign { lv, rhs: x, .. } => {
            calls_nothing(lv) && calls_nothing(x)
        }
        K::OpAssign { op_ty, lv, rhs, .. } => {
            !(op_ty.is_float() && !lv.ty.is_float()) && calls_nothing(lv) && calls_nothing(rhs)
        }
        K::IncDec { lv, .. } => calls_nothing(lv),
        _ => false,
    }
}
