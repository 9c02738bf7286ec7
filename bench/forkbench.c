// bench: cost of a fork-based checkpoint per input (fork + exit + wait) of a process shaped like the executor; see ARCHITECTURE.md, Crash recovery
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }
int main(void) {
  /* shaped like the executor: 1 GiB user stack and 256 MiB interpreter stack reserved, ~4 MB touched */
  void *a = mmap(0, 1UL << 30, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0);
  void *b = mmap(0, 256UL << 20, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0);
  char *c = malloc(4 << 20); memset(c, 1, 4 << 20); memset(a, 1, 1 << 16); memset(b, 1, 1 << 16);
  int n = 200; double t0 = now();
  for (int i = 0; i < n; i++) { pid_t p = fork(); if (p == 0) _exit(0); waitpid(p, 0, 0); }
  printf("fork+exit+wait: %.1f us each\n", (now() - t0) / n);
  return 0;
}
