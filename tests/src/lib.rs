//! Test harness crate for crepl (see tests/*.rs)
