//! Statements: syntax -> IR statements, with labels, `switch` cases and loop context.

use super::expr::{convert, promote, stmt_labels, R};
use super::{FnCtx, Sema, SwitchCtx};
use crate::ast::{self, BlockItem, StmtKind};
use crate::source::Loc;
use ir::{Block, LabelId, Stmt, Type};

impl Sema {
    /// Enters a top-level unit (file-scope statements in the REPL) as if it were a function.
    /// Returns whether a unit context was entered (to pass to `leave_unit`).
    pub(crate) fn enter_unit(&mut self) -> bool {
        if self.fcx.is_some() {
            return false;
        }
        self.fcx = Some(FnCtx {
            frame: self.unit_frame,
            va_area: None,
            ret: Type::void(),
            name: "top level".into(),
            labels: Default::default(),
            next_label: self.unit_labels,
            switches: vec![],
            loops: 0,
            breakable: 0,
        });
        true
    }

    pub(crate) fn leave_unit(&mut self, entered: bool) {
        if entered {
            let f = self.fcx.take().unwrap();
            self.unit_frame = f.frame;
            self.unit_labels = f.next_label;
            for (name, (_, defined, loc)) in f.labels {
                if !defined {
                    self.error(loc, format!("use of undeclared label '{name}'"));
                }
            }
        }
    }

    pub(crate) fn file_stmt(&mut self, s: &ast::Stmt) {
        if self.mode == super::Mode::Script {
            if let ast::StmtKind::Asm { .. } = s.kind {
                self.error(
                    s.loc,
                    "top-level inline assembly is not supported (crepl does not assemble it)",
                );
                return;
            }
            self.error(s.loc, "expected identifier or '('");
            return;
        }
        let entered = self.enter_unit();
        self.scopes.push(Default::default());
        let st = self.stmt(s);
        self.scopes.pop();
        self.leave_unit(entered);
        self.push_unit_stmt(st);
    }

    fn new_label(&mut self) -> LabelId {
        let f = self.fcx.as_mut().unwrap();
        f.next_label += 1;
        f.next_label - 1
    }

    pub(crate) fn label_id(&mut self, name: &str, loc: Loc, define: bool) -> LabelId {
        if let Some((id, defined, _)) = self.fcx.as_ref().unwrap().labels.get(name).cloned() {
            if define {
                if defined {
                    self.error(loc, format!("redefinition of label '{name}'"));
                }
                self.fcx
                    .as_mut()
                    .unwrap()
                    .labels
                    .insert(name.to_string(), (id, true, loc));
            }
            return id;
        }
        let id = self.new_label();
        self.fcx
            .as_mut()
            .unwrap()
            .labels
            .insert(name.to_string(), (id, define, loc));
        id
    }

    pub(crate) fn block_item(&mut self, it: &BlockItem, out: &mut Vec<Stmt>) {
        match it {
            BlockItem::Decl(d) => {
                // `int r = setjmp(env);`: the initialization is the statement to run again.
                let outer = self.setjmp_label.take();
                let mut stmts = Vec::new();
                self.local_decl(d, &mut stmts);
                match self.setjmp_label.take() {
                    Some(l) => out.push(Stmt::Label(
                        l,
                        Box::new(Stmt::Block(Block {
                            stmts,
                            labels: vec![],
                        })),
                    )),
                    None => out.extend(stmts),
                }
                self.setjmp_label = outer;
            }
            BlockItem::StaticAssert(sa) => self.static_assert(sa),
            // Handled when the block is entered (`enter_local_labels`).
            BlockItem::LocalLabels(..) => {}
            BlockItem::PragmaPack(v, _) => self.apply_pack(*v),
            BlockItem::Func(f) => self.nested_func_def(f, out),
            BlockItem::Stmt(s) => {
                let st = self.stmt(s);
                out.push(st);
            }
        }
    }

