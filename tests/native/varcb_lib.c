/* A C library that calls variadic callbacks (tests/executor.rs builds it with cc -shared):
   integer, double and mixed variadic arguments, more than fit in registers, a struct. */
#include <stdarg.h>

struct big { long a, b, c; };

int call_ints(int (*f)(int n, ...)) { return f(3, 10, 20, 30) + f(9, 1, 2, 3, 4, 5, 6, 7, 8, 9); }

double call_mixed(double (*f)(const char *fmt, ...)) {
    return f("idid", 1, 2.5, 3, 4.25)
        + f("ddddddddddi", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11)
        + f("iiiiiiiidl", 1, 2, 3, 4, 5, 6, 7, 8, 0.5, 100L)
        + f("");
}

long call_named_float(long (*f)(double x, float y, long double z, ...)) {
    struct big s = { 1, 2, 3 };
    return f(0.5, 1.5f, 2.5L, s, 7, 8.0);
}

/* A variadic callback stored in a struct, as logging hooks are. */
struct logger { void (*log)(void *ctx, const char *fmt, ...); void *ctx; };

void run_logger(struct logger *l) {
    l->log(l->ctx, "%s=%d", "answer", 42);
    l->log(l->ctx, "%.2f|%c|%ld", 3.14159, 'z', 1234567890123L);
}

/* Uses xmm8-xmm15 as the ABI allows (they are caller-saved): overwrites them all. Callers
   in crepl that keep float values there across calls must not lose them (a compiled
   function calling this saves them for its own callers). */
double clobber_xmm(double x) {
    __asm__ volatile("pxor %%xmm8, %%xmm8\n pcmpeqd %%xmm9, %%xmm9\n pxor %%xmm10, %%xmm10\n"
                     " pcmpeqd %%xmm11, %%xmm11\n pxor %%xmm12, %%xmm12\n pcmpeqd %%xmm13, %%xmm13\n"
                     " pxor %%xmm14, %%xmm14\n pcmpeqd %%xmm15, %%xmm15"
                     ::: "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
    return x;
}
