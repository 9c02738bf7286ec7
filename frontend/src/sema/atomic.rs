//! Atomics: gcc's `__atomic_*` and `__sync_*` builtins and `_Atomic` objects' stores and
//! read-modify-writes -> calls of the executor's helpers (`executor/src/atomics.rs`, codes
//! in `ir::atomic`), so that every tier runs the same lock-prefixed instructions. Loads of
//! `_Atomic` objects stay plain loads (on x86-64 an aligned load is sequentially
//! consistent).

use super::expr::{convert, int_const, int_ty, long_ty, ty, ulong_ty, val, Val, R};
use super::Sema;
use crate::ast::{self, BinaryOp};
use crate::source::Loc;
use ir::atomic::{op, Kind};
use ir::{Expr, ExprKind as K, FnType, Type, TypeKind};

fn voidp() -> Type {
    Type::ptr_to(Type::void())
}

impl Sema {
    /// A call of the executor's helper `symbol` (declared on first use) with `args`
    /// converted to `params`; a record result gets a frame slot. Atomics, `__int128`,
    /// complex numbers and nested functions are lowered to these.
    pub(crate) fn helper_call(
        &mut self,
        symbol: &str,
        params: Vec<Type>,
        ret: Type,
        args: Vec<Expr>,
    ) -> Expr {
        let fty = FnType {
            ret: ret.clone(),
            params,
            variadic: false,
            unprototyped: false,
        };
        let id = self.runtime_helper(symbol, symbol, fty.clone());
        let callee = Expr::new(
            K::FuncAddr(id),
            Type::ptr_to(ty(TypeKind::Function(Box::new(fty.clone())))),
        );
        let args = args
            .into_iter()
            .zip(&fty.params)
            .map(|(x, t)| convert(x, t))
            .collect();
        let ret_slot = ret.is_record().then(|| {
            let (size, align) = (self.types.size_of(&ret), self.types.align_of(&ret));
            self.alloc_local(size, align)
        });
        Expr::new(
            K::Call(Box::new(ir::Call {
                callee,
                args,
                fty,
                ret_slot,
            })),
            ret,
        )
    }

    /// `__crepl_atomic(code, size, p, a, b)` -> the value as `result` (an integer or
    /// pointer type, converted from the helper's 64 bits).
    fn atomic_op(
        &mut self,
        code: i32,
        size: u64,
        p: Expr,
        a: Expr,
        b: Expr,
        result: &Type,
    ) -> Expr {
        let int = int_ty();
        let args = vec![
            int_const(code as i64, int.clone()),
            int_const(size as i64, int.clone()),
            convert(p, &voidp()),
            to_bits(a),
            to_bits(b),
        ];
        let call = self.helper_call(
            "__crepl_atomic",
            vec![int.clone(), int, voidp(), ulong_ty(), ulong_ty()],
            ulong_ty(),
            args,
        );
        convert(call, result)
    }

    /// The object type a pointer argument of an atomic builtin points to (integer, pointer,
    /// or with `any`, any type of 1, 2, 4 or 8 bytes), with its size.
    fn atomic_target(&mut self, p: &Expr, loc: Loc, any: bool) -> R<(Type, u64)> {
        let t = p.ty.pointee().cloned();
        let ok = t.as_ref().is_some_and(|t| {
            let size = self.types.size_of(t);
            (t.is_integer() || t.is_pointer() || any && !t.is_void() && !t.is_function())
                && matches!(size, 1 | 2 | 4 | 8)
        });
        match t {
            Some(t) if ok => {
                let size = self.types.size_of(&t);
                Ok((t.unqual(), size))
            }
            _ => {
                self.error(
                    loc,
                    format!(
                        "address argument to atomic operation must be a pointer to an integer or pointer of 1, 2, 4 or 8 bytes ('{}' invalid)",
                        self.types.type_name(&p.ty)
                    ),
                );
                Err(())
            }
        }
    }

