//! Semantic analysis: syntax tree -> typed IR module, with the session's declarations.
//!
//! The [`Sema`] lives for the whole session: file-scope names, tags, records and id counters
//! persist across REPL inputs. Every change to that state is journaled, so an input with an
//! error (or `%undo`) can be rolled back to a [`SemaCheckpoint`].

mod atomic;
mod builtin;
mod complex;
mod consts;
mod decl;
mod expr;
mod init;
mod int128;
mod stmt;
mod types;

use crate::ast;
use crate::diag::Diag;
use crate::source::Loc;
use expr::R;
use ir::{EnumDef, FuncId, GlobalId, LabelId, Record, RecordId, Type, TypeTable};
use std::collections::HashMap;

/// Whether file-scope code follows standard C (a program) or the REPL's rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Statements and non-constant initializers allowed at file scope; they run in order.
    Repl,
    /// Standard C translation unit.
    Script,
}

/// What a file-scope (or block-scope) name denotes.
#[derive(Clone, Debug)]
pub(crate) enum Symbol {
    Var(VarSym),
    Func(FuncSym),
    EnumConst(i64),
    Typedef(Type),
}

#[derive(Clone, Debug)]
pub(crate) struct VarSym {
    pub ty: Type,
    pub place: Place,
}

#[derive(Clone, Debug)]
pub(crate) enum Place {
    Global {
        id: GlobalId,
        defined: bool,
        tentative: bool,
    },
    Local(u32),
    /// A variable-length array: the frame slot of its address (its lengths are in its
    /// type).
    Vla {
        ptr: u32,
    },
    /// A local aligned more than the frame: in the frame buffer at `buf`, at its address
    /// rounded up to `align` (`decl::aligned_place`).
    Aligned {
        buf: u32,
        align: u64,
    },
}

#[derive(Clone, Debug)]
pub(crate) struct FuncSym {
    pub id: FuncId,
    pub ty: Type,
    pub defined: bool,
    /// Input number that defined it (a later input may redefine it).
    pub defined_in: Option<u32>,
    /// Declared by a call in a script, with a C library builtin's prototype: a later
    /// declaration of another type replaces it with a warning, as in GCC.
    pub implicit: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Record(RecordId, bool),
    Enum(ir::EnumId),
}

/// Journal entry: how to undo one change to session state.
#[derive(Clone, Debug)]
enum Undo {
    Name(String, Option<Symbol>),
    /// An external name a `%load`ed unit added (to `linkage` and `loaded`).
    Linkage(String, Option<Symbol>, Option<Symbol>),
    Tag(String, Option<Tag>),
    Record(RecordId, Record),
}

/// The session unit's state while a `%load`ed file is analyzed as a unit of its own.
pub struct SeparateUnit {
    globals: HashMap<String, Symbol>,
    tags: HashMap<String, Tag>,
    internal: std::collections::HashSet<String>,
    pack: u32,
    mode: Mode,
    journal: usize,
}

/// A point to roll the session back to.
#[derive(Clone, Copy, Debug)]
pub struct SemaCheckpoint {
    journal: usize,
    records: usize,
    enums: usize,
    input: u32,
}

/// Per-function (or per top-level unit) state while lowering a body.
pub(crate) struct FnCtx {
    pub frame: u32,
    /// Variadic function: the frame slot of its variadic arguments' address.
    pub va_area: Option<u32>,
    pub ret: Type,
    pub name: String,
    pub labels: HashMap<String, (LabelId, bool, Loc)>,
    pub next_label: LabelId,
    pub switches: Vec<SwitchCtx>,
    pub loops: u32,
    pub breakable: u32,
}

#[derive(Default)]
pub(crate) struct SwitchCtx {
    pub cases: Vec<(i64, i64, LabelId)>,
    pub default: Option<LabelId>,
    pub ty: Option<Type>,
}

/// A block scope.
#[derive(Default)]
pub(crate) struct Scope {
    pub names: HashMap<String, Symbol>,
    pub tags: HashMap<String, Tag>,
}

