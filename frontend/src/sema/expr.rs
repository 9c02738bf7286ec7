//! Expressions: syntax -> typed IR, with C11's conversions made explicit (integer
//! promotions, usual arithmetic conversions, lvalue conversion, array/function decay).

use super::complex::Prec;
use super::consts::{self, Const};
use super::types::compatible_unqual;
use super::{Place, Sema, Symbol};
use crate::ast::{self, BinaryOp, CharPrefix, ExprKind as A, UnaryOp};
use crate::source::Loc;
use ir::{BinOp, Expr, ExprKind as K, Scalar, Type, TypeKind, UnOp};

pub(crate) type R<T> = Result<T, ()>;

/// A checked expression: typed IR plus whether it designates an object (lvalue).
pub(crate) struct Val {
    pub e: Expr,
    pub lv: bool,
}

pub(crate) fn val(e: Expr) -> Val {
    Val { e, lv: false }
}

pub(crate) fn ty(k: TypeKind) -> Type {
    Type::new(k)
}

pub(crate) fn int_ty() -> Type {
    Type::int()
}

pub(crate) fn long_ty() -> Type {
    ty(TypeKind::Long)
}

pub(crate) fn ulong_ty() -> Type {
    ty(TypeKind::ULong)
}

pub(crate) fn sk(t: &Type) -> Scalar {
    t.scalar_kind().unwrap_or(Scalar::U64)
}

pub(crate) fn int_const(v: i64, t: Type) -> Expr {
    Expr::new(K::Int(v), t)
}

/// Integer conversion rank (C11 6.3.1.1).
fn rank(t: &Type) -> u32 {
    use TypeKind::*;
    match t.kind {
        Bool => 0,
        Char | SChar | UChar => 1,
        Short | UShort => 2,
        Int | UInt | Enum(..) => 3,
        Long | ULong => 4,
        LongLong | ULongLong => 5,
        _ => 3,
    }
}

/// The type `e` promotes as: its type, except that a bit-field of type unsigned int
/// narrower than int promotes to int, as every value fits (C11 6.3.1.1p2): `-1 < s.f`
/// is true for `unsigned f : 24`. (`e` is the bit-field's rvalue or, in a compound
/// assignment, its lvalue.)
pub(crate) fn arith_ty(e: &Expr) -> Type {
    let field = match &e.kind {
        K::Load(x) => &**x,
        _ => e,
    };
    use TypeKind::*;
    match field.kind {
        // gcc (and tcc) promote long and long long bit-fields of 32 bits or fewer too.
        K::BitField(_, _, w)
            if w < 32 && matches!(e.ty.kind, UInt | Long | ULong | LongLong | ULongLong) =>
        {
            int_ty()
        }
        K::BitField(_, _, 32) if matches!(e.ty.kind, Long | LongLong) => int_ty(),
        K::BitField(_, _, 32) if matches!(e.ty.kind, ULong | ULongLong) => Type::new(UInt),
        _ => e.ty.clone(),
    }
}

/// Integer promotion.
pub(crate) fn promote(t: &Type) -> Type {
    use TypeKind::*;
    match t.kind {
        Bool | Char | SChar | UChar | Short | UShort | Enum(_, false) => int_ty(),
        Enum(_, true) => ty(UInt),
        _ => t.unqual(),
    }
}

/// The common type of the usual arithmetic conversions.
pub(crate) fn usual_arith(a: &Type, b: &Type) -> Type {
    use TypeKind::*;
    if a.kind == LongDouble || b.kind == LongDouble {
        return ty(LongDouble);
    }
    if a.kind == Double || b.kind == Double {
        return ty(Double);
    }
    if a.kind == Float || b.kind == Float {
        return ty(Float);
    }
    let (a, b) = (promote(a), promote(b));
    if a.kind == b.kind {
        return a;
    }
    let (sa, sb) = (a.is_signed(), b.is_signed());
    if sa == sb {
        return if rank(&a) >= rank(&b) { a } else { b };
    }
    let (s, u) = if sa { (a, b) } else { (b, a) };
    if rank(&u) >= rank(&s) {
        return u;
    }
    // The signed type is wider (long vs unsigned int): it can represent all values.
    if sk(&s).size() > sk(&u).size() {
        return s;
    }
    ty(match s.kind {
        Long => ULong,
        LongLong => ULongLong,
        _ => UInt,
    })
}

/// Converts an rvalue to `to` (explicit Cast when the representation changes).
pub(crate) fn convert(e: Expr, to: &Type) -> Expr {
    if to.is_void() {
        return Expr::new(K::Cast(Box::new(e)), Type::void());
    }
    let same = match (e.ty.scalar_kind(), to.scalar_kind()) {
        (Some(a), Some(b)) => a == b && (to.kind != TypeKind::Bool || e.ty.kind == TypeKind::Bool),
        _ => true,
    };
    if same {
        if let K::Int(v) = e.kind {
            return Expr::new(K::Int(v), to.unqual());
        }
        return Expr {
            kind: e.kind,
            ty: to.unqual(),
        };
    }
    if let K::Int(v) = e.kind {
        if to.is_integer() || to.is_pointer() {
            // Fold integer constant conversions.
            let c = consts::eval(
                &Expr::new(
                    K::Cast(Box::new(Expr::new(K::Int(v), e.ty.clone()))),
                    to.unqual(),
                ),
                false,
            );
            if let Some(Const::Int(x)) = c {
                return Expr::new(K::Int(x), to.unqual());
            }
        }
    }
    Expr::new(K::Cast(Box::new(e)), to.unqual())
}

/// A null pointer constant (C11 6.3.2.3p3): an integer constant expression 0, or one cast
/// to `void *` (unqualified: `(const void *)0` is not one).
pub(crate) fn is_null_const(e: &Expr) -> bool {
    let inner = match &e.kind {
        K::Cast(x)
            if e.ty
                .pointee()
                .is_some_and(|p| p.is_void() && !p.is_const && !p.is_volatile) =>
        {
            x
        }
        _ => e,
    };
    inner.ty.is_integer() && matches!(consts::eval(inner, false), Some(Const::Int(0)))
        || (matches!(e.kind, K::Int(0))
            && e.ty
                .pointee()
                .is_some_and(|p| p.is_void() && !p.is_const && !p.is_volatile))
}

fn binop_of(op: BinaryOp) -> BinOp {
    match op {
        BinaryOp::Mul => BinOp::Mul,
        BinaryOp::Div => BinOp::Div,
        BinaryOp::Rem => BinOp::Rem,
        BinaryOp::Add => BinOp::Add,
        BinaryOp::Sub => BinOp::Sub,
        BinaryOp::Shl => BinOp::Shl,
        BinaryOp::Shr => BinOp::Shr,
        BinaryOp::Lt => BinOp::Lt,
        BinaryOp::Gt => BinOp::Gt,
        BinaryOp::Le => BinOp::Le,
        BinaryOp::Ge => BinOp::Ge,
        BinaryOp::Eq => BinOp::Eq,
        BinaryOp::Ne => BinOp::Ne,
        BinaryOp::BitAnd => BinOp::And,
        BinaryOp::BitXor => BinOp::Xor,
        BinaryOp::BitOr => BinOp::Or,
        BinaryOp::LogAnd | BinaryOp::LogOr => {
            unreachable!("logical operators are lowered separately")
        }
    }
}

/// The type of an integer literal (C11 6.4.4.1).
fn int_lit_type(v: u128, unsigned: bool, longs: u8, decimal: bool) -> Option<TypeKind> {
    use TypeKind::*;
    let fits = |k: &TypeKind| -> bool {
        match k {
            Int => v <= i32::MAX as u128,
            UInt => v <= u32::MAX as u128,
            Long | LongLong => v <= i64::MAX as u128,
            ULong | ULongLong => v <= u64::MAX as u128,
            _ => false,
        }
    };
    let cands: &[TypeKind] = match (unsigned, longs, decimal) {
        (false, 0, true) => &[Int, Long],
        (false, 0, false) => &[Int, UInt, Long, ULong],
        (true, 0, _) => &[UInt, ULong],
        (false, 1, true) => &[Long],
        (false, 1, false) => &[Long, ULong],
        (true, 1, _) => &[ULong],
        (false, _, true) => &[LongLong],
        (false, _, false) => &[LongLong, ULongLong],
        (true, _, _) => &[ULongLong],
    };
    cands
        .iter()
        .find(|k| fits(k))
        .cloned()
        .or(if v <= u64::MAX as u128 {
            Some(ULong)
        } else {
            None
        })
}

/// `e` evaluated after `stmts` (run-time array lengths), or `e` itself when there are none.
pub(crate) fn with_stmts(stmts: Vec<ir::Stmt>, e: Expr) -> Expr {
    if stmts.is_empty() {
        return e;
    }
    let t = e.ty.clone();
    Expr::new(
        K::Seq(
            Box::new(ir::Stmt::Block(ir::Block {
                stmts,
                labels: vec![],
            })),
            Box::new(e),
        ),
        t,
    )
}

impl Sema {
    pub(crate) fn rvalue_expr(&mut self, e: &ast::Expr) -> R<Expr> {
        let v = self.expr(e)?;
        Ok(self.rv(v))
    }

    /// Lvalue conversion and decay: the value of an expression as an operand.
    pub(crate) fn rv(&mut self, v: Val) -> Expr {
        let t = v.e.ty.clone();
        match &t.kind {
            TypeKind::Function(_) => Expr {
                kind: v.e.kind,
                ty: Type::ptr_to(t.unqual()),
            },
            TypeKind::Vla(elem, _) => {
                let pt = Type::ptr_to((**elem).clone());
                Expr::new(K::AddrOf(Box::new(v.e)), pt)
            }
            // va_list is an array type: as a value it decays to a pointer to its element.
            TypeKind::VaList => Expr::new(K::AddrOf(Box::new(v.e)), Type::ptr_to(t.unqual())),
            TypeKind::Array(elem, _) => {
                let pt = Type::ptr_to((**elem).clone());
                Expr::new(K::AddrOf(Box::new(v.e)), pt)
            }
            // A member of an rvalue struct (`f().x`) is not an lvalue but is still in memory.
            _ if v.lv || matches!(v.e.kind, K::Member(..) | K::BitField(..)) => {
                Expr::new(K::Load(Box::new(v.e)), t.unqual())
            }
            _ => v.e,
        }
    }

    /// A scalar condition (if/while/for/?:/&&/||/!).
    pub(crate) fn cond_expr(&mut self, e: &ast::Expr) -> R<Expr> {
        let x = self.rvalue_expr(e)?;
        self.truth(x, e.loc)
    }