    /// `__atomic_*` and `__sync_*` builtins. `None` if `name` is not one.
    pub(crate) fn atomic_builtin(
        &mut self,
        name: &str,
        args: &[ast::Expr],
        loc: Loc,
    ) -> R<Option<Val>> {
        let (is_sync, base) = if let Some(b) = name.strip_prefix("__atomic_") {
            (false, b)
        } else if let Some(b) = name.strip_prefix("__sync_") {
            (true, b)
        } else {
            return Ok(None);
        };
        let nargs = |n: usize, me: &mut Sema| -> R<()> {
            if args.len() < n {
                me.error(
                    loc,
                    format!(
                        "too few arguments to function call, expected {n}, have {}",
                        args.len()
                    ),
                );
                return Err(());
            }
            Ok(())
        };
        let mut vals = Vec::new();
        for a in args {
            vals.push(self.rvalue_expr(a)?);
        }
        let bool_t = ty(TypeKind::Bool);
        let void = Type::void();
        let nothing = || int_const(0, ulong_ty());
        // Fetch-and-op: (op code, returns the new value).
        let rmw = |b: &str| -> Option<(i32, bool)> {
            let ops = [
                ("add", op::ADD),
                ("sub", op::SUB),
                ("and", op::AND),
                ("or", op::OR),
                ("xor", op::XOR),
                ("nand", op::NAND),
            ];
            for (n, c) in ops {
                if is_sync {
                    if b == format!("fetch_and_{n}") {
                        return Some((c, false));
                    }
                    if b == format!("{n}_and_fetch") {
                        return Some((c, true));
                    }
                } else {
                    if b == format!("fetch_{n}") {
                        return Some((c, false));
                    }
                    if b == format!("{n}_fetch") {
                        return Some((c, true));
                    }
                }
            }
            None
        };
        let e = match base {
            "thread_fence" | "signal_fence" | "synchronize" => self.atomic_op(
                op::FENCE,
                8,
                int_const(0, voidp()),
                nothing(),
                nothing(),
                &void,
            ),
            "always_lock_free" | "is_lock_free" => {
                nargs(1, self)?;
                let size = self.const_int(&args[0]);
                let free = matches!(size, Some(1 | 2 | 4 | 8));
                int_const(free as i64, bool_t)
            }
            "load_n" if !is_sync => {
                nargs(1, self)?;
                let p = vals.swap_remove(0);
                let (t, size) = self.atomic_target(&p, loc, false)?;
                self.atomic_op(op::LOAD, size, p, nothing(), nothing(), &t)
            }
            "store_n" if !is_sync => {
                nargs(2, self)?;
                let p = vals[0].clone();
                let (t, size) = self.atomic_target(&p, loc, false)?;
                let v = convert(vals[1].clone(), &t);
                self.atomic_op(op::STORE, size, p, v, nothing(), &void)
            }
            "exchange_n" | "lock_test_and_set" => {
                nargs(2, self)?;
                let p = vals[0].clone();
                let (t, size) = self.atomic_target(&p, loc, false)?;
                let v = convert(vals[1].clone(), &t);
                self.atomic_op(op::XCHG, size, p, v, nothing(), &t)
            }
            "lock_release" if is_sync => {
                nargs(1, self)?;
                let p = vals[0].clone();
                let (_, size) = self.atomic_target(&p, loc, false)?;
                self.atomic_op(op::STORE, size, p, nothing(), nothing(), &void)
            }
            // Generic forms: the values travel through pointers.
            "load" | "store" | "exchange" if !is_sync => {
                let n = if base == "exchange" { 3 } else { 2 };
                nargs(n, self)?;
                let p = vals[0].clone();
                let (_, size) = self.atomic_target(&p, loc, true)?;
                let bits = bits_type(size);
                let as_bits = |e: Expr| convert(e, &Type::ptr_to(bits.clone()));
                let deref = |e: Expr| Expr::new(K::Deref(Box::new(as_bits(e))), bits.clone());
                let load = |e: Expr| Expr::new(K::Load(Box::new(deref(e))), bits.clone());
                match base {
                    "load" => {
                        let v = self.atomic_op(op::LOAD, size, p, nothing(), nothing(), &bits);
                        Expr::new(
                            K::Assign(Box::new(deref(vals[1].clone())), Box::new(v)),
                            bits.clone(),
                        )
                    }
                    "store" => {
                        let v = load(vals[1].clone());
                        self.atomic_op(op::STORE, size, p, v, nothing(), &void)
                    }
                    _ => {
                        let v = load(vals[1].clone());
                        let old = self.atomic_op(op::XCHG, size, p, v, nothing(), &bits);
                        Expr::new(
                            K::Assign(Box::new(deref(vals[2].clone())), Box::new(old)),
                            bits.clone(),
                        )
                    }
                }
            }
            "compare_exchange_n" | "compare_exchange" if !is_sync => {
                nargs(4, self)?;
                let generic = base == "compare_exchange";
                let p = vals[0].clone();
                let (t, size) = self.atomic_target(&p, loc, generic)?;
                let desired = if generic {
                    let bits = bits_type(size);
                    let d = convert(vals[2].clone(), &Type::ptr_to(bits.clone()));
                    Expr::new(
                        K::Load(Box::new(Expr::new(K::Deref(Box::new(d)), bits.clone()))),
                        bits,
                    )
                } else {
                    convert(vals[2].clone(), &t)
                };
                let expected = vals[1].clone();
                self.atomic_op(op::CAS, size, p, expected, desired, &bool_t)
            }
            "bool_compare_and_swap" | "val_compare_and_swap" if is_sync => {
                nargs(3, self)?;
                let p = vals[0].clone();
                let (t, size) = self.atomic_target(&p, loc, false)?;
                // The expected value goes through a temporary the helper may update.
                let slot = self.alloc_local(8, 8);
                let tmp = Expr::new(K::Local(slot), t.clone());
                let init = Expr::new(
                    K::Assign(
                        Box::new(tmp.clone()),
                        Box::new(convert(vals[1].clone(), &t)),
                    ),
                    t.clone(),
                );
                let addr = Expr::new(K::AddrOf(Box::new(tmp.clone())), Type::ptr_to(t.clone()));
                let desired = convert(vals[2].clone(), &t);
                let cas = self.atomic_op(op::CAS, size, p, addr, desired, &bool_t);
                let cas = Expr::new(K::Comma(Box::new(init), Box::new(cas)), bool_t.clone());
                if base == "bool_compare_and_swap" {
                    cas
                } else {
                    // The old value: what was expected on success, what the helper wrote
                    // back on failure; either way the temporary.
                    let old = Expr::new(K::Load(Box::new(tmp)), t.clone());
                    Expr::new(K::Comma(Box::new(cas), Box::new(old)), t)
                }
            }
            "test_and_set" if !is_sync => {
                nargs(1, self)?;
                let p = convert(vals[0].clone(), &Type::ptr_to(ty(TypeKind::UChar)));
                let one = int_const(1, ty(TypeKind::UChar));
                let old = self.atomic_op(op::XCHG, 1, p, one, nothing(), &ty(TypeKind::UChar));
                convert(old, &bool_t)
            }
            "clear" if !is_sync => {
                nargs(1, self)?;
                let p = convert(vals[0].clone(), &Type::ptr_to(ty(TypeKind::UChar)));
                self.atomic_op(op::STORE, 1, p, nothing(), nothing(), &void)
            }
            b => match rmw(b) {
                Some((code, new)) => {
                    nargs(2, self)?;
                    let p = vals[0].clone();
                    let (t, size) = self.atomic_target(&p, loc, false)?;
                    // On a pointer the operand counts bytes, as in gcc.
                    let v = if t.is_pointer() {
                        convert(vals[1].clone(), &long_ty())
                    } else {
                        convert(vals[1].clone(), &t)
                    };
                    let code = if new { code | op::NEW } else { code };
                    self.atomic_op(code, size, p, v, nothing(), &t)
                }
                None => {
                    self.error(loc, format!("use of unknown builtin '{name}'"));
                    return Err(());
                }
            },
        };
        Ok(Some(val(e)))
    }

