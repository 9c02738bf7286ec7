//! Initializers: nested lists, designators and brace elision -> a flat list of
//! (offset, type, value), then either stores (automatic and REPL objects) or bytes with
//! relocations (static objects).

use super::consts::{self, AddrBase, Const};
use super::expr::{str_elem, R};
use super::Sema;
use crate::ast::{self, Designator, InitItem, Initializer};
use crate::source::Loc;
use ir::{Expr, ExprKind as K, GlobalId, Reloc, RelocTarget, Stmt, Type, TypeKind};

#[derive(Clone)]
pub(crate) enum IV {
    Expr(Expr),
    /// A string literal copied into a char array: the literal's global and the number of
    /// bytes to copy.
    Str(GlobalId, Vec<u8>),
}

#[derive(Clone)]
pub(crate) struct Item {
    pub off: u64,
    pub ty: Type,
    pub bits: Option<(u32, u32)>,
    pub val: IV,
}

/// The string literal an initializer expression is, looking through parentheses.
fn as_string(e: &ast::Expr) -> Option<(&[u32], ast::CharPrefix)> {
    match &e.kind {
        ast::ExprKind::StrLit { units, prefix } => Some((units, *prefix)),
        _ => None,
    }
}

/// The string literal of `{ "abc" }` too.
fn init_string(init: &Initializer) -> Option<(&[u32], ast::CharPrefix)> {
    match init {
        Initializer::Expr(e) => as_string(e),
        Initializer::List(items, _) if items.len() == 1 && items[0].designators.is_empty() => {
            init_string(&items[0].init)
        }
        _ => None,
    }
}

impl Sema {
    /// Completes `T x[] = init` to the initializer's length.
    pub(crate) fn complete_array_type(&mut self, t: &Type, init: &Initializer) -> Type {
        let TypeKind::Array(elem, None) = &t.kind else {
            return t.clone();
        };
        let n = if let (true, Some((units, _))) =
            (elem.is_char_like() || elem.is_integer(), init_string(init))
        {
            units.len() as u64 + 1
        } else {
            match init {
                Initializer::List(items, _) => {
                    let nd = self.diags.len();
                    let mut out = Vec::new();
                    let n = self
                        .init_list(t, 0, items, &mut 0, true, &mut out)
                        .unwrap_or(0);
                    self.diags.truncate(nd);
                    n
                }
                Initializer::Expr(_) => return t.clone(),
            }
        };
        Type {
            kind: TypeKind::Array(elem.clone(), Some(n)),
            is_const: t.is_const,
            is_volatile: t.is_volatile,
            is_atomic: t.is_atomic,
        }
    }

    /// Flattens an initializer for an object of type `ty`.
    pub(crate) fn flatten(&mut self, ty: &Type, init: &Initializer, out: &mut Vec<Item>) -> R<()> {
        match init {
            Initializer::List(items, _) => {
                self.init_list(ty, 0, items, &mut 0, true, out)?;
            }
            Initializer::Expr(e) => {
                if ty.is_array() && init_string(init).is_none() {
                    self.error(
                        e.loc,
                        "array initializer must be an initializer list or string literal",
                    );
                    return Err(());
                }
                self.init_single(ty, 0, None, e, out)?;
            }
        }
        Ok(())
    }

