//! Declarations: file scope (globals, functions, typedefs), block scope (locals, static
//! locals), function definitions, `_Static_assert`.

use super::expr::R;
use super::init::init_loc;
use super::types::{compatible, compatible_unqual};
use super::{FnCtx, FuncSym, Mode, Place, Sema, Symbol, VarSym};
use crate::ast::{self, Derived, StorageClass};
use crate::source::Loc;
use ir::{Expr, ExprKind as K, FuncId, Type, TypeKind};

fn attr_prio(attrs: &[ast::Attribute], sema: &mut Sema, name: &str) -> Option<i32> {
    for a in attrs {
        if a.name.trim_matches('_') == name {
            let p = a
                .args
                .first()
                .and_then(|e| sema.const_int(e))
                .unwrap_or(65535);
            return Some(p as i32);
        }
    }
    None
}

/// C11 6.7.6.3p15: a declaration without a prototype (`int f();`, or an implicit one)
/// and a prototype agree only if the prototype has no `...` and no parameter that default
/// promotions would change (`char`, `short`, `float`, `_Bool`). The callers of the
/// unprototyped one pass promoted arguments, in registers a variadic callee would not read
/// as named ones.
fn unprototyped_matches(a: &Type, b: &Type) -> bool {
    let (Some(f), Some(g)) = (a.fn_type(), b.fn_type()) else {
        return true;
    };
    let proto = match (f.unprototyped, g.unprototyped) {
        (true, false) if f.params.is_empty() => g,
        (false, true) if g.params.is_empty() => f,
        _ => return true,
    };
    !proto.variadic
        && proto.params.iter().all(|p| {
            !matches!(
                p.kind,
                TypeKind::Bool
                    | TypeKind::Char
                    | TypeKind::SChar
                    | TypeKind::UChar
                    | TypeKind::Short
                    | TypeKind::UShort
                    | TypeKind::Float
            )
        })
}

/// The object of type `t` in the frame buffer at `buf` (`Sema::aligned_buffer`): the
/// buffer's address rounded up to `align`, computed where it is used, so it needs no
/// statement to run first (a `goto` may jump past a declaration).
pub(crate) fn aligned_place(buf: u32, align: u64, t: &Type) -> Expr {
    let ulong = Type::new(TypeKind::ULong);
    let pointee = t.elem().cloned().unwrap_or_else(|| t.clone());
    let pty = Type::ptr_to(pointee);
    let start = super::expr::convert(
        Expr::new(
            K::AddrOf(Box::new(Expr::new(K::Local(buf), t.clone()))),
            Type::ptr_to(t.clone()),
        ),
        &ulong,
    );
    let konst = |v: u64| Expr::new(K::Int(v as i64), ulong.clone());
    let bin = |op, a: Expr, b: Expr| {
        Expr::new(
            K::Binary {
                op,
                op_ty: ir::Scalar::U64,
                lhs: Box::new(a),
                rhs: Box::new(b),
            },
            ulong.clone(),
        )
    };
    let rounded = bin(
        ir::BinOp::And,
        bin(ir::BinOp::Add, start, konst(align - 1)),
        konst(!(align - 1)),
    );
    let at = super::expr::convert(rounded, &pty);
    Expr::new(K::Deref(Box::new(at)), t.clone())
}

/// The target named by an `alias("name")` attribute, if any.
fn alias_target<'a>(mut attrs: impl Iterator<Item = &'a ast::Attribute>) -> Option<String> {
    let a = attrs.find(|a| a.name.trim_matches('_') == "alias")?;
    str_lit_text(a.args.first()?)
}

/// A narrow string literal's text.
fn str_lit_text(e: &ast::Expr) -> Option<String> {
    match &e.kind {
        ast::ExprKind::StrLit { units, .. } => Some(
            units
                .iter()
                .take_while(|u| **u != 0)
                .map(|u| char::from(*u as u8))
                .collect(),
        ),
        _ => None,
    }
}

/// What a caller without a prototype passes for a K&R parameter declared `t`: the
/// default argument promotions (C11 6.5.2.2p6).
fn knr_passed(t: &Type) -> Type {
    match t.kind {
        TypeKind::Float => Type::new(TypeKind::Double),
        _ if t.is_integer() => super::expr::promote(&t.unqual()),
        _ => t.clone(),
    }
}

/// The alignment of a frame's base in every tier (the interpreter's `push_frame` and
/// compiled prologues): locals aligned more need `Sema::overaligned_local`.
pub(crate) const FRAME_ALIGN: u64 = 16;

impl Sema {
    pub(crate) fn static_assert(&mut self, sa: &ast::StaticAssert) {
        if let Some(v) = self.const_int(&sa.cond) {
            if v == 0 {
                let msg = sa
                    .msg
                    .as_ref()
                    .map(|m| format!(" \"{}\"", String::from_utf8_lossy(m)))
                    .unwrap_or_default();
                self.error(sa.loc, format!("static assertion failed{msg}"));
            }
        }
    }

    /// Declares (or redeclares) a function at file scope. Returns its id.
    pub(crate) fn declare_function(
        &mut self,
        name: &str,
        t: &Type,
        asm: Option<&str>,
        loc: Loc,
    ) -> R<FuncId> {
        self.link_external(name, t, loc, false)?;
        match self.global_sym(name).cloned() {
            Some(Symbol::Func(f)) => {
                if !compatible_unqual(&f.ty, t) || !unprototyped_matches(&f.ty, t) {
                    if f.implicit {
                        // GCC: a warning, and the new type from here on.
                        self.warning(
                            loc,
                            format!(
                                "conflicting types for built-in function '{name}'; expected '{}'",
                                self.types.type_name(&f.ty)
                            ),
                        );
                        self.declare_global(
                            name,
                            Symbol::Func(FuncSym {
                                ty: t.clone(),
                                implicit: false,
                                ..f.clone()
                            }),
                        );
                        return Ok(f.id);
                    }
                    self.error(loc, format!("conflicting types for '{name}'"));
                    return Err(());
                }
                // Keep the prototype if the new declaration has none.
                let keep_old = t.fn_type().is_some_and(|ft| ft.unprototyped)
                    && !f.ty.fn_type().unwrap().unprototyped;
                if !keep_old && f.ty != *t {
                    self.declare_global(
                        name,
                        Symbol::Func(FuncSym {
                            ty: t.clone(),
                            implicit: false,
                            ..f.clone()
                        }),
                    );
                }
                Ok(f.id)
            }
            Some(_) => {
                self.error(
                    loc,
                    format!("redefinition of '{name}' as different kind of symbol"),
                );
                Err(())
            }
            None => {
                let id = self.new_func_id();
                let fty = t.fn_type().unwrap().clone();
                self.module.func_decls.push(ir::FuncDecl {
                    id,
                    name: name.to_string(),
                    symbol: asm.unwrap_or(name).to_string(),
                    ty: fty,
                });
                self.declare_global(
                    name,
                    Symbol::Func(FuncSym {
                        id,
                        ty: t.clone(),
                        defined: false,
                        defined_in: None,
                        implicit: false,
                    }),
                );
                Ok(id)
            }
        }
    }

