//! GCC's builtins in calls: `__builtin_*` (folded to constants where GCC folds them, made
//! IR where they are operations, calls to executor helpers or to the C library otherwise),
//! and `setjmp`/`longjmp`, which the interpreter implements itself.

use super::consts::{self, Const};
use super::expr::{
    convert, fold, int_const, int_ty, long_ty, ty, ulong_ty, usual_arith, val, with_stmts, Val, R,
};
use super::{Sema, Symbol};
use crate::ast::{self, ExprKind as A};
use crate::source::Loc;
use ir::{Expr, ExprKind as K, Type, TypeKind};

impl Sema {
    /// GCC builtins that glibc's headers and common code use. `None` if `name` is not one.
    pub(crate) fn builtin_call(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        loc: Loc,
    ) -> R<Option<Val>> {
        let Some(base) = name.strip_prefix("__builtin_") else {
            return Ok(None);
        };
        let dbl = ty(TypeKind::Double);
        let flt = ty(TypeKind::Float);
        let v = match base {
            "expect" | "expect_with_probability" if !args.is_empty() => {
                let x = self.rvalue_expr(&args[0])?;
                for a in &args[1..] {
                    self.rvalue_expr(a)?;
                }
                convert(x, &long_ty())
            }
            "assume_aligned" if !args.is_empty() => self.rvalue_expr(&args[0])?,
            // Only the chosen operand is evaluated (or even analyzed), and it keeps its
            // type and lvalue-ness.
            "choose_expr" if args.len() == 3 => {
                let Some(c) = self.const_int(&args[0]) else {
                    return Err(());
                };
                return self.expr(&args[if c != 0 { 1 } else { 2 }]).map(Some);
            }
            "alloca" | "alloca_with_align" if self.fcx.is_none() || self.scopes.is_empty() => {
                self.error(loc, "alloca outside a function or block is not supported");
                return Err(());
            }
            // glibc's <alloca.h> defines alloca as this. The storage comes from the
            // interpreter stack, as a VLA's does, and is released when the function
            // returns (or, inside a block that declares a VLA, when that block ends).
            "alloca" | "alloca_with_align"
                if !args.is_empty() && self.fcx.is_some() && !self.scopes.is_empty() =>
            {
                let n = self.rvalue_expr(&args[0])?;
                for a in &args[1..] {
                    self.rvalue_expr(a)?;
                }
                // 16-byte aligned, as GCC's: push_frame aligns.
                let n = convert(n, &ulong_ty());
                Expr::new(K::Alloca(Box::new(n)), Type::ptr_to(Type::void()))
            }
            "va_start" if !args.is_empty() => {
                let Some(slot) = self.fcx.as_ref().and_then(|f| f.va_area) else {
                    self.error(loc, "'va_start' used in function with fixed arguments");
                    return Err(());
                };
                let p = self.va_list_ptr(&args[0])?;
                for a in &args[1..] {
                    self.rvalue_expr(a)?;
                }
                Expr::new(K::VaStart(Box::new(p), slot), Type::void())
            }
            "va_end" if args.len() == 1 => {
                let p = self.va_list_ptr(&args[0])?;
                convert(p, &Type::void())
            }
            "va_copy" if args.len() == 2 => {
                let d = self.va_list_ptr(&args[0])?;
                let s = self.va_list_ptr(&args[1])?;
                Expr::new(K::VaCopy(Box::new(d), Box::new(s)), Type::void())
            }
            "constant_p" if args.len() == 1 => {
                let n = self.diags.len();
                let c = self
                    .rvalue_expr(&args[0])
                    .ok()
                    .and_then(|x| consts::eval(&x, false))
                    .is_some();
                self.diags.truncate(n);
                // GCC: a string literal is a constant too (an address otherwise is not).
                let c = c || matches!(args[0].kind, A::StrLit { .. });
                int_const(c as i64, int_ty())
            }
            "huge_val" | "inf" => Expr::new(K::Float(f64::INFINITY), dbl),
            "huge_valf" | "inff" => Expr::new(K::Float(f64::INFINITY), flt),
            "nan" | "nans" => Expr::new(K::Float(f64::NAN), dbl),
            "nanf" | "nansf" => Expr::new(K::Float(f64::NAN), flt),
            "huge_vall" | "infl" => {
                Expr::new(K::LongDouble(ir::F80::INFINITY), ty(TypeKind::LongDouble))
            }
            "nanl" | "nansl" => Expr::new(K::LongDouble(ir::F80::NAN), ty(TypeKind::LongDouble)),
            // GCC's `ud2`: SIGILL, from a helper the executor provides.
            "trap" => {
                let fty = ir::FnType {
                    ret: Type::void(),
                    params: vec![],
                    variadic: false,
                    unprototyped: false,
                };
                let id = self.runtime_helper(name, "__crepl__builtin_trap", fty.clone());
                let callee = Expr::new(
                    K::FuncAddr(id),
                    Type::ptr_to(ty(TypeKind::Function(Box::new(fty.clone())))),
                );
                return self.call_with(callee, fty, args, loc).map(Some);
            }
            // GCC assumes it is never reached; here reaching it ends the program as
            // `abort()` does.
            "unreachable" => {
                return self
                    .library_call("__builtin_abort", "abort", &[], loc)
                    .map(|v| v.map(|v| val(convert(v.e, &Type::void()))));
            }
            "signbit" | "signbitf" | "signbitl" if args.len() == 1 => {
                let x = self.rvalue_expr(&args[0])?;
                if !x.ty.is_arith() {
                    self.error(args[0].loc, format!("floating point classification requires argument of floating point type ('{}' invalid)", self.types.type_name(&x.ty)));
                    return Err(());
                }
                let d = ty(TypeKind::Double);
                let fty = ir::FnType {
                    ret: int_ty(),
                    params: vec![d.clone()],
                    variadic: false,
                    unprototyped: false,
                };
                let id = self.runtime_helper(
                    "__builtin_signbit",
                    "__crepl__builtin_signbit",
                    fty.clone(),
                );
                let callee = Expr::new(
                    K::FuncAddr(id),
                    Type::ptr_to(ty(TypeKind::Function(Box::new(fty.clone())))),
                );
                let call = ir::Call {
                    callee,
                    args: vec![convert(x, &d)],
                    fty,
                    ret_slot: None,
                };
                Expr::new(K::Call(Box::new(call)), int_ty())
            }
            "add_overflow" | "sub_overflow" | "mul_overflow" | "sadd_overflow"
            | "saddl_overflow" | "saddll_overflow" | "uadd_overflow" | "uaddl_overflow"
            | "uaddll_overflow" | "ssub_overflow" | "ssubl_overflow" | "ssubll_overflow"
            | "usub_overflow" | "usubl_overflow" | "usubll_overflow" | "smul_overflow"
            | "smull_overflow" | "smulll_overflow" | "umul_overflow" | "umull_overflow"
            | "umulll_overflow" => return self.overflow_builtin(name, base, args, loc).map(Some),
            "popcount" | "popcountl" | "popcountll" | "clz" | "clzl" | "clzll" | "ctz" | "ctzl"
            | "ctzll" | "bswap16" | "bswap32" | "bswap64" | "ffs" | "ffsl" | "ffsll" | "parity"
            | "parityl" | "parityll" | "clrsb" | "clrsbl" | "clrsbll" => {
                if args.len() != 1 {
                    self.error(
                        loc,
                        format!(
                            "too {} arguments to function call, expected 1, have {}",
                            if args.is_empty() { "few" } else { "many" },
                            args.len()
                        ),
                    );
                    return Err(());
                }
                let x = self.rvalue_expr(&args[0])?;
                let wide = base.ends_with('l') || base.ends_with("64");
                let (arg_t, ret_t) = match base {
                    "bswap16" => (ty(TypeKind::UShort), ty(TypeKind::UShort)),
                    "bswap32" => (ty(TypeKind::UInt), ty(TypeKind::UInt)),
                    "bswap64" => (ty(TypeKind::ULong), ty(TypeKind::ULong)),
                    "ffs" | "clrsb" => (int_ty(), int_ty()),
                    "ffsl" | "ffsll" | "clrsbl" | "clrsbll" => (long_ty(), int_ty()),
                    _ if wide => (ty(TypeKind::ULong), int_ty()),
                    _ => (ty(TypeKind::UInt), int_ty()),
                };
                let Some(Const::Int(v)) = consts::eval(&x, false) else {
                    // At run time: a helper the executor provides, declared once.
                    if !x.ty.is_integer() {
                        self.error(
                            loc,
                            format!(
                                "passing '{}' to parameter of incompatible type '{}'",
                                self.types.type_name(&x.ty),
                                self.types.type_name(&arg_t)
                            ),
                        );
                        return Err(());
                    }
                    let fty = ir::FnType {
                        ret: ret_t.clone(),
                        params: vec![arg_t.clone()],
                        variadic: false,
                        unprototyped: false,
                    };
                    let id = self.runtime_helper(name, &format!("__crepl{name}"), fty.clone());
                    let callee = Expr::new(
                        K::FuncAddr(id),
                        Type::ptr_to(ty(TypeKind::Function(Box::new(fty.clone())))),
                    );
                    let call = ir::Call {
                        callee,
                        args: vec![convert(x, &arg_t)],
                        fty,
                        ret_slot: None,
                    };
                    return Ok(Some(val(Expr::new(K::Call(Box::new(call)), ret_t))));
                };
                let (v32, v64) = (v as u32, v as u64);
                let r: i64 = match base {
                    "popcount" => v32.count_ones() as i64,
                    "popcountl" | "popcountll" => v64.count_ones() as i64,
                    "clz" => v32.leading_zeros() as i64,
                    "clzl" | "clzll" => v64.leading_zeros() as i64,
                    "ctz" => v32.trailing_zeros() as i64,
                    "ctzl" | "ctzll" => v64.trailing_zeros() as i64,
                    "bswap16" => (v as u16).swap_bytes() as i64,
                    "bswap32" => v32.swap_bytes() as i64,
                    "bswap64" => v64.swap_bytes() as i64,
                    "ffs" if v32 == 0 => 0,
                    "ffs" => v32.trailing_zeros() as i64 + 1,
                    "ffsl" | "ffsll" if v64 == 0 => 0,
                    "ffsl" | "ffsll" => v64.trailing_zeros() as i64 + 1,
                    "parity" => (v32.count_ones() & 1) as i64,
                    "parityl" | "parityll" => (v64.count_ones() & 1) as i64,
                    // Leading bits equal to the sign bit, after it.
                    "clrsb" => (v32 ^ ((v32 as i32 >> 31) as u32)).leading_zeros() as i64 - 1,
                    _ => (v64 ^ ((v64 as i64 >> 63) as u64)).leading_zeros() as i64 - 1,
                };
                let t = match base {
                    "bswap16" => ty(TypeKind::UShort),
                    "bswap32" => ty(TypeKind::UInt),
                    "bswap64" => ty(TypeKind::ULong),
                    _ => int_ty(),
                };
                int_const(r, t)
            }
            "object_size" | "dynamic_object_size" => return self.object_size(args, loc).map(Some),
            "classify_type" => return self.classify_type(args, loc).map(Some),
            "add_overflow_p" | "sub_overflow_p" | "mul_overflow_p" => {
                return self.overflow_builtin(name, base, args, loc).map(Some)
            }
            "isnan" | "isnanf" | "isnanl" | "isinf" | "isinff" | "isinfl" | "finite"
            | "finitef" | "finitel" | "isfinite" | "isnormal" | "isinf_sign" | "fpclassify" => {
                return self.fp_classify(name, base, args, loc).map(Some)
            }
            "isgreater" | "isgreaterequal" | "isless" | "islessequal" | "islessgreater"
            | "isunordered" => return self.fp_compare(name, base, args, loc).map(Some),
            "frame_address" | "return_address" => {
                return self.frame_address(name, base, args, loc).map(Some)
            }
            // A hint: the address is evaluated (the other operands are constants).
            "prefetch" if !args.is_empty() => {
                let p = self.rvalue_expr(&args[0])?;
                for a in &args[1..] {
                    self.const_int(a).ok_or(())?;
                }
                convert(p, &Type::void())
            }
            // Instruction caches need no flushing for code the tiers never see.
            "__clear_cache" if args.len() == 2 => {
                let a = self.rvalue_expr(&args[0])?;
                let b = self.rvalue_expr(&args[1])?;
                let v = Type::void();
                Expr::new(
                    K::Comma(Box::new(convert(a, &v)), Box::new(convert(b, &v))),
                    v,
                )
            }
            "setjmp" | "longjmp" => return self.setjmp_call(name, args, loc),
            // GCC folds this one (whatever the locale): 0 or 1, not the library's mask.
            "isdigit" if args.len() == 1 => {
                let x = self.rvalue_expr(&args[0])?;
                let x = self.assign_convert(x, &int_ty(), args[0].loc, "passing")?;
                let u = ty(TypeKind::UInt);
                let d = self.binary(
                    ast::BinaryOp::Sub,
                    convert(x, &u),
                    int_const('0' as i64, u.clone()),
                    loc,
                )?;
                self.binary(ast::BinaryOp::Le, d, int_const(9, u), loc)?
            }
            _ => {
                // `__builtin_memcpy` and friends: the library function of the same name.
                if let Some(v) = self.library_call(name, base, args, loc)? {
                    return Ok(Some(v));
                }
                // A function the program itself declared under a builtin's name.
                if let Some(Symbol::Func(_)) = self.lookup(name) {
                    return Ok(None);
                }
                self.error(loc, format!("builtin '{name}' is not supported yet"));
                return Err(());
            }
        };
        Ok(Some(val(v)))
    }