    /// GNU `__label__` declarations of a block: fresh labels under those names until the
    /// block ends (a macro with a statement expression can then use a label twice in one
    /// function). Returns what the names meant before.
    pub(crate) fn enter_local_labels(&mut self, items: &[BlockItem]) -> Vec<LocalLabel> {
        let mut saved = Vec::new();
        for it in items {
            let BlockItem::LocalLabels(names, loc) = it else {
                continue;
            };
            for n in names {
                let id = self.new_label();
                let Some(f) = self.fcx.as_mut() else { continue };
                let old = f.labels.insert(n.clone(), (id, false, *loc));
                saved.push((n.clone(), old));
            }
        }
        saved
    }

    pub(crate) fn leave_local_labels(&mut self, saved: Vec<LocalLabel>) {
        for (n, old) in saved.into_iter().rev() {
            let Some(f) = self.fcx.as_mut() else { continue };
            let here = match old {
                Some(o) => f.labels.insert(n.clone(), o),
                None => f.labels.remove(&n),
            };
            if let Some((_, false, loc)) = here {
                self.error(loc, format!("local label '{n}' declared but not defined"));
            }
        }
    }

    pub(crate) fn block(&mut self, items: &[BlockItem]) -> Stmt {
        self.scopes.push(Default::default());
        self.vla_blocks.push(false);
        let locals = self.enter_local_labels(items);
        let mut out = Vec::new();
        // (statements before the rest of the block, the cleanups to run after it)
        let mut cleanups: Vec<(usize, Vec<Stmt>)> = Vec::new();
        let outer = std::mem::take(&mut self.cleanups);
        for it in items {
            self.block_item(it, &mut out);
            if !self.cleanups.is_empty() {
                cleanups.push((out.len(), std::mem::take(&mut self.cleanups)));
            }
        }
        self.cleanups = outer;
        // Innermost first: each wraps the rest of the block after its declaration; the
        // variables declared later are cleaned up first.
        for (at, mut calls) in cleanups.into_iter().rev() {
            let rest = out.split_off(at);
            let labels = stmt_labels(&rest);
            calls.reverse();
            out.push(Stmt::Cleanup(
                Box::new(Stmt::Block(Block {
                    stmts: rest,
                    labels,
                })),
                Box::new(Stmt::Block(Block {
                    stmts: calls,
                    labels: vec![],
                })),
            ));
        }
        self.leave_local_labels(locals);
        self.scopes.pop();
        let has_vla = self.vla_blocks.pop().unwrap_or(false);
        let labels = stmt_labels(&out);
        let b = Stmt::Block(Block { stmts: out, labels });
        if has_vla {
            // Variable-length arrays' storage goes when the block is left.
            Stmt::Scoped(Box::new(b))
        } else {
            b
        }
    }

    pub(crate) fn empty() -> Stmt {
        Stmt::Block(Block::default())
    }

    pub(crate) fn stmt(&mut self, s: &ast::Stmt) -> Stmt {
        let outer = self.setjmp_label.take();
        // A selection or iteration statement is a block (C11 6.8.4p3, 6.8.5p5): tags and
        // enumerators declared in its controlling expression end with it.
        let block = matches!(
            s.kind,
            StmtKind::If(..) | StmtKind::While(..) | StmtKind::DoWhile(..) | StmtKind::Switch(..)
        );
        if block {
            self.scopes.push(Default::default());
        }
        let r = match self.stmt_inner(s) {
            Ok(s) => s,
            Err(()) => Sema::empty(),
        };
        if block {
            self.scopes.pop();
        }
        // A statement containing setjmp is where a longjmp comes back to: it runs again.
        let r = match self.setjmp_label.take() {
            Some(l) => Stmt::Label(l, Box::new(r)),
            None => r,
        };
        self.setjmp_label = outer;
        r
    }

