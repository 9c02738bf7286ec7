/* Atomics in threads: <stdatomic.h>, _Atomic objects (compound assignment, ++, float), atomic_flag, __atomic_* and __sync_* builtins. */
#include <stdatomic.h>
#include <stdio.h>
#include <pthread.h>
#include <stdbool.h>

static atomic_int counter;
static _Atomic long total = 0;
static atomic_flag lock = ATOMIC_FLAG_INIT;
static int plain;
static _Atomic(double) dsum;
static long syncv;
static _Atomic(int *) ap;
static int arr[4];

static void *work(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < 10000; i++) {
        atomic_fetch_add(&counter, 1);
        total += 2;
        total++;
        while (atomic_flag_test_and_set(&lock)) ;
        plain++;
        atomic_flag_clear(&lock);
        __sync_fetch_and_add(&syncv, id);
        __atomic_add_fetch(&syncv, 1, __ATOMIC_RELAXED);
    }
    dsum += 0.5;
    return NULL;
}

int main(void) {
    pthread_t t[4];
    for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("%d %ld %d %.1f %ld\n", atomic_load(&counter), (long)total, plain, (double)dsum, syncv);
    int expected = 40000;
    bool ok = atomic_compare_exchange_strong(&counter, &expected, 7);
    int exp2 = 1;
    bool ok2 = atomic_compare_exchange_weak(&counter, &exp2, 9);
    printf("%d %d %d %d\n", ok, ok2, exp2, atomic_exchange(&counter, 3));
    long before = __sync_val_compare_and_swap(&syncv, 0L, 5L);
    long swapped = __sync_bool_compare_and_swap(&syncv, syncv, 1L);
    printf("%ld %ld %ld\n", before, swapped, syncv);
    printf("%d %d\n", (int)atomic_is_lock_free(&counter), __atomic_always_lock_free(sizeof(long), 0));
    ap = arr;
    ap++;
    ap += 2;
    printf("%ld\n", (long)(ap - arr));
    atomic_int x = 5;
    x *= 3; x -= 1; x <<= 2; x /= 3; x %= 7; x |= 8; x ^= 1; x &= 13;
    int post = x++, pre = ++x;
    printf("%d %d %d\n", (int)x, post, pre);
    _Atomic unsigned char uc = 250;
    uc += 10;
    printf("%d %s\n", uc, "done");
    __sync_synchronize();
    atomic_thread_fence(memory_order_seq_cst);
    long lv; long nv = 42;
    __atomic_store(&syncv, &nv, __ATOMIC_SEQ_CST);
    __atomic_load(&syncv, &lv, __ATOMIC_SEQ_CST);
    long old = __atomic_exchange_n(&syncv, 1, __ATOMIC_SEQ_CST);
    printf("%ld %ld %ld\n", lv, old, syncv);
    return 0;
}
