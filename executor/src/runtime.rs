//! The executor's state and request handling: the interpreter, libraries, undo history.

use crate::format;
use interp::{Interp, Trap};
use ir::protocol::{Reply, Request, RunError, RunErrorKind};
use std::ffi::CString;

pub struct Runtime {
    pub interp: Box<Interp>,
    /// Destructors (`__attribute__((destructor))`) in order of definition, with priority.
    pub(crate) dtors: Vec<(i32, u32)>,
    /// Saved stdout and stderr while quiet (replaying the journal).
    quiet: Option<(i32, i32)>,
    /// Running inside crepl's process: session end is crepl's exit, not ours.
    pub in_process: bool,
    /// The program's errno between inputs.
    errno: i32,
    /// For `%undo`: (module number, slot, previous slot), in order of change.
    pub(crate) history: Vec<(u32, u32, Option<interp::image::Slot>)>,
    pub(crate) modules_loaded: u32,
    pub(crate) lib_dirs: Vec<String>,
}

impl Runtime {
    pub fn new(lib_dirs: Vec<String>) -> Runtime {
        crate::set_executor_pid();
        // The C library and libm are there already (crepl links them); make libm's symbols
        // visible to dlsym(RTLD_DEFAULT) for certain.
        unsafe {
            let m = CString::new("libm.so.6").unwrap();
            libc::dlopen(m.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL);
        }
        // The function table's records near compiled code (reached with short operands);
        // reserved before the executor limits its address space.
        jit::arena::init();
        let _ = interp::tier::RT_MEMORY.set(jit::arena::alloc_data);
        // The flags block there too, once per process: compiled code counts calls at
        // [r15 + d].
        static PLACED: std::sync::Once = std::sync::Once::new();
        PLACED.call_once(|| {
            let size = std::mem::size_of::<interp::tier::Flags>();
            let at = jit::arena::alloc_data(size, 64);
            if !at.is_null() {
                // SAFETY: the arena's data chunks are zeroed and never freed.
                unsafe { interp::tier::place_flags(at as *mut interp::tier::Flags) };
            }
        });
        let mut interp = Interp::new();
        interp.set_compiler(crate::tiers::compiler());
        Runtime {
            interp,
            dtors: Vec::new(),
            quiet: None,
            in_process: false,
            errno: 0,
            history: Vec::new(),
            modules_loaded: 0,
            lib_dirs,
        }
    }

    pub fn handle(&mut self, req: Request) -> Reply {
        // errno belongs to the program: what crepl's own calls do to it between inputs
        // (flushing, reading pipes, sockets) must not show.
        unsafe { *libc::__errno_location() = self.errno };
        let r = match req {
            Request::Load(m) => self.load(*m),
            Request::LoadLibrary(path) => self.load_library(&path).map(|_| Reply::Ok),
            Request::Undo(n) => {
                self.undo(n);
                Ok(Reply::Ok)
            }
            Request::RunMain { func, args } => self.run_main(func, args),
            Request::Quiet(q) => {
                self.set_quiet(q);
                Ok(Reply::Ok)
            }
            Request::TierPolicy(p) => {
                self.interp.set_policy(p);
                Ok(Reply::Ok)
            }
            Request::ForceTier { name, tier } => self
                .interp
                .force_tier(&name, tier)
                .map(|_| Reply::Ok)
                .map_err(|m| RunError {
                    kind: RunErrorKind::Runtime,
                    message: m,
                }),
            Request::Stats => Ok(Reply::Stats(self.interp.stats())),
            Request::Shutdown => {
                if self.in_process {
                    self.run_dtors();
                }
                Ok(Reply::Ok)
            }
        };
        self.errno = unsafe { *libc::__errno_location() };
        flush_c_streams();
        r.unwrap_or_else(Reply::Error)
    }

    fn load(&mut self, m: ir::Module) -> Result<Reply, RunError> {
        let index = self.modules_loaded;
        self.link(&m, index)?;
        self.modules_loaded += 1;
        // Constructors run when their module loads (by priority, then definition order),
        // before its top-level code; destructors are kept for the end of the session.
        let mut ctors: Vec<(i32, u32)> = m
            .functions
            .iter()
            .filter_map(|f| f.ctor.map(|p| (p, f.id)))
            .collect();
        ctors.sort_by_key(|c| c.0);
        for (_, id) in ctors {
            self.interp.call_main(id, &[]).map_err(trap_error)?;
        }
        for f in &m.functions {
            if let Some(p) = f.dtor {
                self.dtors.push((p, f.id));
            }
        }
        let mut value = None;
        for unit in &m.inits {
            let mut on_result = |image: &interp::Image, p: *const u8| {
                if let Some((_, ty)) = &unit.result {
                    flush_c_streams();
                    value = Some(format::format_value(image, ty, p));
                }
            };
            self.interp
                .run_unit(unit, &mut on_result)
                .map_err(trap_error)?;
        }
        Ok(Reply::Loaded { value })
    }