    /// The label for a `setjmp` in the statement being lowered.
    pub(crate) fn setjmp_site(&mut self) -> Option<LabelId> {
        self.fcx.as_ref()?;
        if self.setjmp_label.is_none() {
            self.setjmp_label = Some(self.new_label());
        }
        self.setjmp_label
    }

    fn sub_stmt(&mut self, s: &ast::Stmt) -> Stmt {
        // A sub-statement is its own scope (C11 6.8.4p3, 6.8.5p5).
        self.scopes.push(Default::default());
        let r = self.stmt(s);
        self.scopes.pop();
        r
    }

    fn stmt_inner(&mut self, s: &ast::Stmt) -> R<Stmt> {
        Ok(match &s.kind {
            StmtKind::Compound(items) => self.block(items),
            StmtKind::Expr(None) => Sema::empty(),
            StmtKind::Expr(Some(e)) => {
                let v = self.expr(e)?;
                let x = self.rv(v);
                Stmt::Expr(x)
            }
            StmtKind::If(c, t, e) => {
                // A branch a constant condition never takes is dead code, as gcc drops it
                // even at -O0: the functions it names need no definition.
                let c = self.cond_expr(c);
                let known = match c.as_ref().ok().and_then(|x| super::consts::eval(x, false)) {
                    Some(super::consts::Const::Int(v)) => Some(v),
                    _ => None,
                };
                let dead_then = known == Some(0);
                let dead_else = known.is_some_and(|v| v != 0);
                self.unevaluated += dead_then as u32;
                let t = self.sub_stmt(t);
                self.unevaluated -= dead_then as u32;
                self.unevaluated += dead_else as u32;
                let e = e.as_ref().map(|e| Box::new(self.sub_stmt(e)));
                self.unevaluated -= dead_else as u32;
                Stmt::If(c?, Box::new(t), e)
            }
            StmtKind::While(c, body) => {
                let c = self.cond_expr(c);
                let body = self.loop_body(body);
                Stmt::While(c?, Box::new(body))
            }
            StmtKind::DoWhile(body, c) => {
                let body = self.loop_body(body);
                let c = self.cond_expr(c)?;
                Stmt::DoWhile(Box::new(body), c)
            }
            StmtKind::For(init, c, step, body) => {
                self.scopes.push(Default::default());
                let r = (|| {
                    let init = match &**init {
                        ast::ForInit::None => None,
                        ast::ForInit::Expr(e) => {
                            let x = self.rvalue_expr(e);
                            Some(Box::new(Stmt::Expr(x?)))
                        }
                        ast::ForInit::Decl(d) => {
                            let mut out = Vec::new();
                            self.local_decl(d, &mut out);
                            Some(Box::new(Stmt::Block(Block {
                                stmts: out,
                                labels: vec![],
                            })))
                        }
                    };
                    let c = c.as_ref().map(|c| self.cond_expr(c));
                    let step = step.as_ref().map(|e| self.rvalue_expr(e));
                    let body = self.loop_body(body);
                    let c = match c {
                        Some(c) => Some(c?),
                        None => None,
                    };
                    let step = match step {
                        Some(s) => Some(s?),
                        None => None,
                    };
                    Ok(Stmt::For(init, c, step, Box::new(body)))
                })();
                self.scopes.pop();
                r?
            }
            StmtKind::Switch(c, body) => {
                let cv = self.rvalue_expr(c);
                let cv = match cv {
                    Ok(x) if x.ty.is_integer() => Ok(x),
                    Ok(x) => {
                        self.error(
                            c.loc,
                            format!(
                                "statement requires expression of integer type ('{}' invalid)",
                                self.types.type_name(&x.ty)
                            ),
                        );
                        Err(())
                    }
                    Err(()) => Err(()),
                };
                let ct = cv.as_ref().map(|x| promote(&x.ty)).unwrap_or(Type::int());
                self.fcx.as_mut().unwrap().switches.push(SwitchCtx {
                    ty: Some(ct.clone()),
                    ..Default::default()
                });
                self.fcx.as_mut().unwrap().breakable += 1;
                let body = self.sub_stmt(body);
                self.fcx.as_mut().unwrap().breakable -= 1;
                let sw = self.fcx.as_mut().unwrap().switches.pop().unwrap();
                let mut cond = convert(convert(cv?, &ct), &super::expr::long_ty());
                if unsigned64(&ct) {
                    cond = ir::Expr::new(
                        ir::ExprKind::Binary {
                            op: ir::BinOp::Xor,
                            op_ty: ir::Scalar::I64,
                            lhs: Box::new(cond),
                            rhs: Box::new(super::expr::int_const(i64::MIN, super::expr::long_ty())),
                        },
                        super::expr::long_ty(),
                    );
                }
                Stmt::Switch {
                    cond,
                    cases: sw.cases,
                    default: sw.default,
                    body: Box::new(body),
                }
            }
            StmtKind::Case(lo, hi, body) => {
                if self.fcx.as_ref().unwrap().switches.is_empty() {
                    self.error(s.loc, "'case' statement not in switch statement");
                    return Err(());
                }
                let lo_v = self.const_int(lo);
                let hi_v = match hi {
                    Some(h) => self.const_int(h),
                    None => lo_v,
                };
                let label = self.new_label();
                let inner = self.stmt(body);
                let (Some(l), Some(h)) = (lo_v, hi_v) else {
                    return Ok(inner);
                };
                let ct = self
                    .fcx
                    .as_ref()
                    .unwrap()
                    .switches
                    .last()
                    .unwrap()
                    .ty
                    .clone()
                    .unwrap_or(Type::int());
                // Case values are converted to the promoted controlling type.
                let conv = |v: i64| -> i64 {
                    match ct.scalar_kind() {
                        Some(ir::Scalar::I32) => v as i32 as i64,
                        Some(ir::Scalar::U32) => v as u32 as i64,
                        _ => v,
                    }
                };
                // Unsigned 64-bit values compare as signed ones once their top bit is
                // flipped (the controlling value is flipped the same way).
                let bias = |v: i64| if unsigned64(&ct) { v ^ i64::MIN } else { v };
                let (l, h) = (bias(conv(l)), bias(conv(h)));
                let sw = self.fcx.as_mut().unwrap().switches.last_mut().unwrap();
                if let Some((pl, _, _)) = sw.cases.iter().find(|(a, b, _)| l <= *b && *a <= h) {
                    let pl = bias(*pl);
                    let pl: &dyn std::fmt::Display =
                        if unsigned64(&ct) { &(pl as u64) } else { &pl };
                    self.error(lo.loc, format!("duplicate case value '{pl}'"));
                } else {
                    sw.cases.push((l, h, label));
                }
                Stmt::Label(label, Box::new(inner))
            }
            StmtKind::Default(body) => {
                if self.fcx.as_ref().unwrap().switches.is_empty() {
                    self.error(s.loc, "'default' statement not in switch statement");
                    return Err(());
                }
                let label = self.new_label();
                let inner = self.stmt(body);
                let sw = self.fcx.as_mut().unwrap().switches.last_mut().unwrap();
                if sw.default.is_some() {
                    self.error(s.loc, "multiple default labels in one switch");
                } else {
                    sw.default = Some(label);
                }
                Stmt::Label(label, Box::new(inner))
            }
            StmtKind::Break => {
                if self.fcx.as_ref().unwrap().breakable == 0 {
                    self.error(s.loc, "'break' statement not in loop or switch statement");
                    return Err(());
                }
                Stmt::Break
            }
            StmtKind::Continue => {
                if self.fcx.as_ref().unwrap().loops == 0 {
                    self.error(s.loc, "'continue' statement not in loop statement");
                    return Err(());
                }
                Stmt::Continue
            }
            StmtKind::Return(e) => {
                let ret = self.fcx.as_ref().unwrap().ret.clone();
                let name = self.fcx.as_ref().unwrap().name.clone();
                if name == "top level" {
                    self.error(s.loc, "return statement at top level");
                    return Err(());
                }
                match e {
                    None => {
                        if !ret.is_void() {
                            self.warning(
                                s.loc,
                                format!("non-void function '{name}' should return a value"),
                            );
                        }
                        Stmt::Return(None)
                    }
                    Some(e) => {
                        let x = self.rvalue_expr(e)?;
                        if ret.is_void() {
                            if !x.ty.is_void() {
                                self.error(
                                    e.loc,
                                    format!("void function '{name}' should not return a value"),
                                );
                                return Err(());
                            }
                            return Ok(Stmt::Expr(x));
                        }
                        let x = self.assign_convert(x, &ret, e.loc, "returning")?;
                        Stmt::Return(Some(x))
                    }
                }
            }
            StmtKind::Goto(name) => {
                let own = self
                    .fcx
                    .as_ref()
                    .is_some_and(|f| f.labels.contains_key(name));
                let outer = self.outer_labels.iter().rposition(|m| m.contains_key(name));
                match (own, outer) {
                    (false, Some(level)) => {
                        self.nonlocal_goto(level, self.outer_labels[level][name])
                    }
                    _ => Stmt::Goto(self.label_id(name, s.loc, false)),
                }
            }
            StmtKind::GotoComputed(e) => {
                let x = self.rvalue_expr(e)?;
                if !x.ty.is_pointer() {
                    self.error(
                        e.loc,
                        format!(
                            "indirect goto requires a pointer ('{}' invalid)",
                            self.types.type_name(&x.ty)
                        ),
                    );
                    return Err(());
                }
                Stmt::GotoDyn(x)
            }
            StmtKind::Labeled(name, body) => {
                let id = self.label_id(name, s.loc, true);
                let inner = self.stmt(body);
                Stmt::Label(id, Box::new(inner))
            }
            StmtKind::Asm {
                text,
                is_goto,
                outputs,
                inputs,
            } => {
                // What needs no assembler: an empty template (a compiler barrier; every
                // tier keeps memory accesses in order across a call-free statement anyway),
                // `nop`, `pause`.
                let t = text.trim().trim_end_matches(';').trim();
                let harmless = matches!(t, "" | "nop" | "pause" | "rep; nop" | "rep nop");
                if *is_goto {
                    self.error(
                        s.loc,
                        "'asm goto' is not supported (crepl does not assemble inline assembly)",
                    );
                    return Err(());
                }
                if !harmless || (!t.is_empty() && !outputs.is_empty()) {
                    let with = if outputs.is_empty() {
                        ""
                    } else {
                        " with outputs"
                    };
                    self.error(
                        s.loc,
                        format!("inline assembly is not supported: asm(\"{}\"{with}) (crepl runs only empty templates, nop and pause)", t.escape_default()),
                    );
                    return Err(());
                }
                self.empty_asm(outputs, inputs)?
            }
        })
    }

