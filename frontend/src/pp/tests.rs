//! Tests of the preprocessor: source text into expanded token spellings (C11 examples, GNU
//! extensions, directives, glibc headers, robustness against hostile input).

use super::*;

fn pp(text: &str) -> String {
    let (s, d) = preprocess_str(text);
    assert!(
        d.iter().all(|d| !d.is_error()),
        "unexpected diagnostics for {text:?}: {d:?}"
    );
    s
}

/// Preprocesses and returns (output, error messages).
fn pp_err(text: &str) -> (String, Vec<String>) {
    let (s, d) = preprocess_str(text);
    (
        s,
        d.into_iter()
            .filter(|d| d.is_error())
            .map(|d| d.msg)
            .collect(),
    )
}

fn pp_diags(text: &str) -> (String, Vec<Diag>) {
    preprocess_str(text)
}

/// Joins the spellings of a C fragment's tokens the way `pp` does, for expected outputs.
fn toks(text: &str) -> String {
    let (t, _) = crate::lex::lex(text, 0);
    join_tokens(&t)
}

#[test]
fn object_like() {
    assert_eq!(pp("#define X 1 + 2\nX * X"), "1 + 2 * 1 + 2");
    assert_eq!(pp("#define E\na E b"), "a b");
    assert_eq!(pp("#define A B\n#define B A\nA B"), "A B");
    assert_eq!(pp("#define foo foo\nfoo"), "foo");
    assert_eq!(pp("#define foo a foo b\nfoo"), "a foo b");
}

#[test]
fn function_like_basics() {
    assert_eq!(pp("#define f(a, b) a + b\nf(1, 2)"), "1 + 2");
    assert_eq!(pp("#define f(a) [a]\nf()"), "[ ]");
    assert_eq!(pp("#define f() x\nf()"), "x");
    assert_eq!(pp("#define f(a,b) [a|b]\nf(,)"), "[ | ]");
    assert_eq!(
        pp("#define f(a) a\nf(((1,2),(3)))"),
        "( ( 1 , 2 ) , ( 3 ) )"
    );
    // Not followed by `(`: not an invocation, also across lines.
    assert_eq!(pp("#define f(a) a\nf + f\n;"), "f + f ;");
    assert_eq!(pp("#define f(a) <a>\nf\n\n(1)"), "< 1 >");
    // Arguments spanning lines.
    assert_eq!(pp("#define f(a, b) a b\nf(1\n,\n2\n)"), "1 2");
    // Function-like name at the very end.
    assert_eq!(pp("#define f(a) a\nf"), "f");
}

#[test]
fn argument_count_errors() {
    let (_, e) = pp_err("#define f(a, b) a\nf(1)");
    assert_eq!(e, vec!["macro 'f' requires 2 arguments, but only 1 given"]);
    let (_, e) = pp_err("#define f(a) a\nf(1, 2)");
    assert_eq!(e, vec!["macro 'f' passed 2 arguments, but takes just 1"]);
    let (_, e) = pp_err("#define f(a) a\nf(1, 2");
    assert_eq!(e, vec!["unterminated function-like macro invocation"]);
}

#[test]
fn c11_6_10_3_3_hash_hash() {
    let src = "#define hash_hash # ## #\n#define mkstr(a) # a\n#define in_between(a) mkstr(a)\n#define join(c, d) in_between(c hash_hash d)\nchar p[] = join(x, y);";
    assert_eq!(pp(src), toks(r#"char p[] = "x ## y";"#));
}

#[test]
fn c11_6_10_3_5_example3() {
    let src = r#"
#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
"#;
    let want = r#"f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };"#;
    assert_eq!(pp(src), toks(want));
}

#[test]
fn c11_6_10_3_5_example4() {
    let src = r#"
#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
 == 0) str(: @\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
"#;
    let want = r#"printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\"abc\\0d\", \"abc\", '\\4') == 0" ": @\n", s);
"vers2.h"
"hello";
"hello" ", world""#;
    assert_eq!(pp(src), toks(want));
}

#[test]
fn c11_6_10_3_5_example5_placemarkers() {
    let src = "#define t(x,y,z) x ## y ## z\nint j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),\n t(10,,), t(,11,), t(,,12), t(,,) };";
    assert_eq!(pp(src), toks("int j[] = { 123, 45, 67, 89, 10, 11, 12, };"));
}

#[test]
fn c11_6_10_3_5_example6_redefinition() {
    let ok = "#define OBJ_LIKE (1-1)\n#define OBJ_LIKE /* white space */ (1-1) /* other */\n#define FUNC_LIKE(a) ( a )\n#define FUNC_LIKE( a )( /* note the white space */ \\\n a /* other stuff on this line\n */ )\n";
    let (_, d) = pp_diags(ok);
    assert!(d.is_empty(), "{d:?}");
    let bad = "#define OBJ_LIKE (1-1)\n#define FUNC_LIKE(a) ( a )\n#define OBJ_LIKE (0)\n#define OBJ_LIKE (1 - 1)\n#define FUNC_LIKE(b) ( a )\n#define FUNC_LIKE(b) ( b )\n";
    let (_, d) = pp_diags(bad);
    let w: Vec<_> = d
        .iter()
        .filter(|d| d.level == crate::diag::Level::Warning)
        .map(|d| d.msg.clone())
        .collect();
    assert_eq!(w.len(), 4, "{w:?}");
    assert!(w[0].contains("'OBJ_LIKE' macro redefined"));
}

#[test]
fn c11_6_10_3_5_example7_variadic() {
    let src = r#"
#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);
"#;
    let want = r#"fprintf(stderr, "Flag" );
fprintf(stderr, "X = %d\n", x );
puts( "The first, second, and third items." );
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));"#;
    assert_eq!(pp(src), toks(want));
}

