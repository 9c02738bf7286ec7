//! Linking a module: type table additions, function slots, global memory and relocations.

use crate::runtime::{link_err, Runtime};
use interp::image::Slot;
use interp::SlotKind;
use ir::protocol::RunError;
use ir::{GlobalInit, Module, RelocTarget};
use std::ffi::CString;
use std::sync::Arc;

/// Resolves a symbol: the few C library functions that live only in the static part of
/// glibc (libc_nonshared.a, linked into every native program but absent from libc.so) are
/// provided here; everything else comes from the loaded libraries.
pub(crate) fn dlsym(name: &str) -> usize {
    match name {
        "atexit" => return crepl_atexit as *const () as usize,
        "at_quick_exit" => return crepl_at_quick_exit as *const () as usize,
        "__crepl_atomic" => return crate::atomics::crepl_atomic as *const () as usize,
        "__crepl_nested_closure" => return interp::nested_closure as *const () as usize,
        "__crepl_cplx_op" => return crate::complex::cplx_op as *const () as usize,
        "__crepl_cplxf_op" => return crate::complex::cplxf_op as *const () as usize,
        "__crepl_cplx_cmp" => return crate::complex::cplx_cmp as *const () as usize,
        "__crepl_cplxf_cmp" => return crate::complex::cplxf_cmp as *const () as usize,
        "__crepl_cplx_make" => return crate::complex::cplx_make as *const () as usize,
        "__crepl_cplxf_make" => return crate::complex::cplxf_make as *const () as usize,
        "__crepl_cplxl_op" => return crate::complex::cplxl_op as *const () as usize,
        "__crepl_cplxl_cmp" => return crate::complex::cplxl_cmp as *const () as usize,
        "__crepl_cplxl_call" => return crate::complex::cplxl_call as *const () as usize,
        "__crepl_cplx_part" => return crate::complex::cplx_part as *const () as usize,
        "__crepl_cplxf_part" => return crate::complex::cplxf_part as *const () as usize,
        "__crepl_i128_op" => return crate::int128::crepl_i128_op as *const () as usize,
        "__crepl_i128_cmp" => return crate::int128::crepl_i128_cmp as *const () as usize,
        "__crepl_i128_from" => return crate::int128::crepl_i128_from as *const () as usize,
        "__crepl_i128_from_f64" => return crate::int128::crepl_i128_from_f64 as *const () as usize,
        "__crepl_i128_to" => return crate::int128::crepl_i128_to as *const () as usize,
        "__crepl_i128_to_f64" => return crate::int128::crepl_i128_to_f64 as *const () as usize,
        "signal" | "sysv_signal" | "bsd_signal" => {
            return interp::tier::crepl_signal as *const () as usize
        }
        "sigaction" => return interp::tier::crepl_sigaction as *const () as usize,
        "__crepl_atomic_rmw" => return crate::atomics::crepl_atomic_rmw as *const () as usize,
        "__crepl_atomic_rmw_float" => {
            return crate::atomics::crepl_atomic_rmw_float as *const () as usize
        }
        _ => {}
    }
    if let Some(b) = name.strip_prefix("__crepl__builtin_") {
        if let Some(f) = builtin(b) {
            return f;
        }
    }
    let Ok(c) = CString::new(name) else { return 0 };
    unsafe { libc::dlsym(libc::RTLD_DEFAULT, c.as_ptr()) as usize }
}