pub struct Sema {
    pub mode: Mode,
    pub types: TypeTable,
    globals: HashMap<String, Symbol>,
    tags: HashMap<String, Tag>,
    journal: Vec<Undo>,
    next_global: GlobalId,
    next_func: FuncId,
    /// Number of inputs committed so far.
    input: u32,
    // --- per input
    pub(crate) diags: Vec<Diag>,
    pub(crate) module: ir::Module,
    pub(crate) scopes: Vec<Scope>,
    pub(crate) fcx: Option<FnCtx>,
    /// Records/enums touched by this input (sent with the module).
    touched_records: Vec<RecordId>,
    touched_enums: Vec<ir::EnumId>,
    /// Globals declared `extern` and referenced, to resolve in libraries.
    pub(crate) extern_refs: Vec<(GlobalId, String, Type)>,
    /// Code of this input's top-level unit (REPL): statements and dynamic initializers.
    unit: Vec<ir::Stmt>,
    pub(crate) unit_frame: u32,
    pub(crate) unit_labels: LabelId,
    /// Inside a static initializer (file-scope compound literals become static objects).
    pub(crate) in_static_init: bool,
    /// Globals declared `extern` and not yet resolved or defined.
    pub(crate) extern_only: Vec<GlobalId>,
    /// Set while reading the declarator of a local object or a parameter: a non-constant
    /// array size is then allowed (and left here for the declaration to evaluate).
    pub(crate) vla_ok: bool,
    /// Lengths of the declaration's run-time dimensions: (frame slot, expression), to
    /// evaluate when the declaration runs.
    pub(crate) vla_dims: Vec<(u32, crate::ast::Expr)>,
    pub(crate) vla_param: bool,
    /// Declaration specifiers being read in a block: `typeof(int[n])` may have run-time
    /// lengths.
    pub(crate) typeof_vla: bool,
    /// Blocks being lowered that declared a variable-length array (innermost last).
    pub(crate) vla_blocks: Vec<bool>,
    /// `#pragma pack`: the largest member alignment (0: natural), and saved values.
    pub(crate) pack: u32,
    pack_stack: Vec<u32>,
    /// The label of the statement being lowered, if it contains a `setjmp` call.
    pub(crate) setjmp_label: Option<LabelId>,
    /// Multi-file programs: external names of earlier translation units, and the names
    /// this unit declared `static` (internal linkage: not shared).
    linkage: HashMap<String, Symbol>,
    internal: std::collections::HashSet<String>,
    /// External names: where first declared and where defined, for diagnostics that name
    /// both places when units conflict.
    ext_locs: HashMap<String, (Loc, Option<(Loc, u32)>)>,
    /// Number of the translation unit being analyzed (multi-file programs).
    unit_no: u32,
    /// External functions whose definition so far is a C99 inline definition (`inline`
    /// without `extern`): another unit's definition may take its place.
    pub(crate) inline_defs: std::collections::HashSet<String>,
    /// Typedef names declared with `aligned(N)` beyond their type's alignment.
    pub(crate) typedef_align: HashMap<String, u64>,
    /// Objects declared aligned beyond their type, for `__alignof__(object)`: (local, frame
    /// offset in the function being lowered) or (global, id).
    pub(crate) object_align: HashMap<(bool, u32), u64>,
    /// Inside an operand that is not evaluated (`sizeof`, `typeof`, `_Generic`'s
    /// controlling expression): the globals it names need no definition.
    pub(crate) unevaluated: u32,
    /// Cleanups (`__attribute__((cleanup(f)))`) of the declaration just lowered, for the
    /// enclosing block to run when the rest of it is left.
    pub(crate) cleanups: Vec<ir::Stmt>,
    /// External names of `%load`ed files, visible at the prompt without a declaration.
    loaded: HashMap<String, Symbol>,
    /// Nested functions being lowered (innermost last): the index of the first scope of
    /// each, and the frame slot of its static chain.
    pub(crate) nested_bases: Vec<usize>,
    pub(crate) chain_slots: Vec<u32>,
    /// The labels of each function enclosing the nested function being lowered
    /// (outermost first), for non-local gotos.
    pub(crate) outer_labels: Vec<HashMap<String, LabelId>>,
    /// The records standing for `__int128` and `_Complex` types, by name
    /// (`Sema::value_record`).
    pub(crate) value_records: HashMap<&'static str, RecordId>,
    /// Typedef names of GCC vector types.
    pub(crate) vector_typedefs: std::collections::HashSet<String>,
}