    /// `asm("" : outputs : inputs)`: no instruction, but the operands' meaning. Inputs are
    /// evaluated; an output tied to an input (`"=r"(x) : "0"(y)`) receives its value; a
    /// read-write one (`"+r"(x)`) keeps its own; other outputs are left as they are (their
    /// value is unspecified). Each operand is evaluated once.
    fn empty_asm(
        &mut self,
        outputs: &[(String, ast::Expr)],
        inputs: &[(String, ast::Expr)],
    ) -> R<Stmt> {
        let mut stmts = Vec::new();
        let mut tied: Vec<Option<ir::Expr>> = vec![None; outputs.len()];
        for (c, e) in inputs {
            let x = self.rvalue_expr(e)?;
            let tie = c.trim_start_matches(['%', '&']).parse::<usize>().ok();
            match tie.filter(|&n| n < outputs.len()) {
                Some(n) => {
                    // Kept in a temporary: the outputs are written after every input is read.
                    let slot = self.alloc_local(8, 8);
                    let tmp = ir::Expr::new(ir::ExprKind::Local(slot), x.ty.clone());
                    stmts.push(Stmt::Expr(ir::Expr::new(
                        ir::ExprKind::Assign(Box::new(tmp.clone()), Box::new(x.clone())),
                        x.ty.clone(),
                    )));
                    tied[n] = Some(ir::Expr::new(ir::ExprKind::Load(Box::new(tmp)), x.ty));
                }
                None => stmts.push(Stmt::Expr(convert(x, &Type::void()))),
            }
        }
        for ((_, e), tie) in outputs.iter().zip(tied) {
            let lv = self.expr(e)?;
            let t = lv.e.ty.clone();
            match tie {
                Some(v) if t.is_scalar() => {
                    let v = convert(v, &t.unqual());
                    stmts.push(Stmt::Expr(ir::Expr::new(
                        ir::ExprKind::Assign(Box::new(lv.e), Box::new(v)),
                        t.unqual(),
                    )));
                }
                // The lvalue's address, for the side effects of computing it (`*f()`).
                _ => stmts.push(Stmt::Expr(convert(
                    ir::Expr::new(ir::ExprKind::AddrOf(Box::new(lv.e)), Type::ptr_to(t)),
                    &Type::void(),
                ))),
            }
        }
        let labels = stmt_labels(&stmts);
        Ok(Stmt::Block(Block { stmts, labels }))
    }

