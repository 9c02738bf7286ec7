/* Tests void pointers: implicit conversions, generic swap/copy via char*, generic containers storing void*. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void generic_swap(void *a, void *b, size_t size) {
    unsigned char *x = a, *y = b;
    for (size_t i = 0; i < size; i++) { unsigned char t = x[i]; x[i] = y[i]; y[i] = t; }
}

static void reverse_array(void *base, size_t n, size_t size) {
    char *p = base;
    for (size_t i = 0; i < n / 2; i++) generic_swap(p + i * size, p + (n - 1 - i) * size, size);
}

static void *find_first(void *base, size_t n, size_t size, const void *key) {
    char *p = base;
    for (size_t i = 0; i < n; i++) if (memcmp(p + i * size, key, size) == 0) return p + i * size;
    return NULL;
}

struct stack { void **items; int n, cap; };
static void spush(struct stack *s, void *x) {
    if (s->n == s->cap) { s->cap = s->cap ? s->cap * 2 : 2; s->items = realloc(s->items, (size_t)s->cap * sizeof(void *)); }
    s->items[s->n++] = x;
}
static void *spop(struct stack *s) { return s->n ? s->items[--s->n] : NULL; }

static void print_any(const void *p, char type) {
    switch (type) {
    case 'i': printf("int %d\n", *(const int *)p); break;
    case 'd': printf("double %.3f\n", *(const double *)p); break;
    case 's': printf("string %s\n", (const char *)p); break;
    case 'c': printf("char %c\n", *(const char *)p); break;
    }
}

int main(void) {
    int a = 1, b = 2;
    generic_swap(&a, &b, sizeof a);
    printf("a=%d b=%d\n", a, b);
    double d1 = 1.5, d2 = -2.5;
    generic_swap(&d1, &d2, sizeof d1);
    printf("d1=%.1f d2=%.1f\n", d1, d2);
    struct { int x; char tag[4]; } s1 = {1, "one"}, s2 = {2, "two"};
    generic_swap(&s1, &s2, sizeof s1);
    printf("s1=%d %s s2=%d %s\n", s1.x, s1.tag, s2.x, s2.tag);
    int arr[] = {1, 2, 3, 4, 5, 6, 7};
    reverse_array(arr, 7, sizeof arr[0]);
    for (int i = 0; i < 7; i++) printf("%d ", arr[i]);
    printf("\n");
    short sh[] = {10, 20, 30, 40};
    reverse_array(sh, 4, sizeof sh[0]);
    printf("%d %d %d %d\n", sh[0], sh[1], sh[2], sh[3]);
    int key = 3;
    int *found = find_first(arr, 7, sizeof arr[0], &key);
    printf("found 3 at %td\n", found - arr);
    key = 99;
    printf("99 found: %d\n", find_first(arr, 7, sizeof arr[0], &key) != NULL);
    struct stack st = {NULL, 0, 0};
    int i1 = 11, i2 = 22;
    double dd = 3.25;
    spush(&st, &i1);
    spush(&st, &dd);
    spush(&st, "text");
    spush(&st, &i2);
    printf("top int=%d\n", *(int *)spop(&st));
    char *popped = spop(&st);
    printf("string=%s\n", popped ? popped : "(null)");
    printf("double=%.2f\n", *(double *)spop(&st));
    printf("int=%d\n", *(int *)spop(&st));
    printf("empty pop null: %d\n", spop(&st) == NULL);
    free(st.items);
    char c = 'Q';
    const void *things[] = {&a, &d1, "hi", &c};
    const char types[] = "idsc";
    for (int i = 0; i < 4; i++) print_any(things[i], types[i]);
    void *mem = malloc(16);
    int *ip = mem;
    ip[0] = 0x01020304;
    unsigned char *bp = mem;
    printf("bytes: %d %d %d %d\n", bp[0], bp[1], bp[2], bp[3]);
    free(mem);
    printf("sizeof(void*)=%zu\n", sizeof(void *));
    return 0;
}
