/* Defines the shared globals; a static counter with the same name as main.c's. */
#include <stdio.h>
#include "registry.h"

int shapes_made;
struct point origin = { 3, -4 };
const char *kind_names[] = { "circle", "rect", "tri" };
int primes[] = { 2, 3, 5, 7, 11, 13 };
union value last_value;
struct stats stats = { 0, 0.0 };

static int counter = 100;

void record_value(union value v) {
    last_value = v;
    counter++;
}

int registry_counter(void) { return counter; }