    /// A value as a condition: itself if scalar, else (`__int128`, `_Complex`) `x != 0`.
    fn truth(&mut self, x: Expr, loc: Loc) -> R<Expr> {
        if self.i128_kind(&x.ty).is_some() {
            return Ok(self.i128_truth(x));
        }
        if self.complex_kind(&x.ty).is_some() {
            return Ok(self.complex_truth(x));
        }
        if !x.ty.is_scalar() {
            self.error(
                loc,
                format!(
                    "statement requires expression of scalar type ('{}' invalid)",
                    self.types.type_name(&x.ty)
                ),
            );
            return Err(());
        }
        Ok(x)
    }

    /// The type of an expression without evaluating it (`sizeof`, `typeof`).
    /// The type of `e`, which is not evaluated (`sizeof`, `typeof`, `_Alignof`): names it
    /// uses need no definition.
    pub(crate) fn typeof_expr(&mut self, e: &ast::Expr) -> Type {
        self.unevaluated += 1;
        let r = self.expr(e);
        self.unevaluated -= 1;
        match r {
            Ok(v) => v.e.ty,
            Err(()) => Type::int(),
        }
    }

    pub(crate) fn expr(&mut self, e: &ast::Expr) -> R<Val> {
        let loc = e.loc;
        Ok(match &e.kind {
            A::Ident(name) => return self.ident(name, loc),
            A::IntLit {
                value,
                unsigned,
                longs,
                decimal,
            } => {
                let Some(k) = int_lit_type(*value, *unsigned, *longs, *decimal) else {
                    self.error(
                        loc,
                        "integer literal is too large to be represented in any integer type",
                    );
                    return Err(());
                };
                val(int_const(*value as u64 as i64, ty(k)))
            }
            A::FloatLit {
                value,
                suffix,
                text,
            } => {
                let k = match suffix {
                    Some('f') | Some('F') => TypeKind::Float,
                    Some('l') | Some('L') => TypeKind::LongDouble,
                    _ => TypeKind::Double,
                };
                if k == TypeKind::LongDouble {
                    // The exact 80-bit value of the digits, not the double's.
                    let digits = text.trim_end_matches(['l', 'L']);
                    let v = ir::F80::parse(digits).unwrap_or_else(|| ir::F80::from_f64(*value));
                    return Ok(val(Expr::new(K::LongDouble(v), ty(k))));
                }
                val(Expr::new(K::Float(*value), ty(k)))
            }
            A::CharLit { value, prefix } => {
                let t = match prefix {
                    CharPrefix::None | CharPrefix::Wide => int_ty(),
                    CharPrefix::Utf8 => ty(TypeKind::UChar),
                    CharPrefix::Utf16 => ty(TypeKind::UShort),
                    CharPrefix::Utf32 => ty(TypeKind::UInt),
                };
                val(int_const(*value, t))
            }
            A::StrLit { units, prefix } => {
                let id = self.string_literal(units, *prefix);
                let (elem, _) = str_elem(*prefix);
                let t = ty(TypeKind::Array(
                    Box::new(elem),
                    Some(units.len() as u64 + 1),
                ));
                Val {
                    e: Expr::new(K::Global(id), t),
                    lv: true,
                }
            }
            A::Unary(op, a) => return self.unary(*op, a, loc),
            // `vi`: the complex 0 + v i.
            A::Imaginary(v) => {
                let v = self.rvalue_expr(v)?;
                let p = Prec::of_real(&v.ty);
                let zero = Expr::new(K::Float(0.0), ty(TypeKind::Double));
                val(self.complex_make(zero, v, p))
            }
            A::Binary(BinaryOp::LogAnd, a, b) | A::Binary(BinaryOp::LogOr, a, b) => {
                let x = self.cond_expr(a);
                let y = self.cond_expr(b);
                let (x, y) = (x?, y?);
                let k = if let A::Binary(BinaryOp::LogAnd, ..) = e.kind {
                    K::LogAnd(Box::new(x), Box::new(y))
                } else {
                    K::LogOr(Box::new(x), Box::new(y))
                };
                val(Expr::new(k, int_ty()))
            }
            A::Binary(op, a, b) => {
                // Both operands are checked, so each one's errors are reported.
                let x = self.rvalue_expr(a);
                let y = self.rvalue_expr(b);
                let (x, y) = (x?, y?);
                val(self.binary(*op, x, y, loc)?)
            }
            A::Assign(op, l, r) => return self.assign(*op, l, r, loc),
            A::Cond(c, a, b) => return self.conditional(c, a.as_deref(), b, loc),
            A::Comma(a, b) => {
                let x = self.rvalue_expr(a);
                let y = self.rvalue_expr(b);
                let (x, y) = (x?, y?);
                let t = y.ty.clone();
                val(Expr::new(K::Comma(Box::new(x), Box::new(y)), t))
            }
            A::Cast(tn, a) => {
                // `(int (*)[n]) p`: the lengths are evaluated before the operand.
                let (t, stmts) = self.runtime_type_name(tn)?;
                let x = self.rvalue_expr(a)?;
                let x = with_stmts(stmts, x);
                if t.is_void() {
                    return Ok(val(convert(x, &t)));
                }
                match (self.complex_kind(&t), self.complex_kind(&x.ty)) {
                    (Some(d), _) if x.ty.is_arith() || self.complex_kind(&x.ty).is_some() => {
                        return Ok(val(self.convert_to_complex(x, d)));
                    }
                    (None, Some(_)) if t.is_arith() => {
                        return Ok(val(self.convert_from_complex(x, &t)))
                    }
                    _ => {}
                }
                match (self.i128_kind(&t), self.i128_kind(&x.ty)) {
                    (Some(u), _) if x.ty.is_arith() || self.i128_kind(&x.ty).is_some() => {
                        return Ok(val(self.convert_to_i128(x, u)));
                    }
                    (Some(u), _) if x.ty.is_pointer() => {
                        let x = convert(x, &ulong_ty());
                        return Ok(val(self.convert_to_i128(x, u)));
                    }
                    (None, Some(_)) if t.is_arith() => {
                        return Ok(val(self.convert_from_i128(x, &t)))
                    }
                    (None, Some(_)) if t.is_pointer() => {
                        let x = self.convert_from_i128(x, &ulong_ty());
                        return Ok(val(convert(x, &t)));
                    }
                    _ => {}
                }
                if t.is_record() && x.ty.kind == t.kind {
                    // GNU: a cast of a struct to its own type is the value itself.
                    return Ok(val(Expr {
                        kind: x.kind,
                        ty: t.unqual(),
                    }));
                }
                if let TypeKind::Union(id) = t.kind {
                    // GNU: a cast to a union of a value of one of its members' types.
                    let member = self.types.records[id as usize]
                        .layout
                        .as_ref()
                        .and_then(|l| {
                            l.fields
                                .iter()
                                .find(|f| {
                                    f.bits.is_none()
                                        && compatible_unqual(&f.ty.unqual(), &x.ty.unqual())
                                })
                                .map(|f| (f.offset, f.ty.clone()))
                        });
                    if let (Some((off, mt)), true) = (member, self.fcx.is_some()) {
                        let size = self.types.size_of(&t);
                        let slot = self.alloc_local(size.max(1), self.types.align_of(&t));
                        let place = Expr::new(K::Local(slot), t.unqual());
                        let dst = Expr::new(K::Member(Box::new(place.clone()), off), mt.unqual());
                        let stmts = vec![
                            ir::Stmt::Zero(place.clone(), size),
                            ir::Stmt::Expr(Expr::new(
                                K::Assign(Box::new(dst), Box::new(convert(x, &mt))),
                                mt.unqual(),
                            )),
                        ];
                        return Ok(Val {
                            e: with_stmts(stmts, place),
                            lv: true,
                        });
                    }
                    self.error(
                        loc,
                        format!(
                            "cast to union type from type '{}' not present in union",
                            self.types.type_name(&x.ty)
                        ),
                    );
                    return Err(());
                }
                if !t.is_scalar() {
                    self.error(
                        loc,
                        format!(
                            "used type '{}' where arithmetic or pointer type is required",
                            self.types.type_name(&t)
                        ),
                    );
                    return Err(());
                }
                if !x.ty.is_scalar() {
                    self.error(
                        loc,
                        format!(
                            "operand of type '{}' where arithmetic or pointer type is required",
                            self.types.type_name(&x.ty)
                        ),
                    );
                    return Err(());
                }
                if (t.is_float() && x.ty.is_pointer()) || (t.is_pointer() && x.ty.is_float()) {
                    self.error(
                        loc,
                        format!(
                            "cannot cast from '{}' to '{}'",
                            self.types.type_name(&x.ty),
                            self.types.type_name(&t)
                        ),
                    );
                    return Err(());
                }
                // `(unsigned)s.f` of a narrow unsigned bit-field: the cast's result is an
                // unsigned int, no longer a bit-field that promotes to int.
                let promoted_field = arith_ty(&x) != x.ty;
                let mut r = convert(x, &t);
                if promoted_field && !matches!(r.kind, K::Cast(_)) {
                    r = Expr::new(K::Cast(Box::new(r)), t.unqual());
                }
                if matches!(r.kind, K::Int(_)) || !matches!(r.kind, K::Cast(_)) {
                    // Keep a cast node so the result is not an lvalue and has the new type.
                    r.ty = t.unqual();
                }
                val(r)
            }
            A::SizeofExpr(a) => {
                let t = self.typeof_expr(a);
                if t.has_vla() {
                    return Ok(val(self.size_expr(&t)));
                }
                if let A::Member(..) = &a.kind {
                    if let Ok(v) = self.expr(a) {
                        if matches!(v.e.kind, K::BitField(..)) {
                            self.error(loc, "invalid application of 'sizeof' to bit-field");
                            return Err(());
                        }
                    }
                }
                val(self.sizeof_type(&t, loc)?)
            }
            A::SizeofType(tn) => {
                // `sizeof(int[n][m])`: the lengths are evaluated here, when it runs.
                let (t, stmts) = self.runtime_type_name(tn)?;
                if t.has_vla() {
                    let size = self.size_expr(&t);
                    return Ok(val(with_stmts(stmts, size)));
                }
                val(self.sizeof_type(&t, loc)?)
            }
            A::AlignofExpr(a) => {
                let t = self.typeof_expr(a);
                // An object declared with more alignment than its type's has that.
                let declared = match &a.kind {
                    A::Ident(n) => match self.lookup(n) {
                        Some(Symbol::Var(v)) => match v.place {
                            Place::Global { id, .. } => {
                                self.object_align.get(&(false, id)).copied()
                            }
                            Place::Local(off) => self.object_align.get(&(true, off)).copied(),
                            Place::Aligned { align, .. } => Some(align),
                            _ => None,
                        },
                        _ => None,
                    },
                    _ => None,
                };
                let align = declared.unwrap_or(0).max(self.types.align_of(&t));
                val(int_const(align as i64, ulong_ty()))
            }
            A::AlignofType(tn) => {
                let t = self.type_name(tn);
                // An aligned typedef name (`typedef int A16 __attribute__((aligned(16)))`).
                let named = tn
                    .decl
                    .derived
                    .is_empty()
                    .then(|| {
                        tn.specs.types.iter().find_map(|(s, _)| match s {
                            ast::TypeSpec::TypedefName(n) => self.typedef_align.get(n).copied(),
                            _ => None,
                        })
                    })
                    .flatten();
                let align = named.unwrap_or(0).max(self.types.align_of(&t));
                val(int_const(align as i64, ulong_ty()))
            }
            A::Call(f, args) => return self.call(f, args, loc),
            A::Index(a, i) => {
                let x = self.rvalue_expr(a);
                let y = self.rvalue_expr(i);
                let (x, y) = (x?, y?);
                let (p, i) = if x.ty.is_pointer() { (x, y) } else { (y, x) };
                if !p.ty.is_pointer() || !i.ty.is_integer() {
                    self.error(loc, "subscripted value is not an array, pointer, or vector");
                    return Err(());
                }
                let sum = self.ptr_add(p, i, false, loc)?;
                return self.deref(sum, loc);
            }
            A::Member(b, name, arrow) => return self.member(b, name, *arrow, loc),
            A::CompoundLit(tn, init) => {
                let t = self.type_name(tn);
                return self.compound_literal(t, init, loc);
            }
            A::StmtExpr(body) => return self.stmt_expr(body, loc),
            A::Generic(ctrl, assocs) => {
                self.unevaluated += 1;
                let c = self.rvalue_expr(ctrl);
                self.unevaluated -= 1;
                let c = c?;
                let ct = c.ty.unqual();
                let mut chosen = None;
                let mut default = None;
                let mut seen: Vec<Type> = Vec::new();
                for (tn, ex) in assocs {
                    match tn {
                        None => default = Some(ex),
                        Some(tn) => {
                            let t = self.type_name(tn);
                            // C11 6.5.1.1p2: no two associations with compatible types.
                            if let Some(prev) =
                                seen.iter().find(|p| super::types::compatible(p, &t))
                            {
                                let msg = format!(
                                    "type '{}' in generic association compatible with previously specified type '{}'",
                                    self.types.type_name(&t),
                                    self.types.type_name(prev)
                                );
                                self.error(tn.loc, msg);
                                return Err(());
                            }
                            if compatible_unqual(&t, &ct) && t.is_const == ct.is_const {
                                chosen = Some(ex);
                            }
                            seen.push(t);
                        }
                    }
                }
                match chosen.or(default) {
                    Some(x) => return self.expr(x),
                    None => {
                        self.error(loc, format!("controlling expression type '{}' not compatible with any generic association type", self.types.type_name(&ct)));
                        return Err(());
                    }
                }
            }
            A::VaArg(ap, tn) => {
                let p = self.va_list_ptr(ap)?;
                let t = self.type_name(tn);
                if t.is_void() || t.is_function() || t.is_array() || !self.types.is_complete(&t) {
                    self.error(
                        loc,
                        format!(
                            "second argument to 'va_arg' is of incomplete or invalid type '{}'",
                            self.types.type_name(&t)
                        ),
                    );
                    return Err(());
                }
                if matches!(
                    t.kind,
                    TypeKind::Float
                        | TypeKind::Char
                        | TypeKind::SChar
                        | TypeKind::UChar
                        | TypeKind::Short
                        | TypeKind::UShort
                        | TypeKind::Bool
                ) {
                    self.warning(loc, format!("second argument to 'va_arg' is of promotable type '{}'; this va_arg has undefined behavior because arguments will be promoted", self.types.type_name(&t)));
                }
                val(Expr::new(K::VaArg(Box::new(p)), t.unqual()))
            }
            A::Offsetof(tn, path) => {
                let t = self.type_name(tn);
                val(int_const(self.offsetof(&t, path)? as i64, ulong_ty()))
            }
            A::TypesCompatible(a, b) => {
                let x = self.type_name(a);
                let y = self.type_name(b);
                val(int_const(
                    compatible_unqual(&x.unqual(), &y.unqual()) as i64,
                    int_ty(),
                ))
            }
            A::LabelAddr(name) => {
                if self.fcx.is_none() {
                    self.error(
                        loc,
                        "use of address-of-label extension outside of a function body",
                    );
                    return Err(());
                }
                let id = self.label_id(name, loc, false);
                val(int_const(
                    (ir::LABEL_VALUE_BASE + id as u64) as i64,
                    Type::ptr_to(Type::void()),
                ))
            }
        })
    }

