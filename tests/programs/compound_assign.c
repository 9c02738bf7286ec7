/* Tests all compound assignment operators on various types, including implicit narrowing and pointer += / -=. */
#include <stdio.h>

int main(void) {
    int a = 100;
    a += 5;  printf("+= %d\n", a);
    a -= 20; printf("-= %d\n", a);
    a *= 3;  printf("*= %d\n", a);
    a /= 7;  printf("/= %d\n", a);
    a %= 10; printf("%%= %d\n", a);
    a <<= 4; printf("<<= %d\n", a);
    a >>= 2; printf(">>= %d\n", a);
    a &= 0x1C; printf("&= %d\n", a);
    a |= 0x41; printf("|= %d\n", a);
    a ^= 0xFF; printf("^= %d\n", a);
    int neg = -17;
    neg /= 4; printf("-17/=4 -> %d\n", neg);
    neg = -17; neg %= 4; printf("-17%%=4 -> %d\n", neg);
    neg = -64; neg >>= 3; printf("-64>>=3 -> %d\n", neg);
    /* narrowing: computed in int then converted back */
    unsigned char uc = 250;
    uc += 10; printf("uc=%d\n", uc);
    uc *= 3; printf("uc=%d\n", uc);
    signed char sc = 100;
    sc += 100; printf("sc=%d\n", sc);
    short sh = 1000;
    sh *= 100; printf("sh=%d\n", sh);
    /* int op= double */
    int id = 10;
    id *= 2.75; printf("id=%d\n", id);
    id += 0.9; printf("id=%d\n", id);
    id /= 0.5; printf("id=%d\n", id);
    double d = 1.5;
    d += 2; d *= d; d -= 0.25; d /= 2;
    printf("d=%.4f\n", d);
    float f = 10;
    f /= 4; f -= 0.125f;
    printf("f=%.4f\n", f);
    /* unsigned op= negative int */
    unsigned u = 10;
    u += -3; printf("u=%u\n", u);
    u -= 8; printf("u=%u\n", u);
    unsigned long ul = 5;
    ul *= -1L; printf("ul=%lu\n", ul);
    /* pointers */
    int arr[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int *p = arr;
    p += 7; printf("*p=%d\n", *p);
    p -= 3; printf("*p=%d\n", *p);
    /* compound assignment on array elements and struct members */
    struct { int v; double w; } s = {3, 0.5};
    s.v <<= 3; s.w *= s.v;
    printf("s.v=%d s.w=%.2f\n", s.v, s.w);
    int idx = 2;
    arr[idx] += arr[idx + 1] *= 2;
    printf("arr[2]=%d arr[3]=%d\n", arr[2], arr[3]);
    /* chain of compound assigns: right to left */
    int x = 2, y = 3, z = 4;
    x += y *= z -= 1;
    printf("x=%d y=%d z=%d\n", x, y, z);
    /* result value of compound assignment */
    int r = (a = 5) + (a += 0, 0);
    printf("r=%d\n", r);
    long long big = 1;
    for (int i = 0; i < 62; i++) big <<= 1;
    printf("big=%lld\n", big);
    big |= 1; big ^= 3;
    printf("big=%lld\n", big);
    _Bool b = 0;
    b += 2; printf("b=%d\n", b);
    b -= 1; printf("b=%d\n", b);
    char ch = 'a';
    ch += 'A' - 'a';
    printf("ch=%c\n", ch);
    return 0;
}
