/* Tests a fixed-size circular queue struct with modulo indexing, overwrite policy, and iteration; plus a min-heap priority queue. */
#include <stdio.h>

#define CAP 8

struct ring { int data[CAP]; unsigned head, count; unsigned dropped; };

static void ring_push(struct ring *r, int v) {
    if (r->count == CAP) { r->head = (r->head + 1) % CAP; r->count--; r->dropped++; }
    r->data[(r->head + r->count) % CAP] = v;
    r->count++;
}
static int ring_pop(struct ring *r, int *out) {
    if (!r->count) return 0;
    *out = r->data[r->head];
    r->head = (r->head + 1) % CAP;
    r->count--;
    return 1;
}
static void ring_print(const struct ring *r) {
    printf("[");
    for (unsigned i = 0; i < r->count; i++) printf("%s%d", i ? " " : "", r->data[(r->head + i) % CAP]);
    printf("] head=%u count=%u dropped=%u\n", r->head, r->count, r->dropped);
}

struct heap { int v[64]; int n; };
static void heap_push(struct heap *h, int x) {
    int i = h->n++;
    h->v[i] = x;
    while (i > 0 && h->v[(i - 1) / 2] > h->v[i]) { int p = (i - 1) / 2; int t = h->v[p]; h->v[p] = h->v[i]; h->v[i] = t; i = p; }
}
static int heap_pop(struct heap *h) {
    int top = h->v[0];
    h->v[0] = h->v[--h->n];
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && h->v[l] < h->v[m]) m = l;
        if (r < h->n && h->v[r] < h->v[m]) m = r;
        if (m == i) break;
        int t = h->v[m]; h->v[m] = h->v[i]; h->v[i] = t;
        i = m;
    }
    return top;
}

int main(void) {
    struct ring r = {{0}, 0, 0, 0};
    for (int i = 1; i <= 5; i++) ring_push(&r, i * 10);
    ring_print(&r);
    int v;
    for (int i = 0; i < 3; i++) if (ring_pop(&r, &v)) printf("popped %d\n", v);
    ring_print(&r);
    for (int i = 6; i <= 15; i++) ring_push(&r, i * 10);
    ring_print(&r);
    int total = 0;
    while (ring_pop(&r, &v)) total += v;
    printf("drained total=%d\n", total);
    printf("pop empty=%d\n", ring_pop(&r, &v));
    ring_print(&r);
    struct heap h = {{0}, 0};
    int vals[] = {42, 7, 19, -3, 88, 7, 0, 55, 23, -10, 64, 31};
    for (int i = 0; i < 12; i++) heap_push(&h, vals[i]);
    printf("heap order:");
    while (h.n) printf(" %d", heap_pop(&h));
    printf("\n");
    /* running median-ish: k smallest using heap */
    for (int i = 0; i < 12; i++) heap_push(&h, vals[i] * 3 % 17);
    printf("3 smallest:");
    for (int i = 0; i < 3; i++) printf(" %d", heap_pop(&h));
    printf(" remaining=%d\n", h.n);
    return 0;
}
