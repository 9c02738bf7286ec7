//! Expression evaluation (typed IR expression -> scalar bits or address).

use crate::mem::{self, as_f64, convert, from_f64, normalize, truthy};
use crate::{Interp, Res, Trap};
use ir::{BinOp, Expr, ExprKind, Scalar, Type, TypeKind, UnOp};

/// The scalar kind of a type; aggregates and functions are handled by address (U64).
#[inline]
pub(crate) fn sk(t: &Type) -> Scalar {
    t.scalar_kind().unwrap_or(Scalar::U64)
}

impl Interp {
    /// Evaluates an expression. Scalars give their value bits; lvalues and aggregates give
    /// an address.
    pub(crate) fn eval(&mut self, e: &Expr, fp: *mut u8) -> Res<u64> {
        Ok(match &e.kind {
            ExprKind::Int(v) => *v as u64,
            ExprKind::Float(f) => from_f64(*f, sk(&e.ty)),
            ExprKind::Local(off) => fp as u64 + *off as u64,
            ExprKind::Global(id) => self.image.global(*id) as u64,
            ExprKind::Deref(p) => self.eval(p, fp)?,
            ExprKind::Member(b, off) => self.eval(b, fp)? + off,
            ExprKind::BitField(unit, bit, width) => {
                // As an rvalue: extract (only reached through Load).
                let _ = (unit, bit, width);
                return Err(Trap::Error("internal error: bit-field used as address".into()));
            }
            ExprKind::FuncAddr(id) => self.image.slots[*id as usize].entry as u64,
            ExprKind::Load(lv) => {
                if let ExprKind::BitField(unit, bit, width) = &lv.kind {
                    let addr = self.eval(unit, fp)?;
                    let us = sk(&unit.ty);
                    let raw = unsafe { mem::load(addr as *const u8, us) };
                    return Ok(extract_bits(raw, *bit, *width, sk(&e.ty).is_signed()));
                }
                let addr = self.eval(lv, fp)?;
                if e.ty.is_aggregate() {
                    addr
                } else {
                    unsafe { mem::load(addr as *const u8, sk(&e.ty)) }
                }
            }
            ExprKind::AddrOf(lv) => self.eval(lv, fp)?,
            ExprKind::Unary(op, a) => {
                let s = sk(&a.ty);
                let v = self.eval(a, fp)?;
                match op {
                    UnOp::Neg => match s {
                        Scalar::F32 => (-f32::from_bits(v as u32)).to_bits() as u64,
                        Scalar::F64 => (-f64::from_bits(v)).to_bits(),
                        _ => normalize(v.wrapping_neg(), sk(&e.ty)),
                    },
                    UnOp::BitNot => normalize(!v, sk(&e.ty)),
                    UnOp::LogNot => (!truthy(v, s)) as u64,
                }
            }
            ExprKind::Binary { op, op_ty, lhs, rhs } => {
                let a = self.eval(lhs, fp)?;
                let b = self.eval(rhs, fp)?;
                binop(*op, *op_ty, a, b)?
            }
            ExprKind::PtrAdd(p, i, scale) => {
                let p = self.eval(p, fp)?;
                let i = self.eval(i, fp)?;
                p.wrapping_add(i.wrapping_mul(*scale))
            }
            ExprKind::PtrDiff(a, b, scale) => {
                let a = self.eval(a, fp)? as i64;
                let b = self.eval(b, fp)? as i64;
                (a.wrapping_sub(b) / (*scale).max(1) as i64) as u64
            }
            ExprKind::LogAnd(a, b) => {
                let av = self.eval(a, fp)?;
                (truthy(av, sk(&a.ty)) && {
                    let bv = self.eval(b, fp)?;
                    truthy(bv, sk(&b.ty))
                }) as u64
            }
            ExprKind::LogOr(a, b) => {
                let av = self.eval(a, fp)?;
                (truthy(av, sk(&a.ty)) || {
                    let bv = self.eval(b, fp)?;
                    truthy(bv, sk(&b.ty))
                }) as u64
            }
            ExprKind::Cond(c, a, b) => {
                let cv = self.eval(c, fp)?;
                if truthy(cv, sk(&c.ty)) {
                    self.eval(a, fp)?
                } else {
                    self.eval(b, fp)?
                }
            }
            ExprKind::Comma(a, b) => {
                self.eval(a, fp)?;
                self.eval(b, fp)?
            }
            ExprKind::Cast(a) => {
                let v = self.eval(a, fp)?;
                cast(v, &a.ty, &e.ty)
            }
            ExprKind::Assign(lv, rhs) => {
                let v = self.eval(rhs, fp)?;
                if let ExprKind::BitField(unit, bit, width) = &lv.kind {
                    let addr = self.eval(unit, fp)?;
                    return Ok(self.store_bits(addr, sk(&unit.ty), *bit, *width, v, sk(&e.ty)));
                }
                let addr = self.eval(lv, fp)?;
                if e.ty.is_aggregate() {
                    let size = self.image.types.size_of(&e.ty) as usize;
                    unsafe { std::ptr::copy(v as *const u8, addr as *mut u8, size) };
                    addr
                } else {
                    unsafe { mem::store(addr as *mut u8, sk(&e.ty), v) };
                    v
                }
            }
            ExprKind::OpAssign { op, op_ty, lv, rhs } => {
                let (addr, unit) = self.lvalue_addr(lv, fp)?;
                let ls = sk(&lv.ty);
                let old = self.load_lv(addr, unit, lv, ls);
                let r = self.eval(rhs, fp)?;
                let res = binop(*op, *op_ty, convert(old, ls, *op_ty), r)?;
                let new = cast_scalar(res, *op_ty, &lv.ty);
                self.store_lv(addr, unit, lv, ls, new)
            }
            ExprKind::PtrOpAssign { lv, rhs, scale, sub } => {
                let addr = self.eval(lv, fp)?;
                let old = unsafe { mem::load(addr as *const u8, Scalar::U64) };
                let n = self.eval(rhs, fp)?.wrapping_mul(*scale);
                let new = if *sub { old.wrapping_sub(n) } else { old.wrapping_add(n) };
                unsafe { mem::store(addr as *mut u8, Scalar::U64, new) };
                new
            }
            ExprKind::IncDec { lv, inc, post, scale } => {
                let (addr, unit) = self.lvalue_addr(lv, fp)?;
                let s = sk(&lv.ty);
                let old = self.load_lv(addr, unit, lv, s);
                let new = match s {
                    Scalar::F32 => {
                        let f = f32::from_bits(old as u32);
                        (if *inc { f + 1.0 } else { f - 1.0 }).to_bits() as u64
                    }
                    Scalar::F64 => {
                        let f = f64::from_bits(old);
                        (if *inc { f + 1.0 } else { f - 1.0 }).to_bits()
                    }
                    _ if lv.ty.kind == TypeKind::Bool => *inc as u64,
                    _ => {
                        let d = *scale;
                        normalize(if *inc { old.wrapping_add(d) } else { old.wrapping_sub(d) }, s)
                    }
                };
                let stored = self.store_lv(addr, unit, lv, s, new);
                if *post {
                    old
                } else {
                    stored
                }
            }
            ExprKind::Call(c) => self.eval_call(c, fp)?,
            ExprKind::Seq(s, x) => {
                match self.exec(s, fp)? {
                    crate::Flow::Normal => {}
                    _ => return Err(Trap::Error("jump out of a statement expression is not supported".into())),
                }
                self.eval(x, fp)?
            }
            ExprKind::VaStart(_) | ExprKind::VaArg(_) | ExprKind::VaCopy(..) => {
                return Err(Trap::Error("variadic function definitions are not supported yet".into()))
            }
        })
    }

