//! The executor process seen from outside: Ctrl-C (SIGINT to crepl) stops a running input
//! and the session goes on; script-mode crashes end crepl as a shell reports them.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn sigint_stops_an_infinite_loop_and_the_session_continues() {
    sigint_stops(
        &["--tier=interp"],
        "int x = 3;\nwhile (1) { x = x; }\nx + 1\n",
    );
}

/// The same in compiled code: a top-level loop compiled before it runs, a function's loop
/// after on-stack replacement, a function compiled from the start.
#[test]
fn sigint_stops_compiled_loops() {
    sigint_stops(
        &["--tier=baseline"],
        "int x = 3;\nwhile (1) { x = x; }\nx + 1\n",
    );
    sigint_stops(
        &["--tier=auto"],
        "int x = 3;\nvoid spin(void) { for (;;) x = x; }\nspin();\nx + 1\n",
    );
    sigint_stops(
        &["--tier=baseline"],
        "int x = 3;\nint spin(int n) { while (n) n = n * 3 + 1; return n; }\nspin(1);\nx + 1\n",
    );
}

/// Compiled code without loops: recursion that would run for years is stopped at a
/// function entry (where the stack check also catches the interrupt).
#[test]
fn sigint_stops_compiled_recursion() {
    let input =
        "int x = 3;\nint f(int n) { return n <= 0 ? 1 : f(n - 1) + f(n - 1); }\nf(200);\nx + 1\n";
    sigint_stops(&["--tier=baseline"], input);
    sigint_stops(&["--tier=auto"], input);
}

/// A loop made of a goto polls too, in every tier (it did in none before).
#[test]
fn sigint_stops_goto_loops() {
    let input =
        "int x = 3;\nlong n = 0;\nvoid spin(void) { again: n++; goto again; }\nspin();\nx + 1\n";
    sigint_stops(&["--tier=interp"], input);
    sigint_stops(&["--tier=baseline"], input);
}

fn sigint_stops(flags: &[&str], input: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .arg("--no-color")
        .args(flags)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    // Collect stderr as it comes, to see when the interrupt has landed.
    let err = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let mut stderr = child.stderr.take().unwrap();
    let sink = err.clone();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = std::io::Read::read(&mut stderr, &mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    // Ctrl-C until the loop reports it stopped (the first may come before it runs, on a
    // slow machine).
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(200));
        if err.lock().unwrap().contains("interrupted") {
            break;
        }
        unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    }
    let out = child.wait_with_output().unwrap();
    reader.join().unwrap();
    let e = err.lock().unwrap().clone();
    let o = String::from_utf8_lossy(&out.stdout);
    let n = input.lines().count() - 1;
    assert!(
        e.contains(&format!("interrupted while running input {n}")),
        "{flags:?}: stderr: {e}"
    );
    // Stopped by the poll, not by killing the executor after its grace period.
    assert!(!e.contains("did not stop"), "{flags:?}: stderr: {e}");
    assert_eq!(o.trim(), "(int) 4", "{flags:?}: stderr: {e}");
    assert_eq!(out.status.code(), Some(1));
}

fn script(name: &str, src: &str) -> (Option<i32>, String, String) {
    script_in(&[], name, src)
}

