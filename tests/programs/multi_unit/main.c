/* Several translation units sharing structs, unions, enums, globals and function pointers. */
#include <stdio.h>
#include <string.h>
#include "registry.h"

int util_next(void);
static int counter = 7;

int main(void) {
    shape *list = NULL;
    static const int spec[][3] = { { CIRCLE, 4, 0 }, { RECT, 3, 5 }, { TRI, 6, 7 }, { CIRCLE, 40, 0 }, { RECT, 2, 2 } };
    for (size_t i = 0; i < sizeof spec / sizeof spec[0]; i++) {
        shape *s = make_shape((enum kind)spec[i][0], spec[i][1], spec[i][2]);
        s->next = list;
        list = s;
    }
    list->next->visible = 0;
    printf("made %d shapes, total area %.2f\n", shapes_made, total_area(list));
    for (int k = 0; k < KIND_COUNT; k++)
        printf("%s: %d (area of one: %.1f)\n", kind_names[k], count_kind(list, (enum kind)k),
               area_table[k](list));
    printf("origin (%d, %d), primes %d %d, clamp %d %d, sq %d\n", origin.x, origin.y, primes[0],
           primes[5], clampi(-3, 0, 9), clampi(30, 0, 9), sq(12));
    union value v;
    memset(&v, 0, sizeof v);
    v.d = 2.5;
    record_value(v);
    v.i = 77;
    record_value(v);
    printf("last %ld, registry counter %d, main counter %d\n", last_value.i, registry_counter(),
           counter);
    int u1 = util_next();
    int u2 = util_next();
    printf("util %d %d\n", u1, u2);
    printf("stats: %ld calls, sum %.2f, flags %u\n", stats.calls, stats.sum, list->flags);
    free_shapes(list);
    return shapes_made;
}
