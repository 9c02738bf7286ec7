//! No input may crash or hang the REPL: random bytes, random token soup, pathological
//! nesting, unterminated comments and strings, huge literals, runaway recursion in user
//! code. Every case must end with a diagnostic (or a value) and the session must go on:
//! each batch ends with `1 + 1`, which must still print `(int) 2`.
//!
//! Bounded and deterministic (a fixed seed), so it runs in `cargo test`; the fuzz target
//! in fuzz/ explores the front end without bounds.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

/// xorshift64*: deterministic pseudo-random numbers for the generated inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Runs crepl on `input` (batch mode); returns (exit status, stdout, stderr).
fn run(input: &[u8], timeout: Duration) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .arg("--no-color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(timeout) {
        Ok(out) => {
            let out = out.unwrap();
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        }
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!(
                "crepl hung (more than {timeout:?}) on input starting {:?}",
                String::from_utf8_lossy(&input[..input.len().min(200)])
            );
        }
    }
}

/// crepl ends normally (status 0 or 1) on `input`, without a panic.
#[track_caller]
fn no_crash(input: impl AsRef<[u8]>) -> String {
    let (status, out, err) = run(input.as_ref(), Duration::from_secs(60));
    assert!(
        status.is_some(),
        "crepl was killed by a signal; stderr: {err}"
    );
    assert!(
        status == Some(0) || status == Some(1),
        "unexpected exit status {status:?}; stderr: {err}"
    );
    assert!(!err.contains("panicked"), "crepl panicked: {err}");
    out
}

/// As `no_crash`, and the session goes on: a later input still prints its value.
#[track_caller]
fn survives(input: impl AsRef<[u8]>) {
    let mut text = input.as_ref().to_vec();
    text.extend_from_slice(b"\n;\n1 + 1\n");
    let out = no_crash(&text);
    let shown =
        String::from_utf8_lossy(&input.as_ref()[..input.as_ref().len().min(200)]).into_owned();
    assert!(
        out.trim_end().ends_with("(int) 2"),
        "the session did not go on after {shown:?}; stdout: {out}"
    );
}

#[test]
fn pathological_inputs() {
    // An open comment or bracket keeps the REPL reading, to the end of the input.
    no_crash("/* unterminated comment");
    no_crash(&format!("{}", "(".repeat(100_000)));
    no_crash(&format!("{{{}", "{".repeat(50_000)));
    survives("char *s = \"unterminated string;");
    survives("char c = 'x;");
    survives(&format!(
        "int x = {}1{};",
        "(".repeat(100_000),
        ")".repeat(100_000)
    ));
    survives(&format!("int y = 1{};", "+1".repeat(100_000)));
    survives("123456789012345678901234567890123456789");
    survives("0x123456789abcdef0123456789");
    survives("1e999999");
    survives("int a[99999999999999];");
    survives("int z = 1 / 0;");
    survives("#define X X\nX");
    survives("#define F(x) F(x) x\nF(F(F(1)))");
    survives("#include \"/nonexistent/file.h\"");
    survives("#if\n#endif");
    survives("#if 1/0\n#endif");
    survives("%undo 99");
    survives("%bogus");
    survives("struct S { struct S s; };");
    survives("int f(void) { return f(); }\nf()");
    survives(
        "int g(int n) { int a[1000]; a[0] = n; return n ? g(n - 1) + a[0] : 0; }\ng(100000000)",
    );
    survives("void h(void); h()");
    survives("int *p = 0; p");
    survives("\u{0}\u{1}\u{7f}\u{ff}\u{fffd}");
    survives(b"int \xff\xfe = 3;");
    survives("int big[99999999999999];");
    survives("goto nowhere;");
    survives("return 5;");
    survives("break;");
    survives("case 1: ;");
    // Variable-length types where a constant size is needed (a compound literal of one
    // overflowed the front end's stack).
    survives("int g(int n) { typedef int row[n]; int *p = (row){0}; return p[0]; }");
    survives("int g(int n) { typedef int row[n]; static row r; struct S { row x; } s; }");
    survives("int n = 2; int (*p)[n]; typedef int t[n];");
    survives("f(a) register a; { return a; } f(1) { }");
}

#[test]
fn random_bytes_and_token_soup() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    const TOKENS: &[&str] = &[
        "int",
        "char",
        "struct",
        "union",
        "enum",
        "typedef",
        "static",
        "extern",
        "const",
        "void",
        "long",
        "unsigned",
        "double",
        "float",
        "if",
        "else",
        "for",
        "while",
        "do",
        "switch",
        "case",
        "default",
        "return",
        "break",
        "continue",
        "goto",
        "sizeof",
        "x",
        "y",
        "f",
        "T",
        "S",
        "main",
        "printf",
        "0",
        "1",
        "42",
        "3.5",
        "'a'",
        "\"s\"",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ";",
        ",",
        ".",
        "->",
        "*",
        "&",
        "+",
        "-",
        "/",
        "%",
        "=",
        "==",
        "<",
        ">",
        "<<",
        "!",
        "~",
        "?",
        ":",
        "++",
        "--",
        "+=",
        "#define",
        "#include",
        "#if",
        "#endif",
        "\\\n",
        "/*",
        "*/",
        "//",
        "\n",
        "...",
        "##",
        "#",
        "__attribute__((packed))",
        "(int)",
        "{0}",
        "[3]",
    ];
    for i in 0..300 {
        let mut s = String::new();
        if i % 4 == 0 {
            // Random printable bytes and control characters.
            for _ in 0..rng.below(80) {
                let b = (rng.below(95) + 32) as u8;
                s.push(if rng.below(20) == 0 {
                    '\u{1}'
                } else {
                    b as char
                });
            }
        } else {
            for _ in 0..rng.below(30) {
                s.push_str(TOKENS[rng.below(TOKENS.len())]);
                s.push(' ');
            }
        }
        no_crash(&s);
    }
}
