/* Tests qsort with program-defined comparators on ints, doubles, strings, and structs (multi-key, stable by tiebreak). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int_asc(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int_asc(b, a); }
static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y ? 1 : 0;
}
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static int cmp_len_then_alpha(const void *a, const void *b) {
    const char *s = *(const char *const *)a, *t = *(const char *const *)b;
    size_t ls = strlen(s), lt = strlen(t);
    if (ls != lt) return ls < lt ? -1 : 1;
    return strcmp(s, t);
}
struct emp { char name[12]; int dept; double salary; int id; };
static int cmp_emp(const void *a, const void *b) {
    const struct emp *x = a, *y = b;
    if (x->dept != y->dept) return x->dept - y->dept;
    if (x->salary != y->salary) return x->salary > y->salary ? -1 : 1;
    return x->id - y->id;
}
static int cmp_abs(const void *a, const void *b) {
    int x = abs(*(const int *)a), y = abs(*(const int *)b);
    if (x != y) return x - y;
    return *(const int *)a - *(const int *)b;
}
static int cmp_char(const void *a, const void *b) { return *(const unsigned char *)a - *(const unsigned char *)b; }

static void print_ints(const char *label, const int *v, int n) {
    printf("%s:", label);
    for (int i = 0; i < n; i++) printf(" %d", v[i]);
    printf("\n");
}

int main(void) {
    int v[] = {5, -3, 9, 0, 2147483647, -2147483647 - 1, 7, 7, -3, 12, 1};
    int n = (int)(sizeof v / sizeof v[0]);
    qsort(v, n, sizeof v[0], cmp_int_asc);
    print_ints("asc", v, n);
    qsort(v, n, sizeof v[0], cmp_int_desc);
    print_ints("desc", v, n);
    int w[] = {-5, 3, -3, 5, 0, 1, -1, 4};
    qsort(w, 8, sizeof w[0], cmp_abs);
    print_ints("abs", w, 8);
    double d[] = {3.5, -1.25, 2.0, 1e-3, -100.0, 2.0};
    qsort(d, 6, sizeof d[0], cmp_double);
    for (int i = 0; i < 6; i++) printf("%g ", d[i]);
    printf("\n");
    const char *words[] = {"pear", "apple", "fig", "banana", "kiwi", "date", "apple", "cherry"};
    qsort(words, 8, sizeof words[0], cmp_str);
    for (int i = 0; i < 8; i++) printf("%s ", words[i]);
    printf("\n");
    qsort(words, 8, sizeof words[0], cmp_len_then_alpha);
    for (int i = 0; i < 8; i++) printf("%s ", words[i]);
    printf("\n");
    struct emp staff[] = {
        {"ann", 2, 5000, 1}, {"bob", 1, 4000, 2}, {"cat", 2, 7000, 3}, {"dan", 1, 4000, 4},
        {"eve", 3, 1000, 5}, {"fay", 2, 5000, 6}, {"gus", 1, 9000, 7},
    };
    qsort(staff, 7, sizeof staff[0], cmp_emp);
    for (int i = 0; i < 7; i++) printf("%s d%d %.0f #%d\n", staff[i].name, staff[i].dept, staff[i].salary, staff[i].id);
    char letters[] = "thequickbrownfoxjumpsoverthelazydog";
    qsort(letters, strlen(letters), 1, cmp_char);
    printf("%s\n", letters);
    /* sort a large array generated deterministically */
    int big[1000];
    unsigned s = 1;
    for (int i = 0; i < 1000; i++) { s = s * 1664525u + 1013904223u; big[i] = (int)(s >> 8) % 10000; }
    qsort(big, 1000, sizeof big[0], cmp_int_asc);
    int sorted = 1;
    for (int i = 1; i < 1000; i++) if (big[i - 1] > big[i]) sorted = 0;
    printf("sorted=%d min=%d max=%d median=%d\n", sorted, big[0], big[999], big[500]);
    qsort(big, 0, sizeof big[0], cmp_int_asc);
    qsort(big, 1, sizeof big[0], cmp_int_desc);
    printf("trivial sorts ok %d\n", big[0]);
    return 0;
}