    /// `lv = rhs` or `lv op= rhs` on an `_Atomic` scalar: one atomic step. `rhs` is already
    /// converted to `lv`'s type for a plain store.
    pub(crate) fn atomic_assign(
        &mut self,
        op: Option<BinaryOp>,
        lv: Expr,
        rhs: Expr,
        loc: Loc,
    ) -> R<Expr> {
        let t = lv.ty.unqual();
        let addr = Expr::new(K::AddrOf(Box::new(lv)), Type::ptr_to(t.clone()));
        let size = self.types.size_of(&t);
        let code = match op {
            None => None,
            Some(BinaryOp::Add) => Some(op::ADD),
            Some(BinaryOp::Sub) => Some(op::SUB),
            Some(BinaryOp::Mul) => Some(op::MUL),
            Some(BinaryOp::Div) => Some(op::DIV),
            Some(BinaryOp::Rem) => Some(op::REM),
            Some(BinaryOp::Shl) => Some(op::SHL),
            Some(BinaryOp::Shr) => Some(op::SHR),
            Some(BinaryOp::BitAnd) => Some(op::AND),
            Some(BinaryOp::BitOr) => Some(op::OR),
            Some(BinaryOp::BitXor) => Some(op::XOR),
            Some(_) => None,
        };
        if t.is_float() && t.kind != TypeKind::LongDouble {
            let code = match op {
                None => 0,
                Some(_) => match code {
                    Some(c @ (op::ADD | op::SUB | op::MUL | op::DIV)) => c,
                    _ => return self.atomic_unsupported(&t, loc),
                },
            };
            return Ok(self.atomic_float(addr, &t, code, rhs, 0));
        }
        if !(t.is_integer() || t.is_pointer()) || !matches!(size, 1 | 2 | 4 | 8) {
            return self.atomic_unsupported(&t, loc);
        }
        match code {
            // The helper returns the value stored: the assignment's value.
            None if op.is_none() => {
                Ok(self.atomic_op(op::STORE, size, addr, rhs, int_const(0, ulong_ty()), &t))
            }
            Some(c) if t.is_pointer() => {
                if !matches!(c, op::ADD | op::SUB) {
                    return self.atomic_unsupported(&t, loc);
                }
                Ok(self.atomic_op(c | op::NEW, size, addr, rhs, int_const(0, ulong_ty()), &t))
            }
            Some(c) => Ok(self.atomic_int(addr, &t, c, rhs, 0)),
            None => self.atomic_unsupported(&t, loc),
        }
    }

