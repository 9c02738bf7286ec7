//! Expressions -> closures, specialized by operand kind and by the shape of the operands
//! (frame slots and constants are read directly, without a nested closure call).

use super::num::{Int, Num};
use super::{sk, Cond, Ev};
use crate::mem::{self, as_f64, convert, from_f64, normalize, truthy};
use crate::{raise, Interp, Trap};
use ir::abi::{Cls, Pass};
use ir::{BinOp, Expr, ExprKind as K, Scalar, Type, TypeKind, UnOp};

/// Marks a jmp_buf filled by the interpreter's setjmp.
use ir::JMP_MAGIC;

/// Dispatches a generic function on an integer scalar kind.
macro_rules! by_int {
    ($s:expr, $f:ident, $($arg:expr),*) => {
        match $s {
            Scalar::I8 => $f::<i8>($($arg),*),
            Scalar::U8 => $f::<u8>($($arg),*),
            Scalar::I16 => $f::<i16>($($arg),*),
            Scalar::U16 => $f::<u16>($($arg),*),
            Scalar::I32 => $f::<i32>($($arg),*),
            Scalar::U32 => $f::<u32>($($arg),*),
            Scalar::I64 => $f::<i64>($($arg),*),
            _ => $f::<u64>($($arg),*),
        }
    };
}

/// Dispatches on any scalar kind (long double never gets here: `f80.rs` compiles it).
macro_rules! by_num {
    ($s:expr, $f:ident, $($arg:expr),*) => {
        match $s {
            Scalar::F32 => $f::<f32>($($arg),*),
            Scalar::F64 => $f::<f64>($($arg),*),
            s => by_int!(s, $f, $($arg),*),
        }
    };
}

/// The trap `longjmp(env, value)` raises (in every tier).
pub(crate) fn longjmp_trap(b: *const u64, value: i32) -> Trap {
    unsafe {
        if std::ptr::read_unaligned(b) != JMP_MAGIC {
            return Trap::Error("longjmp with a jmp_buf that setjmp did not fill".into());
        }
        let target = std::ptr::read_unaligned(b.add(1)) as usize;
        let label = std::ptr::read_unaligned(b.add(2)) as ir::LabelId;
        Trap::LongJmp {
            fp: target,
            label,
            value: if value == 0 { 1 } else { value },
            // (`ir::NONLOCAL_GOTO` passes through: the catcher sets no setjmp value.)
        }
    }
}

/// Where an lvalue is: a frame slot, a fixed address, or computed.
pub(crate) enum Place {
    Frame(usize),
    Abs(usize),
    Dyn(Ev),
}

impl Place {
    pub(crate) fn ev(self) -> Ev {
        match self {
            Place::Frame(o) => Box::new(move |_, fp| fp as u64 + o as u64),
            Place::Abs(a) => Box::new(move |_, _| a as u64),
            Place::Dyn(f) => f,
        }
    }
}

/// An operand: constant, a value read from a frame slot, or anything.
enum Opnd {
    Const(u64),
    Local(usize),
    Any(Ev),
}

impl Opnd {
    fn ev<T: Num>(self) -> Ev {
        match self {
            Opnd::Const(k) => Box::new(move |_, _| k),
            Opnd::Local(o) => Box::new(move |_, fp| unsafe { T::read(fp.add(o)) }.to_bits()),
            Opnd::Any(f) => f,
        }
    }
}

fn opnd(it: &Interp, e: &Expr, s: Scalar) -> Opnd {
    match &e.kind {
        K::Int(v) => return Opnd::Const(normalize(*v as u64, s)),
        K::Float(f) => return Opnd::Const(from_f64(*f, s)),
        K::Load(lv) if !e.ty.is_aggregate() && sk(&e.ty) == s => {
            if let K::Local(o) = lv.kind {
                return Opnd::Local(o as usize);
            }
        }
        _ => {}
    }
    Opnd::Any(compile_expr(it, e))
}

pub(crate) fn place(it: &Interp, e: &Expr) -> Place {
    match &e.kind {
        K::Local(o) => Place::Frame(*o as usize),
        K::Global(id) => Place::Abs(it.global_addr(*id)),
        K::Member(b, off) => {
            let off = *off as usize;
            match place(it, b) {
                Place::Frame(o) => Place::Frame(o + off),
                Place::Abs(a) => Place::Abs(a + off),
                Place::Dyn(f) => Place::Dyn(Box::new(move |it, fp| f(it, fp) + off as u64)),
            }
        }
        K::Deref(p) => Place::Dyn(compile_expr(it, p)),
        // Aggregate rvalues (call results, statement expressions, ?:) evaluate to addresses.
        _ => Place::Dyn(compile_expr(it, e)),
    }
}

