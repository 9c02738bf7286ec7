// 32-bit integer arithmetic whose 64-bit intermediate would differ from its 32-bit value
// (the baseline tier leaves such intermediates unnormalized where only the low 32 bits
// are read): every kind of consumer of a wrapped sum or product, unsigned so that the
// wrapping is defined.
#include <stdio.h>

static unsigned long long mix = 0;
static void add(unsigned long long v) { mix = (mix ^ v) * 1099511628211ULL; }

static unsigned id_u(unsigned x) { return x; }
static unsigned long widen_u(unsigned x) { return x; }
static long widen_i(int x) { return x; }
static int narrow_sum(int a, int b) { return a + b; }
static unsigned stored;
static unsigned char bytes[8];
static short shorts[4];

static void check(unsigned x, unsigned y, int i, int j) {
  unsigned s = x + y, p = x * y;
  add(s);
  add(p);
  add(x + y > y);                    // comparison of a wrapped sum
  add((x + y) / 3u);                 // division
  add((x * y) % 1000u);              // remainder
  add((x + y) >> 3);                 // right shift
  add((x * y) << 5);                 // left shift
  add((unsigned long)(x + y));       // widening cast
  add((unsigned long)(x * y) * 2);   // widening cast, then 64-bit arithmetic
  add(id_u(x + y));                  // argument
  add(widen_u(x * y + 7u));          // argument, widened by the callee
  add(widen_i((int)(x * 3u)));       // signed argument
  add(narrow_sum((int)(x + y), (int)(x - y)));
  stored = x * y + x;                // store
  add(stored);
  bytes[(x + y) & 7] = (unsigned char)(x * y + 1u); // index and narrowing store
  shorts[(x ^ y) & 3] = (short)(x * 5u);
  add(bytes[(x + y) & 7]);
  add((unsigned long)shorts[(x ^ y) & 3]);
  add((x + y) ? 1 : 2);              // truth value
  add(!(x * y));
  add((x + y) == (y + x));
  add((unsigned char)(x + y) + (signed char)(x * y));
  add((unsigned short)(x * y) - (short)(x + y));
  add(-(x + y));
  add(~(x * y));
  add((x + y) & (x * y) | (x ^ y));
  add((long)(int)(x + y));           // signed view of a wrapped sum
  add((double)(x + y));              // conversion to double
  add((double)(int)(x * y));
  unsigned long big = (unsigned long)x * y;  // 64-bit product of 32-bit operands
  add(big);
  int k = i * j + i;                 // signed, without overflow
  add((unsigned long)(long)k);
  add((unsigned long)(long)(i - j) * 3);
  add((unsigned long)(long)((i - j) >> 1));
  add((unsigned long)(long)((i * j) / 7));
  add((unsigned long)(long)((int)(x + y) / 2));   // signed division by powers of two
  add((unsigned long)(long)((int)(x * y) / 8));
  add((unsigned long)(long)((int)(x - y) % 4));
  add((unsigned long)(long)((i * j + i) / 16));
  add((unsigned long)(long)((i - j) % 2));
  add((x + y) / 4u);                                // unsigned
  add((x * y) % 8u);
  add((double)((int)(x + y) + i));                  // int to double
  int si = i & 1023, sj = j & 1023; // the spectral-norm entry, without overflow
  add((unsigned long)(long)(1.0 / ((si + sj) * (si + sj + 1) / 2 + si + 1) * 1e9));
  unsigned acc = 0;
  for (unsigned n = 0; n < 100; n++)
    acc = acc * 31u + (x + n) * (y - n);
  add(acc);
  printf("%u %u %d %d: %u %u %lu %ld %d\n", x, y, i, j, s, p, (unsigned long)(x + y),
         (long)(int)(x * y), narrow_sum(i, j));
}

int main(void) {
  unsigned xs[] = {0, 1, 2, 3, 0x7fffffffu, 0x80000000u, 0xffffffffu, 4000000000u, 123456789u,
                   3000000000u};
  int is[] = {0, 1, -1, 46340, -46340, 1000, -99999, 65535};
  for (unsigned a = 0; a < sizeof xs / sizeof *xs; a++)
    for (unsigned b = 0; b < sizeof xs / sizeof *xs; b++)
      check(xs[a], xs[b], is[(a + b) % 8], is[(a * 3 + b) % 8]);
  printf("mix %llu\n", mix);
  return 0;
}
