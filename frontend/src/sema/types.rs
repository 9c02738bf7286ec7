//! Types from syntax: declaration specifiers and declarators -> `ir::Type`; struct/union
//! layout (System V x86-64, GCC bit-fields) and enums.

use super::{Sema, Symbol, Tag};
use crate::ast::{self, DeclSpecs, Declarator, Derived, StorageClass, TypeSpec};
use ir::{EnumDef, Field, FnType, Record, RecordLayout, Type, TypeKind, TypeTable};

/// The result of reading declaration specifiers.
pub(crate) struct BaseType {
    pub ty: Type,
    pub storage: Option<StorageClass>,
    #[allow(dead_code)]
    pub is_inline: bool,
    /// From `__attribute__`s on the specifiers.
    pub attrs: Vec<ast::Attribute>,
    /// `_Alignas`
    pub align: Option<u64>,
    /// `__auto_type`: `ty` is a placeholder; each declarator takes its initializer's type.
    pub auto_type: bool,
    /// `_Thread_local` / `__thread`.
    pub thread_local: bool,
    /// A GCC vector type (a `vector_size` attribute or a typedef of one).
    pub vector: bool,
}

impl Sema {
    /// Reads declaration specifiers. Errors are reported; the result is always usable
    /// (defaulting to int).
    pub(crate) fn base_type(&mut self, s: &DeclSpecs) -> BaseType {
        let mut storage = None;
        for (sc, loc) in &s.storage {
            if storage.is_some() && *sc != StorageClass::ThreadLocal {
                self.error(*loc, "cannot combine with previous storage class specifier");
            }
            if *sc == StorageClass::ThreadLocal {
                continue;
            }
            storage = Some(*sc);
        }
        let ty = self.spec_type(s);
        let mut align = None;
        for a in &s.align {
            let v = match a {
                ast::AlignSpec::Type(tn) => {
                    let t = self.type_name(tn);
                    Some(self.types.align_of(&t))
                }
                ast::AlignSpec::Expr(e) => self.const_int(e).map(|v| v as u64),
            };
            if let Some(v) = v {
                align = Some(align.unwrap_or(0).max(v));
            }
        }
        for (t, _) in &s.types {
            if let TypeSpec::TypedefName(n) = t {
                if let Some(&a) = self.typedef_align.get(n) {
                    align = Some(align.unwrap_or(0).max(a));
                }
            }
        }
        let ty = qualify(ty, s.is_const, s.is_volatile, s.is_atomic);
        let vector = s
            .attrs
            .iter()
            .any(|a| a.name.trim_matches('_') == "vector_size")
            || s.types.iter().any(
                |(t, _)| matches!(t, TypeSpec::TypedefName(n) if self.vector_typedefs.contains(n)),
            );
        BaseType {
            vector,
            ty,
            storage,
            is_inline: s.is_inline,
            attrs: s.attrs.clone(),
            align,
            auto_type: s.types.iter().any(|(t, _)| matches!(t, TypeSpec::AutoType)),
            thread_local: s
                .storage
                .iter()
                .any(|(sc, _)| *sc == StorageClass::ThreadLocal),
        }
    }

