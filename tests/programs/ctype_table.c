/* Tests ctype.h classification and conversion functions over the whole 0..127 range, summarized per class. */
#include <stdio.h>
#include <ctype.h>

/* wrappers, so the table holds pointers to program functions rather than library functions */
static int w_alnum(int c) { return isalnum(c); }
static int w_alpha(int c) { return isalpha(c); }
static int w_cntrl(int c) { return iscntrl(c); }
static int w_digit(int c) { return isdigit(c); }
static int w_graph(int c) { return isgraph(c); }
static int w_lower(int c) { return islower(c); }
static int w_print(int c) { return isprint(c); }
static int w_punct(int c) { return ispunct(c); }
static int w_space(int c) { return isspace(c); }
static int w_upper(int c) { return isupper(c); }
static int w_xdigit(int c) { return isxdigit(c); }
static int w_blank(int c) { return isblank(c); }

int main(void) {
    const char *names[] = {"alnum", "alpha", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit", "blank"};
    int (*fns[])(int) = {w_alnum, w_alpha, w_cntrl, w_digit, w_graph, w_lower, w_print, w_punct, w_space, w_upper, w_xdigit, w_blank};
    for (int f = 0; f < 12; f++) {
        int count = 0;
        printf("%-6s:", names[f]);
        for (int c = 0; c < 128; c++) {
            if (fns[f](c)) {
                count++;
                if (isprint(c) && c != ' ') putchar(c);
            }
        }
        printf(" (%d)\n", count);
    }
    for (int c = 0; c < 128; c += 16) {
        for (int d = c; d < c + 16; d++) {
            int mask = (isalpha(d) ? 1 : 0) | (isdigit(d) ? 2 : 0) | (isspace(d) ? 4 : 0) | (ispunct(d) ? 8 : 0) | (iscntrl(d) ? 16 : 0);
            printf("%02x ", mask);
        }
        printf("\n");
    }
    const char *s = "Hello, World! 123 xyz";
    for (const char *p = s; *p; p++) putchar(toupper((unsigned char)*p));
    putchar('\n');
    for (const char *p = s; *p; p++) putchar(tolower((unsigned char)*p));
    putchar('\n');
    printf("toupper non-letters: %d %d %d\n", toupper('1'), toupper(' '), tolower('@'));
    printf("EOF handling: %d %d\n", isalpha(EOF) != 0, toupper(EOF));
    /* high (non-ASCII) bytes in C locale */
    int high = 0;
    for (int c = 128; c < 256; c++) if (isalpha(c) || isprint(c) || isspace(c)) high++;
    printf("high classified=%d\n", high);
    /* word count with isspace */
    const char *text = "  The\tquick\nbrown  fox\v\fjumps  ";
    int words = 0, in = 0;
    for (const char *p = text; *p; p++) {
        if (isspace((unsigned char)*p)) in = 0;
        else if (!in) { in = 1; words++; }
    }
    printf("words=%d\n", words);
    /* hex parse using isxdigit */
    const char *hex = "1aF9zz";
    unsigned v = 0;
    for (const char *p = hex; isxdigit((unsigned char)*p); p++)
        v = v * 16 + (unsigned)(isdigit((unsigned char)*p) ? *p - '0' : tolower((unsigned char)*p) - 'a' + 10);
    printf("hex=%u\n", v);
    return 0;
}