    pub(crate) fn file_decl(&mut self, d: &ast::Declaration) {
        let base = self.base_type(&d.specs);
        if d.declarators.is_empty() {
            if base.storage == Some(StorageClass::Typedef) {
                self.warning(d.loc, "typedef requires a name");
            } else if !matches!(
                d.specs.types.first(),
                Some((
                    ast::TypeSpec::Struct(_) | ast::TypeSpec::Union(_) | ast::TypeSpec::Enum(_),
                    _
                ))
            ) {
                self.warning(d.loc, "declaration does not declare anything");
            }
            return;
        }
        for id in &d.declarators {
            let _ = self.file_declarator(&base, id);
        }
    }

    fn file_declarator(
        &mut self,
        base: &super::types::BaseType,
        id: &ast::InitDeclarator,
    ) -> R<()> {
        let Some((name, nloc)) = id.decl.name.clone() else {
            self.error(id.loc, "declaration does not declare anything");
            return Err(());
        };
        let t = self.declared_type(base, id)?;
        if base.storage == Some(StorageClass::Typedef) {
            self.note_typedef_align(&name, &t, base, &id.decl.attrs);
            return self.typedef_decl(&name, t, nloc, id.init.is_some());
        }
        // `__attribute__((alias("target")))`: another name for a definition of this unit.
        if let Some(target) = alias_target(base.attrs.iter().chain(&id.decl.attrs)) {
            return match self.global_sym(&target).cloned() {
                Some(sym @ Symbol::Func(_)) if t.is_function() => {
                    self.declare_global(&name, sym);
                    Ok(())
                }
                Some(Symbol::Var(v)) if !t.is_function() => {
                    self.declare_global(&name, Symbol::Var(VarSym { ty: t, ..v }));
                    Ok(())
                }
                _ => {
                    self.error(
                        nloc,
                        format!("alias must point to a defined variable or function ('{target}')"),
                    );
                    Err(())
                }
            };
        }
        self.link_external(&name, &t, nloc, base.storage == Some(StorageClass::Static))?;
        if t.is_function() {
            if id.init.is_some() {
                self.error(
                    nloc,
                    "illegal initializer (only variables can be initialized)",
                );
                return Err(());
            }
            self.declare_function(&name, &t, id.decl.asm_label.as_deref(), nloc)?;
            return Ok(());
        }
        if matches!(
            base.storage,
            Some(StorageClass::Auto) | Some(StorageClass::Register)
        ) {
            self.error(nloc, "illegal storage class on file-scoped variable");
            return Err(());
        }
        // `extern int a[4]; int a[] = {1, 2};`: the composite type has the known length.
        let t = match (&t.kind, self.global_sym(&name)) {
            (TypeKind::Array(_, None), Some(Symbol::Var(v)))
                if matches!(v.ty.kind, TypeKind::Array(_, Some(_)))
                    && compatible_unqual(&v.ty, &t) =>
            {
                super::types::composite(&v.ty, &t)
            }
            _ => t,
        };
        let t = match &id.init {
            Some(init) => self.complete_array_type(&t, init),
            None => t,
        };
        let is_extern = base.storage == Some(StorageClass::Extern) && id.init.is_none();
        let existing = self.global_sym(&name).cloned();
        if is_extern {
            match existing {
                Some(Symbol::Var(v)) => {
                    if !compatible(&v.ty.unqual(), &t.unqual()) && !compatible_unqual(&v.ty, &t) {
                        self.error(
                            nloc,
                            format!(
                                "redeclaration of '{name}' with a different type: '{}' vs '{}'",
                                self.types.type_name(&t),
                                self.types.type_name(&v.ty)
                            ),
                        );
                        return Err(());
                    }
                }
                Some(_) => {
                    self.error(
                        nloc,
                        format!("redefinition of '{name}' as different kind of symbol"),
                    );
                    return Err(());
                }
                None => {
                    let gid = self.new_global_id();
                    self.extern_only.push(gid);
                    let sym = asm_or(&id.decl, &name);
                    let _ = sym;
                    self.declare_global(
                        &name,
                        Symbol::Var(VarSym {
                            ty: t,
                            place: Place::Global {
                                id: gid,
                                defined: false,
                                tentative: false,
                            },
                        }),
                    );
                }
            }
            return Ok(());
        }
        if !self.types.is_complete(&t) {
            // `int a[];` at file scope is a tentative definition of one element (GCC warns).
            if let TypeKind::Array(e, None) = &t.kind {
                if id.init.is_none() && self.types.is_complete(e) {
                    let req = self.requested_align(base, &id.decl.attrs);
                    return self.define_global(
                        &name,
                        t,
                        None,
                        nloc,
                        existing,
                        (req, base.thread_local),
                    );
                }
            }
            self.error(
                nloc,
                format!(
                    "variable has incomplete type '{}'",
                    self.types.type_name(&t)
                ),
            );
            return Err(());
        }
        let req = self.requested_align(base, &id.decl.attrs);
        self.define_global(
            &name,
            t,
            id.init.as_ref(),
            nloc,
            existing,
            (req, base.thread_local),
        )
    }

    /// `typedef T name __attribute__((aligned(N)))`: objects and members declared with the
    /// typedef name are aligned to N.
    fn note_typedef_align(
        &mut self,
        name: &str,
        t: &Type,
        base: &super::types::BaseType,
        attrs: &[ast::Attribute],
    ) {
        let req = self.requested_align(base, attrs);
        if req > self.types.align_of(t) {
            self.typedef_align.insert(name.to_string(), req);
        } else {
            self.typedef_align.remove(name);
        }
    }

