/* Signals reach the program: alarm and pause, raise, sigaction with SA_SIGINFO, sigprocmask, kill of itself. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t alarms, usr1, usr2_code;

static void on_alarm(int s) { alarms += s == SIGALRM; }
static void on_usr1(int s) { usr1 += s == SIGUSR1; }
static void on_usr2(int s, siginfo_t *si, void *ctx) {
    (void)ctx;
    usr2_code = s * 100 + (si->si_signo == s) * 10 + (si->si_code == SI_USER || si->si_code == SI_TKILL);
}

int main(void) {
    signal(SIGALRM, on_alarm);
    alarm(1);
    pause();
    printf("alarm: %d\n", (int)alarms);

    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    kill(getpid(), SIGUSR1);
    printf("usr1: %d\n", (int)usr1);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr2;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("usr2: %d\n", (int)usr2_code);

    /* A blocked signal waits until it is unblocked. */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1);
    printf("while blocked: %d\n", (int)usr1);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("after unblock: %d\n", (int)usr1);

    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    printf("ignored: %d\n", (int)usr1);
    return 0;
}
