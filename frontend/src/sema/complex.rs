//! `float _Complex` and `double _Complex` -> IR: each is a record of its real and imaginary
//! parts (the System V ABI passes and returns `_Complex` exactly as such a struct: SSE
//! registers, so the C library's complex functions are called as they are), handled by
//! address like any aggregate in every tier; arithmetic and comparisons are calls of the
//! executor's helpers (`executor/src/complex.rs`; multiplication and division are libgcc's
//! `__mulsc3`/`__divdc3`..., as gcc -O0 calls them). `long double _Complex` is refused.

use super::expr::{convert, int_ty, ty, val, Val, R};
use super::Sema;
use crate::ast::BinaryOp;
use crate::source::Loc;
use ir::{Expr, ExprKind as K, Type, TypeKind};

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

impl Sema {
    /// The record type of `elem _Complex` (float or double): the real and imaginary parts.
    pub(crate) fn complex_type(&mut self, double: bool) -> Type {
        let (name, e) = if double {
            (DOUBLE, TypeKind::Double)
        } else {
            (FLOAT, TypeKind::Float)
        };
        let align = if double { 8 } else { 4 };
        self.value_record(name, Type::new(e.clone()), Type::new(e), align)
    }

    /// `long double _Complex`: declarable (glibc's headers declare its functions), not
    /// computed with: no operator or conversion accepts it.
    pub(crate) fn complex_long_double_type(&mut self) -> Type {
        let ld = Type::new(TypeKind::LongDouble);
        self.value_record(LONG_DOUBLE, ld.clone(), ld, 16)
    }

    pub(crate) fn is_complex_long_double(&self, t: &Type) -> bool {
        matches!(t.kind, TypeKind::Struct(id) if self.value_record_name(id) == Some(LONG_DOUBLE))
    }

    /// The imaginary constant `v i` (GNU).
    pub(crate) fn imaginary(&mut self, v: f64, double: bool) -> Expr {
        let d = ty(TypeKind::Double);
        let int = int_ty();
        let t = self.complex_type(double);
        self.cplx_call(
            "__crepl_cplx_make",
            vec![d.clone(), d.clone(), int.clone()],
            t,
            vec![
                Expr::new(K::Float(0.0), d.clone()),
                Expr::new(K::Float(v), d),
                Expr::new(K::Int(double as i64), int),
            ],
        )
    }

    /// `Some(is_double)` if `t` is `float _Complex` or `double _Complex`.
    pub(crate) fn complex_kind(&self, t: &Type) -> Option<bool> {
        let TypeKind::Struct(id) = t.kind else {
            return None;
        };
        match self.value_record_name(id)? {
            FLOAT => Some(false),
            DOUBLE => Some(true),
            _ => None,
        }
    }

    /// Calls helper `name` (`__crepl_cplx_*`, or its `__crepl_cplxf_*` twin when a float
    /// complex is involved: the two travel differently).
    fn cplx_call(&mut self, name: &str, params: Vec<Type>, ret: Type, args: Vec<Expr>) -> Expr {
        let float = params
            .iter()
            .chain(std::iter::once(&ret))
            .any(|t| self.complex_kind(t) == Some(false));
        let name = if float {
            name.replace("__crepl_cplx_", "__crepl_cplxf_")
        } else {
            name.to_string()
        };
        self.helper_call(&name, params, ret, args)
    }

    /// `e` (a real or complex value) as a complex of the given precision.
    pub(crate) fn convert_to_complex(&mut self, e: Expr, double: bool) -> Expr {
        let t = self.complex_type(double);
        let d = ty(TypeKind::Double);
        let (re, im) = match self.complex_kind(&e.ty) {
            Some(src) if src == double => return e,
            Some(_) => {
                let re = self.complex_part(e.clone(), false);
                let im = self.complex_part(e, true);
                (re, im)
            }
            None => (convert(e, &d), Expr::new(K::Float(0.0), d.clone())),
        };
        let int = int_ty();
        self.cplx_call(
            "__crepl_cplx_make",
            vec![d.clone(), d, int.clone()],
            t,
            vec![re, im, Expr::new(K::Int(double as i64), int)],
        )
    }

