/* Globals shared between units, some completed in another unit. */
#ifndef REGISTRY_H
#define REGISTRY_H
#include "shapes.h"

extern int shapes_made;
extern struct point origin;
extern const char *kind_names[];
extern int primes[];
extern union value last_value;
extern area_fn area_table[KIND_COUNT];
extern struct stats { long calls; double sum; } stats;

void record_value(union value v);
int registry_counter(void);
#endif
