//! libffi glue: call interfaces for calls into native code (prepared once per call site)
//! and closures that let native code call interpreted functions.

use crate::compile::sk;
use crate::image::Image;
use crate::{mem, Interp, Trap};
use ir::{FnType, FuncId, Scalar, Type, TypeKind};
use libffi::raw::{self, ffi_cif, ffi_type};
use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::atomic::{AtomicPtr, Ordering};

/// The one interpreter of this process, for closures called back from native code.
static INTERP: AtomicPtr<Interp> = AtomicPtr::new(std::ptr::null_mut());

/// The interpreter, for entry points called from native or compiled code.
pub(crate) fn current() -> Option<&'static mut Interp> {
    let p = INTERP.load(Ordering::SeqCst);
    if p.is_null() {
        None
    } else {
        Some(unsafe { &mut *p })
    }
}

pub(crate) fn register(it: &mut Box<Interp>) {
    INTERP.store(&mut **it as *mut Interp, Ordering::SeqCst);
}

/// A prepared libffi call interface and the type array it points into.
pub(crate) struct CallCif {
    pub(crate) cif: ffi_cif,
    _atypes: Vec<*mut ffi_type>,
    /// The argument types it was prepared for (a variadic site is re-prepared if they
    /// change, which they cannot for one call site, but a closure's cif is shared).
    pub(crate) ret_size: usize,
    /// How to read a scalar result (`None`: void or aggregate).
    pub(crate) ret_kind: Option<Scalar>,
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
            TypeKind::Int | TypeKind::Enum(_, false) => &raw mut raw::ffi_type_sint32,
            TypeKind::Enum(_, true) => &raw mut raw::ffi_type_uint32,
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
            let all_float = l
                .fields
                .iter()
                .all(|f| matches!(f.ty.kind, TypeKind::Double | TypeKind::Float));
            let mut left = l.size;
            while left > 0 {
                let t = if all_float {
                    if left >= 8 {
                        &raw mut raw::ffi_type_double
                    } else {
                        &raw mut raw::ffi_type_float
                    }
                } else if left >= 8 {
                    &raw mut raw::ffi_type_uint64
                } else {
                    &raw mut raw::ffi_type_uint8
                };
                left -= if left >= 8 {
                    8
                } else if all_float {
                    left.min(4)
                } else {
                    1
                };
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

fn prep(
    image: &Image,
    ret: &Type,
    args: &[Type],
    fixed: Option<usize>,
) -> Result<Box<CallCif>, Trap> {
    let mut atypes: Vec<*mut ffi_type> = args.iter().map(|t| ffi_of(image, t)).collect();
    let mut c = Box::new(CallCif {
        cif: unsafe { std::mem::zeroed() },
        _atypes: Vec::new(),
        ret_size: image.types.size_of(ret) as usize,
        ret_kind: if ret.is_void() || ret.is_aggregate() {
            None
        } else {
            Some(sk(ret))
        },
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
            None => raw::ffi_prep_cif(
                &mut c.cif,
                raw::ffi_abi_FFI_DEFAULT_ABI,
                atypes.len() as u32,
                rt,
                atypes.as_mut_ptr(),
            ),
        }
    };
    if st != raw::ffi_status_FFI_OK {
        return Err(Trap::Error(format!(
            "cannot prepare a native call (libffi status {st})"
        )));
    }
    c._atypes = atypes;
    Ok(c)
}

/// Prepares the call interface for a call with these argument types (after promotions).
pub(crate) fn prep_call(
    image: &Image,
    fty: &FnType,
    arg_types: &[Type],
) -> Result<Box<CallCif>, Trap> {
    let args: Vec<Type> = arg_types.iter().map(decay).collect();
    let fixed = if fty.variadic || fty.unprototyped {
        Some(fty.params.len().min(args.len()))
    } else {
        None
    };
    prep(image, &fty.ret, &args, fixed)
}

/// Calls native code at `entry`. Scalars are passed as value bits, structs as addresses;
/// a struct result is written to `ret_ptr`. Returns the scalar result, normalized.
///
/// # Safety
/// `entry` must be a function with the signature `cif` was prepared for.
pub(crate) unsafe fn native_call(
    cif: &CallCif,
    entry: usize,
    vals: &mut [u64],
    arg_types: &[Type],
    ret_ptr: *mut u8,
) -> u64 {
    let mut avalues: [*mut c_void; 16] = [std::ptr::null_mut(); 16];
    let mut heap: Vec<*mut c_void> = Vec::new();
    let av: &mut [*mut c_void] = if vals.len() <= 16 {
        &mut avalues[..vals.len()]
    } else {
        heap.resize(vals.len(), std::ptr::null_mut());
        &mut heap[..]
    };
    for i in 0..vals.len() {
        // Records and long doubles are passed as the address of their value.
        av[i] = if arg_types[i].is_record() || arg_types[i].kind == TypeKind::LongDouble {
            vals[i] as *mut c_void
        } else {
            &mut vals[i] as *mut u64 as *mut c_void
        };
    }
    let mut rbuf = [0u64; 4];
    let big = cif.ret_size > 32;
    let mut heap_ret: Vec<u8> = if big {
        vec![0; cif.ret_size]
    } else {
        Vec::new()
    };
    let rptr: *mut c_void = if big {
        heap_ret.as_mut_ptr() as *mut c_void
    } else {
        rbuf.as_mut_ptr() as *mut c_void
    };
    let f: unsafe extern "C" fn() = std::mem::transmute(entry);
    raw::ffi_call(
        &cif.cif as *const ffi_cif as *mut ffi_cif,
        Some(f),
        rptr,
        av.as_mut_ptr(),
    );
    if !ret_ptr.is_null() {
        std::ptr::copy_nonoverlapping(rptr as *const u8, ret_ptr, cif.ret_size);
        return 0;
    }
    match cif.ret_kind {
        Some(k) => mem::load(rptr as *const u8, k),
        None => 0,
    }
}

impl Interp {
    /// Creates the native entry of an interpreted function: a libffi closure that enters
    /// the interpreter. The closure lives as long as the process (slots may still point to
    /// it after a redefinition).
    pub fn make_entry(&mut self, id: FuncId, ty: &FnType) -> Result<usize, String> {
        let params: Vec<Type> = ty.params.iter().map(decay).collect();
        let cif = prep(&self.image, &ty.ret, &params, None).map_err(|e| format!("{e:?}"))?;
        let cif = Box::leak(cif);
        unsafe {
            let mut code: *mut c_void = std::ptr::null_mut();
            let closure = raw::ffi_closure_alloc(std::mem::size_of::<raw::ffi_closure>(), &mut code)
                as *mut raw::ffi_closure;
            if closure.is_null() {
                return Err("cannot allocate a closure".into());
            }
            let st = raw::ffi_prep_closure_loc(
                closure,
                &mut cif.cif,
                Some(trampoline),
                id as usize as *mut c_void,
                code,
            );
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
/// from compiled code). A trap cannot unwind through the C frames in between: it is caught
/// here and re-raised when the native call returns.
unsafe extern "C" fn trampoline(
    _cif: *mut ffi_cif,
    result: *mut c_void,
    args: *mut *mut c_void,
    data: *mut c_void,
) {
    let it = &mut *INTERP.load(Ordering::SeqCst);
    if it.pending.is_some() {
        return;
    }
    let id = data as usize as FuncId;
    // Counts the call (and may compile the function for the calls after this one).
    it.count_call(id);
    let ty = it.image.slots[id as usize].ty.clone();
    let mut vals = Vec::with_capacity(ty.params.len());
    for (i, t) in ty.params.iter().enumerate() {
        let p = *args.add(i) as *const u8;
        if t.is_record() {
            vals.push(p as u64);
        } else {
            vals.push(mem::load(p, sk(&decay(t))));
        }
    }
    let ret = ty.ret.clone();
    let me: *mut Interp = it;
    let r = crate::catch(|| {
        let it = &mut *me;
        let f = it.compiled_fn(id);
        it.va_args = std::ptr::null_mut();
        let rp = if ret.is_record() || ret.kind == TypeKind::LongDouble {
            result as *mut u8
        } else {
            std::ptr::null_mut()
        };
        it.call_compiled(f, &vals, rp)
    });
    match r {
        Ok(v) => {
            if !ret.is_void() && !ret.is_record() && ret.kind != TypeKind::LongDouble {
                // libffi wants integer results widened to a full register.
                let v = normalize_ret(v, &ret);
                if ret.is_float() {
                    mem::store(result as *mut u8, sk(&ret), v);
                } else {
                    *(result as *mut u64) = v;
                }
            }
        }
        Err(t) => it.set_pending(t),
    }
}