    /// A call to the C library's `base` as `__builtin_base` (`name`): the function the
    /// program declared, if it did, else the library builtins' table's prototype, under a
    /// name the program cannot see. `None` if the table does not know `base` either.
    fn library_call(
        &mut self,
        name: &str,
        base: &str,
        args: &[ast::Expr],
        loc: Loc,
    ) -> R<Option<Val>> {
        if let Some(Symbol::Func(_)) = self.lookup(base) {
            let f = ast::Expr {
                kind: A::Ident(base.to_string()),
                loc,
            };
            return self.call(&f, args, loc).map(Some);
        }
        let Some(lib) = crate::builtins::library(base) else {
            return Ok(None);
        };
        let id = self.runtime_helper(name, &lib.symbol, lib.ty.clone());
        self.note_func_use(id);
        let callee = Expr::new(
            K::FuncAddr(id),
            Type::ptr_to(ty(TypeKind::Function(Box::new(lib.ty.clone())))),
        );
        self.call_with(callee, lib.ty.clone(), args, loc).map(Some)
    }

    /// Marks the file-scope function `name` as implicitly declared with a library
    /// builtin's prototype (see `FuncSym::implicit`).
    pub(crate) fn mark_implicit(&mut self, name: &str) {
        if let Some(Symbol::Func(f)) = self.global_sym(name).cloned() {
            self.declare_global(
                name,
                Symbol::Func(super::FuncSym {
                    implicit: true,
                    ..f
                }),
            );
        }
    }

