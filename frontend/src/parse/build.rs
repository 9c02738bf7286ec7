//! Grammar-action helpers: turn the pieces the LALRPOP grammar (grammar/c.lalrpop) recognises
//! into syntax-tree nodes (crate::ast), and feed declared names back to the typedef table.
//!
//! Values larger than an `Expr` travel between grammar actions in `Box`es: LALRPOP's symbol
//! stack holds an enum as large as its largest nonterminal type (see grammar/c.lalrpop).

// The boxes are the grammar's symbol types, not a choice of these functions.
#![allow(clippy::boxed_local, clippy::vec_box)]

use super::tok::{FloatTok, IntTok, StrTok};
use super::typedefs::TypedefTable;
use crate::ast::*;
use crate::diag::Diag;
use crate::source::Loc;
use std::cell::RefCell;
use std::rc::Rc;

/// State shared by the grammar actions of one parse.
pub struct Ctx {
    pub td: Rc<RefCell<TypedefTable>>,
    pub diags: RefCell<Vec<Diag>>,
}

impl Ctx {
    pub fn new(td: Rc<RefCell<TypedefTable>>) -> Ctx {
        Ctx {
            td,
            diags: RefCell::new(Vec::new()),
        }
    }

    fn error(&self, loc: Loc, msg: impl Into<String>) {
        self.diags.borrow_mut().push(Diag::error(loc, msg));
    }

    fn declare(&self, d: &Declarator, is_typedef: bool) {
        if let Some((name, _)) = &d.name {
            self.td.borrow_mut().declare(name, is_typedef);
        }
    }

    /// The first declarator of a declaration: enters its name into the typedef table.
    pub fn decl_first(&self, s: Box<Specs>, d: Box<Declarator>) -> Box<DeclB> {
        let is_typedef = s.s.storage.iter().any(|(c, _)| *c == StorageClass::Typedef);
        self.declare(&d, is_typedef);
        let loc = s.s.loc;
        let decl = InitDeclarator {
            loc: d.loc,
            decl: *d,
            init: None,
        };
        Box::new(DeclB {
            d: Declaration {
                specs: s.s,
                declarators: vec![decl],
                loc,
            },
            is_typedef,
        })
    }

    /// A further declarator after `,`.
    pub fn decl_next(&self, mut p: Box<DeclB>, d: Box<Declarator>) -> Box<DeclB> {
        self.declare(&d, p.is_typedef);
        p.d.declarators.push(InitDeclarator {
            loc: d.loc,
            decl: *d,
            init: None,
        });
        p
    }

    /// The head of a function definition, reduced when the body's `{` (and its scope) is
    /// already open: declares the parameters in that scope.
    pub fn func_head(
        &self,
        s: Box<Specs>,
        d: Box<Declarator>,
        l: Loc,
    ) -> Box<(Specs, Declarator, Loc)> {
        if let Some(Derived::Function { params, .. }) = d.derived.first() {
            for p in params {
                self.declare(&p.decl, false);
            }
        }
        Box::new((*s, *d, l))
    }

    pub fn func_def(
        &self,
        head: Box<(Specs, Declarator, Loc)>,
        old_style_decls: Vec<Box<Declaration>>,
        body: Box<Stmt>,
    ) -> Box<FunctionDef> {
        let (s, decl, loc) = *head;
        Box::new(FunctionDef {
            specs: s.s,
            decl,
            old_style_decls: unbox_vec(old_style_decls),
            body: *body,
            loc,
        })
    }

    /// An enumeration constant: an ordinary identifier from here on.
    pub fn enum_const(&self, n: String, l: Loc) -> (String, Loc) {
        self.td.borrow_mut().declare(&n, false);
        (n, l)
    }

    pub fn open_scope(&self) {
        self.td.borrow_mut().push_scope();
    }

