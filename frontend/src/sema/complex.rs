//! `float _Complex`, `double _Complex` and `long double _Complex` -> IR: each is a record of
//! its real and imaginary parts (the System V ABI passes `float` and `double` complex values
//! exactly as such a struct: SSE registers, so the C library's complex functions are called as
//! they are), handled by address like any aggregate in every tier; arithmetic and comparisons
//! are calls of the executor's helpers (`executor/src/complex.rs`; multiplication and division
//! are libgcc's `__mulsc3`/`__divdc3`/`__mulxc3`..., as gcc -O0 calls them).
//!
//! `long double _Complex` (32 bytes) travels as any large record: in memory, returned through
//! a hidden pointer. Its parts are members, read and written in place. The ABI returns it in
//! st0/st1, so a call of a function returning one goes through `__crepl_cplxl_call`, which
//! reads those registers for a library function and calls a session's function as a record.

use super::consts::{self, Const};
use super::expr::{convert, int_ty, ty, val, Val, R};
use super::Sema;
use crate::ast::BinaryOp;
use crate::source::Loc;
use ir::F80;
use ir::{Expr, ExprKind as K, Type, TypeKind};
use std::collections::HashMap;

pub(crate) const FLOAT: &str = "_Complex float";
pub(crate) const DOUBLE: &str = "_Complex double";
pub(crate) const LONG_DOUBLE: &str = "_Complex long double";

/// Operation codes of `__crepl_cplx_op` (executor/src/complex.rs).
mod op {
    pub const ADD: i32 = 1;
    pub const SUB: i32 = 2;
    pub const MUL: i32 = 3;
    pub const DIV: i32 = 4;
    pub const EQ: i32 = 5;
    pub const NE: i32 = 6;
}

/// The precision of a complex type: the type of its parts. Ordered as the usual
/// arithmetic conversions rank them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Prec {
    Float,
    Double,
    Long,
}

impl Prec {
    /// The precision a real operand of type `t` brings to a complex operation.
    pub(crate) fn of_real(t: &Type) -> Prec {
        match t.kind {
            TypeKind::Float => Prec::Float,
            TypeKind::LongDouble => Prec::Long,
            _ => Prec::Double,
        }
    }

    /// The type of the parts.
    pub(crate) fn part(self) -> Type {
        ty(match self {
            Prec::Float => TypeKind::Float,
            Prec::Double => TypeKind::Double,
            Prec::Long => TypeKind::LongDouble,
        })
    }

    /// The imaginary part's offset.
    pub(crate) fn imag_offset(self) -> u64 {
        match self {
            Prec::Float => 4,
            Prec::Double => 8,
            Prec::Long => 16,
        }
    }

    /// The flag float and double helpers take: 1 for double.
    fn flag(self) -> Expr {
        Expr::new(K::Int((self != Prec::Float) as i64), int_ty())
    }
}

impl Sema {
    /// The record type of `elem _Complex`: the real and imaginary parts.
    pub(crate) fn complex_type(&mut self, p: Prec) -> Type {
        let (name, align) = match p {
            Prec::Float => (FLOAT, 4),
            Prec::Double => (DOUBLE, 8),
            Prec::Long => (LONG_DOUBLE, 16),
        };
        self.value_record(name, p.part(), p.part(), align)
    }

    /// The precision of `t` if it is a complex type.
    pub(crate) fn complex_kind(&self, t: &Type) -> Option<Prec> {
        let TypeKind::Struct(id) = t.kind else {
            return None;
        };
        match self.value_record_name(id)? {
            FLOAT => Some(Prec::Float),
            DOUBLE => Some(Prec::Double),
            LONG_DOUBLE => Some(Prec::Long),
            _ => None,
        }
    }

    /// Calls helper `name` (`__crepl_cplx_*`, or its `__crepl_cplxf_*` twin when a float
    /// complex is involved: the two travel differently).
    fn cplx_call(&mut self, name: &str, params: Vec<Type>, ret: Type, args: Vec<Expr>) -> Expr {
        let float = params
            .iter()
            .chain(std::iter::once(&ret))
            .any(|t| self.complex_kind(t) == Some(Prec::Float));
        let name = if float {
            name.replace("__crepl_cplx_", "__crepl_cplxf_")
        } else {
            name.to_string()
        };
        self.helper_call(&name, params, ret, args)
    }

