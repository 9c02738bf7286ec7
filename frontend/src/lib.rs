//! crepl's front end: C text -> typed IR (`ir::Module`): preprocessor, logos lexer, lalrpop
//! parser, semantic analysis, and the session state that persists across REPL inputs.
//!
//! **Architecture invariant:** the front end never executes user code.

pub mod ast;
pub mod builtins;
pub mod diag;
pub mod driver;
pub mod headers;
pub mod lex;
pub mod parse;
pub mod pp;
pub mod sema;
pub mod source;
pub mod token;

pub use driver::{Compiled, Frontend};