#[test]
fn c11_6_10_3_4_rescan_example() {
    // C11 6.10.3.4p4: either result is allowed; Prosser's algorithm gives "2*9*g".
    let src = "#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)";
    assert_eq!(pp(src), "2 * 9 * g");
}

#[test]
fn stringizing() {
    assert_eq!(pp("#define s(x) #x\ns(  a   +  b  )"), r#""a + b""#);
    assert_eq!(
        pp(r#"#define s(x) #x
s("a\n" '\'' @ )"#),
        r#""\"a\\n\" '\\'' @""#
    );
    assert_eq!(pp("#define s(x) #x\ns(a\nb)"), r#""a b""#);
    assert_eq!(pp("#define s(x, y) #x #y\ns(,)"), r#""" """#);
    let (_, e) = pp_err("#define s(x) #y\n");
    assert_eq!(e, vec!["'#' is not followed by a macro parameter"]);
    // In an object-like macro, # is an ordinary token.
    assert_eq!(pp("#define H # x\nH"), "# x");
}

#[test]
fn pasting() {
    assert_eq!(
        pp("#define cat(a, b) a ## b\ncat(foo, bar) cat(1, 2) cat(<, <=) cat(+, +)"),
        "foobar 12 <<= ++"
    );
    assert_eq!(
        pp("#define cat(a, b) a ## b\n#define foobar ok\ncat(foo, bar)"),
        "ok"
    );
    assert_eq!(pp("#define cat(a, b) a ## b\ncat(x y, z w)"), "x yz w");
    assert_eq!(
        pp("#define cat(a, b) a ## b\ncat(L, 'a') cat(u8, \"s\")"),
        "L'a' u8\"s\""
    );
    assert_eq!(
        pp("#define cat3(a, b, c) a ## b ## c\ncat3(1, e, +)"),
        "1e+"
    );
    let (out, e) = pp_err("#define cat(a, b) a ## b\ncat(+, -)");
    assert_eq!(
        e,
        vec!["pasting formed '+-', an invalid preprocessing token"]
    );
    assert_eq!(out, "+ -");
    let (_, e) = pp_err("#define c(a) ## a\n");
    assert_eq!(
        e,
        vec!["'##' cannot appear at either end of macro expansion"]
    );
    let (_, e) = pp_err("#define c(a) a ##\n");
    assert_eq!(
        e,
        vec!["'##' cannot appear at either end of macro expansion"]
    );
    let (_, e) = pp_err("#define cat(a, b) a ## b\ncat(/, /)");
    assert_eq!(e.len(), 1);
}

#[test]
fn gnu_variadics() {
    // As GCC in GNU mode: the comma goes when the variable arguments are omitted (or empty
    // for a macro with only variable arguments).
    let src = "#define e(fmt, ...) f(fmt, ## __VA_ARGS__)\ne(a) e(a,) e(a, b, c)";
    assert_eq!(pp(src), "f ( a ) f ( a , ) f ( a , b , c )");
    let src = "#define e(...) f(x, ## __VA_ARGS__)\ne() e(1) e(,)";
    assert_eq!(pp(src), "f ( x ) f ( x , 1 ) f ( x , , )");
    let src = "#define e(fmt, args...) f(fmt , ## args)\ne(a) e(a, b, c)";
    assert_eq!(pp(src), "f ( a ) f ( a , b , c )");
    let src = "#define e(args...) g(args)\ne() e(1,2)";
    assert_eq!(pp(src), "g ( ) g ( 1 , 2 )");
    let src = "#define F(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)\nF(1) F(1, 2, 3)";
    assert_eq!(pp(src), "f ( 1 ) f ( 1 , 2 , 3 )");
    let src = "#define G(X, ...) X __VA_OPT__(- X ## __VA_ARGS__)\nG(a) G(a, b)";
    assert_eq!(pp(src), "a a - ab");
}

#[test]
fn blue_paint_persists() {
    // `f` painted inside its own expansion stays unexpandable when passed through another macro.
    let src = "#define f(x) g(f)(x)\n#define g(x) x\nf(1)";
    assert_eq!(pp(src), "f ( 1 )");
    let src = "#define AA BB\n#define BB AA\n#define ID(x) x\nID(AA)";
    assert_eq!(pp(src), "AA");
}

#[test]
fn deep_nesting_does_not_overflow() {
    let src = format!(
        "#define f(x) x\nf({}1{})",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let out = pp(&src);
    assert_eq!(out.len(), 100_000 * 4 + 1);
    let src = format!("#define f(x) x\n{}1{}", "f(".repeat(5000), ")".repeat(5000));
    let (_, e) = pp_err(&src);
    assert!(e.iter().any(|m| m.contains("nested too deeply")));
    let src = format!(
        "#if {}1{}\nyes\n#endif",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let (_, e) = pp_err(&src);
    assert!(e.iter().any(|m| m.contains("nested too deeply")));
    // Exponential expansion stops.
    let mut src = String::from("#define a0 x x\n");
    for i in 1..40 {
        src.push_str(&format!("#define a{i} a{} a{}\n", i - 1, i - 1));
    }
    src.push_str("a39");
    let (_, e) = pp_err(&src);
    assert!(e.iter().any(|m| m.contains("too many tokens")));
}

#[test]
fn conditionals() {
    assert_eq!(pp("#if 1\na\n#else\nb\n#endif"), "a");
    assert_eq!(pp("#if 0\na\n#elif 2 > 1\nb\n#else\nc\n#endif"), "b");
    assert_eq!(pp("#if 0\na\n#elif 0\nb\n#else\nc\n#endif"), "c");
    assert_eq!(
        pp("#define X\n#ifdef X\na\n#endif\n#ifndef X\nb\n#endif"),
        "a"
    );
    assert_eq!(pp("#if defined X || defined(Y)\na\n#else\nb\n#endif"), "b");
    assert_eq!(pp("#define Y\n#if defined X || defined(Y)\na\n#endif"), "a");
    assert_eq!(
        pp("#if 0\n#if 1\na\n#else\nb\n#endif\n#else\nc\n#endif"),
        "c"
    );
    assert_eq!(pp("#if 1\n#if 0\na\n#elif 1\nb\n#endif\n#endif"), "b");
    // Garbage in skipped groups: no diagnostics.
    let (_, d) = pp_diags(
        "#if 0\n#garbage\n#include <nonexistent.h>\n#error no\ndon't \"x\n#if 1/0\n#endif\n#else\nok\n#endif\n",
    );
    assert!(d.is_empty(), "{d:?}");
    // An #elif after a taken group is not evaluated.
    let (_, d) = pp_diags("#if 1\n#elif 1/0\n#endif");
    assert!(d.is_empty(), "{d:?}");
    let (_, e) = pp_err("#if 1\na");
    assert_eq!(e, vec!["unterminated conditional directive"]);
    let (_, e) = pp_err("#endif");
    assert_eq!(e, vec!["#endif without #if"]);
    let (_, e) = pp_err("#else");
    assert_eq!(e, vec!["#else without #if"]);
    let (_, e) = pp_err("#if 1\n#else\n#else\n#endif");
    assert_eq!(e, vec!["#else after #else"]);
    let (_, e) = pp_err("#if 1\n#else\n#elif 1\n#endif");
    assert_eq!(e, vec!["#elif after #else"]);
    assert_eq!(pp("#define A\n#if 0\n#elifdef A\nx\n#endif"), "x");
}

#[test]
fn if_expressions() {
    let t = |e: &str| -> bool {
        let (out, err) = pp_err(&format!("#if {e}\nyes\n#else\nno\n#endif"));
        assert!(err.is_empty(), "{e}: {err:?}");
        out == "yes"
    };
    assert!(t("1 + 2 * 3 == 7"));
    assert!(t("(1 + 2) * 3 == 9"));
    assert!(t("-1 < 0"));
    assert!(!t("-1 < 0u"));
    assert!(t("-1 > 0u"));
    assert!(t("0xffffffffffffffff == -1"));
    assert!(t("18446744073709551615 == -1"));
    assert!(t("-1 / 2 == 0"));
    assert!(t("-7 % 3 == -1"));
    assert!(t("7u % 3 == 1"));
    assert!(t("1 << 63 < 0"));
    assert!(t("(1u << 63) > 0"));
    assert!(t("-16 >> 2 == -4"));
    assert!(t("~0 == -1"));
    assert!(t("!0 && !!5"));
    assert!(t("0 || 3"));
    assert!(t("1 ? 2 : 0"));
    assert!(t("(0 ? 1 : 2) == 2"));
    assert!(t("(0 ? 1u : -1) > 0"));
    assert!(t("(1, 0, 3) == 3"));
    assert!(t("'a' == 97 && '\\n' == 10 && '\\377' < 0"));
    assert!(t("L'\\xff' == 255"));
    assert!(t("undefined_identifier == 0"));
    assert!(t("0 && 1 / 0 == 0 || 1"));
    assert!(t("1 || 1 / 0"));
    assert!(t("0 ? 1 / 0 : 1"));
    assert!(t("(2 | 1) == 3 && (6 & 3) == 2 && (6 ^ 3) == 5"));
    assert!(t("1 <= 1 && 1 >= 1 && 2 > 1 && 1 != 2"));
    assert!(t("0x7fffffffffffffff + 1 < 0"));
    assert!(t("__INT_MAX__ == 2147483647 && __LONG_MAX__ > __INT_MAX__"));
    let e = |e: &str| -> Vec<String> { pp_err(&format!("#if {e}\n#endif")).1 };
    assert_eq!(
        e("1 / 0"),
        vec!["division by zero in preprocessor expression"]
    );
    assert_eq!(
        e("1 % 0"),
        vec!["remainder by zero in preprocessor expression"]
    );
    assert_eq!(
        e("99999999999999999999999"),
        vec!["integer literal is too large to be represented in any integer type"]
    );
    assert_eq!(
        e("1.0"),
        vec!["floating point literal in preprocessor expression"]
    );
    assert_eq!(e("(1"), vec!["expected ')' in preprocessor expression"]);
    assert_eq!(e("1 +"), vec!["expected value in expression"]);
    assert_eq!(
        e("1 2"),
        vec!["token is not a valid binary operator in a preprocessor subexpression"]
    );
    assert_eq!(
        e("\"s\""),
        vec!["invalid token at start of a preprocessor expression"]
    );
    assert_eq!(e(""), vec!["#if with no expression"]);
    assert_eq!(e("defined"), vec!["macro name missing"]);
}

#[test]
fn if_with_macros() {
    let src = "#define A 2\n#define B (A + 1)\n#define F(x) ((x) * 2)\n#if F(B) == 6 && defined(A) && !defined B2\nyes\n#endif";
    assert_eq!(pp(src), "yes");
    // `defined` produced by a macro (GCC and clang accept it).
    let src = "#define D defined(A)\n#define A\n#if D\nyes\n#endif";
    assert_eq!(pp(src), "yes");
}

#[test]
fn has_builtins() {
    let src = r#"
#if __has_attribute(aligned) && __has_attribute(__packed__) && !__has_attribute(foo)
a
#endif
#if __has_builtin(__builtin_expect) && !__has_builtin(__builtin_foo) && __has_builtin(__builtin_memcpy) \
    && __has_builtin(__builtin_sqrtl) && __has_builtin(__builtin_isnormal) && !__has_builtin(memcpy)
b
#endif
#if !__has_feature(c_static_assert) && !__has_extension(x) && !__has_c_attribute(nodiscard)
c
#endif
#if __has_include(<stdio.h>) && !__has_include("nonexistent_header_xyz.h") && __has_include(<stddef.h>)
d
#endif
#if defined(__has_include) && defined __has_attribute
e
#endif
#define HA(x) __has_attribute(x)
#if HA(noreturn)
f
#endif
"#;
    assert_eq!(pp(src), "a b c d e f");
}

#[test]
fn builtin_macros() {
    let out = pp("a\n__LINE__\n#define L __LINE__\n\nL __FILE__");
    assert_eq!(out, "a 2 5 \"input_line_1\"");
    assert_eq!(pp("__COUNTER__ __COUNTER__ __COUNTER__"), "0 1 2");
    let out = pp("__DATE__ __TIME__");
    let parts: Vec<&str> = out.split('"').collect();
    assert_eq!(parts[1].len(), 11, "{out}");
    assert_eq!(parts[3].len(), 8, "{out}");
    assert_eq!(pp("#line 100\n__LINE__\n__LINE__"), "100 101");
    assert_eq!(pp("#line 7 \"foo.c\"\n__LINE__ __FILE__"), "7 \"foo.c\"");
    assert_eq!(
        pp("__STDC_VERSION__ __STDC__ __x86_64__ __GNUC__"),
        "201112L 1 1 4"
    );
    assert_eq!(pp("__SIZE_TYPE__"), "long unsigned int");
    assert!(
        pp("#ifdef __OPTIMIZE__\nbad\n#endif\n#ifdef __CHAR_UNSIGNED__\nbad\n#endif\n#ifdef __NO_INLINE__\nok\n#endif")
            == "ok"
    );
}

#[test]
fn pragmas() {
    assert_eq!(
        pp("#pragma GCC diagnostic push\n_Pragma(\"GCC diagnostic pop\") x\n#define P _Pragma(\"once\") y\nP"),
        "x y"
    );
    assert_eq!(pp("#\n# /* null */\nx"), "x");
}

#[test]
fn error_and_warning_directives() {
    let (_, d) = pp_diags("#error this is bad\n#warning careful   now\n");
    assert_eq!(d.len(), 2);
    assert!(d[0].is_error());
    assert_eq!(d[0].msg, "#error this is bad");
    assert_eq!(d[0].loc.line, 1);
    assert_eq!(d[1].level, crate::diag::Level::Warning);
    assert_eq!(d[1].msg, "#warning careful now");
    let (_, e) = pp_err("#foo\n");
    assert_eq!(e, vec!["invalid preprocessing directive"]);
    let (_, e) = pp_err("#define\n");
    assert_eq!(e, vec!["macro name missing"]);
    let (_, e) = pp_err("#define 3\n");
    assert_eq!(e, vec!["macro name must be an identifier"]);
    let (_, e) = pp_err("#define defined\n");
    assert_eq!(e, vec!["'defined' cannot be used as a macro name"]);
    let (_, e) = pp_err("#define f(a, a) a\n");
    assert_eq!(e, vec!["duplicate macro parameter name 'a'"]);
    let (_, e) = pp_err("#define f(a b) a\n");
    assert_eq!(e, vec!["expected comma in macro parameter list"]);
    let (_, e) = pp_err("#define f(a\n");
    assert_eq!(e, vec!["missing ')' in macro parameter list"]);
    let (_, e) = pp_err("x = \"abc\n");
    assert_eq!(e, vec!["missing terminating '\"' character"]);
}

#[test]
fn diagnostics_have_locations() {
    let (_, d) = pp_diags("int x;\n  #include <no_such_header_crepl.h>\n");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].msg, "'no_such_header_crepl.h' file not found");
    assert_eq!(d[0].loc.line, 2);
    assert_eq!(d[0].loc.col, 12);
    let (_, d) = pp_diags("#define f(a,b) a\n\n  f(1)");
    assert_eq!((d[0].loc.line, d[0].loc.col), (3, 3));
}

#[test]
fn expansion_locations_and_flags() {
    let mut pp = Preprocessor::new(PpOptions::default());
    let mut sm = SourceMap::default();
    let f = sm.add(
        "input_line_1",
        "#define X 1 + 2\nint a =  X;\n#define F(v) (v)\n F(y)",
    );
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.is_empty());
    // `1` comes from X's use on line 2, column 10.
    assert_eq!(&*t[3].text, "1");
    assert_eq!((t[3].loc.line, t[3].loc.col), (2, 10));
    assert!(t[3].space_before);
    assert!(!t[4].line_start);
    assert_eq!(&*t[7].text, "(");
    assert!(t[7].line_start && t[7].space_before);
    // The argument keeps its own location.
    assert_eq!(&*t[8].text, "y");
    assert_eq!((t[8].loc.line, t[8].loc.col), (4, 4));
}

#[test]
fn macros_persist_and_roll_back() {
    let mut pp = Preprocessor::new(PpOptions::default());
    let mut sm = SourceMap::default();
    let f1 = sm.add("input_line_1", "#define A 1\n#define B 2");
    pp.run(&mut sm, f1);
    let cp = pp.checkpoint();
    let f2 = sm.add(
        "input_line_2",
        "#define C 3\n#undef A\n#define B 20\n#pragma once\nA B C",
    );
    let (t, _) = pp.run(&mut sm, f2);
    assert_eq!(join_tokens(&t), "A 20 3");
    assert!(pp.is_defined("C") && !pp.is_defined("A"));
    pp.rollback(cp);
    assert!(!pp.is_defined("C") && pp.is_defined("A"));
    let f3 = sm.add("input_line_3", "A B C");
    let (t, _) = pp.run(&mut sm, f3);
    assert_eq!(join_tokens(&t), "1 2 C");
    assert!(pp.once.is_empty());
}

#[test]
fn command_line_options() {
    let opts = PpOptions {
        include_dirs: vec![],
        defines: vec![
            ("FOO".into(), None),
            ("BAR".into(), Some("x y".into())),
            ("SQ(x)".into(), Some("((x)*(x))".into())),
            ("GONE".into(), None),
        ],
        undefs: vec!["GONE".into()],
    };
    let mut pp = Preprocessor::new(opts);
    let mut sm = SourceMap::default();
    let f = sm.add("input_line_1", "FOO BAR SQ(2) GONE");
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(join_tokens(&t), "1 x y ( ( 2 ) * ( 2 ) ) GONE");
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("crepl_pp_test_{}_{}", tag, std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn includes_from_disk() {
    let dir = temp_dir("inc");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("a.h"),
        "#pragma once\nint a_h;\n#include \"sub/b.h\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/b.h"),
        "#ifndef B_H\n#define B_H\nint b_h = __LINE__;\n#include \"c.h\"\n#endif\n",
    )
    .unwrap();
    std::fs::write(dir.join("sub/c.h"), "int c_h; const char *f = __FILE__;\n").unwrap();
    std::fs::write(dir.join("rec.h"), "x\n#include \"rec.h\"\n").unwrap();
    std::fs::write(dir.join("stdio.h"), "my_stdio\n#include_next <stdio.h>\n").unwrap();
    std::fs::write(dir.join("vers2.h"), "vers2\n").unwrap();
    let opts = PpOptions {
        include_dirs: vec![dir.clone()],
        ..Default::default()
    };
    let mut pp = Preprocessor::new(opts);
    let mut sm = SourceMap::default();
    let main = dir.join("main.c");
    let f = sm.add(
        main.to_string_lossy(),
        "#include \"a.h\"\n#include <a.h>\n#include \"sub/b.h\"\nend",
    );
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.is_empty(), "{d:?}");
    let c_path = dir.join("sub/c.h");
    assert_eq!(
        join_tokens(&t),
        format!(
            "int a_h ; int b_h = 3 ; int c_h ; const char * f = \"{}\" ; end",
            c_path.display()
        )
    );
    // Guarded and `#pragma once` files are not entered again, even in a later input.
    let f = sm.add("input_line_2", "#include <a.h>\n#include <sub/b.h>\nz");
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(join_tokens(&t), "z");
    // Recursive include without guard.
    let f = sm.add("input_line_3", "#include <rec.h>\n");
    let (t, d) = pp.run(&mut sm, f);
    assert_eq!(t.len(), MAX_INCLUDE_DEPTH);
    assert_eq!(
        d.iter()
            .filter(|d| d.msg == "#include nested too deeply")
            .count(),
        1,
        "{d:?}"
    );
    // #include_next finds the system header after ours.
    let f = sm.add(
        "input_line_4",
        "#include <stdio.h>\n#ifdef EOF\nhave_eof\n#endif\n",
    );
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
    assert_eq!(&*t[0].text, "my_stdio");
    assert_eq!(&*t.last().unwrap().text, "have_eof");
    // Computed include (C11 6.10.3.5 example 4).
    let f = sm.add(
        "input_line_5",
        "#define str(s) # s\n#define xstr(s) str(s)\n#define INCFILE(n) vers ## n\n#include xstr(INCFILE(2).h)\n#define HDR <vers2.h>\n#include HDR\n",
    );
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(join_tokens(&t), "vers2 vers2");
    // Changes to user headers are noticed in later inputs.
    std::fs::write(dir.join("vers2.h"), "vers2_changed_content\n").unwrap();
    let f = sm.add("input_line_6", "#include <vers2.h>\n");
    let (t, _) = pp.run(&mut sm, f);
    assert_eq!(join_tokens(&t), "vers2_changed_content");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn quoted_include_uses_cwd_for_repl_inputs() {
    let (_, e) = pp_err("#include \"Cargo.toml\"\n");
    // The crate directory is the test's working directory: the file is found (and lexed).
    assert!(e.iter().all(|m| !m.contains("not found")), "{e:?}");
    let (_, e) = pp_err("#include \"no_such_file_crepl.h\"\n");
    assert_eq!(e, vec!["'no_such_file_crepl.h' file not found"]);
    let (_, e) = pp_err("#include\n");
    assert_eq!(e, vec!["expected \"FILENAME\" or <FILENAME>"]);
}

#[test]
fn builtin_headers() {
    let out = pp("#include <stddef.h>\nsize_t NULL offsetof(struct s, m)");
    assert!(
        out.ends_with("size_t ( ( void * ) 0 ) __builtin_offsetof ( struct s , m )"),
        "{out}"
    );
    assert!(out.contains("typedef long unsigned int size_t ;"));
    assert!(out.contains("typedef int wchar_t ;"));
    assert!(out.contains("max_align_t ;"));
    // glibc's partial inclusion protocol: only size_t.
    let out =
        pp("#define __need_size_t\n#include <stddef.h>\n#ifdef __need_size_t\nbad\n#endif\n#ifdef NULL\nbad\n#endif");
    assert_eq!(out, "typedef long unsigned int size_t ;");
    let out = pp("#define __need_NULL\n#include <stddef.h>\n#define __need_size_t\n#include <stddef.h>\n#include <stddef.h>\nNULL");
    assert_eq!(out.matches("size_t ;").count(), 1, "{out}");
    assert!(out.ends_with("max_align_t ; ( ( void * ) 0 )"), "{out}");
    let out = pp("#include <stdarg.h>\nva_list ap; va_start(ap, x); va_arg(ap, int); va_end(ap); va_copy(a, b);");
    assert!(out.contains("typedef __builtin_va_list __gnuc_va_list ;"));
    assert!(out.ends_with("typedef __gnuc_va_list va_list ; va_list ap ; __builtin_va_start ( ap , x ) ; __builtin_va_arg ( ap , int ) ; __builtin_va_end ( ap ) ; __builtin_va_copy ( a , b ) ;"), "{out}");
    let out = pp("#define __need___va_list\n#include <stdarg.h>\n#ifdef va_start\nbad\n#endif");
    assert_eq!(out, "typedef __builtin_va_list __gnuc_va_list ;");
    assert_eq!(pp("#include <stdbool.h>\nbool true false"), "_Bool 1 0");
    assert_eq!(
        pp("#include <float.h>\nFLT_EVAL_METHOD DECIMAL_DIG LDBL_MANT_DIG DBL_MAX"),
        "0 21 64 1.79769313486231570814527423731704357e+308"
    );
    assert_eq!(pp("#include <iso646.h>\na and b"), "a && b");
    assert_eq!(
        pp("#include <stdalign.h>\n#include <stdnoreturn.h>\nalignas noreturn"),
        "_Alignas _Noreturn"
    );
    let out = pp("#include <limits.h>\n#if INT_MAX == 2147483647 && LONG_MAX == 0x7fffffffffffffff && UINT_MAX == 4294967295 && CHAR_MIN == -128 && ULLONG_MAX == 18446744073709551615u && MB_LEN_MAX == 16\nok\n#endif\nINT_MAX PATH_MAX");
    assert_eq!(out, "ok 0x7fffffff 4096");
    let (_, d) = pp_diags("#include <stddef.h>\n#line 3\n");
    assert!(d.is_empty());
}

/// Preprocesses `#include <h>` plus `probe` and checks there are no errors.
fn with_header(h: &str, probe: &str) -> String {
    let src = format!("#include <{h}>\n__crepl_marker__ {probe}");
    let (s, d) = preprocess_str(&src);
    let errs: Vec<_> = d.iter().filter(|d| d.is_error()).collect();
    assert!(errs.is_empty(), "<{h}>: {errs:?}");
    s.split("__crepl_marker__")
        .nth(1)
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn glibc_headers() {
    if !Path::new("/usr/include/stdio.h").exists() {
        return;
    }
    for h in [
        "stdio.h",
        "stdlib.h",
        "string.h",
        "math.h",
        "ctype.h",
        "stdint.h",
        "inttypes.h",
        "limits.h",
        "assert.h",
        "errno.h",
        "time.h",
        "signal.h",
        "setjmp.h",
        "unistd.h",
        "stdarg.h",
        "stddef.h",
        "float.h",
        "stdbool.h",
        "wchar.h",
        "locale.h",
        "fcntl.h",
        "sys/types.h",
        "sys/stat.h",
        "stdalign.h",
        "stdnoreturn.h",
        "iso646.h",
        "fenv.h",
        "wctype.h",
        "sys/time.h",
        "pthread.h",
        "dirent.h",
        "uchar.h",
    ] {
        with_header(h, "");
    }
    // crepl's own <complex.h> wraps glibc's and defines I with __builtin_complex.
    assert_eq!(
        with_header("complex.h", "I"),
        "( __builtin_complex ( 0.0f , 1.0f ) )"
    );
    assert_eq!(with_header("limits.h", "INT_MAX"), "0x7fffffff");
    assert_eq!(with_header("stdio.h", "EOF"), "( - 1 )");
    assert_eq!(with_header("stdio.h", "stdout"), "stdout");
    assert_eq!(
        with_header("stdint.h", "UINT64_MAX"),
        "( __UINT64_C ( 18446744073709551615 ) )".replace(
            "__UINT64_C ( 18446744073709551615 )",
            "18446744073709551615UL"
        )
    );
    assert_eq!(
        with_header("stdint.h", "SIZE_MAX"),
        "( 18446744073709551615UL )"
    );
    assert_eq!(with_header("inttypes.h", "PRId64"), "\"l\" \"d\"");
    assert_eq!(
        with_header("errno.h", "errno"),
        "( * __errno_location ( ) )"
    );
    assert_eq!(
        with_header("stdarg.h", "va_arg(ap, int)"),
        "__builtin_va_arg ( ap , int )"
    );
    let a = with_header("assert.h", "assert(x)");
    // The GNU form, as gcc -E shows it (no __STRICT_ANSI__).
    assert_eq!(
        a,
        toks(
            r#"((void) sizeof ((x) ? 1 : 0), __extension__ ({ if (x) ; else __assert_fail ("x", "input_line_1", 2, __extension__ __PRETTY_FUNCTION__); }))"#
        )
    );
    let a = with_header("math.h", "M_PI HUGE_VAL isnan(x)");
    assert!(
        a.starts_with("3.14159265358979323846 ( __builtin_huge_val ( ) )"),
        "{a}"
    );
    assert_eq!(
        with_header("ctype.h", "isdigit(c)"),
        toks("((*__ctype_b_loc ())[(int) ((c))] & (unsigned short int) _ISdigit)")
    );
    assert_eq!(with_header("stdbool.h", "true"), "1");
    assert_eq!(
        with_header("stdlib.h", "EXIT_FAILURE RAND_MAX"),
        "1 2147483647"
    );
}

#[test]
fn glibc_second_include_is_cheap_and_empty() {
    if !Path::new("/usr/include/stdio.h").exists() {
        return;
    }
    let mut pp = Preprocessor::new(PpOptions::default());
    let mut sm = SourceMap::default();
    let f = sm.add("input_line_1", "#include <stdio.h>\n");
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.is_empty(), "{d:?}");
    assert!(t.len() > 1000);
    let n = sm.len();
    let f = sm.add(
        "input_line_2",
        "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <math.h>\n",
    );
    let (_, d) = pp.run(&mut sm, f);
    assert!(d.is_empty(), "{d:?}");
    let f = sm.add(
        "input_line_3",
        "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <math.h>\n",
    );
    let n2 = sm.len();
    let (t, d) = pp.run(&mut sm, f);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(t.len(), 0);
    // No file was read again.
    assert_eq!(sm.len(), n2);
    assert!(n2 > n);
}

#[test]
fn random_input_never_panics() {
    let mut seed = 0x1234_5678_9abc_def0u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces = [
        "#",
        "define",
        "if",
        "elif",
        "endif",
        "include",
        " ",
        "\n",
        "(",
        ")",
        ",",
        "##",
        "__VA_ARGS__",
        "...",
        "x",
        "f",
        "\"",
        "'",
        "\\",
        "/*",
        "*/",
        "//",
        "1",
        "0x",
        "defined",
        "_Pragma",
        "__has_include",
        "<",
        ">",
        "?",
        ":",
        "/",
        "%",
        "#x",
        "f(",
        "x)",
        "#define f(x) f(x x)",
        "#define x f(",
        "#if",
        "__LINE__",
        "é",
        "\0",
        "@",
    ];
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..(rnd() % 80) {
            s.push_str(pieces[(rnd() % pieces.len() as u64) as usize]);
        }
        let _ = preprocess_str(&s);
        let bytes: Vec<u8> = (0..(rnd() % 200)).map(|_| rnd() as u8).collect();
        let _ = preprocess_str(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn huge_numbers_in_if() {
    let (_, e) = pp_err("#if 123456789012345678901234567890123456789 > 0\n#endif");
    assert_eq!(e.len(), 1);
    let (_, e) = pp_err(&format!("#if {}\n#endif", "9".repeat(10000)));
    assert_eq!(e.len(), 1);
    assert_eq!(pp("#if 0x8000000000000000 > 0\nyes\n#endif"), "yes");
}
