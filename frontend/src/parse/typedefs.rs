//! The typedef-name table: scoped name -> "is a typedef name" bindings that turn identifiers
//! into TYPEDEF_NAME tokens (the lexer-feedback hack), with an undo log for REPL rollback.

use crate::lex::FastMap;

/// One binding of a name in one scope.
#[derive(Clone, Copy, Debug)]
struct Binding {
    depth: u32,
    is_typedef: bool,
}

/// A position in the table's history; see [`TypedefTable::checkpoint`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TdCheckpoint {
    log_len: usize,
    depth: u32,
}

/// Scoped set of ordinary identifiers and typedef names.
///
/// Depth 0 is file scope and persists across REPL inputs; every change there is recorded in
/// an undo log so [`rollback`](TypedefTable::rollback) can restore an earlier state. Inner
/// scopes are simply discarded by [`pop_scope`](TypedefTable::pop_scope).
#[derive(Debug, Default)]
pub struct TypedefTable {
    /// For every name, its bindings from outermost to innermost scope.
    names: FastMap<String, Vec<Binding>>,
    /// Names bound in each open inner scope (index 0 is depth 1).
    scopes: Vec<Vec<String>>,
    /// File-scope changes: the name and its previous file-scope binding.
    log: Vec<(String, Option<bool>)>,
}

impl TypedefTable {
    pub fn new() -> TypedefTable {
        TypedefTable::default()
    }

    /// True if `name` currently denotes a typedef name.
    pub fn is_typedef(&self, name: &str) -> bool {
        self.names
            .get(name)
            .and_then(|v| v.last())
            .is_some_and(|b| b.is_typedef)
    }

    /// Current scope depth (0 = file scope).
    pub fn depth(&self) -> u32 {
        self.scopes.len() as u32
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(Vec::new());
    }

    /// Closes the innermost scope; does nothing at file scope.
    pub fn pop_scope(&mut self) {
        let Some(names) = self.scopes.pop() else {
            return;
        };
        let depth = self.scopes.len() as u32 + 1;
        for n in names {
            if let Some(v) = self.names.get_mut(&n) {
                if v.last().is_some_and(|b| b.depth == depth) {
                    v.pop();
                }
                if v.is_empty() {
                    self.names.remove(&n);
                }
            }
        }
    }

    /// Declares `name` in the current scope, as a typedef name or as an ordinary identifier
    /// (which hides a typedef name of an outer scope).
    pub fn declare(&mut self, name: &str, is_typedef: bool) {
        let depth = self.depth();
        // Look up before inserting: most names are already known, and `entry` would need an
        // owned key.
        let v = match self.names.get_mut(name) {
            Some(v) => v,
            None => self.names.entry(name.to_string()).or_default(),
        };
        match v.last_mut() {
            Some(b) if b.depth == depth => {
                if depth == 0 {
                    self.log.push((name.to_string(), Some(b.is_typedef)));
                }
                b.is_typedef = is_typedef;
            }
            _ => {
                v.push(Binding { depth, is_typedef });
                if depth == 0 {
                    self.log.push((name.to_string(), None));
                } else {
                    self.scopes
                        .last_mut()
                        .expect("inner scope")
                        .push(name.to_string());
                }
            }
        }
    }

    /// The current state, to [`rollback`](TypedefTable::rollback) to later.
    pub fn checkpoint(&self) -> TdCheckpoint {
        TdCheckpoint {
            log_len: self.log.len(),
            depth: self.depth(),
        }
    }

    /// Undoes every file-scope declaration made since `cp` and closes the inner scopes opened
    /// since then.
    pub fn rollback(&mut self, cp: TdCheckpoint) {
        while self.depth() > cp.depth {
            self.pop_scope();
        }
        while self.log.len() > cp.log_len {
            let (name, prev) = self.log.pop().expect("log entry");
            let v = self.names.entry(name.clone()).or_default();
            // The file-scope binding is the first one, if any.
            let has_file = v.first().is_some_and(|b| b.depth == 0);
            match prev {
                Some(t) => {
                    if has_file {
                        v[0].is_typedef = t;
                    } else {
                        v.insert(
                            0,
                            Binding {
                                depth: 0,
                                is_typedef: t,
                            },
                        );
                    }
                }
                None => {
                    if has_file {
                        v.remove(0);
                    }
                }
            }
            if v.is_empty() {
                self.names.remove(&name);
            }
        }
    }
}