fn script_in(flags: &[&str], name: &str, src: &str) -> (Option<i32>, String, String) {
    let dir = std::env::temp_dir().join(format!("crepl-exec-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .args(flags)
        .arg(&path)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&path);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn script_crashes_end_like_native_programs() {
    // The same whether main runs interpreted or compiled.
    for flags in [&["--tier=interp"], &["--tier=baseline"]] {
        let (st, out, err) = script_in(
            flags,
            "segv.c",
            "#include <stdio.h>\nint main(void) { puts(\"before\"); int *p = 0; return *p; }\n",
        );
        assert_eq!(st, Some(128 + libc::SIGSEGV), "stderr: {err}");
        assert_eq!(out, "before\n");
        assert!(err.contains("Segmentation fault"), "stderr: {err}");
        let (st, _, err) = script_in(
            flags,
            "abort.c",
            "#include <stdlib.h>\nint main(void) { abort(); }\n",
        );
        assert_eq!(st, Some(128 + libc::SIGABRT), "stderr: {err}");
        assert!(err.contains("Aborted"), "stderr: {err}");
        let (st, out, _) = script_in(flags, "exit.c", "#include <stdio.h>\n#include <stdlib.h>\nvoid bye(void) { puts(\"bye\"); }\nint main(void) { atexit(bye); puts(\"main\"); exit(9); }\n");
        assert_eq!(st, Some(9));
        assert_eq!(out, "main\nbye\n");
    }
}

#[test]
fn scripts_take_a_shebang_line_arguments_and_libraries() {
    let (st, out, err) = script(
        "args.c",
        "#!/usr/bin/env crepl\n#include <stdio.h>\n#include <math.h>\nint main(int argc, char **argv) {\n  printf(\"%d %s %.1f\\n\", argc, argc > 1 ? argv[1] : \"-\", cbrt(8.0));\n  return argc;\n}\n",
    );
    assert_eq!(st, Some(1), "stderr: {err}");
    assert_eq!(out, "1 - 2.0\n");
    // Arguments after the file go to the program; -l loads a library first.
    let dir = std::env::temp_dir().join(format!("crepl-exec-args-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("args2.c");
    std::fs::write(&path, "#include <stdio.h>\nint main(int argc, char **argv) { for (int i = 1; i < argc; i++) printf(\"[%s]\", argv[i]); puts(\"\"); return 3; }\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .args([
            "-lm",
            "-O2",
            "-Wall",
            "-pthread",
            "-lpthread",
            "-ldl",
            "-lrt",
            "-lutil",
        ])
        .arg(&path)
        .args(["a b", "-x", "--y"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "[a b][-x][--y]\n");
}

#[test]
fn multi_file_programs_link_external_names_and_keep_statics_apart() {
    let dir = std::env::temp_dir().join(format!("crepl-multi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("shared.h"),
        "extern int counter;\nextern const char *name;\nvoid bump(int by);\nint twice(int x);\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a.c"),
        "#include <stdio.h>\n#include \"shared.h\"\nstatic int helper(void) { return 1; }\nint counter = 10;\nint main(int argc, char **argv) {\n  bump(5);\n  printf(\"%d %d %d %s %d %s\\n\", helper(), counter, twice(21), name, argc, argv[argc - 1]);\n  return counter;\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.c"),
        "#include \"shared.h\"\nstatic int helper(void) { return 2; }\nconst char *name = \"from b\";\nvoid bump(int by) { counter += by + helper(); }\nint twice(int x) { return 2 * x; }\n",
    )
    .unwrap();
    for order in [["a.c", "b.c"], ["b.c", "a.c"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_crepl"))
            .current_dir(&dir)
            .args(order)
            .args(["--", "x", "-y"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(17),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "1 17 42 from b 3 -y\n"
        );
    }
    // The same function defined in two units is an error, as the linker says.
    std::fs::write(dir.join("c.c"), "int twice(int x) { return x + x; }\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .current_dir(&dir)
        .args(["a.c", "b.c", "c.c"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("multiple definition of 'twice'"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs crepl on `files` (name, text) in a fresh directory; returns (status, stdout, stderr).
fn program(flags: &[&str], files: &[(&str, &str)]) -> (Option<i32>, String, String) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("crepl-units-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .current_dir(&dir)
        .args(flags)
        .args(files.iter().map(|f| f.0).filter(|f| f.ends_with(".c")))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn units_with_conflicting_declarations_are_refused_naming_both_places() {
    // The same tag with other members: both places are named.
    let (st, _, err) = program(
        &[],
        &[
            ("a.c", "struct p { int x, y; };\nstruct p origin = { 1, 2 };\nint main(void) { return origin.y; }\n"),
            ("b.c", "struct p { long x, y; };\nextern struct p origin;\nlong get(void) { return origin.x; }\n"),
        ],
    );
    assert_eq!(st, Some(1), "{err}");
    assert!(
        err.contains("b.c:2:17: error: conflicting types for 'origin'"),
        "{err}"
    );
    assert!(
        err.contains("a.c:2:10: note: previous declaration is here"),
        "{err}"
    );
    // A function declared with another signature; a variable declared as a function.
    let (st, _, err) = program(
        &[],
        &[
            (
                "a.c",
                "int f(int x) { return x; }\nint v = 3;\nint main(void) { return f(v); }\n",
            ),
            ("b.c", "double f(int x);\nint v(void);\n"),
        ],
    );
    assert_eq!(st, Some(1), "{err}");
    assert!(
        err.contains("b.c:1:8: error: conflicting types for 'f'"),
        "{err}"
    );
    assert!(
        err.contains("b.c:2:5: error: 'v' redeclared as a different kind of symbol"),
        "{err}"
    );
    // Two initialized definitions of one variable.
    let (st, _, err) = program(
        &[],
        &[
            ("a.c", "int v = 1;\nint main(void) { return v; }\n"),
            ("b.c", "int v = 2;\n"),
        ],
    );
    assert_eq!(st, Some(1), "{err}");
    assert!(
        err.contains("b.c:1:5: error: multiple definition of 'v'"),
        "{err}"
    );
    assert!(
        err.contains("a.c:1:5: note: previous definition is here"),
        "{err}"
    );
}

#[test]
fn units_share_compatible_types_and_merge_tentative_definitions() {
    // Each unit has its own tags: the same struct (recursive, with an anonymous union and
    // an incomplete declaration in one unit) and <stdio.h> in both units are compatible.
    let h = "#include <stdio.h>\nstruct node { struct node *next; union { int i; float f; } u; enum color { RED, BLUE } c; };\nextern struct node *head;\nint length(const struct node *);\n";
    let (st, out, err) = program(
        &[],
        &[
            ("list.h", h),
            ("a.c", "#include \"list.h\"\nint common_counter;\nstatic struct node n2 = { 0, { 5 }, BLUE }, n1 = { &n2, { 4 }, RED };\nstruct node *head = &n1;\nint main(void) { common_counter++; printf(\"%d %d\\n\", length(head), common_counter); fflush(stdout); return 0; }\n"),
            ("b.c", "#include \"list.h\"\nint common_counter;\nint length(const struct node *n) { int k = 0; for (; n; n = n->next) k += n->u.i; common_counter += 10; return k; }\n"),
            ("c.c", "struct node;\nextern struct node *head;\nstruct node *get_head(void) { return head; }\n"),
        ],
    );
    assert_eq!(st, Some(0), "{err}");
    assert_eq!(out, "9 11\n");
    assert!(
        err.contains("b.c:2:5: note: 'common_counter' is also defined in another translation unit"),
        "{err}"
    );
}

#[test]
fn a_programs_own_sigint_handler_runs_on_ctrl_c() {
    let dir = std::env::temp_dir().join(format!("crepl-sigint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("handler.c");
    std::fs::write(
        &path,
        "#include <signal.h>\n#include <stdio.h>\n#include <unistd.h>\nstatic volatile sig_atomic_t hits;\nstatic void on_int(int s) { (void)s; hits++; }\nint main(void) {\n  signal(SIGINT, on_int);\n  fprintf(stderr, \"ready\\n\");\n  while (hits < 2) pause();\n  printf(\"caught %d\\n\", (int)hits);\n  return 3;\n}\n",
    )
    .unwrap();
    for flags in [
        &["--tier=interp"][..],
        &["--tier=baseline"],
        &["--in-process"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crepl"))
            .args(flags)
            .arg(&path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let mut seen = String::new();
        let mut buf = [0u8; 256];
        while !seen.contains("ready") {
            let n = std::io::Read::read(&mut stderr, &mut buf).unwrap();
            assert!(n > 0, "{flags:?}: {seen}");
            seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        // Two Ctrl-C: the handler runs twice, then the program ends by itself.
        for _ in 0..2 {
            std::thread::sleep(Duration::from_millis(300));
            unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(3), "{flags:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            "caught 2\n",
            "{flags:?}"
        );
    }
}

#[test]
fn scripts_read_their_stdin() {
    let dir = std::env::temp_dir().join(format!("crepl-stdin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sum.c");
    std::fs::write(&path, "#include <stdio.h>\nint main(void) { int a, b, n = 0; while (scanf(\"%d %d\", &a, &b) == 2) { printf(\"%d\\n\", a + b); n++; } return n; }\n").unwrap();
    let mut c = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    c.stdin.take().unwrap().write_all(b"1 2\n30 40\n").unwrap();
    let out = c.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3\n70\n");
}

/// Runs cc with `args`; it must succeed.
fn cc(args: &[&std::ffi::OsStr]) {
    let out = Command::new("cc")
        .args(args)
        .output()
        .expect("cc is needed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Builds tests/native/varcb_lib.c as `dir`/libvarcb.so (made if needed); returns its path.
fn build_varcb(dir: &std::path::Path) -> std::path::PathBuf {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/native");
    std::fs::create_dir_all(dir).unwrap();
    let lib = dir.join("libvarcb.so");
    cc(&[
        "-shared".as_ref(),
        "-fPIC".as_ref(),
        "-o".as_ref(),
        lib.as_os_str(),
        src.join("varcb_lib.c").as_os_str(),
    ]);
    lib
}

/// Variadic functions of the program called from C code: a shared library built here calls
/// them through pointers (tests/native/varcb_*.c), in every tier; the output must be what
/// the program built by cc prints. The library also overwrites xmm8-xmm15 (as the ABI
/// allows) under a compiled function whose callers keep float variables there.
#[test]
fn variadic_callbacks_from_a_shared_library() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/native");
    let dir = std::env::temp_dir().join(format!("crepl-varcb-{}", std::process::id()));
    let lib = build_varcb(&dir);
    let exe = dir.join("varcb");
    cc(&[
        "-o".as_ref(),
        exe.as_os_str(),
        src.join("varcb_main.c").as_os_str(),
        lib.as_os_str(),
    ]);
    let want = Command::new(&exe).output().unwrap();
    assert!(want.status.success());
    for tier in ["--tier=interp", "--tier=baseline", "--tier=auto"] {
        let out = Command::new(env!("CARGO_BIN_EXE_crepl"))
            .arg(tier)
            .arg("-L")
            .arg(&dir)
            .args(["-l", "varcb"])
            .arg(src.join("varcb_main.c"))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&want.stdout),
            "{tier}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "{tier}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A function that calls nothing, called from compiled code that keeps float variables in
/// xmm8-xmm15 across the call, is redefined to call a library function that overwrites
/// them (tests/native/varcb_lib.c): the new definition keeps them for the old caller.
#[test]
fn redefined_callee_keeps_float_registers() {
    let dir = std::env::temp_dir().join(format!("crepl-xmm-{}", std::process::id()));
    build_varcb(&dir);
    let input = "double clobber_xmm(double x);\n\
        double f(double x) { return x * 2; }\n\
        double keep(int n) { double a = 1, b = 2, c = 3, d = 4; for (int i = 0; i < n; i++) { a += f(i); b = b * 0.5 + a; c += b; d -= c * 0.25; } return a + b + c + d; }\n\
        %tier f baseline\n%tier keep baseline\nkeep(10)\n\
        double f(double x) { return clobber_xmm(x) * 2; }\n\
        %tier f baseline\nkeep(10)\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .arg("--no-color")
        .arg("-L")
        .arg(&dir)
        .args(["-l", "varcb"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let o = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        o,
        "(double) 378.001953125\n(double) 378.001953125\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
