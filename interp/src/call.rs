//! Calls: interpreted -> interpreted directly, interpreted -> native through libffi (cached
//! per call site), native -> interpreted through a libffi closure per function (its entry).

use crate::eval::sk;
use crate::image::{SlotKind, Image};
use crate::{mem, Flow, Interp, Res, Trap};
use ir::{FnType, FuncId, Function, Type, TypeKind};
use libffi::raw::{self, ffi_cif, ffi_type};
use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Arc;

/// The one interpreter of this process, for closures called back from native code.
static INTERP: AtomicPtr<Interp> = AtomicPtr::new(std::ptr::null_mut());

pub(crate) fn register(it: &mut Box<Interp>) {
    INTERP.store(&mut **it as *mut Interp, Ordering::SeqCst);
}

/// A prepared libffi call interface and the type array it points into.
pub(crate) struct CallCif {
    cif: ffi_cif,
    _atypes: Vec<*mut ffi_type>,
    /// The argument types it was prepared for (a variadic site is re-prepared if they
    /// change, which they cannot for one call site, but a closure's cif is shared).
    ret_size: usize,
}

thread_local! {
    /// ffi_type descriptions of structs, built once per record and kept forever (libffi
    /// keeps pointers to them inside prepared cifs).
    static STRUCT_TYPES: std::cell::RefCell<HashMap<u32, *mut ffi_type>> = Default::default();
}

fn scalar_ffi(t: &Type) -> *mut ffi_type {
    {
        match t.kind {
            TypeKind::Void => &raw mut raw::ffi_type_void,
            TypeKind::Bool | TypeKind::UChar => &raw mut raw::ffi_type_uint8,
            TypeKind::Char | TypeKind::SChar => &raw mut raw::ffi_type_sint8,
            TypeKind::Short => &raw mut raw::ffi_type_sint16,
            TypeKind::UShort => &raw mut raw::ffi_type_uint16,
            TypeKind::Int | TypeKind::Enum(_) => &raw mut raw::ffi_type_sint32,
            TypeKind::UInt => &raw mut raw::ffi_type_uint32,
            TypeKind::Long | TypeKind::LongLong => &raw mut raw::ffi_type_sint64,
            TypeKind::ULong | TypeKind::ULongLong => &raw mut raw::ffi_type_uint64,
            TypeKind::Float => &raw mut raw::ffi_type_float,
            TypeKind::Double => &raw mut raw::ffi_type_double,
            TypeKind::LongDouble => &raw mut raw::ffi_type_longdouble,
            _ => &raw mut raw::ffi_type_pointer,
        }
    }
}

/// The libffi type of a C type, as passed by value.
fn ffi_of(image: &Image, t: &Type) -> *mut ffi_type {
    match &t.kind {
        TypeKind::Struct(id) | TypeKind::Union(id) => {
            if let Some(p) = STRUCT_TYPES.with(|m| m.borrow().get(id).copied()) {
                return p;
            }
            let p = build_struct(image, *id);
            STRUCT_TYPES.with(|m| m.borrow_mut().insert(*id, p));
            p
        }
        _ => scalar_ffi(t),
    }
}

fn push_elems(image: &Image, t: &Type, out: &mut Vec<*mut ffi_type>) {
    match &t.kind {
        TypeKind::Array(e, n) => {
            for _ in 0..n.unwrap_or(0) {
                push_elems(image, e, out);
            }
        }
        _ => out.push(ffi_of(image, t)),
    }
}

fn build_struct(image: &Image, id: u32) -> *mut ffi_type {
    let rec = image.types.record(id);
    let mut elems: Vec<*mut ffi_type> = Vec::new();
    if let Some(l) = &rec.layout {
        if rec.is_union || l.fields.iter().any(|f| f.bits.is_some()) {
            // libffi has no unions or bit-fields: describe the bytes by eightbyte class,
            // which is what the System V classification looks at.
            let all_float = l.fields.iter().all(|f| matches!(f.ty.kind, TypeKind::Double | TypeKind::Float));
            let mut left = l.size;
            while left > 0 {
                let t = if all_float {
                    if left >= 8 { &raw mut raw::ffi_type_double } else { &raw mut raw::ffi_type_float }
                } else if left >= 8 {
                    &raw mut raw::ffi_type_uint64
                } else {
                    &raw mut raw::ffi_type_uint8
                };
                left -= if left >= 8 { 8 } else if all_float { left.min(4) } else { 1 };
                elems.push(t);
            }
        } else {
            for f in &l.fields {
                push_elems(image, &f.ty, &mut elems);
            }
        }
    }
    if elems.is_empty() {
        elems.push(&raw mut raw::ffi_type_uint8);
    }
    elems.push(std::ptr::null_mut());
    let elems = Box::leak(elems.into_boxed_slice());
    Box::leak(Box::new(ffi_type {
        size: 0,
        alignment: 0,
        type_: raw::FFI_TYPE_STRUCT as u16,
        elements: elems.as_mut_ptr(),
    }))
}