    /// Checks that a builtin got `n` arguments.
    fn arity(&mut self, name: &str, args: &[ast::Expr], n: usize, loc: Loc) -> R<()> {
        if args.len() == n {
            return Ok(());
        }
        self.error(
            loc,
            format!(
                "too {} arguments to function call '{name}', expected {n}, have {}",
                if args.len() < n { "few" } else { "many" },
                args.len()
            ),
        );
        Err(())
    }

    /// `__builtin_object_size(p, type)`: what GCC answers without optimization, where it
    /// does not track objects: "unknown", `(size_t)-1` for types 0 and 1 (a maximum), 0
    /// for 2 and 3 (a minimum). `p` is not evaluated.
    fn object_size(&mut self, args: &[ast::Expr], loc: Loc) -> R<Val> {
        self.arity("__builtin_object_size", args, 2, loc)?;
        let p = self.rvalue_expr(&args[0])?;
        if !p.ty.is_pointer() {
            self.error(
                args[0].loc,
                format!(
                    "passing '{}' to parameter of incompatible type 'const void *'",
                    self.types.type_name(&p.ty)
                ),
            );
            return Err(());
        }
        let t = self.const_int(&args[1]).ok_or(())?;
        if !(0..=3).contains(&t) {
            self.error(
                args[1].loc,
                "argument value is outside the valid range [0, 3]",
            );
            return Err(());
        }
        let v = if t < 2 { -1 } else { 0 };
        Ok(val(int_const(v, ulong_ty())))
    }