    fn spec_type(&mut self, s: &DeclSpecs) -> Type {
        let (mut void, mut bool_, mut char_, mut short, mut int, mut long, mut float, mut double) =
            (0, 0, 0, 0, 0, 0, 0, 0);
        let (mut signed, mut unsigned) = (0, 0);
        let mut other: Option<Type> = None;
        let mut int128 = false;
        let mut complex = false;
        let mut loc = s.loc;
        for (ts, l) in &s.types {
            loc = *l;
            match ts {
                TypeSpec::Void => void += 1,
                TypeSpec::Bool => bool_ += 1,
                TypeSpec::Char => char_ += 1,
                TypeSpec::Short => short += 1,
                TypeSpec::Int => int += 1,
                TypeSpec::Long => long += 1,
                TypeSpec::Float => float += 1,
                TypeSpec::Double => double += 1,
                TypeSpec::Signed => signed += 1,
                TypeSpec::Unsigned => unsigned += 1,
                TypeSpec::Complex => complex = true,
                TypeSpec::Int128 => int128 = true,
                TypeSpec::VaList => other = Some(Type::new(TypeKind::VaList)),
                // The declarators give the type (`Sema::declared_type`).
                TypeSpec::AutoType => other = Some(Type::int()),
                TypeSpec::Struct(r) => other = Some(self.record_spec(r, false)),
                TypeSpec::Union(r) => other = Some(self.record_spec(r, true)),
                TypeSpec::Enum(e) => other = Some(self.enum_spec(e)),
                TypeSpec::TypedefName(n) => match self.lookup(n) {
                    Some(Symbol::Typedef(t)) => other = Some(t.clone()),
                    _ => {
                        self.error(*l, format!("unknown type name '{n}'"));
                        other = Some(Type::int());
                    }
                },
                TypeSpec::TypeofExpr(e) => {
                    let t = self.typeof_expr(e);
                    other = Some(t);
                }
                TypeSpec::TypeofType(tn) => {
                    // `typeof(int[n]) a;` in a block: `local_decl` evaluates the lengths.
                    let was = self.vla_ok;
                    self.vla_ok |= self.typeof_vla
                        && !tn
                            .decl
                            .derived
                            .iter()
                            .any(|d| matches!(d, ast::Derived::Function { .. }));
                    other = Some(self.type_name(tn));
                    self.vla_ok = was;
                }
                TypeSpec::Atomic(tn) => {
                    let mut t = self.type_name(tn);
                    t.is_atomic = true;
                    other = Some(t)
                }
            }
        }
        if complex {
            if long > 0 {
                return self.complex_type(super::complex::Prec::Long);
            }
            if void + bool_ + char_ + short + int + signed + unsigned > 0 || other.is_some() {
                self.error(loc, "_Complex of an integer type is not supported");
                return Type::int();
            }
            return self.complex_type(if float > 0 {
                super::complex::Prec::Float
            } else {
                super::complex::Prec::Double
            });
        }
        if int128 {
            if void + bool_ + char_ + short + int + long + float + double > 0 || other.is_some() {
                self.error(loc, "cannot combine with previous type specifier");
            }
            return self.int128_type(unsigned > 0);
        }
        let n_basic =
            void + bool_ + char_ + short + int + long + float + double + signed + unsigned;
        if let Some(t) = other {
            if n_basic > 0 {
                self.error(loc, "cannot combine with previous type specifier");
            }
            return t;
        }
        use TypeKind::*;
        let bad = |me: &mut Sema| {
            me.error(loc, "cannot combine with previous declaration specifier");
            Type::int()
        };
        if signed + unsigned > 1 || (void + bool_ + float + double > 0 && signed + unsigned > 0) {
            return bad(self);
        }
        let k = if void == 1 && n_basic == 1 {
            Void
        } else if bool_ == 1 && n_basic == 1 {
            Bool
        } else if float == 1 && n_basic == 1 {
            Float
        } else if double == 1 && long <= 1 && n_basic == 1 + long {
            if long == 1 {
                LongDouble
            } else {
                Double
            }
        } else if char_ == 1 && n_basic == 1 + signed + unsigned {
            if signed == 1 {
                SChar
            } else if unsigned == 1 {
                UChar
            } else {
                Char
            }
        } else if short == 1 && n_basic == 1 + int + signed + unsigned && int <= 1 {
            if unsigned == 1 {
                UShort
            } else {
                Short
            }
        } else if (1..=2).contains(&long) && n_basic == long + int + signed + unsigned && int <= 1 {
            match (long, unsigned) {
                (1, 0) => Long,
                (1, _) => ULong,
                (_, 0) => LongLong,
                _ => ULongLong,
            }
        } else if int <= 1 && n_basic == int + signed + unsigned && n_basic > 0 {
            if unsigned == 1 {
                UInt
            } else {
                Int
            }
        } else if n_basic == 0 {
            self.warning(loc, "type specifier missing, defaults to 'int'");
            Int
        } else {
            return bad(self);
        };
        Type::new(k)
    }

