//! Calls -> closures: to interpreted functions directly, to native code through a libffi
//! call interface prepared when the closure is built.

use super::expr::compile_expr;
use super::{sk, Ev};
use crate::ffi::{native_call, prep_call, CallCif};
use crate::{raise, Interp, SlotKind, Trap};
use ir::{ExprKind as K, TypeKind};

/// Room for the va_list before a variadic call's stack area (24 bytes, rounded up so the
/// area stays 16-byte aligned).
const VA_HEAD: usize = 32;

/// Most arguments passed without a heap allocation.
const INLINE_ARGS: usize = 8;

pub(crate) fn compile_call(it: &Interp, c: &ir::Call) -> Ev {
    let args: Vec<Ev> = c.args.iter().map(|a| compile_expr(it, a)).collect();
    let ret_slot = c.ret_slot.map(|o| o as usize);
    let ret = c.fty.ret.clone();
    let ret_bool = ret.kind == TypeKind::Bool;
    let ret_kind = sk(&ret);
    let ret_void = ret.is_void();
    let arg_types: Vec<ir::Type> = c.args.iter().map(|a| a.ty.clone()).collect();
    let cif: Option<Box<CallCif>> = prep_call(&it.image, &c.fty, &arg_types).ok();
    let cif_ptr: *const CallCif = cif
        .as_deref()
        .map_or(std::ptr::null(), |c| c as *const CallCif);
    let direct = match c.callee.kind {
        K::FuncAddr(id) => Some(id),
        _ => None,
    };
    let callee = compile_expr(it, &c.callee);
    // Variadic extras for an interpreted callee: (size, align, is_record) per argument.
    let nfixed = c.fty.params.len();
    let extras: Vec<(usize, usize, bool)> = c.args[nfixed.min(c.args.len())..]
        .iter()
        .map(|a| {
            let sz = it.image.types.size_of(&a.ty) as usize;
            (
                if a.ty.is_record() { sz } else { 8.max(sz) },
                it.image.types.align_of(&a.ty).max(8) as usize,
                // Copied from the address the value is (long double: see f80.rs).
                a.ty.is_record() || a.ty.kind == TypeKind::LongDouble,
            )
        })
        .collect();
    let variadic_call = c.fty.variadic;
    // A call without a prototype (`int (*)()`) may reach a variadic function: its
    // arguments after the callee's named ones are then its variadic ones, as on the
    // System V ABI, which GCC relies on.
    let unprototyped = c.fty.unprototyped;
    let name = match direct {
        Some(id) => format!("function '{}'", it.image.slots[id as usize].name),
        None => "a null function pointer".to_string(),
    };
    Box::new(move |it, fp| {
        let _keep = &cif;
        let mut inline = [0u64; INLINE_ARGS];
        let mut heap = Vec::new();
        let vals: &mut [u64] = if args.len() <= INLINE_ARGS {
            &mut inline[..args.len()]
        } else {
            heap.resize(args.len(), 0);
            &mut heap[..]
        };
        for (v, a) in vals.iter_mut().zip(&args) {
            *v = a(it, fp);
        }
        let ret_ptr = match ret_slot {
            Some(o) => unsafe { fp.add(o) },
            None => std::ptr::null_mut(),
        };
        // Which function? Interpreted ones run here; anything else is native code.
        let (id, entry) = match direct {
            Some(id) => {
                let s = &it.image.slots[id as usize];
                if matches!(s.kind, SlotKind::Interp(_)) {
                    if it.interprets(id) {
                        (Some(id), 0)
                    } else {
                        (None, unsafe { (*it.image.rt.get(id)).target })
                    }
                } else {
                    (None, s.entry)
                }
            }
            None => {
                let a = callee(it, fp) as usize;
                match it.image.entries.get(&a).copied() {
                    Some(id) if it.interprets(id) => (Some(id), a),
                    Some(id) => (None, unsafe { (*it.image.rt.get(id)).target }),
                    None => (None, a),
                }
            }
        };
        if let Some(id) = id {
            let f = it.compiled_fn(id);
            let saved_sp = it.sp;
            let va_from = if variadic_call {
                Some(0)
            } else if unprototyped && unsafe { (*f).va_area.is_some() } {
                Some(unsafe { (*f).params.len() }.min(extras.len()))
            } else {
                None
            };
            if let Some(skip) = va_from {
                // Lay the variadic arguments out as the System V ABI puts them on the
                // stack (8-byte slots, 16-byte alignment where needed), on the
                // interpreter stack, after the va_list the callee's va_start copies (its
                // register areas used up: every va_arg reads the stack area).
                let extras = &extras[skip..];
                let total: usize = extras.iter().map(|e| e.0.div_ceil(8) * 8 + e.1).sum();
                let list = it.push_frame((VA_HEAD + total) as u32);
                let area = unsafe { list.add(VA_HEAD) };
                unsafe { crate::ffi::write_va_list(list, 48, 176, area, std::ptr::null_mut()) };
                let mut o = 0usize;
                for (i, &(size, align, record)) in extras.iter().enumerate() {
                    o = o.div_ceil(align) * align;
                    let v = vals[nfixed + skip + i];
                    unsafe {
                        if record {
                            std::ptr::copy_nonoverlapping(v as *const u8, area.add(o), size);
                        } else {
                            std::ptr::write_unaligned(area.add(o) as *mut u64, v);
                        }
                    }
                    o += size.div_ceil(8) * 8;
                }
                it.va_args = list;
            } else {
                it.va_args = std::ptr::null_mut();
            }
            let v = it.call_compiled(f, vals, ret_ptr);
            it.sp = saved_sp;
            return if !ret_ptr.is_null() {
                ret_ptr as u64
            } else if ret_bool {
                (v & 0xff != 0) as u64
            } else {
                crate::mem::normalize(v, ret_kind)
            };
        }
        if entry == 0 {
            raise(Trap::Error(format!("call to {name}, which is not defined")));
        }
        if cif_ptr.is_null() {
            raise(Trap::Error(format!(
                "cannot call {name}: unsupported signature"
            )));
        }
        it.poll();
        let v = unsafe { native_call(&*cif_ptr, entry, vals, &arg_types, ret_ptr) };
        it.check_pending();
        if !ret_ptr.is_null() {
            ret_ptr as u64
        } else if ret_void {
            0
        } else if ret_bool {
            (v & 0xff != 0) as u64
        } else {
            v
        }
    })
}
