// bench: build, walk and free many binary trees (malloc/free through libc, recursion,
// pointer chasing); the hot work is in functions. Usage: binarytrees [MAX_DEPTH]
#ifndef SIZE
#define SIZE 17 // the default size; tests/programs/bench_binarytrees.c uses a smaller one
#endif
#include <stdio.h>
#include <stdlib.h>

struct node {
  struct node *left, *right;
  int value;
};

// A complete tree of the given depth; a node numbered v has children 2v and 2v+1.
static struct node *build(int depth, int v) {
  struct node *t = malloc(sizeof *t);
  if (!t) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  t->value = v;
  if (depth > 0) {
    t->left = build(depth - 1, 2 * v);
    t->right = build(depth - 1, 2 * v + 1);
  } else {
    t->left = t->right = NULL;
  }
  return t;
}

// Number of nodes plus a checksum mixed from the values, both in one long.
static long walk(const struct node *t) {
  long c = 1 + (t->value & 7);
  if (t->left)
    c += walk(t->left) + 3 * walk(t->right);
  return c % 1000000007;
}

static void release(struct node *t) {
  if (t->left) {
    release(t->left);
    release(t->right);
  }
  free(t);
}

int main(int argc, char **argv) {
  int max_depth = argc > 1 ? atoi(argv[1]) : SIZE;
  const int min_depth = 4;
  if (max_depth < min_depth + 2)
    max_depth = min_depth + 2;

  struct node *big = build(max_depth + 1, 1);
  printf("tree of depth %d: %ld\n", max_depth + 1, walk(big));
  release(big);

  struct node *kept = build(max_depth, 1);
  // many short-lived trees while one long-lived tree stays allocated
  for (int d = min_depth; d <= max_depth; d += 2) {
    int trees = 1 << (max_depth - d + min_depth);
    long sum = 0;
    for (int i = 0; i < trees; i++) {
      struct node *t = build(d, i + 1);
      sum = (sum + walk(t)) % 1000000007;
      release(t);
    }
    printf("%d trees of depth %d: %ld\n", trees, d, sum);
  }
  printf("long-lived tree of depth %d: %ld\n", max_depth, walk(kept));
  release(kept);
  return 0;
}
