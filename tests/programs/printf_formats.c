/* Tests printf integer/char/string conversions with flags (-+ #0 space), widths, precisions, '*' and length modifiers. */
#include <stdio.h>
#include <stddef.h>

int main(void) {
    int vals[] = {0, 1, -1, 42, -42, 123456, -2147483647 - 1, 2147483647};
    for (int i = 0; i < 8; i++) {
        int v = vals[i];
        printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.4d] [%-+8d] [%i]\n", v, v, v, v, v, v, v, v, v, v);
    }
    unsigned uv[] = {0, 1, 255, 4096, 4294967295u};
    for (int i = 0; i < 5; i++) {
        unsigned v = uv[i];
        printf("[%u] [%x] [%X] [%o] [%#x] [%#X] [%#o] [%08x] [%-8x|] [%.5x] [%#.5x]\n", v, v, v, v, v, v, v, v, v, v, v);
    }
    printf("long: [%ld] [%lu] [%lx] [%lo] [%20ld]\n", -1234567890123L, 18446744073709551615UL, 0xdeadbeefcafeUL, 0777UL, 99L);
    printf("llong: [%lld] [%llu] [%llX] [%+lld]\n", -9223372036854775807LL - 1, 18446744073709551615ULL, 0xABCDEF0123ULL, 5LL);
    printf("short: [%hd] [%hu] [%hx] [%hhd] [%hhu] [%hhx]\n", (short)-5, (unsigned short)65535, (unsigned short)0xBEEF, (signed char)-3, (unsigned char)200, (unsigned char)0xAB);
    printf("size_t: [%zu] [%zx] ptrdiff: [%td]\n", (size_t)12345, (size_t)255, (ptrdiff_t)-77);
    printf("char: [%c] [%3c] [%-3c] [%c%c%c]\n", 'A', 'b', 'c', 'x', 'y', 'z');
    printf("char codes: [%c] [%c]\n", 65, 'a' + 25);
    const char *s = "hello";
    printf("str: [%s] [%10s] [%-10s] [%.3s] [%10.2s] [%-10.4s] [%.0s] [%.10s]\n", s, s, s, s, s, s, s, s);
    printf("star: [%*d] [%-*d] [%.*d] [%*.*d] [%*s] [%.*s]\n", 6, 42, 6, 42, 4, 7, 8, 3, 5, 5, "ab", 2, "xyz");
    printf("neg star width: [%*d]\n", -6, 42);
    printf("percent: [%%] [%%%%] [100%%]\n");
    printf("zero precision zero value: [%.0d] [%.0u] [%.0x] [%#.0o]\n", 0, 0u, 0u, 0u);
    printf("plus and space: [%+5d] [% 5d] [%+05d] [% 05d]\n", 7, 7, 7, 7);
    int r = printf("return value test\n");
    printf("printf returned %d\n", r);
    r = printf("%s", "");
    printf("empty printf returned %d\n", r);
    r = puts("puts line");
    printf("puts nonneg: %d\n", r >= 0);
    r = putchar('Z');
    printf(" putchar returned %d\n", r);
    printf("%d %s %c %u %x %f %e %g\n", 1, "two", '3', 4u, 5u, 6.0, 7.0, 8.0);
    printf("%5.1f|%-8.3e|%+g\n", 3.14159, 0.000123, 100.0);
    return 0;
}
