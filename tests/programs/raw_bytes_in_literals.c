/* Bytes that are not UTF-8 in string and character literals stay those bytes. */
#include <stdio.h>
#include <string.h>
int main(void) { const char *s = "aÿþ" "b"; printf("%zu %d %d\n", strlen(s), (unsigned char)s[1], (unsigned char)s[2]); char c = 'ÿ'; printf("%d\n", c); return 0; }