    /// Initializes `ty` at `off` from `items[*pos..]`. With `braced`, `items` is this
    /// object's own list; without, the object's braces were elided and it takes only as
    /// many items as it has elements. Returns the number of array elements initialized.
    pub(crate) fn init_list(
        &mut self,
        ty: &Type,
        off: u64,
        items: &[InitItem],
        pos: &mut usize,
        braced: bool,
        out: &mut Vec<Item>,
    ) -> R<u64> {
        match &ty.kind {
            TypeKind::Array(elem, n) => {
                // `char s[] = { "lit" }`: a braced string literal initializes the array.
                if braced
                    && items.len() == 1
                    && items[0].designators.is_empty()
                    && (elem.is_char_like() || elem.is_integer())
                {
                    if let Initializer::Expr(e) = &items[0].init {
                        if as_string(e).is_some() {
                            *pos = 1;
                            self.init_single(ty, off, None, e, out)?;
                            return Ok(n.unwrap_or(0).max(match &e.kind {
                                ast::ExprKind::StrLit { units, .. } => units.len() as u64 + 1,
                                _ => 0,
                            }));
                        }
                    }
                }
                let esz = self.types.size_of(elem);
                let mut idx: u64 = 0;
                let mut max: u64 = 0;
                while *pos < items.len() {
                    let it = &items[*pos];
                    if let Some(d) = it.designators.first() {
                        if !braced {
                            break;
                        }
                        let (lo, hi) = match d {
                            Designator::Index(e, _) => {
                                let v = self.const_int(e).ok_or(())?;
                                (v, v)
                            }
                            Designator::Range(a, b, _) => {
                                (self.const_int(a).ok_or(())?, self.const_int(b).ok_or(())?)
                            }
                            Designator::Field(name, l) => {
                                self.error(*l, format!("field designator '{name}' cannot initialize a non-struct, non-union type '{}'", self.types.type_name(ty)));
                                return Err(());
                            }
                        };
                        let dl = designator_loc(d);
                        if lo < 0 || n.is_some_and(|n| hi as u64 >= n) {
                            self.error(
                                dl,
                                format!(
                                    "array designator index ({hi}) exceeds array bounds ({})",
                                    n.unwrap_or(0)
                                ),
                            );
                            return Err(());
                        }
                        // `[lo ... hi] = x`: x is evaluated once (as gcc does); the other
                        // elements get copies of its value.
                        let start = out.len();
                        self.designated(
                            elem,
                            off + lo as u64 * esz,
                            &it.designators[1..],
                            &it.init,
                            out,
                        )?;
                        if hi > lo {
                            let mut first: Vec<Item> = out[start..].to_vec();
                            if !self.in_static_init {
                                for (item, copy) in out[start..].iter_mut().zip(first.iter_mut()) {
                                    let IV::Expr(x) = item.val.clone() else {
                                        continue;
                                    };
                                    if matches!(x.kind, K::Int(_) | K::Float(_)) {
                                        continue;
                                    }
                                    let slot = self.alloc_local(
                                        self.types.size_of(&x.ty).max(1),
                                        self.types.align_of(&x.ty),
                                    );
                                    let tmp = Expr::new(K::Local(slot), x.ty.clone());
                                    item.val = IV::Expr(Expr::new(
                                        K::Assign(Box::new(tmp.clone()), Box::new(x.clone())),
                                        x.ty.clone(),
                                    ));
                                    copy.val =
                                        IV::Expr(Expr::new(K::Load(Box::new(tmp)), x.ty.clone()));
                                }
                            }
                            for i in lo + 1..=hi {
                                let shift = (i - lo) as u64 * esz;
                                out.extend(first.iter().map(|it| Item {
                                    off: it.off + shift,
                                    ..it.clone()
                                }));
                            }
                        }
                        *pos += 1;
                        idx = hi as u64 + 1;
                    } else {
                        if n.is_some_and(|n| idx >= n) {
                            if braced {
                                self.warning(
                                    init_loc(&it.init),
                                    "excess elements in array initializer",
                                );
                                *pos = items.len();
                            }
                            break;
                        }
                        self.init_elem(elem, off + idx * esz, None, items, pos, out)?;
                        idx += 1;
                    }
                    max = max.max(idx);
                }
                Ok(max)
            }
            TypeKind::Struct(id) | TypeKind::Union(id) => {
                let is_union = matches!(ty.kind, TypeKind::Union(_));
                let Some(layout) = self.types.records[*id as usize].layout.clone() else {
                    self.error(
                        items.first().map(|i| init_loc(&i.init)).unwrap_or_default(),
                        format!(
                            "variable has incomplete type '{}'",
                            self.types.type_name(ty)
                        ),
                    );
                    return Err(());
                };
                // Members that take part in initialization (not unnamed bit-fields).
                let fields: Vec<&ir::Field> = layout
                    .fields
                    .iter()
                    .filter(|f| f.name.is_some() || f.bits.is_none())
                    .collect();
                let mut fi = 0usize;
                while *pos < items.len() {
                    let it = &items[*pos];
                    if let Some(d) = it.designators.first() {
                        if !braced {
                            break;
                        }
                        let Designator::Field(name, l) = d else {
                            self.error(
                                designator_loc(d),
                                format!(
                                    "array designator cannot initialize non-array type '{}'",
                                    self.types.type_name(ty)
                                ),
                            );
                            return Err(());
                        };
                        let direct = fields
                            .iter()
                            .position(|f| f.name.as_deref() == Some(name.as_str()));
                        let Some((foff, f)) = self.find_field(*id, name) else {
                            self.error(*l, format!("field designator '{name}' does not refer to any field in type '{}'", self.types.type_name(ty)));
                            return Err(());
                        };
                        let fty = f.ty.clone();
                        if it.designators.len() == 1 && f.bits.is_some() {
                            if let Initializer::Expr(e) = &it.init {
                                self.init_single(&fty, off + foff, f.bits, e, out)?;
                            }
                        } else {
                            self.designated(&fty, off + foff, &it.designators[1..], &it.init, out)?;
                        }
                        *pos += 1;
                        fi = match direct {
                            Some(i) => i + 1,
                            None => fields
                                .iter()
                                .position(|g| {
                                    g.name.is_none()
                                        && g.offset <= foff
                                        && foff < g.offset + self.types.size_of(&g.ty)
                                })
                                .map_or(fields.len(), |i| i + 1),
                        };
                    } else {
                        if fi >= fields.len() || (is_union && fi >= 1) {
                            if braced {
                                self.warning(
                                    init_loc(&it.init),
                                    if is_union {
                                        "excess elements in union initializer"
                                    } else {
                                        "excess elements in struct initializer"
                                    },
                                );
                                *pos = items.len();
                            }
                            break;
                        }
                        let f = fields[fi];
                        let fty = f.ty.clone();
                        if let TypeKind::Array(_, None) = fty.kind {
                            // GNU: a static object may initialize its flexible array member;
                            // the object grows to hold it.
                            if !self.in_static_init {
                                self.error(
                                    init_loc(&it.init),
                                    "non-static initialization of a flexible array member",
                                );
                                return Err(());
                            }
                        }
                        self.init_elem(&fty, off + f.offset, f.bits, items, pos, out)?;
                        fi += 1;
                    }
                }
                Ok(0)
            }
            _ => {
                // A braced scalar: `int x = { 5 };`
                if *pos < items.len() {
                    let it = &items[*pos];
                    if let Some(d) = it.designators.first() {
                        self.error(
                            designator_loc(d),
                            "designator in initializer for scalar type",
                        );
                        return Err(());
                    }
                    self.init_elem(ty, off, None, items, pos, out)?;
                    if braced && *pos < items.len() {
                        self.warning(
                            init_loc(&items[*pos].init),
                            "excess elements in scalar initializer",
                        );
                        *pos = items.len();
                    }
                }
                Ok(0)
            }
        }
    }

