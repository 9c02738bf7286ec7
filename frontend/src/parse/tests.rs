//! Parser tests: C source snippets, through a small test tokenizer, into syntax trees and
//! diagnostics that are checked against expectations.

use super::*;
use crate::ast::*;
use crate::diag::Level;

const PUNCTS: &[&str] = &[
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=",
    "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "[", "]", "(", ")", "{", "}", ".", "&", "*",
    "+", "-", "~", "!", "/", "%", "<", ">", "^", "|", "?", ":", ";", "=", ",", "#",
];

/// A tiny tokenizer good enough for the tests (no comments, no preprocessing).
fn tokenize(src: &str) -> Vec<PpToken> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line, mut col) = (0usize, 1u32, 1u32);
    let mut space = false;
    let mut line_start = true;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            i += 1;
            line += 1;
            col = 1;
            line_start = true;
            space = false;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            col += 1;
            space = true;
            continue;
        }
        let start = i;
        let kind;
        let is_ident_start = |c: u8| c.is_ascii_alphabetic() || c == b'_';
        // Literal prefixes.
        let pre = ["u8", "L", "u", "U"].iter().find(|p| {
            src[i..].starts_with(**p) && matches!(b.get(i + p.len()), Some(b'"') | Some(b'\''))
        });
        if pre.is_some() || c == b'"' || c == b'\'' {
            let q_at = i + pre.map_or(0, |p| p.len());
            let q = b[q_at];
            let mut j = q_at + 1;
            while j < b.len() && b[j] != q {
                if b[j] == b'\\' {
                    j += 1;
                }
                j += 1;
            }
            i = (j + 1).min(b.len());
            kind = if q == b'"' { PpKind::Str } else { PpKind::Char };
        } else if is_ident_start(c) {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            kind = PpKind::Ident;
        } else if c.is_ascii_digit()
            || (c == b'.' && b.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            i += 1;
            while i < b.len() {
                let d = b[i];
                if (d == b'+' || d == b'-') && matches!(b[i - 1], b'e' | b'E' | b'p' | b'P') {
                    i += 1;
                } else if d.is_ascii_alphanumeric() || d == b'_' || d == b'.' {
                    i += 1;
                } else {
                    break;
                }
            }
            kind = PpKind::Number;
        } else if let Some(p) = PUNCTS.iter().find(|p| src[i..].starts_with(**p)) {
            i += p.len();
            kind = PpKind::Punct;
        } else {
            i += src[i..].chars().next().unwrap().len_utf8();
            kind = PpKind::Other;
        }
        let text = &src[start..i];
        out.push(PpToken {
            kind,
            text: text.into(),
            loc: Loc { file: 0, line, col },
            space_before: space,
            line_start,
        });
        col += text.len() as u32;
        space = false;
        line_start = false;
    }
    out
}

fn parse_with(src: &str, td: &Rc<RefCell<TypedefTable>>) -> (TranslationUnit, Vec<Diag>) {
    parse(tokenize(src), td)
}

fn parse_src(src: &str) -> (TranslationUnit, Vec<Diag>) {
    parse_with(src, &Rc::new(RefCell::new(TypedefTable::new())))
}

/// Parses `src`, which must have no errors, and returns the unit.
#[track_caller]
fn ok(src: &str) -> TranslationUnit {
    let (u, d) = parse_src(src);
    let errs: Vec<_> = d.iter().filter(|d| d.level == Level::Error).collect();
    assert!(errs.is_empty(), "unexpected errors for {src:?}: {errs:?}");
    u
}

/// Parses `src` without errors and checks that the Debug form contains `expect`.
#[track_caller]
fn check(src: &str, expect: &str) {
    let u = ok(src);
    let dbg = format!("{u:?}");
    assert!(
        dbg.contains(expect),
        "{src:?}: expected {expect:?} in\n{dbg}"
    );
}

