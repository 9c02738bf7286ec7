//! `__int128` and `unsigned __int128` -> IR: each is a 16-byte record of two 64-bit words
//! (the System V ABI passes and returns `__int128` exactly as such a struct: two integer
//! registers, or memory), handled by address like any aggregate in every tier; its
//! arithmetic, comparisons and conversions are calls of the executor's helpers
//! (`executor/src/int128.rs`), which compute on Rust's `i128`. The compiled tiers need no
//! new value kind.

use super::expr::{convert, int_ty, ty, ulong_ty, val, Val, R};
use super::Sema;
use crate::ast::BinaryOp;
use crate::source::Loc;
use ir::{Expr, ExprKind as K, Type, TypeKind};

/// The name a `__int128` record carries (it has no tag; values print as this type).
pub(crate) const SIGNED: &str = "__int128";
pub(crate) const UNSIGNED: &str = "unsigned __int128";

/// Operation codes of `__crepl_i128_op` and `__crepl_i128_cmp` (executor/src/int128.rs).
pub(crate) mod op {
    pub const ADD: i32 = 1;
    pub const SUB: i32 = 2;
    pub const MUL: i32 = 3;
    pub const DIV: i32 = 4;
    pub const REM: i32 = 5;
    pub const AND: i32 = 6;
    pub const OR: i32 = 7;
    pub const XOR: i32 = 8;
    pub const SHL: i32 = 9;
    pub const SHR: i32 = 10;
    pub const LT: i32 = 20;
    pub const GT: i32 = 21;
    pub const LE: i32 = 22;
    pub const GE: i32 = 23;
    pub const EQ: i32 = 24;
    pub const NE: i32 = 25;
}

impl Sema {
    /// The record type of `__int128` (`unsigned`: of `unsigned __int128`), made once per
    /// session (again if an undo took it back).
    pub(crate) fn int128_type(&mut self, unsigned: bool) -> Type {
        let word = Type::new(if unsigned {
            TypeKind::ULong
        } else {
            TypeKind::Long
        });
        let name = if unsigned { UNSIGNED } else { SIGNED };
        self.value_record(name, Type::new(TypeKind::ULong), word, 16)
    }

    /// The record type standing for a type the tiers have no value kind for (`__int128`,
    /// `_Complex`): no tag, `name` as its typedef name (how it prints and how
    /// `value_record_name` knows it), two members of `half` bytes each, aligned as
    /// `align`. Made once per session (again if an undo took it back); the id is
    /// remembered, so lookups do not scan the record table.
    pub(crate) fn value_record(
        &mut self,
        name: &'static str,
        lo: Type,
        hi: Type,
        align: u64,
    ) -> Type {
        if let Some(&id) = self.value_records.get(name) {
            if self.value_record_name(id) == Some(name) {
                return Type::new(TypeKind::Struct(id));
            }
        }
        let half = self.types.size_of(&lo);
        let field = |name: &str, ty: Type, offset| ir::Field {
            name: Some(name.into()),
            ty,
            offset,
            bits: None,
        };
        let id = self.new_record(ir::Record {
            is_union: false,
            tag: None,
            typedef_name: Some(name.to_string()),
            layout: Some(ir::RecordLayout {
                fields: vec![field("__lo", lo, 0), field("__hi", hi, half)],
                size: 2 * half,
                align,
                flexible: false,
            }),
        });
        self.value_records.insert(name, id);
        Type::new(TypeKind::Struct(id))
    }

    /// The name of the value record `id` is (see `value_record`), if it is one.
    pub(crate) fn value_record_name(&self, id: ir::RecordId) -> Option<&str> {
        let r = self.types.records.get(id as usize)?;
        if r.tag.is_some() {
            return None;
        }
        r.typedef_name.as_deref().filter(|n| {
            [
                SIGNED,
                UNSIGNED,
                super::complex::FLOAT,
                super::complex::DOUBLE,
                super::complex::LONG_DOUBLE,
            ]
            .contains(n)
        })
    }

    /// `Some(unsigned)` if `t` is `__int128` or `unsigned __int128`.
    pub(crate) fn i128_kind(&self, t: &Type) -> Option<bool> {
        let TypeKind::Struct(id) = t.kind else {
            return None;
        };
        match self.value_record_name(id)? {
            SIGNED => Some(false),
            UNSIGNED => Some(true),
            _ => None,
        }
    }