    /// One element from `items[*pos]`, with brace elision for aggregates.
    fn init_elem(
        &mut self,
        ty: &Type,
        off: u64,
        bits: Option<(u32, u32)>,
        items: &[InitItem],
        pos: &mut usize,
        out: &mut Vec<Item>,
    ) -> R<()> {
        let it = &items[*pos];
        match &it.init {
            Initializer::List(sub, _) => {
                *pos += 1;
                self.init_list(ty, off, sub, &mut 0, true, out)?;
                Ok(())
            }
            Initializer::Expr(e) => {
                // `__int128` and `_Complex` values are records inside, scalars to C: an
                // element of one is never brace-elided into their parts.
                let value_record =
                    matches!(ty.kind, TypeKind::Struct(id) if self.value_record_name(id).is_some());
                if ty.is_aggregate() && !value_record {
                    if ty
                        .elem()
                        .is_some_and(|t| t.is_char_like() || t.is_integer())
                        && as_string(e).is_some()
                    {
                        *pos += 1;
                        return self.init_single(ty, off, None, e, out);
                    }
                    if ty.is_record() {
                        let n = self.diags.len();
                        let et = self.typeof_expr(e);
                        self.diags.truncate(n);
                        if et.kind == ty.kind {
                            *pos += 1;
                            return self.init_single(ty, off, None, e, out);
                        }
                    }
                    self.init_list(ty, off, items, pos, false, out)?;
                    return Ok(());
                }
                *pos += 1;
                self.init_single(ty, off, bits, e, out)
            }
        }
    }

    /// The rest of a designator path, then the initializer.
    fn designated(
        &mut self,
        ty: &Type,
        off: u64,
        rest: &[Designator],
        init: &Initializer,
        out: &mut Vec<Item>,
    ) -> R<()> {
        if let Some(d) = rest.first() {
            match (d, &ty.kind) {
                (Designator::Field(name, l), TypeKind::Struct(id) | TypeKind::Union(id)) => {
                    let Some((foff, f)) = self.find_field(*id, name) else {
                        self.error(*l, format!("field designator '{name}' does not refer to any field in type '{}'", self.types.type_name(ty)));
                        return Err(());
                    };
                    return self.designated(&f.ty, off + foff, &rest[1..], init, out);
                }
                (Designator::Index(e, _), TypeKind::Array(elem, _)) => {
                    let i = self.const_int(e).ok_or(())?;
                    let esz = self.types.size_of(elem);
                    return self.designated(elem, off + i as u64 * esz, &rest[1..], init, out);
                }
                _ => {
                    self.error(
                        designator_loc(d),
                        format!(
                            "designator does not apply to type '{}'",
                            self.types.type_name(ty)
                        ),
                    );
                    return Err(());
                }
            }
        }
        let one = [InitItem {
            designators: vec![],
            init: init.clone(),
        }];
        self.init_elem(ty, off, None, &one, &mut 0, out)
    }