/// Parses `src` and checks that the first error is `msg` at `line:col`.
#[track_caller]
fn err(src: &str, msg: &str, line: u32, col: u32) {
    let (_, d) = parse_src(src);
    let e = d.iter().find(|d| d.level == Level::Error);
    let Some(e) = e else {
        panic!("{src:?}: expected error {msg:?}, got none ({d:?})")
    };
    assert_eq!(
        (e.msg.as_str(), e.loc.line, e.loc.col),
        (msg, line, col),
        "{src:?}: {d:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Compact printers

fn sx(e: &Expr) -> String {
    use ExprKind::*;
    match &e.kind {
        Ident(n) => n.clone(),
        IntLit { value, .. } => value.to_string(),
        FloatLit { value, .. } => format!("{value:?}"),
        Imaginary(value) => format!("{}i", sx(value)),
        CharLit { value, .. } => format!("c{value}"),
        StrLit { units, .. } => format!("s{units:?}"),
        Unary(op, a) => format!("({op:?} {})", sx(a)),
        Binary(op, a, b) => format!("({op:?} {} {})", sx(a), sx(b)),
        Assign(op, a, b) => format!("(= {op:?} {} {})", sx(a), sx(b)),
        Cond(c, a, b) => format!(
            "(? {} {} {})",
            sx(c),
            a.as_ref().map_or("_".into(), |a| sx(a)),
            sx(b)
        ),
        Comma(a, b) => format!("(, {} {})", sx(a), sx(b)),
        Cast(t, a) => format!("(cast {} {})", tn(t), sx(a)),
        SizeofExpr(a) => format!("(sizeof {})", sx(a)),
        SizeofType(t) => format!("(sizeof-type {})", tn(t)),
        AlignofExpr(a) => format!("(alignof {})", sx(a)),
        AlignofType(t) => format!("(alignof-type {})", tn(t)),
        Call(f, args) => format!(
            "(call {}{})",
            sx(f),
            args.iter()
                .map(|a| format!(" {}", sx(a)))
                .collect::<String>()
        ),
        Index(a, i) => format!("([] {} {})", sx(a), sx(i)),
        Member(a, n, arrow) => format!("({} {} {n})", if *arrow { "->" } else { "." }, sx(a)),
        CompoundLit(t, _) => format!("(compound {})", tn(t)),
        StmtExpr(_) => "(stmt-expr)".into(),
        Generic(c, a) => format!("(generic {} {})", sx(c), a.len()),
        VaArg(a, t) => format!("(va_arg {} {})", sx(a), tn(t)),
        Offsetof(t, d) => format!("(offsetof {} {})", tn(t), d.len()),
        TypesCompatible(a, b) => format!("(compat {} {})", tn(a), tn(b)),
        LabelAddr(n) => format!("(&& {n})"),
    }
}

fn specs(s: &DeclSpecs) -> String {
    let mut v: Vec<String> = s.storage.iter().map(|(c, _)| format!("{c:?}")).collect();
    if s.is_const {
        v.push("const".into());
    }
    for (t, _) in &s.types {
        v.push(match t {
            TypeSpec::TypedefName(n) => n.clone(),
            TypeSpec::Struct(r) => format!("struct {}", r.name.clone().unwrap_or_default()),
            TypeSpec::Union(r) => format!("union {}", r.name.clone().unwrap_or_default()),
            TypeSpec::Enum(r) => format!("enum {}", r.name.clone().unwrap_or_default()),
            other => format!("{other:?}").to_lowercase(),
        });
    }
    v.join(" ")
}

fn derived(d: &Declarator) -> String {
    d.derived
        .iter()
        .map(|x| match x {
            Derived::Pointer { is_const: true, .. } => "ptr-const".to_string(),
            Derived::Pointer { .. } => "ptr".to_string(),
            Derived::Array { size: Some(e), .. } => format!("arr{}", sx(e)),
            Derived::Array { star: true, .. } => "arr*".to_string(),
            Derived::Array { .. } => "arr".to_string(),
            Derived::Function {
                params,
                variadic,
                ident_list,
            } => {
                let mut p: Vec<String> = params
                    .iter()
                    .map(|p| {
                        let mut s = specs(&p.specs);
                        if let Some((n, _)) = &p.decl.name {
                            s = format!("{s} {n}");
                        }
                        if !p.decl.derived.is_empty() {
                            s = format!("{s} [{}]", derived(&p.decl));
                        }
                        s
                    })
                    .collect();
                if *variadic {
                    p.push("...".into());
                }
                if let Some(ids) = ident_list {
                    p.extend(ids.iter().map(|(n, _)| format!("id {n}")));
                }
                format!("fn({})", p.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn tn(t: &TypeName) -> String {
    if t.decl.derived.is_empty() {
        specs(&t.specs)
    } else {
        format!("{} [{}]", specs(&t.specs), derived(&t.decl))
    }
}

/// The single declaration of `src` (first item).
#[track_caller]
fn decl(src: &str) -> Declaration {
    let u = ok(src);
    match u.items.into_iter().next() {
        Some(ExternalItem::Decl(d)) => d,
        other => panic!("{src:?}: not a declaration: {other:?}"),
    }
}

/// `derived` of the first declarator of the last declaration in `src`.
#[track_caller]
fn der(src: &str) -> String {
    let u = ok(src);
    match u.items.last() {
        Some(ExternalItem::Decl(d)) => derived(&d.declarators[0].decl),
        other => panic!("{src:?}: not a declaration: {other:?}"),
    }
}

/// The trailing expression of `src`, printed.
#[track_caller]
fn expr(src: &str) -> String {
    let u = ok(src);
    sx(u.trailing_expr
        .as_ref()
        .unwrap_or_else(|| panic!("{src:?}: no trailing expression: {u:?}")))
}

fn stmts(u: &TranslationUnit) -> Vec<&Stmt> {
    u.items
        .iter()
        .filter_map(|i| {
            if let ExternalItem::Stmt(s) = i {
                Some(s)
            } else {
                None
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Declarators

#[test]
fn declarator_shapes() {
    assert_eq!(der("int x;"), "");
    assert_eq!(der("int *a[3];"), "arr3 ptr");
    assert_eq!(der("int (*p)[3];"), "ptr arr3");
    assert_eq!(der("int (*fp)(int);"), "ptr fn(int)");
    assert_eq!(der("char *(*(*x)[5])(void);"), "ptr arr5 ptr fn(void) ptr");
    assert_eq!(der("int * const * q;"), "ptr ptr-const");
    assert_eq!(der("int a[2][3];"), "arr2 arr3");
    assert_eq!(
        der("int f(int a, char *b, ...);"),
        "fn(int a, char b [ptr], ...)"
    );
    assert_eq!(der("int f();"), "fn()");
    assert_eq!(
        der("void (*signal(int, void (*)(int)))(int);"),
        "fn(int, void [ptr fn(int)]) ptr fn(int)"
    );
    assert_eq!(
        der("int f(int (*)(int, char*));"),
        "fn(int [ptr fn(int, char [ptr])])"
    );
    assert_eq!(der("int f(int [static 3]);"), "fn(int [arr3])");
    assert_eq!(der("int f(int a[*]);"), "fn(int a [arr*])");
    assert_eq!(der("int (x);"), "");
    assert_eq!(der("int f(int ());"), "fn(int [fn()])");
    assert_eq!(der("int (*(*fp)(int))[10];"), "ptr fn(int) ptr arr10");
    assert_eq!(der("typedef int T; int f(T);"), "fn(T)");
    assert_eq!(der("typedef int T; int f(int (T));"), "fn(int [fn(T)])");
    assert_eq!(der("int f(int (x));"), "fn(int x)");
    assert_eq!(der("typedef int T; T (y);"), "");
    assert_eq!(
        der("void f(int n, int a[n][n + 1]);"),
        "fn(int n, int a [arrn arr(Add n 1)])"
    );
    let d = decl("int *p, **q, r[4] = {1};");
    assert_eq!(d.declarators.len(), 3);
    assert_eq!(derived(&d.declarators[1].decl), "ptr ptr");
    assert!(d.declarators[2].init.is_some());
}

#[test]
fn declarator_qualifiers_and_names() {
    let d = decl("static const unsigned long long int x = 1, y;");
    assert_eq!(specs(&d.specs), "Static const unsigned long long int");
    assert_eq!(d.declarators[0].decl.name.as_ref().unwrap().0, "x");
    let d = decl("int const volatile *restrict p;");
    assert!(d.specs.is_const && d.specs.is_volatile);
    assert!(matches!(
        d.declarators[0].decl.derived[0],
        Derived::Pointer {
            is_restrict: true,
            ..
        }
    ));
    check("int f(int a[const 5]);", "is_const: true");
    check("_Alignas(16) int x;", "align: [Expr");
    check("_Alignas(long) int x;", "align: [Type");
    check("_Thread_local int x; __thread int y;", "ThreadLocal");
    check(
        "_Noreturn void f(void); inline int g(void);",
        "is_noreturn: true",
    );
    check("_Atomic int x; _Atomic(int) y;", "Atomic(TypeName");
    check(
        "__int128 x; unsigned __int128 y; __builtin_va_list ap;",
        "VaList",
    );
    check("_Complex double z; __complex__ float w;", "Complex");
    check("_Bool b;", "Bool");
}

#[test]
fn kr_function() {
    let u = ok("int f(a, b) int a; char *b; { return a; }");
    let ExternalItem::Func(f) = &u.items[0] else {
        panic!()
    };
    assert_eq!(derived(&f.decl), "fn(id a, id b)");
    assert_eq!(f.old_style_decls.len(), 2);
}

/// Implicit int: (source, item kinds in order, warnings). The adapter inserts `int`; calls
/// that look alike stay statements.
#[test]
fn implicit_int() {
    #[track_caller]
    fn check_ii(src: &str, kinds: &str, warnings: &[&str]) {
        let (u, d) = parse_src(src);
        let errs: Vec<_> = d.iter().filter(|d| d.level == Level::Error).collect();
        assert!(errs.is_empty(), "{src:?}: {errs:?}");
        let got: Vec<&str> = u
            .items
            .iter()
            .map(|i| match i {
                ExternalItem::Func(_) => "func",
                ExternalItem::Decl(_) => "decl",
                ExternalItem::Stmt(_) => "stmt",
                _ => "other",
            })
            .collect();
        assert_eq!(got.join(" "), kinds, "{src:?}");
        let w: Vec<&str> = d.iter().map(|d| d.msg.as_str()).collect();
        assert_eq!(w, warnings, "{src:?}");
    }
    let ret = "return type defaults to 'int'";
    check_ii("main() { return 0; }", "func", &[ret]);
    check_ii("f(a, b) { return a + b; }", "func", &[ret]);
    check_ii("f(a, b) int a; char *b; { return a; }", "func", &[ret]);
    check_ii("static f(int a) { return a; }", "func", &[ret]);
    check_ii("f(1); f(a, b);", "stmt stmt", &[]);
    check_ii("g(); f(x) { }", "stmt func", &[ret]);
    check_ii(
        "static x = 3;",
        "decl",
        &["type defaults to 'int' in declaration of 'x'"],
    );
    check_ii(
        "const __attribute__((unused)) y[2], *z;",
        "decl",
        &["type defaults to 'int' in declaration of 'y'"],
    );
    check_ii(
        "void f(void) { register i; for (register j = 0; j < 2; j++); }",
        "func",
        &[
            "type defaults to 'int' in declaration of 'i'",
            "type defaults to 'int' in declaration of 'j'",
        ],
    );
    check_ii(
        "unsigned u; const int c = 1; static int s;",
        "decl decl decl",
        &[],
    );
    check_ii(
        "static *p, **q; const * const r = 0;",
        "decl decl",
        &[
            "type defaults to 'int' in declaration of 'p'",
            "type defaults to 'int' in declaration of 'r'",
        ],
    );
    check_ii("x = 2 * y;", "stmt", &[]);
    check_ii(
        "f(a, b) register a; register char *b; { return a; }",
        "func",
        &[ret, "type defaults to 'int' in declaration of 'a'"],
    );
    check_ii("(void)f(1); g(2) + 1;", "stmt stmt", &[]);
}

#[test]
fn function_definitions() {
    let u = ok("int main(void) { int x = 1; return x; }\nstatic inline int g(int a) { return a; }");
    assert!(matches!(u.items[0], ExternalItem::Func(_)));
    assert!(matches!(u.items[1], ExternalItem::Func(_)));
    let ExternalItem::Func(f) = &u.items[0] else {
        panic!()
    };
    assert!(matches!(f.body.kind, StmtKind::Compound(ref v) if v.len() == 2));
}

#[test]
fn records_and_enums() {
    let d = decl("struct S { int a, *b; unsigned c : 3; int : 0; struct { int x; }; union { int y; float z; }; } s;");
    let TypeSpec::Struct(r) = &d.specs.types[0].0 else {
        panic!()
    };
    let f = r.fields.as_ref().unwrap();
    assert_eq!(f.len(), 5);
    assert_eq!(f[0].declarators.len(), 2);
    assert!(f[1].declarators[0].bit_width.is_some());
    assert!(f[2].declarators[0].decl.is_none());
    assert!(f[3].declarators.is_empty());
    check("struct S; struct S *p;", "fields: None");
    check("union U { int a; } u;", "Union");
    let d = decl("enum E { A, B = 5, C, };");
    let TypeSpec::Enum(e) = &d.specs.types[0].0 else {
        panic!()
    };
    assert_eq!(e.items.as_ref().unwrap().len(), 3);
    check("enum { X } v; int y = X;", "Ident(\"X\")");
    check("enum E e; enum E f(void);", "items: None");
    check("struct S { int x; ; };", "fields: Some");
    check(
        "struct S { int x; _Static_assert(1, \"ok\"); };",
        "fields: Some",
    );
}

#[test]
fn attributes() {
    check("int x __attribute__((unused)) = 3;", "name: \"unused\"");
    check(
        "__attribute__((noreturn)) void f(void);",
        "name: \"noreturn\"",
    );
    check(
        "void f(void) __attribute__((__noreturn__));",
        "name: \"noreturn\"",
    );
    check(
        "struct __attribute__((packed)) S { char c; int i; };",
        "name: \"packed\"",
    );
    let d = decl("struct S { char c; } __attribute__((aligned(8)));");
    let TypeSpec::Struct(r) = &d.specs.types[0].0 else {
        panic!()
    };
    assert_eq!(r.attrs[0].name, "aligned");
    assert_eq!(r.attrs[0].args.len(), 1);
    check(
        "extern int printf(const char *, ...) __attribute__((format(printf, 1, 2)));",
        "name: \"format\"",
    );
    check(
        "extern int foo(int) __asm__(\"bar\") __attribute__((__nothrow__));",
        "asm_label: Some(\"bar\")",
    );
    check("int f(int x __attribute__((unused)), int y);", "unused");
    check("extern void *memcpy(void *__restrict __dest, const void *__restrict __src, unsigned long __n) __attribute__ ((__nothrow__ , __leaf__)) __attribute__ ((__nonnull__ (1, 2)));", "nonnull");
    check("int *__attribute__((aligned(8))) p;", "Pointer");
    check("__attribute__((const)) int sq(int);", "name: \"const\"");
    check(
        "typedef int v4si __attribute__((vector_size(16)));",
        "vector_size",
    );
    check("enum __attribute__((packed)) E { A };", "packed");
    check(
        "void f(void) { switch (1) { case 1: __attribute__((fallthrough)); default: ; } }",
        "Default",
    );
    check(
        "int x __attribute__((aligned(4))), y __attribute__((unused));",
        "aligned",
    );
    check("__attribute__((unused)) static int z;", "unused");
    // An attribute first in a parenthesized declarator (c-testsuite 00210); it is dropped.
    assert_eq!(
        der("void (__attribute__((noreturn)) *p)(void);"),
        der("void (*p)(void);")
    );
    assert_eq!(
        expr("(int (__attribute__((noinline)) *)(void)) fp"),
        expr("(int (*)(void)) fp")
    );
    check("int g(int (__attribute__((unused)) int));", "unused");
}

#[test]
fn glibc_style_declarations() {
    check(
        "extern int fprintf (void *__restrict __stream, const char *__restrict __format, ...);",
        "variadic: true",
    );
    check(
        "typedef struct { int __val[2]; } __fsid_t; __fsid_t x;",
        "TypedefName(\"__fsid_t\")",
    );
    check("typedef unsigned long size_t; extern size_t strlen (const char *__s) __attribute__ ((__pure__));", "pure");
    check(
        "__extension__ typedef long long __quad_t; __quad_t q;",
        "TypedefName(\"__quad_t\")",
    );
    check("extern int *__errno_location (void) __attribute__ ((__nothrow__ , __leaf__)) __attribute__ ((__const__));", "const");
    check(
        "static __inline __attribute__ ((__always_inline__)) int f (void) { return 0; }",
        "Func",
    );
    check("typedef void (*__sighandler_t) (int); extern __sighandler_t signal (int __sig, __sighandler_t __handler);", "__sighandler_t");
    check("extern char *strerror_r (int __errnum, char *__buf, unsigned long __buflen) __asm__ (\"\" \"__xpg_strerror_r\");", "asm_label: Some(\"__xpg_strerror_r\")");
    check("typedef __builtin_va_list __gnuc_va_list;", "VaList");
    check("int x = __extension__ ({ int y = 1; y; });", "StmtExpr");
    check(
        "typedef __typeof__(sizeof(int)) size_t; size_t n;",
        "TypeofExpr",
    );
    check("typeof(int *) p; __typeof(p) q;", "TypeofType");
}

// ---------------------------------------------------------------------------------------------
// Typedef feedback

#[test]
fn typedef_then_use() {
    check("typedef int T; T x;", "TypedefName(\"T\")");
    check("typedef int T, *PT; PT p; T t;", "TypedefName(\"PT\")");
    check("typedef struct S S; S *make(void);", "TypedefName(\"S\")");
    // `T * x;` is a declaration, `a * b;` an expression.
    let u = ok("typedef int T; T * x; int a, b; a * b;");
    assert!(matches!(u.items[1], ExternalItem::Decl(_)));
    assert!(matches!(
        u.items[3],
        ExternalItem::Stmt(Stmt {
            kind: StmtKind::Expr(Some(Expr {
                kind: ExprKind::Binary(BinaryOp::Mul, ..),
                ..
            })),
            ..
        })
    ));
}

#[test]
fn typedef_shadowing_in_block() {
    let u = ok("typedef int T; void f(void) { int T = 3; T++; } T y;");
    let ExternalItem::Func(f) = &u.items[1] else {
        panic!()
    };
    let StmtKind::Compound(items) = &f.body.kind else {
        panic!()
    };
    assert!(matches!(
        &items[1],
        BlockItem::Stmt(Stmt {
            kind: StmtKind::Expr(Some(_)),
            ..
        })
    ));
    assert!(
        matches!(&u.items[2], ExternalItem::Decl(d) if matches!(d.specs.types[0].0, TypeSpec::TypedefName(_)))
    );
    // Block-scope typedef disappears after the block.
    let (_, d) = parse_src("void f(void) { typedef int U; U u; } U v;");
    assert!(d.iter().any(|d| d.msg == "unknown type name 'U'"), "{d:?}");
    // Enumerators shadow typedef names.
    let u = ok("typedef int T; void g(void) { enum { T = 2 }; int z = T * 3; }");
    assert_eq!(u.items.len(), 2);
    // A for-loop declaration is scoped to the loop (its scope closes one token late).
    ok("typedef int T; void h(void) { for (int T = 0; T < 3; T++) T; int w; T z; }");
    // Parameters hide typedef names in the function body.
    ok("typedef int T; int f2(int T) { return T * 2; } T after;");
    // Redeclaring a typedef name with a type specifier before it.
    check("typedef int T; void k(void) { long T; T = 3; }", "Assign");
    // Struct members and tags may reuse typedef names.
    check("typedef int T; struct T { T T; } s; int v = s.T;", "Member");
    // Enumerators in a struct belong to the enclosing scope.
    ok("struct S { enum { Q1, Q2 } e; }; int q = Q2;");
}

#[test]
fn typedef_table_persists_and_rolls_back() {
    let td = Rc::new(RefCell::new(TypedefTable::new()));
    let (_, d) = parse_with("typedef int T;", &td);
    assert!(d.is_empty());
    assert!(td.borrow().is_typedef("T"));
    let cp = td.borrow().checkpoint();
    let (_, d) = parse_with("typedef long U; int T;", &td);
    assert!(d.is_empty(), "{d:?}");
    assert!(td.borrow().is_typedef("U"));
    assert!(!td.borrow().is_typedef("T"));
    td.borrow_mut().rollback(cp);
    assert!(!td.borrow().is_typedef("U"));
    assert!(td.borrow().is_typedef("T"));
    // A failed input leaves no open scopes.
    let (_, d) = parse_with("void f(void) { typedef int V; ", &td);
    assert!(!d.is_empty());
    assert_eq!(td.borrow().depth(), 0);
    assert!(!td.borrow().is_typedef("V"));
}

#[test]
fn typedef_table_unit() {
    let mut t = TypedefTable::new();
    t.declare("A", true);
    let cp = t.checkpoint();
    t.push_scope();
    t.declare("A", false);
    assert!(!t.is_typedef("A"));
    t.declare("B", true);
    t.pop_scope();
    assert!(t.is_typedef("A"));
    assert!(!t.is_typedef("B"));
    t.declare("A", false);
    t.declare("C", true);
    assert!(!t.is_typedef("A"));
    t.rollback(cp);
    assert!(t.is_typedef("A"));
    assert!(!t.is_typedef("C"));
    t.push_scope();
    let cp2 = t.checkpoint();
    t.push_scope();
    t.rollback(cp2);
    assert_eq!(t.depth(), 1);
}

/// The parser must pull tokens lazily: the token after `;` is classified only after the
/// declaration before it was reduced.
#[test]
fn tokens_are_pulled_lazily() {
    struct Counting {
        inner: Adapter,
        pulled: Rc<RefCell<Vec<String>>>,
    }
    impl Iterator for Counting {
        type Item = Result<(Loc, Tok, Loc), PErr>;
        fn next(&mut self) -> Option<Self::Item> {
            let r = self.inner.next();
            if let Some(Ok((_, t, _))) = &r {
                self.pulled.borrow_mut().push(format!("{t:?}"));
            }
            r
        }
    }
    let td = Rc::new(RefCell::new(TypedefTable::new()));
    let ctx = Ctx::new(td.clone());
    let pulled = Rc::new(RefCell::new(Vec::new()));
    let it = Counting {
        inner: Adapter::new(tokenize("typedef int T; T x;"), td.clone()),
        pulled: pulled.clone(),
    };
    let u = c::UnitParser::new().parse(&ctx, it).expect("parses");
    assert_eq!(u.items.len(), 2);
    assert!(
        pulled.borrow().contains(&"TypeName(\"T\")".to_string()),
        "{:?}",
        pulled.borrow()
    );
}

// ---------------------------------------------------------------------------------------------
// Literals

fn int_of(src: &str) -> (u128, bool, u8, bool) {
    let u = ok(src);
    match u.trailing_expr.map(|e| e.kind) {
        Some(ExprKind::IntLit {
            value,
            unsigned,
            longs,
            decimal,
        }) => (value, unsigned, longs, decimal),
        other => panic!("{src}: {other:?}"),
    }
}

fn float_of(src: &str) -> (f64, Option<char>) {
    let u = ok(src);
    match u.trailing_expr.map(|e| e.kind) {
        Some(ExprKind::FloatLit { value, suffix, .. }) => (value, suffix),
        other => panic!("{src}: {other:?}"),
    }
}

fn char_of(src: &str) -> i64 {
    let u = ok(src);
    match u.trailing_expr.map(|e| e.kind) {
        Some(ExprKind::CharLit { value, .. }) => value,
        other => panic!("{src}: {other:?}"),
    }
}

fn str_of(src: &str) -> (Vec<u32>, CharPrefix) {
    let u = ok(src);
    match u.trailing_expr.map(|e| e.kind) {
        Some(ExprKind::StrLit { units, prefix }) => (units, prefix),
        other => panic!("{src}: {other:?}"),
    }
}

#[test]
fn integer_literals() {
    assert_eq!(int_of("42"), (42, false, 0, true));
    assert_eq!(int_of("0x1fUL"), (31, true, 1, false));
    assert_eq!(int_of("017"), (15, false, 0, false));
    assert_eq!(int_of("0"), (0, false, 0, false));
    assert_eq!(int_of("10uLL"), (10, true, 2, true));
    assert_eq!(int_of("10LLu"), (10, true, 2, true));
    assert_eq!(int_of("10llU"), (10, true, 2, true));
    assert_eq!(int_of("10lu"), (10, true, 1, true));
    assert_eq!(int_of("0b101"), (5, false, 0, false));
    assert_eq!(
        int_of("18446744073709551615u"),
        (u64::MAX as u128, true, 0, true)
    );
    err(
        "18446744073709551616",
        "integer literal is too large to be represented in any integer type",
        1,
        1,
    );
    err(
        "0x1ffffffffffffffff",
        "integer literal is too large to be represented in any integer type",
        1,
        1,
    );
    err("123xyz", "invalid suffix 'xyz' on integer constant", 1, 4);
    err("1lL", "invalid suffix 'lL' on integer constant", 1, 2);
    err("10uu", "invalid suffix 'uu' on integer constant", 1, 3);
    err("09", "invalid digit '9' in octal constant", 1, 2);
}

#[test]
fn float_literals() {
    assert_eq!(float_of("1.5"), (1.5, None));
    assert_eq!(float_of("1.5f"), (1.5, Some('f')));
    assert_eq!(float_of("2.L"), (2.0, Some('l')));
    assert_eq!(float_of(".25"), (0.25, None));
    assert_eq!(float_of("1e3"), (1000.0, None));
    assert_eq!(float_of("1.e-2"), (0.01, None));
    assert_eq!(float_of("0x1p4"), (16.0, None));
    assert_eq!(float_of("0x1.8p1"), (3.0, None));
    assert_eq!(float_of("0X.8P+0f"), (0.5, Some('f')));
    assert_eq!(float_of("0x1.fffffffffffffp1023"), (f64::MAX, None));
    assert_eq!(float_of("0x1p-1074"), (f64::from_bits(1), None));
    err("1.5q", "invalid suffix 'q' on floating constant", 1, 4);
    err("1e", "exponent has no digits", 1, 2);
    err(
        "0x1.8",
        "hexadecimal floating constant requires an exponent",
        1,
        6,
    );
}

#[test]
fn char_literals() {
    assert_eq!(char_of("'a'"), 97);
    assert_eq!(char_of("'\\n'"), 10);
    let esc = [
        ("\\a", 7),
        ("\\b", 8),
        ("\\f", 12),
        ("\\r", 13),
        ("\\t", 9),
        ("\\v", 11),
        ("\\\\", 92),
        ("\\'", 39),
        ("\\\"", 34),
        ("\\?", 63),
        ("\\0", 0),
        ("\\377", -1),
        ("\\101", 65),
        ("\\x41", 65),
        ("\\e", 27),
    ];
    for (s, v) in esc {
        assert_eq!(char_of(&format!("'{s}'")), v, "{s}");
    }
    assert_eq!(char_of("'\\xc8'"), -56);
    assert_eq!(char_of("'ab'"), 0x6162);
    assert_eq!(char_of("'abcd'"), 0x61626364);
    assert_eq!(char_of("L'\\x1234'"), 0x1234);
    assert_eq!(char_of("U'\\U0001F600'"), 0x1F600);
    assert_eq!(char_of("u'\\u00e9'"), 0xe9);
    assert_eq!(char_of("L'é'"), 0xe9);
    err("''", "empty character constant", 1, 1);
    err("'\\x100'", "hex escape sequence out of range", 1, 2);
}

#[test]
fn string_literals() {
    assert_eq!(str_of("\"hi\\n\""), (vec![104, 105, 10], CharPrefix::None));
    assert_eq!(str_of("\"\\xc8\""), (vec![0xc8], CharPrefix::None));
    assert_eq!(
        str_of("\"a\" \"b\"  \"c\""),
        (vec![97, 98, 99], CharPrefix::None)
    );
    assert_eq!(str_of("\"é\""), (vec![0xc3, 0xa9], CharPrefix::None));
    assert_eq!(str_of("\"\\u00e9\""), (vec![0xc3, 0xa9], CharPrefix::None));
    assert_eq!(
        str_of("u8\"\\u00e9\""),
        (vec![0xc3, 0xa9], CharPrefix::Utf8)
    );
    assert_eq!(str_of("L\"a\" \"é\""), (vec![97, 0xe9], CharPrefix::Wide));
    assert_eq!(
        str_of("\"a\" u\"\\U0001F600\""),
        (vec![97, 0xd83d, 0xde00], CharPrefix::Utf16)
    );
    assert_eq!(
        str_of("U\"\\U0001F600\""),
        (vec![0x1F600], CharPrefix::Utf32)
    );
    assert_eq!(str_of("\"\\0012\""), (vec![1, 50], CharPrefix::None));
    assert_eq!(str_of("\"\""), (vec![], CharPrefix::None));
    err(
        "L\"a\" u\"b\"",
        "unsupported non-standard concatenation of string literals",
        1,
        6,
    );
    let u = ok("_Static_assert(1, \"x\" \"y\");");
    assert!(
        matches!(&u.items[0], ExternalItem::StaticAssert(StaticAssert { msg: Some(m), .. }) if m == b"xy")
    );
}

// ---------------------------------------------------------------------------------------------
// Expressions

#[test]
fn precedence_and_associativity() {
    assert_eq!(expr("1 + 2 * 3"), "(Add 1 (Mul 2 3))");
    assert_eq!(expr("1 - 2 - 3"), "(Sub (Sub 1 2) 3)");
    assert_eq!(expr("a = b = c"), "(= None a (= None b c))");
    assert_eq!(expr("a += 1"), "(= Some(Add) a 1)");
    assert_eq!(expr("a || b && c | d ^ e & f == g < h << i + j * k"),
        "(LogOr a (LogAnd b (BitOr c (BitXor d (BitAnd e (Eq f (Lt g (Shl h (Add i (Mul j k))))))))))");
    assert_eq!(expr("a ? b : c ? d : e"), "(? a b (? c d e))");
    assert_eq!(expr("a ?: b"), "(? a _ b)");
    assert_eq!(expr("a, b, c"), "(, (, a b) c)");
    assert_eq!(expr("-x++"), "(Neg (PostInc x))");
    assert_eq!(expr("*p++"), "(Deref (PostInc p))");
    assert_eq!(expr("&a[1]"), "(AddrOf ([] a 1))");
    assert_eq!(expr("!~-+x"), "(Not (BitNot (Neg (Plus x))))");
    assert_eq!(expr("++*--p"), "(PreInc (Deref (PreDec p)))");
    assert_eq!(expr("s.a->b[2](1, 2)"), "(call ([] (-> (. s a) b) 2) 1 2)");
    assert_eq!(expr("f()"), "(call f)");
    assert_eq!(expr("a < b == c > d"), "(Eq (Lt a b) (Gt c d))");
    assert_eq!(expr("x = y ? 1 : 2"), "(= None x (? y 1 2))");
    assert_eq!(expr("a && &&lbl"), "(LogAnd a (&& lbl))");
}

#[test]
fn casts_sizeof_and_friends() {
    assert_eq!(expr("typedef int T; (T)x"), "(cast T x)");
    assert_eq!(expr("int x; (x)"), "x");
    assert_eq!(expr("(x) + 1"), "(Add x 1)");
    assert_eq!(expr("(int)-1"), "(cast int (Neg 1))");
    assert_eq!(expr("(char *)(long)p"), "(cast char [ptr] (cast long p))");
    assert_eq!(expr("(int (*)(int))f"), "(cast int [ptr fn(int)] f)");
    assert_eq!(expr("sizeof x"), "(sizeof x)");
    assert_eq!(expr("sizeof(int)"), "(sizeof-type int)");
    assert_eq!(expr("sizeof (x) + 1"), "(Add (sizeof x) 1)");
    assert_eq!(expr("sizeof(int[3])"), "(sizeof-type int [arr3])");
    assert_eq!(expr("sizeof (struct S){1}"), "(sizeof (compound struct S))");
    assert_eq!(expr("_Alignof(double)"), "(alignof-type double)");
    assert_eq!(expr("__alignof__ x"), "(alignof x)");
    assert_eq!(expr("(struct P){ .x = 1, .y = 2 }"), "(compound struct P)");
    assert_eq!(expr("(int[]){1, 2, 3,}[1]"), "([] (compound int [arr]) 1)");
    assert_eq!(expr("__builtin_va_arg(ap, int)"), "(va_arg ap int)");
    assert_eq!(
        expr("__builtin_offsetof(struct S, a.b[2])"),
        "(offsetof struct S 3)"
    );
    assert_eq!(
        expr("__builtin_types_compatible_p(int, long)"),
        "(compat int long)"
    );
    assert_eq!(
        expr("_Generic(x, int: 1, char *: 2, default: 3)"),
        "(generic x 3)"
    );
    assert_eq!(expr("({ int y = 2; y * 2; })"), "(stmt-expr)");
    assert_eq!(expr("__extension__ 1"), "1");
    assert_eq!(
        expr("typedef int T; sizeof(T) * 2"),
        "(Mul (sizeof-type T) 2)"
    );
    assert_eq!(
        expr("typedef struct { int x; } P; (P){1}.x"),
        "(. (compound P) x)"
    );
    assert_eq!(expr("(void (*)(int))0"), "(cast void [ptr fn(int)] 0)");
    assert_eq!(
        expr("(unsigned char)c << 2"),
        "(Shl (cast unsigned char c) 2)"
    );
    assert_eq!(expr("typeof(int) *p; *p"), "(Deref p)");
}

#[test]
fn designated_initializers() {
    let d = decl("int a[10] = { [0] = 1, [2 ... 4] = 2, 3, };");
    let Some(Initializer::List(items, _)) = &d.declarators[0].init else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    assert!(matches!(items[0].designators[0], Designator::Index(..)));
    assert!(matches!(items[1].designators[0], Designator::Range(..)));
    assert!(items[2].designators.is_empty());
    let d = decl("struct S s = { .a.b = 1, .c[2] = { 3 }, x: 4 };");
    let Some(Initializer::List(items, _)) = &d.declarators[0].init else {
        panic!()
    };
    assert_eq!(items[0].designators.len(), 2);
    assert_eq!(items[1].designators.len(), 2);
    assert!(matches!(items[1].init, Initializer::List(..)));
    assert!(matches!(&items[2].designators[0], Designator::Field(n, _) if n == "x"));
    check("int z[2] = {};", "List([]");
}

// ---------------------------------------------------------------------------------------------
// Statements and the REPL unit

#[test]
fn repl_units() {
    let u = ok("int x = 3; x + 1");
    assert_eq!(u.items.len(), 1);
    assert_eq!(sx(u.trailing_expr.as_ref().unwrap()), "(Add x 1)");
    let u = ok("");
    assert!(u.items.is_empty() && u.trailing_expr.is_none());
    let u = ok("x = 2; printf(\"%d\\n\", x);");
    assert_eq!(stmts(&u).len(), 2);
    assert!(u.trailing_expr.is_none());
    let u = ok(";");
    assert!(matches!(u.items[0], ExternalItem::Empty(_)));
    let u = ok("for (int i = 0; i < 3; i++) { s += i; } if (x) y(); else z(); while (0); do x++; while (x < 3); switch (x) { case 1: break; } { int k; }");
    assert_eq!(stmts(&u).len(), 6);
    let u = ok("_Static_assert(sizeof(int) == 4); _Static_assert(1, \"m\");");
    assert_eq!(u.items.len(), 2);
    ok("void f(void) { _Static_assert(1, \"in block\"); }");
    // Labels at file scope are a REPL extension (goto within one input).
    let u = ok("lbl: x++;");
    assert_eq!(stmts(&u).len(), 1);
}

#[test]
fn dangling_else() {
    let u = ok("if (a) if (b) x(); else y();");
    let StmtKind::If(_, inner, None) = &stmts(&u)[0].kind else {
        panic!("outer if has an else")
    };
    assert!(matches!(inner.kind, StmtKind::If(_, _, Some(_))));
    let u = ok("if (a) { if (b) x(); } else y();");
    assert!(matches!(stmts(&u)[0].kind, StmtKind::If(_, _, Some(_))));
    let u = ok("if (a) x(); else if (b) y(); else z();");
    let StmtKind::If(_, _, Some(e)) = &stmts(&u)[0].kind else {
        panic!()
    };
    assert!(matches!(e.kind, StmtKind::If(_, _, Some(_))));
    ok("void f(void) { while (a) if (b) c(); else d(); for (;;) if (x) break; }");
}

#[test]
fn all_statements() {
    let u = ok("void f(int n, void *p) {
        int i;
      again:
        for (i = 0; i < n; i++) continue;
        for (;;) break;
        switch (n) { case 1 ... 5: n++; break; case 6: default: n--; }
        goto again;
        goto *p;
        p = &&again;
        __asm__ volatile (\"nop\" : \"=r\" (i) : \"r\" (n), [x] \"m\" (n) : \"memory\");
        asm(\"nop\");
        return;
        ;
    }");
    let ExternalItem::Func(f) = &u.items[0] else {
        panic!()
    };
    let StmtKind::Compound(items) = &f.body.kind else {
        panic!()
    };
    let dbg = format!("{items:?}");
    for k in [
        "Labeled",
        "For",
        "Switch",
        "Case",
        "Default",
        "Goto",
        "GotoComputed",
        "LabelAddr",
        "Asm",
        "Return(None)",
        "Continue",
        "Break",
    ] {
        assert!(dbg.contains(k), "missing {k}");
    }
    check("asm(\"nop\");", "Asm");
    check("void f(void) { __auto_type x = 1; }", "AutoType");
    check("int x asm(\"y\");", "asm_label");
}

// ---------------------------------------------------------------------------------------------
// Errors

#[test]
fn syntax_errors() {
    err("int x = ;", "expected expression", 1, 9);
    err("foo x;", "unknown type name 'foo'", 1, 1);
    err(
        "void f(void) { foo x = 1; }",
        "unknown type name 'foo'",
        1,
        16,
    );
    err("static foo y;", "unknown type name 'foo'", 1, 8);
    err("void g(foo z);", "unknown type name 'foo'", 1, 8);
    err("struct S { foo a; };", "unknown type name 'foo'", 1, 12);
    err("x = 3 y", "expected ';' after expression", 1, 6);
    err(
        "void f(void) { x = 3 }",
        "expected ';' after expression",
        1,
        21,
    );
    err(
        "int x = 3",
        "expected ';' after top level declarator",
        1,
        10,
    );
    err(
        "void f(void) { int x = 3 }",
        "expected ';' at end of declaration",
        1,
        25,
    );
    err("void f(void) { x = 1;", "expected '}'", 1, 22);
    err("f(1, 2", "expected ')'", 1, 7);
    err("f(1 2)", "expected ')'", 1, 5);
    err("int 3;", "expected identifier or '('", 1, 5);
    err("(1 + )", "expected expression", 1, 6);
    err("int a[3;", "expected ']'", 1, 8);
    err("x = @;", "stray '@' in program", 1, 5);
    err(
        "void f(void) { return 1 }",
        "expected ';' after return statement",
        1,
        24,
    );
    err(
        "void f(void) { for (;;) break }",
        "expected ';' after break statement",
        1,
        30,
    );
    err("x = y z;", "expected ';' after expression", 1, 6);
    err("f(a b);", "expected ')'", 1, 5);
    err("int x\n", "expected ';' after top level declarator", 1, 6);
    err("int", "expected identifier or '('", 1, 4);
    err("struct S { int x; ", "expected '}'", 1, 18);
    err("int f(void) {", "expected '}'", 1, 14);
}

#[test]
fn nesting_limit() {
    let src = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let (u, d) = parse_src(&src);
    assert!(u.trailing_expr.is_none());
    assert_eq!(d[0].msg, "bracket nesting level exceeded maximum of 256");
    let src = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    ok(&src);
    let src = format!("{}{}", "{".repeat(300), "}".repeat(300));
    let (_, d) = parse_src(&src);
    assert_eq!(d[0].msg, "bracket nesting level exceeded maximum of 256");
}

#[test]
fn never_panics_on_garbage() {
    let samples = [
        "}",
        ")",
        "]",
        "{",
        "(",
        "int",
        "int (",
        "int (*",
        "typedef",
        "struct",
        "struct {",
        "enum {",
        "enum { A,, }",
        "= = =",
        "if",
        "if (",
        "else",
        "for (;",
        "case 1:",
        "default:",
        "goto",
        "__attribute__((",
        "_Generic(",
        "sizeof",
        "sizeof(",
        "(int",
        "(int)",
        "x ? :",
        "a->",
        "int f(int a, ...",
        "'",
        "0x",
        "1.2.3",
        "#",
        "## x",
        "int x = {",
        "asm(",
        "typedef int T; T T T;",
        "struct S { int x : ; };",
        "int f() { return }",
    ];
    for s in samples {
        let (_, d) = parse_src(s);
        assert!(
            d.iter().any(|d| d.level == Level::Error),
            "{s:?} gave no error"
        );
    }
}

/// Parses every `*.i` file in $CREPL_PP_DIR (gcc -E -P output of system headers).
#[test]
fn preprocessed_headers() {
    let Ok(dir) = std::env::var("CREPL_PP_DIR") else {
        return;
    };
    let mut failures = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "i") {
            continue;
        }
        let src = std::fs::read_to_string(&p).unwrap();
        let (u, d) = if std::env::var("CREPL_REAL_LEXER").is_ok() {
            let (toks, _) = crate::lex::lex(&src, 0);
            parse(toks, &Rc::new(RefCell::new(TypedefTable::new())))
        } else {
            parse_src(&src)
        };
        let errs: Vec<_> = d.iter().filter(|d| d.level == Level::Error).collect();
        if !errs.is_empty() {
            failures += 1;
            let e = errs[0];
            let line = src.lines().nth(e.loc.line as usize - 1).unwrap_or("");
            eprintln!(
                "{}: {}:{}: {}\n    {}",
                p.display(),
                e.loc.line,
                e.loc.col,
                e.msg,
                line
            );
        } else {
            eprintln!("{}: {} items", p.display(), u.items.len());
        }
    }
    assert_eq!(failures, 0);
}

#[test]
fn deep_chains_are_limited() {
    let n = 100_000;
    let cases = [
        vec!["1"; n].join(" + "),
        format!("{}x", "- ".repeat(n)),
        format!("{}x", "(int)".repeat(n)),
        vec!["a"; n].join(" = "),
        vec!["a"; n].join(", "),
        format!("{}x", "a ? b : ".repeat(n)),
        format!("x{}", "[0]".repeat(n)),
        format!("void f(void) {{ {} x; }}", "if (1) ".repeat(n)),
        format!(
            "void f(void) {{ if (1) x; {} }}",
            "else if (1) x;".repeat(n)
        ),
        format!("void f(void) {{ {} x; }}", "l: ".repeat(n)),
        format!("x = {};", vec!["(int){1}"; n].join(" + ")),
        format!("{} 1 + 1 )", vec!["1"; n].join(" + ")),
    ];
    for src in &cases {
        let (u, d) = parse_src(src);
        assert!(
            d.iter().any(|d| d.msg.contains("nested too deeply")),
            "{}: {d:?}",
            &src[..40]
        );
        drop(u);
    }
    // Long flat sequences are fine.
    ok(&format!("int a[] = {{ {} }};", vec!["-1"; n].join(", ")));
    ok(&format!("f({});", vec!["x + 1"; 20_000].join(", ")));
    ok(&format!(
        "void f(void) {{ {} }}",
        "if (x) { y(); } ".repeat(20_000)
    ));
    ok(&format!(
        "void f(int x) {{ switch (x) {{ {} }} }}",
        (0..5000)
            .map(|i| format!("case {i}: {{ y(); break; }} "))
            .collect::<String>()
    ));
    ok(&format!(
        "void f(void) {{ {} }}",
        "x = (struct S){1, 2}; ".repeat(20_000)
    ));
    ok(&format!(
        "enum {{ {} }};",
        (0..20_000)
            .map(|i| format!("E{i} = 1 << 3,"))
            .collect::<String>()
    ));
    ok(&format!(
        "int {};",
        (0..20_000)
            .map(|i| format!("v{i} = 1 + 2"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    ok(&format!(
        "void f(void) {{ {} }}",
        "if (a) x(); else ".repeat(2000) + "y();"
    ));
}
