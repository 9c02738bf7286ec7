/* Tests string.h functions: strlen, strcpy, strncpy, strcat, strcmp, strncmp, strchr, strrchr, strstr, mem*, strtok. */
#include <stdio.h>
#include <string.h>

static const char *pairs_src(void) { static const char src[] = "abcdef"; return src; }
static int sgn(int x) { return (x > 0) - (x < 0); }

int main(void) {
    char buf[64];
    printf("strlen: %zu %zu %zu\n", strlen(""), strlen("a"), strlen("hello, world"));
    strcpy(buf, "foo");
    strcat(buf, "bar");
    strcat(buf, "");
    strcat(buf, "baz");
    printf("cat: %s (%zu)\n", buf, strlen(buf));
    char n1[8];
    memset(n1, 'X', sizeof n1);
    strncpy(n1, "ab", sizeof n1);   /* pads with zeros */
    printf("strncpy pad:");
    for (int i = 0; i < 8; i++) printf(" %d", n1[i]);
    printf("\n");
    char n2[4];
    const char *long_src = pairs_src();
    volatile size_t n2size = sizeof n2;
    strncpy(n2, long_src, n2size);  /* no terminator */
    printf("strncpy trunc: %c%c%c%c\n", n2[0], n2[1], n2[2], n2[3]);
    const char *pairs[][2] = {{"abc", "abc"}, {"abc", "abd"}, {"abd", "abc"}, {"ab", "abc"}, {"", "a"}, {"Z", "a"}, {"\xff", "a"}};
    for (int i = 0; i < 7; i++)
        printf("strcmp(%d)=%d strncmp2=%d\n", i, sgn(strcmp(pairs[i][0], pairs[i][1])), sgn(strncmp(pairs[i][0], pairs[i][1], 2)));
    const char *s = "the rain in spain stays mainly";
    printf("strchr a: %s\n", strchr(s, 'a'));
    printf("strrchr a: %s\n", strrchr(s, 'a'));
    printf("strchr z null: %d\n", strchr(s, 'z') == NULL);
    printf("strchr nul: offset %td\n", strchr(s, '\0') - s);
    printf("strstr ain: %s\n", strstr(s, "ain"));
    printf("strstr empty: %d\n", strstr(s, "") == s);
    printf("strstr none: %d\n", strstr(s, "plain") == NULL);
    int count = 0;
    for (const char *p = s; (p = strstr(p, "ain")) != NULL; p++) count++;
    printf("ain count=%d\n", count);
    /* memcpy / memmove overlap */
    char m[] = "0123456789";
    memmove(m + 2, m, 5);
    printf("memmove right: %s\n", m);
    strcpy(m, "0123456789");
    memmove(m, m + 3, 7);
    printf("memmove left: %s\n", m);
    char dst[11];
    memcpy(dst, "abcdefghij", 11);
    printf("memcpy: %s\n", dst);
    memset(dst + 2, '-', 5);
    printf("memset: %s\n", dst);
    printf("memcmp: %d %d %d\n", sgn(memcmp("abc", "abd", 3)), sgn(memcmp("abc", "abd", 2)), sgn(memcmp("\x80", "\x01", 1)));
    int ia[4] = {1, 2, 3, 4}, ib[4];
    memcpy(ib, ia, sizeof ia);
    memset(ia, 0, sizeof ia);
    printf("ints: %d %d %d\n", ib[3], ia[3], memcmp(ia, ib, sizeof ia) < 0);
    /* strtok with multiple delimiters */
    char csv[] = "  alpha,beta;;gamma , delta,,";
    int k = 0;
    for (char *tok = strtok(csv, " ,;"); tok; tok = strtok(NULL, " ,;")) printf("tok%d=[%s]\n", k++, tok);
    char path[] = "/usr/local/bin";
    char *part = strtok(path, "/");
    while (part) { printf("part=%s\n", part); part = strtok(NULL, "/"); }
    char nothing[] = ";;;";
    printf("all delims: %d\n", strtok(nothing, ";") == NULL);
    /* manual implementations compared */
    char rev[] = "palindrome";
    size_t L = strlen(rev);
    for (size_t i = 0; i < L / 2; i++) { char t = rev[i]; rev[i] = rev[L - 1 - i]; rev[L - 1 - i] = t; }
    printf("reversed=%s\n", rev);
    char big[128] = "";
    for (int i = 0; i < 10; i++) { char tmp[8]; snprintf(tmp, sizeof tmp, "%d,", i * i); strcat(big, tmp); }
    printf("big=%s len=%zu\n", big, strlen(big));
    printf("strspn-like via strchr: ");
    const char *digits = "0123456789";
    const char *num = "12345abc";
    size_t span = 0;
    while (num[span] && strchr(digits, num[span])) span++;
    printf("%zu\n", span);
    return 0;
}