    /// The type of a declarator: applies pointers, arrays and functions to `base`.
    pub(crate) fn declarator_type(&mut self, base: &Type, d: &Declarator) -> Type {
        let mut t = base.clone();
        for der in d.derived.iter().rev() {
            t = match der {
                Derived::Pointer {
                    is_const,
                    is_volatile,
                    is_atomic,
                    ..
                } => Type {
                    kind: TypeKind::Pointer(Box::new(t)),
                    is_const: *is_const,
                    is_volatile: *is_volatile,
                    is_atomic: *is_atomic,
                },
                Derived::Array { size, .. } => {
                    if t.is_function() {
                        self.error(d.loc, "declared as array of functions");
                    }
                    let n = match size {
                        None => None,
                        Some(e) => match self.const_int_quiet(e) {
                            Some(v) if v < 0 => {
                                self.error(e.loc, "array has negative size");
                                Some(1)
                            }
                            Some(v) => Some(v as u64),
                            None => {
                                // Reports an error if the size expression itself is bad.
                                // A parameter's size may name earlier parameters, which
                                // are not in scope yet: it is never evaluated anyway.
                                if self.vla_param && self.vla_ok {
                                    // The outermost array of a parameter becomes a pointer.
                                    None
                                } else if self.check_expr_quiet(e) {
                                    if self.vla_ok && !self.vla_param {
                                        // A variable-length array: the declaration evaluates
                                        // the length into a frame slot when it runs.
                                        let slot = self.alloc_local(8, 8);
                                        self.vla_dims.push((slot, (**e).clone()));
                                        t = Type::new(TypeKind::Vla(Box::new(t), slot));
                                        continue;
                                    }
                                    let msg = if self.fcx.is_none() || self.scopes.is_empty() {
                                        "variable length array declaration not allowed at file scope"
                                    } else {
                                        "variable length array in this position is not supported (only in block-scope variables, typedefs, casts, sizeof and parameters)"
                                    };
                                    self.error(e.loc, msg);
                                    Some(1)
                                } else {
                                    Some(1)
                                }
                            }
                        },
                    };
                    if let Some(n) = n {
                        let es = self.types.size_of(&t).max(1);
                        if n.checked_mul(es).is_none_or(|b| b >= 1 << 40) {
                            self.error(d.loc, format!("array is too large ({n} elements)"));
                            return Type::int();
                        }
                    }
                    if !t.is_function()
                        && !self.types.is_complete(&t)
                        && !t.is_void()
                        && !self.vla_param
                    {
                        if let TypeKind::Array(_, None) = t.kind {
                            self.error(d.loc, "array has incomplete element type");
                        }
                    }
                    Type::new(TypeKind::Array(Box::new(t), n))
                }
                Derived::Function {
                    params,
                    variadic,
                    ident_list,
                } => {
                    if t.is_function() {
                        self.error(d.loc, "function cannot return function type");
                    } else if t.is_array() {
                        self.error(d.loc, "function cannot return array type");
                    }
                    let mut ps = Vec::new();
                    let unprototyped = params.is_empty() && ident_list.is_none() && !*variadic;
                    let mut unproto = unprototyped;
                    if let Some(ids) = ident_list {
                        // K&R: parameter types come from the declarations; default int.
                        ps = ids.iter().map(|_| Type::int()).collect();
                        unproto = true;
                    }
                    let void_only = params.len() == 1
                        && params[0].decl.name.is_none()
                        && params[0].decl.derived.is_empty()
                        && matches!(params[0].specs.types.as_slice(), [(TypeSpec::Void, _)]);
                    if !void_only {
                        for p in params {
                            let pt = self.param_type(p);
                            ps.push(pt);
                        }
                    }
                    Type::new(TypeKind::Function(Box::new(FnType {
                        ret: t.unqual(),
                        params: ps,
                        variadic: *variadic,
                        unprototyped: unproto,
                    })))
                }
            };
        }
        t
    }

    /// A parameter's type after adjustment (arrays and functions to pointers).
    pub(crate) fn param_type(&mut self, p: &ast::ParamDecl) -> Type {
        let b = self.base_type(&p.specs);
        // `int a[n]` as a parameter is a pointer: the size is not evaluated. Nor are the
        // lengths of `int a[][n]` or `int (*a)[n]` in the function's type (`int (*)[]`);
        // the definition gives the parameter its run-time type (`func_def_inner`).
        let arrays = p
            .decl
            .derived
            .iter()
            .all(|d| matches!(d, Derived::Array { .. } | Derived::Pointer { .. }));
        let was = (self.vla_ok, self.vla_param);
        self.vla_ok = arrays;
        self.vla_param = true;
        let t = self.declarator_type(&b.ty, &p.decl);
        self.vla_ok = was.0;
        self.vla_param = was.1;
        adjust_param(t)
    }

