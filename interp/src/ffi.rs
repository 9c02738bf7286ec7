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

/// The executor's interpreter: the program's threads share its image and tiers.
static INTERP: AtomicPtr<Interp> = AtomicPtr::new(std::ptr::null_mut());

thread_local! {
    /// This thread's interpreter, for closures called back from native code.
    static CURRENT: std::cell::Cell<*mut Interp> = const { std::cell::Cell::new(std::ptr::null_mut()) };
    /// The interpreter of a thread the program started, dropped when the thread ends.
    static WORKER: std::cell::RefCell<Option<WorkerGuard>> = const { std::cell::RefCell::new(None) };
}

/// Owns a thread's worker interpreter; when the thread ends it stops receiving interrupt
/// requests and its stacks are freed.
struct WorkerGuard(#[allow(dead_code)] Box<Interp>);

impl Drop for WorkerGuard {
    fn drop(&mut self) {
        crate::tier::unregister_thread();
        let _ = CURRENT.try_with(|c| c.set(std::ptr::null_mut()));
    }
}

/// The interpreter of the calling thread, for entry points called from native or compiled
/// code: the executor's on its thread, else the thread's own worker (made on first use:
/// a thread the program started, entering interpreted code).
pub(crate) fn current() -> Option<&'static mut Interp> {
    let p = CURRENT
        .try_with(|c| c.get())
        .unwrap_or(std::ptr::null_mut());
    if !p.is_null() {
        // SAFETY: CURRENT holds this thread's interpreter, which outlives the call.
        return Some(unsafe { &mut *p });
    }
    let main = INTERP.load(Ordering::SeqCst);
    if main.is_null() {
        return None;
    }
    // SAFETY: the executor's interpreter lives as long as the process runs user code.
    let mut w = Interp::worker(unsafe { &*main });
    let p: *mut Interp = &mut *w;
    let kept = WORKER.try_with(|slot| *slot.borrow_mut() = Some(WorkerGuard(w)));
    if let Err(std::thread::AccessError { .. }) = kept {
        // The thread is ending (a TLS destructor calls back): keep it for good.
        return None;
    }
    let _ = CURRENT.try_with(|c| c.set(p));
    // SAFETY: the worker is owned by this thread's WORKER slot until the thread ends.
    Some(unsafe { &mut *p })
}

/// Makes `it` the calling thread's interpreter.
pub(crate) fn set_current(it: &mut Interp) {
    let p: *mut Interp = it;
    let _ = CURRENT.try_with(|c| c.set(p));
}

pub(crate) fn register(it: &mut Box<Interp>) {
    INTERP.store(&mut **it as *mut Interp, Ordering::SeqCst);
    set_current(it);
}