    /// `e` (an integer, float or `__int128` value) as a value of the 128-bit type
    /// `unsigned` says.
    pub(crate) fn convert_to_i128(&mut self, e: Expr, unsigned: bool) -> Expr {
        let t = self.int128_type(unsigned);
        if self.i128_kind(&e.ty).is_some() {
            // The same bits either way.
            return Expr {
                kind: e.kind,
                ty: t,
            };
        }
        let int = int_ty();
        if e.ty.is_float() {
            let d = Type::new(TypeKind::Double);
            return self.helper_call(
                "__crepl_i128_from_f64",
                vec![d, int.clone()],
                t,
                vec![e, Expr::new(K::Int(unsigned as i64), int)],
            );
        }
        let signed = e.ty.is_signed();
        if let K::Int(v) = e.kind {
            // A constant: 16 bytes of static data (usable in static initializers).
            let wide: i128 = if signed { v as i128 } else { v as u64 as i128 };
            let id = self.anon_global(
                t.clone(),
                ir::GlobalInit::Data {
                    bytes: wide.to_le_bytes().to_vec(),
                    relocs: vec![],
                },
            );
            return Expr::new(K::Global(id), t);
        }
        let v = convert(
            e,
            &Type::new(if signed {
                TypeKind::Long
            } else {
                TypeKind::ULong
            }),
        );
        self.helper_call(
            "__crepl_i128_from",
            vec![ulong_ty(), int.clone()],
            t,
            vec![v, Expr::new(K::Int(signed as i64), int)],
        )
    }

    /// A `__int128` value as a value of scalar type `to`.
    pub(crate) fn convert_from_i128(&mut self, e: Expr, to: &Type) -> Expr {
        let unsigned = self.i128_kind(&e.ty).unwrap_or(false);
        let pt = e.ty.clone();
        if to.is_float() {
            let d = Type::new(TypeKind::Double);
            let int = int_ty();
            let x = self.helper_call(
                "__crepl_i128_to_f64",
                vec![pt, int.clone()],
                d,
                vec![e, Expr::new(K::Int(unsigned as i64), int)],
            );
            return convert(x, to);
        }
        if to.kind == TypeKind::Bool {
            // The whole value against zero, not its low word.
            let t = self.i128_truth(e);
            return convert(t, to);
        }
        let x = self.helper_call("__crepl_i128_to", vec![pt], ulong_ty(), vec![e]);
        convert(x, to)
    }

    /// `e != 0` for a `__int128` value: an int.
    pub(crate) fn i128_truth(&mut self, e: Expr) -> Expr {
        let unsigned = self.i128_kind(&e.ty).unwrap_or(false);
        let zero = self.convert_to_i128(Expr::new(K::Int(0), int_ty()), unsigned);
        self.i128_compare(op::NE, e, zero, unsigned)
    }

    fn i128_compare(&mut self, code: i32, a: Expr, b: Expr, unsigned: bool) -> Expr {
        let int = int_ty();
        let (ta, tb) = (a.ty.clone(), b.ty.clone());
        self.helper_call(
            "__crepl_i128_cmp",
            vec![int.clone(), ta, tb, int.clone()],
            int.clone(),
            vec![
                Expr::new(K::Int(code as i64), int.clone()),
                a,
                b,
                Expr::new(K::Int(unsigned as i64), int),
            ],
        )
    }

    fn i128_op(&mut self, code: i32, a: Expr, b: Expr, unsigned: bool) -> Expr {
        let int = int_ty();
        let t = self.int128_type(unsigned);
        let (ta, tb) = (a.ty.clone(), b.ty.clone());
        self.helper_call(
            "__crepl_i128_op",
            vec![int.clone(), ta, tb, int.clone()],
            t,
            vec![
                Expr::new(K::Int(code as i64), int.clone()),
                a,
                b,
                Expr::new(K::Int(unsigned as i64), int),
            ],
        )
    }