    /// `++`/`--` on an `_Atomic` scalar; `scale` is the pointer step in bytes.
    pub(crate) fn atomic_incdec(
        &mut self,
        lv: Expr,
        inc: bool,
        post: bool,
        scale: u64,
        loc: Loc,
    ) -> R<Expr> {
        let t = lv.ty.unqual();
        let addr = Expr::new(K::AddrOf(Box::new(lv)), Type::ptr_to(t.clone()));
        let code = if inc { op::ADD } else { op::SUB };
        let flags = if post { op::OLD } else { 0 };
        if t.is_float() && t.kind != TypeKind::LongDouble {
            let one = Expr::new(K::Float(1.0), ty(TypeKind::Double));
            return Ok(self.atomic_float(addr, &t, code, one, flags));
        }
        if t.is_pointer() {
            let code = if post { code } else { code | op::NEW };
            return Ok(self.atomic_op(
                code,
                8,
                addr,
                int_const(scale as i64, long_ty()),
                int_const(0, ulong_ty()),
                &t,
            ));
        }
        if !t.is_integer() {
            return self.atomic_unsupported(&t, loc);
        }
        let one = int_const(1, t.clone());
        Ok(self.atomic_int(addr, &t, code, one, flags))
    }

    fn atomic_int(&mut self, addr: Expr, t: &Type, code: i32, v: Expr, flags: i32) -> Expr {
        let kind = Kind {
            size: self.types.size_of(t) as u8,
            signed: t.is_signed(),
        };
        let int = int_ty();
        let args = vec![
            convert(addr, &voidp()),
            int_const(kind.code() as i64, int.clone()),
            int_const(code as i64, int.clone()),
            to_bits(convert(v, t)),
            int_const(flags as i64, int.clone()),
        ];
        let call = self.helper_call(
            "__crepl_atomic_rmw",
            vec![voidp(), int.clone(), int.clone(), ulong_ty(), int],
            ulong_ty(),
            args,
        );
        convert(call, t)
    }

    fn atomic_float(&mut self, addr: Expr, t: &Type, code: i32, v: Expr, flags: i32) -> Expr {
        let int = int_ty();
        let dbl = ty(TypeKind::Double);
        let args = vec![
            convert(addr, &voidp()),
            int_const((t.kind == TypeKind::Double) as i64, int.clone()),
            int_const(code as i64, int.clone()),
            convert(v, &dbl),
            int_const(flags as i64, int.clone()),
        ];
        let call = self.helper_call(
            "__crepl_atomic_rmw_float",
            vec![voidp(), int.clone(), int.clone(), dbl.clone(), int],
            dbl,
            args,
        );
        convert(call, t)
    }

    fn atomic_unsupported<T>(&mut self, t: &Type, loc: Loc) -> R<T> {
        self.error(
            loc,
            format!(
                "this operation on an object of type '{}' is not supported atomically",
                self.types.type_name(t)
            ),
        );
        Err(())
    }
}

/// An integer or pointer value as the helper's 64 bits.
fn to_bits(e: Expr) -> Expr {
    convert(e, &ulong_ty())
}

/// The unsigned integer type of `size` bytes.
fn bits_type(size: u64) -> Type {
    ty(match size {
        1 => TypeKind::UChar,
        2 => TypeKind::UShort,
        4 => TypeKind::UInt,
        _ => TypeKind::ULong,
    })
}
