/* A translation unit loaded by transcript 65 (%load): its statics stay apart from the session's. */
#include <stdio.h>
struct point { int x, y; };
static int counter = 100;
static int helper(int v) { return v * 3; }
int util_next(void) { return helper(++counter); }
int dist2(struct point p) { return p.x * p.x + p.y * p.y; }
double scale = 1.5;
int twice_of_session(int v);
int call_back(int v) { return twice_of_session(v) + 1; }
