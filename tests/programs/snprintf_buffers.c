/* Tests snprintf/sprintf: truncation, return values (would-be length), size 0 with NULL, building strings incrementally. */
#include <stdio.h>
#include <string.h>

/* hides the buffer size from the compiler's truncation warnings */
static size_t opaque(size_t n) { volatile size_t v = n; return v; }

int main(void) {
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%s-%d", "abc", 12345);
    printf("n=%d buf=[%s]\n", n, buf);
    n = snprintf(buf, opaque(sizeof buf), "%s", "this string is definitely too long");
    printf("n=%d buf=[%s] len=%zu\n", n, buf, strlen(buf));
    n = snprintf(buf, opaque(1), "xyz");
    printf("n=%d buf[0]=%d\n", n, buf[0]);
    n = snprintf(NULL, 0, "%d %s %.3f", -987, "needed", 3.14159);
    printf("would need %d chars\n", n);
    char exact[8];
    n = snprintf(exact, sizeof exact, "%07d", 42);
    printf("n=%d exact=[%s]\n", n, exact);
    n = snprintf(exact, opaque(sizeof exact), "%08d", 42);
    printf("n=%d exact=[%s]\n", n, exact);
    char big[256];
    int len = 0;
    for (int i = 1; i <= 10; i++) len += snprintf(big + len, sizeof big - (size_t)len, "%d^2=%d; ", i, i * i);
    printf("len=%d big=[%s]\n", len, big);
    char sp[64];
    int m = sprintf(sp, "%5.2f|%-6s|%+d|%x", 2.71828, "ok", 17, 255u);
    printf("sprintf returned %d: %s\n", m, sp);
    m = sprintf(sp, "%c%c%c", 'a', 'b', 'c');
    printf("m=%d sp=%s\n", m, sp);
    /* formatting a table into a buffer */
    char table[512];
    size_t off = 0;
    const char *names[] = {"alpha", "beta", "gamma"};
    double vals[] = {1.5, -22.25, 333.125};
    for (int i = 0; i < 3; i++) off += (size_t)snprintf(table + off, sizeof table - off, "|%-8s|%10.3f|%4d|\n", names[i], vals[i], i);
    printf("%s", table);
    printf("table length=%zu\n", off);
    /* snprintf into small buffers repeatedly, checking truncation flag */
    for (size_t sz = 1; sz <= 8; sz++) {
        char tiny[8];
        int r = snprintf(tiny, sz, "%d", 123456);
        printf("sz=%zu r=%d tiny=[%s] truncated=%d\n", sz, r, tiny, r >= (int)sz);
    }
    /* number to string conversions */
    char num[32];
    snprintf(num, sizeof num, "%ld", -9223372036854775807L - 1);
    printf("min long as string: %s (%zu chars)\n", num, strlen(num));
    snprintf(num, sizeof num, "%#llx", 0xFEEDFACECAFEBEEFULL);
    printf("hex: %s\n", num);
    snprintf(num, sizeof num, "%.10e", 1.0 / 7);
    printf("sci: %s\n", num);
    return 0;
}