    /// The complex value `re + im i` of precision `p` (each part converted to `p`'s part
    /// type once).
    pub(crate) fn complex_make(&mut self, re: Expr, im: Expr, p: Prec) -> Expr {
        let t = self.complex_type(p);
        let (re, im) = (convert(re, &p.part()), convert(im, &p.part()));
        if p != Prec::Long {
            let d = ty(TypeKind::Double);
            let int = int_ty();
            return self.cplx_call(
                "__crepl_cplx_make",
                vec![d.clone(), d.clone(), int],
                t,
                vec![convert(re, &d), convert(im, &d), p.flag()],
            );
        }
        // long double: the parts stored into a temporary.
        let off = self.alloc_local(32, 16);
        let tmp = Expr::new(K::Local(off), t.clone());
        let part = |at: u64| Expr::new(K::Member(Box::new(tmp.clone()), at), p.part());
        let set_re = Expr::new(K::Assign(Box::new(part(0)), Box::new(re)), p.part());
        let set_im = Expr::new(K::Assign(Box::new(part(16)), Box::new(im)), p.part());
        let value = Expr::new(K::Load(Box::new(tmp)), t.clone());
        let rest = Expr::new(K::Comma(Box::new(set_im), Box::new(value)), t.clone());
        Expr::new(K::Comma(Box::new(set_re), Box::new(rest)), t)
    }

    /// `e` evaluated once: `(set, use)` where `use` may be read any number of times after
    /// `set` (if any) ran. Plain objects are used in place (not volatile ones: each read
    /// of those is an access).
    pub(crate) fn once(&mut self, e: Expr) -> (Option<Expr>, Expr) {
        fn plain(e: &Expr) -> bool {
            if e.ty.is_volatile {
                return false;
            }
            match &e.kind {
                K::Local(_) | K::Global(_) => true,
                K::Member(b, _) | K::Load(b) => plain(b),
                _ => false,
            }
        }
        if plain(&e) {
            return (None, e);
        }
        let t = e.ty.unqual();
        let (size, align) = (self.types.size_of(&t), self.types.align_of(&t));
        let off = self.alloc_local(size, align);
        let tmp = Expr::new(K::Local(off), t.clone());
        let set = Expr::new(K::Assign(Box::new(tmp.clone()), Box::new(e)), t.clone());
        (Some(set), Expr::new(K::Load(Box::new(tmp)), t))
    }

    /// A complex value of precision `p` made from the parts of `e` (bound once).
    fn complex_from_parts(
        &mut self,
        e: Expr,
        p: Prec,
        f: impl FnOnce(Expr, Expr) -> (Expr, Expr),
    ) -> Expr {
        let (set, z) = self.once(e);
        let re = self.complex_part(z.clone(), false);
        let im = self.complex_part(z, true);
        let (re, im) = f(re, im);
        let made = self.complex_make(re, im, p);
        match set {
            Some(s) => {
                let t = made.ty.clone();
                Expr::new(K::Comma(Box::new(s), Box::new(made)), t)
            }
            None => made,
        }
    }

    /// `e` (a real or complex value) as a complex of precision `p`.
    pub(crate) fn convert_to_complex(&mut self, e: Expr, p: Prec) -> Expr {
        match self.complex_kind(&e.ty) {
            Some(src) if src == p => e,
            Some(_) => self.complex_from_parts(e, p, |re, im| (re, im)),
            None => {
                let zero = Expr::new(K::Float(0.0), ty(TypeKind::Double));
                self.complex_make(e, zero, p)
            }
        }
    }

    /// The real (`imag`: imaginary) part of a complex value, of its part type.
    pub(crate) fn complex_part(&mut self, e: Expr, imag: bool) -> Expr {
        let p = self.complex_kind(&e.ty).unwrap_or(Prec::Double);
        if p == Prec::Long {
            let at = if imag { p.imag_offset() } else { 0 };
            let m = Expr::new(K::Member(Box::new(e), at), p.part());
            return Expr::new(K::Load(Box::new(m)), p.part());
        }
        let d = ty(TypeKind::Double);
        let int = int_ty();
        let t = e.ty.clone();
        let part = self.cplx_call(
            "__crepl_cplx_part",
            vec![t, int.clone(), int.clone()],
            d,
            vec![e, Expr::new(K::Int(imag as i64), int), p.flag()],
        );
        convert(part, &p.part())
    }