    /// The alignment a declaration asks for beyond its type's (1 if none): `_Alignas` and
    /// `__attribute__((aligned(N)))` on the specifiers or the declarator.
    fn requested_align(
        &mut self,
        base: &super::types::BaseType,
        decl_attrs: &[ast::Attribute],
    ) -> u64 {
        let mut align = base.align.unwrap_or(1);
        for a in base.attrs.iter().chain(decl_attrs) {
            if a.name.trim_matches('_') == "aligned" {
                let v = a.args.first().and_then(|e| self.const_int(e)).unwrap_or(16);
                align = align.max(v.max(1) as u64);
            }
        }
        align
    }

    fn typedef_decl(&mut self, name: &str, t: Type, loc: Loc, has_init: bool) -> R<()> {
        if has_init {
            self.error(
                loc,
                "illegal initializer (only variables can be initialized)",
            );
            return Err(());
        }
        match self.lookup_current(name).cloned() {
            Some(Symbol::Typedef(old)) if !compatible(&old, &t) => {
                self.error(
                    loc,
                    format!(
                        "typedef redefinition with different types ('{}' vs '{}')",
                        self.types.type_name(&t),
                        self.types.type_name(&old)
                    ),
                );
                return Err(());
            }
            // C11 6.7p3: a typedef may be redefined to the same type.
            Some(Symbol::Typedef(_)) => {}
            Some(_) if self.scopes.is_empty() && self.mode == Mode::Script => {
                self.error(
                    loc,
                    format!("redefinition of '{name}' as different kind of symbol"),
                );
                return Err(());
            }
            _ => {}
        }
        self.name_by_typedef(&t, name);
        self.declare(name, Symbol::Typedef(t));
        Ok(())
    }

    fn define_global(
        &mut self,
        name: &str,
        t: Type,
        init: Option<&ast::Initializer>,
        loc: Loc,
        existing: Option<Symbol>,
        (req_align, thread_local): (u64, bool),
    ) -> R<()> {
        let mut reuse = None;
        match existing {
            Some(Symbol::Var(v)) => {
                let Place::Global {
                    id,
                    defined,
                    tentative,
                } = v.place
                else {
                    unreachable!()
                };
                if !compatible_unqual(&v.ty, &t) {
                    self.error(
                        loc,
                        format!(
                            "redefinition of '{name}' with a different type: '{}' vs '{}'",
                            self.types.type_name(&t),
                            self.types.type_name(&v.ty)
                        ),
                    );
                    return Err(());
                }
                let external = !self.internal.contains(name);
                let prev = self.definition_in_other_unit(name).filter(|_| external);
                let other_unit = prev.is_some();
                if defined && !tentative && init.is_some() {
                    let msg = if other_unit {
                        format!(
                            "multiple definition of '{name}' (defined in two translation units)"
                        )
                    } else {
                        format!("redefinition of '{name}'")
                    };
                    return self.link_error(loc, msg, prev, "previous definition is here");
                }
                if defined && other_unit && (tentative || init.is_none()) {
                    // Tentative definitions in two units: one object, as gcc -fcommon makes
                    // it (gcc 10 and later default to -fno-common and refuse to link).
                    self.diags.push(crate::diag::Diag::note(
                        loc,
                        format!("'{name}' is also defined in another translation unit; one object, as with gcc -fcommon"),
                    ));
                }
                let completes = matches!(v.ty.kind, TypeKind::Array(_, None))
                    && !matches!(t.kind, TypeKind::Array(_, None));
                if defined && init.is_none() && !completes {
                    // Another tentative definition: nothing to do.
                    return Ok(());
                }
                reuse = Some((id, defined));
            }
            Some(Symbol::Typedef(_)) if self.mode == Mode::Repl => {}
            Some(Symbol::EnumConst(_)) if self.mode == Mode::Repl => {}
            Some(_) => {
                self.error(
                    loc,
                    format!("redefinition of '{name}' as different kind of symbol"),
                );
                return Err(());
            }
            None => {}
        }
        let (gid, already_emitted) = match reuse {
            Some((id, defined)) => {
                let in_this_module = self.module.globals.iter().any(|g| g.id == id);
                if self.extern_only.contains(&id) {
                    self.extern_only.retain(|x| *x != id);
                    (id, false)
                } else {
                    (id, defined || in_this_module)
                }
            }
            None => (self.new_global_id(), false),
        };
        let was_tentative = matches!(
            self.global_sym(name),
            Some(Symbol::Var(VarSym {
                place: Place::Global {
                    defined: true,
                    tentative: true,
                    ..
                },
                ..
            }))
        );
        let tentative = init.is_none() && (reuse.is_none() || was_tentative || !reuse.unwrap().1);
        if !self.internal.contains(name) {
            self.note_definition(name, loc);
        }
        let sym = Symbol::Var(VarSym {
            ty: t.clone(),
            place: Place::Global {
                id: gid,
                defined: true,
                tentative,
            },
        });
        self.declare_global(name, sym);
        let mut ginit = ir::GlobalInit::Zero;
        let mut dynamic = false;
        let mut data_len = 0;
        if let Some(init) = init {
            match self.static_data(&t, init)? {
                Ok((bytes, relocs)) => {
                    data_len = bytes.len() as u64;
                    ginit = ir::GlobalInit::Data { bytes, relocs }
                }
                Err(l) => {
                    if self.mode == Mode::Script {
                        self.error(l, "initializer element is not a compile-time constant");
                        return Err(());
                    }
                    dynamic = true;
                }
            }
        }
        let in_module = self.module.globals.iter().position(|g| g.id == gid);
        // `int a[];` alone is an array of one element (C11 6.9.2p5 example).
        let (size, align) = match &t.kind {
            TypeKind::Array(e, None) => (self.types.size_of(e), self.types.align_of(e)),
            _ => (
                self.types.size_of(&t).max(data_len),
                self.types.align_of(&t),
            ),
        };
        let align = align.max(req_align);
        if req_align > 1 {
            self.object_align.insert((false, gid), align);
        }
        match in_module {
            Some(i) => {
                let g = &mut self.module.globals[i];
                g.init = ginit.clone();
                if !matches!(t.kind, TypeKind::Array(_, None)) {
                    g.ty = t.clone();
                    g.size = size;
                    g.align = align;
                }
            }
            None if !already_emitted => {
                self.module.globals.push(ir::Global {
                    id: gid,
                    name: name.to_string(),
                    ty: t.clone(),
                    size,
                    align,
                    init: ginit.clone(),
                    thread_local,
                });
            }
            None => {
                // Defined by an earlier input (tentatively): initialize it now, in order.
                if let ir::GlobalInit::Data { .. } = ginit {
                    dynamic = true;
                }
            }
        }
        if dynamic {
            let init = init.unwrap();
            let entered = self.enter_unit();
            let mut stmts = Vec::new();
            let place = Expr::new(K::Global(gid), t.clone());
            let r = self.init_object(place, &t, init, &mut stmts);
            self.leave_unit(entered);
            r?;
            for s in stmts {
                self.push_unit_stmt(s);
            }
        }
        Ok(())
    }

