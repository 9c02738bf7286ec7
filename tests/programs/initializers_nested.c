/* Tests nested brace initializers for arrays of structs, structs with arrays, partial initialization and zero-fill. */
#include <stdio.h>

struct item { const char *name; int qty; double price; };
struct order { int id; struct item items[3]; int nitems; };
struct grid { int w, h; char cells[3][4]; };

static struct order global_orders[2] = {
    {1, {{"apple", 3, 0.5}, {"pear", 2, 0.75}}, 2},
    {2, {{"melon", 1, 3.25}}, 1},
};

int main(void) {
    for (int i = 0; i < 2; i++) {
        double total = 0;
        printf("order %d:\n", global_orders[i].id);
        for (int j = 0; j < global_orders[i].nitems; j++) {
            struct item *it = &global_orders[i].items[j];
            printf("  %-6s x%d @ %.2f\n", it->name, it->qty, it->price);
            total += it->qty * it->price;
        }
        printf("  total %.2f\n", total);
        /* unused items zero-filled */
        printf("  items[2]: %s %d %.1f\n", global_orders[i].items[2].name ? "set" : "null", global_orders[i].items[2].qty, global_orders[i].items[2].price);
    }
    struct grid g = {3, 2, {"abc", "de", ""}};
    for (int i = 0; i < 3; i++)
        printf("row %d: %d %d %d %d\n", i, g.cells[i][0], g.cells[i][1], g.cells[i][2], g.cells[i][3]);
    int partial[5] = {1, 2};
    printf("partial: %d %d %d %d %d\n", partial[0], partial[1], partial[2], partial[3], partial[4]);
    double dz[4] = {0};
    printf("dz: %.1f %.1f\n", dz[0], dz[3]);
    struct { int a; struct { int b, c; } in; int d[2]; } nest = {1, {2, 3}, {4, 5}};
    printf("nest: %d %d %d %d %d\n", nest.a, nest.in.b, nest.in.c, nest.d[0], nest.d[1]);
    /* initializer with expressions and earlier variables (automatic storage) */
    int base = 10;
    int computed[4] = {base, base * 2, base + partial[1], (int)sizeof computed};
    printf("computed: %d %d %d %d\n", computed[0], computed[1], computed[2], computed[3]);
    /* string literal initializing char array with exact size (no terminator) */
    char exact[3] = "abc";
    printf("exact: %c%c%c\n", exact[0], exact[1], exact[2]);
    char larger[10] = "hi";
    printf("larger: %s %d %d\n", larger, larger[2], larger[9]);
    /* array of pointers to strings and nested arrays of arrays */
    const char *matrix[2][2] = {{"a", "b"}, {"c", "d"}};
    printf("matrix: %s%s%s%s\n", matrix[0][0], matrix[0][1], matrix[1][0], matrix[1][1]);
    /* struct initialized from another struct */
    struct item copy = global_orders[0].items[1];
    struct item arr2[2] = {copy, {"kiwi", 9, 0.1}};
    printf("arr2: %s %s\n", arr2[0].name, arr2[1].name);
    /* trailing commas */
    int tc[] = {1, 2, 3,};
    printf("tc count=%zu\n", sizeof tc / sizeof tc[0]);
    return 0;
}
