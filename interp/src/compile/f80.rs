//! `long double` expressions -> closures. An 80-bit value does not fit in the 64 value
//! bits every closure returns, so (as the IR's header says) a long double expression
//! evaluates to the address of its value: an lvalue's own storage, a constant owned by the
//! closure, or a 16-byte temporary in the frame. Arithmetic, comparisons and conversions
//! are the FPU's own instructions (`ir::f80`), so results are bit for bit GCC's.
//!
//! Temporaries: each node that makes a new value gets its own 16-byte slot after the
//! function's frame (the frame is extended when the body is compiled, see [`LdTemps`]).
//! One slot per node is enough: a node's value is consumed by its parent before the node
//! can run again (loops inside an expression are inside statement expressions, whose
//! values are consumed before the next iteration), and recursion gets a fresh frame.

use super::expr::{compile_expr, insert_bits, place, read_bits, Place};
use super::{sk, Cond, Ev};
use crate::{mem, Interp};
use ir::f80::{arith_at, cmp_at, Arith};
use ir::{BinOp, Expr, ExprKind as K, Scalar, Type, TypeKind, UnOp, F80};
use std::cell::Cell;
use std::cmp::Ordering;

/// Allocates long double temporaries while a body is compiled: they go after the frame
/// the front end laid out, and the frame grows to hold them.
#[derive(Default)]
pub(crate) struct LdTemps {
    end: Cell<u32>,
}

impl LdTemps {
    /// Starts a body whose frame (as the front end laid it out) is `frame` bytes.
    pub(crate) fn begin(&self, frame: u32) {
        self.end.set(frame);
    }
    /// The frame size including the temporaries allocated since `begin`.
    pub(crate) fn frame_size(&self) -> u32 {
        self.end.get()
    }
    fn alloc(&self) -> usize {
        let o = self.end.get().div_ceil(16) * 16;
        self.end.set(o + 16);
        o as usize
    }
}

fn is_ld(t: &Type) -> bool {
    t.kind == TypeKind::LongDouble
}

/// Where an operand's value is, without copying it: a frame slot, a fixed address, or
/// computed. Operands are read right after both are evaluated, as the other kinds'
/// frame-slot operands are (`expr::Opnd`).
enum Src {
    Frame(usize),
    Abs(usize),
    Any(Ev),
}

impl Src {
    #[inline(always)]
    fn addr(&self, it: &mut Interp, fp: *mut u8) -> *const u8 {
        match self {
            Src::Frame(o) => unsafe { fp.add(*o) },
            Src::Abs(a) => *a as *const u8,
            Src::Any(f) => f(it, fp) as *const u8,
        }
    }
}

/// An operand of long double type.
fn operand(it: &Interp, e: &Expr) -> Src {
    match &e.kind {
        K::Load(lv) if !matches!(lv.kind, K::BitField(..)) => match place(it, lv) {
            Place::Frame(o) => Src::Frame(o),
            Place::Abs(a) => Src::Abs(a),
            Place::Dyn(f) => Src::Any(f),
        },
        _ => match const_value(e) {
            Some(v) => Src::Abs(constant(v)),
            None => Src::Any(compile_expr(it, e)),
        },
    }
}

