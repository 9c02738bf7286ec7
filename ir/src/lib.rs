//! crepl's typed IR, ABI layout and wire protocol: the contract between front end and executor.
//!
//! **API boundary.** Everything that crosses the process boundary between `crepl` and the
//! executor is defined here and derives `Serialize`; nothing else in the workspace does.

pub mod abi;
pub mod atomic;
pub mod bits;
pub mod f80;
pub mod locals;
pub mod module;
pub mod protocol;
pub mod tree;
pub mod types;

pub use f80::F80;
pub use module::*;
pub use tree::*;
pub use types::*;
