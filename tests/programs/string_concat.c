/* Tests adjacent string literal concatenation, including across lines and with macros. */
#include <stdio.h>
#include <string.h>

#define GREETING "Hello"
#define TARGET "World"
#define STR(x) #x
#define XSTR(x) STR(x)
#define NUM 42

static const char banner[] =
    "==="
    " banner "
    "===";

int main(void) {
    const char *s = "abc" "def" "ghi";
    printf("%s %zu\n", s, strlen(s));
    printf("%s\n", GREETING ", " TARGET "!");
    printf("%s %zu\n", banner, sizeof banner);
    const char *multi = "line1\n"
                        "line2\n"
                        "line3";
    puts(multi);
    printf("stringize: %s %s\n", STR(a + b), XSTR(NUM));
    printf("num=" XSTR(NUM) " and more\n");
    char buf[] = "x" "" "y" "" "";
    printf("buf=%s sizeof=%zu\n", buf, sizeof buf);
    const char *table[] = {
        "one" "-" "1",
        "two" "-" "2",
        "three"
        "-"
        "3",
    };
    for (int i = 0; i < 3; i++) printf("%s\n", table[i]);
    printf("%d\n", (int)sizeof("12" "34" "56"));
    printf("%c\n", ("abc" "def")[4]);
    printf("\x41" "B" "\x43" "\n");
    printf("%s\n", "\101" "\102" "3");
    return 0;
}