    fn init_single(
        &mut self,
        ty: &Type,
        off: u64,
        bits: Option<(u32, u32)>,
        e: &ast::Expr,
        out: &mut Vec<Item>,
    ) -> R<()> {
        if let TypeKind::Array(elem, n) = &ty.kind {
            let Some((units, prefix)) = as_string(e) else {
                self.error(
                    e.loc,
                    "array initializer must be an initializer list or string literal",
                );
                return Err(());
            };
            let (_, esz) = str_elem(prefix);
            if self.types.size_of(elem) as usize != esz {
                self.error(
                    e.loc,
                    "initializing wide char array with incompatible string literal",
                );
                return Err(());
            }
            let len = units.len() as u64 + 1;
            let n = n.unwrap_or(len);
            if len - 1 > n {
                self.warning(e.loc, "initializer-string for char array is too long");
            }
            let copy = len.min(n);
            let mut bytes = Vec::new();
            for &u in units.iter().chain(std::iter::once(&0)).take(copy as usize) {
                bytes.extend_from_slice(&u.to_le_bytes()[..esz]);
            }
            let id = self.string_literal(units, prefix);
            out.push(Item {
                off,
                ty: ty.clone(),
                bits: None,
                val: IV::Str(id, bytes),
            });
            return Ok(());
        }
        let x = self.rvalue_expr(e)?;
        let x = self.assign_convert(x, ty, e.loc, "initializing")?;
        out.push(Item {
            off,
            ty: ty.unqual(),
            bits,
            val: IV::Expr(x),
        });
        Ok(())
    }

    /// Emits stores that initialize the object at `place` (an lvalue of type `ty`).
    pub(crate) fn init_object(
        &mut self,
        place: Expr,
        ty: &Type,
        init: &Initializer,
        out: &mut Vec<Stmt>,
    ) -> R<()> {
        let mut items = Vec::new();
        self.flatten(ty, init, &mut items)?;
        let size = self.types.size_of(ty);
        let whole = matches!(init, Initializer::Expr(_));
        if !whole || ty.is_array() {
            out.push(Stmt::Zero(place.clone(), size));
        }
        for it in items {
            let dst = if it.off == 0 && it.ty.kind == ty.kind {
                Expr {
                    kind: place.kind.clone(),
                    ty: it.ty.clone(),
                }
            } else {
                Expr::new(K::Member(Box::new(place.clone()), it.off), it.ty.clone())
            };
            match it.val {
                IV::Expr(x) => {
                    let dst = match it.bits {
                        Some((b, w)) => {
                            let unit = Expr {
                                ty: self.bitfield_unit(&it.ty, b, w),
                                ..dst
                            };
                            Expr::new(K::BitField(Box::new(unit), b, w), it.ty.clone())
                        }
                        None => dst,
                    };
                    out.push(Stmt::Expr(Expr::new(
                        K::Assign(Box::new(dst), Box::new(x)),
                        it.ty,
                    )));
                }
                IV::Str(id, bytes) => {
                    let src = Expr::new(K::Global(id), it.ty.clone());
                    out.push(Stmt::Copy(dst, src, bytes.len() as u64));
                }
            }
        }
        Ok(())
    }

