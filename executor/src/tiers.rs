//! The compiled tiers, as the interpreter's tier-up policy calls them: builds what the
//! jit needs from the loaded image (addresses of globals, cells, flags, trap entries).

use interp::{Code, FuncRt, Image, SlotKind, Unit};

/// The compiler the executor installs in the interpreter.
pub(crate) fn compiler() -> interp::Compiler {
    Box::new(compile)
}

/// Whether compiled callers may keep float values in xmm8-xmm15 across calls to `id`: a
/// function of the session that calls nothing (so nothing under it uses them), with a
/// thunk for when it is interpreted. The function is marked, so that a later definition
/// that calls keeps them too (`FuncRt::kept`, `jit::Env::kept`).
fn keeps_xmm(image: &Image, id: ir::FuncId) -> bool {
    let s = &image.slots[id as usize];
    let ok = match &s.kind {
        SlotKind::Interp(f) => s.thunk != 0 && f.locals.leaf,
        _ => false,
    };
    if ok {
        if let Some(r) = image.rt.peek(id) {
            r.kept.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    ok
}

fn compile(image: &Image, unit: Unit, rt: *mut FuncRt) -> Result<Code, String> {
    // A thread-local global has no one address compiled code could use (0: the function
    // stays in the interpreter, which gives each thread its copy).
    let global = |id: ir::GlobalId| {
        if image.tls_init.contains_key(&id) {
            0
        } else {
            image.globals[id as usize] as usize
        }
    };
    let callee = |id: ir::FuncId| {
        let s = &image.slots[id as usize];
        let cell = image
            .rt
            .peek(id)
            .map_or(0, |r| &r.internal as *const usize as usize);
        jit::Callee {
            cell,
            stable: s.entry,
            defined: !matches!(s.kind, SlotKind::Undefined),
            keeps_xmm: keeps_xmm(image, id),
            inline: match s.kind {
                SlotKind::Native => {
                    let d = |t: &ir::Type| t.kind == ir::TypeKind::Double;
                    let unary = s.ty.params.len() == 1
                        && !s.ty.variadic
                        && d(&s.ty.params[0])
                        && d(&s.ty.ret);
                    match s.name.as_str() {
                        "sqrt" if unary => jit::Inline::Sqrt,
                        "fabs" if unary => jit::Inline::Fabs,
                        _ => jit::Inline::No,
                    }
                }
                _ => jit::Inline::No,
            },
        }
    };
    let env = jit::Env {
        types: &image.types,
        global: &global,
        callee: &callee,
        flags: interp::flags() as *const _ as usize,
        thread: interp::tier::thread_flags_offset(),
        trap: interp::jit_trap as *const () as usize,
        longjmp: interp::jit_longjmp as *const () as usize,
        kept: unsafe { (*rt).kept.load(std::sync::atomic::Ordering::Relaxed) },
    };
    let counters = rt as *mut jit::Counters;
    let r = match unit {
        Unit::Func(f) => jit::baseline::compile_function(&env, f, counters),
        Unit::Top(u) => jit::baseline::compile_unit(&env, u, counters),
    };
    r.map(|c| Code {
        entry: c.entry,
        internal: c.internal,
        start: c.start,
        osr: c.osr,
        size: c.code_size,
    })
    .map_err(|e| e.0)
}

#[cfg(test)]
mod tests {
    use interp::tier::trap_code as t;
    use jit::TrapCode as J;

    #[test]
    fn trap_codes_agree() {
        for (a, b) in [
            (t::DIV_ZERO, J::DivZero),
            (t::INTERRUPTED, J::Interrupted),
            (t::STACK_OVERFLOW, J::StackOverflow),
            (t::UNDEFINED, J::Undefined),
            (t::NULL_CALL, J::NullCall),
            (t::BAD_GOTO, J::BadGoto),
        ] {
            assert_eq!(a, b as u64);
        }
    }

    #[test]
    fn flags_layout_agrees() {
        assert_eq!(std::mem::offset_of!(interp::tier::Flags, interrupt), 0);
        assert_eq!(std::mem::offset_of!(interp::tier::ThreadFlags, pending), 0);
        assert_eq!(
            std::mem::offset_of!(interp::tier::ThreadFlags, entry_limit),
            8
        );
        assert_eq!(
            std::mem::offset_of!(interp::tier::ThreadFlags, real_limit),
            16
        );
    }

    #[test]
    fn counters_layout_agrees() {
        assert_eq!(std::mem::offset_of!(interp::FuncRt, calls), 0);
        assert_eq!(std::mem::offset_of!(interp::FuncRt, loops), 8);
        assert_eq!(std::mem::offset_of!(interp::FuncRt, internal), 24);
        assert_eq!(std::mem::offset_of!(jit::Counters, calls), 0);
        assert_eq!(std::mem::offset_of!(jit::Counters, loops), 8);
    }
}