    /// `__builtin_classify_type(x)`: GCC's type class of `x` after the conversions of a
    /// function argument (so a `char` is an integer and an array a pointer). `x` is not
    /// evaluated.
    fn classify_type(&mut self, args: &[ast::Expr], loc: Loc) -> R<Val> {
        self.arity("__builtin_classify_type", args, 1, loc)?;
        let x = self.rvalue_expr(&args[0])?;
        let class = match &x.ty.kind {
            _ if x.ty.is_integer() => 1,
            _ if x.ty.is_float() => 8,
            TypeKind::Pointer(_) => 5,
            TypeKind::Struct(_) => 12,
            TypeKind::Union(_) => 13,
            _ => {
                self.error(args[0].loc, "invalid use of void expression");
                return Err(());
            }
        };
        Ok(val(int_const(class, int_ty())))
    }

    /// `x` as an operand that will be read more than once: itself if it is a constant,
    /// else a temporary that `pre` stores it in.
    fn reuse(&mut self, x: Expr, pre: &mut Vec<ir::Stmt>) -> Expr {
        if consts::eval(&x, false).is_some() {
            return x;
        }
        let t = x.ty.unqual();
        let off = self.alloc_local(self.types.size_of(&t), self.types.align_of(&t));
        let tmp = Expr::new(K::Local(off), t.clone());
        pre.push(ir::Stmt::Expr(Expr::new(
            K::Assign(Box::new(tmp.clone()), Box::new(x)),
            t.clone(),
        )));
        Expr::new(K::Load(Box::new(tmp)), t)
    }

