// sqrt and fabs of the C library, which the baseline tier compiles inline: the results,
// errno for a negative argument, NaN, infinities, signed zeros, and a user function
// named like neither.
#include <errno.h>
#include <math.h>
#include <stdio.h>

static double vals[] = {0.0, -0.0, 1.0, 2.0, 0.25, 1e308, 1e-310, -1.0, -1e-300, 16.0, 3.0};

static double hyp(double x, double y) { return sqrt(x * x + y * y); }

int main(void) {
  double sum = 0;
  for (int i = 0; i < 11; i++) {
    errno = 0;
    double r = sqrt(vals[i]);
    int e = errno;
    printf("sqrt(%g) = %.17g (nan %d, sign %d) errno %s\n", vals[i], r, isnan(r) != 0,
           signbit(r) != 0, e == EDOM ? "EDOM" : e == 0 ? "0" : "other");
    printf("fabs(%g) = %.17g sign %d\n", vals[i], fabs(vals[i]), signbit(fabs(vals[i])) != 0);
    if (!isnan(r))
      sum += r;
  }
  double inf = 1.0 / 0.0, nan = 0.0 / 0.0;
  printf("%g %g %d %d\n", sqrt(inf), fabs(-inf), isnan(sqrt(nan)), isnan(fabs(nan)));
  printf("%d\n", signbit(fabs(-nan)) != 0);
  for (int i = 0; i < 1000; i++)
    sum += hyp(i, i + 1) + fabs(i - 500.5);
  printf("%.10f\n", sum);
  float f = 2.0f;
  printf("%.7f\n", sqrt(f));
  return 0;
}