    /// A binary operator with a `__int128` operand. `None` if the other operand makes it
    /// a float operation (then the 128-bit one is converted and the usual rules apply).
    pub(crate) fn i128_binary(
        &mut self,
        bop: BinaryOp,
        x: Expr,
        y: Expr,
        loc: Loc,
    ) -> R<Result<Expr, (Expr, Expr)>> {
        let (kx, ky) = (self.i128_kind(&x.ty), self.i128_kind(&y.ty));
        let shift = matches!(bop, BinaryOp::Shl | BinaryOp::Shr);
        if !shift && (x.ty.is_float() || y.ty.is_float()) {
            let d = Type::new(TypeKind::Double);
            let x = if kx.is_some() {
                self.convert_from_i128(x, &d)
            } else {
                x
            };
            let y = if ky.is_some() {
                self.convert_from_i128(y, &d)
            } else {
                y
            };
            return Ok(Err((x, y)));
        }
        for e in [&x, &y] {
            if self.i128_kind(&e.ty).is_none() && !e.ty.is_integer() {
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
        // The result's signedness: a shift's is its left operand's; otherwise unsigned
        // if either 128-bit operand is (no narrower type outranks __int128).
        let unsigned = if shift {
            kx.unwrap_or(false)
        } else {
            kx == Some(true) || ky == Some(true)
        };
        let a = self.convert_to_i128(x, unsigned);
        let b = self.convert_to_i128(y, unsigned);
        let code = match bop {
            BinaryOp::Add => op::ADD,
            BinaryOp::Sub => op::SUB,
            BinaryOp::Mul => op::MUL,
            BinaryOp::Div => op::DIV,
            BinaryOp::Rem => op::REM,
            BinaryOp::BitAnd => op::AND,
            BinaryOp::BitOr => op::OR,
            BinaryOp::BitXor => op::XOR,
            BinaryOp::Shl => op::SHL,
            BinaryOp::Shr => op::SHR,
            BinaryOp::Lt => return Ok(Ok(self.i128_compare(op::LT, a, b, unsigned))),
            BinaryOp::Gt => return Ok(Ok(self.i128_compare(op::GT, a, b, unsigned))),
            BinaryOp::Le => return Ok(Ok(self.i128_compare(op::LE, a, b, unsigned))),
            BinaryOp::Ge => return Ok(Ok(self.i128_compare(op::GE, a, b, unsigned))),
            BinaryOp::Eq => return Ok(Ok(self.i128_compare(op::EQ, a, b, unsigned))),
            BinaryOp::Ne => return Ok(Ok(self.i128_compare(op::NE, a, b, unsigned))),
            _ => {
                self.error(loc, "this operator is not supported on __int128");
                return Err(());
            }
        };
        if matches!(code, op::DIV | op::REM) {
            // Division by zero stops the program as an integer division by zero does
            // everywhere else: the divisor, kept in a temporary, is tested by an int
            // division (1 / (b != 0)) that every tier checks.
            let t = b.ty.clone();
            let slot = self.alloc_local(16, 16);
            let tmp = Expr::new(K::Local(slot), t.clone());
            let keep = Expr::new(K::Assign(Box::new(tmp.clone()), Box::new(b)), t.clone());
            let zero = self.convert_to_i128(Expr::new(K::Int(0), int_ty()), unsigned);
            let nonzero = self.i128_compare(op::NE, tmp.clone(), zero, unsigned);
            let check = Expr::new(
                K::Binary {
                    op: ir::BinOp::Div,
                    op_ty: ir::Scalar::I32,
                    lhs: Box::new(Expr::new(K::Int(1), int_ty())),
                    rhs: Box::new(nonzero),
                },
                int_ty(),
            );
            let q = self.i128_op(code, a, tmp, unsigned);
            let rt = q.ty.clone();
            let checked = Expr::new(K::Comma(Box::new(check), Box::new(q)), rt.clone());
            return Ok(Ok(Expr::new(
                K::Comma(Box::new(keep), Box::new(checked)),
                rt,
            )));
        }
        Ok(Ok(self.i128_op(code, a, b, unsigned)))
    }

    /// `-x`, `~x`, `!x`, `+x` of a `__int128`.
    pub(crate) fn i128_unary(&mut self, neg: Option<bool>, x: Expr, not: bool) -> Val {
        let unsigned = self.i128_kind(&x.ty).unwrap_or(false);
        if not {
            let z = self.convert_to_i128(Expr::new(K::Int(0), int_ty()), unsigned);
            return val(self.i128_compare(op::EQ, x, z, unsigned));
        }
        match neg {
            // -x = 0 - x
            Some(true) => {
                let z = self.convert_to_i128(Expr::new(K::Int(0), int_ty()), unsigned);
                val(self.i128_op(op::SUB, z, x, unsigned))
            }
            // ~x = x ^ -1
            Some(false) => {
                let m = self.convert_to_i128(Expr::new(K::Int(-1), ty(TypeKind::Long)), unsigned);
                val(self.i128_op(op::XOR, x, m, unsigned))
            }
            None => val(x),
        }
    }
}
