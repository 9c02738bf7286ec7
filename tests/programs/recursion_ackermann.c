/* Tests deep and branching recursion: Ackermann, Fibonacci, Hanoi, permutations, power set, McCarthy 91. */
#include <stdio.h>

static unsigned long ack(unsigned long m, unsigned long n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static int hanoi_moves;
static void hanoi(int n, char from, char to, char via) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    hanoi_moves++;
    if (n >= 4) printf("move disk %d %c->%c\n", n, from, to);
    hanoi(n - 1, via, to, from);
}

static void permute(char *s, int k, int n, int *count) {
    if (k == n) { (*count)++; if (*count <= 8 || *count > 22) printf("%s\n", s); return; }
    for (int i = k; i < n; i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, n, count);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

static void subsets(const int *set, int n, int idx, int *chosen, int nc) {
    if (idx == n) {
        printf("{");
        for (int i = 0; i < nc; i++) printf("%s%d", i ? "," : "", chosen[i]);
        printf("} ");
        return;
    }
    subsets(set, n, idx + 1, chosen, nc);
    chosen[nc] = set[idx];
    subsets(set, n, idx + 1, chosen, nc + 1);
}

static int mc91(int n) { return n > 100 ? n - 10 : mc91(mc91(n + 11)); }
static int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }
static long gcd(long a, long b) { return b == 0 ? a : gcd(b, a % b); }
static long power(long b, int e) { if (e == 0) return 1; long h = power(b, e / 2); return e % 2 ? h * h * b : h * h; }

int main(void) {
    for (unsigned long m = 0; m <= 3; m++)
        for (unsigned long n = 0; n <= 4; n++) printf("ack(%lu,%lu)=%lu\n", m, n, ack(m, n));
    printf("fib(20)=%ld\n", fib(20));
    hanoi(5, 'A', 'C', 'B');
    printf("hanoi moves=%d\n", hanoi_moves);
    char s[] = "abcd";
    int count = 0;
    permute(s, 0, 4, &count);
    printf("perms=%d\n", count);
    int set[] = {1, 2, 3}, chosen[3];
    subsets(set, 3, 0, chosen, 0);
    printf("\n");
    for (int i = 80; i <= 110; i += 6) printf("mc91(%d)=%d\n", i, mc91(i));
    printf("depth(10000)=%d\n", depth(10000));
    printf("gcd=%ld %ld\n", gcd(1071, 462), gcd(2147483647L * 6, 2147483647L * 4));
    printf("power=%ld %ld\n", power(3, 13), power(2, 62));
    return 0;
}
