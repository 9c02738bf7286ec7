/* Tests integer promotions: small types promote to int in arithmetic, comparisons and sizeof. */
#include <stdio.h>

int main(void) {
    char c = 100;
    signed char sc = -100;
    unsigned char uc = 200;
    short s = 30000;
    unsigned short us = 60000;
    _Bool b = 1;

    printf("c+c=%d\n", c + c);
    printf("uc+uc=%d\n", uc + uc);
    printf("s+s=%d\n", s + s);
    printf("us+us=%d\n", us + us);
    printf("sc*sc=%d\n", sc * sc);
    printf("b+b=%d\n", b + b);
    printf("sizeof(c+c)=%zu\n", sizeof(c + c));
    printf("sizeof(uc)=%zu sizeof(+uc)=%zu\n", sizeof(uc), sizeof(+uc));
    printf("sizeof(s*s)=%zu\n", sizeof(s * s));
    printf("sizeof(b)=%zu sizeof(!b)=%zu\n", sizeof(b), sizeof(!b));
    printf("sizeof('a')=%zu\n", sizeof('a'));

    /* unsigned char promotes to int, so ~uc is negative */
    printf("~uc=%d\n", ~uc);
    printf("-uc=%d\n", -uc);
    printf("uc<<4=%d\n", uc << 4);
    unsigned char r = (unsigned char)(uc << 4);
    printf("(uchar)(uc<<4)=%d\n", r);

    /* comparison after promotion */
    unsigned char x = 255;
    signed char y = -1;
    printf("x==(uchar)y: %d\n", x == (unsigned char)y);
    printf("x==y: %d\n", x == y);
    printf("x>y: %d\n", x > y);

    /* unsigned short promotes to int, not unsigned */
    unsigned short u1 = 1, u2 = 2;
    printf("u1-u2=%d\n", u1 - u2);
    printf("(u1-u2)<0: %d\n", (u1 - u2) < 0);

    /* char arithmetic wraps only on store */
    char cc = 127;
    int wide = cc + 1;
    cc = (char)(cc + 1);
    printf("wide=%d cc=%d\n", wide, cc);

    short sh = -32768;
    int neg = -sh;
    printf("-sh=%d\n", neg);
    sh = (short)-sh;
    printf("(short)-sh=%d\n", sh);

    /* _Bool conversions */
    _Bool b1 = 5, b2 = 0.5, b3 = -1, b4 = 0;
    printf("bools: %d %d %d %d\n", b1, b2, b3, b4);
    b4 = (_Bool)256;
    printf("(_Bool)256=%d\n", b4);

    /* bitwise on promoted chars */
    unsigned char m = 0xF0;
    printf("m^0xFF=%d m|0x0F=%d m&0x3C=%d\n", m ^ 0xFF, m | 0x0F, m & 0x3C);
    printf("(uchar)~m=%d\n", (unsigned char)~m);

    /* character constants are int */
    printf("'A'+1=%d '\\377'=%d\n", 'A' + 1, '\377');
    return 0;
}
