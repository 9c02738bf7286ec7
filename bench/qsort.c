// bench: libc qsort of N records with a comparator written in the program, so every
// comparison is a call from C library code back into the program; then the same numbers
// as plain ints, descending. Usage: qsort [N]
#ifndef SIZE
#define SIZE 1500000 // the default size; tests/programs/bench_qsort.c uses a smaller one
#endif
#include <stdio.h>
#include <stdlib.h>

struct rec {
  int key;
  int id;
  double weight;
};

// by key, ties by id: a total order, so the result does not depend on the algorithm
static int by_key_then_id(const void *a, const void *b) {
  const struct rec *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static int descending(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x < y) - (x > y);
}

// a 32-bit xorshift generator: the same numbers on every platform
static unsigned next_random(unsigned *state) {
  unsigned s = *state;
  s ^= s << 13;
  s ^= s >> 17;
  s ^= s << 5;
  return *state = s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : SIZE;
  if (n < 1)
    n = 1;
  struct rec *r = malloc((size_t)n * sizeof *r);
  int *v = malloc((size_t)n * sizeof *v);
  if (!r || !v)
    return 1;
  unsigned seed = 12345;
  int range = n / 4 + 1; // plenty of equal keys
  for (int i = 0; i < n; i++) {
    r[i].key = (int)(next_random(&seed) % (unsigned)range);
    r[i].id = i;
    r[i].weight = r[i].key * 0.5;
    v[i] = (int)(next_random(&seed) >> 1);
  }

  qsort(r, (size_t)n, sizeof *r, by_key_then_id);
  qsort(v, (size_t)n, sizeof *v, descending);

  unsigned long check = 0;
  int sorted = 1;
  double weights = 0.0;
  for (int i = 0; i < n; i++) {
    check = check * 1000003u + (unsigned)r[i].id;
    weights += r[i].weight;
    if (i > 0 && (by_key_then_id(&r[i - 1], &r[i]) > 0 || v[i - 1] < v[i]))
      sorted = 0;
  }
  printf("n %d, sorted %s\n", n, sorted ? "yes" : "NO");
  printf("records: first key %d id %d, last key %d id %d, checksum %lu, weights %.1f\n",
         r[0].key, r[0].id, r[n - 1].key, r[n - 1].id, check, weights);
  printf("ints: first %d, median %d, last %d\n", v[0], v[n / 2], v[n - 1]);
  free(r);
  free(v);
  return 0;
}