fn load<T: Num>(p: Place) -> Ev {
    match p {
        Place::Frame(o) => Box::new(move |_, fp| unsafe { T::read(fp.add(o)) }.to_bits()),
        Place::Abs(a) => Box::new(move |_, _| unsafe { T::read(a as *const u8) }.to_bits()),
        Place::Dyn(f) => Box::new(move |it, fp| {
            let a = f(it, fp);
            unsafe { T::read(a as *const u8) }.to_bits()
        }),
    }
}

fn store<T: Num>(p: Place, v: Ev) -> Ev {
    match p {
        Place::Frame(o) => Box::new(move |it, fp| {
            let x = v(it, fp);
            unsafe { T::write(fp.add(o), T::from_bits(x)) };
            x
        }),
        Place::Abs(a) => Box::new(move |it, fp| {
            let x = v(it, fp);
            unsafe { T::write(a as *mut u8, T::from_bits(x)) };
            x
        }),
        Place::Dyn(f) => Box::new(move |it, fp| {
            let x = v(it, fp);
            let a = f(it, fp);
            unsafe { T::write(a as *mut u8, T::from_bits(x)) };
            x
        }),
    }
}

#[cold]
fn div_zero() -> ! {
    crate::tier::div_zero_signal();
    if let Some(it) = crate::ffi::current() {
        // The program's SIGFPE handler longjmp'd out.
        it.check_pending();
    }
    raise(Trap::Error("integer division by zero".into()))
}

/// A binary operation `f` on kind T, specialized by operand shape.
fn bin<T: Num, F: Fn(T, T) -> T + Copy + 'static>(a: Opnd, b: Opnd, f: F) -> Ev {
    match (a, b) {
        (Opnd::Local(x), Opnd::Const(k)) => {
            let k = T::from_bits(k);
            Box::new(move |_, fp| f(unsafe { T::read(fp.add(x)) }, k).to_bits())
        }
        (Opnd::Local(x), Opnd::Local(y)) => Box::new(move |_, fp| {
            f(unsafe { T::read(fp.add(x)) }, unsafe { T::read(fp.add(y)) }).to_bits()
        }),
        (a, Opnd::Const(k)) => {
            let a = a.ev::<T>();
            let k = T::from_bits(k);
            Box::new(move |it, fp| f(T::from_bits(a(it, fp)), k).to_bits())
        }
        (Opnd::Local(x), b) => {
            let b = b.ev::<T>();
            Box::new(move |it, fp| {
                let y = T::from_bits(b(it, fp));
                f(unsafe { T::read(fp.add(x)) }, y).to_bits()
            })
        }
        (a, Opnd::Local(y)) => {
            let a = a.ev::<T>();
            Box::new(move |it, fp| {
                let x = T::from_bits(a(it, fp));
                f(x, unsafe { T::read(fp.add(y)) }).to_bits()
            })
        }
        (a, b) => {
            let (a, b) = (a.ev::<T>(), b.ev::<T>());
            Box::new(move |it, fp| {
                let x = T::from_bits(a(it, fp));
                f(x, T::from_bits(b(it, fp))).to_bits()
            })
        }
    }
}

fn cmp<T: Num, F: Fn(T, T) -> bool + Copy + 'static>(a: Opnd, b: Opnd, f: F) -> Cond {
    match (a, b) {
        (Opnd::Local(x), Opnd::Const(k)) => {
            let k = T::from_bits(k);
            Box::new(move |_, fp| f(unsafe { T::read(fp.add(x)) }, k))
        }
        (Opnd::Local(x), Opnd::Local(y)) => {
            Box::new(move |_, fp| f(unsafe { T::read(fp.add(x)) }, unsafe { T::read(fp.add(y)) }))
        }
        (a, Opnd::Const(k)) => {
            let a = a.ev::<T>();
            let k = T::from_bits(k);
            Box::new(move |it, fp| f(T::from_bits(a(it, fp)), k))
        }
        (a, b) => {
            let (a, b) = (a.ev::<T>(), b.ev::<T>());
            Box::new(move |it, fp| {
                let x = T::from_bits(a(it, fp));
                f(x, T::from_bits(b(it, fp)))
            })
        }
    }
}

fn arith<T: Num>(op: BinOp, a: Opnd, b: Opnd) -> Ev {
    match op {
        BinOp::Add => bin::<T, _>(a, b, |x, y| x.add(y)),
        BinOp::Sub => bin::<T, _>(a, b, |x, y| x.sub(y)),
        BinOp::Mul => bin::<T, _>(a, b, |x, y| x.mul(y)),
        BinOp::Div => bin::<T, _>(a, b, |x, y| x.div(y).unwrap_or_else(|| div_zero())),
        BinOp::Rem => bin::<T, _>(a, b, |x, y| x.rem(y).unwrap_or_else(|| div_zero())),
        _ => unreachable!("not an arithmetic operator"),
    }
}