fn prep(image: &Image, ret: &Type, args: &[Type], fixed: Option<usize>) -> Result<Box<CallCif>, Trap> {
    let mut atypes: Vec<*mut ffi_type> = args.iter().map(|t| ffi_of(image, t)).collect();
    let mut c = Box::new(CallCif {
        cif: unsafe { std::mem::zeroed() },
        _atypes: Vec::new(),
        ret_size: image.types.size_of(ret) as usize,
    });
    let rt = ffi_of(image, ret);
    let st = unsafe {
        match fixed {
            Some(n) => raw::ffi_prep_cif_var(
                &mut c.cif,
                raw::ffi_abi_FFI_DEFAULT_ABI,
                n as u32,
                atypes.len() as u32,
                rt,
                atypes.as_mut_ptr(),
            ),
            None => raw::ffi_prep_cif(&mut c.cif, raw::ffi_abi_FFI_DEFAULT_ABI, atypes.len() as u32, rt, atypes.as_mut_ptr()),
        }
    };
    if st != raw::ffi_status_FFI_OK {
        return Err(Trap::Error(format!("cannot prepare a native call (libffi status {st})")));
    }
    c._atypes = atypes;
    Ok(c)
}

impl Interp {
    pub(crate) fn eval_call(&mut self, c: &ir::Call, fp: *mut u8) -> Res<u64> {
        let target = self.eval(&c.callee, fp)? as usize;
        let mut args: Vec<u64> = Vec::with_capacity(c.args.len());
        for a in &c.args {
            args.push(self.eval(a, fp)?);
        }
        let ret_ptr = match c.ret_slot {
            Some(off) => unsafe { fp.add(off as usize) },
            None => std::ptr::null_mut(),
        };
        if let Some(&id) = self.image.entries.get(&target) {
            if let SlotKind::Interp(f) = &self.image.slots[id as usize].kind {
                let f = f.clone();
                let v = self.call_interp(&f, &args, ret_ptr)?;
                return Ok(if ret_ptr.is_null() { normalize_ret(v, &c.fty.ret) } else { ret_ptr as u64 });
            }
        }
        if target == 0 {
            let name = match &c.callee.kind {
                ir::ExprKind::FuncAddr(id) => format!("function '{}'", self.image.slots[*id as usize].name),
                _ => "a null function pointer".to_string(),
            };
            return Err(Trap::Error(format!("call to {name}, which is not defined")));
        }
        self.poll()?;
        let key = c as *const ir::Call;
        if !self.cifs.contains_key(&key) {
            let arg_types: Vec<Type> = c.args.iter().map(|a| decay(&a.ty)).collect();
            let fixed = if c.fty.variadic || c.fty.unprototyped { Some(c.fty.params.len().min(arg_types.len())) } else { None };
            let cif = prep(&self.image, &c.fty.ret, &arg_types, fixed)?;
            self.cifs.insert(key, cif);
        }
        let cif: *mut CallCif = &mut **self.cifs.get_mut(&key).unwrap();
        let mut avalues: Vec<*mut c_void> = Vec::with_capacity(args.len());
        for (i, a) in c.args.iter().enumerate() {
            if a.ty.is_record() {
                avalues.push(args[i] as *mut c_void);
            } else {
                avalues.push(&mut args[i] as *mut u64 as *mut c_void);
            }
        }
        let mut rbuf = [0u64; 4];
        let big = unsafe { (*cif).ret_size } > 32;
        let mut heap: Vec<u8> = if big { vec![0; unsafe { (*cif).ret_size }] } else { Vec::new() };
        let rptr: *mut c_void = if big { heap.as_mut_ptr() as *mut c_void } else { rbuf.as_mut_ptr() as *mut c_void };
        unsafe {
            let f: unsafe extern "C" fn() = std::mem::transmute(target);
            raw::ffi_call(&mut (*cif).cif, Some(f), rptr, avalues.as_mut_ptr());
        }
        if let Some(t) = self.pending.take() {
            return Err(t);
        }
        if !ret_ptr.is_null() {
            let n = unsafe { (*cif).ret_size };
            unsafe { std::ptr::copy_nonoverlapping(rptr as *const u8, ret_ptr, n) };
            return Ok(ret_ptr as u64);
        }
        if c.fty.ret.is_void() {
            return Ok(0);
        }
        let v = unsafe { mem::load(rptr as *const u8, sk(&c.fty.ret)) };
        Ok(normalize_ret(v, &c.fty.ret))
    }

