/* Tests float vs double arithmetic: single-precision rounding, accumulation error, comparisons, infinities, NaN checks. */
#include <stdio.h>

static float fsum(int n) { float s = 0; for (int i = 0; i < n; i++) s += 0.01f; return s; }
static double dsum(int n) { double s = 0; for (int i = 0; i < n; i++) s += 0.01; return s; }

int main(void) {
    printf("fsum(1000)=%.6f dsum(1000)=%.12f\n", fsum(1000), dsum(1000));
    float a = 16777216.0f;
    float b = a + 1.0f;
    printf("2^24+1 in float: %.1f equal=%d\n", b, a == b);
    double da = 9007199254740992.0;
    printf("2^53+1 in double: %.1f\n", da + 1.0);
    float third = 1.0f / 3.0f;
    printf("third=%.9f third*3=%.9f\n", third, third * 3.0f);
    float f1 = 0.1f, f2 = 0.2f, f3 = f1 + f2;
    printf("f3=%.9f f3==0.3f: %d\n", f3, f3 == 0.3f);
    double inf = 1e308 * 10.0;
    double ninf = -inf;
    printf("inf>1e308: %d ninf<-1e308: %d inf==inf+1: %d\n", inf > 1e308, ninf < -1e308, inf == inf + 1);
    printf("inf: %f %e %g\n", inf, ninf, inf);
    volatile double zero = 0.0;
    double nan = zero / zero;
    printf("nan!=nan: %d nan<1: %d nan>1: %d nan==nan: %d\n", nan != nan, nan < 1, nan > 1, nan == nan);
    printf("1/inf=%f -1/inf=%f\n", 1 / inf, -1 / inf);
    printf("1/+0=%f 1/-0=%f\n", 1 / zero, 1 / -zero);
    /* Kahan summation vs naive */
    double naive = 0, sum = 0, comp = 0;
    for (int i = 0; i < 100000; i++) {
        double x = 0.1;
        naive += x;
        double y = x - comp;
        double t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    }
    printf("naive=%.10f kahan=%.10f\n", naive, sum);
    /* float division and multiplication rounding */
    float fx = 10.0f;
    for (int i = 0; i < 5; i++) fx = fx / 3.0f * 2.0f;
    printf("fx=%.8f\n", fx);
    double dx = 10.0;
    for (int i = 0; i < 5; i++) dx = dx / 3.0 * 2.0;
    printf("dx=%.15f\n", dx);
    /* mixed float/double expression promotes float */
    float ff = 1.1f;
    double mixed = ff * 1.1;
    printf("mixed=%.15f\n", mixed);
    float narrowed = (float)(1.1 * 1.1);
    printf("narrowed=%.9f\n", narrowed);
    /* comparisons of floats with ints */
    printf("0.5f<1: %d 3.0f==3: %d -0.0==0.0: %d\n", 0.5f < 1, 3.0f == 3, -0.0 == 0.0);
    /* loop with float counter */
    int count = 0;
    for (float t = 0.0f; t < 1.0f; t += 0.125f) count++;
    printf("count=%d\n", count);
    /* integer to float precision loss */
    int big = 123456789;
    float fb = (float)big;
    printf("fb=%.1f diff=%d\n", fb, big - (int)fb);
    /* compound float ops */
    double acc = 1;
    acc *= 1.5; acc /= 0.25; acc -= 2.5; acc += 1e-3;
    printf("acc=%.6f\n", acc);
    return 0;
}
