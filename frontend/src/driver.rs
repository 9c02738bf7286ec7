//! The front end as one object: C text -> `ir::Module`, keeping the session's macros,
//! typedef names and declarations across inputs, with rollback.

use crate::diag::Diag;
use crate::parse::{self, TdCheckpoint, TypedefTable};
use crate::pp::{PpCheckpoint, PpOptions, Preprocessor};
use crate::sema::{Mode, Sema, SemaCheckpoint};
use crate::source::SourceMap;
use std::cell::RefCell;
use std::rc::Rc;

/// The state of every part of the front end before one input.
#[derive(Clone, Copy, Debug)]
pub struct Checkpoint {
    pp: PpCheckpoint,
    td: TdCheckpoint,
    sema: SemaCheckpoint,
}

pub struct Frontend {
    pub sm: SourceMap,
    opts: PpOptions,
    pp: Preprocessor,
    typedefs: Rc<RefCell<TypedefTable>>,
    pub sema: Sema,
    /// Checkpoint before each committed input, for `%undo`.
    history: Vec<Checkpoint>,
}

/// The outcome of compiling one input.
pub struct Compiled {
    /// `None` if the input had an error (and was rolled back).
    pub module: Option<ir::Module>,
    pub diags: Vec<Diag>,
}

impl Frontend {
    pub fn new(opts: PpOptions, mode: Mode) -> Frontend {
        Frontend {
            sm: SourceMap::default(),
            pp: Preprocessor::new(opts.clone()),
            opts,
            typedefs: Rc::new(RefCell::new(TypedefTable::new())),
            sema: Sema::new(mode),
            history: Vec::new(),
        }
    }

    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            pp: self.pp.checkpoint(),
            td: self.typedefs.borrow().checkpoint(),
            sema: self.sema.checkpoint(),
        }
    }

    pub fn rollback(&mut self, cp: Checkpoint) {
        self.pp.rollback(cp.pp);
        self.typedefs.borrow_mut().rollback(cp.td);
        self.sema.rollback(cp.sema);
    }

    /// Compiles one input named `name` (e.g. `input_line_3` or a path). On success the
    /// input is committed; with any error it leaves no trace.
    pub fn compile(&mut self, name: &str, text: &str) -> Compiled {
        let timing = std::env::var_os("CREPL_TIMING").is_some();
        let t0 = std::time::Instant::now();
        let cp = self.checkpoint();
        let file = self.sm.add(name, text);
        let (toks, mut diags) = self.pp.run(&mut self.sm, file);
        let t1 = std::time::Instant::now();
        let ntoks = toks.len();
        let failed = |d: &[Diag]| d.iter().any(|x| x.is_error());
        if failed(&diags) {
            self.rollback(cp);
            return Compiled {
                module: None,
                diags,
            };
        }
        let (tu, pdiags) = parse::parse(toks, &self.typedefs);
        let t2 = std::time::Instant::now();
        diags.extend(pdiags);
        if failed(&diags) {
            self.rollback(cp);
            return Compiled {
                module: None,
                diags,
            };
        }
        let (module, sdiags) = self.sema.analyze(&tu);
        if timing {
            let t3 = std::time::Instant::now();
            eprintln!(
                "[timing] {name}: preprocess {:?} ({ntoks} tokens), parse {:?}, sema {:?}",
                t1 - t0,
                t2 - t1,
                t3 - t2
            );
        }
        diags.extend(sdiags);
        if failed(&diags) {
            self.rollback(cp);
            return Compiled {
                module: None,
                diags,
            };
        }
        self.history.push(cp);
        Compiled {
            module: Some(module),
            diags,
        }
    }

    /// Compiles the file `name` as a translation unit of its own within the session
    /// (`%load`): its own macros, typedefs, tags and statics, standard C's rules; linked to
    /// the session's external names, and its external names visible in the session
    /// afterwards. Committed (and undone) as one input.
    pub fn compile_unit(&mut self, name: &str, text: &str) -> Compiled {
        let pp = std::mem::replace(&mut self.pp, Preprocessor::new(self.opts.clone()));
        let td = std::mem::replace(
            &mut self.typedefs,
            Rc::new(RefCell::new(TypedefTable::new())),
        );
        let before = self.history.len();
        let saved = self.sema.enter_separate_unit();
        let c = self.compile(name, text);
        self.pp = pp;
        self.typedefs = td;
        let committed = c.module.is_some();
        self.sema.leave_separate_unit(saved, committed);
        if committed {
            // The checkpoint `compile` took holds the unit's fresh preprocessor and typedef
            // table: undoing the load goes back to the session's own.
            if let Some(cp) = self.history.get_mut(before) {
                cp.pp = self.pp.checkpoint();
                cp.td = self.typedefs.borrow().checkpoint();
            }
        }
        c
    }

    /// Starts another translation unit of a multi-file program: fresh macros and typedef
    /// names; external functions and variables shared with the earlier units.
    pub fn new_translation_unit(&mut self) {
        self.pp = Preprocessor::new(self.opts.clone());
        self.typedefs = Rc::new(RefCell::new(TypedefTable::new()));
        self.sema.begin_translation_unit();
        self.history.clear();
    }

    /// Forgets the last committed input (its module failed to load or run).
    pub fn discard_last(&mut self) {
        if let Some(cp) = self.history.pop() {
            self.rollback(cp);
        }
    }

    /// Rolls back the last `n` committed inputs; returns how many were undone.
    pub fn undo(&mut self, n: usize) -> usize {
        let n = n.min(self.history.len());
        if n == 0 {
            return 0;
        }
        let cp = self.history[self.history.len() - n];
        self.history.truncate(self.history.len() - n);
        self.rollback(cp);
        n
    }

    /// Number of committed inputs.
    pub fn committed(&self) -> usize {
        self.history.len()
    }
}
