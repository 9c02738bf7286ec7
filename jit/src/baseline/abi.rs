//! System V classification (`ir::abi`), with the baseline tier's refusals: long double, and
//! records that libffi cannot describe as the ABI passes them.

use crate::Refusal;
pub(crate) use ir::abi::{Cls, Pass};
use ir::{Type, TypeTable};

/// How a value of type `t` travels. A struct or union of at most 16 bytes that the ABI
/// passes in memory (it has misaligned members: `packed`), and an empty one, are refused:
/// the interpreter's entries are libffi closures, and libffi lays records out from their
/// members' natural alignment, so it would look for such an argument in registers. Calls
/// between interpreted functions do not go through libffi, so the function stays there.
pub(crate) fn classify(types: &TypeTable, t: &Type) -> Result<Pass, Refusal> {
    let p = ir::abi::classify(types, t).map_err(|_| Refusal("uses long double".into()))?;
    if t.is_record() {
        let size = types.size_of(t);
        if size == 0 {
            return Err(Refusal("passes an empty struct or union by value".into()));
        }
        if matches!(p, Pass::Memory(_)) && size <= 16 {
            return Err(Refusal(
                "passes a packed struct with misaligned members by value".into(),
            ));
        }
    }
    Ok(p)
}