    /// A `for` statement; closes the scope opened at `for (`.
    pub fn for_stmt(&self, h: Box<ForHead>, body: Box<Stmt>, loc: Loc) -> Box<Stmt> {
        self.td.borrow_mut().pop_scope();
        let h = *h;
        stmt(StmtKind::For(Box::new(h.init), h.cond, h.step, body), loc)
    }

    /// A statement at file scope (REPL). Labels are allowed (a `goto` within one input);
    /// case labels make no sense there.
    pub fn file_stmt(&self, s: Box<Stmt>) -> ExternalItem {
        match &s.kind {
            StmtKind::Case(..) => self.error(s.loc, "'case' statement not in switch statement"),
            StmtKind::Default(..) => {
                self.error(s.loc, "'default' statement not in switch statement")
            }
            _ => {}
        }
        ExternalItem::Stmt(*s)
    }
}

pub fn unit(items: Vec<ExternalItem>, trailing_expr: Option<Expr>) -> Box<TranslationUnit> {
    Box::new(TranslationUnit {
        items,
        trailing_expr,
    })
}

/// The values of a list of boxes.
pub fn unbox_vec<T>(v: Vec<Box<T>>) -> Vec<T> {
    v.into_iter().map(|b| *b).collect()
}

// ---------------------------------------------------------------------------------------------
// Declarations

/// A declaration being built (its declarators so far).
pub struct DeclB {
    d: Declaration,
    is_typedef: bool,
}

impl DeclB {
    pub fn finish(self: Box<Self>) -> Box<Declaration> {
        Box::new(self.d)
    }
}

pub fn with_init(mut p: Box<DeclB>, i: Initializer) -> Box<DeclB> {
    if let Some(last) = p.d.declarators.last_mut() {
        last.init = Some(i);
    }
    p
}

pub fn decl_empty(s: Box<Specs>) -> Box<Declaration> {
    let loc = s.s.loc;
    Box::new(Declaration {
        specs: s.s,
        declarators: vec![],
        loc,
    })
}

pub fn kr_decl(s: Box<Specs>, ds: Vec<Box<Declarator>>) -> Box<Declaration> {
    let loc = s.s.loc;
    let declarators = ds
        .into_iter()
        .map(|d| InitDeclarator {
            loc: d.loc,
            decl: *d,
            init: None,
        })
        .collect();
    Box::new(Declaration {
        specs: s.s,
        declarators,
        loc,
    })
}

pub fn decl_full(
    mut d: Box<Declarator>,
    asm: Option<String>,
    attrs: Option<Vec<Attribute>>,
) -> Box<Declarator> {
    d.asm_label = asm;
    d.attrs.extend(attrs.unwrap_or_default());
    d
}

/// The text of a string literal (asm labels).
/// `asm QUALS ("text" : outputs : inputs : clobbers)`.
pub fn asm_stmt(
    quals: Vec<bool>,
    s: StrTok,
    sections: Vec<Vec<(String, Option<Expr>)>>,
    l: Loc,
) -> Box<Stmt> {
    let operands = |i: usize| -> Vec<(String, Expr)> {
        sections
            .get(i)
            .map(|v| {
                v.iter()
                    .filter_map(|(c, e)| Some((c.clone(), e.clone()?)))
                    .collect()
            })
            .unwrap_or_default()
    };
    stmt(
        StmtKind::Asm {
            text: str_text(s),
            is_goto: quals.iter().any(|g| *g),
            outputs: operands(0),
            inputs: operands(1),
        },
        l,
    )
}