    pub(crate) fn type_name(&mut self, tn: &ast::TypeName) -> Type {
        let b = self.base_type(&tn.specs);
        self.declarator_type(&b.ty, &tn.decl)
    }

    fn record_spec(&mut self, r: &ast::RecordSpec, is_union: bool) -> Type {
        let mk = |id| {
            if is_union {
                Type::new(TypeKind::Union(id))
            } else {
                Type::new(TypeKind::Struct(id))
            }
        };
        let kw = if is_union { "union" } else { "struct" };
        let existing = r.name.as_ref().and_then(|n| self.lookup_tag(n));
        let Some(fields) = &r.fields else {
            // A reference: `struct S`. Declares an incomplete type if unknown.
            if let Some((Tag::Record(id, u), _)) = existing {
                if u != is_union {
                    self.error(
                        r.loc,
                        format!(
                            "use of '{}' with tag type that does not match previous declaration",
                            r.name.clone().unwrap_or_default()
                        ),
                    );
                }
                return mk(id);
            }
            let id = self.new_record(Record {
                is_union,
                tag: r.name.clone(),
                typedef_name: None,
                layout: None,
            });
            if let Some(n) = &r.name {
                self.declare_tag(n, Tag::Record(id, is_union));
            }
            return mk(id);
        };
        // A definition: reuse an incomplete record of this scope, else a new one.
        let here = r.name.as_ref().and_then(|n| self.tag_in_current_scope(n));
        let id = match (here, &r.name) {
            (Some(Tag::Record(id, u)), Some(n)) if u == is_union => {
                if self.types.records[id as usize].layout.is_some() {
                    // Same definition again (REPL re-pasting a header) is allowed if identical.
                    let new_layout = self.layout(fields, is_union, &r.attrs);
                    if self.types.records[id as usize].layout.as_ref() == Some(&new_layout) {
                        return mk(id);
                    }
                    self.error(r.loc, format!("redefinition of '{kw} {n}'"));
                    return mk(id);
                }
                id
            }
            (Some(_), Some(n)) => {
                self.error(
                    r.loc,
                    format!("use of '{n}' with tag type that does not match previous declaration"),
                );
                return mk(self.new_record(Record {
                    is_union,
                    tag: r.name.clone(),
                    typedef_name: None,
                    layout: None,
                }));
            }
            _ => {
                let id = self.new_record(Record {
                    is_union,
                    tag: r.name.clone(),
                    typedef_name: None,
                    layout: None,
                });
                if let Some(n) = &r.name {
                    self.declare_tag(n, Tag::Record(id, is_union));
                }
                id
            }
        };
        let layout = self.layout(fields, is_union, &r.attrs);
        let mut rec = self.types.records[id as usize].clone();
        rec.layout = Some(layout);
        self.set_record(id, rec);
        mk(id)
    }

    /// The storage unit a bit-field at `bit`, `w` of type `ty` is accessed through: its
    /// type, or for a packed field that straddles its type's size, an 8-byte integer
    /// (which a field of 8 bytes may still overrun by a byte: see `ir::bits`).
    pub(crate) fn bitfield_unit(&self, ty: &Type, bit: u32, w: u32) -> Type {
        if u64::from(bit + w) <= self.types.size_of(ty) * 8 {
            return ty.clone();
        }
        let mut u = Type::new(if ty.is_signed() {
            TypeKind::LongLong
        } else {
            TypeKind::ULongLong
        });
        u.is_volatile = ty.is_volatile;
        u.is_const = ty.is_const;
        u
    }