    /// A type name that may have run-time lengths in a function (`int[n]`, `int (*)[n]`),
    /// with the statements that evaluate them into their slots.
    fn runtime_type_name(&mut self, tn: &ast::TypeName) -> R<(Type, Vec<ir::Stmt>)> {
        let was = (self.vla_ok, std::mem::take(&mut self.vla_dims));
        self.vla_ok = self.fcx.is_some()
            && !tn
                .decl
                .derived
                .iter()
                .any(|d| matches!(d, ast::Derived::Function { .. }));
        let t = self.type_name(tn);
        self.vla_ok = was.0;
        let dims = std::mem::replace(&mut self.vla_dims, was.1);
        let mut stmts = Vec::new();
        self.vla_lengths(dims, &mut stmts)?;
        Ok((t, stmts))
    }

    /// The size of a type in bytes as an expression (unsigned long): a constant, or for a
    /// type with run-time lengths, lengths times element sizes read when it runs.
    pub(crate) fn size_expr(&self, t: &Type) -> Expr {
        let ul = ulong_ty();
        match &t.kind {
            TypeKind::Vla(e, slot) => Expr::new(
                K::Binary {
                    op: BinOp::Mul,
                    op_ty: Scalar::U64,
                    lhs: Box::new(Expr::new(
                        K::Load(Box::new(Expr::new(K::Local(*slot), ul.clone()))),
                        ul.clone(),
                    )),
                    rhs: Box::new(self.size_expr(e)),
                },
                ul,
            ),
            TypeKind::Array(e, n) if e.has_vla() => Expr::new(
                K::Binary {
                    op: BinOp::Mul,
                    op_ty: Scalar::U64,
                    lhs: Box::new(self.size_expr(e)),
                    rhs: Box::new(int_const(n.unwrap_or(0) as i64, ul.clone())),
                },
                ul,
            ),
            _ => int_const(self.types.size_of(t) as i64, ul),
        }
    }

    fn sizeof_type(&mut self, t: &Type, loc: Loc) -> R<Expr> {
        if t.is_function() {
            self.error(loc, "invalid application of 'sizeof' to a function type");
            return Err(());
        }
        if !self.types.is_complete(t) {
            if t.is_void() {
                // GNU: sizeof(void) == 1.
                return Ok(int_const(1, ulong_ty()));
            }
            self.error(
                loc,
                format!(
                    "invalid application of 'sizeof' to an incomplete type '{}'",
                    self.types.type_name(t)
                ),
            );
            return Err(());
        }
        Ok(int_const(self.types.size_of(t) as i64, ulong_ty()))
    }

    fn offsetof(&mut self, t: &Type, path: &[ast::Designator]) -> R<u64> {
        let mut cur = t.clone();
        let mut off = 0u64;
        for d in path {
            match d {
                ast::Designator::Field(n, l) => {
                    let (TypeKind::Struct(id) | TypeKind::Union(id)) = cur.kind else {
                        self.error(*l, "offsetof requires struct, union, or class type");
                        return Err(());
                    };
                    let Some((o, f)) = self.find_field(id, n) else {
                        self.error(
                            *l,
                            format!("no member named '{n}' in '{}'", self.types.type_name(&cur)),
                        );
                        return Err(());
                    };
                    off += o;
                    cur = f.ty;
                }
                ast::Designator::Index(e, l) => {
                    let Some(el) = cur.elem().cloned() else {
                        self.error(*l, "subscripted value is not an array");
                        return Err(());
                    };
                    let i = self.const_int(e).ok_or(())?;
                    off = off.wrapping_add((i as u64).wrapping_mul(self.types.size_of(&el)));
                    cur = el;
                }
                ast::Designator::Range(_, _, l) => {
                    self.error(*l, "range designator in offsetof");
                    return Err(());
                }
            }
        }
        Ok(off)
    }