/// GCC builtins needed at run time (non-constant arguments), as C functions.
fn builtin(name: &str) -> Option<usize> {
    extern "C" fn popcount(x: u32) -> i32 {
        x.count_ones() as i32
    }
    extern "C" fn popcountl(x: u64) -> i32 {
        x.count_ones() as i32
    }
    extern "C" fn clz(x: u32) -> i32 {
        x.leading_zeros() as i32
    }
    extern "C" fn clzl(x: u64) -> i32 {
        x.leading_zeros() as i32
    }
    extern "C" fn ctz(x: u32) -> i32 {
        x.trailing_zeros() as i32
    }
    extern "C" fn ctzl(x: u64) -> i32 {
        x.trailing_zeros() as i32
    }
    extern "C" fn bswap16(x: u16) -> u16 {
        x.swap_bytes()
    }
    extern "C" fn bswap32(x: u32) -> u32 {
        x.swap_bytes()
    }
    extern "C" fn bswap64(x: u64) -> u64 {
        x.swap_bytes()
    }
    extern "C" fn ffs(x: i32) -> i32 {
        if x == 0 {
            0
        } else {
            x.trailing_zeros() as i32 + 1
        }
    }
    extern "C" fn ffsl(x: i64) -> i32 {
        if x == 0 {
            0
        } else {
            x.trailing_zeros() as i32 + 1
        }
    }
    extern "C" fn parity(x: u32) -> i32 {
        (x.count_ones() & 1) as i32
    }
    extern "C" fn parityl(x: u64) -> i32 {
        (x.count_ones() & 1) as i32
    }
    /// The bits after the sign bit that equal it.
    extern "C" fn clrsb(x: i32) -> i32 {
        (x ^ (x >> 31)).leading_zeros() as i32 - 1
    }
    extern "C" fn clrsbl(x: i64) -> i32 {
        (x ^ (x >> 63)).leading_zeros() as i32 - 1
    }
    /// The exact result of `a op b` (op 0 add, 1 sub, 2 mul) stored into a `size`-byte
    /// integer at `r`; returns 1 if it did not fit.
    extern "C" fn overflow(
        op: i32,
        a: i64,
        a_signed: i32,
        b: i64,
        b_signed: i32,
        r: *mut u8,
        size: i32,
        r_signed: i32,
    ) -> i32 {
        let wide = |v: i64, signed: i32| {
            if signed != 0 {
                v as i128
            } else {
                v as u64 as i128
            }
        };
        let (x, y) = (wide(a, a_signed), wide(b, b_signed));
        // Products of two 64-bit values fit in 128 bits; sums and differences too.
        let v = match op {
            0 => x + y,
            1 => x - y,
            _ => x.wrapping_mul(y),
        };
        let bits = size as u32 * 8;
        let (lo, hi): (i128, i128) = match (bits >= 128, r_signed != 0) {
            // A __int128 result: every exact value of 64-bit operands fits it (and an
            // unsigned one but for the negative ones).
            (true, true) => (i128::MIN, i128::MAX),
            (true, false) => (0, i128::MAX),
            (false, true) => (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1),
            (false, false) => (0, (1i128 << bits) - 1),
        };
        let bytes = v.to_le_bytes();
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), r, size as usize) };
        (v < lo || v > hi) as i32
    }
    /// `__builtin_trap()`: what GCC's `ud2` does, an illegal instruction.
    extern "C" fn trap() {
        // SAFETY: raising a signal has no memory-safety preconditions; SIGILL's handler
        // (the executor's, or the default) ends the process.
        unsafe {
            libc::raise(libc::SIGILL);
            libc::abort();
        }
    }
    extern "C" fn signbit(x: f64) -> i32 {
        x.is_sign_negative() as i32
    }
    Some(match name {
        "signbit" => signbit as *const () as usize,
        "trap" => trap as *const () as usize,
        "overflow" => overflow as *const () as usize,
        "popcount" => popcount as *const () as usize,
        "popcountl" | "popcountll" => popcountl as *const () as usize,
        "clz" => clz as *const () as usize,
        "clzl" | "clzll" => clzl as *const () as usize,
        "ctz" => ctz as *const () as usize,
        "ctzl" | "ctzll" => ctzl as *const () as usize,
        "bswap16" => bswap16 as *const () as usize,
        "bswap32" => bswap32 as *const () as usize,
        "bswap64" => bswap64 as *const () as usize,
        "ffs" => ffs as *const () as usize,
        "ffsl" | "ffsll" => ffsl as *const () as usize,
        "parity" => parity as *const () as usize,
        "parityl" | "parityll" => parityl as *const () as usize,
        "clrsb" => clrsb as *const () as usize,
        "clrsbl" | "clrsbll" => clrsbl as *const () as usize,
        _ => return None,
    })
}

extern "C" {
    fn __cxa_atexit(
        f: extern "C" fn(*mut libc::c_void),
        arg: *mut libc::c_void,
        dso: *mut libc::c_void,
    ) -> libc::c_int;
    fn __cxa_at_quick_exit(
        f: extern "C" fn(*mut libc::c_void),
        dso: *mut libc::c_void,
    ) -> libc::c_int;
}

