//! The remote executor over TCP: `crepl-executor --listen HOST:PORT` and `crepl --connect
//! HOST:PORT`. Same requests and replies as the local executor, framed and authenticated
//! (wire.rs); program output streamed back as ordered chunks.

pub mod client;
pub mod server;
pub mod wire;