    fn ident(&mut self, name: &str, loc: Loc) -> R<Val> {
        let Some(sym) = self.lookup(name).cloned() else {
            if name == "__func__" || name == "__FUNCTION__" || name == "__PRETTY_FUNCTION__" {
                let fname = self
                    .fcx
                    .as_ref()
                    .map(|f| f.name.clone())
                    .unwrap_or_else(|| "top level".into());
                let units: Vec<u32> = fname.bytes().map(|b| b as u32).collect();
                let id = self.string_literal(&units, CharPrefix::None);
                let t = ty(TypeKind::Array(
                    Box::new(ty(TypeKind::Char).with_const(true)),
                    Some(units.len() as u64 + 1),
                ));
                return Ok(Val {
                    e: Expr::new(K::Global(id), t),
                    lv: true,
                });
            }
            let hint = self
                .did_you_mean(name)
                .map(|n| format!("; did you mean '{n}'?"))
                .unwrap_or_default();
            self.error(loc, format!("use of undeclared identifier '{name}'{hint}"));
            return Err(());
        };
        // A local of a function enclosing the nested function being lowered: in that
        // function's frame, reached through the static chain.
        let outer = match (&sym, self.lookup_level(name)) {
            (Symbol::Var(v), Some(level))
                if level < self.nested_bases.len()
                    && matches!(
                        v.place,
                        Place::Local(_) | Place::Vla { .. } | Place::Aligned { .. }
                    ) =>
            {
                Some(level)
            }
            _ => None,
        };
        if let (Some(level), Symbol::Var(v)) = (outer, &sym) {
            let slot_at = |me: &Sema, off: u32, t: &Type| {
                let addr = Expr::new(
                    K::Binary {
                        op: BinOp::Add,
                        op_ty: Scalar::U64,
                        lhs: Box::new(convert(me.outer_frame(level), &ulong_ty())),
                        rhs: Box::new(Expr::new(K::Int(off as i64), ulong_ty())),
                    },
                    ulong_ty(),
                );
                Expr::new(
                    K::Deref(Box::new(convert(addr, &Type::ptr_to(t.clone())))),
                    t.clone(),
                )
            };
            let e = match v.place {
                Place::Local(off) => slot_at(self, off, &v.ty),
                Place::Vla { ptr } => {
                    let elem = v.ty.elem().cloned().unwrap_or(Type::int());
                    let pt = Type::ptr_to(elem);
                    let p = Expr::new(K::Load(Box::new(slot_at(self, ptr, &pt))), pt);
                    Expr::new(K::Deref(Box::new(p)), v.ty.clone())
                }
                _ => {
                    self.error(
                        loc,
                        format!(
                            "'{name}' (an over-aligned local) cannot be used in a nested function"
                        ),
                    );
                    return Err(());
                }
            };
            return Ok(Val { e, lv: true });
        }
        Ok(match sym {
            Symbol::Var(v) => match v.place {
                Place::Local(off) => Val {
                    e: Expr::new(K::Local(off), v.ty),
                    lv: true,
                },
                Place::Aligned { buf, align } => Val {
                    e: super::decl::aligned_place(buf, align, &v.ty),
                    lv: true,
                },
                Place::Vla { ptr, .. } => {
                    // The array is where its pointer slot points.
                    let elem = v.ty.elem().cloned().unwrap_or(Type::int());
                    let p = Expr::new(
                        K::Load(Box::new(Expr::new(
                            K::Local(ptr),
                            Type::ptr_to(elem.clone()),
                        ))),
                        Type::ptr_to(elem),
                    );
                    Val {
                        e: Expr::new(K::Deref(Box::new(p)), v.ty),
                        lv: true,
                    }
                }
                Place::Global { id, .. } => {
                    self.note_global_use(id, name, &v.ty);
                    Val {
                        e: Expr::new(K::Global(id), v.ty),
                        lv: true,
                    }
                }
            },
            Symbol::Func(f) => {
                self.note_func_use(f.id);
                Val {
                    e: Expr::new(K::FuncAddr(f.id), f.ty),
                    lv: false,
                }
            }
            Symbol::EnumConst(v) => val(int_const(v, int_ty())),
            Symbol::Typedef(_) => {
                self.error(
                    loc,
                    format!("unexpected type name '{name}': expected expression"),
                );
                return Err(());
            }
        })
    }

    fn unary(&mut self, op: UnaryOp, a: &ast::Expr, loc: Loc) -> R<Val> {
        Ok(match op {
            UnaryOp::Real | UnaryOp::Imag => {
                let imag = op == UnaryOp::Imag;
                let v = self.expr(a)?;
                match self.complex_kind(&v.e.ty) {
                    // A part of a complex object is an lvalue: its member.
                    Some(p) if v.lv => {
                        let at = if imag { p.imag_offset() } else { 0 };
                        let e = Expr::new(K::Member(Box::new(v.e), at), p.part());
                        Val { e, lv: true }
                    }
                    Some(_) => val(self.complex_part(v.e, imag)),
                    // Of a real value: itself, and zero.
                    None => {
                        let x = self.rv(v);
                        if !x.ty.is_arith() {
                            self.error(loc, "__real__/__imag__ of a value that is not a number");
                            return Err(());
                        }
                        if imag {
                            let t = x.ty.unqual();
                            val(Expr::new(
                                K::Comma(
                                    Box::new(x),
                                    Box::new(convert(int_const(0, int_ty()), &t)),
                                ),
                                t,
                            ))
                        } else {
                            val(x)
                        }
                    }
                }
            }
            UnaryOp::Plus | UnaryOp::Neg | UnaryOp::BitNot => {
                let x = self.rvalue_expr(a)?;
                if self.complex_kind(&x.ty).is_some() {
                    let neg = match op {
                        UnaryOp::Neg => Some(true),
                        UnaryOp::BitNot => Some(false),
                        _ => None,
                    };
                    return Ok(self.complex_unary(neg, x, false));
                }
                if self.i128_kind(&x.ty).is_some() {
                    let neg = match op {
                        UnaryOp::Neg => Some(true),
                        UnaryOp::BitNot => Some(false),
                        _ => None,
                    };
                    return Ok(self.i128_unary(neg, x, false));
                }
                let ok = if op == UnaryOp::BitNot {
                    x.ty.is_integer()
                } else {
                    x.ty.is_arith()
                };
                if !ok {
                    self.error(
                        loc,
                        format!(
                            "invalid argument type '{}' to unary expression",
                            self.types.type_name(&x.ty)
                        ),
                    );
                    return Err(());
                }
                let t = promote(&arith_ty(&x));
                let x = convert(x, &t);
                match op {
                    UnaryOp::Plus => val(x),
                    UnaryOp::Neg => val(fold(Expr::new(K::Unary(UnOp::Neg, Box::new(x)), t))),
                    _ => val(fold(Expr::new(K::Unary(UnOp::BitNot, Box::new(x)), t))),
                }
            }
            UnaryOp::Not => {
                let x = self.cond_expr(a)?;
                val(fold(Expr::new(
                    K::Unary(UnOp::LogNot, Box::new(x)),
                    int_ty(),
                )))
            }
            UnaryOp::Deref => {
                let x = self.rvalue_expr(a)?;
                return self.deref(x, loc);
            }
            UnaryOp::AddrOf => {
                let v = self.expr(a)?;
                if v.e.ty.is_function() {
                    let t = Type::ptr_to(v.e.ty.clone());
                    return Ok(val(Expr {
                        kind: v.e.kind,
                        ty: t,
                    }));
                }
                if !v.lv {
                    self.error(
                        loc,
                        "cannot take the address of an rvalue of type '".to_string()
                            + &self.types.type_name(&v.e.ty)
                            + "'",
                    );
                    return Err(());
                }
                if matches!(v.e.kind, K::BitField(..)) {
                    self.error(loc, "address of bit-field requested");
                    return Err(());
                }
                let t = Type::ptr_to(v.e.ty.clone());
                val(Expr::new(K::AddrOf(Box::new(v.e)), t))
            }
            UnaryOp::PreInc | UnaryOp::PreDec | UnaryOp::PostInc | UnaryOp::PostDec => {
                let v = self.expr(a)?;
                if v.e.ty.is_array() || (v.e.ty.is_record() && self.i128_kind(&v.e.ty).is_none()) {
                    self.error(
                        loc,
                        format!(
                            "cannot {} value of type '{}'",
                            if matches!(op, UnaryOp::PreInc | UnaryOp::PostInc) {
                                "increment"
                            } else {
                                "decrement"
                            },
                            self.types.type_name(&v.e.ty)
                        ),
                    );
                    return Err(());
                }
                self.check_modifiable(&v, loc, a)?;
                let t = v.e.ty.clone();
                let scale = if let Some(p) = t.pointee() {
                    if !self.types.is_complete(p) && !p.is_void() {
                        self.error(
                            loc,
                            format!(
                                "arithmetic on a pointer to an incomplete type '{}'",
                                self.types.type_name(p)
                            ),
                        );
                        return Err(());
                    }
                    self.types.size_of(p)
                } else if t.is_arith() || self.i128_kind(&t).is_some() {
                    1
                } else {
                    self.error(
                        loc,
                        format!(
                            "cannot increment value of type '{}'",
                            self.types.type_name(&t)
                        ),
                    );
                    return Err(());
                };
                let inc = matches!(op, UnaryOp::PreInc | UnaryOp::PostInc);
                let post = matches!(op, UnaryOp::PostInc | UnaryOp::PostDec);
                if t.is_atomic {
                    return Ok(val(self.atomic_incdec(v.e, inc, post, scale, loc)?));
                }
                if self.i128_kind(&t).is_some() {
                    // `x++` on a __int128: the old value is kept in a temporary.
                    let bop = if inc { BinaryOp::Add } else { BinaryOp::Sub };
                    let cur = self.rv(Val {
                        e: v.e.clone(),
                        lv: true,
                    });
                    let slot = self.alloc_local(16, 16);
                    let tmp = Expr::new(K::Local(slot), t.unqual());
                    let save =
                        Expr::new(K::Assign(Box::new(tmp.clone()), Box::new(cur)), t.unqual());
                    let next =
                        self.binary(bop, tmp.clone(), Expr::new(K::Int(1), int_ty()), loc)?;
                    let store = Expr::new(K::Assign(Box::new(v.e), Box::new(next)), t.unqual());
                    let both = Expr::new(K::Comma(Box::new(save), Box::new(store)), t.unqual());
                    let result = if post { tmp } else { both.clone() };
                    let e = if post {
                        Expr::new(K::Comma(Box::new(both), Box::new(result)), t.unqual())
                    } else {
                        result
                    };
                    return Ok(val(e));
                }
                if let Some(row) = t.pointee().filter(|p| p.has_vla()) {
                    // A row of run-time length: `p += size`, and for `p++` the new value
                    // minus the size.
                    let size = convert(self.size_expr(row), &long_ty());
                    let step = Expr::new(
                        K::PtrOpAssign {
                            lv: Box::new(v.e),
                            rhs: Box::new(size.clone()),
                            scale: 1,
                            sub: !inc,
                        },
                        t.unqual(),
                    );
                    if !post {
                        return Ok(val(step));
                    }
                    let back = if inc {
                        Expr::new(K::Unary(UnOp::Neg, Box::new(size)), long_ty())
                    } else {
                        size
                    };
                    return Ok(val(Expr::new(
                        K::PtrAdd(Box::new(step), Box::new(back), 1),
                        t.unqual(),
                    )));
                }
                val(Expr::new(
                    K::IncDec {
                        lv: Box::new(v.e),
                        inc,
                        post,
                        scale,
                    },
                    t.unqual(),
                ))
            }
        })
    }

    pub(crate) fn deref(&mut self, x: Expr, loc: Loc) -> R<Val> {
        let Some(p) = x.ty.pointee().cloned() else {
            self.error(
                loc,
                format!(
                    "indirection requires pointer operand ('{}' invalid)",
                    self.types.type_name(&x.ty)
                ),
            );
            return Err(());
        };
        if p.is_function() {
            // *fp is the function designator again.
            return Ok(Val {
                e: Expr {
                    kind: x.kind,
                    ty: p,
                },
                lv: false,
            });
        }
        if p.is_void() {
            // Allowed only as an operand of &; still an lvalue of type void.
            return Ok(Val {
                e: Expr::new(K::Deref(Box::new(x)), p),
                lv: true,
            });
        }
        Ok(Val {
            e: Expr::new(K::Deref(Box::new(x)), p),
            lv: true,
        })
    }

