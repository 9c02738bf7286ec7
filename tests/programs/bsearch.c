/* Tests bsearch with custom comparators on ints, strings and structs, plus a hand-written binary search for comparison. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *k, const void *e) {
    int a = *(const int *)k, b = *(const int *)e;
    return (a > b) - (a < b);
}
static int cmp_str_key(const void *k, const void *e) { return strcmp((const char *)k, *(const char *const *)e); }
struct entry { const char *key; int value; };
static int cmp_entry(const void *k, const void *e) { return strcmp(k, ((const struct entry *)e)->key); }

static int manual_search(const int *v, int n, int key) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (v[mid] == key) return mid;
        if (v[mid] < key) lo = mid + 1;
        else hi = mid - 1;
    }
    return -(lo + 1);
}

int main(void) {
    int v[20];
    for (int i = 0; i < 20; i++) v[i] = i * 3 - 10;
    for (int key = -12; key <= 50; key += 5) {
        int *found = bsearch(&key, v, 20, sizeof v[0], cmp_int);
        int m = manual_search(v, 20, key);
        if (found) printf("key %d found at %td (manual %d)\n", key, found - v, m);
        else printf("key %d missing (insert at %d)\n", key, -m - 1);
    }
    const char *keys[] = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"};
    const char *queries[] = {"delta", "alpha", "golf", "hotel", "aardvark", "echo"};
    for (int i = 0; i < 6; i++) {
        const char **r = bsearch(queries[i], keys, 7, sizeof keys[0], cmp_str_key);
        printf("%s -> %s\n", queries[i], r ? "found" : "absent");
        if (r) printf("  index %td\n", r - keys);
    }
    struct entry table[] = {{"cat", 4}, {"cow", 7}, {"dog", 2}, {"emu", 9}, {"yak", 1}};
    const char *animals[] = {"dog", "yak", "cat", "ant", "emu", "zebra"};
    for (int i = 0; i < 6; i++) {
        struct entry *e = bsearch(animals[i], table, 5, sizeof table[0], cmp_entry);
        printf("%s: %d\n", animals[i], e ? e->value : -1);
    }
    int empty_key = 5;
    printf("empty: %s\n", bsearch(&empty_key, v, 0, sizeof v[0], cmp_int) ? "found" : "null");
    return 0;
}