    pub(crate) fn local_decl(&mut self, d: &ast::Declaration, out: &mut Vec<ir::Stmt>) {
        // The specifiers may name a variable-length type (`typeof(int[n])`): its lengths
        // are evaluated first.
        self.typeof_vla = self.fcx.is_some() && !self.scopes.is_empty();
        self.vla_dims.clear();
        let base = self.base_type(&d.specs);
        self.typeof_vla = false;
        let dims = std::mem::take(&mut self.vla_dims);
        if self.vla_lengths(dims, out).is_err() {
            return;
        }
        for id in &d.declarators {
            let _ = self.local_declarator(&base, id, out);
        }
    }

    fn local_declarator(
        &mut self,
        base: &super::types::BaseType,
        id: &ast::InitDeclarator,
        out: &mut Vec<ir::Stmt>,
    ) -> R<()> {
        let Some((name, nloc)) = id.decl.name.clone() else {
            self.error(id.loc, "declaration does not declare anything");
            return Err(());
        };
        let automatic = !matches!(
            base.storage,
            Some(StorageClass::Static) | Some(StorageClass::Extern) | Some(StorageClass::Typedef)
        );
        // Arrays, pointers to them and typedefs may have run-time lengths in a block
        // (`int a[n]`, `int (*p)[n][m]`, `typedef int row[n]`).
        self.vla_ok = (automatic || base.storage == Some(StorageClass::Typedef))
            && self.fcx.is_some()
            && !id
                .decl
                .derived
                .iter()
                .any(|d| matches!(d, Derived::Function { .. }));
        self.vla_dims.clear();
        let t = self.declared_type(base, id);
        self.vla_ok = false;
        let dims = std::mem::take(&mut self.vla_dims);
        let t = t?;
        if base.storage == Some(StorageClass::Typedef) {
            // The lengths are evaluated where the typedef stands, once.
            self.vla_lengths(dims, out)?;
            self.note_typedef_align(&name, &t, base, &id.decl.attrs);
            return self.typedef_decl(&name, t, nloc, id.init.is_some());
        }
        if t.has_vla() {
            if !automatic {
                let what = if base.storage == Some(StorageClass::Extern) {
                    "'extern' linkage"
                } else {
                    "'static' storage duration"
                };
                self.error(
                    nloc,
                    format!("variable length array declaration cannot have {what}"),
                );
                return Err(());
            }
            return self.vla_declarator(&name, nloc, t, dims, id, out);
        }
        // A pointer to a variable-length array is an ordinary 8-byte local; its pointee's
        // lengths are fixed when the declaration runs.
        self.vla_lengths(dims, out)?;
        if let Some(Symbol::Var(_)) | Some(Symbol::EnumConst(_)) = self.lookup_current(&name) {
            if base.storage != Some(StorageClass::Extern) {
                self.error(nloc, format!("redefinition of '{name}'"));
                return Err(());
            }
        }
        if t.is_function() {
            let fid = self.declare_function(&name, &t, id.decl.asm_label.as_deref(), nloc)?;
            let sym = self
                .global_sym(&name)
                .cloned()
                .unwrap_or(Symbol::Func(FuncSym {
                    id: fid,
                    ty: t,
                    defined: false,
                    defined_in: None,
                    implicit: false,
                }));
            self.declare(&name, sym);
            return Ok(());
        }
        if base.storage == Some(StorageClass::Extern) {
            if id.init.is_some() {
                self.error(
                    nloc,
                    "declaration of block scope identifier with linkage cannot have an initializer",
                );
                return Err(());
            }
            self.link_external(&name, &t, nloc, false)?;
            let sym = match self.global_sym(&name).cloned() {
                Some(s @ Symbol::Var(_)) => s,
                _ => {
                    let gid = self.new_global_id();
                    self.extern_only.push(gid);
                    let s = Symbol::Var(VarSym {
                        ty: t,
                        place: Place::Global {
                            id: gid,
                            defined: false,
                            tentative: false,
                        },
                    });
                    self.declare_global(&name, s.clone());
                    s
                }
            };
            self.declare(&name, sym);
            return Ok(());
        }
        let t = match &id.init {
            Some(init) => self.complete_array_type(&t, init),
            None => t,
        };
        if !self.types.is_complete(&t) {
            self.error(
                nloc,
                format!(
                    "variable has incomplete type '{}'",
                    self.types.type_name(&t)
                ),
            );
            return Err(());
        }
        if base.storage == Some(StorageClass::Static) {
            let ginit = match &id.init {
                None => ir::GlobalInit::Zero,
                Some(init) => match self.static_data(&t, init)? {
                    Ok((bytes, relocs)) => ir::GlobalInit::Data { bytes, relocs },
                    Err(l) => {
                        self.error(l, "initializer element is not a compile-time constant");
                        return Err(());
                    }
                },
            };
            let gid = self.new_global_id();
            let size = self.types.size_of(&t);
            let align = self
                .types
                .align_of(&t)
                .max(self.requested_align(base, &id.decl.attrs));
            let fname = self
                .fcx
                .as_ref()
                .map(|f| f.name.clone())
                .unwrap_or_default();
            self.module.globals.push(ir::Global {
                id: gid,
                name: format!("{fname}.{name}"),
                ty: t.clone(),
                size,
                align,
                init: ginit,
                thread_local: base.thread_local,
            });
            self.declare(
                &name,
                Symbol::Var(VarSym {
                    ty: t,
                    place: Place::Global {
                        id: gid,
                        defined: true,
                        tentative: false,
                    },
                }),
            );
            return Ok(());
        }
        let align = self
            .types
            .align_of(&t)
            .max(self.requested_align(base, &id.decl.attrs));
        if align > FRAME_ALIGN {
            return self.overaligned_local(&name, t, align, id, out);
        }
        let off = self.alloc_local(self.types.size_of(&t), align);
        if align > self.types.align_of(&t) {
            self.object_align.insert((true, off), align);
        }
        // The name is in scope in its own initializer (C11 6.2.1p7).
        self.declare(
            &name,
            Symbol::Var(VarSym {
                ty: t.clone(),
                place: Place::Local(off),
            }),
        );
        if let Some(init) = &id.init {
            let place = Expr::new(K::Local(off), t.clone());
            let _ = init_loc(init);
            self.init_object(place, &t, init, out)?;
        }
        self.note_cleanup(&name, base, &id.decl.attrs, nloc)
    }

