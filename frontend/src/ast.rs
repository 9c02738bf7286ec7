//! C syntax tree: what the parser (grammar/c.lalrpop) builds and semantic analysis consumes.
//!
//! The tree keeps C's surface syntax (declaration specifiers and declarators separately);
//! `sema` turns it into types and the typed IR. Every node that can be the subject of a
//! diagnostic carries a [`Loc`].

use crate::source::Loc;

#[derive(Clone, Debug, Default)]
pub struct TranslationUnit {
    pub items: Vec<ExternalItem>,
    /// REPL only: a last expression with no terminating `;`, whose value is printed.
    pub trailing_expr: Option<Expr>,
}

#[derive(Clone, Debug)]
pub enum ExternalItem {
    Decl(Declaration),
    Func(FunctionDef),
    /// REPL only: a statement at file scope (runs immediately).
    Stmt(Stmt),
    StaticAssert(StaticAssert),
    /// A stray `;` at file scope.
    Empty(Loc),
    /// `#pragma pack`: 0 resets the default, N sets N-byte packing, `PACK_PUSH`/`PACK_POP`
    /// save and restore the current value.
    PragmaPack(u32, Loc),
}

pub const PACK_PUSH: u32 = 1000;
pub const PACK_POP: u32 = 1001;

#[derive(Clone, Debug)]
pub struct StaticAssert {
    pub cond: Expr,
    pub msg: Option<Vec<u8>>,
    pub loc: Loc,
}

// ---------------------------------------------------------------------------------------------
// Declarations

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageClass {
    Typedef,
    Extern,
    Static,
    Auto,
    Register,
    ThreadLocal,
}

#[derive(Clone, Debug)]
pub enum TypeSpec {
    Void,
    Char,
    Short,
    Int,
    Long,
    Float,
    Double,
    Signed,
    Unsigned,
    Bool,
    Complex,
    Int128,
    /// GNU `__auto_type`: the declared object's type is its initializer's.
    AutoType,
    /// `__builtin_va_list`
    VaList,
    Struct(RecordSpec),
    Union(RecordSpec),
    Enum(EnumSpec),
    TypedefName(String),
    /// `typeof(expr)` / `__typeof__(expr)`
    TypeofExpr(Box<Expr>),
    /// `typeof(type-name)`
    TypeofType(Box<TypeName>),
    /// `_Atomic(type-name)`
    Atomic(Box<TypeName>),
}

#[derive(Clone, Debug)]
pub struct RecordSpec {
    pub name: Option<String>,
    /// `None` for a reference (`struct S x;`), `Some` for a definition (`struct S { ... }`).
    pub fields: Option<Vec<FieldDecl>>,
    pub attrs: Vec<Attribute>,
    pub loc: Loc,
}