    /// A floating constant of type `t` (float, double or long double).
    fn fp_const(t: &Type, v: f64) -> Expr {
        match t.kind {
            TypeKind::LongDouble => Expr::new(K::LongDouble(ir::F80::from_f64(v)), t.clone()),
            _ => Expr::new(K::Float(v), t.clone()),
        }
    }

    /// The largest finite value and the smallest normal one of the floating type `t`.
    fn fp_limits(t: &Type) -> (Expr, Expr) {
        match t.kind {
            TypeKind::Float => (
                Self::fp_const(t, f32::MAX as f64),
                Self::fp_const(t, f32::MIN_POSITIVE as f64),
            ),
            TypeKind::Double => (
                Self::fp_const(t, f64::MAX),
                Self::fp_const(t, f64::MIN_POSITIVE),
            ),
            _ => (
                Expr::new(
                    K::LongDouble(ir::F80 {
                        mant: u64::MAX,
                        se: 0x7ffe,
                    }),
                    t.clone(),
                ),
                Expr::new(
                    K::LongDouble(ir::F80 {
                        mant: 1 << 63,
                        se: 1,
                    }),
                    t.clone(),
                ),
            ),
        }
    }

    /// `a op b` on two operands of the same floating type (an int, 0 or 1).
    fn fp_cmp(&mut self, op: ast::BinaryOp, a: &Expr, b: &Expr, loc: Loc) -> Expr {
        self.binary(op, a.clone(), b.clone(), loc)
            .expect("operands of one floating type")
    }

    /// The classification builtins (`isnan`, `isinf`, `isfinite`, `isnormal`,
    /// `isinf_sign`, `fpclassify`, and the typed `isnanf`, `finitel`, ...) as comparisons,
    /// which every tier compiles and constant arguments fold: NaN is the one value unequal
    /// to itself, and infinities and subnormals lie outside the finite and normal ranges.
    fn fp_classify(&mut self, name: &str, base: &str, args: &[ast::Expr], loc: Loc) -> R<Val> {
        use ast::BinaryOp as B;
        let n = if base == "fpclassify" { 6 } else { 1 };
        self.arity(name, args, n, loc)?;
        let arg = &args[n - 1];
        let mut x = self.rvalue_expr(arg)?;
        // The typed forms (library functions too) convert their argument.
        let typed = match base {
            "isnanf" | "isinff" | "finitef" => Some(TypeKind::Float),
            "isnanl" | "isinfl" | "finitel" => Some(TypeKind::LongDouble),
            "finite" => Some(TypeKind::Double),
            _ => None,
        };
        if let Some(k) = typed {
            if !x.ty.is_arith() {
                self.error(
                    arg.loc,
                    format!(
                        "passing '{}' to parameter of incompatible type '{}'",
                        self.types.type_name(&x.ty),
                        self.types.type_name(&ty(k.clone()))
                    ),
                );
                return Err(());
            }
            x = convert(x, &ty(k));
        }
        if !x.ty.is_float() {
            self.error(
                arg.loc,
                format!(
                    "floating point classification requires argument of floating point type ('{}' invalid)",
                    self.types.type_name(&x.ty)
                ),
            );
            return Err(());
        }
        let mut pre = Vec::new();
        let fty = x.ty.unqual();
        let t = self.reuse(x, &mut pre);
        let (max, min) = Self::fp_limits(&fty);
        let neg = |e: &Expr| Expr::new(K::Unary(ir::UnOp::Neg, Box::new(e.clone())), fty.clone());
        let and = |a: Expr, b: Expr| Expr::new(K::LogAnd(Box::new(a), Box::new(b)), int_ty());
        let or = |a: Expr, b: Expr| Expr::new(K::LogOr(Box::new(a), Box::new(b)), int_ty());
        let inf = Self::fp_const(&fty, f64::INFINITY);
        let nan = self.fp_cmp(B::Ne, &t, &t, loc);
        let is_inf = or(
            self.fp_cmp(B::Eq, &t, &inf, loc),
            self.fp_cmp(B::Eq, &t, &neg(&inf), loc),
        );
        let finite = and(
            self.fp_cmp(B::Ge, &t, &neg(&max), loc),
            self.fp_cmp(B::Le, &t, &max, loc),
        );
        let normal = or(
            and(
                self.fp_cmp(B::Ge, &t, &min, loc),
                self.fp_cmp(B::Le, &t, &max, loc),
            ),
            and(
                self.fp_cmp(B::Le, &t, &neg(&min), loc),
                self.fp_cmp(B::Ge, &t, &neg(&max), loc),
            ),
        );
        let cond = |c: Expr, a: Expr, b: Expr| {
            let t = a.ty.clone();
            Expr::new(K::Cond(Box::new(c), Box::new(a), Box::new(b)), t)
        };
        let int = |v: i64| int_const(v, int_ty());
        let e = match base {
            "isnan" | "isnanf" | "isnanl" => nan,
            "isinf" | "isinff" | "isinfl" => is_inf,
            "isinf_sign" => {
                let positive = self.fp_cmp(B::Gt, &t, &Self::fp_const(&fty, 0.0), loc);
                cond(is_inf, cond(positive, int(1), int(-1)), int(0))
            }
            "isnormal" => normal,
            "fpclassify" => {
                let mut classes = Vec::new();
                for a in &args[..5] {
                    let v = self.rvalue_expr(a)?;
                    if !v.ty.is_integer() {
                        self.error(
                            a.loc,
                            "the first five arguments of '__builtin_fpclassify' must be integers",
                        );
                        return Err(());
                    }
                    classes.push(convert(v, &int_ty()));
                }
                let [fp_nan, fp_inf, fp_normal, fp_subnormal, fp_zero]: [Expr; 5] =
                    classes.try_into().expect("five classes");
                let zero = self.fp_cmp(B::Eq, &t, &Self::fp_const(&fty, 0.0), loc);
                cond(
                    nan,
                    fp_nan,
                    cond(
                        is_inf,
                        fp_inf,
                        cond(normal, fp_normal, cond(zero, fp_zero, fp_subnormal)),
                    ),
                )
            }
            _ => finite,
        };
        Ok(val(fold(with_stmts(pre, e))))
    }