    /// `__attribute__((cleanup(f)))` on an automatic variable: `f(&name)` runs when the
    /// rest of its block is left (`Sema::block` wraps it in a `Stmt::Cleanup`).
    fn note_cleanup(
        &mut self,
        name: &str,
        base: &super::types::BaseType,
        attrs: &[ast::Attribute],
        loc: Loc,
    ) -> R<()> {
        let Some(a) = base
            .attrs
            .iter()
            .chain(attrs)
            .find(|a| a.name.trim_matches('_') == "cleanup")
        else {
            return Ok(());
        };
        let Some(
            f @ ast::Expr {
                kind: ast::ExprKind::Ident(_),
                ..
            },
        ) = a.args.first()
        else {
            self.error(a.loc, "'cleanup' argument must be a function name");
            return Err(());
        };
        let var = ast::Expr {
            kind: ast::ExprKind::Ident(name.to_string()),
            loc,
        };
        let call = ast::Expr {
            kind: ast::ExprKind::Call(
                Box::new(f.clone()),
                vec![ast::Expr {
                    kind: ast::ExprKind::Unary(ast::UnaryOp::AddrOf, Box::new(var)),
                    loc,
                }],
            ),
            loc: a.loc,
        };
        let v = self.expr(&call)?;
        let x = self.rv(v);
        self.cleanups.push(ir::Stmt::Expr(x));
        Ok(())
    }

    /// A local aligned more than frames are (`_Alignas(32)`, a struct with
    /// `aligned(64)`): frame offsets cannot align it, so it lives in a frame buffer with
    /// room to spare, at its address rounded up (`Place::Aligned`).
    fn overaligned_local(
        &mut self,
        name: &str,
        t: Type,
        align: u64,
        id: &ast::InitDeclarator,
        out: &mut Vec<ir::Stmt>,
    ) -> R<()> {
        let buf = self.aligned_buffer(&t, align);
        self.declare(
            name,
            Symbol::Var(VarSym {
                ty: t.clone(),
                place: Place::Aligned { buf, align },
            }),
        );
        if let Some(init) = &id.init {
            self.init_object(aligned_place(buf, align, &t), &t, init, out)?;
        }
        Ok(())
    }

    /// A frame buffer for an object of type `t` aligned to `align` (more than
    /// `FRAME_ALIGN`): its offset; the object is at `aligned_place`.
    pub(crate) fn aligned_buffer(&mut self, t: &Type, align: u64) -> u32 {
        debug_assert!(align > FRAME_ALIGN && align.is_power_of_two());
        self.alloc_local(self.types.size_of(t) + align - FRAME_ALIGN, FRAME_ALIGN)
    }

    /// A declarator's type; for GNU `__auto_type x = e;`, the type of `e` as a value
    /// (arrays and functions decay, qualifiers dropped), with the specifiers' qualifiers.
    fn declared_type(
        &mut self,
        base: &super::types::BaseType,
        id: &ast::InitDeclarator,
    ) -> R<Type> {
        if !base.auto_type {
            let t = self.declarator_type(&base.ty, &id.decl);
            // GCC vector types have their layout (an array of the elements, so structs
            // holding them have their size) but no operations here: a typedef of one is
            // fine, an object of one is refused rather than treated as an array.
            let vector = base.vector
                || id
                    .decl
                    .attrs
                    .iter()
                    .any(|a| a.name.trim_matches('_') == "vector_size");
            if vector && id.decl.derived.is_empty() {
                match (&id.decl.name, base.storage) {
                    (Some((n, _)), Some(StorageClass::Typedef)) => {
                        self.vector_typedefs.insert(n.clone());
                    }
                    (_, _) => {
                        self.error(
                            id.loc,
                            "GCC vector types (attribute 'vector_size') are not supported: their operations are not implemented",
                        );
                        return Err(());
                    }
                }
            }
            return self.type_attrs(t, base.attrs.iter().chain(&id.decl.attrs));
        }
        let Some(ast::Initializer::Expr(e)) = &id.init else {
            self.error(id.loc, "'__auto_type' requires an initializer expression");
            return Err(());
        };
        if !id.decl.derived.is_empty() {
            self.error(id.loc, "'__auto_type' may only be used with a plain name");
            return Err(());
        }
        let t = self.typeof_expr(e);
        let t = match &t.kind {
            TypeKind::Array(el, _) | TypeKind::Vla(el, _) => Type::ptr_to((**el).clone()),
            TypeKind::Function(_) => Type::ptr_to(t.unqual()),
            _ => t.unqual(),
        };
        Ok(Type {
            is_const: base.ty.is_const,
            is_volatile: base.ty.is_volatile,
            is_atomic: base.ty.is_atomic,
            ..t
        })
    }

