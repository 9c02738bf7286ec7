/* Tests malloc/calloc/realloc/free: growing dynamic arrays, calloc zeroing, realloc preserving contents, 2D allocation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec { int *data; size_t len, cap; int reallocs; };

static void vec_push(struct vec *v, int x) {
    if (v->len == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 1;
        int *nd = realloc(v->data, nc * sizeof *nd);
        if (!nd) exit(42);
        v->data = nd;
        v->cap = nc;
        v->reallocs++;
    }
    v->data[v->len++] = x;
}

static char *join(const char *const *parts, int n, const char *sep) {
    size_t total = 1;
    for (int i = 0; i < n; i++) total += strlen(parts[i]) + (i ? strlen(sep) : 0);
    char *r = malloc(total);
    r[0] = '\0';
    for (int i = 0; i < n; i++) { if (i) strcat(r, sep); strcat(r, parts[i]); }
    return r;
}

int main(void) {
    struct vec v = {NULL, 0, 0, 0};
    for (int i = 0; i < 1000; i++) vec_push(&v, i * 3);
    long sum = 0;
    for (size_t i = 0; i < v.len; i++) sum += v.data[i];
    printf("len=%zu cap=%zu reallocs=%d sum=%ld last=%d\n", v.len, v.cap, v.reallocs, sum, v.data[v.len - 1]);
    v.data = realloc(v.data, 10 * sizeof *v.data);
    printf("shrunk: %d %d\n", v.data[0], v.data[9]);
    free(v.data);

    int *z = calloc(100, sizeof *z);
    int nonzero = 0;
    for (int i = 0; i < 100; i++) if (z[i]) nonzero++;
    printf("calloc nonzero=%d\n", nonzero);
    free(z);
    double *dz = calloc(8, sizeof(double));
    printf("calloc double sum=%.1f\n", dz[0] + dz[7]);
    free(dz);

    char *s = malloc(4);
    strcpy(s, "abc");
    for (int i = 0; i < 5; i++) {
        size_t n = strlen(s);
        s = realloc(s, n * 2 + 1);
        memcpy(s + n, s, n);
        s[2 * n] = '\0';
    }
    printf("doubled len=%zu start=%.9s end=%s\n", strlen(s), s, s + strlen(s) - 6);
    free(s);

    int rows = 5, cols = 7;
    int **m = malloc(rows * sizeof *m);
    for (int i = 0; i < rows; i++) {
        m[i] = malloc(cols * sizeof **m);
        for (int j = 0; j < cols; j++) m[i][j] = (i + 1) * (j + 1);
    }
    for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) printf("%3d", m[i][j]);
        printf("\n");
    }
    for (int i = 0; i < rows; i++) free(m[i]);
    free(m);

    /* contiguous 2D block via pointer to array */
    int (*grid)[4] = malloc(3 * sizeof *grid);
    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i][j] = i - j;
    printf("grid[2][0]=%d grid[0][3]=%d sizeof *grid=%zu\n", grid[2][0], grid[0][3], sizeof *grid);
    free(grid);

    const char *parts[] = {"alpha", "beta", "gamma", "delta"};
    char *j = join(parts, 4, ", ");
    printf("joined=%s\n", j);
    free(j);
    free(NULL);   /* allowed no-op */
    void *p = realloc(NULL, 16);  /* acts as malloc */
    memset(p, 0x5a, 16);
    printf("realloc(NULL) byte=%d\n", ((unsigned char *)p)[15]);
    free(p);
    /* many small allocations freed in reverse */
    struct item { int id; char name[16]; } *items[50];
    for (int i = 0; i < 50; i++) { items[i] = malloc(sizeof *items[i]); items[i]->id = i; snprintf(items[i]->name, sizeof items[i]->name, "n%d", i); }
    int idsum = 0;
    for (int i = 49; i >= 0; i--) { idsum += items[i]->id; if (i % 10 == 0) printf("%s ", items[i]->name); free(items[i]); }
    printf("idsum=%d\n", idsum);
    return 0;
}
