//! Constant evaluation over the typed IR: integer constant expressions, arithmetic
//! constants and address constants (for static initializers).

use super::Sema;
use crate::ast;
use ir::f80::Arith;
use ir::{BinOp, Expr, ExprKind, GlobalId, Scalar, Type, TypeKind, UnOp, F80};
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Const {
    Int(i64),
    Float(f64),
    /// A long double, exactly.
    LongDouble(F80),
    /// Address of a global or function plus a byte offset.
    Addr(AddrBase, i64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum AddrBase {
    Global(GlobalId),
    Func(ir::FuncId),
}

fn sk(t: &Type) -> Scalar {
    t.scalar_kind().unwrap_or(Scalar::U64)
}

fn norm(v: i64, t: &Type) -> i64 {
    if t.kind == TypeKind::Bool {
        return (v != 0) as i64;
    }
    match sk(t) {
        Scalar::I8 => v as i8 as i64,
        Scalar::U8 => v as u8 as i64,
        Scalar::I16 => v as i16 as i64,
        Scalar::U16 => v as u16 as i64,
        Scalar::I32 => v as i32 as i64,
        Scalar::U32 => v as u32 as i64,
        _ => v,
    }
}

/// Evaluates `e` if it is a constant expression. `addr_ok` allows address constants.
pub(crate) fn eval(e: &Expr, addr_ok: bool) -> Option<Const> {
    use Const::*;
    Some(match &e.kind {
        ExprKind::Int(v) => Int(norm(*v, &e.ty)),
        ExprKind::Float(f) if e.ty.kind == TypeKind::LongDouble => LongDouble(F80::from_f64(*f)),
        ExprKind::Float(f) => Float(if e.ty.kind == TypeKind::Float {
            *f as f32 as f64
        } else {
            *f
        }),
        ExprKind::LongDouble(v) => LongDouble(*v),
        ExprKind::Cast(a) => {
            let v = eval(a, addr_ok)?;
            let to = &e.ty;
            if to.is_void() {
                return None;
            }
            let to_ld = to.kind == TypeKind::LongDouble;
            match v {
                Int(i) if to_ld => LongDouble(F80::from_int(i as u64, sk(&a.ty))),
                Float(f) if to_ld => LongDouble(F80::from_f64(f)),
                LongDouble(x) => {
                    if to_ld {
                        LongDouble(x)
                    } else if to.kind == TypeKind::Float {
                        Float(x.to_f32() as f64)
                    } else if to.is_float() {
                        Float(x.to_f64())
                    } else if to.kind == TypeKind::Bool {
                        Int(!x.is_zero() as i64)
                    } else if to.is_integer() {
                        Int(x.to_int(sk(to)) as i64)
                    } else {
                        return None;
                    }
                }
                Int(i) => {
                    if to.is_float() {
                        let f = if a.ty.is_signed()
                            || a.ty.kind == TypeKind::Bool
                            || !a.ty.is_integer()
                        {
                            i as f64
                        } else {
                            i as u64 as f64
                        };
                        Float(if to.kind == TypeKind::Float {
                            f as f32 as f64
                        } else {
                            f
                        })
                    } else {
                        Int(norm(i, to))
                    }
                }
                Float(f) => {
                    if to.is_float() {
                        Float(if to.kind == TypeKind::Float {
                            f as f32 as f64
                        } else {
                            f
                        })
                    } else if to.kind == TypeKind::Bool {
                        Int((f != 0.0) as i64)
                    } else if sk(to) == Scalar::U64 {
                        Int(if f >= 9223372036854775808.0 {
                            f as u64 as i64
                        } else {
                            f as i64
                        })
                    } else {
                        Int(norm(f as i64, to))
                    }
                }
                Addr(b, o) => {
                    if to.is_pointer()
                        || matches!(
                            to.kind,
                            TypeKind::Long
                                | TypeKind::ULong
                                | TypeKind::LongLong
                                | TypeKind::ULongLong
                        )
                    {
                        Addr(b, o)
                    } else if to.kind == TypeKind::Bool {
                        Int(1)
                    } else {
                        return None;
                    }
                }
            }
        }
        ExprKind::Unary(op, a) => {
            let v = eval(a, false)?;
            match (op, v) {
                (UnOp::Neg, Int(i)) => Int(norm(i.wrapping_neg(), &e.ty)),
                (UnOp::Neg, Float(f)) => Float(-f),
                (UnOp::Neg, LongDouble(x)) => LongDouble(x.neg()),
                (UnOp::LogNot, LongDouble(x)) => Int(x.is_zero() as i64),
                (UnOp::BitNot, Int(i)) => Int(norm(!i, &e.ty)),
                (UnOp::LogNot, Int(i)) => Int((i == 0) as i64),
                (UnOp::LogNot, Float(f)) => Int((f == 0.0) as i64),
                _ => return None,
            }
        }
        ExprKind::Binary {
            op,
            op_ty,
            lhs,
            rhs,
        } => {
            let a = eval(lhs, addr_ok)?;
            let b = eval(rhs, addr_ok)?;
            match (a, b) {
                (Int(x), Int(y)) => Int(int_binop(*op, *op_ty, x, y, &e.ty)?),
                (Float(x), Float(y)) => {
                    let (x, y) = if *op_ty == Scalar::F32 {
                        (x as f32 as f64, y as f32 as f64)
                    } else {
                        (x, y)
                    };
                    let r = match op {
                        BinOp::Add => x + y,
                        BinOp::Sub => x - y,
                        BinOp::Mul => x * y,
                        BinOp::Div => x / y,
                        BinOp::Eq => return Some(Int((x == y) as i64)),
                        BinOp::Ne => return Some(Int((x != y) as i64)),
                        BinOp::Lt => return Some(Int((x < y) as i64)),
                        BinOp::Le => return Some(Int((x <= y) as i64)),
                        BinOp::Gt => return Some(Int((x > y) as i64)),
                        BinOp::Ge => return Some(Int((x >= y) as i64)),
                        _ => return None,
                    };
                    Float(if *op_ty == Scalar::F32 {
                        r as f32 as f64
                    } else {
                        r
                    })
                }
                (LongDouble(x), LongDouble(y)) => {
                    let ar = match op {
                        BinOp::Add => Arith::Add,
                        BinOp::Sub => Arith::Sub,
                        BinOp::Mul => Arith::Mul,
                        BinOp::Div => Arith::Div,
                        _ => {
                            let o = x.partial_cmp(&y);
                            return Some(Int(match op {
                                BinOp::Eq => o == Some(Ordering::Equal),
                                BinOp::Ne => o != Some(Ordering::Equal),
                                BinOp::Lt => o == Some(Ordering::Less),
                                BinOp::Le => matches!(o, Some(Ordering::Less | Ordering::Equal)),
                                BinOp::Gt => o == Some(Ordering::Greater),
                                BinOp::Ge => {
                                    matches!(o, Some(Ordering::Greater | Ordering::Equal))
                                }
                                _ => return None,
                            } as i64));
                        }
                    };
                    LongDouble(x.arith(ar, y))
                }
                (Addr(b1, o1), Addr(b2, o2)) if *op == BinOp::Sub && b1 == b2 => Int(o1 - o2),
                _ => return None,
            }
        }
        ExprKind::PtrAdd(p, i, scale) => {
            let pv = eval(p, addr_ok)?;
            let Int(iv) = eval(i, false)? else {
                return None;
            };
            match pv {
                Addr(b, o) => Addr(b, o + iv * *scale as i64),
                Int(x) => Int(x.wrapping_add(iv.wrapping_mul(*scale as i64))),
                Float(_) | LongDouble(_) => return None,
            }
        }
        ExprKind::PtrDiff(a, b, scale) => match (eval(a, addr_ok)?, eval(b, addr_ok)?) {
            (Addr(b1, o1), Addr(b2, o2)) if b1 == b2 => Int((o1 - o2) / (*scale).max(1) as i64),
            (Int(x), Int(y)) => Int((x - y) / (*scale).max(1) as i64),
            _ => return None,
        },
        ExprKind::LogAnd(a, b) => {
            let x = truth(eval(a, addr_ok)?)?;
            if !x {
                Int(0)
            } else {
                Int(truth(eval(b, addr_ok)?)? as i64)
            }
        }
        ExprKind::LogOr(a, b) => {
            let x = truth(eval(a, addr_ok)?)?;
            if x {
                Int(1)
            } else {
                Int(truth(eval(b, addr_ok)?)? as i64)
            }
        }
        ExprKind::Cond(c, a, b) => {
            if truth(eval(c, addr_ok)?)? {
                eval(a, addr_ok)?
            } else {
                eval(b, addr_ok)?
            }
        }
        ExprKind::AddrOf(lv) if addr_ok => address(lv)?,
        ExprKind::FuncAddr(id) if addr_ok => Addr(AddrBase::Func(*id), 0),
        // Array and struct "values" are their addresses.
        ExprKind::Global(id) if addr_ok && e.ty.is_aggregate() => Addr(AddrBase::Global(*id), 0),
        ExprKind::Load(lv) if addr_ok && e.ty.is_aggregate() => address(lv)?,
        _ => return None,
    })
}

/// The address of an lvalue, if constant.
fn address(lv: &Expr) -> Option<Const> {
    match &lv.kind {
        ExprKind::Global(id) => Some(Const::Addr(AddrBase::Global(*id), 0)),
        ExprKind::Member(b, off) => match address(b)? {
            Const::Addr(base, o) => Some(Const::Addr(base, o + *off as i64)),
            _ => None,
        },
        ExprKind::Deref(p) => eval(p, true),
        ExprKind::FuncAddr(id) => Some(Const::Addr(AddrBase::Func(*id), 0)),
        _ => None,
    }
}

fn truth(c: Const) -> Option<bool> {
    match c {
        Const::Int(i) => Some(i != 0),
        Const::Float(f) => Some(f != 0.0),
        Const::LongDouble(x) => Some(!x.is_zero()),
        Const::Addr(..) => Some(true),
    }
}

fn int_binop(op: BinOp, s: Scalar, x: i64, y: i64, rt: &Type) -> Option<i64> {
    let signed = s.is_signed();
    let bits = s.size() * 8;
    let (ux, uy) = (x as u64, y as u64);
    let mask = |v: u64| {
        if bits == 64 {
            v
        } else {
            v & ((1u64 << bits) - 1)
        }
    };
    let r = match op {
        BinOp::Add => x.wrapping_add(y),
        BinOp::Sub => x.wrapping_sub(y),
        BinOp::Mul => x.wrapping_mul(y),
        BinOp::Div | BinOp::Rem => {
            if y == 0 {
                return None;
            }
            if signed {
                if op == BinOp::Div {
                    x.wrapping_div(y)
                } else {
                    x.wrapping_rem(y)
                }
            } else {
                let (a, b) = (mask(ux), mask(uy));
                (if op == BinOp::Div { a / b } else { a % b }) as i64
            }
        }
        BinOp::Shl => x.wrapping_shl((y as u32) & (bits as u32 - 1)),
        BinOp::Shr => {
            let sh = (y as u32) & (bits as u32 - 1);
            if signed {
                x >> sh
            } else {
                (mask(ux) >> sh) as i64
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::Eq => return Some((x == y) as i64),
        BinOp::Ne => return Some((x != y) as i64),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let o = if signed {
                x.cmp(&y)
            } else {
                mask(ux).cmp(&mask(uy))
            };
            use std::cmp::Ordering::*;
            return Some(match op {
                BinOp::Lt => o == Less,
                BinOp::Le => o != Greater,
                BinOp::Gt => o == Greater,
                _ => o != Less,
            } as i64);
        }
    };
    Some(norm(r, rt))
}

impl Sema {
    /// Evaluates an integer constant expression, reporting an error if it is not one.
    pub(crate) fn const_int(&mut self, e: &ast::Expr) -> Option<i64> {
        let x = self.rvalue_expr(e).ok()?;
        match eval(&x, false) {
            Some(Const::Int(v)) if x.ty.is_integer() => Some(v),
            _ => {
                self.error(e.loc, "expression is not an integer constant expression");
                None
            }
        }
    }

    /// Like `const_int` but silent when the expression is valid but not constant.
    pub(crate) fn const_int_quiet(&mut self, e: &ast::Expr) -> Option<i64> {
        let n = self.diags.len();
        let x = self.rvalue_expr(e).ok();
        self.diags.truncate(n);
        let x = x?;
        match eval(&x, false) {
            Some(Const::Int(v)) if x.ty.is_integer() => Some(v),
            _ => None,
        }
    }

    /// Checks an expression, keeping its diagnostics; true if it had none.
    pub(crate) fn check_expr_quiet(&mut self, e: &ast::Expr) -> bool {
        let n = self.diags.len();
        let _ = self.rvalue_expr(e);
        self.diags.len() == n
    }
}
