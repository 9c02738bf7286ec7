/* Tests text processing over a static multi-line string: line/word/char counts, longest word, letter histogram, capitalization. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static const char text[] =
    "It was the best of times, it was the worst of times,\n"
    "it was the age of wisdom, it was the age of foolishness,\n"
    "it was the epoch of belief, it was the epoch of incredulity,\n"
    "it was the season of Light, it was the season of Darkness.\n";

int main(void) {
    int lines = 0, words = 0, chars = 0, in_word = 0, punct = 0;
    char longest[32] = "", cur[32];
    size_t curlen = 0;
    int hist[26] = {0};
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        chars++;
        if (c == '\n') lines++;
        if (ispunct(c)) punct++;
        if (isalpha(c)) {
            hist[tolower(c) - 'a']++;
            if (!in_word) { in_word = 1; words++; curlen = 0; }
            if (curlen < sizeof cur - 1) cur[curlen++] = (char)c;
        } else if (in_word) {
            in_word = 0;
            cur[curlen] = '\0';
            if (strlen(cur) > strlen(longest)) strcpy(longest, cur);
        }
    }
    printf("lines=%d words=%d chars=%d punct=%d longest=%s\n", lines, words, chars, punct, longest);
    int maxc = 0;
    for (int i = 0; i < 26; i++) if (hist[i] > maxc) maxc = hist[i];
    for (int i = 0; i < 26; i++) {
        if (!hist[i]) continue;
        printf("%c %3d ", 'a' + i, hist[i]);
        for (int k = 0; k < hist[i] * 40 / maxc; k++) putchar('#');
        putchar('\n');
    }
    /* title-case each line */
    char buf[sizeof text];
    memcpy(buf, text, sizeof text);
    int start = 1;
    for (char *p = buf; *p; p++) {
        if (isalpha((unsigned char)*p)) { if (start) *p = (char)toupper((unsigned char)*p); start = 0; }
        else start = 1;
    }
    printf("%s", buf);
    /* count occurrences of "it was" case-insensitively */
    int occ = 0;
    for (const char *p = text; *p; p++) {
        if (tolower((unsigned char)p[0]) == 'i' && p[1] == 't' && strncmp(p + 2, " was", 4) == 0) occ++;
    }
    printf("'it was' occurrences=%d\n", occ);
    /* reverse words of first line */
    char first[80];
    const char *nl = strchr(text, '\n');
    size_t n = (size_t)(nl - text);
    memcpy(first, text, n);
    first[n] = '\0';
    char *ws[20];
    int nw = 0;
    for (char *t = strtok(first, " "); t && nw < 20; t = strtok(NULL, " ")) ws[nw++] = t;
    for (int i = nw - 1; i >= 0; i--) printf("%s%s", ws[i], i ? " " : "\n");
    return 0;
}