    /// Calls function `id` (any tier) with argument values; used for `main`.
    pub(crate) fn call_function(&mut self, id: FuncId, args: &[u64], ret_ptr: *mut u8) -> Res<u64> {
        match self.image.slots[id as usize].kind.clone() {
            SlotKind::Interp(f) => self.call_interp(&f, args, ret_ptr),
            _ => Err(Trap::Error(format!("'{}' is not defined", self.image.slots[id as usize].name))),
        }
    }

    pub(crate) fn call_interp(&mut self, f: &Arc<Function>, args: &[u64], ret_ptr: *mut u8) -> Res<u64> {
        self.check_native_stack()?;
        self.poll()?;
        let saved_sp = self.sp;
        let saved_ret_ptr = self.ret_ptr;
        let fp = self.push_frame(f.frame_size)?;
        for (i, (&off, ty)) in f.params.iter().zip(&f.ty.params).enumerate() {
            let v = args.get(i).copied().unwrap_or(0);
            let dst = unsafe { fp.add(off as usize) };
            if ty.is_aggregate() {
                let n = self.image.types.size_of(ty) as usize;
                unsafe { std::ptr::copy_nonoverlapping(v as *const u8, dst, n) };
            } else {
                unsafe { mem::store(dst, sk(ty), v) };
            }
        }
        self.ret_ptr = ret_ptr;
        self.ret = 0;
        let r = self.exec(&f.body, fp);
        self.ret_ptr = saved_ret_ptr;
        self.sp = saved_sp;
        match r? {
            Flow::Normal | Flow::Return => Ok(self.ret),
            Flow::Break | Flow::Continue => Ok(self.ret),
            Flow::Goto(_) => Err(Trap::Error(format!("goto into a label that is not in function '{}'", f.name))),
        }
    }

    /// Creates the native entry of an interpreted function: a libffi closure that enters
    /// the interpreter. The closure lives as long as the process (slots may still point to
    /// it after a redefinition).
    pub fn make_entry(&mut self, id: FuncId, ty: &FnType) -> Result<usize, String> {
        let params: Vec<Type> = ty.params.iter().map(decay).collect();
        let cif = prep(&self.image, &ty.ret, &params, None).map_err(|e| format!("{e:?}"))?;
        let cif = Box::leak(cif);
        unsafe {
            let mut code: *mut c_void = std::ptr::null_mut();
            let closure = raw::ffi_closure_alloc(std::mem::size_of::<raw::ffi_closure>(), &mut code) as *mut raw::ffi_closure;
            if closure.is_null() {
                return Err("cannot allocate a closure".into());
            }
            let st = raw::ffi_prep_closure_loc(closure, &mut cif.cif, Some(trampoline), id as usize as *mut c_void, code);
            if st != raw::ffi_status_FFI_OK {
                return Err(format!("libffi closure status {st}"));
            }
            Ok(code as usize)
        }
    }
}

fn decay(t: &Type) -> Type {
    match &t.kind {
        TypeKind::Array(e, _) => Type::ptr_to((**e).clone()),
        TypeKind::Function(_) => Type::ptr_to(t.clone()),
        TypeKind::VaList => Type::ptr_to(Type::void()),
        _ => t.clone(),
    }
}

fn normalize_ret(v: u64, t: &Type) -> u64 {
    match t.kind {
        TypeKind::Bool => (v & 0xff != 0) as u64,
        _ => mem::normalize(v, sk(t)),
    }
}

/// Native code calling an interpreted function (a callback, or a call through a pointer
/// from compiled code).
unsafe extern "C" fn trampoline(_cif: *mut ffi_cif, result: *mut c_void, args: *mut *mut c_void, data: *mut c_void) {
    let it = &mut *INTERP.load(Ordering::SeqCst);
    let id = data as usize as FuncId;
    let f = match &it.image.slots[id as usize].kind {
        SlotKind::Interp(f) => f.clone(),
        _ => return,
    };
    let mut vals = Vec::with_capacity(f.ty.params.len());
    for (i, t) in f.ty.params.iter().enumerate() {
        let p = *args.add(i) as *const u8;
        if t.is_record() {
            vals.push(p as u64);
        } else {
            vals.push(mem::load(p, sk(&decay(t))));
        }
    }
    if it.pending.is_some() {
        return;
    }
    let ret = &f.ty.ret;
    if ret.is_record() {
        let r = it.call_interp(&f, &vals, result as *mut u8);
        if let Err(t) = r {
            it.pending = Some(t);
        }
    } else {
        match it.call_interp(&f, &vals, std::ptr::null_mut()) {
            Ok(v) => {
                if !ret.is_void() {
                    // libffi wants integer results widened to a full register.
                    let v = normalize_ret(v, ret);
                    if ret.is_float() {
                        mem::store(result as *mut u8, sk(ret), v);
                    } else {
                        *(result as *mut u64) = v;
                    }
                }
            }
            Err(t) => it.pending = Some(t),
        }
    }
}