    fn check_modifiable(&mut self, v: &Val, loc: Loc, src: &ast::Expr) -> R<()> {
        if !v.lv {
            self.error(loc, "expression is not assignable");
            return Err(());
        }
        if v.e.ty.is_array() {
            self.error(
                loc,
                format!(
                    "array type '{}' is not assignable",
                    self.types.type_name(&v.e.ty)
                ),
            );
            return Err(());
        }
        if v.e.ty.is_const || self.has_const_member(&v.e.ty) {
            let what = match (&v.e.kind, &src.kind) {
                (K::Local(_) | K::Global(_), A::Ident(n)) => format!("variable '{n}'"),
                (K::Member(..), A::Member(_, n, _)) => format!("member '{n}'"),
                _ => "location".to_string(),
            };
            self.error(
                loc,
                format!(
                    "cannot assign to {what} with const-qualified type '{}'",
                    self.types.type_name(&v.e.ty)
                ),
            );
            return Err(());
        }
        if v.e.ty.is_void() || v.e.ty.is_function() {
            self.error(loc, "expression is not assignable");
            return Err(());
        }
        Ok(())
    }

    fn has_const_member(&self, t: &Type) -> bool {
        if let TypeKind::Struct(id) | TypeKind::Union(id) = t.kind {
            if let Some(l) = &self.types.records[id as usize].layout {
                return l
                    .fields
                    .iter()
                    .any(|f| f.ty.is_const || self.has_const_member(&f.ty));
            }
        }
        false
    }

    /// `p + i` (or `p - i`) with scaling.
    fn ptr_add(&mut self, p: Expr, i: Expr, sub: bool, loc: Loc) -> R<Expr> {
        let pt = p.ty.clone();
        let elem = pt.pointee().cloned().unwrap_or(Type::void());
        if elem.is_function() || (!self.types.is_complete(&elem) && !elem.is_void()) {
            self.error(
                loc,
                format!(
                    "arithmetic on a pointer to an incomplete type '{}'",
                    self.types.type_name(&elem)
                ),
            );
            return Err(());
        }
        let mut i = convert(i, &long_ty());
        if sub {
            i = fold(Expr::new(K::Unary(UnOp::Neg, Box::new(i)), long_ty()));
        }
        if elem.has_vla() {
            // A row of run-time length: scale by its size, computed when it runs.
            let size = convert(self.size_expr(&elem), &long_ty());
            let scaled = Expr::new(
                K::Binary {
                    op: BinOp::Mul,
                    op_ty: Scalar::I64,
                    lhs: Box::new(i),
                    rhs: Box::new(size),
                },
                long_ty(),
            );
            return Ok(Expr::new(K::PtrAdd(Box::new(p), Box::new(scaled), 1), pt));
        }
        let scale = if elem.is_void() {
            1
        } else {
            self.types.size_of(&elem)
        };
        Ok(Expr::new(K::PtrAdd(Box::new(p), Box::new(i), scale), pt))
    }

    pub(crate) fn binary(&mut self, op: BinaryOp, x: Expr, y: Expr, loc: Loc) -> R<Expr> {
        if self.complex_kind(&x.ty).is_some() || self.complex_kind(&y.ty).is_some() {
            // A 128-bit integer beside a complex becomes a double first.
            let d = ty(TypeKind::Double);
            let x = if self.i128_kind(&x.ty).is_some() {
                self.convert_from_i128(x, &d)
            } else {
                x
            };
            let y = if self.i128_kind(&y.ty).is_some() {
                self.convert_from_i128(y, &d)
            } else {
                y
            };
            return self.complex_binary(op, x, y, loc);
        }
        let (x, y) = if self.i128_kind(&x.ty).is_some() || self.i128_kind(&y.ty).is_some() {
            match self.i128_binary(op, x, y, loc)? {
                Ok(e) => return Ok(e),
                // A float operand: the 128-bit one became a double.
                Err(xy) => xy,
            }
        } else {
            (x, y)
        };
        let (xt, yt) = (arith_ty(&x), arith_ty(&y));
        let bad = |me: &mut Sema| {
            me.error(
                loc,
                format!(
                    "invalid operands to binary expression ('{}' and '{}')",
                    me.types.type_name(&xt),
                    me.types.type_name(&yt)
                ),
            );
            Err(())
        };
        match op {
            BinaryOp::Add | BinaryOp::Sub if xt.is_pointer() || yt.is_pointer() => {
                if xt.is_pointer() && yt.is_integer() {
                    return self.ptr_add(x, y, op == BinaryOp::Sub, loc);
                }
                if op == BinaryOp::Add && yt.is_pointer() && xt.is_integer() {
                    return self.ptr_add(y, x, false, loc);
                }
                if op == BinaryOp::Sub && xt.is_pointer() && yt.is_pointer() {
                    let (a, b) = (xt.pointee().unwrap(), yt.pointee().unwrap());
                    if !compatible_unqual(&a.unqual(), &b.unqual()) {
                        self.error(
                            loc,
                            format!(
                                "'{}' and '{}' are not pointers to compatible types",
                                self.types.type_name(&xt),
                                self.types.type_name(&yt)
                            ),
                        );
                        return Err(());
                    }
                    if a.has_vla() {
                        // Rows of run-time length: divide by their size when it runs.
                        let size = convert(self.size_expr(a), &long_ty());
                        let bytes = Expr::new(K::PtrDiff(Box::new(x), Box::new(y), 1), long_ty());
                        return Ok(Expr::new(
                            K::Binary {
                                op: BinOp::Div,
                                op_ty: Scalar::I64,
                                lhs: Box::new(bytes),
                                rhs: Box::new(size),
                            },
                            long_ty(),
                        ));
                    }
                    let scale = if a.is_void() {
                        1
                    } else {
                        self.types.size_of(a)
                    };
                    return Ok(Expr::new(
                        K::PtrDiff(Box::new(x), Box::new(y), scale),
                        long_ty(),
                    ));
                }
                bad(self)
            }
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Gt
            | BinaryOp::Le
            | BinaryOp::Ge => {
                if xt.is_arith() && yt.is_arith() {
                    let t = usual_arith(&xt, &yt);
                    let s = sk(&t);
                    return Ok(fold(Expr::new(
                        K::Binary {
                            op: binop_of(op),
                            op_ty: s,
                            lhs: Box::new(convert(x, &t)),
                            rhs: Box::new(convert(y, &t)),
                        },
                        int_ty(),
                    )));
                }
                let ptrish =
                    |e: &Expr| e.ty.is_pointer() || (e.ty.is_integer() && is_null_const(e));
                if (xt.is_pointer() || yt.is_pointer()) && ptrish(&x) && ptrish(&y) {
                    if xt.is_pointer() && yt.is_pointer() {
                        let (a, b) = (xt.pointee().unwrap(), yt.pointee().unwrap());
                        if !a.is_void()
                            && !b.is_void()
                            && !compatible_unqual(&a.unqual(), &b.unqual())
                        {
                            self.warning(
                                loc,
                                format!(
                                    "comparison of distinct pointer types ('{}' and '{}')",
                                    self.types.type_name(&xt),
                                    self.types.type_name(&yt)
                                ),
                            );
                        }
                    }
                    let p = ulong_ty();
                    return Ok(Expr::new(
                        K::Binary {
                            op: binop_of(op),
                            op_ty: Scalar::U64,
                            lhs: Box::new(convert(x, &p)),
                            rhs: Box::new(convert(y, &p)),
                        },
                        int_ty(),
                    ));
                }
                if (xt.is_pointer() && yt.is_integer()) || (xt.is_integer() && yt.is_pointer()) {
                    self.warning(loc, "comparison between pointer and integer");
                    let p = ulong_ty();
                    return Ok(Expr::new(
                        K::Binary {
                            op: binop_of(op),
                            op_ty: Scalar::U64,
                            lhs: Box::new(convert(x, &p)),
                            rhs: Box::new(convert(y, &p)),
                        },
                        int_ty(),
                    ));
                }
                bad(self)
            }
            BinaryOp::Shl | BinaryOp::Shr => {
                if !xt.is_integer() || !yt.is_integer() {
                    return bad(self);
                }
                let t = promote(&xt);
                let s = sk(&t);
                Ok(fold(Expr::new(
                    K::Binary {
                        op: binop_of(op),
                        op_ty: s,
                        lhs: Box::new(convert(x, &t)),
                        rhs: Box::new(convert(y, &t)),
                    },
                    t,
                )))
            }
            BinaryOp::Rem | BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor => {
                if !xt.is_integer() || !yt.is_integer() {
                    return bad(self);
                }
                self.arith(op, x, y, loc)
            }
            _ => {
                if !xt.is_arith() || !yt.is_arith() {
                    return bad(self);
                }
                self.arith(op, x, y, loc)
            }
        }
    }

    fn arith(&mut self, op: BinaryOp, x: Expr, y: Expr, loc: Loc) -> R<Expr> {
        let t = usual_arith(&arith_ty(&x), &arith_ty(&y));
        let s = sk(&t);
        let (x, y) = (convert(x, &t), convert(y, &t));
        if matches!(op, BinaryOp::Div | BinaryOp::Rem)
            && t.is_integer()
            && matches!(consts::eval(&y, false), Some(Const::Int(0)))
        {
            self.warning(
                loc,
                format!(
                    "{} by zero is undefined",
                    if op == BinaryOp::Div {
                        "division"
                    } else {
                        "remainder"
                    }
                ),
            );
            return Ok(Expr::new(
                K::Binary {
                    op: binop_of(op),
                    op_ty: s,
                    lhs: Box::new(x),
                    rhs: Box::new(y),
                },
                t,
            ));
        }
        Ok(fold(Expr::new(
            K::Binary {
                op: binop_of(op),
                op_ty: s,
                lhs: Box::new(x),
                rhs: Box::new(y),
            },
            t,
        )))
    }

