/* Tests main(int argc, char **argv): argc with no extra arguments, argv[argc] is NULL, argv walked by pointer. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("argc=%d\n", argc);
    printf("argv[argc]==NULL: %d\n", argv[argc] == NULL);
    printf("argv[0] non-null and non-empty: %d\n", argv[0] != NULL && argv[0][0] != '\0');
    int extra = 0;
    for (char **p = argv + 1; *p; p++) {
        printf("arg: %s\n", *p);
        extra++;
    }
    printf("extra args=%d\n", extra);
    return argc == 1 ? 0 : 10 + extra;
}
