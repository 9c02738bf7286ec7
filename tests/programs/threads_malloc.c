/* Ten threads allocating and freeing at once (the interpreter state each thread has of its own; a shared one corrupted the heap). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *work(void *arg) {
    long id = (long)arg, sum = 0;
    for (int i = 0; i < 2000; i++) {
        char *p = malloc(16 + (i * 7 + id) % 300);
        memset(p, (int)id, 16);
        sum += p[3];
        free(p);
    }
    return (void *)sum;
}
int main(void) {
    pthread_t t[10]; long total = 0;
    for (long i = 0; i < 10; i++) pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < 10; i++) { void *r; pthread_join(t[i], &r); total += (long)r; }
    printf("%ld\n", total);
    return 0;
}