    /// `goto L` from a nested function to a label of the function at nesting `level`:
    /// a longjmp to that function's frame (`ir::NONLOCAL_GOTO`), which runs the labelled
    /// statement, the calls in between abandoned.
    fn nonlocal_goto(&mut self, level: usize, label: LabelId) -> Stmt {
        use ir::ExprKind as K;
        let u64t = Type::new(ir::TypeKind::ULong);
        let buf = self.alloc_local(24, 8);
        let word = |i: u32| ir::Expr::new(K::Local(buf + 8 * i), u64t.clone());
        let set = |i: u32, v: ir::Expr| {
            Stmt::Expr(ir::Expr::new(
                K::Assign(Box::new(word(i)), Box::new(v)),
                u64t.clone(),
            ))
        };
        let frame = convert(self.outer_frame(level), &u64t);
        let buf_addr = ir::Expr::new(
            K::AddrOf(Box::new(ir::Expr::new(K::Local(buf), u64t.clone()))),
            Type::ptr_to(u64t.clone()),
        );
        let stmts = vec![
            set(0, ir::Expr::new(K::Int(ir::JMP_MAGIC as i64), u64t.clone())),
            set(1, frame),
            set(2, ir::Expr::new(K::Int(label as i64), u64t.clone())),
            Stmt::Expr(ir::Expr::new(
                K::LongJmp(
                    Box::new(convert(buf_addr, &Type::ptr_to(Type::void()))),
                    Box::new(ir::Expr::new(K::Int(ir::NONLOCAL_GOTO as i64), Type::int())),
                ),
                Type::void(),
            )),
        ];
        Stmt::Block(Block {
            stmts,
            labels: vec![],
        })
    }

    fn loop_body(&mut self, body: &ast::Stmt) -> Stmt {
        let f = self.fcx.as_mut().unwrap();
        f.loops += 1;
        f.breakable += 1;
        let b = self.sub_stmt(body);
        let f = self.fcx.as_mut().unwrap();
        f.loops -= 1;
        f.breakable -= 1;
        b
    }
}

/// A controlling type whose case values need the sign-bit flip (unsigned long).
fn unsigned64(t: &Type) -> bool {
    t.scalar_kind() == Some(ir::Scalar::U64)
}

/// A name declared `__label__` and what it meant outside the block.
pub(crate) type LocalLabel = (String, Option<(LabelId, bool, Loc)>);
