//! Executable memory for compiled code, and the data compiled code reaches often (the
//! function table's cells and counters, the program's globals), in one reserved region.
//!
//! Code is bump-allocated from chunks mapped read-write-execute, never unmapped and never
//! moved. This sidesteps two dynasmrt pitfalls: an incremental `Assembler` moves committed
//! code when it grows (pointers into it dangle), and dropping an `ExecutableBuffer` unmaps
//! code that a slot or a frame may still use. The baseline tier assembles into a `Vec<u8>`
//! (position-independent code) and copies it here.
//!
//! Everything in the region is within 2 GB of everything else, so compiled code reaches
//! the data with a RIP-relative operand (`inc QWORD [rip + d]`, `call QWORD [rip + d]`)
//! instead of loading a 64-bit address first: one instruction instead of two, and 7 bytes
//! instead of 14. [`near`] tells whether an address is in the region; data outside it
//! (an allocation that did not fit, a library's variable) is reached as before.
//!
//! The mapping is writable and executable at once: the executor runs the user's arbitrary
//! code anyway, so W^X would protect nothing here, and single mappings keep installs cheap.

use std::sync::Mutex;

const CHUNK: usize = 1 << 20;
/// The reserved address range: code and data. Reserving costs no memory (the pages are
/// mapped only as chunks are handed out).
const REGION: usize = 1 << 30;
/// Data allocations larger than this go elsewhere (a big array gains nothing from a short
/// address, and would use up the region).
const MAX_DATA: usize = 64 << 20;

struct Bump {
    next: usize,
    left: usize,
}

struct Arena {
    /// The region: [base, base + REGION); 0 until reserved, 1 if reserving failed.
    base: usize,
    /// The region's first address not handed out as a chunk.
    top: usize,
    code: Bump,
    data: Bump,
}

static ARENA: Mutex<Arena> = Mutex::new(Arena {
    base: 0,
    top: 0,
    code: Bump { next: 0, left: 0 },
    data: Bump { next: 0, left: 0 },
});
/// The region's bounds, for [`near`] without the lock (set once).
static BOUNDS: std::sync::OnceLock<(usize, usize)> = std::sync::OnceLock::new();

fn lock() -> std::sync::MutexGuard<'static, Arena> {
    let mut a = ARENA.lock().unwrap_or_else(|e| e.into_inner());
    if a.base == 0 {
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                REGION,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            a.base = 1;
        } else {
            a.base = p as usize;
            a.top = p as usize;
            let _ = BOUNDS.set((a.base, a.base + REGION));
        }
    }
    a
}

/// Reserves the region now (the executor does this before it limits its address space,
/// so that the reservation does not count against the user's memory limit).
pub fn init() {
    drop(lock());
}

/// Whether `addr` is in the region (and so within a RIP-relative operand's reach of all
/// compiled code).
pub fn near(addr: usize) -> bool {
    BOUNDS
        .get()
        .is_some_and(|&(lo, hi)| addr >= lo && addr < hi)
}

/// Maps `size` bytes: in the region if it has room (`fixed` is then where), else
/// anywhere. 0 if the system refuses.
fn map(fixed: Option<usize>, size: usize, exec: bool, populate: bool) -> usize {
    let mut prot = libc::PROT_READ | libc::PROT_WRITE;
    if exec {
        prot |= libc::PROT_EXEC;
    }
    let mut flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS;
    if populate {
        // Pages faulted in now, once per chunk, rather than one fault per function (a
        // visible part of a 20 us compile).
        flags |= libc::MAP_POPULATE;
    }
    if fixed.is_some() {
        flags |= libc::MAP_FIXED;
    }
    let p = unsafe {
        libc::mmap(
            fixed.unwrap_or(0) as *mut libc::c_void,
            size,
            prot,
            flags,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        0
    } else {
        p as usize
    }
}

impl Arena {
    /// A chunk of the region, or None if it is used up.
    fn chunk(&mut self, size: usize, exec: bool) -> Option<usize> {
        let size = (size + 4095) & !4095;
        if self.base <= 1 || self.top + size > self.base + REGION {
            return None;
        }
        let at = map(Some(self.top), size, exec, exec);
        if at == 0 {
            return None;
        }
        self.top += size;
        Some(at)
    }
}

/// `size` bytes (a multiple of 16) for code in the region, or None if it is full.
fn code_space(a: &mut Arena, size: usize) -> Option<usize> {
    if size > a.code.left {
        let n = size.max(CHUNK);
        let at = a.chunk(n, true)?;
        a.code = Bump { next: at, left: n };
    }
    let at = a.code.next;
    a.code.next += size;
    a.code.left -= size;
    Some(at)
}

/// Copies `code` into executable memory in the region, after `patch` has seen (and may
/// have changed) it with the address it will run at; returns that address (16-byte
/// aligned), or None if the region is full.
pub fn install_with(code: &mut [u8], patch: impl FnOnce(&mut [u8], usize)) -> Option<usize> {
    let at = code_space(&mut lock(), (code.len() + 15) & !15)?;
    patch(code, at);
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), at as *mut u8, code.len()) };
    Some(at)
}

/// Copies position-independent `code` into executable memory (in the region if it has
/// room); returns its address (16-byte aligned).
pub fn install(code: &[u8]) -> usize {
    let at = match code_space(&mut lock(), (code.len() + 15) & !15) {
        Some(at) => at,
        None => match map(None, code.len(), true, false) {
            0 => panic!("cannot map executable memory for compiled code"),
            at => at,
        },
    };
    unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), at as *mut u8, code.len()) };
    at
}

/// `size` zeroed bytes aligned to `align` (at most 4096) in the region, never freed;
/// null if the region has no room (or the size is over the limit for it).
pub fn alloc_data(size: usize, align: usize) -> *mut u8 {
    let size = size.max(1);
    let align = align.clamp(1, 4096);
    if size > MAX_DATA {
        return std::ptr::null_mut();
    }
    let mut a = lock();
    let pad = a.data.next.wrapping_neg() & (align - 1);
    if a.data.left < pad + size {
        let n = size.max(CHUNK);
        let Some(at) = a.chunk(n, false) else {
            return std::ptr::null_mut();
        };
        a.data = Bump { next: at, left: n };
    }
    let pad = a.data.next.wrapping_neg() & (align - 1);
    let at = a.data.next + pad;
    a.data.next = at + size;
    a.data.left -= pad + size;
    at as *mut u8
}