    /// Address of an lvalue, plus the bit-field (bit, width) if it is one.
    fn lvalue_addr(&mut self, lv: &Expr, fp: *mut u8) -> Res<(u64, Option<(u32, u32, Scalar)>)> {
        if let ExprKind::BitField(unit, bit, width) = &lv.kind {
            let a = self.eval(unit, fp)?;
            return Ok((a, Some((*bit, *width, sk(&unit.ty)))));
        }
        Ok((self.eval(lv, fp)?, None))
    }

    fn load_lv(&self, addr: u64, unit: Option<(u32, u32, Scalar)>, _lv: &Expr, s: Scalar) -> u64 {
        match unit {
            Some((bit, width, us)) => {
                let raw = unsafe { mem::load(addr as *const u8, us) };
                extract_bits(raw, bit, width, s.is_signed())
            }
            None => unsafe { mem::load(addr as *const u8, s) },
        }
    }

    fn store_lv(&self, addr: u64, unit: Option<(u32, u32, Scalar)>, _lv: &Expr, s: Scalar, v: u64) -> u64 {
        match unit {
            Some((bit, width, us)) => self.store_bits(addr, us, bit, width, v, s),
            None => {
                unsafe { mem::store(addr as *mut u8, s, v) };
                v
            }
        }
    }

