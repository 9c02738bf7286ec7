/* Tests a chained hash table with string keys: insert/update/lookup/delete, resize, and word counting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry { char *key; int value; struct entry *next; };
struct table { struct entry **buckets; size_t nbuckets; size_t count; };

static unsigned long hash(const char *s) {
    unsigned long h = 5381;
    while (*s) h = h * 33 + (unsigned char)*s++;
    return h;
}
static char *dupstr(const char *s) { size_t n = strlen(s) + 1; char *d = malloc(n); memcpy(d, s, n); return d; }
static void init(struct table *t, size_t n) { t->buckets = calloc(n, sizeof *t->buckets); t->nbuckets = n; t->count = 0; }
static void resize(struct table *t) {
    size_t nn = t->nbuckets * 2;
    struct entry **nb = calloc(nn, sizeof *nb);
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct entry *e = t->buckets[i];
        while (e) {
            struct entry *next = e->next;
            size_t idx = hash(e->key) % nn;
            e->next = nb[idx];
            nb[idx] = e;
            e = next;
        }
    }
    free(t->buckets);
    t->buckets = nb;
    t->nbuckets = nn;
    printf("resized to %zu\n", nn);
}
static int *lookup(struct table *t, const char *key) {
    for (struct entry *e = t->buckets[hash(key) % t->nbuckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0) return &e->value;
    return NULL;
}
static void put(struct table *t, const char *key, int value) {
    int *v = lookup(t, key);
    if (v) { *v = value; return; }
    if (t->count + 1 > t->nbuckets * 3 / 4) resize(t);
    size_t idx = hash(key) % t->nbuckets;
    struct entry *e = malloc(sizeof *e);
    e->key = dupstr(key);
    e->value = value;
    e->next = t->buckets[idx];
    t->buckets[idx] = e;
    t->count++;
}
static int del(struct table *t, const char *key) {
    struct entry **pp = &t->buckets[hash(key) % t->nbuckets];
    for (; *pp; pp = &(*pp)->next) {
        if (strcmp((*pp)->key, key) == 0) {
            struct entry *d = *pp;
            *pp = d->next;
            free(d->key);
            free(d);
            t->count--;
            return 1;
        }
    }
    return 0;
}
static void destroy(struct table *t) {
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct entry *e = t->buckets[i];
        while (e) { struct entry *n = e->next; free(e->key); free(e); e = n; }
    }
    free(t->buckets);
}
static int cmp_entries(const void *a, const void *b) {
    const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;
    if (x->value != y->value) return y->value - x->value;
    return strcmp(x->key, y->key);
}

int main(void) {
    struct table t;
    init(&t, 4);
    const char *text = "the quick brown fox jumps over the lazy dog the fox barks and the dog runs over the hill quick quick";
    char buf[256];
    strcpy(buf, text);
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
        int *v = lookup(&t, w);
        put(&t, w, v ? *v + 1 : 1);
    }
    printf("distinct=%zu buckets=%zu\n", t.count, t.nbuckets);
    struct entry **all = malloc(t.count * sizeof *all);
    size_t k = 0;
    for (size_t i = 0; i < t.nbuckets; i++)
        for (struct entry *e = t.buckets[i]; e; e = e->next) all[k++] = e;
    qsort(all, k, sizeof *all, cmp_entries);
    for (size_t i = 0; i < k; i++) printf("%-6s %d\n", all[i]->key, all[i]->value);
    free(all);
    printf("del fox=%d del cat=%d\n", del(&t, "fox"), del(&t, "cat"));
    int *v = lookup(&t, "fox");
    printf("fox now %s, count=%zu\n", v ? "present" : "absent", t.count);
    put(&t, "the", 100);
    printf("the=%d\n", *lookup(&t, "the"));
    for (int i = 0; i < 50; i++) { char key[16]; snprintf(key, sizeof key, "k%03d", i); put(&t, key, i * i); }
    printf("count=%zu k007=%d k049=%d\n", t.count, *lookup(&t, "k007"), *lookup(&t, "k049"));
    size_t longest = 0, empty = 0;
    for (size_t i = 0; i < t.nbuckets; i++) {
        size_t len = 0;
        for (struct entry *e = t.buckets[i]; e; e = e->next) len++;
        if (len > longest) longest = len;
        if (!len) empty++;
    }
    printf("longest chain=%zu empty=%zu\n", longest, empty);
    destroy(&t);
    return 0;
}