fn bitop<T: Int>(op: BinOp, a: Opnd, b: Opnd) -> Ev {
    match op {
        BinOp::And => bin::<T, _>(a, b, |x, y| x.and(y)),
        BinOp::Or => bin::<T, _>(a, b, |x, y| x.or(y)),
        BinOp::Xor => bin::<T, _>(a, b, |x, y| x.xor(y)),
        BinOp::Shl => bin::<T, _>(a, b, |x, y| x.shl(y.to_bits())),
        BinOp::Shr => bin::<T, _>(a, b, |x, y| x.shr(y.to_bits())),
        op => arith::<T>(op, a, b),
    }
}

fn compare<T: Num>(op: BinOp, a: Opnd, b: Opnd) -> Cond {
    match op {
        BinOp::Eq => cmp::<T, _>(a, b, |x, y| x == y),
        BinOp::Ne => cmp::<T, _>(a, b, |x, y| x != y),
        BinOp::Lt => cmp::<T, _>(a, b, |x, y| x < y),
        BinOp::Le => cmp::<T, _>(a, b, |x, y| x <= y),
        BinOp::Gt => cmp::<T, _>(a, b, |x, y| x > y),
        _ => cmp::<T, _>(a, b, |x, y| x >= y),
    }
}

fn float_bin<T: Num>(op: BinOp, a: Opnd, b: Opnd) -> Ev {
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => arith::<T>(op, a, b),
        _ => unreachable!("not a floating operator"),
    }
}

fn cond_ev(c: Cond) -> Ev {
    Box::new(move |it, fp| c(it, fp) as u64)
}

/// Compiles a value in a condition context.
pub(crate) fn compile_cond(it: &Interp, e: &Expr) -> Cond {
    if let Some(c) = super::f80::compile_cond(it, e) {
        return c;
    }
    match &e.kind {
        K::Binary {
            op,
            op_ty,
            lhs,
            rhs,
        } if op.is_comparison() => {
            let (a, b) = (opnd(it, lhs, *op_ty), opnd(it, rhs, *op_ty));
            by_num!(*op_ty, compare, *op, a, b)
        }
        K::LogAnd(a, b) => {
            let (a, b) = (compile_cond(it, a), compile_cond(it, b));
            Box::new(move |it, fp| a(it, fp) && b(it, fp))
        }
        K::LogOr(a, b) => {
            let (a, b) = (compile_cond(it, a), compile_cond(it, b));
            Box::new(move |it, fp| a(it, fp) || b(it, fp))
        }
        K::Unary(UnOp::LogNot, a) => {
            let a = compile_cond(it, a);
            Box::new(move |it, fp| !a(it, fp))
        }
        _ => {
            let s = sk(&e.ty);
            let v = compile_expr(it, e);
            match s {
                Scalar::F32 | Scalar::F64 => Box::new(move |it, fp| truthy(v(it, fp), s)),
                _ => Box::new(move |it, fp| v(it, fp) != 0),
            }
        }
    }
}

fn cast_int<T: Num>(v: Ev) -> Ev {
    Box::new(move |it, fp| T::from_bits(v(it, fp)).to_bits())
}

/// Converts `v` of type `from` to type `to`.
pub(crate) fn compile_cast(v: Ev, from: &Type, to: &Type) -> Ev {
    if to.is_void() {
        return Box::new(move |it, fp| {
            v(it, fp);
            0
        });
    }
    let fs = sk(from);
    if to.kind == TypeKind::Bool {
        return Box::new(move |it, fp| truthy(v(it, fp), fs) as u64);
    }
    let ts = sk(to);
    if !fs.is_float() && !ts.is_float() {
        if fs.size() <= ts.size()
            && (fs.is_signed() == ts.is_signed() || fs.size() < ts.size())
            && ts.size() == 8
        {
            // Widening to 64 bits: the bits are already sign- or zero-extended.
            return v;
        }
        return by_int!(ts, cast_int, v);
    }
    match (fs, ts) {
        (Scalar::F64, Scalar::F32) => {
            Box::new(move |it, fp| (f64::from_bits(v(it, fp)) as f32).to_bits() as u64)
        }
        (Scalar::F32, Scalar::F64) => {
            Box::new(move |it, fp| (f32::from_bits(v(it, fp) as u32) as f64).to_bits())
        }
        (Scalar::I32 | Scalar::I64 | Scalar::I16 | Scalar::I8, Scalar::F64) => {
            Box::new(move |it, fp| (v(it, fp) as i64 as f64).to_bits())
        }
        (Scalar::F64, Scalar::I32) => {
            Box::new(move |it, fp| f64::from_bits(v(it, fp)) as i32 as i64 as u64)
        }
        _ => Box::new(move |it, fp| convert(v(it, fp), fs, ts)),
    }
}