impl Default for Sema {
    fn default() -> Self {
        Sema::new(Mode::Repl)
    }
}

impl Sema {
    pub fn new(mode: Mode) -> Sema {
        Sema {
            mode,
            types: TypeTable::default(),
            globals: HashMap::new(),
            tags: HashMap::new(),
            journal: Vec::new(),
            next_global: 0,
            next_func: 0,
            input: 0,
            diags: Vec::new(),
            module: ir::Module::default(),
            scopes: Vec::new(),
            fcx: None,
            touched_records: Vec::new(),
            touched_enums: Vec::new(),
            extern_refs: Vec::new(),
            unit: Vec::new(),
            unit_frame: 0,
            unit_labels: 0,
            in_static_init: false,
            extern_only: Vec::new(),
            vla_ok: false,
            vla_dims: Vec::new(),
            vla_param: false,
            typeof_vla: false,
            vla_blocks: Vec::new(),
            setjmp_label: None,
            pack: 0,
            pack_stack: Vec::new(),
            linkage: HashMap::new(),
            internal: Default::default(),
            ext_locs: HashMap::new(),
            unit_no: 0,
            inline_defs: Default::default(),
            typedef_align: HashMap::new(),
            object_align: HashMap::new(),
            unevaluated: 0,
            cleanups: Vec::new(),
            vector_typedefs: Default::default(),
            value_records: HashMap::new(),
            nested_bases: Vec::new(),
            chain_slots: Vec::new(),
            outer_labels: Vec::new(),
            loaded: HashMap::new(),
        }
    }

    pub fn checkpoint(&self) -> SemaCheckpoint {
        SemaCheckpoint {
            journal: self.journal.len(),
            records: self.types.records.len(),
            enums: self.types.enums.len(),
            input: self.input,
        }
    }

    pub fn rollback(&mut self, cp: SemaCheckpoint) {
        while self.journal.len() > cp.journal {
            match self.journal.pop().unwrap() {
                Undo::Name(n, old) => match old {
                    Some(s) => {
                        self.globals.insert(n, s);
                    }
                    None => {
                        self.globals.remove(&n);
                    }
                },
                Undo::Tag(n, old) => match old {
                    Some(t) => {
                        self.tags.insert(n, t);
                    }
                    None => {
                        self.tags.remove(&n);
                    }
                },
                Undo::Linkage(n, linked, loaded) => {
                    match linked {
                        Some(s) => self.linkage.insert(n.clone(), s),
                        None => self.linkage.remove(&n),
                    };
                    match loaded {
                        Some(s) => self.loaded.insert(n, s),
                        None => self.loaded.remove(&n),
                    };
                }
                Undo::Record(id, r) => {
                    if (id as usize) < self.types.records.len() {
                        self.types.records[id as usize] = r;
                    }
                }
            }
        }
        self.types.records.truncate(cp.records);
        self.types.enums.truncate(cp.enums);
        // Ids are not reused: the executor may still hold memory or slots for them.
        self.input = cp.input;
    }

    /// Number of inputs analyzed and committed.
    pub fn inputs(&self) -> u32 {
        self.input
    }

    /// Every file-scope name (for completion in the REPL).
    pub fn names(&self) -> Vec<String> {
        self.globals
            .keys()
            .chain(self.loaded.keys())
            .cloned()
            .collect()
    }

    /// Looks up a file-scope function by name (`main` for script mode).
    pub fn function_id(&self, name: &str) -> Option<(FuncId, bool)> {
        match self.globals.get(name).or_else(|| self.linkage.get(name)) {
            Some(Symbol::Func(f)) => Some((f.id, f.defined)),
            _ => None,
        }
    }

    /// Starts another translation unit of the same program: file-scope names, tags and
    /// typedefs start empty; functions and variables with external linkage are shared by
    /// name with earlier units (as a linker would), `static` ones are not.
    pub fn begin_translation_unit(&mut self) {
        for (name, sym) in self.globals.drain() {
            if matches!(sym, Symbol::Func(_) | Symbol::Var(_)) && !self.internal.contains(&name) {
                self.linkage.insert(name, sym);
            }
        }
        self.tags.clear();
        self.internal.clear();
        self.journal.clear();
        self.unit_no += 1;
    }