    fn run_main(&mut self, func: u32, args: Vec<String>) -> Result<Reply, RunError> {
        // argv lives for the rest of the process, as a native program's does.
        let mut ptrs: Vec<*mut libc::c_char> = args
            .iter()
            .map(|a| CString::new(a.as_str()).unwrap_or_default().into_raw())
            .collect();
        let argc = ptrs.len() as u64;
        ptrs.push(std::ptr::null_mut());
        let argv = Box::leak(ptrs.into_boxed_slice()).as_ptr() as u64;
        let status = self
            .interp
            .call_main(func, &[argc, argv])
            .map_err(trap_error)?;
        Ok(Reply::Exited(status as i32))
    }

    pub fn load_library(&mut self, path: &str) -> Result<(), RunError> {
        let candidates: Vec<String> =
            if path.contains('/') || path.ends_with(".so") || path.contains(".so.") {
                vec![path.to_string()]
            } else {
                // `-l m` style: look in -L dirs, then let the dynamic loader search.
                let mut v: Vec<String> = self
                    .lib_dirs
                    .iter()
                    .map(|d| format!("{d}/lib{path}.so"))
                    .collect();
                v.push(format!("lib{path}.so"));
                // Without a development symlink: glibc's own libraries by their sonames
                // (-lm: libm.so.6; -lpthread, -ldl, -lrt, -lutil: stubs since glibc 2.34
                // folded them into libc, libpthread.so.0, libdl.so.2, librt.so.1, ...).
                for n in [6, 0, 1, 2] {
                    v.push(format!("lib{path}.so.{n}"));
                }
                v
            };
        let mut first = String::new();
        for c in &candidates {
            let cs = CString::new(c.as_str()).map_err(|_| link_err("bad library path"))?;
            let h = unsafe { libc::dlopen(cs.as_ptr(), libc::RTLD_NOW | libc::RTLD_GLOBAL) };
            if !h.is_null() {
                self.resolve_undefined();
                return Ok(());
            }
            let e = dlerror();
            if first.is_empty() {
                first = e;
            }
        }
        if candidates.len() > 1 {
            return Err(link_err(&format!(
                "cannot load library '{path}' (tried {}): {first}",
                candidates.join(", ")
            )));
        }
        Err(link_err(&format!("cannot load library '{path}': {first}")))
    }
}

pub(crate) fn link_err(msg: &str) -> RunError {
    RunError {
        kind: RunErrorKind::Link,
        message: msg.to_string(),
    }
}

fn trap_error(t: Trap) -> RunError {
    match t {
        Trap::Error(m) => RunError {
            kind: RunErrorKind::Runtime,
            message: m,
        },
        Trap::Interrupted => RunError {
            kind: RunErrorKind::Interrupted { killed: false },
            message: "interrupted".into(),
        },
        Trap::LongJmp { .. } => RunError {
            kind: RunErrorKind::Runtime,
            message: "longjmp to a function that has already returned".into(),
        },
    }
}

/// The runtime whose destructors run at process exit (spawned executor only).
static EXIT_RUNTIME: std::sync::atomic::AtomicPtr<Runtime> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

extern "C" fn run_dtors_at_exit() {
    let rt = EXIT_RUNTIME.load(std::sync::atomic::Ordering::SeqCst);
    if !rt.is_null() {
        unsafe { (*rt).run_dtors() };
        flush_c_streams();
    }
}

impl Runtime {
    /// Registers the destructor runner with the C library before any user code runs, so
    /// that at exit the user's atexit handlers run first (in reverse order of
    /// registration), then the destructors: what a native program does.
    pub fn install_exit_hooks(&mut self) {
        EXIT_RUNTIME.store(self as *mut Runtime, std::sync::atomic::Ordering::SeqCst);
        unsafe { libc::atexit(run_dtors_at_exit) };
    }

    /// Runs the destructors once, in reverse order of definition (lower priority last,
    /// as GCC orders `destructor(N)`).
    pub fn run_dtors(&mut self) {
        let mut d = std::mem::take(&mut self.dtors);
        d.reverse();
        // Stable: equal priorities keep reverse definition order.
        d.sort_by_key(|x| std::cmp::Reverse(x.0));
        for (_, id) in d {
            let _ = self.interp.call_main(id, &[]);
        }
    }

    fn set_quiet(&mut self, q: bool) {
        flush_c_streams();
        unsafe {
            match (q, self.quiet) {
                (true, None) => {
                    let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
                    if null >= 0 {
                        let saved = (libc::dup(1), libc::dup(2));
                        libc::dup2(null, 1);
                        libc::dup2(null, 2);
                        libc::close(null);
                        self.quiet = Some(saved);
                    }
                }
                (false, Some((o, e))) => {
                    libc::dup2(o, 1);
                    libc::dup2(e, 2);
                    libc::close(o);
                    libc::close(e);
                    self.quiet = None;
                }
                _ => {}
            }
        }
    }
}

pub(crate) fn dlerror() -> String {
    unsafe {
        let e = libc::dlerror();
        if e.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(e).to_string_lossy().into_owned()
        }
    }
}

/// Flushes the C library's stdout and stderr, so user output comes before crepl's.
pub fn flush_c_streams() {
    unsafe {
        libc::fflush(std::ptr::null_mut());
    }
}
