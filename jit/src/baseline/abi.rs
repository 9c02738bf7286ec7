//! System V classification (`ir::abi`), with long double as the baseline tier's refusal.

use crate::Refusal;
pub(crate) use ir::abi::{Cls, Pass};
use ir::{Type, TypeTable};

pub(crate) fn classify(types: &TypeTable, t: &Type) -> Result<Pass, Refusal> {
    ir::abi::classify(types, t).map_err(|_| Refusal("uses long double".into()))
}
