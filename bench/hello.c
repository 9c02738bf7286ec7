// bench: script start-up (crepl FILE.c vs tcc -run)
#include <stdio.h>
int main(void) { printf("hello, world\n"); return 0; }