pub fn str_text(s: StrTok) -> String {
    let bytes: Vec<u8> = s.units.iter().map(|u| *u as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn str_bytes(s: StrTok) -> Vec<u8> {
    s.units.iter().map(|u| *u as u8).collect()
}

pub fn static_assert(cond: Expr, msg: Option<StrTok>, loc: Loc) -> Box<StaticAssert> {
    Box::new(StaticAssert {
        cond,
        msg: msg.map(str_bytes),
        loc,
    })
}

/// One declaration specifier.
pub enum SpecItem {
    Storage(StorageClass),
    Type(TypeSpec),
    Const,
    Volatile,
    Restrict,
    Atomic,
    Inline,
    Noreturn,
    Align(AlignSpec),
    Attrs(Vec<Attribute>),
}

pub struct SpecIt {
    item: SpecItem,
    loc: Loc,
}

pub fn si(item: SpecItem, loc: Loc) -> Box<SpecIt> {
    Box::new(SpecIt { item, loc })
}

/// Declaration specifiers being collected.
pub struct Specs {
    pub s: DeclSpecs,
    /// The last specifier was a struct/union/enum definition: attributes right after its `}`
    /// belong to it.
    last_record: bool,
}

impl Specs {
    pub fn new(i: Box<SpecIt>) -> Box<Specs> {
        let s = DeclSpecs {
            loc: i.loc,
            ..DeclSpecs::default()
        };
        Box::new(Specs {
            s,
            last_record: false,
        })
        .add(i)
    }

    pub fn add(mut self: Box<Self>, i: Box<SpecIt>) -> Box<Specs> {
        let i = *i;
        let s = &mut self.s;
        let mut record = false;
        match i.item {
            SpecItem::Storage(c) => s.storage.push((c, i.loc)),
            SpecItem::Type(t) => {
                record = matches!(
                    &t,
                    TypeSpec::Struct(RecordSpec {
                        fields: Some(_),
                        ..
                    }) | TypeSpec::Union(RecordSpec {
                        fields: Some(_),
                        ..
                    }) | TypeSpec::Enum(EnumSpec { items: Some(_), .. })
                );
                s.types.push((t, i.loc));
            }
            SpecItem::Const => s.is_const = true,
            SpecItem::Volatile => s.is_volatile = true,
            SpecItem::Restrict => s.is_restrict = true,
            SpecItem::Atomic => s.is_atomic = true,
            SpecItem::Inline => s.is_inline = true,
            SpecItem::Noreturn => s.is_noreturn = true,
            SpecItem::Align(a) => s.align.push(a),
            SpecItem::Attrs(a) => {
                if self.last_record {
                    match s.types.last_mut() {
                        Some((TypeSpec::Struct(r) | TypeSpec::Union(r), _)) => r.attrs.extend(a),
                        Some((TypeSpec::Enum(e), _)) => e.attrs.extend(a),
                        _ => s.attrs.extend(a),
                    }
                    return self;
                }
                s.attrs.extend(a);
            }
        }
        self.last_record = record;
        self
    }
}

pub fn record(
    is_union: bool,
    attrs: Option<Vec<Attribute>>,
    name: Option<String>,
    fields: Option<Vec<Option<Box<FieldDecl>>>>,
    loc: Loc,
) -> Box<SpecIt> {
    let fields = fields.map(|f| f.into_iter().flatten().map(|b| *b).collect());
    let r = RecordSpec {
        name,
        fields,
        attrs: attrs.unwrap_or_default(),
        loc,
    };
    si(
        SpecItem::Type(if is_union {
            TypeSpec::Union(r)
        } else {
            TypeSpec::Struct(r)
        }),
        loc,
    )
}

pub fn field_decl(
    s: Box<Specs>,
    declarators: Vec<Box<FieldDeclarator>>,
    loc: Loc,
) -> Box<FieldDecl> {
    Box::new(FieldDecl {
        specs: s.s,
        declarators: unbox_vec(declarators),
        loc,
        pack: None,
    })
}

/// `#pragma pack` inside a struct or union body.
pub fn field_pack(n: u32, loc: Loc) -> Box<FieldDecl> {
    Box::new(FieldDecl {
        specs: DeclSpecs::default(),
        declarators: vec![],
        loc,
        pack: Some(n),
    })
}

pub fn field(
    decl: Option<Box<Declarator>>,
    bit_width: Option<Expr>,
    attrs: Option<Vec<Attribute>>,
    loc: Loc,
) -> Box<FieldDeclarator> {
    let decl = match (decl, attrs) {
        (Some(mut d), Some(a)) => {
            d.attrs.extend(a);
            Some(*d)
        }
        (d, _) => d.map(|d| *d),
    };
    Box::new(FieldDeclarator {
        decl,
        bit_width,
        loc,
    })
}

pub fn enum_spec(
    attrs: Option<Vec<Attribute>>,
    name: Option<String>,
    items: Option<Vec<Enumerator>>,
    loc: Loc,
) -> Box<SpecIt> {
    si(
        SpecItem::Type(TypeSpec::Enum(EnumSpec {
            name,
            items,
            attrs: attrs.unwrap_or_default(),
            loc,
        })),
        loc,
    )
}

pub fn enumerator(n: (String, Loc), value: Option<Expr>) -> Box<Enumerator> {
    Box::new(Enumerator {
        name: n.0,
        value,
        loc: n.1,
    })
}

pub fn param(
    s: Box<Specs>,
    d: Option<Box<Declarator>>,
    attrs: Option<Vec<Attribute>>,
    loc: Loc,
) -> Box<ParamDecl> {
    let mut decl = d.map(|d| *d).unwrap_or_default();
    decl.attrs.extend(attrs.unwrap_or_default());
    Box::new(ParamDecl {
        specs: s.s,
        decl,
        loc,
    })
}

pub fn type_name(s: Box<Specs>, d: Option<Box<Declarator>>, loc: Loc) -> Box<TypeName> {
    Box::new(TypeName {
        specs: s.s,
        decl: d.map(|d| *d).unwrap_or_default(),
        loc,
    })
}

// ---------------------------------------------------------------------------------------------
// Attributes and lists

pub fn push<T>(mut v: Vec<T>, e: T) -> Vec<T> {
    v.push(e);
    v
}

pub fn concat<T>(mut a: Vec<T>, b: Vec<T>) -> Vec<T> {
    a.extend(b);
    a
}

pub fn opt_vec<T>(e: Option<T>) -> Vec<T> {
    e.into_iter().collect()
}

pub fn push_opt<T>(mut v: Vec<T>, e: Option<T>) -> Vec<T> {
    v.extend(e);
    v
}

pub fn attr(name: String, args: Vec<Expr>, loc: Loc) -> Attribute {
    // `__packed__` and `packed` are the same attribute.
    let name = match name.strip_prefix("__").and_then(|n| n.strip_suffix("__")) {
        Some(n) if !n.is_empty() => n.to_string(),
        _ => name,
    };
    Attribute { name, args, loc }
}

// ---------------------------------------------------------------------------------------------
// Declarators

/// A qualifier after `*` or inside array brackets.
pub enum Qual {
    Const,
    Volatile,
    Restrict,
    Atomic,
    Attr,
}

pub fn named(n: String, l: Loc) -> Box<Declarator> {
    Box::new(Declarator {
        name: Some((n, l)),
        loc: l,
        ..Declarator::default()
    })
}

pub fn push_derived(mut d: Box<Declarator>, x: Derived) -> Box<Declarator> {
    d.derived.push(x);
    d
}

/// Applies pointers (in source order) written before a direct declarator: the one nearest the
/// name applies first.
pub fn with_ptr(mut d: Box<Declarator>, p: Vec<Derived>) -> Box<Declarator> {
    d.derived.extend(p.into_iter().rev());
    d
}

pub fn prepend(x: Derived, mut v: Vec<Derived>) -> Vec<Derived> {
    v.insert(0, x);
    v
}

pub fn ptr(q: Vec<Qual>) -> Derived {
    Derived::Pointer {
        is_const: q.iter().any(|q| matches!(q, Qual::Const)),
        is_volatile: q.iter().any(|q| matches!(q, Qual::Volatile)),
        is_restrict: q.iter().any(|q| matches!(q, Qual::Restrict)),
        is_atomic: q.iter().any(|q| matches!(q, Qual::Atomic)),
    }
}

pub fn array(size: Option<Expr>, q: Vec<Qual>, is_static: bool, star: bool) -> Derived {
    Derived::Array {
        size: size.map(Box::new),
        is_static,
        is_const: q.iter().any(|q| matches!(q, Qual::Const)),
        is_volatile: q.iter().any(|q| matches!(q, Qual::Volatile)),
        is_restrict: q.iter().any(|q| matches!(q, Qual::Restrict)),
        star,
    }
}

pub fn func(
    params: Vec<ParamDecl>,
    variadic: bool,
    ident_list: Option<Vec<(String, Loc)>>,
) -> Derived {
    Derived::Function {
        params,
        variadic,
        ident_list,
    }
}

// ---------------------------------------------------------------------------------------------
// Statements

pub fn stmt(kind: StmtKind, loc: Loc) -> Box<Stmt> {
    Box::new(Stmt { kind, loc })
}

pub fn if_stmt(c: Expr, t: Box<Stmt>, e: Option<Box<Stmt>>, loc: Loc) -> Box<Stmt> {
    stmt(StmtKind::If(c, t, e), loc)
}

/// The parenthesised part of a `for` statement.
pub struct ForHead {
    init: ForInit,
    cond: Option<Expr>,
    step: Option<Expr>,
}

pub fn for_head(init: Option<ForInit>, cond: Option<Expr>, step: Option<Expr>) -> Box<ForHead> {
    Box::new(ForHead {
        init: init.unwrap_or(ForInit::None),
        cond,
        step,
    })
}

// ---------------------------------------------------------------------------------------------
// Expressions

pub fn ex(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

pub fn int_lit(v: IntTok, loc: Loc) -> Expr {
    ex(
        ExprKind::IntLit {
            value: v.value,
            unsigned: v.unsigned,
            longs: v.longs,
            decimal: v.decimal,
        },
        loc,
    )
}

pub fn float_lit(v: FloatTok, loc: Loc) -> Expr {
    ex(
        ExprKind::FloatLit {
            value: v.value,
            suffix: v.suffix,
            text: v.text,
        },
        loc,
    )
}

/// `a[i]`; located at the base expression.
pub fn index(a: Expr, i: Expr, _l: Loc) -> Expr {
    let loc = a.loc;
    ex(ExprKind::Index(Box::new(a), Box::new(i)), loc)
}

/// `f(args)`; located at the callee.
pub fn call(f: Expr, args: Vec<Expr>, _l: Loc) -> Expr {
    let loc = f.loc;
    ex(ExprKind::Call(Box::new(f), args), loc)
}

/// A unary operator; located at the operator.
pub fn un(op: UnaryOp, e: Expr, loc: Loc) -> Expr {
    ex(ExprKind::Unary(op, Box::new(e)), loc)
}

/// A binary operator; located at the operator.
pub fn bin(op: BinaryOp, a: Expr, b: Expr, loc: Loc) -> Expr {
    ex(ExprKind::Binary(op, Box::new(a), Box::new(b)), loc)
}

/// An assignment; located at the operator.
pub fn assign(op: Option<BinaryOp>, a: Expr, b: Expr, loc: Loc) -> Expr {
    ex(ExprKind::Assign(op, Box::new(a), Box::new(b)), loc)
}

/// `c ? a : b`; located at the `?`.
pub fn cond(c: Expr, a: Option<Expr>, b: Expr, loc: Loc) -> Expr {
    ex(
        ExprKind::Cond(Box::new(c), a.map(Box::new), Box::new(b)),
        loc,
    )
}

pub fn compound_lit(t: Box<TypeName>, items: Vec<InitItem>, loc: Loc) -> Expr {
    ex(
        ExprKind::CompoundLit(t, Box::new(Initializer::List(items, loc))),
        loc,
    )
}