    /// Inserts `v` into a bit-field; returns the value as read back (truncated to the width).
    fn store_bits(&self, addr: u64, us: Scalar, bit: u32, width: u32, v: u64, s: Scalar) -> u64 {
        let mask = if width >= 64 { u64::MAX } else { (1u64 << width) - 1 };
        unsafe {
            let raw = mem::load(addr as *const u8, us);
            let new = (raw & !(mask << bit)) | ((v & mask) << bit);
            mem::store(addr as *mut u8, us, new);
        }
        extract_bits(v << bit, bit, width, s.is_signed())
    }
}

fn extract_bits(raw: u64, bit: u32, width: u32, signed: bool) -> u64 {
    let v = raw >> bit;
    if width >= 64 {
        return v;
    }
    let v = v & ((1u64 << width) - 1);
    if signed && v >> (width - 1) & 1 == 1 {
        v | !((1u64 << width) - 1)
    } else {
        v
    }
}

/// Converts a value of type `from` to type `to` (scalars; anything to void is 0).
#[inline]
pub(crate) fn cast(v: u64, from: &Type, to: &Type) -> u64 {
    if to.is_void() {
        return 0;
    }
    let fs = sk(from);
    if to.kind == TypeKind::Bool {
        return truthy(v, fs) as u64;
    }
    convert(v, fs, sk(to))
}

#[inline]
fn cast_scalar(v: u64, from: Scalar, to: &Type) -> u64 {
    if to.kind == TypeKind::Bool {
        return truthy(v, from) as u64;
    }
    convert(v, from, sk(to))
}

/// Applies a binary operator to two values of kind `s`.
#[inline]
pub(crate) fn binop(op: BinOp, s: Scalar, a: u64, b: u64) -> Res<u64> {
    if s.is_float() {
        let (x, y) = (as_f64(a, s), as_f64(b, s));
        if s == Scalar::F32 {
            let (x, y) = (x as f32, y as f32);
            let r = match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div => x / y,
                _ => return Ok(fcmp(op, x as f64, y as f64)),
            };
            return Ok(r.to_bits() as u64);
        }
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div => x / y,
            _ => return Ok(fcmp(op, x, y)),
        };
        return Ok(from_f64(r, s));
    }
    let signed = s.is_signed();
    let bits = s.size() * 8;
    let r = match op {
        BinOp::Add => a.wrapping_add(b),
        BinOp::Sub => a.wrapping_sub(b),
        BinOp::Mul => a.wrapping_mul(b),
        BinOp::Div | BinOp::Rem => {
            if normalize(b, s) == 0 {
                return Err(Trap::Error("integer division by zero".into()));
            }
            if signed {
                let (x, y) = (a as i64, b as i64);
                if op == BinOp::Div {
                    x.wrapping_div(y) as u64
                } else {
                    x.wrapping_rem(y) as u64
                }
            } else {
                let (x, y) = (normalize(a, s), normalize(b, s));
                if op == BinOp::Div {
                    x / y
                } else {
                    x % y
                }
            }
        }
        BinOp::Shl => a.wrapping_shl((b as u32) & (bits as u32 - 1)),
        BinOp::Shr => {
            let sh = (b as u32) & (bits as u32 - 1);
            if signed {
                ((a as i64) >> sh) as u64
            } else {
                normalize(a, s) >> sh
            }
        }
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::Eq => return Ok((a == b) as u64),
        BinOp::Ne => return Ok((a != b) as u64),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
            let o = if signed { (a as i64).cmp(&(b as i64)) } else { a.cmp(&b) };
            use std::cmp::Ordering::*;
            return Ok(match op {
                BinOp::Lt => o == Less,
                BinOp::Le => o != Greater,
                BinOp::Gt => o == Greater,
                _ => o != Less,
            } as u64);
        }
    };
    Ok(normalize(r, s))
}

fn fcmp(op: BinOp, x: f64, y: f64) -> u64 {
    (match op {
        BinOp::Eq => x == y,
        BinOp::Ne => x != y,
        BinOp::Lt => x < y,
        BinOp::Le => x <= y,
        BinOp::Gt => x > y,
        BinOp::Ge => x >= y,
        _ => false,
    }) as u64
}