/// Generic binary operation on value bits (slow path: compound assignment with
/// conversions; not long double, see `f80.rs`).
pub(crate) fn binop(op: BinOp, s: Scalar, a: u64, b: u64) -> u64 {
    if s.is_float() {
        let (x, y) = (as_f64(a, s), as_f64(b, s));
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div => x / y,
            BinOp::Eq => return (x == y) as u64,
            BinOp::Ne => return (x != y) as u64,
            BinOp::Lt => return (x < y) as u64,
            BinOp::Le => return (x <= y) as u64,
            BinOp::Gt => return (x > y) as u64,
            BinOp::Ge => return (x >= y) as u64,
            _ => 0.0,
        };
        return from_f64(if s == Scalar::F32 { r as f32 as f64 } else { r }, s);
    }
    fn go<T: Int>(op: BinOp, a: u64, b: u64) -> u64 {
        let (x, y) = (T::from_bits(a), T::from_bits(b));
        match op {
            BinOp::Add => x.add(y).to_bits(),
            BinOp::Sub => x.sub(y).to_bits(),
            BinOp::Mul => x.mul(y).to_bits(),
            BinOp::Div => x.div(y).unwrap_or_else(|| div_zero()).to_bits(),
            BinOp::Rem => x.rem(y).unwrap_or_else(|| div_zero()).to_bits(),
            BinOp::Shl => x.shl(b).to_bits(),
            BinOp::Shr => x.shr(b).to_bits(),
            BinOp::And => x.and(y).to_bits(),
            BinOp::Or => x.or(y).to_bits(),
            BinOp::Xor => x.xor(y).to_bits(),
            BinOp::Eq => (x == y) as u64,
            BinOp::Ne => (x != y) as u64,
            BinOp::Lt => (x < y) as u64,
            BinOp::Le => (x <= y) as u64,
            BinOp::Gt => (x > y) as u64,
            BinOp::Ge => (x >= y) as u64,
        }
    }
    by_int!(s, go, op, a, b)
}

fn neg<T: Num>(v: Ev) -> Ev {
    Box::new(move |it, fp| T::from_bits(v(it, fp)).neg().to_bits())
}

fn bitnot<T: Int>(v: Ev) -> Ev {
    Box::new(move |it, fp| T::from_bits(v(it, fp)).not().to_bits())
}

/// `lv op= rhs` where the lvalue's kind is the operation's kind (no conversions).
fn op_assign_same<T: Num, F: Fn(T, T) -> T + Copy + 'static>(p: Place, rhs: Ev, f: F) -> Ev {
    match p {
        Place::Frame(o) => Box::new(move |it, fp| {
            let r = T::from_bits(rhs(it, fp));
            let p = unsafe { fp.add(o) };
            let v = f(unsafe { T::read(p) }, r);
            unsafe { T::write(p, v) };
            v.to_bits()
        }),
        p => {
            let a = p.ev();
            Box::new(move |it, fp| {
                let r = T::from_bits(rhs(it, fp));
                let p = a(it, fp) as *mut u8;
                let v = f(unsafe { T::read(p) }, r);
                unsafe { T::write(p, v) };
                v.to_bits()
            })
        }
    }
}

fn op_assign_int<T: Int>(op: BinOp, p: Place, rhs: Ev) -> Ev {
    match op {
        BinOp::Add => op_assign_same::<T, _>(p, rhs, |x, y| x.add(y)),
        BinOp::Sub => op_assign_same::<T, _>(p, rhs, |x, y| x.sub(y)),
        BinOp::Mul => op_assign_same::<T, _>(p, rhs, |x, y| x.mul(y)),
        BinOp::Div => op_assign_same::<T, _>(p, rhs, |x, y| x.div(y).unwrap_or_else(|| div_zero())),
        BinOp::Rem => op_assign_same::<T, _>(p, rhs, |x, y| x.rem(y).unwrap_or_else(|| div_zero())),
        BinOp::And => op_assign_same::<T, _>(p, rhs, |x, y| x.and(y)),
        BinOp::Or => op_assign_same::<T, _>(p, rhs, |x, y| x.or(y)),
        BinOp::Xor => op_assign_same::<T, _>(p, rhs, |x, y| x.xor(y)),
        BinOp::Shl => op_assign_same::<T, _>(p, rhs, |x, y| x.shl(y.to_bits())),
        BinOp::Shr => op_assign_same::<T, _>(p, rhs, |x, y| x.shr(y.to_bits())),
        _ => unreachable!("comparison in compound assignment"),
    }
}