    /// A complex value as a value of real type `to` (its real part; C11 6.3.1.7).
    pub(crate) fn convert_from_complex(&mut self, e: Expr, to: &Type) -> Expr {
        if to.kind == TypeKind::Bool {
            let t = self.complex_truth(e);
            return convert(t, to);
        }
        let re = self.complex_part(e, false);
        convert(re, to)
    }

    /// `e != 0` for a complex value: an int.
    pub(crate) fn complex_truth(&mut self, e: Expr) -> Expr {
        let p = self.complex_kind(&e.ty).unwrap_or(Prec::Double);
        let zero = self.convert_to_complex(Expr::new(K::Float(0.0), ty(TypeKind::Double)), p);
        self.cplx_binop(op::NE, e, zero, p, int_ty())
    }

    fn cplx_binop(&mut self, code: i32, a: Expr, b: Expr, p: Prec, ret: Type) -> Expr {
        let int = int_ty();
        let t = self.complex_type(p);
        let code = Expr::new(K::Int(code as i64), int.clone());
        let (name, ret) = if ret.is_record() {
            ("op", t.clone())
        } else {
            ("cmp", ret)
        };
        if p == Prec::Long {
            return self.helper_call(
                &format!("__crepl_cplxl_{name}"),
                vec![int, t.clone(), t],
                ret,
                vec![code, a, b],
            );
        }
        self.cplx_call(
            &format!("__crepl_cplx_{name}"),
            vec![int.clone(), t.clone(), t, int],
            ret,
            vec![code, a, b, p.flag()],
        )
    }

    /// A call of `callee` (of type `fty`) that returns `long double _Complex`: through
    /// `__crepl_cplxl_call` when it has the shape of the C library's such functions (one or
    /// two `long double _Complex` parameters), which may return it in x87 registers.
    /// `None` for other shapes, which are called as any function returning a record.
    pub(crate) fn complex_long_call(
        &mut self,
        callee: &Expr,
        fty: &ir::FnType,
        args: &[Expr],
    ) -> Option<Expr> {
        if self.complex_kind(&fty.ret) != Some(Prec::Long)
            || fty.variadic
            || !(1..=2).contains(&args.len())
            || args.len() != fty.params.len()
            || args
                .iter()
                .any(|a| self.complex_kind(&a.ty) != Some(Prec::Long))
        {
            return None;
        }
        let t = self.complex_type(Prec::Long);
        let int = int_ty();
        let mut call_args = vec![
            callee.clone(),
            Expr::new(K::Int(args.len() as i64), int.clone()),
        ];
        call_args.extend(args.iter().cloned());
        if args.len() == 1 {
            let zero = Expr::new(K::Float(0.0), ty(TypeKind::Double));
            call_args.push(self.convert_to_complex(zero, Prec::Long));
        }
        let voidp = Type::ptr_to(Type::void());
        Some(self.helper_call(
            "__crepl_cplxl_call",
            vec![voidp, int, t.clone(), t.clone()],
            t,
            call_args,
        ))
    }

    /// A binary operator with a complex operand (the other real or complex).
    pub(crate) fn complex_binary(&mut self, bop: BinaryOp, x: Expr, y: Expr, loc: Loc) -> R<Expr> {
        let (kx, ky) = (self.complex_kind(&x.ty), self.complex_kind(&y.ty));
        for e in [&x, &y] {
            if self.complex_kind(&e.ty).is_none() && !e.ty.is_arith() {
                self.error(
                    loc,
                    format!(
                        "invalid operands to binary expression ('{}' and '{}')",
                        self.types.type_name(&x.ty),
                        self.types.type_name(&y.ty)
                    ),
                );
                return Err(());
            }
        }
        // The result's precision: the higher of the two sides' (complex or real).
        let p = kx
            .unwrap_or(Prec::of_real(&x.ty))
            .max(ky.unwrap_or(Prec::of_real(&y.ty)));
        let a = self.convert_to_complex(x, p);
        let b = self.convert_to_complex(y, p);
        let t = self.complex_type(p);
        let code = match bop {
            BinaryOp::Add => op::ADD,
            BinaryOp::Sub => op::SUB,
            BinaryOp::Mul => op::MUL,
            BinaryOp::Div => op::DIV,
            BinaryOp::Eq => return Ok(self.cplx_binop(op::EQ, a, b, p, int_ty())),
            BinaryOp::Ne => return Ok(self.cplx_binop(op::NE, a, b, p, int_ty())),
            _ => {
                self.error(loc, "invalid operands to binary expression (complex)");
                return Err(());
            }
        };
        Ok(self.cplx_binop(code, a, b, p, t))
    }

