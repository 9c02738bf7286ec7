/* Tests char arrays: initialization from literals, modification, manual string ops, arrays of char arrays, and sizeof vs strlen. */
#include <stdio.h>
#include <string.h>

static void to_upper(char *s) { for (; *s; s++) if (*s >= 'a' && *s <= 'z') *s = (char)(*s - 32); }
static int is_palindrome(const char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n / 2; i++) if (s[i] != s[n - 1 - i]) return 0;
    return 1;
}
static void caesar(char *s, int k) {
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') *s = (char)('a' + (*s - 'a' + k) % 26);
        else if (*s >= 'A' && *s <= 'Z') *s = (char)('A' + (*s - 'A' + k) % 26);
    }
}
static size_t my_strlen(const char *s) { const char *p = s; while (*p) p++; return (size_t)(p - s); }
static char *my_strcpy(char *d, const char *s) { char *r = d; while ((*d++ = *s++)) {} return r; }
static void rstrip(char *s) { size_t n = strlen(s); while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) s[--n] = '\0'; }

int main(void) {
    char s1[] = "hello";
    char s2[10] = "hi";
    char s3[] = {'a', 'b', 'c', '\0'};
    char s4[5] = "";
    printf("sizeof: %zu %zu %zu %zu strlen: %zu %zu %zu %zu\n", sizeof s1, sizeof s2, sizeof s3, sizeof s4, strlen(s1), strlen(s2), strlen(s3), strlen(s4));
    s1[0] = 'j';
    printf("s1=%s\n", s1);
    to_upper(s1);
    printf("upper=%s\n", s1);
    const char *cands[] = {"racecar", "level", "hello", "a", "", "abba", "abca"};
    for (int i = 0; i < 7; i++) printf("\"%s\" palindrome=%d\n", cands[i], is_palindrome(cands[i]));
    char msg[] = "Hello, World!";
    caesar(msg, 3);
    printf("caesar+3=%s\n", msg);
    caesar(msg, 23);
    printf("back=%s\n", msg);
    char copy[32];
    my_strcpy(copy, "copied text");
    printf("copy=%s len=%zu\n", copy, my_strlen(copy));
    char padded[] = "trailing   \n\n";
    rstrip(padded);
    printf("[%s]\n", padded);
    char words[4][8] = {"one", "two", "three", "four"};
    for (int i = 0; i < 4; i++) printf("%s(%zu) ", words[i], strlen(words[i]));
    printf("\n");
    strcpy(words[1], "TWO");
    words[2][2] = '\0';
    for (int i = 0; i < 4; i++) printf("%s ", words[i]);
    printf("\n");
    /* counting letters */
    int counts[26] = {0};
    const char *text = "the quick brown fox jumps over the lazy dog";
    for (const char *p = text; *p; p++) if (*p >= 'a' && *p <= 'z') counts[*p - 'a']++;
    for (int i = 0; i < 26; i++) if (counts[i] > 1) printf("%c=%d ", 'a' + i, counts[i]);
    printf("\n");
    /* building a string char by char */
    char built[27];
    for (int i = 0; i < 26; i++) built[i] = (char)('z' - i);
    built[26] = '\0';
    printf("built=%s\n", built);
    /* embedded NUL */
    char emb[] = "abc\0def";
    printf("emb strlen=%zu sizeof=%zu second=%s\n", strlen(emb), sizeof emb, emb + 4);
    /* comparing char arrays */
    char a[] = "apple", b[] = "apple";
    printf("a==b (contents): %d\n", strcmp(a, b) == 0);
    /* int to string manually */
    int v = -40213;
    char digits[16];
    int pos = 0, neg = v < 0;
    unsigned uv = neg ? 0u - (unsigned)v : (unsigned)v;
    do { digits[pos++] = (char)('0' + uv % 10); uv /= 10; } while (uv);
    if (neg) digits[pos++] = '-';
    digits[pos] = '\0';
    for (int i = 0; i < pos / 2; i++) { char t = digits[i]; digits[i] = digits[pos - 1 - i]; digits[pos - 1 - i] = t; }
    printf("itoa=%s\n", digits);
    return 0;
}