    /// Lays out members as GCC does on x86-64.
    fn layout(
        &mut self,
        fields: &[ast::FieldDecl],
        is_union: bool,
        attrs: &[ast::Attribute],
    ) -> RecordLayout {
        let packed = attrs.iter().any(|a| a.name.trim_matches('_') == "packed");
        let mut out: Vec<Field> = Vec::new();
        let mut bit_pos: u64 = 0; // in bits
        let mut size: u64 = 0;
        let mut align: u64 = 1;
        let mut flexible = false;
        let nfields = fields
            .iter()
            .filter(|f| f.pack.is_none())
            .map(|f| f.declarators.len().max(1))
            .sum::<usize>();
        let mut idx = 0;
        for fd in fields {
            if let Some(p) = fd.pack {
                self.apply_pack(p);
                continue;
            }
            let b = self.base_type(&fd.specs);
            let fpacked = packed
                || self.pack == 1
                || fd
                    .specs
                    .attrs
                    .iter()
                    .any(|a| a.name.trim_matches('_') == "packed");
            let decls: Vec<Option<&ast::FieldDeclarator>> = if fd.declarators.is_empty() {
                vec![None]
            } else {
                fd.declarators.iter().map(Some).collect()
            };
            for fdecl in decls {
                idx += 1;
                let (name, ty, width, loc) = match fdecl {
                    None => {
                        // Anonymous struct/union member (C11), else a useless declaration.
                        if !b.ty.is_record() {
                            self.warning(fd.loc, "declaration does not declare anything");
                            continue;
                        }
                        (None, b.ty.clone(), None, fd.loc)
                    }
                    Some(fdl) => {
                        let ty = match &fdl.decl {
                            Some(d) => self.declarator_type(&b.ty, d),
                            None => b.ty.clone(),
                        };
                        let name = fdl
                            .decl
                            .as_ref()
                            .and_then(|d| d.name.as_ref().map(|n| n.0.clone()));
                        let width = match &fdl.bit_width {
                            Some(e) => self.const_int(e),
                            None => None,
                        };
                        (
                            name,
                            ty,
                            width
                                .map(|w| w.max(0) as u64)
                                .or(fdl.bit_width.as_ref().map(|_| 1)),
                            fdl.loc,
                        )
                    }
                };
                let mut falign = if fpacked { 1 } else { self.types.align_of(&ty) };
                if self.pack > 0 {
                    // `#pragma pack(N)`: no member is aligned more than N.
                    falign = falign.min(self.pack as u64);
                }
                if let Some(fdl) = fdecl.and_then(|f| f.decl.as_ref()) {
                    for a in &fdl.attrs {
                        if a.name.trim_matches('_') == "aligned" {
                            let v =
                                a.args.first().and_then(|e| self.const_int(e)).unwrap_or(16) as u64;
                            falign = falign.max(v);
                        }
                    }
                }
                // `aligned(N)` before the type or between type and name, `_Alignas`, an
                // aligned typedef: the member starts at such a boundary (a bit-field too).
                let mut explicit = b.align;
                for a in &b.attrs {
                    if a.name.trim_matches('_') == "aligned" {
                        let v = a.args.first().and_then(|e| self.const_int(e)).unwrap_or(16) as u64;
                        explicit = Some(explicit.unwrap_or(0).max(v));
                    }
                }
                if let Some(fdl) = fdecl.and_then(|f| f.decl.as_ref()) {
                    for a in &fdl.attrs {
                        if a.name.trim_matches('_') == "aligned" {
                            let v =
                                a.args.first().and_then(|e| self.const_int(e)).unwrap_or(16) as u64;
                            explicit = Some(explicit.unwrap_or(0).max(v));
                        }
                    }
                }
                if let Some(a) = explicit {
                    falign = falign.max(a);
                }
                let fsize = self.types.size_of(&ty);
                if ty.has_vla() {
                    self.error(loc, "fields must have a constant size: 'variable length array in structure' extension will never be supported");
                    continue;
                }
                if ty.is_function() {
                    self.error(loc, "field has function type");
                    continue;
                }
                let incomplete = !self.types.is_complete(&ty);
                if incomplete {
                    if let TypeKind::Array(_, None) = ty.kind {
                        if idx == nfields && !is_union {
                            flexible = true;
                        } else {
                            self.error(loc, "flexible array member must be the last member");
                        }
                    } else {
                        self.error(
                            loc,
                            format!("field has incomplete type '{}'", self.types.type_name(&ty)),
                        );
                        continue;
                    }
                }
                if let Some(w) = width {
                    // Bit-field (GCC): placed in the storage unit of its type that contains
                    // the current bit position, unless it would straddle a unit boundary.
                    if !ty.is_integer() {
                        self.error(loc, "bit-field has non-integral type");
                        continue;
                    }
                    let unit_bits = fsize * 8;
                    if w > unit_bits {
                        self.error(loc, "width of bit-field exceeds the width of its type");
                        continue;
                    }
                    if is_union {
                        bit_pos = 0;
                    }
                    if w == 0 {
                        bit_pos = bit_pos.div_ceil(unit_bits) * unit_bits;
                        continue;
                    }
                    if let Some(a) = explicit.filter(|_| !is_union) {
                        bit_pos = bit_pos.div_ceil(a * 8) * (a * 8);
                    }
                    if !fpacked && (bit_pos % unit_bits) + w > unit_bits {
                        bit_pos = bit_pos.div_ceil(unit_bits) * unit_bits;
                    }
                    let unit_off = if fpacked {
                        bit_pos / 8
                    } else {
                        bit_pos / unit_bits * fsize
                    };
                    let bit_in = (bit_pos - unit_off * 8) as u32;
                    if name.is_some() {
                        align = align.max(falign);
                    }
                    out.push(Field {
                        name,
                        ty,
                        offset: unit_off,
                        bits: Some((bit_in, w as u32)),
                    });
                    bit_pos += w;
                    size = size.max(bit_pos.div_ceil(8));
                    if is_union {
                        bit_pos = 0;
                    }
                    continue;
                }
                align = align.max(falign);
                let off = if is_union {
                    0
                } else {
                    bit_pos.div_ceil(8).div_ceil(falign) * falign
                };
                out.push(Field {
                    name,
                    ty,
                    offset: off,
                    bits: None,
                });
                if is_union {
                    size = size.max(fsize);
                } else {
                    bit_pos = (off + fsize) * 8;
                    size = off + fsize;
                }
            }
        }
        for a in attrs {
            if a.name.trim_matches('_') == "aligned" {
                let v = a.args.first().and_then(|e| self.const_int(e)).unwrap_or(16) as u64;
                align = align.max(v);
            }
        }
        let size = size.max(bit_pos.div_ceil(8));
        let size = size.div_ceil(align) * align;
        RecordLayout {
            fields: out,
            size,
            align,
            flexible,
        }
    }

