//! Build script: turns the C grammar (../grammar/c.lalrpop) into a parser in OUT_DIR.

fn main() {
    println!("cargo:rerun-if-changed=../grammar/c.lalrpop");
    println!("cargo:rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    lalrpop::Configuration::new()
        .set_in_dir("../grammar")
        .set_out_dir(out)
        .emit_rerun_directives(false)
        .process_file("../grammar/c.lalrpop")
        .unwrap_or_else(|e| panic!("lalrpop failed on grammar/c.lalrpop: {e}"));
}
