/* A program's own SIGSEGV and SIGFPE handlers run and may siglongjmp out, a thousand times; sigaction reports the handler back. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf jb;
static volatile sig_atomic_t last;

static void on_segv(int s) { last = s; siglongjmp(jb, 1); }
static void on_fpe(int s, siginfo_t *si, void *ctx) { (void)ctx; last = s * 10 + (si->si_signo == s); siglongjmp(jb, 2); }
static int poke(int *p) { return *p; }
static int divide(int a, int b) { return a / b; }

int main(void) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_segv;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGSEGV, NULL, &old);
    printf("handler reported back: %d\n", old.sa_handler == on_segv);
    int caught = 0, fine = 0;
    for (int i = 0; i < 1000; i++) {
        if (sigsetjmp(jb, 1) == 0) {
            int v = 5;
            fine += poke(i % 7 == 0 ? (int *)0 : &v) == 5;
        } else {
            caught++;
        }
    }
    printf("segv caught %d, fine %d, last %d\n", caught, fine, (int)last);
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fpe;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGFPE, &sa, NULL);
    int zeros = 0;
    volatile int d = 0;
    for (int i = 0; i < 100; i++) {
        if (sigsetjmp(jb, 1) == 0)
            zeros += divide(i, i % 5 == 0 ? d : 1) * 0;
        else
            zeros++;
    }
    printf("fpe caught %d, last %d\n", zeros, (int)last);
    return 0;
}
