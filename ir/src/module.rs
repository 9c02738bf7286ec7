//! Modules: what one REPL input (or one program) adds to the session, as the executor loads it.

use crate::tree::{FuncId, GlobalId, Stmt};
use crate::types::{EnumDef, EnumId, FnType, Record, RecordId, Type};
use serde::{Deserialize, Serialize};

/// Everything one input adds. Ids are session-wide and only grow; a later module may refer
/// to anything an earlier one defined.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Module {
    /// Records (structs/unions) new or completed in this input, to add to the type table.
    pub records: Vec<(RecordId, Record)>,
    pub enums: Vec<(EnumId, EnumDef)>,
    pub globals: Vec<Global>,
    /// Functions declared for the first time (their slots are created).
    pub func_decls: Vec<FuncDecl>,
    /// Function bodies defined (or redefined) by this input.
    pub functions: Vec<Function>,
    /// Code to run once, in order: file-scope statements and dynamic initializers (REPL),
    /// the trailing expression.
    pub inits: Vec<InitUnit>,
    /// Functions this module calls or takes the address of that must resolve now
    /// (script mode: like a linker, every one).
    pub required_funcs: Vec<FuncId>,
}

impl Module {
    /// Appends a later module's contents (the translation units of one program load as one
    /// module, so references between them resolve before anything runs).
    pub fn append(&mut self, m: Module) {
        self.records.extend(m.records);
        self.enums.extend(m.enums);
        self.globals.extend(m.globals);
        self.func_decls.extend(m.func_decls);
        // A function defined again replaces the earlier body (a C99 inline definition in
        // one unit, the external definition in another).
        let redefined: std::collections::HashSet<FuncId> =
            m.functions.iter().map(|f| f.id).collect();
        self.functions.retain(|f| !redefined.contains(&f.id));
        self.functions.extend(m.functions);
        self.inits.extend(m.inits);
        self.required_funcs.extend(m.required_funcs);
        // An `extern` in one unit that another unit defines is that definition, not a
        // library symbol.
        let defined: std::collections::HashSet<GlobalId> = self
            .globals
            .iter()
            .filter(|g| !matches!(g.init, GlobalInit::Extern(_)))
            .map(|g| g.id)
            .collect();
        self.globals
            .retain(|g| !(matches!(g.init, GlobalInit::Extern(_)) && defined.contains(&g.id)));
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Global {
    pub id: GlobalId,
    /// Source name, or "" for string literals and compound literals at file scope.
    pub name: String,
    pub ty: Type,
    pub size: u64,
    pub align: u64,
    pub init: GlobalInit,
    /// `_Thread_local` / `__thread`: each thread has its own copy, starting from `init`.
    #[serde(default)]
    pub thread_local: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum GlobalInit {
    /// Zero-filled (tentative definitions, `static int x;`).
    Zero,
    /// Constant data with relocations (addresses of other globals and functions).
    Data { bytes: Vec<u8>, relocs: Vec<Reloc> },
    /// Defined by a loaded library (`extern int errno_var;`, `stdout`): the symbol name.
    Extern(String),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reloc {
    pub offset: u64,
    pub target: RelocTarget,
    pub addend: i64,
}

#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub enum RelocTarget {
    Global(GlobalId),
    Func(FuncId),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FuncDecl {
    pub id: FuncId,
    pub name: String,
    /// Symbol to look up in libraries if the session never defines it (asm label or name).
    pub symbol: String,
    pub ty: FnType,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Function {
    pub id: FuncId,
    pub name: String,
    pub ty: FnType,
    /// Frame offset of each parameter.
    pub params: Vec<u32>,
    pub frame_size: u32,
    pub body: Stmt,
    /// Variadic functions: the frame slot where the caller's variadic arguments' address is
    /// stored on entry (they are laid out as the System V ABI puts them on the stack).
    pub va_area: Option<u32>,
    /// `__attribute__((constructor(prio)))` / destructor: run at load / session end.
    pub ctor: Option<i32>,
    pub dtor: Option<i32>,
    /// Which locals could live in registers (for the compiled tiers).
    #[serde(default)]
    pub locals: crate::locals::LocalUse,
}

/// A piece of top-level code: runs once, in its own frame.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InitUnit {
    pub frame_size: u32,
    pub body: Stmt,
    /// For the trailing expression: where its value is (frame offset; the value of an
    /// aggregate expression is stored as its address) and its type, to be printed.
    pub result: Option<(u32, Type)>,
    /// Which locals could live in registers (for the compiled tiers).
    #[serde(default)]
    pub locals: crate::locals::LocalUse,
}
