/* Tests every escape sequence in character and string literals (printed as numeric codes). */
#include <stdio.h>
#include <string.h>

static void dump(const char *label, const char *s, size_t n) {
    printf("%s:", label);
    for (size_t i = 0; i < n; i++) printf(" %d", (unsigned char)s[i]);
    printf("\n");
}

int main(void) {
    printf("chars: %d %d %d %d %d %d %d %d %d %d %d %d %d\n",
           '\a', '\b', '\f', '\n', '\r', '\t', '\v', '\\', '\'', '\"', '\?', '\0', '"');
    printf("octal: %d %d %d %d %d\n", '\1', '\12', '\101', '\177', '\377');
    printf("hex: %d %d %d %d\n", '\x0', '\x41', '\x7f', '\xff');
    const char s1[] = "\a\b\f\n\r\t\v\\\'\"\?";
    dump("s1", s1, sizeof s1);
    const char s2[] = "\0abc";
    printf("sizeof s2=%zu strlen=%zu\n", sizeof s2, strlen(s2));
    dump("s2", s2, sizeof s2);
    const char s3[] = "\1234";      /* octal escape stops after 3 digits: \123 then '4' */
    dump("s3", s3, sizeof s3);
    const char s4[] = "\x41" "BC";  /* concatenation ends hex escape */
    dump("s4", s4, sizeof s4);
    const char s5[] = "\18\7";      /* \1 then '8', then \7 */
    dump("s5", s5, sizeof s5);
    const char s6[] = "tab\there";
    printf("%s|\n", s6);
    printf("quote: \"in quotes\" and 'single' and \\backslash\\\n");
    printf("question: ??\?=\n");
    printf("percent: 100%%\n");
    printf("bell-free line with \\a escaped\n");
    printf("carriage: abc\rX\n");
    printf("backspace: ab\bc\n");
    printf("vtab/ff: [\v] [\f]\n");
    const char *empty = "";
    printf("empty len=%zu first=%d\n", strlen(empty), empty[0]);
    char arr[] = {'h', 'i', '\0', 'x'};
    printf("arr=%s sizeof=%zu\n", arr, sizeof arr);
    printf("%s\n", "multi\n\tline\n\t\tstring");
    printf("sizeof \"abc\"=%zu sizeof \"\\n\"=%zu sizeof \"\\x00\\x00\"=%zu\n", sizeof "abc", sizeof "\n", sizeof "\x00\x00");
    printf("\"abc\"[1]=%c *\"xyz\"=%c\n", "abc"[1], *"xyz");
    return 0;
}
