/* C11 <threads.h>: thrd_create/join, mtx, cnd, tss, call_once and _Thread_local. */
#include <stdio.h>
#include <threads.h>

static mtx_t m;
static cnd_t c;
static int turn;
static once_flag once = ONCE_FLAG_INIT;
static int inits;
static tss_t key;
static _Thread_local int tl = 7;
static int log_[12], nlog;

static void init_once(void) { inits++; }

static int pingpong(void *arg) {
    int me = *(int *)arg;
    call_once(&once, init_once);
    tss_set(key, arg);
    tl += me;
    for (int i = 0; i < 6; i++) {
        mtx_lock(&m);
        while (turn != me)
            cnd_wait(&c, &m);
        log_[nlog++] = me * 100 + i;
        turn = 1 - me;
        cnd_broadcast(&c);
        mtx_unlock(&m);
    }
    return *(int *)tss_get(key) + tl * 10;
}

int main(void) {
    mtx_init(&m, mtx_plain);
    cnd_init(&c);
    tss_create(&key, NULL);
    int ids[2] = { 0, 1 }, res[2];
    thrd_t t[2];
    for (int i = 0; i < 2; i++)
        if (thrd_create(&t[i], pingpong, &ids[i]) != thrd_success)
            return 1;
    for (int i = 0; i < 2; i++)
        thrd_join(t[i], &res[i]);
    for (int i = 0; i < nlog; i++)
        printf("%d ", log_[i]);
    printf("\nresults %d %d, inits %d, main tl %d\n", res[0], res[1], inits, tl);
    mtx_destroy(&m);
    cnd_destroy(&c);
    tss_delete(key);
    return 0;
}