    /// `-z`, `+z`, `~z` (GNU: the conjugate), `!z`.
    pub(crate) fn complex_unary(&mut self, neg: Option<bool>, x: Expr, not: bool) -> Val {
        let p = self.complex_kind(&x.ty).unwrap_or(Prec::Double);
        if not {
            let z = self.convert_to_complex(Expr::new(K::Float(0.0), ty(TypeKind::Double)), p);
            return val(self.cplx_binop(op::EQ, x, z, p, int_ty()));
        }
        let negate = |e: Expr| {
            let t = e.ty.clone();
            Expr::new(K::Unary(ir::UnOp::Neg, Box::new(e)), t)
        };
        match neg {
            // -z negates both parts (so -(0+0i) is -0-0i, as gcc gives).
            Some(true) => val(self.complex_from_parts(x, p, |re, im| (negate(re), negate(im)))),
            Some(false) => val(self.complex_from_parts(x, p, |re, im| (re, negate(im)))),
            None => val(x),
        }
    }

    /// `__builtin_complex(re, im)`, `__builtin_creal` and friends.
    pub(crate) fn complex_builtin(
        &mut self,
        name: &str,
        args: &[crate::ast::Expr],
        loc: Loc,
    ) -> R<Option<Val>> {
        let part = match name {
            "__builtin_complex" => {
                if args.len() != 2 {
                    self.error(loc, "__builtin_complex takes two arguments");
                    return Err(());
                }
                let re = self.rvalue_expr(&args[0])?;
                let im = self.rvalue_expr(&args[1])?;
                let p = Prec::of_real(&re.ty);
                return Ok(Some(val(self.complex_make(re, im, p))));
            }
            "__builtin_creal" | "__builtin_crealf" | "__builtin_creall" => false,
            "__builtin_cimag" | "__builtin_cimagf" | "__builtin_cimagl" => true,
            _ => return Ok(None),
        };
        let Some(a) = args.first() else {
            self.error(loc, format!("{name} takes one argument"));
            return Err(());
        };
        let z = self.rvalue_expr(a)?;
        let p = match name.as_bytes().last() {
            Some(b'f') => Prec::Float,
            Some(b'l') => Prec::Long,
            _ => Prec::Double,
        };
        let z = self.convert_to_complex(z, p);
        Ok(Some(val(self.complex_part(z, part))))
    }
}

/// The parts of a complex constant, in long double.
type Parts = (F80, F80);

impl Sema {
    /// Folds a complex constant expression, as the lowering above builds it (helper calls
    /// and temporaries), for a static initializer: `double _Complex z = 1.0 + 2.0 * I;`.
    /// Sums are exact as gcc folds them; products and quotients use the textbook formulas
    /// in long double, then round to the type as gcc does.
    pub(crate) fn complex_const(&self, e: &Expr) -> Option<Parts> {
        self.fold_complex(e, &mut HashMap::new())
    }

    fn helper_is(&self, callee: &Expr, names: &[&str]) -> bool {
        let K::FuncAddr(id) = callee.kind else {
            return false;
        };
        names
            .iter()
            .any(|n| matches!(self.global_sym(n), Some(super::Symbol::Func(f)) if f.id == id))
    }