fn op_assign_float<T: Num>(op: BinOp, p: Place, rhs: Ev) -> Ev {
    match op {
        BinOp::Add => op_assign_same::<T, _>(p, rhs, |x, y| x.add(y)),
        BinOp::Sub => op_assign_same::<T, _>(p, rhs, |x, y| x.sub(y)),
        BinOp::Mul => op_assign_same::<T, _>(p, rhs, |x, y| x.mul(y)),
        _ => op_assign_same::<T, _>(p, rhs, |x, y| x.div(y).unwrap()),
    }
}

fn incdec<T: Num>(p: Place, step: u64, inc: bool, post: bool) -> Ev {
    let d = if T::one().to_bits() == 1 {
        T::from_bits(step)
    } else {
        T::one()
    };
    let f = move |x: T| if inc { x.add(d) } else { x.sub(d) };
    match p {
        Place::Frame(o) => {
            if post {
                Box::new(move |_, fp| unsafe {
                    let p = fp.add(o);
                    let old = T::read(p);
                    T::write(p, f(old));
                    old.to_bits()
                })
            } else {
                Box::new(move |_, fp| unsafe {
                    let p = fp.add(o);
                    let new = f(T::read(p));
                    T::write(p, new);
                    new.to_bits()
                })
            }
        }
        p => {
            let a = p.ev();
            Box::new(move |it, fp| unsafe {
                let p = a(it, fp) as *mut u8;
                let old = T::read(p);
                let new = f(old);
                T::write(p, new);
                if post { old } else { new }.to_bits()
            })
        }
    }
}

/// Reads the bit-field at `bit`, `width` of the storage unit (of kind `us`) at `addr`.
pub(crate) fn read_bits(addr: u64, us: Scalar, bit: u32, width: u32, signed: bool) -> u64 {
    let n = ir::bits::span_bytes(us.size() as usize, bit, width);
    if n == us.size() as usize {
        // SAFETY: `addr` is the unit of a bit-field the front end laid out.
        let raw = unsafe { mem::load(addr as *const u8, us) };
        return ir::bits::get(raw as u128, bit, width, signed);
    }
    // SAFETY: `addr` is the unit of a bit-field the front end laid out: its span (the unit,
    // and for a packed nine-byte field the byte after it) lies inside the object.
    let raw = unsafe { ir::bits::read_le(std::slice::from_raw_parts(addr as *const u8, n), n) };
    ir::bits::get(raw, bit, width, signed)
}

/// Inserts `v` into a bit-field; returns the value as read back.
pub(crate) fn insert_bits(
    addr: u64,
    us: Scalar,
    bit: u32,
    width: u32,
    v: u64,
    signed: bool,
) -> u64 {
    let n = ir::bits::span_bytes(us.size() as usize, bit, width);
    // SAFETY: as in `read_bits`; the span is written as bytes, so alignment does not matter.
    let bytes = unsafe { std::slice::from_raw_parts_mut(addr as *mut u8, n) };
    let raw = ir::bits::set(ir::bits::read_le(bytes, n), bit, width, v);
    ir::bits::write_le(bytes, n, raw);
    ir::bits::get(raw, bit, width, signed)
}

fn to_kind(v: u64, from: Scalar, to: &Type) -> u64 {
    if to.kind == TypeKind::Bool {
        truthy(v, from) as u64
    } else {
        convert(v, from, sk(to))
    }
}

