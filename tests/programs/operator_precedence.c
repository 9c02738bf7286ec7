/* Tests operator precedence and associativity (only combinations gcc -Wall does not flag with -Wparentheses). */
#include <stdio.h>

int main(void) {
    int a = 5, b = 3, c = 2, d = 7;
    printf("a+b*c=%d (a+b)*c=%d\n", a + b * c, (a + b) * c);
    printf("a-b-c=%d a-(b-c)=%d\n", a - b - c, a - (b - c));
    printf("d/c*b=%d d/(c*b)=%d\n", d / c * b, d / (c * b));
    printf("d%%b*c=%d\n", d % b * c);
    printf("!a+1=%d !(a+1)=%d\n", !a + 1, !(a + 1));
    printf("-a*-b=%d ~a+1=%d -~a=%d ~-a=%d\n", -a * -b, ~a + 1, -~a, ~-a);
    printf("a>b?c:d+1=%d\n", a > b ? c : d + 1);
    printf("a<b?c:a>d?b:d=%d\n", a < b ? c : a > d ? b : d);
    int x, y, z;
    x = y = z = 4;
    printf("x=%d y=%d z=%d\n", x, y, z);
    x += y -= z *= 2;
    printf("x=%d y=%d z=%d\n", x, y, z);
    int arr[] = {10, 20, 30};
    int *p = arr;
    printf("*p+1=%d *(p+1)=%d\n", *p + 1, *(p + 1));
    int v = *p++ + 5;
    printf("v=%d *p=%d\n", v, *p);
    struct s { int m[3]; } st = {{1, 2, 3}}, *sp = &st;
    printf("sp->m[1]*2=%d -sp->m[2]=%d\n", sp->m[1] * 2, -sp->m[2]);
    printf("sizeof a+1=%zu sizeof(a+1)=%zu\n", sizeof a + 1, sizeof(a + 1));
    printf("(char)300+1=%d\n", (char)300 + 1);
    printf("(double)a/b=%.4f (double)(a/b)=%.4f\n", (double)a / b, (double)(a / b));
    printf("a>>1<<1=%d\n", a >> 1 << 1);
    printf("a-b>0&&c=%d\n", a - b > 0 && c);
    printf("a==5==1: %d\n", (a == 5) == 1);
    printf("10-2-3*2/4%%3=%d\n", 10 - 2 - 3 * 2 / 4 % 3);
    int q = 1;
    q = q++ ? 100 : 200;
    printf("q=%d\n", q);
    int w = (x = a, y = b, c);
    printf("w=%d\n", w);
    printf("a&1?\"odd\":\"even\" -> %s\n", a & 1 ? "odd" : "even");
    printf("(1<<2)+1=%d 1<<(2+1)=%d\n", (1 << 2) + 1, 1 << (2 + 1));
    printf("a+b<<1=%d\n", (a + b) << 1);
    printf("a<b+c=%d a*b>c+d=%d a-b>=c=%d\n", a < b + c, a * b > c + d, a - b >= c);
    printf("a==5&&b!=3=%d a!=5||b==3=%d\n", a == 5 && b != 3, a != 5 || b == 3);
    printf("a&&b&&c=%d a||b||0=%d 0&&a||... via nested: %d\n", a && b && c, a || b || 0, (0 && a) || (b && c));
    printf("a*b%%c=%d a%%b*c=%d -a%%b=%d\n", a * b % c, a % b * c, -a % b);
    int apb = a+++b;   /* parsed as (a++) + b */
    printf("a+++b -> %d then a=%d\n", apb, a);
    a--;
    printf("mixed unary: %d %d %d\n", - -a, !!b, ~~c);
    return 0;
}