    /// Static initialization: bytes and relocations, or `None` if some element is not a
    /// constant (the location of the first one is reported by the caller).
    pub(crate) fn static_data(
        &mut self,
        ty: &Type,
        init: &Initializer,
    ) -> R<Result<(Vec<u8>, Vec<Reloc>), Loc>> {
        let mut items = Vec::new();
        let was = std::mem::replace(&mut self.in_static_init, true);
        let r = self.flatten(ty, init, &mut items);
        self.in_static_init = was;
        r?;
        // A flexible array member's initializer makes the object larger than its type.
        let end = items
            .iter()
            .map(|it| {
                it.off as usize
                    + match &it.val {
                        IV::Str(_, b) => b.len(),
                        IV::Expr(_) => self.types.size_of(&it.ty) as usize,
                    }
            })
            .max()
            .unwrap_or(0);
        let size = (self.types.size_of(ty) as usize).max(end);
        let mut bytes = vec![0u8; size];
        let mut relocs = Vec::new();
        for it in items {
            let off = it.off as usize;
            // A later designator replaces what an earlier one put here, addresses included.
            let len = match &it.val {
                IV::Str(_, b) => b.len(),
                IV::Expr(_) => self.types.size_of(&it.ty) as usize,
            } as u64;
            relocs.retain(|r: &Reloc| r.offset + 8 <= off as u64 || r.offset >= off as u64 + len);
            match it.val {
                IV::Str(_, b) => {
                    let end = (off + b.len()).min(size);
                    bytes[off..end].copy_from_slice(&b[..end - off]);
                }
                IV::Expr(x) => {
                    // A struct value is constant only if it is a constant compound literal
                    // (a static object of this input): copy its bytes and relocations.
                    if let Some(z) = self
                        .complex_kind(&it.ty)
                        .and_then(|p| Some((p, self.complex_const(&x)?)))
                    {
                        let b = Self::complex_bytes(z.0, z.1);
                        let end = (off + b.len()).min(size);
                        bytes[off..end].copy_from_slice(&b[..end - off]);
                        continue;
                    }
                    if it.ty.is_aggregate() {
                        let src = match &x.kind {
                            K::Load(g) | K::Seq(_, g) => match &g.kind {
                                K::Global(id) => Some(*id),
                                _ => None,
                            },
                            K::Global(id) => Some(*id),
                            _ => None,
                        };
                        let data = src
                            .and_then(|id| {
                                self.module
                                    .globals
                                    .iter()
                                    .find(|g| g.id == id && g.name.is_empty())
                            })
                            .and_then(|g| match &g.init {
                                ir::GlobalInit::Data { bytes, relocs } => {
                                    Some((bytes.clone(), relocs.clone()))
                                }
                                ir::GlobalInit::Zero => Some((vec![0; g.size as usize], vec![])),
                                _ => None,
                            });
                        let Some((b, rs)) = data else {
                            return Ok(Err(init_loc(init)));
                        };
                        let end = (off + b.len()).min(size);
                        bytes[off..end].copy_from_slice(&b[..end - off]);
                        relocs.extend(rs.into_iter().map(|r| Reloc {
                            offset: r.offset + off as u64,
                            ..r
                        }));
                        continue;
                    }
                    let Some(c) = consts::eval(&x, true) else {
                        return Ok(Err(init_loc(init)));
                    };
                    let n = self.types.size_of(&it.ty) as usize;
                    if off + n > size {
                        continue;
                    }
                    match c {
                        Const::Int(v) => match it.bits {
                            Some((b, w)) => {
                                let n = ir::bits::span_bytes(n, b, w).min(size - off);
                                let raw = ir::bits::read_le(&bytes[off..], n);
                                let raw = ir::bits::set(raw, b, w, v as u64);
                                ir::bits::write_le(&mut bytes[off..], n, raw);
                            }
                            None => bytes[off..off + n].copy_from_slice(&v.to_le_bytes()[..n]),
                        },
                        Const::LongDouble(x) => {
                            bytes[off..off + 16].copy_from_slice(&x.to_bytes());
                        }
                        Const::Float(f) if it.ty.kind == TypeKind::LongDouble => {
                            let x = ir::F80::from_f64(f);
                            bytes[off..off + 16].copy_from_slice(&x.to_bytes());
                        }
                        Const::Float(f) => {
                            if it.ty.kind == TypeKind::Float {
                                bytes[off..off + 4].copy_from_slice(&(f as f32).to_le_bytes());
                            } else {
                                bytes[off..off + 8].copy_from_slice(&f.to_le_bytes());
                            }
                        }
                        Const::Addr(base, o) => {
                            if n != 8 {
                                return Ok(Err(init_loc(init)));
                            }
                            let target = match base {
                                AddrBase::Global(g) => RelocTarget::Global(g),
                                AddrBase::Func(f) => RelocTarget::Func(f),
                            };
                            relocs.push(Reloc {
                                offset: off as u64,
                                target,
                                addend: o,
                            });
                        }
                    }
                }
            }
        }
        Ok(Ok((bytes, relocs)))
    }
}

fn designator_loc(d: &Designator) -> Loc {
    match d {
        Designator::Index(_, l) | Designator::Range(_, _, l) | Designator::Field(_, l) => *l,
    }
}

pub(crate) fn init_loc(i: &Initializer) -> Loc {
    match i {
        Initializer::Expr(e) => e.loc,
        Initializer::List(_, l) => *l,
    }
}