    /// `isgreater(a, b)` and the other comparisons that are quiet on NaNs (false when
    /// unordered, as C's own `<` is in every tier), and `isunordered`.
    fn fp_compare(&mut self, name: &str, base: &str, args: &[ast::Expr], loc: Loc) -> R<Val> {
        use ast::BinaryOp as B;
        self.arity(name, args, 2, loc)?;
        let a = self.rvalue_expr(&args[0])?;
        let b = self.rvalue_expr(&args[1])?;
        if !(a.ty.is_arith() && b.ty.is_arith() && (a.ty.is_float() || b.ty.is_float())) {
            self.error(
                loc,
                format!(
                    "floating point classification requires argument of floating point type (passed in '{}' and '{}')",
                    self.types.type_name(&a.ty),
                    self.types.type_name(&b.ty)
                ),
            );
            return Err(());
        }
        let t = usual_arith(&a.ty, &b.ty);
        let (a, b) = (convert(a, &t), convert(b, &t));
        let or = |a: Expr, b: Expr| Expr::new(K::LogOr(Box::new(a), Box::new(b)), int_ty());
        let e = match base {
            "isgreater" => self.fp_cmp(B::Gt, &a, &b, loc),
            "isgreaterequal" => self.fp_cmp(B::Ge, &a, &b, loc),
            "isless" => self.fp_cmp(B::Lt, &a, &b, loc),
            "islessequal" => self.fp_cmp(B::Le, &a, &b, loc),
            _ => {
                let mut pre = Vec::new();
                let a = self.reuse(a, &mut pre);
                let b = self.reuse(b, &mut pre);
                let e = if base == "islessgreater" {
                    or(
                        self.fp_cmp(B::Lt, &a, &b, loc),
                        self.fp_cmp(B::Gt, &a, &b, loc),
                    )
                } else {
                    or(
                        self.fp_cmp(B::Ne, &a, &a, loc),
                        self.fp_cmp(B::Ne, &b, &b, loc),
                    )
                };
                with_stmts(pre, e)
            }
        };
        Ok(val(fold(e)))
    }

