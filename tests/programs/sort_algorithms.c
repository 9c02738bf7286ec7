/* Tests hand-written sorting algorithms (bubble, insertion, selection, shell, merge, quick, heap, counting) on the same data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 64

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }
static void bubble(int *v, int n) { for (int i = 0; i < n; i++) for (int j = 0; j + 1 < n - i; j++) if (v[j] > v[j + 1]) swap(&v[j], &v[j + 1]); }
static void insertion(int *v, int n) {
    for (int i = 1; i < n; i++) { int k = v[i], j = i - 1; while (j >= 0 && v[j] > k) { v[j + 1] = v[j]; j--; } v[j + 1] = k; }
}
static void selection(int *v, int n) {
    for (int i = 0; i < n - 1; i++) { int m = i; for (int j = i + 1; j < n; j++) if (v[j] < v[m]) m = j; swap(&v[i], &v[m]); }
}
static void shell(int *v, int n) {
    for (int gap = n / 2; gap > 0; gap /= 2)
        for (int i = gap; i < n; i++) { int t = v[i], j; for (j = i; j >= gap && v[j - gap] > t; j -= gap) v[j] = v[j - gap]; v[j] = t; }
}
static void merge_rec(int *v, int *tmp, int lo, int hi) {
    if (hi - lo < 2) return;
    int mid = (lo + hi) / 2;
    merge_rec(v, tmp, lo, mid);
    merge_rec(v, tmp, mid, hi);
    int i = lo, j = mid, k = lo;
    while (i < mid && j < hi) tmp[k++] = v[i] <= v[j] ? v[i++] : v[j++];
    while (i < mid) tmp[k++] = v[i++];
    while (j < hi) tmp[k++] = v[j++];
    memcpy(v + lo, tmp + lo, (size_t)(hi - lo) * sizeof *v);
}
static void mergesort_(int *v, int n) { int *tmp = malloc((size_t)n * sizeof *tmp); merge_rec(v, tmp, 0, n); free(tmp); }
static void quick(int *v, int lo, int hi) {
    if (lo >= hi) return;
    int p = v[(lo + hi) / 2], i = lo, j = hi;
    while (i <= j) {
        while (v[i] < p) i++;
        while (v[j] > p) j--;
        if (i <= j) { swap(&v[i], &v[j]); i++; j--; }
    }
    quick(v, lo, j);
    quick(v, i, hi);
}
static void quicksort_(int *v, int n) { quick(v, 0, n - 1); }
static void sift(int *v, int start, int end) {
    int root = start;
    while (2 * root + 1 <= end) {
        int child = 2 * root + 1, sw = root;
        if (v[sw] < v[child]) sw = child;
        if (child + 1 <= end && v[sw] < v[child + 1]) sw = child + 1;
        if (sw == root) return;
        swap(&v[root], &v[sw]);
        root = sw;
    }
}
static void heapsort_(int *v, int n) {
    for (int s = (n - 2) / 2; s >= 0; s--) sift(v, s, n - 1);
    for (int e = n - 1; e > 0; e--) { swap(&v[0], &v[e]); sift(v, 0, e - 1); }
}
static void counting(int *v, int n) {
    int cnt[201] = {0};
    for (int i = 0; i < n; i++) cnt[v[i] + 100]++;
    int k = 0;
    for (int i = 0; i <= 200; i++) while (cnt[i]--) v[k++] = i - 100;
}

struct algo { const char *name; void (*fn)(int *, int); };

int main(void) {
    int data[N];
    unsigned s = 2024;
    for (int i = 0; i < N; i++) { s = s * 69069u + 1u; data[i] = (int)(s >> 24) % 201 - 100; }
    printf("input:");
    for (int i = 0; i < N; i++) printf(" %d", data[i]);
    printf("\n");
    struct algo algos[] = {{"bubble", bubble}, {"insertion", insertion}, {"selection", selection}, {"shell", shell},
                           {"merge", mergesort_}, {"quick", quicksort_}, {"heap", heapsort_}, {"counting", counting}};
    int ref[N];
    for (size_t a = 0; a < sizeof algos / sizeof algos[0]; a++) {
        int v[N];
        memcpy(v, data, sizeof v);
        algos[a].fn(v, N);
        int ok = 1;
        for (int i = 1; i < N; i++) if (v[i - 1] > v[i]) ok = 0;
        if (a == 0) memcpy(ref, v, sizeof ref);
        long sum = 0;
        for (int i = 0; i < N; i++) sum += (long)v[i] * (i + 1);
        printf("%-10s sorted=%d same=%d weighted=%ld first=%d last=%d\n", algos[a].name, ok, memcmp(ref, v, sizeof v) == 0, sum, v[0], v[N - 1]);
    }
    printf("sorted:");
    for (int i = 0; i < N; i++) printf(" %d", ref[i]);
    printf("\n");
    /* edge cases */
    int one[1] = {5}, two[2] = {2, 1}, same[5] = {3, 3, 3, 3, 3};
    for (size_t a = 0; a < sizeof algos / sizeof algos[0]; a++) {
        int o[1], t[2], sm[5];
        memcpy(o, one, sizeof o); memcpy(t, two, sizeof t); memcpy(sm, same, sizeof sm);
        algos[a].fn(o, 1); algos[a].fn(t, 2); algos[a].fn(sm, 5);
        printf("%s: %d | %d %d | %d %d\n", algos[a].name, o[0], t[0], t[1], sm[0], sm[4]);
    }
    return 0;
}