/// The value of a long double constant: a literal, or a converted or negated one (sema
/// converts `x == 0` to `x == (long double)0`).
fn const_value(e: &Expr) -> Option<F80> {
    if !is_ld(&e.ty) {
        return None;
    }
    match &e.kind {
        K::LongDouble(v) => Some(*v),
        K::Float(f) => Some(F80::from_f64(*f)),
        K::Int(v) => Some(F80::from_i64(*v)),
        K::Unary(UnOp::Neg, a) => const_value(a).map(F80::neg),
        K::Cast(a) => match (&a.kind, sk(&a.ty)) {
            (_, Scalar::F80) => const_value(a),
            (K::Float(f), Scalar::F32) => Some(F80::from_f32(*f as f32)),
            (K::Float(f), _) => Some(F80::from_f64(*f)),
            (K::Int(v), s) if a.ty.kind != TypeKind::Bool => {
                Some(F80::from_int(mem::normalize(*v as u64, s), s))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A constant's address: the value lives as long as the process (compiled code is never
/// freed, see `Interp::invalidate`).
fn constant(v: F80) -> usize {
    Box::leak(Box::new(v)) as *const F80 as usize
}

fn arith_op(op: BinOp) -> Arith {
    match op {
        BinOp::Add => Arith::Add,
        BinOp::Sub => Arith::Sub,
        BinOp::Mul => Arith::Mul,
        BinOp::Div => Arith::Div,
        op => unreachable!("{op:?} on long double"),
    }
}

/// Compiles `e` if it involves long double values (its type, or its operands' for
/// comparisons, conversions and compound assignments); `None` for everything else, and
/// for nodes that treat long doubles like any address (lvalues, calls, `?:`, comma).
pub(crate) fn compile(it: &Interp, e: &Expr) -> Option<Ev> {
    let ld = is_ld(&e.ty);
    if let Some(v) = const_value(e) {
        let a = constant(v) as u64;
        return Some(Box::new(move |_, _| a));
    }
    Some(match &e.kind {
        K::Load(_) if ld => {
            // A copy: the value must not change if the lvalue does before it is used.
            let src = operand(it, e);
            let t = it.ld_temps.alloc();
            Box::new(move |it, fp| unsafe {
                let d = fp.add(t);
                F80::read(src.addr(it, fp)).write(d);
                d as u64
            })
        }
        K::Unary(UnOp::Neg, a) if ld => {
            let a = operand(it, a);
            let t = it.ld_temps.alloc();
            Box::new(move |it, fp| unsafe {
                let d = fp.add(t);
                F80::read(a.addr(it, fp)).neg().write(d);
                d as u64
            })
        }
        K::Binary {
            op,
            op_ty: Scalar::F80,
            lhs,
            rhs,
        } => {
            if op.is_comparison() {
                let c = compare(it, *op, lhs, rhs);
                return Some(Box::new(move |it, fp| c(it, fp) as u64));
            }
            let (a, b) = (operand(it, lhs), operand(it, rhs));
            let op = arith_op(*op);
            let t = it.ld_temps.alloc();
            match (a, b) {
                (Src::Frame(x), Src::Frame(y)) => Box::new(move |_, fp| unsafe {
                    let d = fp.add(t);
                    arith_at(op, fp.add(x), fp.add(y), d);
                    d as u64
                }),
                (a, b) => Box::new(move |it, fp| unsafe {
                    let x = a.addr(it, fp);
                    let y = b.addr(it, fp);
                    let d = fp.add(t);
                    arith_at(op, x, y, d);
                    d as u64
                }),
            }
        }
        K::Cast(a) if ld && is_ld(&a.ty) => compile_expr(it, a),
        K::Cast(a) if ld => {
            let v = compile_expr(it, a);
            let fs = sk(&a.ty);
            let t = it.ld_temps.alloc();
            Box::new(move |it, fp| unsafe {
                let x = v(it, fp);
                let d = fp.add(t);
                let r = match fs {
                    Scalar::F32 => F80::from_f32(f32::from_bits(x as u32)),
                    Scalar::F64 => F80::from_f64(f64::from_bits(x)),
                    s => F80::from_int(x, s),
                };
                r.write(d);
                d as u64
            })
        }
        K::Cast(a) if is_ld(&a.ty) => {
            let v = operand(it, a);
            let to = e.ty.clone();
            if to.is_void() {
                return Some(Box::new(move |it, fp| {
                    v.addr(it, fp);
                    0
                }));
            }
            Box::new(move |it, fp| from_ld(unsafe { F80::read(v.addr(it, fp)) }, &to))
        }
        K::Assign(lv, rhs) if ld => {
            let v = compile_expr(it, rhs);
            let a = place(it, lv).ev();
            Box::new(move |it, fp| unsafe {
                let x = v(it, fp);
                let d = a(it, fp);
                F80::read(x as *const u8).write(d as *mut u8);
                d
            })
        }
        K::OpAssign {
            op,
            op_ty: Scalar::F80,
            lv,
            rhs,
        } => op_assign(it, arith_op(*op), lv, rhs),
        K::IncDec { lv, inc, post, .. } if is_ld(&lv.ty) => {
            let a = place(it, lv).ev();
            let d = constant(if *inc { F80::ONE } else { F80::ONE.neg() }) as *const u8;
            if *post {
                let t = it.ld_temps.alloc();
                Box::new(move |it, fp| unsafe {
                    let p = a(it, fp) as *mut u8;
                    let old = fp.add(t);
                    F80::read(p).write(old);
                    arith_at(Arith::Add, old, d, p);
                    old as u64
                })
            } else {
                Box::new(move |it, fp| unsafe {
                    let p = a(it, fp) as *mut u8;
                    arith_at(Arith::Add, p, d, p);
                    p as u64
                })
            }
        }
        _ => return None,
    })
}

/// A long double converted to a scalar of type `to` (value bits).
fn from_ld(x: F80, to: &Type) -> u64 {
    if to.kind == TypeKind::Bool {
        return !x.is_zero() as u64;
    }
    match sk(to) {
        Scalar::F32 => x.to_f32().to_bits() as u64,
        Scalar::F64 => x.to_f64().to_bits(),
        s => x.to_int(s),
    }
}

/// A scalar of kind `s` (value bits) as a long double.
fn to_ld(v: u64, s: Scalar) -> F80 {
    match s {
        Scalar::F32 => F80::from_f32(f32::from_bits(v as u32)),
        Scalar::F64 => F80::from_f64(f64::from_bits(v)),
        s => F80::from_int(v, s),
    }
}

/// `lv op= rhs` computed in long double: on a long double lvalue in place; on any other
/// (`i += 0.5L`, `d *= x`), load, convert, operate, convert back, store.
fn op_assign(it: &Interp, op: Arith, lv: &Expr, rhs: &Expr) -> Ev {
    let r = operand(it, rhs);
    if is_ld(&lv.ty) {
        let a = place(it, lv).ev();
        return Box::new(move |it, fp| unsafe {
            let y = r.addr(it, fp);
            let p = a(it, fp) as *mut u8;
            arith_at(op, p, y, p);
            p as u64
        });
    }
    let lt = lv.ty.clone();
    let ls = sk(&lt);
    let t = it.ld_temps.alloc();
    if let K::BitField(unit, bit, width) = &lv.kind {
        let a = place(it, unit).ev();
        let (us, bit, width, signed) = (sk(&unit.ty), *bit, *width, ls.is_signed());
        return Box::new(move |it, fp| unsafe {
            let y = r.addr(it, fp);
            let addr = a(it, fp);
            let old = read_bits(addr, us, bit, width, signed);
            let tmp = fp.add(t);
            to_ld(old, ls).write(tmp);
            arith_at(op, tmp, y, tmp);
            insert_bits(addr, us, bit, width, from_ld(F80::read(tmp), &lt), signed)
        });
    }
    let a = place(it, lv).ev();
    Box::new(move |it, fp| unsafe {
        let y = r.addr(it, fp);
        let addr = a(it, fp) as *mut u8;
        let tmp = fp.add(t);
        to_ld(mem::load(addr, ls), ls).write(tmp);
        arith_at(op, tmp, y, tmp);
        let new = from_ld(F80::read(tmp), &lt);
        if lt.kind == TypeKind::Bool {
            *addr = new as u8;
        } else {
            mem::store(addr, ls, new);
        }
        new
    })
}

fn compare(it: &Interp, op: BinOp, lhs: &Expr, rhs: &Expr) -> Cond {
    let (a, b) = (operand(it, lhs), operand(it, rhs));
    fn go<F: Fn(Option<Ordering>) -> bool + 'static>(a: Src, b: Src, f: F) -> Cond {
        Box::new(move |it, fp| {
            let x = a.addr(it, fp);
            let y = b.addr(it, fp);
            f(unsafe { cmp_at(x, y) })
        })
    }
    use Ordering::*;
    match op {
        BinOp::Eq => go(a, b, |o| o == Some(Equal)),
        BinOp::Ne => go(a, b, |o| o != Some(Equal)),
        BinOp::Lt => go(a, b, |o| o == Some(Less)),
        BinOp::Le => go(a, b, |o| matches!(o, Some(Less | Equal))),
        BinOp::Gt => go(a, b, |o| o == Some(Greater)),
        _ => go(a, b, |o| matches!(o, Some(Greater | Equal))),
    }
}

/// Compiles `e` as a condition if it involves long doubles: a comparison of two, or a
/// long double tested against zero. `None` otherwise.
pub(crate) fn compile_cond(it: &Interp, e: &Expr) -> Option<Cond> {
    match &e.kind {
        K::Binary {
            op,
            op_ty: Scalar::F80,
            lhs,
            rhs,
        } if op.is_comparison() => Some(compare(it, *op, lhs, rhs)),
        _ if is_ld(&e.ty) => {
            let v = operand(it, e);
            Some(Box::new(move |it, fp| {
                !unsafe { F80::read(v.addr(it, fp)) }.is_zero()
            }))
        }
        _ => None,
    }
}