    fn enum_spec(&mut self, e: &ast::EnumSpec) -> Type {
        let existing = e.name.as_ref().and_then(|n| self.lookup_tag(n));
        let Some(items) = &e.items else {
            if let Some((Tag::Enum(id), _)) = existing {
                return Type::new(TypeKind::Enum(id, self.enum_unsigned(id)));
            }
            // Forward reference to an enum (GNU): an incomplete enum, treated as int.
            let id = self.new_enum(EnumDef {
                tag: e.name.clone(),
                typedef_name: None,
                items: vec![],
            });
            if let Some(n) = &e.name {
                self.declare_tag(n, Tag::Enum(id));
            }
            return Type::new(TypeKind::Enum(id, false));
        };
        let here = e.name.as_ref().and_then(|n| self.tag_in_current_scope(n));
        let id = match here {
            Some(Tag::Enum(id)) if self.types.enums[id as usize].items.is_empty() => id,
            Some(Tag::Enum(id)) => {
                self.error(
                    e.loc,
                    format!(
                        "redefinition of 'enum {}'",
                        e.name.clone().unwrap_or_default()
                    ),
                );
                id
            }
            _ => {
                let id = self.new_enum(EnumDef {
                    tag: e.name.clone(),
                    typedef_name: None,
                    items: vec![],
                });
                if let Some(n) = &e.name {
                    self.declare_tag(n, Tag::Enum(id));
                }
                id
            }
        };
        let mut next: i64 = 0;
        let mut list = Vec::new();
        for it in items {
            if let Some(v) = &it.value {
                if let Some(v) = self.const_int(v) {
                    next = v;
                }
            }
            if let Some(Symbol::EnumConst(_)) | Some(Symbol::Var(_)) | Some(Symbol::Func(_)) =
                self.lookup_current(&it.name)
            {
                if !(self.scopes.is_empty() && self.mode == super::Mode::Repl) {
                    self.error(it.loc, format!("redefinition of enumerator '{}'", it.name));
                }
            }
            self.declare(&it.name, Symbol::EnumConst(next));
            list.push((it.name.clone(), next));
            next = next.wrapping_add(1);
        }
        self.types.enums[id as usize].items = list;
        self.touch_enum(id);
        Type::new(TypeKind::Enum(id, self.enum_unsigned(id)))
    }

