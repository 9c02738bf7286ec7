//! The front end's table of C library builtins against the executor: a program that calls
//! every `__builtin_X` of the table (in a function that never runs) must load, which
//! means every symbol the table names resolves (in libc, libm or libgcc_s).

use std::process::Command;

#[test]
fn every_library_builtin_resolves() {
    let mut names: Vec<_> = frontend::builtins::library_functions().collect();
    names.sort_by_key(|(n, _)| *n);
    let mut src = String::from("void never_called(void) {\n");
    for (name, f) in &names {
        let args: Vec<&str> =
            f.ty.params
                .iter()
                .map(|t| if t.is_float() { "0.0" } else { "0" })
                .collect();
        let args = args.join(", ");
        src.push_str(&format!("    (void)__builtin_{name}({args});\n"));
    }
    src.push_str("}\nint main(void) { return 0; }\n");
    let dir = std::env::temp_dir().join(format!("crepl-builtins-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("all_builtins.c");
    std::fs::write(&path, &src).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crepl"))
        .arg(&path)
        .output()
        .expect("cannot run crepl");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{} builtins; crepl said:\n{}",
        names.len(),
        String::from_utf8_lossy(&out.stderr)
    );
}