    fn assign(&mut self, op: Option<BinaryOp>, l: &ast::Expr, r: &ast::Expr, loc: Loc) -> R<Val> {
        let lv = self.expr(l);
        let rhs = self.rvalue_expr(r);
        let (lv, rhs) = (lv?, rhs?);
        self.check_modifiable(&lv, loc, l)?;
        let lt = lv.e.ty.clone();
        if let (true, Some(bop)) = (
            self.i128_kind(&lt).is_some() || self.complex_kind(&lt).is_some(),
            op,
        ) {
            // `x op= y` on a __int128: `x = x op y` (x is evaluated twice).
            let cur = self.rv(Val {
                e: lv.e.clone(),
                lv: true,
            });
            let v = self.binary(bop, cur, rhs, loc)?;
            let v = self.assign_convert(v, &lt.unqual(), loc, "assigning to")?;
            return Ok(val(Expr::new(
                K::Assign(Box::new(lv.e), Box::new(v)),
                lt.unqual(),
            )));
        }
        if lt.is_atomic && lt.is_scalar() {
            let rhs = match op {
                None => self.assign_convert(rhs, &lt.unqual(), loc, "assigning to")?,
                Some(_) => rhs,
            };
            let rhs = match (op, lt.is_pointer()) {
                (Some(_), true) => convert(rhs, &long_ty()),
                _ => rhs,
            };
            let scale = lt.pointee().map_or(1, |p| self.types.size_of(p).max(1));
            let rhs = if scale > 1 && op.is_some() {
                Expr::new(
                    K::Binary {
                        op: BinOp::Mul,
                        op_ty: Scalar::I64,
                        lhs: Box::new(rhs),
                        rhs: Box::new(int_const(scale as i64, long_ty())),
                    },
                    long_ty(),
                )
            } else {
                rhs
            };
            return Ok(val(self.atomic_assign(op, lv.e, rhs, loc)?));
        }
        let Some(op) = op else {
            let rhs = self.assign_convert(rhs, &lt, loc, "assigning to")?;
            return Ok(val(Expr::new(
                K::Assign(Box::new(lv.e), Box::new(rhs)),
                lt.unqual(),
            )));
        };
        if lt.is_pointer() && matches!(op, BinaryOp::Add | BinaryOp::Sub) {
            if !rhs.ty.is_integer() {
                self.error(
                    loc,
                    format!(
                        "invalid operands to binary expression ('{}' and '{}')",
                        self.types.type_name(&lt),
                        self.types.type_name(&rhs.ty)
                    ),
                );
                return Err(());
            }
            let elem = lt.pointee().unwrap().clone();
            if !self.types.is_complete(&elem) && !elem.is_void() {
                self.error(
                    loc,
                    format!(
                        "arithmetic on a pointer to an incomplete type '{}'",
                        self.types.type_name(&elem)
                    ),
                );
                return Err(());
            }
            let mut rhs = convert(rhs, &long_ty());
            let scale = if elem.is_void() {
                1
            } else if elem.has_vla() {
                // A row of run-time length: scale by its size when it runs.
                let size = convert(self.size_expr(&elem), &long_ty());
                rhs = Expr::new(
                    K::Binary {
                        op: BinOp::Mul,
                        op_ty: Scalar::I64,
                        lhs: Box::new(rhs),
                        rhs: Box::new(size),
                    },
                    long_ty(),
                );
                1
            } else {
                self.types.size_of(&elem)
            };
            return Ok(val(Expr::new(
                K::PtrOpAssign {
                    lv: Box::new(lv.e),
                    rhs: Box::new(rhs),
                    scale,
                    sub: op == BinaryOp::Sub,
                },
                lt.unqual(),
            )));
        }
        let int_only = matches!(
            op,
            BinaryOp::Rem
                | BinaryOp::Shl
                | BinaryOp::Shr
                | BinaryOp::BitAnd
                | BinaryOp::BitOr
                | BinaryOp::BitXor
        );
        let ok = if int_only {
            lt.is_integer() && rhs.ty.is_integer()
        } else {
            lt.is_arith() && rhs.ty.is_arith()
        };
        if !ok {
            self.error(
                loc,
                format!(
                    "invalid operands to binary expression ('{}' and '{}')",
                    self.types.type_name(&lt),
                    self.types.type_name(&rhs.ty)
                ),
            );
            return Err(());
        }
        let lt_arith = arith_ty(&lv.e);
        let op_t = if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            promote(&lt_arith)
        } else {
            usual_arith(&lt_arith, &arith_ty(&rhs))
        };
        let rhs = convert(rhs, &op_t);
        Ok(val(Expr::new(
            K::OpAssign {
                op: binop_of(op),
                op_ty: sk(&op_t),
                lv: Box::new(lv.e),
                rhs: Box::new(rhs),
            },
            lt.unqual(),
        )))
    }

    /// Conversion as if by assignment (C11 6.5.16.1), with clang's diagnostics.
    pub(crate) fn assign_convert(&mut self, e: Expr, to: &Type, loc: Loc, ctx: &str) -> R<Expr> {
        let from = e.ty.clone();
        match (self.complex_kind(to), self.complex_kind(&from)) {
            (Some(d), _) if from.is_arith() || self.complex_kind(&from).is_some() => {
                return Ok(self.convert_to_complex(e, d));
            }
            (None, Some(_)) if to.is_arith() => return Ok(self.convert_from_complex(e, to)),
            _ => {}
        }
        match (self.i128_kind(to), self.i128_kind(&from)) {
            (Some(u), _) if from.is_arith() || self.i128_kind(&from).is_some() => {
                return Ok(self.convert_to_i128(e, u));
            }
            (None, Some(_)) if to.is_arith() => return Ok(self.convert_from_i128(e, to)),
            _ => {}
        }
        let tn = |me: &Sema, t: &Type| me.types.type_name(t);
        if to.is_arith() && from.is_arith() {
            return Ok(convert(e, to));
        }
        if to.is_record() {
            if from.is_record() && from.kind == to.kind {
                return Ok(Expr {
                    kind: e.kind,
                    ty: to.unqual(),
                });
            }
            self.error(
                loc,
                conv_msg(ctx, &tn(self, to), &tn(self, &from), "incompatible "),
            );
            return Err(());
        }
        if to.kind == TypeKind::Bool && from.is_pointer() {
            return Ok(convert(e, to));
        }
        if let Some(tp) = to.pointee() {
            if from.is_integer() {
                if is_null_const(&e) {
                    return Ok(convert(e, to));
                }
                self.warning(
                    loc,
                    format!(
                        "incompatible integer to pointer conversion {}",
                        conv_msg(ctx, &tn(self, to), &tn(self, &from), "")
                    ),
                );
                return Ok(convert(e, to));
            }
            if let Some(fp) = from.pointee() {
                let ok =
                    tp.is_void() || fp.is_void() || compatible_unqual(&tp.unqual(), &fp.unqual());
                if !ok {
                    self.warning(
                        loc,
                        format!(
                            "incompatible pointer types {}",
                            conv_msg(ctx, &tn(self, to), &tn(self, &from), "")
                        ),
                    );
                } else if fp.is_const && !tp.is_const {
                    self.warning(
                        loc,
                        format!(
                            "{} discards qualifiers",
                            conv_msg(ctx, &tn(self, to), &tn(self, &from), "")
                        ),
                    );
                }
                return Ok(convert(e, to));
            }
        }
        if to.is_integer() && from.is_pointer() {
            self.warning(
                loc,
                format!(
                    "incompatible pointer to integer conversion {}",
                    conv_msg(ctx, &tn(self, to), &tn(self, &from), "")
                ),
            );
            return Ok(convert(e, to));
        }
        self.error(
            loc,
            conv_msg(ctx, &tn(self, to), &tn(self, &from), "incompatible "),
        );
        Err(())
    }

    fn conditional(
        &mut self,
        c: &ast::Expr,
        a: Option<&ast::Expr>,
        b: &ast::Expr,
        loc: Loc,
    ) -> R<Val> {
        let (cv, x) = match a {
            Some(a) => (self.cond_expr(c)?, self.rvalue_expr(a)?),
            None => {
                // GNU `c ?: b`: c is evaluated once (in a temporary unless it is a plain
                // object), tested, and is the value.
                let v = self.rvalue_expr(c)?;
                let (set, x) = self.once(v);
                let test = self.truth(x.clone(), c.loc)?;
                let cv = match set {
                    Some(set) => {
                        let t = test.ty.clone();
                        Expr::new(K::Comma(Box::new(set), Box::new(test)), t)
                    }
                    None => test,
                };
                (cv, x)
            }
        };
        let y = self.rvalue_expr(b)?;
        // A complex branch: both become complex.
        let (x, y) = match (self.complex_kind(&x.ty), self.complex_kind(&y.ty)) {
            (None, None) => (x, y),
            (kx, ky) if (kx.is_some() || x.ty.is_arith()) && (ky.is_some() || y.ty.is_arith()) => {
                let d = kx
                    .unwrap_or(Prec::of_real(&x.ty))
                    .max(ky.unwrap_or(Prec::of_real(&y.ty)));
                (self.convert_to_complex(x, d), self.convert_to_complex(y, d))
            }
            _ => (x, y),
        };
        // A __int128 branch: both become the 128-bit type (or double beside a float).
        let (x, y) = match (self.i128_kind(&x.ty), self.i128_kind(&y.ty)) {
            (None, None) => (x, y),
            (kx, ky) if (kx.is_some() || x.ty.is_arith()) && (ky.is_some() || y.ty.is_arith()) => {
                if x.ty.is_float() || y.ty.is_float() {
                    let d = ty(TypeKind::Double);
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
                    (x, y)
                } else {
                    let u = kx == Some(true) || ky == Some(true);
                    (self.convert_to_i128(x, u), self.convert_to_i128(y, u))
                }
            }
            _ => (x, y),
        };
        let (xt, yt) = (arith_ty(&x), arith_ty(&y));
        let t = if xt.is_arith() && yt.is_arith() {
            usual_arith(&xt, &yt)
        } else if xt.is_void() || yt.is_void() {
            // GNU C (and clang) accept one void operand: the result is void.
            Type::void()
        } else if xt.is_record() && xt.kind == yt.kind {
            xt.unqual()
        } else if xt.is_pointer() && is_null_const(&y) {
            xt.clone()
        } else if yt.is_pointer() && is_null_const(&x) {
            yt.clone()
        } else if xt.is_pointer() && yt.is_pointer() {
            // C11 6.5.15p6: a pointer to the composite type (or to void if either points
            // to void), with the qualifiers of both pointed-to types.
            let (p, q) = (xt.pointee().unwrap(), yt.pointee().unwrap());
            let mut r = if p.is_void() || q.is_void() {
                Type::void()
            } else {
                if !compatible_unqual(&p.unqual(), &q.unqual()) {
                    self.warning(
                        loc,
                        format!(
                            "pointer type mismatch ('{}' and '{}')",
                            self.types.type_name(&xt),
                            self.types.type_name(&yt)
                        ),
                    );
                }
                super::types::composite(p, q)
            };
            r.is_const = p.is_const || q.is_const;
            r.is_volatile = p.is_volatile || q.is_volatile;
            Type::ptr_to(r)
        } else if (xt.is_pointer() && yt.is_integer()) || (xt.is_integer() && yt.is_pointer()) {
            self.warning(
                loc,
                "pointer/integer type mismatch in conditional expression",
            );
            if xt.is_pointer() {
                xt.clone()
            } else {
                yt.clone()
            }
        } else {
            self.error(
                loc,
                format!(
                    "incompatible operand types ('{}' and '{}')",
                    self.types.type_name(&xt),
                    self.types.type_name(&yt)
                ),
            );
            return Err(());
        };
        let (x, y) = if t.is_record() {
            (x, y)
        } else {
            (convert(x, &t), convert(y, &t))
        };
        Ok(val(fold(Expr::new(
            K::Cond(Box::new(cv), Box::new(x), Box::new(y)),
            t,
        ))))
    }

    fn member(&mut self, b: &ast::Expr, name: &str, arrow: bool, loc: Loc) -> R<Val> {
        let base = if arrow {
            let p = self.rvalue_expr(b)?;
            match p.ty.pointee() {
                Some(t) if t.is_record() => {}
                _ => {
                    self.error(
                        loc,
                        format!(
                            "member reference type '{}' is not a pointer to a structure or union",
                            self.types.type_name(&p.ty)
                        ),
                    );
                    return Err(());
                }
            }
            self.deref(p, loc)?
        } else {
            let v = self.expr(b)?;
            if !v.e.ty.is_record() {
                let hint = if v.e.ty.pointee().is_some_and(|t| t.is_record()) {
                    "; did you mean to use '->'?"
                } else {
                    ""
                };
                self.error(
                    loc,
                    format!(
                        "member reference base type '{}' is not a structure or union{hint}",
                        self.types.type_name(&v.e.ty)
                    ),
                );
                return Err(());
            }
            v
        };
        let bt = base.e.ty.clone();
        let (TypeKind::Struct(id) | TypeKind::Union(id)) = bt.kind else {
            unreachable!()
        };
        if self.types.records[id as usize].layout.is_none() {
            self.error(
                loc,
                format!(
                    "incomplete definition of type '{}'",
                    self.types.type_name(&bt)
                ),
            );
            return Err(());
        }
        let Some((off, f)) = self.find_field(id, name) else {
            self.error(
                loc,
                format!(
                    "no member named '{name}' in '{}'",
                    self.types.type_name(&bt)
                ),
            );
            return Err(());
        };
        let mut ft = f.ty.clone();
        ft.is_const |= bt.is_const;
        ft.is_volatile |= bt.is_volatile;
        let e = match f.bits {
            Some((bit, w)) => {
                let unit = self.bitfield_unit(&ft, bit, w);
                let m = Expr::new(K::Member(Box::new(base.e), off), unit);
                Expr::new(K::BitField(Box::new(m), bit, w), ft)
            }
            None => Expr::new(K::Member(Box::new(base.e), off), ft),
        };
        Ok(Val { e, lv: base.lv })
    }

    pub(crate) fn call(&mut self, f: &ast::Expr, args: &[ast::Expr], loc: Loc) -> R<Val> {
        if let A::Ident(name) = &f.kind {
            if name.starts_with("__atomic_") || name.starts_with("__sync_") {
                if let Some(v) = self.atomic_builtin(name, args, loc)? {
                    return Ok(v);
                }
            }
            if let Some(v) = self.complex_builtin(name, args, loc)? {
                return Ok(v);
            }
            if name.starts_with("__builtin_") {
                if let Some(v) = self.builtin_call(name, args, loc)? {
                    return Ok(v);
                }
            } else if self.lookup(name).is_none() {
                return self.undeclared_call(name, f, args, loc);
            }
            if let Some(v) = self.setjmp_call(name, args, loc)? {
                return Ok(v);
            }
        }
        let callee = self.rvalue_expr(f)?;
        let Some(fty) = callee.ty.pointee().and_then(|t| t.fn_type()).cloned() else {
            self.error(
                loc,
                format!(
                    "called object type '{}' is not a function or function pointer",
                    self.types.type_name(&callee.ty)
                ),
            );
            return Err(());
        };
        self.call_with(callee, fty, args, loc)
    }

    /// A call to an undeclared function. In a script, GCC 12's implicit declaration (C89's
    /// rule, with a warning): a C library function GCC knows gets its real prototype, any
    /// other name `extern int name();` at file scope. At the prompt a typo is likelier: an
    /// error with a suggestion.
    fn undeclared_call(
        &mut self,
        name: &str,
        f: &ast::Expr,
        args: &[ast::Expr],
        loc: Loc,
    ) -> R<Val> {
        // A stream parameter would need `FILE`, which only <stdio.h> declares.
        let lib = crate::builtins::library(name).filter(|l| !l.header.is_empty() && !l.uses_file);
        if self.mode == super::Mode::Script {
            self.warning(f.loc, format!("implicit declaration of function '{name}'"));
            if name == "alloca" {
                return self
                    .builtin_call("__builtin_alloca", args, loc)
                    .map(|v| v.expect("a builtin"));
            }
            let (t, symbol) = match lib {
                Some(l) => {
                    self.note(
                        f.loc,
                        format!(
                            "include '<{}>' or provide a declaration of '{name}'",
                            l.header
                        ),
                    );
                    (l.ty.clone(), Some(l.symbol.as_str()))
                }
                None => (
                    ir::FnType {
                        ret: int_ty(),
                        params: vec![],
                        variadic: false,
                        unprototyped: true,
                    },
                    None,
                ),
            };
            let t = Type::new(TypeKind::Function(Box::new(t)));
            self.declare_function(name, &t, symbol, f.loc)?;
            if lib.is_some() {
                self.mark_implicit(name);
            }
            return self.call(f, args, loc);
        }
        if let Some(l) = lib {
            let t = Type::new(TypeKind::Function(Box::new(l.ty.clone())));
            self.error(
                f.loc,
                format!(
                    "call to undeclared library function '{name}' with type '{}'; ISO C99 and later do not support implicit function declarations",
                    self.types.type_name(&t)
                ),
            );
            self.note(
                f.loc,
                format!(
                    "include the header <{}> or explicitly provide a declaration for '{name}'",
                    l.header
                ),
            );
            return Err(());
        }
        let msg = match self.did_you_mean(name) {
            Some(n) => format!("call to undeclared function '{name}'; did you mean '{n}'?"),
            None => format!("call to undeclared function '{name}'; ISO C99 and later do not support implicit function declarations"),
        };
        self.error(f.loc, msg);
        Err(())
    }

    /// A call of `callee`, a function of type `fty`, with `args` (checked and converted).
    pub(crate) fn call_with(
        &mut self,
        callee: Expr,
        fty: ir::FnType,
        args: &[ast::Expr],
        loc: Loc,
    ) -> R<Val> {
        let n = fty.params.len();
        if !fty.unprototyped && (args.len() < n || (args.len() > n && !fty.variadic)) {
            let kind = if args.len() < n { "few" } else { "many" };
            let at_least = if fty.variadic { "at least " } else { "" };
            let l = if args.len() > n { args[n].loc } else { loc };
            self.error(
                l,
                format!(
                    "too {kind} arguments to function call, expected {at_least}{n}, have {}",
                    args.len()
                ),
            );
            return Err(());
        }
        let mut out = Vec::with_capacity(args.len());
        let mut failed = false;
        for (i, a) in args.iter().enumerate() {
            let Ok(x) = self.rvalue_expr(a) else {
                failed = true;
                continue;
            };
            if i < n && !fty.unprototyped {
                match self.assign_convert(x, &fty.params[i], a.loc, "passing") {
                    Ok(x) => out.push(x),
                    Err(()) => failed = true,
                }
            } else {
                // Default argument promotions.
                if !x.ty.is_scalar() && !x.ty.is_record() {
                    self.error(a.loc, "invalid argument type");
                    failed = true;
                    continue;
                }
                let t = if x.ty.kind == TypeKind::Float {
                    ty(TypeKind::Double)
                } else if x.ty.is_integer() {
                    promote(&arith_ty(&x))
                } else {
                    x.ty.clone()
                };
                out.push(convert(x, &t));
            }
        }
        if failed {
            return Err(());
        }
        let ret = fty.ret.unqual();
        if !ret.is_void() && !self.types.is_complete(&ret) {
            self.error(
                loc,
                format!(
                    "calling function with incomplete return type '{}'",
                    self.types.type_name(&ret)
                ),
            );
            return Err(());
        }
        if let Some(call) = self.complex_long_call(&callee, &fty, &out) {
            return Ok(val(call));
        }
        let ret_slot = if ret.is_record() || ret.kind == TypeKind::LongDouble {
            let (s, a) = (self.types.size_of(&ret), self.types.align_of(&ret));
            Some(self.alloc_local(s.max(16), a))
        } else {
            None
        };
        let c = ir::Call {
            callee,
            args: out,
            fty,
            ret_slot,
        };
        Ok(val(Expr::new(K::Call(Box::new(c)), ret)))
    }

    fn stmt_expr(&mut self, body: &ast::Stmt, loc: Loc) -> R<Val> {
        let ast::StmtKind::Compound(items) = &body.kind else {
            self.error(loc, "expected compound statement");
            return Err(());
        };
        if self.fcx.is_none() {
            self.error(loc, "statement expression not allowed at file scope");
            return Err(());
        }
        self.scopes.push(Default::default());
        let outer_cleanups = std::mem::take(&mut self.cleanups);
        let locals = self.enter_local_labels(items);
        let mut stmts = Vec::new();
        let mut result = Expr::new(K::Int(0), Type::void());
        let n = items.len();
        let mut ok = true;
        for (i, it) in items.iter().enumerate() {
            if i + 1 == n {
                // The value is the last expression statement's, labelled or not
                // (`({ ...; out: i; })`).
                let mut last = match it {
                    ast::BlockItem::Stmt(s) => Some(s),
                    _ => None,
                };
                let mut labels_before = Vec::new();
                while let Some(ast::Stmt {
                    kind: ast::StmtKind::Labeled(name, inner),
                    loc,
                }) = last
                {
                    labels_before.push(self.label_id(name, *loc, true));
                    last = Some(inner);
                }
                if !labels_before.is_empty()
                    && !matches!(
                        last,
                        Some(ast::Stmt {
                            kind: ast::StmtKind::Expr(Some(_)),
                            ..
                        })
                    )
                {
                    // Not a value: lower the statement as usual (its labels are defined).
                    if let Some(s) = last {
                        let mut st = self.stmt(s);
                        for l in labels_before.into_iter().rev() {
                            st = ir::Stmt::Label(l, Box::new(st));
                        }
                        stmts.push(st);
                    }
                    continue;
                }
                for l in labels_before {
                    stmts.push(ir::Stmt::Label(l, Box::new(Sema::empty())));
                }
                if let Some(ast::Stmt {
                    kind: ast::StmtKind::Expr(Some(e)),
                    ..
                }) = last
                {
                    match self.expr(e) {
                        Ok(v) => {
                            result = if v.e.ty.is_record() && v.lv {
                                // The value of a struct: copy to a temporary.
                                let t = v.e.ty.clone();
                                let off = self
                                    .alloc_local(self.types.size_of(&t), self.types.align_of(&t));
                                let tmp = Expr::new(K::Local(off), t.clone());
                                stmts.push(ir::Stmt::Expr(Expr::new(
                                    K::Assign(Box::new(tmp.clone()), Box::new(v.e)),
                                    t,
                                )));
                                tmp
                            } else {
                                self.rv(v)
                            }
                        }
                        Err(()) => ok = false,
                    }
                    continue;
                }
            }
            self.block_item(it, &mut stmts);
            if !self.cleanups.is_empty() {
                self.cleanups.clear();
                self.error(
                    loc,
                    "__attribute__((cleanup)) in a statement expression is not supported",
                );
                ok = false;
            }
        }
        self.cleanups = outer_cleanups;
        self.leave_local_labels(locals);
        self.scopes.pop();
        if !ok {
            return Err(());
        }
        let t = result.ty.clone();
        let labels = stmt_labels(&stmts);
        Ok(val(Expr::new(
            K::Seq(
                Box::new(ir::Stmt::Block(ir::Block { stmts, labels })),
                Box::new(result),
            ),
            t,
        )))
    }

    fn compound_literal(&mut self, t: Type, init: &ast::Initializer, loc: Loc) -> R<Val> {
        if t.has_vla() {
            self.error(
                loc,
                "compound literal cannot be of variable-length array type",
            );
            return Err(());
        }
        let t = self.complete_array_type(&t, init);
        if !self.types.is_complete(&t) {
            self.error(
                loc,
                format!(
                    "variable has incomplete type '{}'",
                    self.types.type_name(&t)
                ),
            );
            return Err(());
        }
        let in_unit = self.fcx.as_ref().is_some_and(|f| f.name == "top level");
        if self.fcx.is_none() || (in_unit && self.scopes.len() <= 1) {
            // File scope: a static object (C11 6.5.2.5p5), constant if it can be.
            let n = self.diags.len();
            let data = self.static_data(&t, init)?;
            match data {
                Ok((bytes, relocs)) => {
                    let id = self.anon_global(t.clone(), ir::GlobalInit::Data { bytes, relocs });
                    return Ok(Val {
                        e: Expr::new(K::Global(id), t),
                        lv: true,
                    });
                }
                Err(l) if self.mode == super::Mode::Script => {
                    self.diags.truncate(n);
                    self.error(l, "initializer element is not a compile-time constant");
                    return Err(());
                }
                Err(_) => {
                    // REPL: initialized when the input runs, in order.
                    let id = self.anon_global(t.clone(), ir::GlobalInit::Zero);
                    let place = Expr::new(K::Global(id), t.clone());
                    let entered = self.enter_unit();
                    let mut stmts = Vec::new();
                    let r = self.init_object(place.clone(), &t, init, &mut stmts);
                    self.leave_unit(entered);
                    r?;
                    let seq = Expr::new(
                        K::Seq(
                            Box::new(ir::Stmt::Block(ir::Block {
                                stmts,
                                labels: vec![],
                            })),
                            Box::new(place),
                        ),
                        t,
                    );
                    return Ok(Val { e: seq, lv: true });
                }
            }
        }
        let mut stmts = Vec::new();
        let align = self.types.align_of(&t);
        let place = if align > super::decl::FRAME_ALIGN {
            let buf = self.aligned_buffer(&t, align);
            super::decl::aligned_place(buf, align, &t)
        } else {
            let off = self.alloc_local(self.types.size_of(&t), align);
            Expr::new(K::Local(off), t.clone())
        };
        self.init_object(place.clone(), &t, init, &mut stmts)?;
        let labels = Vec::new();
        Ok(Val {
            e: Expr::new(
                K::Seq(
                    Box::new(ir::Stmt::Block(ir::Block { stmts, labels })),
                    Box::new(place),
                ),
                t,
            ),
            lv: true,
        })
    }

    /// Interns a string literal as an anonymous global; returns its id.
    pub(crate) fn string_literal(&mut self, units: &[u32], prefix: CharPrefix) -> ir::GlobalId {
        let (elem, size) = str_elem(prefix);
        let mut bytes = Vec::with_capacity((units.len() + 1) * size);
        for &u in units.iter().chain(std::iter::once(&0)) {
            bytes.extend_from_slice(&u.to_le_bytes()[..size]);
        }
        let t = ty(TypeKind::Array(
            Box::new(elem),
            Some(units.len() as u64 + 1),
        ));
        self.anon_global(
            t,
            ir::GlobalInit::Data {
                bytes,
                relocs: vec![],
            },
        )
    }

    pub(crate) fn trailing_expr(&mut self, e: &ast::Expr) -> Option<(u32, Type)> {
        let saved = self.enter_unit();
        let r = (|| -> R<(u32, Type)> {
            let v = self.expr(e)?;
            let t = v.e.ty.clone();
            if t.is_void() {
                let x = self.rv(v);
                self.push_unit_stmt(ir::Stmt::Expr(x));
                return Ok((0, t));
            }
            // A long double's value takes 16 bytes; anything else is stored in 8.
            let n = if t.kind == TypeKind::LongDouble {
                16
            } else {
                8
            };
            let off = self.alloc_local(n, n);
            let slot = Expr::new(K::Local(off), ulong_ty());
            let value = if t.is_function() {
                Expr {
                    kind: v.e.kind,
                    ty: ulong_ty(),
                }
            } else if t.is_aggregate() {
                if v.lv {
                    Expr::new(K::AddrOf(Box::new(v.e)), ulong_ty())
                } else {
                    Expr {
                        kind: v.e.kind,
                        ty: ulong_ty(),
                    }
                }
            } else {
                let x = self.rv(v);
                let st = Expr::new(K::Local(off), x.ty.clone());
                self.push_unit_stmt(ir::Stmt::Expr(Expr::new(
                    K::Assign(Box::new(st), Box::new(x)),
                    t.unqual(),
                )));
                return Ok((off, t.unqual()));
            };
            self.push_unit_stmt(ir::Stmt::Expr(Expr::new(
                K::Assign(Box::new(slot), Box::new(value)),
                ulong_ty(),
            )));
            Ok((off, t))
        })();
        self.leave_unit(saved);
        r.ok()
    }

    /// A `va_list` operand as a pointer to the list (a local `va_list` decays; a parameter
    /// already is one).
    pub(crate) fn va_list_ptr(&mut self, e: &ast::Expr) -> R<Expr> {
        let x = self.rvalue_expr(e)?;
        if x.ty.pointee().is_some_and(|t| t.kind == TypeKind::VaList) {
            return Ok(x);
        }
        self.error(
            e.loc,
            format!(
                "first argument to 'va_arg' is of type '{}' and not 'va_list'",
                self.types.type_name(&x.ty)
            ),
        );
        Err(())
    }

    /// A visible name close to `name` (a typo), as clang suggests one.
    fn did_you_mean(&self, name: &str) -> Option<String> {
        let max = match name.len() {
            0..=2 => return None,
            3..=5 => 1,
            _ => 2,
        };
        let mut best: Option<(usize, String)> = None;
        let mut consider = |cand: &str| {
            if cand.starts_with("__") || cand.len().abs_diff(name.len()) > max {
                return;
            }
            let d = edit_distance(name, cand);
            if d <= max
                && best
                    .as_ref()
                    .is_none_or(|(bd, bn)| d < *bd || (d == *bd && cand < bn.as_str()))
            {
                best = Some((d, cand.to_string()));
            }
        };
        for sc in &self.scopes {
            for k in sc.names.keys() {
                consider(k);
            }
        }
        for k in self.global_names() {
            consider(k);
        }
        best.map(|(_, n)| n)
    }

    pub(crate) fn note_func_use(&mut self, id: ir::FuncId) {
        if self.mode == super::Mode::Script
            && self.unevaluated == 0
            && !self.module.required_funcs.contains(&id)
        {
            self.module.required_funcs.push(id);
        }
    }

    fn note_global_use(&mut self, id: ir::GlobalId, name: &str, t: &Type) {
        if self.unevaluated > 0 {
            return;
        }
        if self.extern_only.contains(&id) && !self.extern_refs.iter().any(|x| x.0 == id) {
            self.extern_refs.push((id, name.to_string(), t.clone()));
            self.extern_only.retain(|x| *x != id);
        }
    }
}