    fn fold_complex(&self, e: &Expr, env: &mut HashMap<u32, Parts>) -> Option<Parts> {
        let p = self.complex_kind(&e.ty)?;
        let z = match &e.kind {
            K::Comma(a, b) => {
                self.fold_effect(a, env)?;
                return self.fold_complex(b, env);
            }
            K::Load(x) => match x.kind {
                K::Local(o) => *env.get(&o)?,
                _ => return None,
            },
            K::Call(c)
                if self.helper_is(&c.callee, &["__crepl_cplx_make", "__crepl_cplxf_make"]) =>
            {
                (
                    self.fold_real(&c.args[0], env)?,
                    self.fold_real(&c.args[1], env)?,
                )
            }
            K::Call(c)
                if self.helper_is(
                    &c.callee,
                    &["__crepl_cplx_op", "__crepl_cplxf_op", "__crepl_cplxl_op"],
                ) =>
            {
                let K::Int(code) = c.args[0].kind else {
                    return None;
                };
                let (ar, ai) = self.fold_complex(&c.args[1], env)?;
                let (br, bi) = self.fold_complex(&c.args[2], env)?;
                match code as i32 {
                    op::ADD => (ar.add(br), ai.add(bi)),
                    op::SUB => (ar.sub(br), ai.sub(bi)),
                    op::MUL | op::DIV => {
                        F80::complex_product((ar, ai), (br, bi), code as i32 == op::DIV)
                    }
                    _ => return None,
                }
            }
            _ => return None,
        };
        let round = |x: F80| round_to(x, &p.part());
        Some((round(z.0), round(z.1)))
    }

    /// The temporaries' stores in a folded expression.
    fn fold_effect(&self, e: &Expr, env: &mut HashMap<u32, Parts>) -> Option<()> {
        match &e.kind {
            K::Comma(a, b) => {
                self.fold_effect(a, env)?;
                self.fold_effect(b, env)
            }
            K::Assign(lv, v) => match &lv.kind {
                K::Local(o) => {
                    let z = self.fold_complex(v, env)?;
                    env.insert(*o, z);
                    Some(())
                }
                K::Member(b, at) => {
                    let K::Local(o) = b.kind else {
                        return None;
                    };
                    let r = self.fold_real(v, env)?;
                    let z = env.entry(o).or_insert((F80::from_i64(0), F80::from_i64(0)));
                    if *at == 0 {
                        z.0 = r;
                    } else {
                        z.1 = r;
                    }
                    Some(())
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn fold_real(&self, e: &Expr, env: &mut HashMap<u32, Parts>) -> Option<F80> {
        match &e.kind {
            K::Cast(x) if x.ty.is_float() || self.complex_kind(&x.ty).is_some() => {
                let v = self.fold_real(x, env)?;
                e.ty.is_float().then(|| round_to(v, &e.ty))
            }
            K::Unary(ir::UnOp::Neg, x) if x.ty.is_float() => Some(self.fold_real(x, env)?.neg()),
            K::Call(c)
                if self.helper_is(&c.callee, &["__crepl_cplx_part", "__crepl_cplxf_part"]) =>
            {
                let z = self.fold_complex(&c.args[0], env)?;
                match c.args[1].kind {
                    K::Int(0) => Some(z.0),
                    K::Int(_) => Some(z.1),
                    _ => None,
                }
            }
            K::Load(m) => match &m.kind {
                K::Member(b, at) => match b.kind {
                    K::Local(o) => {
                        let z = env.get(&o)?;
                        Some(if *at == 0 { z.0 } else { z.1 })
                    }
                    _ => None,
                },
                _ => None,
            },
            _ => match consts::eval(e, false)? {
                Const::Int(v) if e.ty.is_signed() => Some(F80::from_i64(v)),
                Const::Int(v) => Some(F80::from_u64(v as u64)),
                Const::Float(f) => Some(F80::from_f64(f)),
                Const::LongDouble(x) => Some(x),
                Const::Addr(..) => None,
            },
        }
    }

    /// The bytes of a complex constant of precision `p`.
    pub(crate) fn complex_bytes(p: Prec, (re, im): Parts) -> Vec<u8> {
        match p {
            Prec::Float => [re.to_f32().to_le_bytes(), im.to_f32().to_le_bytes()].concat(),
            Prec::Double => [re.to_f64().to_le_bytes(), im.to_f64().to_le_bytes()].concat(),
            Prec::Long => [re.to_bytes(), im.to_bytes()].concat(),
        }
    }
}

/// `x` rounded to floating type `t`.
fn round_to(x: F80, t: &Type) -> F80 {
    match t.kind {
        TypeKind::Float => F80::from_f32(x.to_f32()),
        TypeKind::Double => F80::from_f64(x.to_f64()),
        _ => x,
    }
}