    /// `__builtin_frame_address(n)` and `__builtin_return_address(n)`: a pointer into
    /// the current frame (a slot of its own), and the current function's address (a code
    /// address near the caller's, never null). Neither walks up the frames for `n > 0`.
    fn frame_address(&mut self, name: &str, base: &str, args: &[ast::Expr], loc: Loc) -> R<Val> {
        self.arity(name, args, 1, loc)?;
        let n = self.const_int(&args[0]).ok_or(())?;
        if n < 0 {
            self.error(
                args[0].loc,
                "argument value is outside the valid range [0, 4294967295]",
            );
            return Err(());
        }
        let vp = Type::ptr_to(Type::void());
        if base == "return_address" {
            let me = self.fcx.as_ref().map(|f| f.name.clone());
            if let Some(Symbol::Func(f)) = me.and_then(|n| self.global_sym(&n).cloned()) {
                let fp = Expr::new(K::FuncAddr(f.id), Type::ptr_to(f.ty.clone()));
                return Ok(val(convert(fp, &vp)));
            }
        }
        let off = self.alloc_local(8, 8);
        let slot = Expr::new(K::Local(off), vp.clone());
        Ok(val(Expr::new(K::AddrOf(Box::new(slot)), vp)))
    }

    /// `setjmp`/`longjmp` and their variants, which the interpreter implements itself
    /// (a C library setjmp cannot return twice into interpreted code).
    pub(crate) fn setjmp_call(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        loc: Loc,
    ) -> R<Option<Val>> {
        let is_set = matches!(
            name,
            "setjmp" | "_setjmp" | "__sigsetjmp" | "sigsetjmp" | "__builtin_setjmp"
        );
        let is_long = matches!(
            name,
            "longjmp" | "_longjmp" | "siglongjmp" | "__longjmp_chk" | "__builtin_longjmp"
        );
        if !is_set && !is_long {
            return Ok(None);
        }
        // GCC's `__builtin_setjmp` (a buffer of five words) works the same way.
        if !name.starts_with("__builtin_") && !matches!(self.lookup(name), Some(Symbol::Func(_))) {
            return Ok(None);
        }
        if args.is_empty() || (is_long && args.len() < 2) {
            self.error(loc, format!("too few arguments to function call '{name}'"));
            return Err(());
        }
        let env = self.rvalue_expr(&args[0])?;
        if !env.ty.is_pointer() {
            self.error(
                args[0].loc,
                format!(
                    "'{name}' needs a jmp_buf, not '{}'",
                    self.types.type_name(&env.ty)
                ),
            );
            return Err(());
        }
        if is_set {
            for a in &args[1..] {
                self.rvalue_expr(a)?;
            }
            let Some(label) = self.setjmp_site() else {
                self.error(loc, "setjmp outside of a function body is not supported");
                return Err(());
            };
            return Ok(Some(val(Expr::new(
                K::SetJmp(Box::new(env), label),
                int_ty(),
            ))));
        }
        let v = self.rvalue_expr(&args[1])?;
        let v = self.assign_convert(v, &int_ty(), args[1].loc, "passing")?;
        Ok(Some(val(Expr::new(
            K::LongJmp(Box::new(env), Box::new(v)),
            Type::void(),
        ))))
    }