    /// GCC's choice: an enum whose enumerators are all non-negative is unsigned.
    fn enum_unsigned(&self, id: ir::EnumId) -> bool {
        let items = &self.types.enums[id as usize].items;
        !items.is_empty() && items.iter().all(|(_, v)| *v >= 0)
    }

    /// Names an anonymous struct/union/enum after the first typedef that names it.
    pub(crate) fn name_by_typedef(&mut self, t: &Type, name: &str) {
        match t.kind {
            TypeKind::Struct(id) | TypeKind::Union(id) => {
                let r = &self.types.records[id as usize];
                if r.tag.is_none() && r.typedef_name.is_none() {
                    let mut r = r.clone();
                    r.typedef_name = Some(name.to_string());
                    self.set_record(id, r);
                }
            }
            TypeKind::Enum(id, _) => {
                let e = &mut self.types.enums[id as usize];
                if e.tag.is_none() && e.typedef_name.is_none() {
                    e.typedef_name = Some(name.to_string());
                    self.touch_enum(id);
                }
            }
            _ => {}
        }
    }

    /// Finds a member by name, looking into anonymous members. Returns (offset, field).
    pub(crate) fn find_field(&self, rid: ir::RecordId, name: &str) -> Option<(u64, Field)> {
        let l = self.types.records[rid as usize].layout.as_ref()?;
        for f in &l.fields {
            match &f.name {
                Some(n) if n == name => return Some((f.offset, f.clone())),
                None if f.bits.is_none() => {
                    if let TypeKind::Struct(id) | TypeKind::Union(id) = f.ty.kind {
                        if let Some((o, g)) = self.find_field(id, name) {
                            return Some((f.offset + o, g));
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// Parameter adjustment: array of T -> pointer to T, function -> pointer to function.
pub(crate) fn adjust_param(t: Type) -> Type {
    match t.kind {
        // va_list is an array type on x86-64: a parameter is a pointer to it.
        TypeKind::VaList => Type::ptr_to(t),
        TypeKind::Array(e, _) | TypeKind::Vla(e, _) => Type {
            kind: TypeKind::Pointer(e),
            is_const: t.is_const,
            is_volatile: t.is_volatile,
            is_atomic: t.is_atomic,
        },
        TypeKind::Function(_) => Type::ptr_to(t),
        _ => t,
    }
}

/// `t` with qualifiers added; on an array type (a typedef) they apply to the elements
/// (C11 6.7.3p9).
pub(crate) fn qualify(t: Type, c: bool, v: bool, a: bool) -> Type {
    match t.kind {
        TypeKind::Array(e, n) => Type {
            kind: TypeKind::Array(Box::new(qualify(*e, c, v, a)), n),
            ..t
        },
        TypeKind::Vla(e, n) => Type {
            kind: TypeKind::Vla(Box::new(qualify(*e, c, v, a)), n),
            ..t
        },
        _ => Type {
            is_const: t.is_const || c,
            is_volatile: t.is_volatile || v,
            is_atomic: t.is_atomic || a,
            ..t
        },
    }
}

/// The composite type of two compatible types (C11 6.2.7p3): an array's known length, a
/// function's prototype, recursively; the qualifiers of `a`.
pub(crate) fn composite(a: &Type, b: &Type) -> Type {
    use TypeKind::*;
    let kind = match (&a.kind, &b.kind) {
        (Pointer(x), Pointer(y)) => Pointer(Box::new(composite(x, y))),
        (Array(x, n), Array(y, m)) => Array(Box::new(composite(x, y)), n.or(*m)),
        (Function(f), Function(g)) => {
            let (p, q) = if f.unprototyped { (g, f) } else { (f, g) };
            let mut r = (**p).clone();
            r.ret = composite(&p.ret, &q.ret);
            if !q.unprototyped && p.params.len() == q.params.len() {
                r.params = p
                    .params
                    .iter()
                    .zip(&q.params)
                    .map(|(x, y)| composite(x, y))
                    .collect();
            }
            Function(Box::new(r))
        }
        _ => a.kind.clone(),
    };
    Type { kind, ..a.clone() }
}

/// Types compatible for redeclaration and `_Generic` (C11 6.2.7), qualifiers included.
/// Within one translation unit a struct, union or enum is compatible only with itself.
pub(crate) fn compatible(a: &Type, b: &Type) -> bool {
    Compat::within_unit().qual(a, b)
}

/// `compatible`, ignoring the top-level qualifiers.
pub(crate) fn compatible_unqual(a: &Type, b: &Type) -> bool {
    Compat::within_unit().unqual(a, b)
}

/// C11 6.2.7 compatibility. Across translation units (`types` given) two structs, unions
/// or enums are compatible when they have the same tag and, if both are complete, the same
/// members in the same order with compatible types (records: the same bit-field widths
/// and offsets, names aside; enums: the same enumerators and values). Recursive types are
/// compared coinductively: a pair of records being compared is assumed compatible.
pub(crate) struct Compat<'a> {
    types: Option<&'a TypeTable>,
    assumed: Vec<(bool, u32, u32)>,
}

impl<'a> Compat<'a> {
    pub(crate) fn within_unit() -> Compat<'static> {
        Compat {
            types: None,
            assumed: Vec::new(),
        }
    }

    pub(crate) fn across_units(types: &'a TypeTable) -> Compat<'a> {
        Compat {
            types: Some(types),
            assumed: Vec::new(),
        }
    }

    pub(crate) fn qual(&mut self, a: &Type, b: &Type) -> bool {
        a.is_const == b.is_const && a.is_volatile == b.is_volatile && self.unqual(a, b)
    }

    pub(crate) fn unqual(&mut self, a: &Type, b: &Type) -> bool {
        use TypeKind::*;
        match (&a.kind, &b.kind) {
            (Pointer(x), Pointer(y)) => self.qual(x, y),
            (Array(x, n), Array(y, m)) => self.qual(x, y) && (n.is_none() || m.is_none() || n == m),
            // A variable-length array is compatible with any array of a compatible element.
            (Vla(x, _), Array(y, _)) | (Array(x, _), Vla(y, _)) | (Vla(x, _), Vla(y, _)) => {
                self.qual(x, y)
            }
            (Function(f), Function(g)) => {
                self.qual(&f.ret, &g.ret)
                    && (f.unprototyped
                        || g.unprototyped
                        || (f.variadic == g.variadic
                            && f.params.len() == g.params.len()
                            && f.params
                                .iter()
                                .zip(&g.params)
                                .all(|(x, y)| self.unqual(x, y))))
            }
            (Enum(_, false), Int)
            | (Int, Enum(_, false))
            | (Enum(_, true), UInt)
            | (UInt, Enum(_, true)) => true,
            // A forward-declared enum (GNU) is the same type once its enumerators are known.
            (Enum(x, _), Enum(y, _)) => x == y || self.enums(*x, *y),
            (Struct(x), Struct(y)) => x == y || self.records(false, *x, *y),
            (Union(x), Union(y)) => x == y || self.records(true, *x, *y),
            (x, y) => x == y,
        }
    }

    fn records(&mut self, is_union: bool, x: u32, y: u32) -> bool {
        let Some(types) = self.types else {
            return false;
        };
        if self.assumed.contains(&(is_union, x, y)) {
            return true;
        }
        let (Some(r), Some(s)) = (types.records.get(x as usize), types.records.get(y as usize))
        else {
            return false;
        };
        if r.tag != s.tag {
            return false;
        }
        let (Some(l), Some(m)) = (&r.layout, &s.layout) else {
            return true;
        };
        if l.fields.len() != m.fields.len() || l.size != m.size || l.align != m.align {
            return false;
        }
        self.assumed.push((is_union, x, y));
        // Member names may differ: glibc's `struct tm` has `tm_gmtoff` or `__tm_gmtoff`
        // depending on the feature macros a unit defines, and a program's units need not
        // agree on those (a linker never compares names; the layout is what must match).
        let ok = l
            .fields
            .iter()
            .zip(&m.fields)
            .all(|(f, g)| f.offset == g.offset && f.bits == g.bits && self.qual(&f.ty, &g.ty));
        self.assumed.pop();
        ok
    }

    fn enums(&mut self, x: u32, y: u32) -> bool {
        let Some(types) = self.types else {
            return false;
        };
        match (types.enums.get(x as usize), types.enums.get(y as usize)) {
            (Some(e), Some(f)) => {
                e.tag == f.tag && (e.items == f.items || e.items.is_empty() || f.items.is_empty())
            }
            _ => false,
        }
    }
}
