//! GCC's builtins in calls: `__builtin_*` (folded to constants where GCC folds them, made
//! IR where they are operations, calls to executor helpers or to the C library otherwise),
//! and `setjmp`/`longjmp`, which the interpreter implements itself.

use super::consts::{self, Const};
use super::expr::{convert, int_const, int_ty, long_ty, ty, ulong_ty, val, Val, R};
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
            "unreachable" | "trap" => {
                let Some(Symbol::Func(f)) = self.lookup("abort").cloned() else {
                    return Ok(Some(val(Expr::new(K::Int(0), Type::void()))));
                };
                let callee = Expr::new(K::FuncAddr(f.id), Type::ptr_to(f.ty.clone()));
                self.note_func_use(f.id);
                let fty = f.ty.fn_type().unwrap().clone();
                Expr::new(
                    K::Call(Box::new(ir::Call {
                        callee,
                        args: vec![],
                        fty,
                        ret_slot: None,
                    })),
                    Type::void(),
                )
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
            | "ctzll" | "bswap16" | "bswap32" | "bswap64" | "ffs" | "parity" => {
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
                    "ffs" => (int_ty(), int_ty()),
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
                    "ffs" => {
                        if v32 == 0 {
                            0
                        } else {
                            v32.trailing_zeros() as i64 + 1
                        }
                    }
                    _ => (v32.count_ones() & 1) as i64,
                };
                let t = match base {
                    "bswap16" => ty(TypeKind::UShort),
                    "bswap32" => ty(TypeKind::UInt),
                    "bswap64" => ty(TypeKind::ULong),
                    _ => int_ty(),
                };
                let _ = wide;
                int_const(r, t)
            }
            _ => {
                // `__builtin_memcpy` and friends: the library function of the same name.
                if let Some(Symbol::Func(_)) = self.lookup(base).cloned() {
                    let f = ast::Expr {
                        kind: A::Ident(base.to_string()),
                        loc,
                    };
                    return self.call(&f, args, loc).map(Some);
                }
                self.error(loc, format!("builtin '{name}' is not supported yet"));
                return Err(());
            }
        };
        Ok(Some(val(v)))
    }

    /// `setjmp`/`longjmp` and their variants, which the interpreter implements itself
    /// (a C library setjmp cannot return twice into interpreted code).
    pub(crate) fn setjmp_call(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        loc: Loc,
    ) -> R<Option<Val>> {
        let is_set = matches!(name, "setjmp" | "_setjmp" | "__sigsetjmp" | "sigsetjmp");
        let is_long = matches!(
            name,
            "longjmp" | "_longjmp" | "siglongjmp" | "__longjmp_chk"
        );
        if !is_set && !is_long {
            return Ok(None);
        }
        if !matches!(self.lookup(name), Some(Symbol::Func(_))) {
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
        let r = self.rvalue_expr(&args[2])?;
        // The typed variants (`__builtin_sadd_overflow`, `uaddl`, ...) convert their operands.
        if base.starts_with('s') || base.starts_with('u') {
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
        let rt = match r.ty.pointee() {
            Some(t) if t.is_integer() && t.kind != TypeKind::Bool && !t.is_const => t.clone(),
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
            flag(rt.is_signed()),
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
    fn runtime_helper(&mut self, name: &str, symbol: &str, fty: ir::FnType) -> ir::FuncId {
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
            }),
        );
        id
    }
}