/// One member declaration: `int a, *b, c : 3;`. An anonymous struct/union member has no
/// declarators.
#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub specs: DeclSpecs,
    pub declarators: Vec<FieldDeclarator>,
    pub loc: Loc,
    /// Not a member: a `#pragma pack` inside the body (`__crepl_pragma_pack(N)`), which
    /// applies to the members after it.
    pub pack: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct FieldDeclarator {
    /// `None` for an unnamed bit-field (`int : 3;`).
    pub decl: Option<Declarator>,
    pub bit_width: Option<Expr>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct EnumSpec {
    pub name: Option<String>,
    /// `None` for a reference, `Some` for a definition.
    pub items: Option<Vec<Enumerator>>,
    pub attrs: Vec<Attribute>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct Enumerator {
    pub name: String,
    pub value: Option<Expr>,
    pub loc: Loc,
}

/// `__attribute__((name(args)))`, one entry per attribute. Identifier arguments
/// (`format(printf, 1, 2)`) are `Expr::Ident`.
#[derive(Clone, Debug)]
pub struct Attribute {
    pub name: String,
    pub args: Vec<Expr>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum AlignSpec {
    Type(TypeName),
    Expr(Expr),
}

/// Declaration specifiers in the order written; sema checks the combinations.
#[derive(Clone, Debug, Default)]
pub struct DeclSpecs {
    pub storage: Vec<(StorageClass, Loc)>,
    pub types: Vec<(TypeSpec, Loc)>,
    pub is_const: bool,
    pub is_volatile: bool,
    pub is_restrict: bool,
    pub is_atomic: bool,
    pub is_inline: bool,
    pub is_noreturn: bool,
    pub align: Vec<AlignSpec>,
    pub attrs: Vec<Attribute>,
    pub loc: Loc,
}

/// A declarator: the declared name (absent in abstract declarators) and the type
/// derivations around it.
///
/// `derived[0]` is the derivation that applies to the name first, i.e. the outermost type
/// constructor: for `*a[3]` it is `[Array(3), Pointer]` (array of pointers), for `(*p)[3]` it
/// is `[Pointer, Array(3)]` (pointer to array), for `int * const * q` it is
/// `[Pointer{const:false}, Pointer{const:true}]`. To build the type, start from the
/// specifiers' type and apply `derived` from last to first.
#[derive(Clone, Debug, Default)]
pub struct Declarator {
    pub name: Option<(String, Loc)>,
    pub derived: Vec<Derived>,
    pub attrs: Vec<Attribute>,
    /// `__asm__("symbol")` after the declarator.
    pub asm_label: Option<String>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum Derived {
    Pointer {
        is_const: bool,
        is_volatile: bool,
        is_restrict: bool,
        is_atomic: bool,
    },
    Array {
        size: Option<Box<Expr>>,
        /// `[static 10]` in a parameter.
        is_static: bool,
        /// Qualifiers inside the brackets of a parameter (`[const]`).
        is_const: bool,
        is_volatile: bool,
        is_restrict: bool,
        /// `[*]`
        star: bool,
    },
    Function {
        params: Vec<ParamDecl>,
        variadic: bool,
        /// K&R identifier list (`f(a, b)`), in which case `params` is empty.
        ident_list: Option<Vec<(String, Loc)>>,
    },
}

#[derive(Clone, Debug)]
pub struct ParamDecl {
    pub specs: DeclSpecs,
    /// Name optional (abstract declarator).
    pub decl: Declarator,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct TypeName {
    pub specs: DeclSpecs,
    /// Always abstract (no name).
    pub decl: Declarator,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct InitDeclarator {
    pub decl: Declarator,
    pub init: Option<Initializer>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum Initializer {
    Expr(Box<Expr>),
    /// `{ [0] = 1, .x = 2, 3 }`
    List(Vec<InitItem>, Loc),
}

#[derive(Clone, Debug)]
pub struct InitItem {
    pub designators: Vec<Designator>,
    pub init: Initializer,
}

#[derive(Clone, Debug)]
pub enum Designator {
    Index(Expr, Loc),
    /// GNU `[lo ... hi]`
    Range(Expr, Expr, Loc),
    Field(String, Loc),
}

#[derive(Clone, Debug)]
pub struct Declaration {
    pub specs: DeclSpecs,
    pub declarators: Vec<InitDeclarator>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub specs: DeclSpecs,
    pub decl: Declarator,
    /// K&R parameter declarations between `)` and `{`.
    pub old_style_decls: Vec<Declaration>,
    /// Always a `StmtKind::Compound`.
    pub body: Stmt,
    pub loc: Loc,
}

// ---------------------------------------------------------------------------------------------
// Statements

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum BlockItem {
    /// `#pragma pack` in a block (`__crepl_pragma_pack(N)`): struct layouts from here on.
    PragmaPack(u32, Loc),
    Decl(Declaration),
    StaticAssert(StaticAssert),
    Stmt(Stmt),
    /// GNU `__label__ a, b;`: labels local to the block.
    LocalLabels(Vec<String>, Loc),
    /// A nested function (GNU).
    Func(Box<FunctionDef>),
}

#[derive(Clone, Debug)]
pub enum ForInit {
    None,
    Expr(Expr),
    Decl(Declaration),
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Compound(Vec<BlockItem>),
    /// `expr;` or the null statement `;`
    Expr(Option<Expr>),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    DoWhile(Box<Stmt>, Expr),
    For(Box<ForInit>, Option<Expr>, Option<Expr>, Box<Stmt>),
    Switch(Expr, Box<Stmt>),
    /// `case lo:` or GNU `case lo ... hi:`
    Case(Expr, Option<Expr>, Box<Stmt>),
    Default(Box<Stmt>),
    Break,
    Continue,
    Return(Option<Expr>),
    Goto(String),
    /// GNU `goto *expr;`
    GotoComputed(Expr),
    Labeled(String, Box<Stmt>),
    /// `__asm__(...)` statement: its template, whether it is `asm goto`, and whether it
    /// has output operands (sema runs the few that need no assembler and rejects the rest
    /// with a clear message).
    Asm {
        text: String,
        is_goto: bool,
        /// (constraint, lvalue) of each output operand.
        outputs: Vec<(String, Expr)>,
        /// (constraint, expression) of each input operand.
        inputs: Vec<(String, Expr)>,
    },
}

// ---------------------------------------------------------------------------------------------
// Expressions

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Plus,
    Neg,
    /// `!`
    Not,
    /// `~`
    BitNot,
    Deref,
    AddrOf,
    PreInc,
    PreDec,
    PostInc,
    PostDec,
    /// GNU `__real__ z`, `__imag__ z`: the parts of a complex value (lvalues of one).
    Real,
    Imag,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Mul,
    Div,
    Rem,
    Add,
    Sub,
    Shl,
    Shr,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    BitAnd,
    BitXor,
    BitOr,
    LogAnd,
    LogOr,
}

/// Prefix of a character constant or string literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharPrefix {
    None,
    /// `L`: wchar_t (int)
    Wide,
    /// `u8`
    Utf8,
    /// `u`: char16_t
    Utf16,
    /// `U`: char32_t
    Utf32,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Ident(String),
    /// An integer constant. `decimal` matters for the type rules (C11 6.4.4.1).
    IntLit {
        value: u128,
        unsigned: bool,
        longs: u8,
        decimal: bool,
    },
    /// A GNU imaginary constant (`2.0i`, `1.5fi`, `0.1Li`): the floating constant it
    /// multiplies by i.
    Imaginary(Box<Expr>),
    /// A floating constant; `suffix` is `None`, `Some('f')` or `Some('l')`.
    FloatLit {
        value: f64,
        suffix: Option<char>,
        text: String,
    },
    CharLit {
        value: i64,
        prefix: CharPrefix,
    },
    /// Adjacent string literals already concatenated; `units` are the code units of the
    /// literal's element type (bytes for plain and u8, UTF-16 units for u, code points for
    /// U and L), without the terminating zero.
    StrLit {
        units: Vec<u32>,
        prefix: CharPrefix,
    },
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `a = b` (op None) or `a op= b`.
    Assign(Option<BinaryOp>, Box<Expr>, Box<Expr>),
    /// `c ? a : b`; GNU `c ?: b` has `None`.
    Cond(Box<Expr>, Option<Box<Expr>>, Box<Expr>),
    Comma(Box<Expr>, Box<Expr>),
    Cast(Box<TypeName>, Box<Expr>),
    SizeofExpr(Box<Expr>),
    SizeofType(Box<TypeName>),
    AlignofExpr(Box<Expr>),
    AlignofType(Box<TypeName>),
    Call(Box<Expr>, Vec<Expr>),
    Index(Box<Expr>, Box<Expr>),
    /// `e.name` (arrow false) or `e->name` (arrow true)
    Member(Box<Expr>, String, bool),
    CompoundLit(Box<TypeName>, Box<Initializer>),
    /// GNU `({ ... })`; the body is a `StmtKind::Compound`.
    StmtExpr(Box<Stmt>),
    /// `_Generic(ctrl, type: e, default: e)`
    Generic(Box<Expr>, Vec<(Option<TypeName>, Expr)>),
    /// `__builtin_va_arg(ap, type)`
    VaArg(Box<Expr>, Box<TypeName>),
    /// `__builtin_offsetof(type, a.b[3].c)`
    Offsetof(Box<TypeName>, Vec<Designator>),
    /// `__builtin_types_compatible_p(t1, t2)`
    TypesCompatible(Box<TypeName>, Box<TypeName>),
    /// GNU `&&label`
    LabelAddr(String),
}
