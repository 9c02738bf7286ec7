//! Statement execution, with `goto` and `switch` as jumps to labels inside nested blocks.

use crate::eval::sk;
use crate::mem::truthy;
use crate::{find_label, Flow, Interp, Res};
use ir::{LabelId, Stmt};

impl Interp {
    pub(crate) fn exec(&mut self, s: &Stmt, fp: *mut u8) -> Res<Flow> {
        self.exec_from(s, fp, None)
    }

    /// Executes `s`; with `seek = Some(l)`, starts at label `l` inside it (a jump into the
    /// statement), skipping everything before the label.
    fn exec_from(&mut self, s: &Stmt, fp: *mut u8, mut seek: Option<LabelId>) -> Res<Flow> {
        match s {
            Stmt::Expr(e) => {
                self.eval(e, fp)?;
                Ok(Flow::Normal)
            }
            Stmt::Block(b) => {
                let mut i = match seek {
                    Some(l) => match find_label(&b.stmts, l) {
                        Some(i) => i,
                        None => return Ok(Flow::Goto(l)),
                    },
                    None => 0,
                };
                while i < b.stmts.len() {
                    let f = self.exec_from(&b.stmts[i], fp, seek.take())?;
                    match f {
                        Flow::Normal => i += 1,
                        Flow::Goto(l) => match find_label(&b.stmts, l) {
                            Some(j) => {
                                i = j;
                                seek = Some(l);
                            }
                            None => return Ok(f),
                        },
                        _ => return Ok(f),
                    }
                }
                Ok(Flow::Normal)
            }
            Stmt::If(c, t, e) => {
                if let Some(l) = seek {
                    if t.has_label(l) {
                        return self.exec_from(t, fp, seek);
                    }
                    return match e {
                        Some(e) => self.exec_from(e, fp, seek),
                        None => Ok(Flow::Normal),
                    };
                }
                let v = self.eval(c, fp)?;
                if truthy(v, sk(&c.ty)) {
                    self.exec(t, fp)
                } else if let Some(e) = e {
                    self.exec(e, fp)
                } else {
                    Ok(Flow::Normal)
                }
            }
            Stmt::While(c, body) => {
                let mut skip_test = seek.is_some();
                loop {
                    if !skip_test {
                        let v = self.eval(c, fp)?;
                        if !truthy(v, sk(&c.ty)) {
                            return Ok(Flow::Normal);
                        }
                    }
                    skip_test = false;
                    match self.exec_from(body, fp, seek.take())? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Normal | Flow::Continue => {}
                        f @ (Flow::Return | Flow::Goto(_)) => return self.loop_goto(f, body, fp, &mut seek),
                    }
                    self.poll()?;
                }
            }
            Stmt::DoWhile(body, c) => loop {
                match self.exec_from(body, fp, seek.take())? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Normal | Flow::Continue => {}
                    f => return Ok(f),
                }
                self.poll()?;
                let v = self.eval(c, fp)?;
                if !truthy(v, sk(&c.ty)) {
                    return Ok(Flow::Normal);
                }
            },
            Stmt::For(init, c, step, body) => {
                let mut skip_test = false;
                if seek.is_some() {
                    skip_test = true;
                } else if let Some(init) = init {
                    match self.exec(init, fp)? {
                        Flow::Normal => {}
                        f => return Ok(f),
                    }
                }
                loop {
                    if !skip_test {
                        if let Some(c) = c {
                            let v = self.eval(c, fp)?;
                            if !truthy(v, sk(&c.ty)) {
                                return Ok(Flow::Normal);
                            }
                        }
                    }
                    skip_test = false;
                    match self.exec_from(body, fp, seek.take())? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Normal | Flow::Continue => {}
                        f => return Ok(f),
                    }
                    self.poll()?;
                    if let Some(step) = step {
                        self.eval(step, fp)?;
                    }
                }
            }
            Stmt::Switch { cond, cases, default, body } => {
                let target = if let Some(l) = seek {
                    l
                } else {
                    let v = self.eval(cond, fp)? as i64;
                    match cases.iter().find(|(lo, hi, _)| *lo <= v && v <= *hi) {
                        Some((_, _, l)) => *l,
                        None => match default {
                            Some(l) => *l,
                            None => return Ok(Flow::Normal),
                        },
                    }
                };
                match self.exec_from(body, fp, Some(target))? {
                    Flow::Break => Ok(Flow::Normal),
                    f => Ok(f),
                }
            }
            Stmt::Label(l, inner) => {
                if seek == Some(*l) {
                    seek = None;
                }
                self.exec_from(inner, fp, seek)
            }
            Stmt::Goto(l) => Ok(Flow::Goto(*l)),
            Stmt::Break => Ok(Flow::Break),
            Stmt::Continue => Ok(Flow::Continue),
            Stmt::Return(e) => {
                if let Some(e) = e {
                    let v = self.eval(e, fp)?;
                    if e.ty.is_aggregate() {
                        let size = self.image.types.size_of(&e.ty) as usize;
                        if !self.ret_ptr.is_null() {
                            unsafe { std::ptr::copy(v as *const u8, self.ret_ptr, size) };
                        }
                    } else {
                        self.ret = v;
                    }
                }
                Ok(Flow::Return)
            }
            Stmt::Zero(a, n) => {
                let p = self.eval(a, fp)?;
                unsafe { std::ptr::write_bytes(p as *mut u8, 0, *n as usize) };
                Ok(Flow::Normal)
            }
            Stmt::Copy(d, s, n) => {
                let dp = self.eval(d, fp)?;
                let sp = self.eval(s, fp)?;
                unsafe { std::ptr::copy(sp as *const u8, dp as *mut u8, *n as usize) };
                Ok(Flow::Normal)
            }
        }
    }

    /// A `goto` out of a loop body that targets a label elsewhere in the same body restarts
    /// the body there; anything else propagates.
    fn loop_goto(&mut self, f: Flow, body: &Stmt, fp: *mut u8, _seek: &mut Option<LabelId>) -> Res<Flow> {
        let _ = (body, fp);
        Ok(f)
    }
}
