/* long double in control flow: loop conditions, ?:, setjmp, statics, compound literals, _Generic */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static long double g = 2.0L;
static long double scaled(void) { return g * 1.5L; }
long double from_call; /* assigned at run time */
static jmp_buf jb;

static long double next_power(void) {
    static long double c = 0.5L;
    c *= 2;
    return c;
}

static const char *kind(long double x) {
    return x < 0 ? "negative" : x == 0 ? "zero" : x < 1 ? "fraction" : "large";
}

int main(void) {
    long double *cp = &(long double){3.5L};
    *cp += 0.25L;
    printf("%Lg\n", *cp);
    printf("%d %d %d\n", _Generic(1.0L, long double: 1, double: 2, default: 3),
           _Generic(1.0L + 1, long double: 1, default: 3), _Generic(1.0 + 1, long double: 1, default: 3));
    from_call = scaled();
    printf("%Lg\n", from_call);

    for (long double x = 0; x < 1; x += 0.25L)
        printf("%Lg ", x);
    printf("\n");
    long double y = 10;
    int steps = 0;
    while (y > 1e-3L) {
        y /= 7;
        steps++;
    }
    printf("%d %.21Lg\n", steps, y);
    do
        y *= 3;
    while (y < 100);
    printf("%.21Lg\n", y);
    long double t = 1;
    while (t)
        t /= 1e100L;
    printf("underflowed to %Lg\n", t);

    volatile long double v = 1.0L;
    int n = setjmp(jb);
    v += n;
    if (n < 3)
        longjmp(jb, n + 1);
    printf("after longjmp %Lg\n", v);

    long double p1 = next_power();
    long double p2 = next_power();
    long double p3 = next_power();
    printf("%Lg %Lg %Lg\n", p1, p2, p3);

    long double m[2][3] = {{1, 2, 3}, {4, 5, 6}};
    long double tot = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            tot += m[i][j] * (i + 1);
    printf("%Lg\n", tot);
    int cnt = 0;
    for (int i = 0; i < 3; i++)
        cnt += m[0][i] > 2.5L ? 10 : m[0][i] == 2 ? 1 : 0;
    printf("%d\n", cnt);
    printf("%s %s %s %s\n", kind(-1), kind(0), kind(0.5L), kind(1e30L));

    struct {
        long double x;
        int tag;
    } s1 = {1, 7}, s2;
    s2 = s1;
    s2.x += 1;
    printf("%Lg %Lg %d %d\n", s1.x, s2.x, s2.tag, memcmp(&s1.x, &s2.x, 10) != 0);
    long double z = -0.0L;
    printf("%Lg %Lg %d\n", z, -z, z == 0);

    switch ((int)(m[1][2] / 4)) {
    case 1:
        printf("case 1\n");
        break;
    default:
        printf("default\n");
    }
    return 0;
}
