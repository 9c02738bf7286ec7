/* POSIX threads: mutexes, a condition variable, join values, __thread, recursion and callbacks in threads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NTHREADS 10
#define ITERS 3000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static long shared_total;
static int queue[64], head, tail, done;
static __thread int calls_here = 100;
_Thread_local char name[16] = "unnamed";

static int fib(int n) {
    calls_here++;
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int cmp_int(const void *a, const void *b) {
    calls_here++;
    return *(const int *)a - *(const int *)b;
}

struct job {
    int id;
    int data[32];
    long result;
};

static void *worker(void *arg) {
    struct job *j = arg;
    snprintf(name, sizeof name, "worker%d", j->id);
    for (int i = 0; i < ITERS; i++) {
        pthread_mutex_lock(&lock);
        shared_total += i % 5;
        pthread_mutex_unlock(&lock);
    }
    for (int i = 0; i < 32; i++)
        j->data[i] = (i * 7919 + j->id * 31) % 101;
    qsort(j->data, 32, sizeof(int), cmp_int);
    int before = calls_here;
    j->result = fib(12 + j->id % 4) + j->data[0] + j->data[31] * 1000L;
    j->result += (calls_here - before > 0) + (strcmp(name, "unnamed") != 0) * 10;
    return (void *)(long)(j->id * j->id);
}

static void *producer(void *arg) {
    (void)arg;
    for (int i = 1; i <= 40; i++) {
        pthread_mutex_lock(&lock);
        queue[tail++ % 64] = i;
        pthread_cond_signal(&ready);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    done = 1;
    pthread_cond_broadcast(&ready);
    pthread_mutex_unlock(&lock);
    return NULL;
}

static void *consumer(void *arg) {
    long sum = 0;
    for (;;) {
        pthread_mutex_lock(&lock);
        while (head == tail && !done)
            pthread_cond_wait(&ready, &lock);
        if (head == tail && done) {
            pthread_mutex_unlock(&lock);
            break;
        }
        sum += queue[head++ % 64];
        pthread_mutex_unlock(&lock);
    }
    *(long *)arg = sum;
    return NULL;
}

int main(void) {
    pthread_t t[NTHREADS];
    struct job jobs[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        jobs[i].id = i;
        if (pthread_create(&t[i], NULL, worker, &jobs[i]) != 0)
            return 1;
    }
    long joined = 0;
    for (int i = 0; i < NTHREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        joined += (long)r;
    }
    printf("total %ld, joined %ld\n", shared_total, joined);
    for (int i = 0; i < NTHREADS; i++)
        printf("job %d: %ld\n", i, jobs[i].result);
    long consumed = 0;
    pthread_t p, c;
    pthread_create(&c, NULL, consumer, &consumed);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("consumed %ld\n", consumed);
    printf("main: calls_here %d, name %s\n", calls_here, name);
    return 0;
}