    /// The real (`imag`: imaginary) part of a complex value, as a double.
    pub(crate) fn complex_part(&mut self, e: Expr, imag: bool) -> Expr {
        let d = ty(TypeKind::Double);
        let int = int_ty();
        let double = self.complex_kind(&e.ty).unwrap_or(true);
        let t = e.ty.clone();
        self.cplx_call(
            "__crepl_cplx_part",
            vec![t, int.clone(), int.clone()],
            d,
            vec![
                e,
                Expr::new(K::Int(imag as i64), int.clone()),
                Expr::new(K::Int(double as i64), int),
            ],
        )
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
        let double = self.complex_kind(&e.ty).unwrap_or(true);
        let zero = self.convert_to_complex(Expr::new(K::Float(0.0), ty(TypeKind::Double)), double);
        self.cplx_binop(op::NE, e, zero, double, int_ty())
    }

    fn cplx_binop(&mut self, code: i32, a: Expr, b: Expr, double: bool, ret: Type) -> Expr {
        let int = int_ty();
        let t = self.complex_type(double);
        let (name, ret) = if ret.is_record() {
            ("__crepl_cplx_op", t.clone())
        } else {
            ("__crepl_cplx_cmp", ret)
        };
        self.cplx_call(
            name,
            vec![int.clone(), t.clone(), t, int.clone()],
            ret,
            vec![
                Expr::new(K::Int(code as i64), int.clone()),
                a,
                b,
                Expr::new(K::Int(double as i64), int),
            ],
        )
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
        // The result's precision: double unless both sides are float (complex or real).
        let is_double = |k: Option<bool>, t: &Type| k.unwrap_or(t.kind != TypeKind::Float);
        let double = is_double(kx, &x.ty) || is_double(ky, &y.ty);
        let a = self.convert_to_complex(x, double);
        let b = self.convert_to_complex(y, double);
        let t = self.complex_type(double);
        let code = match bop {
            BinaryOp::Add => op::ADD,
            BinaryOp::Sub => op::SUB,
            BinaryOp::Mul => op::MUL,
            BinaryOp::Div => op::DIV,
            BinaryOp::Eq => return Ok(self.cplx_binop(op::EQ, a, b, double, int_ty())),
            BinaryOp::Ne => return Ok(self.cplx_binop(op::NE, a, b, double, int_ty())),
            _ => {
                self.error(loc, "invalid operands to binary expression (complex)");
                return Err(());
            }
        };
        Ok(self.cplx_binop(code, a, b, double, t))
    }

    /// `-z`, `+z`, `~z` (GNU: the conjugate), `!z`.
    pub(crate) fn complex_unary(&mut self, neg: Option<bool>, x: Expr, not: bool) -> Val {
        let double = self.complex_kind(&x.ty).unwrap_or(true);
        let t = self.complex_type(double);
        if not {
            let z = self.convert_to_complex(Expr::new(K::Float(0.0), ty(TypeKind::Double)), double);
            return val(self.cplx_binop(op::EQ, x, z, double, int_ty()));
        }
        match neg {
            Some(true) => {
                let z =
                    self.convert_to_complex(Expr::new(K::Float(0.0), ty(TypeKind::Double)), double);
                val(self.cplx_binop(op::SUB, z, x, double, t))
            }
            Some(false) => {
                // conj(z) = re - im i
                let re = self.complex_part(x.clone(), false);
                let im = self.complex_part(x, true);
                let d = ty(TypeKind::Double);
                let nim = Expr::new(K::Unary(ir::UnOp::Neg, Box::new(im)), d.clone());
                let int = int_ty();
                val(self.cplx_call(
                    "__crepl_cplx_make",
                    vec![d.clone(), d, int.clone()],
                    t,
                    vec![re, nim, Expr::new(K::Int(double as i64), int)],
                ))
            }
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
                let double = re.ty.kind != TypeKind::Float;
                let d = ty(TypeKind::Double);
                let int = int_ty();
                let t = self.complex_type(double);
                return Ok(Some(val(self.cplx_call(
                    "__crepl_cplx_make",
                    vec![d.clone(), d, int.clone()],
                    t,
                    vec![re, im, Expr::new(K::Int(double as i64), int)],
                ))));
            }
            "__builtin_creal" | "__builtin_crealf" => false,
            "__builtin_cimag" | "__builtin_cimagf" => true,
            _ => return Ok(None),
        };
        let Some(a) = args.first() else {
            self.error(loc, format!("{name} takes one argument"));
            return Err(());
        };
        let z = self.rvalue_expr(a)?;
        let double = !name.ends_with('f');
        let z = self.convert_to_complex(z, double);
        let p = self.complex_part(z, part);
        let rt = ty(if double {
            TypeKind::Double
        } else {
            TypeKind::Float
        });
        Ok(Some(val(convert(p, &rt))))
    }
}