    /// Attributes that change a declaration's type or meaning: `mode` gives the integer
    /// or float type of that size; `vector_size` an array of the elements (GCC's vector
    /// types are not supported beyond their layout); `cleanup` is refused rather than
    /// silently ignored (the cleanup would never run).
    fn type_attrs<'a>(
        &mut self,
        mut t: Type,
        attrs: impl Iterator<Item = &'a ast::Attribute>,
    ) -> R<Type> {
        for a in attrs {
            match a.name.trim_matches('_') {
                "vector_size" => {
                    // A vector has its elements' layout: an array of them, so that
                    // structs holding vectors (glibc's <link.h>) have their size; vector
                    // arithmetic and assignment are then errors, as on arrays.
                    let n = a.args.first().and_then(|e| self.const_int(e)).unwrap_or(0);
                    let es = self.types.size_of(&t);
                    if !t.is_arith() || n <= 0 || es == 0 || !(n as u64).is_multiple_of(es) {
                        self.error(
                            a.loc,
                            "vector types (attribute 'vector_size') are not supported yet",
                        );
                        return Err(());
                    }
                    t = Type::new(TypeKind::Array(Box::new(t), Some(n as u64 / es)));
                }
                // Runs code when the variable's scope ends (`note_cleanup`).
                "cleanup" => {}
                "mode" => {
                    let m = match a.args.first().map(|e| &e.kind) {
                        Some(ast::ExprKind::Ident(m)) => m.trim_matches('_').to_string(),
                        _ => String::new(),
                    };
                    let unsigned = matches!(
                        t.kind,
                        TypeKind::Bool
                            | TypeKind::UChar
                            | TypeKind::UShort
                            | TypeKind::UInt
                            | TypeKind::ULong
                            | TypeKind::ULongLong
                    );
                    use TypeKind::*;
                    let k = match (m.as_str(), t.is_integer(), unsigned) {
                        ("QI" | "byte", true, false) => SChar,
                        ("QI" | "byte", true, true) => UChar,
                        ("HI", true, false) => Short,
                        ("HI", true, true) => UShort,
                        ("SI", true, false) => Int,
                        ("SI", true, true) => UInt,
                        ("DI" | "word" | "pointer", true, false) => Long,
                        ("DI" | "word" | "pointer", true, true) => ULong,
                        ("SF", _, _) if t.is_float() => Float,
                        ("DF", _, _) if t.is_float() => Double,
                        ("TI", true, _) => {
                            self.error(a.loc, "__int128 is not supported yet (mode TI)");
                            return Err(());
                        }
                        _ => {
                            self.error(
                                a.loc,
                                format!(
                                    "attribute 'mode({m})' on '{}' is not supported",
                                    self.types.type_name(&t)
                                ),
                            );
                            return Err(());
                        }
                    };
                    t = Type {
                        kind: k,
                        is_const: t.is_const,
                        is_volatile: t.is_volatile,
                        is_atomic: t.is_atomic,
                    };
                }
                _ => {}
            }
        }
        Ok(t)
    }

    /// Statements that evaluate run-time array lengths into their frame slots (from
    /// `vla_dims`, in declarator order).
    pub(crate) fn vla_lengths(
        &mut self,
        dims: Vec<(u32, ast::Expr)>,
        out: &mut Vec<ir::Stmt>,
    ) -> R<()> {
        let ulong = Type::new(TypeKind::ULong);
        for (slot, size) in dims {
            let n = self.rvalue_expr(&size)?;
            if !n.ty.is_integer() {
                self.error(
                    size.loc,
                    format!(
                        "size of array has non-integer type '{}'",
                        self.types.type_name(&n.ty)
                    ),
                );
                return Err(());
            }
            let lv = Expr::new(K::Local(slot), ulong.clone());
            out.push(ir::Stmt::Expr(Expr::new(
                K::Assign(Box::new(lv), Box::new(super::expr::convert(n, &ulong))),
                ulong.clone(),
            )));
        }
        Ok(())
    }

    /// `T a[n][m];` in a block: evaluate the lengths into their slots, take storage from
    /// the stack, and remember where it is.
    fn vla_declarator(
        &mut self,
        name: &str,
        nloc: Loc,
        t: Type,
        dims: Vec<(u32, ast::Expr)>,
        id: &ast::InitDeclarator,
        out: &mut Vec<ir::Stmt>,
    ) -> R<()> {
        if id.init.is_some() {
            self.error(nloc, "variable-sized object may not be initialized");
            return Err(());
        }
        let Some(elem) = t.elem().cloned() else {
            return Err(());
        };
        self.vla_lengths(dims, out)?;
        let ptr = self.alloc_local(8, 8);
        let bytes = self.size_expr(&t);
        let pty = Type::ptr_to(elem.clone());
        let alloc = Expr::new(K::Alloca(Box::new(bytes)), pty.clone());
        out.push(ir::Stmt::Expr(Expr::new(
            K::Assign(
                Box::new(Expr::new(K::Local(ptr), pty.clone())),
                Box::new(alloc),
            ),
            pty,
        )));
        if let Some(b) = self.vla_blocks.last_mut() {
            *b = true;
        }
        self.declare(
            name,
            Symbol::Var(VarSym {
                ty: t,
                place: Place::Vla { ptr },
            }),
        );
        Ok(())
    }

    pub(crate) fn func_def(&mut self, f: &ast::FunctionDef) {
        let _ = self.func_def_inner(f, false);
    }

    /// A nested function (GNU C) defined in a block: a function of its own with a hidden
    /// first parameter, the enclosing call's frame (the static chain), through which it
    /// reaches the enclosing function's locals (`Sema::outer_local`). Its name is a local
    /// of the enclosing function holding a trampoline made when the definition is reached
    /// (`interp::nested_closure`), so calls by name and through pointers work alike.
    pub(crate) fn nested_func_def(&mut self, f: &ast::FunctionDef, out: &mut Vec<ir::Stmt>) {
        let Ok(Some((id, slot, pty))) = self.func_def_inner(f, true) else {
            return;
        };
        let int = Type::int();
        let voidp = Type::ptr_to(Type::void());
        let call = self.helper_call(
            "__crepl_nested_closure",
            vec![int.clone(), voidp.clone()],
            voidp.clone(),
            vec![
                Expr::new(K::Int(id as i64), int),
                Expr::new(K::FrameBase, voidp),
            ],
        );
        out.push(ir::Stmt::Expr(Expr::new(
            K::Assign(
                Box::new(Expr::new(K::Local(slot), pty.clone())),
                Box::new(super::expr::convert(call, &pty)),
            ),
            pty,
        )));
    }

    /// A function definition; `nested`: one in a block (returns its id, the enclosing
    /// frame's slot that holds its trampoline, and the pointer type of that slot).
    fn func_def_inner(
        &mut self,
        f: &ast::FunctionDef,
        nested: bool,
    ) -> R<Option<(FuncId, u32, Type)>> {
        let base = self.base_type(&f.specs);
        let Some((name, nloc)) = f.decl.name.clone() else {
            self.error(f.loc, "function definition without a name");
            return Err(());
        };
        let mut t = self.declarator_type(&base.ty, &f.decl);
        let Some(Derived::Function {
            params, ident_list, ..
        }) = f.decl.derived.first()
        else {
            self.error(nloc, "expected ';' after top level declarator");
            return Err(());
        };
        // K&R definitions: parameter types from the declarations before the body.
        let mut knr: Vec<(String, Type)> = Vec::new();
        if let Some(ids) = ident_list {
            let mut ptys = Vec::new();
            for (pname, ploc) in ids {
                let mut pt = None;
                for d in &f.old_style_decls {
                    let b = self.base_type(&d.specs);
                    for idcl in &d.declarators {
                        if idcl.decl.name.as_ref().map(|n| &n.0) == Some(pname) {
                            pt = Some(super::types::adjust_param(
                                self.declarator_type(&b.ty, &idcl.decl),
                            ));
                        }
                    }
                }
                let pt = pt.unwrap_or_else(|| {
                    self.warning(*ploc, format!("type of '{pname}' defaults to 'int'"));
                    Type::int()
                });
                knr.push((pname.clone(), pt.clone()));
                // Callers see no prototype and pass the promoted type (float as double,
                // char and short as int); the parameter converts it back on entry.
                ptys.push(knr_passed(&pt));
            }
            if let TypeKind::Function(ft) = &mut t.kind {
                ft.params = ptys;
            }
        }
        let fty = t.fn_type().unwrap().clone();
        if !nested {
            self.link_external(&name, &t, nloc, base.storage == Some(StorageClass::Static))?;
        }
        if !fty.ret.is_void() && !self.types.is_complete(&fty.ret) {
            self.error(
                nloc,
                format!(
                    "incomplete result type '{}' in function definition",
                    self.types.type_name(&fty.ret)
                ),
            );
            return Err(());
        }
        let mut nested_slot = None;
        let id = if nested {
            if fty.variadic {
                self.error(nloc, "a nested function cannot be variadic");
                return Err(());
            }
            // The name: a local of the enclosing function (in its frame, in the block's
            // scope) holding the trampoline; declared before the body, for recursion.
            let pty = Type::ptr_to(t.clone());
            let slot = self.alloc_local(8, 8);
            self.declare(
                &name,
                Symbol::Var(VarSym {
                    ty: pty.clone(),
                    place: Place::Local(slot),
                }),
            );
            nested_slot = Some((slot, pty));
            let id = self.new_func_id();
            let outer = self
                .fcx
                .as_ref()
                .map(|f| f.name.clone())
                .unwrap_or_default();
            let mut hidden = fty.clone();
            hidden.params.insert(0, Type::ptr_to(Type::void()));
            let full = format!("{outer}.{name}");
            self.module.func_decls.push(ir::FuncDecl {
                id,
                name: full.clone(),
                symbol: full,
                ty: hidden,
            });
            id
        } else {
            self.declare_function(&name, &t, f.decl.asm_label.as_deref(), nloc)?
        };
        // A C99 inline definition (`inline`, neither `extern` nor `static`) does not define
        // the external function: another unit's definition stands, or takes its place.
        // A weak definition (`__attribute__((weak))`) gives way the same way, as the
        // linker lets a strong definition win.
        let weak = base
            .attrs
            .iter()
            .chain(&f.decl.attrs)
            .any(|a| a.name.trim_matches('_') == "weak");
        let inline_def = (base.is_inline && base.storage.is_none()) || weak;
        let is_static = base.storage == Some(StorageClass::Static);
        if let Some(Symbol::Func(fs)) = self.global_sym(&name).cloned().filter(|_| !nested) {
            let linked = !is_static && self.mode == Mode::Script;
            if fs.defined && linked && self.inline_defs.contains(&name) && !inline_def {
                // An external definition replaces an earlier unit's inline one.
                self.inline_defs.remove(&name);
            } else if fs.defined
                && inline_def
                && linked
                && fs.defined_in != Some(self.current_input())
            {
                return Ok(None);
            } else if fs.defined
                && (fs.defined_in == Some(self.current_input()) || self.mode == Mode::Script)
            {
                let prev = self.definition_in_other_unit(&name).filter(|_| !is_static);
                let msg = if prev.is_some() {
                    format!("multiple definition of '{name}' (defined in two translation units)")
                } else {
                    format!("redefinition of '{name}'")
                };
                return self
                    .link_error(nloc, msg, prev, "previous definition is here")
                    .map(|_| None);
            }
            if !is_static {
                if inline_def && !fs.defined {
                    self.inline_defs.insert(name.clone());
                }
                if !inline_def {
                    self.note_definition(&name, nloc);
                }
            }
            self.declare_global(
                &name,
                Symbol::Func(FuncSym {
                    defined: true,
                    defined_in: Some(self.current_input()),
                    ty: t.clone(),
                    implicit: false,
                    ..fs
                }),
            );
        }
        // Frame offsets of the previous function mean nothing here.
        if !nested {
            self.object_align.retain(|k, _| !k.0);
        }
        let saved_unit = self.fcx.take();
        self.fcx = Some(FnCtx {
            frame: 0,
            va_area: None,
            ret: fty.ret.clone(),
            name: name.clone(),
            labels: Default::default(),
            next_label: 0,
            switches: vec![],
            loops: 0,
            breakable: 0,
        });
        // A nested function sees the enclosing scopes (their locals through the chain).
        let nested_base = self.scopes.len();
        let saved_scopes = if nested {
            self.nested_bases.push(nested_base);
            let labels = saved_unit
                .as_ref()
                .map(|f| {
                    f.labels
                        .iter()
                        .map(|(n, (id, _, _))| (n.clone(), *id))
                        .collect()
                })
                .unwrap_or_default();
            self.outer_labels.push(labels);
            Vec::new()
        } else {
            std::mem::take(&mut self.scopes)
        };
        self.scopes.push(Default::default());
        let mut offs = Vec::new();
        if nested {
            let chain = self.alloc_local(8, 8);
            offs.push(chain);
            self.chain_slots.push(chain);
        }
        let mut overaligned = Vec::new();
        let mut ok = true;
        let named: Vec<(Option<(String, Loc)>, Type)> = if ident_list.is_some() {
            knr.iter()
                .map(|(n, t)| (Some((n.clone(), nloc)), t.clone()))
                .collect()
        } else {
            params
                .iter()
                .zip(&fty.params)
                .map(|(p, t)| (p.decl.name.clone(), t.clone()))
                .collect()
        };
        let mut knr_converts = Vec::new();
        for (pname, pt) in named {
            let passed = if ident_list.is_some() {
                knr_passed(&pt)
            } else {
                pt.clone()
            };
            if passed != pt {
                // A K&R parameter narrower than what callers pass: its own slot, filled
                // from the argument's on entry.
                let arg =
                    self.alloc_local(self.types.size_of(&passed), self.types.align_of(&passed));
                let own = self.alloc_local(self.types.size_of(&pt), self.types.align_of(&pt));
                offs.push(arg);
                let load = Expr::new(
                    K::Load(Box::new(Expr::new(K::Local(arg), passed.clone()))),
                    passed.clone(),
                );
                knr_converts.push(ir::Stmt::Expr(Expr::new(
                    K::Assign(
                        Box::new(Expr::new(K::Local(own), pt.clone())),
                        Box::new(super::expr::convert(load, &pt)),
                    ),
                    pt.clone(),
                )));
                if let Some((n, _)) = pname {
                    self.declare(
                        &n,
                        Symbol::Var(VarSym {
                            ty: pt,
                            place: Place::Local(own),
                        }),
                    );
                }
                continue;
            }
            if !self.types.is_complete(&pt) {
                self.error(
                    nloc,
                    format!(
                        "variable has incomplete type '{}'",
                        self.types.type_name(&pt)
                    ),
                );
                ok = false;
            }
            let off = self.alloc_local(self.types.size_of(&pt), self.types.align_of(&pt));
            offs.push(off);
            if let Some((n, _)) = &pname {
                if pt.is_record() && self.types.align_of(&pt) > FRAME_ALIGN {
                    overaligned.push((off, pt.clone(), n.clone()));
                }
            }
            if let Some((n, l)) = pname {
                if self.lookup_current(&n).is_some() {
                    self.error(l, format!("redefinition of parameter '{n}'"));
                }
                self.declare(
                    &n,
                    Symbol::Var(VarSym {
                        ty: pt,
                        place: Place::Local(off),
                    }),
                );
            }
        }
        if fty.variadic {
            let slot = self.alloc_local(8, 8);
            self.fcx.as_mut().unwrap().va_area = Some(slot);
        }
        let mut prologue = knr_converts;
        // An over-aligned struct parameter: copied on entry to storage aligned as its type
        // says (its frame slot is only as aligned as the frame).
        for (off, pt, name) in overaligned {
            let align = self.types.align_of(&pt);
            let buf = self.aligned_buffer(&pt, align);
            let arg = Expr::new(
                K::Load(Box::new(Expr::new(K::Local(off), pt.clone()))),
                pt.clone(),
            );
            prologue.push(ir::Stmt::Expr(Expr::new(
                K::Assign(Box::new(aligned_place(buf, align, &pt)), Box::new(arg)),
                pt.clone(),
            )));
            self.declare(
                &name,
                Symbol::Var(VarSym {
                    ty: pt.clone(),
                    place: Place::Aligned { buf, align },
                }),
            );
        }
        // `double a[n][m]`: now that n and m are in scope, give the parameter its
        // variable-length row type; the lengths are evaluated on entry.
        if ident_list.is_none() {
            // The size of an array parameter is evaluated on entry (`int a[n++]`), though
            // the parameter is a pointer.
            for p in params.iter() {
                if let Some(Derived::Array { size: Some(e), .. }) = p.decl.derived.first() {
                    if self.const_int_quiet(e).is_none() {
                        if let Ok(x) = self.rvalue_expr(e) {
                            prologue.push(ir::Stmt::Expr(super::expr::convert(x, &Type::void())));
                        }
                    }
                }
            }
            for (p, &off) in params.iter().zip(&offs) {
                let Some((pname, _)) = &p.decl.name else {
                    continue;
                };
                let runtime_dims = p.decl.derived.iter().skip(1).any(|d| match d {
                    Derived::Array { size: Some(e), .. } => self.const_int_quiet(e).is_none(),
                    _ => false,
                });
                if !runtime_dims
                    || !p
                        .decl
                        .derived
                        .iter()
                        .all(|d| matches!(d, Derived::Array { .. } | Derived::Pointer { .. }))
                {
                    continue;
                }
                let b = self.base_type(&p.specs);
                self.vla_ok = true;
                self.vla_dims.clear();
                let t = super::types::adjust_param(self.declarator_type(&b.ty, &p.decl));
                self.vla_ok = false;
                let dims = std::mem::take(&mut self.vla_dims);
                let _ = self.vla_lengths(dims, &mut prologue);
                self.declare(
                    pname,
                    Symbol::Var(VarSym {
                        ty: t,
                        place: Place::Local(off),
                    }),
                );
            }
        }
        let ast::StmtKind::Compound(items) = &f.body.kind else {
            unreachable!("function body is a compound statement")
        };
        let mut body = self.block(items);
        if !prologue.is_empty() {
            if let ir::Stmt::Block(b) = &mut body {
                prologue.append(&mut b.stmts);
                b.stmts = prologue;
            } else {
                prologue.push(body);
                body = ir::Stmt::Block(ir::Block {
                    labels: super::expr::stmt_labels(&prologue),
                    stmts: prologue,
                });
            }
        }
        if name == "main" && fty.ret.kind == TypeKind::Int {
            // C11 5.1.2.2.3: reaching the } that terminates main returns 0.
            if let ir::Stmt::Block(b) = &mut body {
                b.stmts
                    .push(ir::Stmt::Return(Some(Expr::new(K::Int(0), Type::int()))));
            }
        }
        if nested {
            self.scopes.truncate(nested_base);
            self.nested_bases.pop();
            self.chain_slots.pop();
            self.outer_labels.pop();
        } else {
            self.scopes = saved_scopes;
        }
        let fcx = std::mem::replace(&mut self.fcx, saved_unit).unwrap();
        for (lname, (_, defined, loc)) in &fcx.labels {
            if !defined {
                self.error(*loc, format!("use of undeclared label '{lname}'"));
                ok = false;
            }
        }
        if !ok {
            return Err(());
        }
        let mut attrs = base.attrs.clone();
        attrs.extend(f.decl.attrs.iter().cloned());
        let ctor = attr_prio(&attrs, self, "constructor");
        let dtor = attr_prio(&attrs, self, "destructor");
        let mut fty = fty;
        let name = if nested {
            fty.params.insert(0, Type::ptr_to(Type::void()));
            let outer = self
                .fcx
                .as_ref()
                .map(|f| f.name.clone())
                .unwrap_or_default();
            format!("{outer}.{name}")
        } else {
            name
        };
        let params: Vec<(u32, &Type)> = offs.iter().copied().zip(&fty.params).collect();
        let locals = ir::locals::analyze(&self.types, &body, &params, &[]);
        drop(params);
        self.module.functions.push(ir::Function {
            id,
            name,
            ty: fty,
            params: offs,
            frame_size: fcx.frame,
            body,
            va_area: fcx.va_area,
            ctor,
            dtor,
            locals,
        });
        Ok(nested_slot.map(|(slot, pty)| (id, slot, pty)))
    }
}

fn asm_or<'a>(d: &'a ast::Declarator, name: &'a str) -> &'a str {
    d.asm_label.as_deref().unwrap_or(name)
}