    /// `__builtin_{add,sub,mul}_overflow(a, b, &r)` and the typed variants: the exact result
    /// (computed in 128 bits by a helper the executor provides) stored into `*r` truncated;
    /// the value is 1 if it did not fit.
    fn overflow_builtin(&mut self, name: &str, base: &str, args: &[ast::Expr], loc: Loc) -> R<Val> {
        if args.len() != 3 {
            self.error(
                loc,
                format!(
                    "too {} arguments to function call, expected 3, have {}",
                    if args.len() < 3 { "few" } else { "many" },
                    args.len()
                ),
            );
            return Err(());
        }
        let op = if base.contains("add") {
            0
        } else if base.contains("sub") {
            1
        } else {
            2
        };
        let mut a = self.rvalue_expr(&args[0])?;
        let mut b = self.rvalue_expr(&args[1])?;
        let r = if base.ends_with("_p") {
            // `__builtin_add_overflow_p(a, b, c)`: only the type of `c` matters (it is not
            // evaluated); the result goes to a scratch slot.
            let c = self.rvalue_expr(&args[2])?;
            if !c.ty.is_integer() || matches!(c.ty.kind, TypeKind::Bool | TypeKind::Enum(..)) {
                self.error(
                    args[2].loc,
                    format!("argument 3 in call to function '{name}' does not have integral type"),
                );
                return Err(());
            }
            let off = self.alloc_local(8, 8);
            let slot = Expr::new(K::Local(off), c.ty.unqual());
            Expr::new(K::AddrOf(Box::new(slot)), Type::ptr_to(c.ty.unqual()))
        } else {
            self.rvalue_expr(&args[2])?
        };
        // The typed variants (`__builtin_sadd_overflow`, `uaddl`, ...) convert their operands.
        let typed = ["sadd", "ssub", "smul", "uadd", "usub", "umul"]
            .iter()
            .any(|p| base.starts_with(p));
        if typed && a.ty.is_integer() && b.ty.is_integer() {
            let longs = base
                .trim_end_matches("_overflow")
                .chars()
                .rev()
                .take_while(|c| *c == 'l')
                .count();
            let k = match (base.starts_with('s'), longs) {
                (true, 0) => TypeKind::Int,
                (true, 1) => TypeKind::Long,
                (true, _) => TypeKind::LongLong,
                (false, 0) => TypeKind::UInt,
                (false, 1) => TypeKind::ULong,
                (false, _) => TypeKind::ULongLong,
            };
            a = convert(a, &ty(k.clone()));
            b = convert(b, &ty(k));
        }
        // A __int128 result (its operands are at most 64 bits: the exact value fits).
        let wide_result =
            r.ty.pointee()
                .and_then(|t| self.i128_kind(t))
                .filter(|_| !r.ty.pointee().is_some_and(|t| t.is_const));
        let rt = match r.ty.pointee() {
            Some(t) if t.is_integer() && t.kind != TypeKind::Bool && !t.is_const => t.clone(),
            Some(t) if wide_result.is_some() => t.clone(),
            _ => {
                self.error(args[2].loc, format!("result argument to overflow builtin must be a pointer to a non-const integer ('{}' invalid)", self.types.type_name(&r.ty)));
                return Err(());
            }
        };
        for (x, e) in [(&a, &args[0]), (&b, &args[1])] {
            if !x.ty.is_integer() {
                self.error(
                    e.loc,
                    format!(
                        "operand argument to overflow builtin must be an integer ('{}' invalid)",
                        self.types.type_name(&x.ty)
                    ),
                );
                return Err(());
            }
        }
        let l = long_ty();
        let int = int_ty();
        let flag = |v: bool| int_const(v as i64, int_ty());
        let size = self.types.size_of(&rt) as i64;
        let call_args = vec![
            int_const(op, int.clone()),
            convert(
                a.clone(),
                &if a.ty.is_signed() {
                    l.clone()
                } else {
                    ulong_ty()
                },
            ),
            flag(a.ty.is_signed()),
            convert(
                b.clone(),
                &if b.ty.is_signed() {
                    l.clone()
                } else {
                    ulong_ty()
                },
            ),
            flag(b.ty.is_signed()),
            convert(r, &Type::ptr_to(Type::void())),
            int_const(size, int.clone()),
            flag(wide_result.map_or(rt.is_signed(), |unsigned| !unsigned)),
        ];
        let _ = name;
        let fty = ir::FnType {
            ret: int.clone(),
            params: vec![
                int.clone(),
                l.clone(),
                int.clone(),
                l.clone(),
                int.clone(),
                Type::ptr_to(Type::void()),
                int.clone(),
                int.clone(),
            ],
            variadic: false,
            unprototyped: false,
        };
        let id = self.runtime_helper(
            "__builtin_overflow",
            "__crepl__builtin_overflow",
            fty.clone(),
        );
        let callee = Expr::new(
            K::FuncAddr(id),
            Type::ptr_to(ty(TypeKind::Function(Box::new(fty.clone())))),
        );
        // Argument types as the helper declares them (signedness travels in the flags).
        let call_args = call_args
            .into_iter()
            .zip(&fty.params)
            .map(|(x, t)| convert(x, t))
            .collect();
        Ok(val(Expr::new(
            K::Call(Box::new(ir::Call {
                callee,
                args: call_args,
                fty,
                ret_slot: None,
            })),
            Type::new(TypeKind::Bool),
        )))
    }

    /// A function the executor provides under `symbol` (a builtin needed at run time),
    /// declared on first use.
    pub(crate) fn runtime_helper(
        &mut self,
        name: &str,
        symbol: &str,
        fty: ir::FnType,
    ) -> ir::FuncId {
        if let Some(Symbol::Func(f)) = self.global_sym(name).cloned() {
            return f.id;
        }
        let id = self.new_func_id();
        self.module.func_decls.push(ir::FuncDecl {
            id,
            name: name.to_string(),
            symbol: symbol.to_string(),
            ty: fty.clone(),
        });
        let t = ty(TypeKind::Function(Box::new(fty)));
        self.declare_global(
            name,
            Symbol::Func(super::FuncSym {
                id,
                ty: t,
                defined: false,
                defined_in: None,
                implicit: false,
            }),
        );
        id
    }
}