    /// `%load FILE` in the REPL: the file is a translation unit of its own (its own tags
    /// and statics, standard C rules), linked to the session's external names. Returns the
    /// session unit's state, for `leave_separate_unit`.
    pub fn enter_separate_unit(&mut self) -> SeparateUnit {
        let globals = std::mem::take(&mut self.globals);
        for (name, sym) in &globals {
            if matches!(sym, Symbol::Func(_) | Symbol::Var(_)) && !self.internal.contains(name) {
                self.linkage.insert(name.clone(), sym.clone());
            }
        }
        self.unit_no += 1;
        SeparateUnit {
            globals,
            tags: std::mem::take(&mut self.tags),
            internal: std::mem::take(&mut self.internal),
            pack: self.pack,
            mode: std::mem::replace(&mut self.mode, Mode::Script),
            journal: self.journal.len(),
        }
    }

    /// Back to the session's unit after `enter_separate_unit`. If the file compiled, its
    /// external functions and variables become visible in the session (declared as the
    /// file declared them) unless the session already declares those names.
    pub fn leave_separate_unit(&mut self, s: SeparateUnit, committed: bool) {
        let unit_globals = std::mem::replace(&mut self.globals, s.globals);
        let unit_internal = std::mem::replace(&mut self.internal, s.internal);
        self.tags = s.tags;
        self.pack = s.pack;
        self.mode = s.mode;
        self.unit_no += 1;
        // The unit's journal entries describe its own scope, which is gone: an undo of the
        // load takes back what follows instead.
        self.journal.truncate(s.journal);
        if !committed {
            return;
        }
        let mut exported: Vec<(String, Symbol)> = unit_globals
            .into_iter()
            .filter(|(n, sym)| {
                matches!(sym, Symbol::Func(_) | Symbol::Var(_)) && !unit_internal.contains(n)
            })
            .collect();
        exported.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, sym) in exported {
            // Declared in the session when it names them (checked as between units), and
            // usable without a declaration (`lookup`).
            let linked = self.linkage.insert(name.clone(), sym.clone());
            let loaded = self.loaded.insert(name.clone(), sym);
            self.journal.push(Undo::Linkage(name, linked, loaded));
        }
    }

    /// Before declaring `name` with type `t` at `loc` (file scope, or a block-scope
    /// `extern`): an external name an earlier unit declared is the same entity, so it keeps
    /// its id; its type here is this unit's, which must be compatible with the earlier
    /// unit's (C11 6.2.7: structurally, since each unit has its own tags). A conflict is an
    /// error that names both places, as `-flto` does.
    pub(crate) fn link_external(
        &mut self,
        name: &str,
        t: &Type,
        loc: Loc,
        is_static: bool,
    ) -> R<()> {
        if is_static {
            self.internal.insert(name.to_string());
            return Ok(());
        }
        if self.internal.contains(name) || self.globals.contains_key(name) {
            return Ok(());
        }
        let Some(old) = self.linkage.get(name).cloned() else {
            // (Every declaration of a header passes here: no String unless the name is new.)
            if !self.ext_locs.contains_key(name) {
                self.ext_locs.insert(name.to_string(), (loc, None));
            }
            return Ok(());
        };
        let prev = self.ext_locs.get(name).map(|l| l.0);
        let mut compat = types::Compat::across_units(&self.types);
        let sym = match old {
            Symbol::Func(f) if t.is_function() => {
                if !compat.unqual(&f.ty, t) {
                    let msg = format!(
                        "conflicting types for '{name}': '{}' here, '{}' in another translation unit",
                        self.types.type_name(t),
                        self.types.type_name(&f.ty)
                    );
                    return self.link_error(loc, msg, prev, "previous declaration is here");
                }
                Symbol::Func(FuncSym { ty: t.clone(), ..f })
            }
            Symbol::Var(v) if !t.is_function() => {
                if !compat.qual(&v.ty, t) {
                    let msg = format!(
                        "conflicting types for '{name}': '{}' here, '{}' in another translation unit",
                        self.types.type_name(t),
                        self.types.type_name(&v.ty)
                    );
                    return self.link_error(loc, msg, prev, "previous declaration is here");
                }
                Symbol::Var(VarSym { ty: t.clone(), ..v })
            }
            _ => {
                let msg = format!(
                    "'{name}' redeclared as a different kind of symbol in another translation unit"
                );
                return self.link_error(loc, msg, prev, "previous declaration is here");
            }
        };
        self.declare_global(name, sym);
        Ok(())
    }

    /// An error at `loc` with a note at the other place, if known.
    pub(crate) fn link_error(
        &mut self,
        loc: Loc,
        msg: String,
        other: Option<Loc>,
        note: &str,
    ) -> R<()> {
        self.error(loc, msg);
        if let Some(o) = other {
            self.diags.push(Diag::note(o, note));
        }
        Err(())
    }

    /// Where the external name `name` was defined by an earlier translation unit.
    pub(crate) fn definition_in_other_unit(&self, name: &str) -> Option<Loc> {
        match self.ext_locs.get(name).and_then(|l| l.1) {
            Some((loc, unit)) if unit != self.unit_no => Some(loc),
            _ => None,
        }
    }

    /// Records that `name` (external) is defined at `loc`, unless an earlier place is known.
    pub(crate) fn note_definition(&mut self, name: &str, loc: Loc) {
        let unit = self.unit_no;
        let e = self.ext_locs.entry(name.to_string()).or_insert((loc, None));
        if e.1.is_none() {
            e.1 = Some((loc, unit));
        }
    }

    /// Analyzes one translation unit (one REPL input or one program) into a module. The
    /// state changes are kept; on error the caller rolls back to a checkpoint taken before.
    pub fn analyze(&mut self, tu: &ast::TranslationUnit) -> (ir::Module, Vec<Diag>) {
        self.diags.clear();
        self.module = ir::Module::default();
        self.touched_records.clear();
        self.touched_enums.clear();
        self.extern_refs.clear();
        self.unit.clear();
        self.unit_frame = 0;
        self.unit_labels = 0;
        self.in_static_init = false;
        self.fcx = None;
        self.scopes.clear();
        // File-scope statements of one input share one unit context (labels, frame).
        let unit = self.enter_unit();
        for item in &tu.items {
            match item {
                ast::ExternalItem::Decl(d) => self.file_decl(d),
                ast::ExternalItem::Func(f) => self.func_def(f),
                ast::ExternalItem::Stmt(s) => self.file_stmt(s),
                ast::ExternalItem::StaticAssert(sa) => self.static_assert(sa),
                ast::ExternalItem::Empty(_) => {}
                ast::ExternalItem::PragmaPack(v, _) => self.apply_pack(*v),
            }
        }
        let mut result = None;
        if let Some(e) = &tu.trailing_expr {
            result = self.trailing_expr(e);
        }
        self.leave_unit(unit);
        self.finish_input(result);
        self.input += 1;
        (
            std::mem::take(&mut self.module),
            std::mem::take(&mut self.diags),
        )
    }

    /// True if `name` is now a defined global with this id (an `extern` declaration that a
    /// later definition in the same input satisfied).
    fn defined_here(&self, name: &str, id: GlobalId) -> bool {
        matches!(self.globals.get(name), Some(Symbol::Var(VarSym { place: Place::Global { id: g, defined: true, .. }, .. })) if *g == id)
    }

    fn finish_input(&mut self, result: Option<(u32, Type)>) {
        for (id, name, ty) in std::mem::take(&mut self.extern_refs) {
            if self.module.globals.iter().any(|g| g.id == id)
                || !self.extern_only.contains(&id) && self.defined_here(&name, id)
            {
                continue;
            }
            let size = self.types.size_of(&ty);
            let align = self.types.align_of(&ty);
            self.module.globals.push(ir::Global {
                id,
                name: name.clone(),
                ty,
                size,
                align,
                init: ir::GlobalInit::Extern(name),
                thread_local: false,
            });
        }
        let mut recs: Vec<RecordId> = std::mem::take(&mut self.touched_records);
        recs.sort();
        recs.dedup();
        for id in recs {
            if let Some(r) = self.types.records.get(id as usize) {
                self.module.records.push((id, r.clone()));
            }
        }
        let mut ens: Vec<ir::EnumId> = std::mem::take(&mut self.touched_enums);
        ens.sort();
        ens.dedup();
        for id in ens {
            if let Some(e) = self.types.enums.get(id as usize) {
                self.module.enums.push((id, e.clone()));
            }
        }
        if !self.unit.is_empty() || result.is_some() {
            let stmts = std::mem::take(&mut self.unit);
            let labels = expr::stmt_labels(&stmts);
            let body = ir::Stmt::Block(ir::Block { stmts, labels });
            // The interpreter reads the result from the frame: it stays there.
            let keep: Vec<(u32, u64)> = result
                .iter()
                .map(|(o, t)| (*o, self.types.size_of(t).max(8)))
                .collect();
            let locals = ir::locals::analyze(&self.types, &body, &[], &keep);
            self.module.inits.push(ir::InitUnit {
                frame_size: self.unit_frame,
                body,
                result,
                locals,
            });
        }
    }

    /// A `#pragma pack` change: push, pop, or a new maximum member alignment (0: natural).
    pub(crate) fn apply_pack(&mut self, v: u32) {
        match v {
            ast::PACK_PUSH => self.pack_stack.push(self.pack),
            ast::PACK_POP => self.pack = self.pack_stack.pop().unwrap_or(0),
            n => self.pack = n,
        }
    }

    // ---- diagnostics

    pub(crate) fn error(&mut self, loc: Loc, msg: impl Into<String>) {
        self.diags.push(Diag::error(loc, msg));
    }
    pub(crate) fn warning(&mut self, loc: Loc, msg: impl Into<String>) {
        self.diags.push(Diag::warning(loc, msg));
    }
    pub(crate) fn note(&mut self, loc: Loc, msg: impl Into<String>) {
        self.diags.push(Diag::note(loc, msg));
    }

    // ---- names

    pub(crate) fn lookup(&self, name: &str) -> Option<&Symbol> {
        for s in self.scopes.iter().rev() {
            if let Some(x) = s.names.get(name) {
                return Some(x);
            }
        }
        self.globals.get(name).or_else(|| {
            // At the prompt, what a `%load`ed file defined is there without a declaration.
            if self.mode == Mode::Repl {
                self.loaded.get(name)
            } else {
                None
            }
        })
    }

    /// For a name found in a block scope: how many nested functions enclose that scope
    /// (0: the outermost function). `None` for file scope.
    pub(crate) fn lookup_level(&self, name: &str) -> Option<usize> {
        let i = self
            .scopes
            .iter()
            .rposition(|s| s.names.contains_key(name))?;
        Some(self.nested_bases.iter().filter(|&&b| b <= i).count())
    }

    /// The address of the frame of the function at nesting `level`, from inside the
    /// innermost nested function: its static chain, followed outwards.
    pub(crate) fn outer_frame(&self, level: usize) -> ir::Expr {
        use ir::{Expr, ExprKind as K};
        let voidp = Type::ptr_to(Type::void());
        let cur = self.chain_slots.len();
        let load = |e: Expr| Expr::new(K::Load(Box::new(e)), voidp.clone());
        // The chain of the innermost function: the frame of the one around it.
        let mut frame = load(Expr::new(
            K::Local(self.chain_slots[cur - 1]),
            voidp.clone(),
        ));
        for k in (level + 1..cur).rev() {
            // The frame of nesting k holds its own chain at its chain slot.
            let at = expr::convert(
                Expr::new(
                    K::Binary {
                        op: ir::BinOp::Add,
                        op_ty: ir::Scalar::U64,
                        lhs: Box::new(expr::convert(frame, &expr::ulong_ty())),
                        rhs: Box::new(Expr::new(
                            K::Int(self.chain_slots[k - 1] as i64),
                            expr::ulong_ty(),
                        )),
                    },
                    expr::ulong_ty(),
                ),
                &Type::ptr_to(voidp.clone()),
            );
            frame = load(Expr::new(K::Deref(Box::new(at)), voidp.clone()));
        }
        frame
    }

    pub(crate) fn lookup_tag(&self, name: &str) -> Option<(Tag, bool)> {
        for s in self.scopes.iter().rev() {
            if let Some(x) = s.tags.get(name) {
                return Some((*x, false));
            }
        }
        self.tags.get(name).map(|t| (*t, true))
    }

    /// The tag declared in the current scope itself (a definition there completes it; one
    /// in an outer scope is shadowed by a new type).
    pub(crate) fn tag_in_current_scope(&self, name: &str) -> Option<Tag> {
        match self.scopes.last() {
            Some(s) => s.tags.get(name).copied(),
            None => self.tags.get(name).copied(),
        }
    }

    /// Declares a name in the current scope (file scope is journaled).
    pub(crate) fn declare(&mut self, name: &str, sym: Symbol) {
        if let Some(s) = self.scopes.last_mut() {
            s.names.insert(name.to_string(), sym);
        } else {
            let old = self.globals.insert(name.to_string(), sym);
            self.journal.push(Undo::Name(name.to_string(), old));
        }
    }

    /// Declares a name at file scope regardless of the current scope (block-scope `extern`).
    pub(crate) fn declare_global(&mut self, name: &str, sym: Symbol) {
        let old = self.globals.insert(name.to_string(), sym);
        self.journal.push(Undo::Name(name.to_string(), old));
    }

    pub(crate) fn global_names(&self) -> impl Iterator<Item = &str> {
        self.globals.keys().map(|k| k.as_str())
    }

    pub(crate) fn global_sym(&self, name: &str) -> Option<&Symbol> {
        self.globals.get(name)
    }

    /// The symbol declared in the current scope only (for redeclaration checks).
    pub(crate) fn lookup_current(&self, name: &str) -> Option<&Symbol> {
        match self.scopes.last() {
            Some(s) => s.names.get(name),
            None => self.globals.get(name),
        }
    }

    pub(crate) fn declare_tag(&mut self, name: &str, tag: Tag) {
        if let Some(s) = self.scopes.last_mut() {
            s.tags.insert(name.to_string(), tag);
        } else {
            let old = self.tags.insert(name.to_string(), tag);
            self.journal.push(Undo::Tag(name.to_string(), old));
        }
    }

    pub(crate) fn new_record(&mut self, r: Record) -> RecordId {
        self.types.records.push(r);
        let id = (self.types.records.len() - 1) as RecordId;
        self.touched_records.push(id);
        id
    }

    /// Replaces a record (completing it, naming it by typedef); journaled.
    pub(crate) fn set_record(&mut self, id: RecordId, r: Record) {
        let old = std::mem::replace(&mut self.types.records[id as usize], r);
        self.journal.push(Undo::Record(id, old));
        self.touched_records.push(id);
    }

    pub(crate) fn new_enum(&mut self, e: EnumDef) -> ir::EnumId {
        self.types.enums.push(e);
        let id = (self.types.enums.len() - 1) as ir::EnumId;
        self.touched_enums.push(id);
        id
    }

    pub(crate) fn touch_enum(&mut self, id: ir::EnumId) {
        self.touched_enums.push(id);
    }

    pub(crate) fn new_global_id(&mut self) -> GlobalId {
        self.next_global += 1;
        self.next_global - 1
    }

    pub(crate) fn new_func_id(&mut self) -> FuncId {
        self.next_func += 1;
        self.next_func - 1
    }

    pub(crate) fn current_input(&self) -> u32 {
        self.input
    }

    // ---- frames

    /// Allocates `size` bytes aligned to `align` in the current frame (function or
    /// top-level unit).
    pub(crate) fn alloc_local(&mut self, size: u64, align: u64) -> u32 {
        let align = align.clamp(1, 16) as u32;
        let size = size.max(1) as u32;
        let frame = match &mut self.fcx {
            Some(f) => &mut f.frame,
            None => &mut self.unit_frame,
        };
        let off = (*frame).div_ceil(align) * align;
        *frame = off + size;
        off
    }

    /// Adds an anonymous global (string literal, file-scope compound literal).
    pub(crate) fn anon_global(&mut self, ty: Type, init: ir::GlobalInit) -> GlobalId {
        let id = self.new_global_id();
        let size = self.types.size_of(&ty);
        let align = self.types.align_of(&ty);
        self.module.globals.push(ir::Global {
            id,
            name: String::new(),
            ty,
            size,
            align,
            init,
            thread_local: false,
        });
        id
    }

    pub(crate) fn push_unit_stmt(&mut self, s: ir::Stmt) {
        self.unit.push(s);
    }
}