/// `atexit(f)` as glibc's static stub does it: `__cxa_atexit(f, NULL, NULL)`.
extern "C" fn crepl_atexit(f: extern "C" fn()) -> libc::c_int {
    // A void(void) function called with one ignored argument is fine on x86-64.
    unsafe {
        __cxa_atexit(
            std::mem::transmute::<extern "C" fn(), extern "C" fn(*mut libc::c_void)>(f),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    }
}

extern "C" fn crepl_at_quick_exit(f: extern "C" fn()) -> libc::c_int {
    unsafe {
        __cxa_at_quick_exit(
            std::mem::transmute::<extern "C" fn(), extern "C" fn(*mut libc::c_void)>(f),
            std::ptr::null_mut(),
        )
    }
}

impl Runtime {
    pub(crate) fn link(&mut self, m: &Module, index: u32) -> Result<(), RunError> {
        let image = &mut self.interp.image;
        for (id, r) in &m.records {
            let i = *id as usize;
            if image.types.records.len() <= i {
                image.types.records.resize(i + 1, r.clone());
            }
            image.types.records[i] = r.clone();
        }
        for (id, e) in &m.enums {
            let i = *id as usize;
            if image.types.enums.len() <= i {
                image.types.enums.resize(i + 1, e.clone());
            }
            image.types.enums[i] = e.clone();
        }
        // Check extern globals before changing anything else.
        let mut externs = Vec::new();
        for g in &m.globals {
            if let GlobalInit::Extern(sym) = &g.init {
                let a = dlsym(sym);
                if a == 0 {
                    return Err(link_err(&format!("undefined symbol '{}'", g.name)));
                }
                externs.push((g.id, a));
            }
        }
        for d in &m.func_decls {
            let i = d.id as usize;
            let entry = dlsym(&d.symbol);
            let slot = Slot {
                name: d.name.clone(),
                kind: if entry != 0 {
                    SlotKind::Native
                } else {
                    SlotKind::Undefined
                },
                entry,
                ty: d.ty.clone(),
                closure: 0,
                thunk: 0,
            };
            let image = &mut self.interp.image;
            if image.slots.len() <= i {
                image.slots.resize(
                    i + 1,
                    Slot {
                        name: String::new(),
                        kind: SlotKind::Undefined,
                        entry: 0,
                        ty: d.ty.clone(),
                        closure: 0,
                        thunk: 0,
                    },
                );
            }
            self.history.push((index, d.id, None));
            image.slots[i] = slot;
            self.interp.slot_changed(d.id);
        }
        for f in &m.functions {
            let i = f.id as usize;
            let old = self.interp.image.slots[i].clone();
            // The entry (the function's address for the program) is a stub that jumps
            // through the function's cell, so it stays the same whatever tier runs the
            // function and across redefinitions.
            let (entry, closure) = match &old.kind {
                SlotKind::Interp(_) => (old.entry, old.closure),
                _ => {
                    let closure = self
                        .interp
                        .make_entry(f.id, &f.ty)
                        .map_err(|e| link_err(&e))?;
                    let cell = unsafe { &raw mut (*self.interp.image.rt.get(f.id)).target };
                    (jit::make_stub(cell as usize), closure)
                }
            };
            // The same thunk while the signature allows one (compiled callers made for
            // the old definition may hold on to it).
            let thunk = match &old.kind {
                SlotKind::Interp(_)
                    if old.thunk != 0 && jit::xmm_thunk_fits(&self.interp.image.types, &f.ty) =>
                {
                    old.thunk
                }
                _ => jit::xmm_thunk(&self.interp.image.types, &f.ty, closure).unwrap_or(0),
            };
            self.history.push((index, f.id, Some(old)));
            let image = &mut self.interp.image;
            image.entries.insert(entry, f.id);
            image.slots[i] = Slot {
                name: f.name.clone(),
                kind: SlotKind::Interp(Arc::new(f.clone())),
                entry,
                ty: f.ty.clone(),
                closure,
                thunk,
            };
            self.interp.slot_changed(f.id);
        }
        for &id in &m.required_funcs {
            let s = &self.interp.image.slots[id as usize];
            if matches!(s.kind, SlotKind::Undefined) {
                return Err(link_err(&format!("undefined reference to '{}'", s.name)));
            }
        }
        let image = &mut self.interp.image;
        // Allocate every global first, then fill, so relocations may point forwards.
        for g in &m.globals {
            let i = g.id as usize;
            if image.globals.len() <= i {
                image.globals.resize(i + 1, std::ptr::null_mut());
                image.global_types.resize(i + 1, ir::Type::void());
            }
            image.global_types[i] = g.ty.clone();
            image.globals[i] = match &g.init {
                GlobalInit::Extern(_) => externs
                    .iter()
                    .find(|(id, _)| *id == g.id)
                    .map(|x| x.1)
                    .unwrap_or(0) as *mut u8,
                _ => {
                    let p = alloc_zeroed(g.size, g.align);
                    if p.is_null() {
                        return Err(link_err(&format!(
                            "cannot allocate {} bytes for '{}'",
                            g.size, g.name
                        )));
                    }
                    p
                }
            };
        }
        for g in &m.globals {
            if let GlobalInit::Data { bytes, relocs } = &g.init {
                let p = image.globals[g.id as usize];
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        bytes.as_ptr(),
                        p,
                        bytes.len().min(g.size as usize),
                    )
                };
                for r in relocs {
                    let base = match r.target {
                        RelocTarget::Global(id) => image.globals[id as usize] as u64,
                        RelocTarget::Func(id) => image.slots[id as usize].entry as u64,
                    };
                    let v = base.wrapping_add(r.addend as u64);
                    unsafe { std::ptr::write_unaligned(p.add(r.offset as usize) as *mut u64, v) };
                }
            }
        }
        for g in m.globals.iter().filter(|g| g.thread_local) {
            let p = image.globals[g.id as usize];
            // SAFETY: the global was allocated above with `g.size` bytes and filled.
            let bytes = unsafe { std::slice::from_raw_parts(p, g.size as usize) }.to_vec();
            image.tls_init.insert(g.id, (bytes, g.align));
        }
        Ok(())
    }

    /// After a library load, slots that nothing defined may now resolve.
    pub(crate) fn resolve_undefined(&mut self) {
        for id in 0..self.interp.image.slots.len() {
            let s = &mut self.interp.image.slots[id];
            if matches!(s.kind, SlotKind::Undefined) {
                let a = dlsym(&s.name);
                if a != 0 {
                    s.kind = SlotKind::Native;
                    s.entry = a;
                    self.interp.slot_changed(id as u32);
                }
            }
        }
    }

    /// Restores every slot changed by module `n` or later to what it was before.
    pub(crate) fn undo(&mut self, n: u32) {
        while let Some(&(m, id, _)) = self.history.last() {
            if m < n {
                break;
            }
            let (_, _, old) = self.history.pop().unwrap();
            let image = &mut *self.interp.image;
            let types = &image.types;
            let s = &mut image.slots[id as usize];
            // Code compiled while the function had a thunk calls it keeping float values
            // in xmm8-xmm15: a library function back in its place gets a thunk too.
            let had_thunk = s.thunk != 0;
            match old {
                Some(old) => *s = old,
                None => {
                    s.kind = SlotKind::Undefined;
                    s.entry = 0;
                }
            }
            if had_thunk && matches!(s.kind, SlotKind::Native) && s.thunk == 0 {
                s.thunk = jit::xmm_thunk(types, &s.ty, s.entry).unwrap_or(0);
            }
            self.interp.slot_changed(id);
        }
        self.modules_loaded = n;
    }
}

/// Memory for a global: zeroed, aligned, never freed (its address may be anywhere).
/// A global's memory: near compiled code if there is room (compiled code reaches it with
/// a short operand), else from the heap.
fn alloc_zeroed(size: u64, align: u64) -> *mut u8 {
    if size <= usize::MAX as u64 && align <= 4096 {
        let p = jit::arena::alloc_data(size as usize, align as usize);
        if !p.is_null() {
            return p;
        }
    }
    let layout =
        std::alloc::Layout::from_size_align(size.max(1) as usize, align.clamp(1, 4096) as usize)
            .unwrap_or(std::alloc::Layout::new::<u64>());
    unsafe { std::alloc::alloc_zeroed(layout) }
}
