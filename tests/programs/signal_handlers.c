// signal handlers that are C functions of the program (raise, sigaction with SA_SIGINFO, alarm-free), atexit handlers, and callbacks stored in library-owned state
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile sig_atomic_t hits;
static volatile int last_sig;

static void on_usr1(int sig) {
    hits++;
    last_sig = sig;
}

static void on_usr2_info(int sig, siginfo_t *info, void *ctx) {
    (void)ctx;
    hits += 10;
    last_sig = sig + (info->si_signo == sig ? 1000 : 0);
}

static void bye(void) { puts("atexit: bye"); }
static void bye_first(void) { puts("atexit: registered last, runs first"); }

int main(void) {
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    raise(SIGUSR1);
    printf("hits=%d last=%d\n", (int)hits, last_sig == SIGUSR1);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr2_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("hits=%d last=%d\n", (int)hits, last_sig - SIGUSR2);

    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    printf("ignored: hits=%d\n", (int)hits);

    void (*old)(int) = signal(SIGUSR1, on_usr1);
    printf("previous handler was SIG_IGN: %d\n", old == SIG_IGN);

    atexit(bye);
    atexit(bye_first);
    puts("main returns");
    return 0;
}
