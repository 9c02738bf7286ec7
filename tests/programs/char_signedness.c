/* Tests plain char is signed on x86-64 and conversions between char types. */
#include <stdio.h>
#include <limits.h>

int main(void) {
    char c = (char)200;
    printf("(char)200=%d\n", c);
    printf("(unsigned char)-1=%d\n", (unsigned char)-1);
    printf("(signed char)128=%d\n", (signed char)128);
    printf("(signed char)255=%d\n", (signed char)255);
    printf("(char)-129=%d\n", (char)-129);
    printf("CHAR_MIN=%d CHAR_MAX=%d\n", CHAR_MIN, CHAR_MAX);
    printf("SCHAR_MIN=%d SCHAR_MAX=%d UCHAR_MAX=%d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
    printf("c<0: %d\n", c < 0);

    const char *s = "\xff\x80\x7f\x01";
    for (int i = 0; i < 4; i++)
        printf("s[%d]=%d u=%d\n", i, s[i], (unsigned char)s[i]);

    char arr[4] = {-1, -128, 127, 0};
    unsigned sum = 0;
    int ssum = 0;
    for (int i = 0; i < 4; i++) { sum += (unsigned char)arr[i]; ssum += arr[i]; }
    printf("sum=%u ssum=%d\n", sum, ssum);

    /* char in switch */
    char sw = (char)0xE9;
    switch (sw) {
    case -23: puts("negative case matched"); break;
    default: puts("default"); break;
    }
    /* conversions to int via various paths */
    unsigned char uc = 0xE9;
    int i1 = sw, i2 = uc, i3 = (unsigned char)sw, i4 = (signed char)uc;
    printf("%d %d %d %d\n", i1, i2, i3, i4);
    /* char arithmetic */
    char a = 'z';
    a -= 'a';
    printf("z-a=%d\n", a);
    char up = 'q' - 32;
    printf("up=%c\n", up);
    /* character comparisons involving high chars */
    char hi = (char)0xC0;
    printf("hi > 'a': %d\n", hi > 'a');
    printf("(unsigned char)hi > 'a': %d\n", (unsigned char)hi > 'a');
    /* printing with %c of high value via unsigned char is bytes; print hex instead */
    printf("hex: %02x %02x\n", (unsigned char)hi, (unsigned char)c);
    printf("%%hhd of 300 = %hhd, %%hhu of -1 = %hhu\n", (signed char)300, (unsigned char)-1);
    return 0;
}