pub(crate) fn compile_expr(it: &Interp, e: &Expr) -> Ev {
    if let Some(f) = super::f80::compile(it, e) {
        return f;
    }
    match &e.kind {
        K::Int(v) => {
            let v = normalize(*v as u64, sk(&e.ty));
            Box::new(move |_, _| v)
        }
        K::Float(f) => {
            let v = from_f64(*f, sk(&e.ty));
            Box::new(move |_, _| v)
        }
        K::LongDouble(_) => unreachable!("compiled by f80.rs"),
        K::Local(_) | K::Global(_) | K::Member(..) | K::Deref(_) => place(it, e).ev(),
        K::BitField(..) => {
            Box::new(|_, _| raise(Trap::Error("internal error: address of a bit-field".into())))
        }
        K::FuncAddr(id) => {
            let id = *id as usize;
            Box::new(move |it, _| it.image.slots[id].entry as u64)
        }
        K::Load(lv) => {
            if let K::BitField(unit, bit, width) = &lv.kind {
                let a = place(it, unit).ev();
                let (us, bit, width, signed) = (sk(&unit.ty), *bit, *width, sk(&e.ty).is_signed());
                return Box::new(move |it, fp| read_bits(a(it, fp), us, bit, width, signed));
            }
            let p = place(it, lv);
            if e.ty.is_aggregate() {
                return p.ev();
            }
            by_num!(sk(&e.ty), load, p)
        }
        K::AddrOf(lv) => place(it, lv).ev(),
        K::Unary(op, a) => {
            let s = sk(&a.ty);
            let v = compile_expr(it, a);
            match op {
                UnOp::Neg => by_num!(s, neg, v),
                UnOp::BitNot => by_int!(s, bitnot, v),
                UnOp::LogNot => {
                    let c = compile_cond(it, e);
                    cond_ev(c)
                }
            }
        }
        K::Binary {
            op,
            op_ty,
            lhs,
            rhs,
        } => {
            if op.is_comparison() {
                return cond_ev(compile_cond(it, e));
            }
            let s = *op_ty;
            let (a, b) = (opnd(it, lhs, s), opnd(it, rhs, s));
            match s {
                Scalar::F32 => float_bin::<f32>(*op, a, b),
                Scalar::F64 => float_bin::<f64>(*op, a, b),
                s => by_int!(s, bitop, *op, a, b),
            }
        }
        K::PtrAdd(p, i, scale) => {
            let scale = *scale;
            let p = compile_expr(it, p);
            if let K::Int(k) = i.kind {
                let d = (k as u64).wrapping_mul(scale);
                return Box::new(move |it, fp| p(it, fp).wrapping_add(d));
            }
            let i = compile_expr(it, i);
            Box::new(move |it, fp| {
                let b = p(it, fp);
                b.wrapping_add(i(it, fp).wrapping_mul(scale))
            })
        }
        K::PtrDiff(a, b, scale) => {
            let scale = (*scale).max(1) as i64;
            let (a, b) = (compile_expr(it, a), compile_expr(it, b));
            Box::new(move |it, fp| {
                let x = a(it, fp) as i64;
                (x.wrapping_sub(b(it, fp) as i64) / scale) as u64
            })
        }
        K::LogAnd(..) | K::LogOr(..) => cond_ev(compile_cond(it, e)),
        K::Cond(c, a, b) => {
            let c = compile_cond(it, c);
            let (a, b) = (compile_expr(it, a), compile_expr(it, b));
            Box::new(move |it, fp| if c(it, fp) { a(it, fp) } else { b(it, fp) })
        }
        K::Comma(a, b) => {
            let (a, b) = (compile_expr(it, a), compile_expr(it, b));
            Box::new(move |it, fp| {
                a(it, fp);
                b(it, fp)
            })
        }
        K::Cast(a) => {
            let v = compile_expr(it, a);
            compile_cast(v, &a.ty, &e.ty)
        }
        K::Assign(lv, rhs) => {
            let v = compile_expr(it, rhs);
            if let K::BitField(unit, bit, width) = &lv.kind {
                let a = place(it, unit).ev();
                let (us, bit, width, signed) = (sk(&unit.ty), *bit, *width, sk(&e.ty).is_signed());
                return Box::new(move |it, fp| {
                    let x = v(it, fp);
                    insert_bits(a(it, fp), us, bit, width, x, signed)
                });
            }
            let p = place(it, lv);
            if e.ty.is_aggregate() {
                let size = it.image.types.size_of(&e.ty) as usize;
                let a = p.ev();
                return Box::new(move |it, fp| {
                    let src = v(it, fp);
                    let dst = a(it, fp);
                    unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, size) };
                    dst
                });
            }
            by_num!(sk(&e.ty), store, p, v)
        }
        K::OpAssign { op, op_ty, lv, rhs } => {
            let r = compile_expr(it, rhs);
            let ls = sk(&lv.ty);
            let bitfield = matches!(lv.kind, K::BitField(..));
            if !bitfield && ls == *op_ty && lv.ty.kind != TypeKind::Bool {
                let p = place(it, lv);
                return match ls {
                    Scalar::F32 => op_assign_float::<f32>(*op, p, r),
                    Scalar::F64 => op_assign_float::<f64>(*op, p, r),
                    s => by_int!(s, op_assign_int, *op, p, r),
                };
            }
            // General case: load, convert, operate, convert back, store.
            let (op, ot, lt) = (*op, *op_ty, lv.ty.clone());
            if let K::BitField(unit, bit, width) = &lv.kind {
                let a = place(it, unit).ev();
                let (us, bit, width, signed) = (sk(&unit.ty), *bit, *width, ls.is_signed());
                return Box::new(move |it, fp| {
                    let y = r(it, fp);
                    let addr = a(it, fp);
                    let old = read_bits(addr, us, bit, width, signed);
                    let res = binop(op, ot, convert(old, ls, ot), y);
                    insert_bits(addr, us, bit, width, to_kind(res, ot, &lt), signed)
                });
            }
            let a = place(it, lv).ev();
            Box::new(move |it, fp| {
                let y = r(it, fp);
                let addr = a(it, fp) as *mut u8;
                let old = unsafe { mem::load(addr, ls) };
                let res = binop(op, ot, convert(old, ls, ot), y);
                let new = to_kind(res, ot, &lt);
                unsafe { mem::store(addr, ls, new) };
                new
            })
        }
        K::PtrOpAssign {
            lv,
            rhs,
            scale,
            sub,
        } => {
            let (scale, sub) = (*scale, *sub);
            let r = compile_expr(it, rhs);
            let a = place(it, lv).ev();
            Box::new(move |it, fp| {
                let n = r(it, fp).wrapping_mul(scale);
                let p = a(it, fp) as *mut u64;
                unsafe {
                    let old = std::ptr::read_unaligned(p);
                    let new = if sub {
                        old.wrapping_sub(n)
                    } else {
                        old.wrapping_add(n)
                    };
                    std::ptr::write_unaligned(p, new);
                    new
                }
            })
        }
        K::IncDec {
            lv,
            inc,
            post,
            scale,
        } => {
            let s = sk(&lv.ty);
            let (inc, post, scale) = (*inc, *post, *scale);
            if let K::BitField(unit, bit, width) = &lv.kind {
                let a = place(it, unit).ev();
                let (us, bit, width, signed) = (sk(&unit.ty), *bit, *width, s.is_signed());
                return Box::new(move |it, fp| {
                    let addr = a(it, fp);
                    let old = read_bits(addr, us, bit, width, signed);
                    let new = if inc {
                        old.wrapping_add(1)
                    } else {
                        old.wrapping_sub(1)
                    };
                    let stored = insert_bits(addr, us, bit, width, new, signed);
                    if post {
                        old
                    } else {
                        stored
                    }
                });
            }
            let p = place(it, lv);
            if lv.ty.kind == TypeKind::Bool {
                let a = p.ev();
                return Box::new(move |it, fp| unsafe {
                    let p = a(it, fp) as *mut u8;
                    let old = *p as u64;
                    let new = if inc { 1 } else { (old == 0) as u64 };
                    *p = new as u8;
                    if post {
                        old
                    } else {
                        new
                    }
                });
            }
            by_num!(s, incdec, p, scale, inc, post)
        }
        K::Call(c) => super::call::compile_call(it, c),
        K::Seq(s, x) => {
            let s = super::stmt::compile_stmt(it, s);
            let x = compile_expr(it, x);
            Box::new(move |it, fp| {
                if s(it, fp, super::NO_SEEK) != super::Flow::Normal {
                    raise(Trap::Error(
                        "jump out of a statement expression is not supported".into(),
                    ));
                }
                x(it, fp)
            })
        }
        K::VaStart(ap, slot) => {
            // The caller made the va_list (its slot holds the address): an interpreted
            // caller one whose register areas are used up, so every va_arg reads the stack
            // area where it put the variadic arguments; native code calling through the
            // libffi closure one over the saved registers and the caller's stack
            // (ffi::va_list_from_native). The C library (vprintf) reads either.
            let ap = compile_expr(it, ap);
            let slot = *slot as usize;
            Box::new(move |it, fp| {
                let p = ap(it, fp) as *mut u8;
                unsafe {
                    let list = std::ptr::read_unaligned(fp.add(slot) as *const u64) as *const u8;
                    if list.is_null() {
                        raise(Trap::Error(
                            "va_start: this call's variadic arguments cannot be located (a variadic function with a struct parameter, called from native code)".into(),
                        ));
                    }
                    std::ptr::copy_nonoverlapping(list, p, 24);
                }
                0
            })
        }
        K::VaArg(ap) => {
            let ap = compile_expr(it, ap);
            let t = e.ty.clone();
            let size = it.image.types.size_of(&t) as usize;
            let align = it.image.types.align_of(&t) as usize;
            let s = sk(&t);
            let aggregate = t.is_aggregate();
            let sse = matches!(t.kind, TypeKind::Float | TypeKind::Double);
            let int = !aggregate && !sse && t.kind != TypeKind::LongDouble;
            // A struct or union of up to 16 bytes travels in registers, an eightbyte per
            // general or vector register, when enough of them are left.
            let eightbytes: Vec<Cls> = match ir::abi::classify(&it.image.types, &t) {
                Ok(Pass::Regs(v)) if aggregate => v.into_iter().map(|(c, _)| c).collect(),
                _ => Vec::new(),
            };
            let need_gp = 8 * eightbytes.iter().filter(|c| **c == Cls::Int).count();
            let need_fp = 16 * eightbytes.iter().filter(|c| **c == Cls::Sse).count();
            Box::new(move |it, fp| unsafe {
                let l = ap(it, fp) as *mut u8;
                let gp = std::ptr::read_unaligned(l as *const u32) as usize;
                let fpo = std::ptr::read_unaligned(l.add(4) as *const u32) as usize;
                let regs = std::ptr::read_unaligned(l.add(16) as *const u64) as *mut u8;
                if !eightbytes.is_empty() && gp + need_gp <= 48 && fpo + need_fp <= 176 {
                    let tmp = va_temp();
                    let (mut g, mut f) = (gp, fpo);
                    for (i, c) in eightbytes.iter().enumerate() {
                        let from = if *c == Cls::Int {
                            g += 8;
                            regs.add(g - 8)
                        } else {
                            f += 16;
                            regs.add(f - 16)
                        };
                        std::ptr::copy_nonoverlapping(from, tmp.add(8 * i), 8);
                    }
                    std::ptr::write_unaligned(l as *mut u32, g as u32);
                    std::ptr::write_unaligned(l.add(4) as *mut u32, f as u32);
                    return tmp as u64;
                }
                // System V va_arg: registers first (for a list made by native code), then
                // the overflow area.
                let src: *mut u8 = if int && gp < 48 {
                    std::ptr::write_unaligned(l as *mut u32, (gp + 8) as u32);
                    regs.add(gp)
                } else if sse && fpo < 176 {
                    std::ptr::write_unaligned(l.add(4) as *mut u32, (fpo + 16) as u32);
                    regs.add(fpo)
                } else {
                    let mut o = std::ptr::read_unaligned(l.add(8) as *const u64) as usize;
                    if align > 8 {
                        o = (o + align - 1) & !(align - 1);
                    }
                    std::ptr::write_unaligned(
                        l.add(8) as *mut u64,
                        (o + size.div_ceil(8) * 8) as u64,
                    );
                    o as *mut u8
                };
                if aggregate {
                    src as u64
                } else if s == Scalar::F32 {
                    // A float was passed as a double.
                    (std::ptr::read_unaligned(src as *const f64) as f32).to_bits() as u64
                } else {
                    mem::load(src, s)
                }
            })
        }
        K::SetJmp(env, label) => {
            it.saw_setjmp.set(true);
            let env = compile_expr(it, env);
            let label = *label as u64;
            Box::new(move |it, fp| {
                // Coming back from a longjmp: the buffer is already filled, and its
                // expression must not run again (`setjmp(push_try(J))` in mujs).
                if let Some(v) = it.jmp_value.take() {
                    return v as i64 as u64;
                }
                let b = env(it, fp) as *mut u64;
                unsafe {
                    std::ptr::write_unaligned(b, JMP_MAGIC);
                    std::ptr::write_unaligned(b.add(1), fp as u64);
                    std::ptr::write_unaligned(b.add(2), label);
                }
                it.jmp_value.take().unwrap_or(0) as i64 as u64
            })
        }
        K::LongJmp(env, v) => {
            let env = compile_expr(it, env);
            let v = compile_expr(it, v);
            Box::new(move |it, fp| {
                let b = env(it, fp) as *const u64;
                let value = v(it, fp) as i32;
                raise(longjmp_trap(b, value))
            })
        }
        K::FrameBase => {
            // A function with nested functions: their non-local gotos come back to it as
            // longjmps do (`Interp::run_catching`).
            it.saw_setjmp.set(true);
            Box::new(|_, fp| fp as u64)
        }
        K::Alloca(size) => {
            let size = compile_expr(it, size);
            Box::new(move |it, fp| {
                let n = size(it, fp);
                if n > u32::MAX as u64 {
                    raise(Trap::Error(format!(
                        "variable length array of {n} bytes is too large for the stack"
                    )));
                }
                it.push_frame(n as u32) as u64
            })
        }
        K::VaCopy(d, s) => {
            let (d, s) = (compile_expr(it, d), compile_expr(it, s));
            Box::new(move |it, fp| {
                let dst = d(it, fp) as *mut u8;
                let src = s(it, fp) as *const u8;
                unsafe { std::ptr::copy(src, dst, 24) };
                0
            })
        }
    }
}

/// Where `va_arg` puts a struct it gathered from registers: one of 16 buffers used in
/// turn (the value is copied out before the 16th next `va_arg` of a struct).
fn va_temp() -> *mut u8 {
    thread_local! {
        static RING: std::cell::Cell<(*mut [u64; 2], usize)> = std::cell::Cell::new((
            Box::leak(Box::new([[0u64; 2]; 16])).as_mut_ptr(),
            0,
        ));
    }
    RING.with(|r| {
        let (base, i) = r.get();
        r.set((base, (i + 1) % 16));
        unsafe { base.add(i) as *mut u8 }
    })
}
