//! IR -> closures. Each expression node becomes an [`Ev`] (value bits or address), each
//! condition a [`Cond`], each statement an [`Ex`]; operand types are resolved here, once.

mod call;
mod expr;
mod f80;
mod num;
mod stmt;

pub(crate) use expr::longjmp_trap;

use crate::{raise, Interp, SlotKind, Trap};
pub(crate) use f80::LdTemps;
use ir::{FuncId, InitUnit, LabelId, Scalar, Type};

/// Evaluates an expression in the frame `fp`: scalar bits, or an address.
pub(crate) type Ev = Box<dyn Fn(&mut Interp, *mut u8) -> u64>;
/// Evaluates a condition.
pub(crate) type Cond = Box<dyn Fn(&mut Interp, *mut u8) -> bool>;
/// Executes a statement; the third argument is a label to jump to inside it, or `NO_SEEK`.
pub(crate) type Ex = Box<dyn Fn(&mut Interp, *mut u8, LabelId) -> Flow>;

pub(crate) const NO_SEEK: LabelId = LabelId::MAX;

/// Control flow out of a statement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Flow {
    Normal,
    Break,
    Continue,
    Return,
    Goto(LabelId),
}

/// A function ready to run.
pub(crate) struct CompiledFn {
    pub name: String,
    pub frame_size: u32,
    /// (frame offset, how to store the argument): scalar kind or aggregate byte size.
    pub params: Vec<(u32, ParamKind)>,
    pub body: Ex,
    /// Variadic: the frame slot that receives the caller's variadic-argument area.
    pub va_area: Option<u32>,
    /// Calls setjmp: runs under a catcher for longjmps to its frame.
    pub catches: bool,
}

#[derive(Clone, Copy)]
pub(crate) enum ParamKind {
    Scalar(Scalar),
    Bool,
    Bytes(usize),
}

pub(crate) fn sk(t: &Type) -> Scalar {
    t.scalar_kind().unwrap_or(Scalar::U64)
}

pub(crate) fn compile_unit(it: &Interp, unit: &InitUnit) -> Ex {
    stmt::compile_stmt(it, &unit.body)
}

impl Interp {
    /// The compiled body of function `id`, compiling it on first use.
    pub(crate) fn compiled_fn(&mut self, id: FuncId) -> *const CompiledFn {
        self.check_epoch();
        let i = id as usize;
        if let Some(Some(c)) = self.compiled.get(i) {
            return &**c;
        }
        let f = match &self.image.slots.get(i).map(|s| &s.kind) {
            Some(SlotKind::Interp(f)) => f.clone(),
            _ => {
                let name = self
                    .image
                    .slots
                    .get(i)
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                raise(Trap::Error(format!(
                    "call to function '{name}', which is not defined"
                )));
            }
        };
        self.saw_setjmp.set(false);
        let rt = self.image.rt.get(id);
        self.compiling.set((Some(id), rt));
        self.ld_temps.begin(f.frame_size);
        let body = stmt::compile_stmt(self, &f.body);
        let catches = self.saw_setjmp.get();
        let params = f
            .params
            .iter()
            .zip(&f.ty.params)
            .map(|(&off, t)| {
                let k = if t.is_aggregate() {
                    ParamKind::Bytes(self.image.types.size_of(t) as usize)
                } else if t.kind == ir::TypeKind::Bool {
                    ParamKind::Bool
                } else {
                    ParamKind::Scalar(sk(t))
                };
                (off, k)
            })
            .collect();
        let c = Box::new(CompiledFn {
            name: f.name.clone(),
            frame_size: self.ld_temps.frame_size(),
            params,
            body,
            va_area: f.va_area,
            catches,
        });
        if self.compiled.len() <= i {
            self.compiled.resize_with(i + 1, || None);
        }
        self.compiled[i] = Some(c);
        &**self.compiled[i].as_ref().unwrap()
    }

    /// Calls an interpreted function with argument values (scalars as bits, aggregates as
    /// addresses). An aggregate result is written to `ret_ptr`.
    #[inline]
    pub(crate) fn call_compiled(
        &mut self,
        f: *const CompiledFn,
        args: &[u64],
        ret_ptr: *mut u8,
    ) -> u64 {
        // SAFETY: compiled functions are never freed (see `invalidate`).
        let f = unsafe { &*f };
        self.check_native_stack();
        self.poll();
        let saved_sp = self.sp;
        let saved_ret_ptr = self.ret_ptr;
        let fp = self.push_frame(f.frame_size);
        for (i, &(off, k)) in f.params.iter().enumerate() {
            let v = args.get(i).copied().unwrap_or(0);
            unsafe {
                let dst = fp.add(off as usize);
                match k {
                    ParamKind::Scalar(s) => crate::mem::store(dst, s, v),
                    ParamKind::Bool => *dst = (v != 0) as u8,
                    ParamKind::Bytes(n) => std::ptr::copy_nonoverlapping(v as *const u8, dst, n),
                }
            }
        }
        if let Some(slot) = f.va_area {
            unsafe {
                std::ptr::write_unaligned(fp.add(slot as usize) as *mut u64, self.va_args as u64)
            };
        }
        self.ret_ptr = ret_ptr;
        self.ret = 0;
        let flow = if f.catches {
            self.run_catching(&f.body, fp)
        } else {
            (f.body)(self, fp, NO_SEEK)
        };
        self.ret_ptr = saved_ret_ptr;
        self.sp = saved_sp;
        if let Flow::Goto(_) = flow {
            raise(Trap::Error(format!(
                "goto to a label that is not in function '{}'",
                f.name
            )));
        }
        self.ret
    }
}