/// Levenshtein distance, with a transposition counting as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=b.len() {
        d[0][j] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = (a[i - 1] != b[j - 1]) as usize;
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// How clang words a conversion in each context; `incompatible` is "incompatible " or "".
fn conv_msg(ctx: &str, to: &str, from: &str, incompatible: &str) -> String {
    match ctx {
        "initializing" => {
            format!("initializing '{to}' with an expression of {incompatible}type '{from}'")
        }
        "passing" => format!("passing '{from}' to parameter of {incompatible}type '{to}'"),
        "returning" => {
            format!("returning '{from}' from a function with {incompatible}result type '{to}'")
        }
        _ => {
            if incompatible.is_empty() {
                format!("assigning to '{to}' from '{from}'")
            } else {
                format!("assigning to '{to}' from incompatible type '{from}'")
            }
        }
    }
}

/// Element type and size of a string literal with this prefix.
pub(crate) fn str_elem(p: CharPrefix) -> (Type, usize) {
    match p {
        CharPrefix::None | CharPrefix::Utf8 => (ty(TypeKind::Char), 1),
        CharPrefix::Wide => (int_ty(), 4),
        CharPrefix::Utf16 => (ty(TypeKind::UShort), 2),
        CharPrefix::Utf32 => (ty(TypeKind::UInt), 4),
    }
}

/// Folds constant subexpressions into a literal.
pub(crate) fn fold(e: Expr) -> Expr {
    if e.ty.is_integer() {
        if let Some(Const::Int(v)) = consts::eval(&e, false) {
            return Expr::new(K::Int(v), e.ty);
        }
    }
    e
}

/// Labels defined in a list of statements (for `ir::Block::labels`).
pub(crate) fn stmt_labels(stmts: &[ir::Stmt]) -> Vec<ir::LabelId> {
    let mut out = Vec::new();
    for s in stmts {
        s.collect_labels(&mut out);
    }
    out
}