/// A trap that reached the outermost interpreted frame of a thread the program started,
/// where nothing can unwind to: an interrupt stops the thread for good (as Ctrl-C stops a
/// compiled program); an error ends the process like the fault a compiled program would
/// take, and crepl restores the session.
pub(crate) fn thread_trap(t: Trap) -> ! {
    match t {
        Trap::Interrupted => loop {
            std::thread::park();
        },
        Trap::Error(msg) => {
            eprintln!("crepl: error in a thread of the program: {msg}");
            std::process::abort()
        }
        Trap::LongJmp { .. } => {
            eprintln!("crepl: error in a thread of the program: longjmp to a function that has already returned");
            std::process::abort()
        }
    }
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
    // An over-aligned record (`aligned(64)`) is larger than its members: libffi, which
    // sizes a struct from its elements, would classify it by the members alone (a struct
    // of one int in %eax instead of memory). Over 16 bytes the System V class is memory
    // whatever the members are, so padding bytes to the real size give that class.
    // (Over-aligned records of 16 bytes or less are rare and left as they are.)
    if let Some(l) = &rec.layout {
        let natural: u64 = rec_natural_size(image, l);
        let by_members = !rec.is_union && l.fields.iter().all(|f| f.bits.is_none());
        if by_members && l.size > 16 && natural < l.size {
            for _ in natural..l.size {
                elems.push(&raw mut raw::ffi_type_uint8);
            }
        }
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

/// The size of a record without the padding an alignment attribute added: its last
/// member's end.
fn rec_natural_size(image: &Image, l: &ir::RecordLayout) -> u64 {
    l.fields
        .iter()
        .map(|f| f.offset + image.types.size_of(&f.ty))
        .max()
        .unwrap_or(0)
}

fn prep(
    image: &Image,
    ret: &Type,
    args: &[Type],
    fixed: Option<usize>,
) -> Result<Box<CallCif>, Trap> {
    prep_types(image, ret, args, fixed, None)
}

fn prep_types(
    image: &Image,
    ret: &Type,
    args: &[Type],
    fixed: Option<usize>,
    extra: Option<*mut ffi_type>,
) -> Result<Box<CallCif>, Trap> {
    let mut atypes: Vec<*mut ffi_type> = args.iter().map(|t| ffi_of(image, t)).collect();
    atypes.extend(extra);
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
        let mut params: Vec<Type> = ty.params.iter().map(decay).collect();
        let plan = VaPlan::of(&self.image, ty);
        if let Some(p) = &plan {
            // Marker parameters that make libffi's closure save the vector registers and
            // show where the stack arguments end (see `VaPlan`).
            if p.marker_double.is_some() {
                params.push(Type::new(TypeKind::Double));
            }
        }
        let marker = plan.map(|p| p.marker_mem);
        let cif = prep_types(&self.image, &ty.ret, &params, None, marker)
            .map_err(|e| format!("{e:?}"))?;
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

/// Writes a System V va_list: `gp_offset`, `fp_offset` (bytes used of the register save
/// area's 48 integer and 128 vector bytes), the stack area, the register save area.
///
/// # Safety
/// `list` must point to 24 writable bytes.
pub(crate) unsafe fn write_va_list(
    list: *mut u8,
    gp_offset: u32,
    fp_offset: u32,
    overflow: *mut u8,
    regs: *mut u8,
) {
    std::ptr::write_unaligned(list as *mut u32, gp_offset);
    std::ptr::write_unaligned(list.add(4) as *mut u32, fp_offset);
    std::ptr::write_unaligned(list.add(8) as *mut u64, overflow as u64);
    std::ptr::write_unaligned(list.add(16) as *mut u64, regs as u64);
}

/// How the closure of an interpreted variadic function finds the variadic arguments native
/// code passed it.
///
/// A System V variadic callee is called like a non-variadic one (plus `%al`); its
/// `va_start` needs the six integer and eight vector argument registers (the register save
/// area) and the address of the first stack argument after the named ones. libffi's
/// closure entry (`ffi_closure_unix64_sse`, src/x86/unix64.S) stores exactly those
/// registers, in exactly the save area's layout (`struct register_args`: gpr[6], then
/// sse[8] of 16 bytes), and gives the trampoline each declared argument's address: in that
/// area for a register argument, on the caller's stack for the others. So the closure is
/// prepared with the named parameters plus two markers: a `double` (it makes libffi save
/// the vector registers, which it does only when an argument is of SSE class, and its
/// address is `&sse[n]`, so the area's start), and a 24-byte struct, which is always passed
/// in memory, so its address is where the caller's variadic stack arguments begin. The
/// markers' values are never read.
///
/// Supported when the named parameters are scalars (long double ones go on the stack,
/// which the memory marker accounts for); with a struct parameter `va_start` reports that
/// it cannot locate the arguments.
pub(crate) struct VaPlan {
    /// Integer registers the named parameters use (with a hidden result pointer).
    gp: u32,
    /// Vector registers they use.
    sse: u32,
    /// Index of the double marker, absent if the named parameters use all eight vector
    /// registers (libffi saves them anyway; the first named one is `&sse[0]`).
    marker_double: Option<usize>,
    /// Index of the first vector-register parameter, when there is no double marker.
    first_sse: usize,
    /// Index of the memory marker.
    marker_index: usize,
    /// The memory marker's libffi type.
    marker_mem: *mut ffi_type,
}

impl VaPlan {
    pub(crate) fn of(image: &Image, ty: &FnType) -> Option<VaPlan> {
        if !ty.variadic || ty.params.iter().any(|p| p.is_record()) {
            return None;
        }
        // A struct result over 16 bytes is returned through a hidden pointer in %rdi.
        let hidden = ty.ret.is_record() && image.types.size_of(&ty.ret) > 16;
        let (mut gp, mut sse) = (hidden as u32, 0u32);
        let mut first_sse = 0;
        for (i, p) in ty.params.iter().map(decay).enumerate() {
            match p.kind {
                TypeKind::LongDouble => {}
                TypeKind::Float | TypeKind::Double => {
                    if sse == 0 {
                        first_sse = i;
                    }
                    sse += 1;
                }
                _ => gp += 1,
            }
        }
        let n = ty.params.len();
        let marker_double = (sse < 8).then_some(n);
        Some(VaPlan {
            gp: gp.min(6),
            sse: sse.min(8),
            marker_double,
            first_sse,
            marker_index: n + marker_double.is_some() as usize,
            marker_mem: mem_marker(),
        })
    }

    /// The va_list for this call, from the argument addresses libffi gave the trampoline.
    ///
    /// # Safety
    /// `args` must be the closure's argument array for a cif prepared by `make_entry`.
    unsafe fn va_list(&self, args: *mut *mut c_void, list: *mut u8) {
        let regs = match self.marker_double {
            Some(i) => (*args.add(i) as *mut u8).sub(48 + 16 * self.sse as usize),
            None => (*args.add(self.first_sse) as *mut u8).sub(48),
        };
        let overflow = *args.add(self.marker_index) as *mut u8;
        write_va_list(list, 8 * self.gp, 48 + 16 * self.sse, overflow, regs);
    }
}

/// A 24-byte struct: passed in memory (System V: over 16 bytes).
fn mem_marker() -> *mut ffi_type {
    static MARKER: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *MARKER.get_or_init(|| {
        let elems = Box::leak(Box::new([
            &raw mut raw::ffi_type_uint64,
            &raw mut raw::ffi_type_uint64,
            &raw mut raw::ffi_type_uint64,
            std::ptr::null_mut(),
        ]));
        Box::leak(Box::new(ffi_type {
            size: 0,
            alignment: 0,
            type_: raw::FFI_TYPE_STRUCT as u16,
            elements: elems.as_mut_ptr(),
        })) as *mut ffi_type as usize
    }) as *mut ffi_type
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
    let Some(it) = current() else {
        return;
    };
    if it.pending.is_some() {
        return;
    }
    let id = data as usize as FuncId;
    // Counts the call (and may compile the function for the calls after this one).
    it.count_call(id);
    let ty = it.image.slots[id as usize].ty.clone();
    let mut vals = Vec::with_capacity(ty.params.len());
    read_args(&ty.params, args, &mut vals);
    let ret = ty.ret.clone();
    // A variadic function's va_list, over the registers and stack native code passed.
    let mut list = [0u64; 3];
    let va_list = match VaPlan::of(&it.image, &ty) {
        Some(plan) => {
            plan.va_list(args, list.as_mut_ptr() as *mut u8);
            list.as_mut_ptr() as *mut u8
        }
        None => std::ptr::null_mut(),
    };
    run_for_native(it, id, &vals, &ret, result, va_list);
}

/// The arguments libffi hands a closure, as the interpreter takes them: scalars by value,
/// records by address.
///
/// # Safety
/// `args` must hold one pointer per parameter, as libffi passes them.
unsafe fn read_args(params: &[Type], args: *mut *mut c_void, out: &mut Vec<u64>) {
    for (i, t) in params.iter().enumerate() {
        let p = *args.add(i) as *const u8;
        if t.is_record() {
            out.push(p as u64);
        } else {
            out.push(mem::load(p, sk(&decay(t))));
        }
    }
}

/// The end of a call from native code into the interpreter (`trampoline`,
/// `nested_trampoline`): runs function `id` with `vals`, writes its result where libffi
/// wants it, and keeps a trap for when the native code returns (or, at the outermost frame
/// of a program thread, ends the thread).
///
/// # Safety
/// `result` must be libffi's result buffer for a function returning `ret`.
unsafe fn run_for_native(
    it: &mut Interp,
    id: FuncId,
    vals: &[u64],
    ret: &Type,
    result: *mut c_void,
    va_list: *mut u8,
) {
    let me: *mut Interp = it;
    it.depth += 1;
    let r = crate::catch(|| {
        let it = &mut *me;
        let f = it.compiled_fn(id);
        it.va_args = va_list;
        let rp = if ret.is_record() || ret.kind == TypeKind::LongDouble {
            result as *mut u8
        } else {
            std::ptr::null_mut()
        };
        it.call_compiled(f, vals, rp)
    });
    match r {
        Ok(v) => {
            if !ret.is_void() && !ret.is_record() && ret.kind != TypeKind::LongDouble {
                // libffi wants integer results widened to a full register.
                let v = normalize_ret(v, ret);
                if ret.is_float() {
                    mem::store(result as *mut u8, sk(ret), v);
                } else {
                    *(result as *mut u64) = v;
                }
            }
        }
        Err(t) if it.worker && it.depth == 1 => thread_trap(t),
        Err(t) => it.set_pending(t),
    }
    it.depth -= 1;
}

/// A nested function (GNU C) bound to the frame of the enclosing call that made it.
struct NestedData {
    id: FuncId,
    chain: u64,
}

/// `__crepl_nested_closure(id, chain)`: the address of nested function `id` as C code
/// sees it: an executable trampoline (a libffi closure) with the function's declared
/// signature that calls it with `chain`, the enclosing function's frame, as the hidden
/// first argument. Made when the definition is reached; never freed (a pointer to it may
/// outlive the enclosing call, though calling it then is undefined, as in gcc).
pub extern "C" fn nested_closure(id: u32, chain: u64) -> u64 {
    let Some(it) = current() else { return 0 };
    let Some(slot) = it.image.slots.get(id as usize) else {
        return 0;
    };
    let ty = slot.ty.clone();
    let params: Vec<Type> = ty.params.iter().skip(1).map(decay).collect();
    let Ok(cif) = prep_types(&it.image, &ty.ret, &params, None, None) else {
        return 0;
    };
    let cif = Box::leak(cif);
    let data = Box::leak(Box::new(NestedData { id, chain }));
    // SAFETY: a closure from libffi's allocator, prepared with a cif and user data that
    // are leaked (they live as long as the closure, which is never freed).
    unsafe {
        let mut code: *mut c_void = std::ptr::null_mut();
        let closure = raw::ffi_closure_alloc(std::mem::size_of::<raw::ffi_closure>(), &mut code)
            as *mut raw::ffi_closure;
        if closure.is_null() {
            return 0;
        }
        let st = raw::ffi_prep_closure_loc(
            closure,
            &mut cif.cif,
            Some(nested_trampoline),
            data as *mut NestedData as *mut c_void,
            code,
        );
        if st != raw::ffi_status_FFI_OK {
            return 0;
        }
        code as u64
    }
}

/// A call through a nested function's trampoline: the interpreter runs the function with
/// the chain prepended to the arguments (as `trampoline` does for ordinary functions).
unsafe extern "C" fn nested_trampoline(
    _cif: *mut ffi_cif,
    result: *mut c_void,
    args: *mut *mut c_void,
    data: *mut c_void,
) {
    let Some(it) = current() else {
        return;
    };
    if it.pending.is_some() {
        return;
    }
    let d = &*(data as *const NestedData);
    let id = d.id;
    let ty = it.image.slots[id as usize].ty.clone();
    let mut vals = Vec::with_capacity(ty.params.len());
    vals.push(d.chain);
    read_args(&ty.params[1..], args, &mut vals);
    run_for_native(it, id, &vals, &ty.ret, result, std::ptr::null_mut());
}

/// Whether `addr` is the native entry of one of the session's functions (interpreted or
/// compiled, as a function pointer can hold either) rather than a library's.
pub fn is_session_function(addr: usize) -> bool {
    let Some(it) = current() else {
        return false;
    };
    it.image.slots.iter().any(|s| {
        matches!(s.kind, crate::SlotKind::Interp(_))
            && (s.entry == addr || s.closure == addr || s.thunk == addr)
    })
}
