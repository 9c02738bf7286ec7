// GCC's library builtins with nothing declared (no #include at all): __builtin_printf, the malloc, string, memory, math (double, float and long double), abs and ctype families, exit.
typedef __SIZE_TYPE__ size_t;
typedef __builtin_va_list va_list;

static int say(const char *fmt, ...) {
    va_list ap;
    __builtin_va_start(ap, fmt);
    int n = __builtin_vprintf(fmt, ap);
    __builtin_va_end(ap);
    return n;
}

static int format(char *buf, size_t size, const char *fmt, ...) {
    va_list ap;
    __builtin_va_start(ap, fmt);
    int n = __builtin_vsnprintf(buf, size, fmt, ap);
    __builtin_va_end(ap);
    return n;
}

static void strings(void) {
    char buf[64];
    char *p = __builtin_malloc(32);
    __builtin_strcpy(p, "hello");
    __builtin_strcat(p, ", world");
    __builtin_printf("%s %zu %d %d\n", p, __builtin_strlen(p), __builtin_strcmp(p, "hello") > 0,
                     __builtin_strncmp(p, "help", 3));
    __builtin_printf("[%s] [%s] [%s] [%s]\n", __builtin_strchr(p, 'o'), __builtin_strrchr(p, 'o'),
                     __builtin_strstr(p, "wor"), __builtin_strpbrk(p, " ,"));
    __builtin_printf("%zu %zu\n", __builtin_strspn(p, "hel"), __builtin_strcspn(p, ","));
    __builtin_printf("[%s] [%s]\n", __builtin_index(p, 'l'), __builtin_rindex(p, 'l'));
    char *d = __builtin_strdup(p);
    char *n = __builtin_strndup(p, 4);
    __builtin_printf("%s %s %zu\n", d, n, __builtin_strnlen(d, 3));
    __builtin_free(d);
    __builtin_free(n);
    p = __builtin_realloc(p, 128);
    __builtin_strncat(p, "!!!", 2);
    __builtin_strncpy(buf, p, sizeof buf);
    __builtin_puts(buf);
    char *end = __builtin_stpcpy(buf, "abc");
    __builtin_stpcpy(end, "def");
    __builtin_puts(buf);
    __builtin_free(p);

    int *v = __builtin_calloc(8, sizeof(int));
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += v[i];
    __builtin_memset(v, 0xff, 2 * sizeof(int));
    __builtin_printf("calloc %d memset %d %d\n", sum, v[0], v[2]);
    int w[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    __builtin_memcpy(v, w, sizeof w);
    __builtin_memmove(v + 1, v, 4 * sizeof(int));
    __builtin_printf("%d %d %d %d %d\n", v[0], v[1], v[2], v[4], v[5]);
    __builtin_printf("%d %d %d\n", __builtin_memcmp(v, w, sizeof(int)) == 0,
                     __builtin_memcmp(v, w, 2 * sizeof(int)) < 0, __builtin_bcmp(v, v, 8) == 0);
    __builtin_printf("%d\n", *(int *)__builtin_memchr(w, 5, sizeof w));
    __builtin_bzero(v, sizeof w);
    __builtin_bcopy(w + 6, v, 2 * sizeof(int));
    __builtin_printf("%d %d %d\n", v[0], v[1], v[2]);
    __builtin_free(v);
    char *a = __builtin_alloca(16);
    __builtin_sprintf(a, "%d-%s", 42, "x");
    __builtin_puts(a);
    __builtin_snprintf(buf, 6, "%s", "truncated");
    __builtin_puts(buf);
    format(buf, sizeof buf, "%05.1f|%-4d|%c", 3.14159, 7, 'z');
    say("say %s %d\n", buf, 99);
}

// The one declaration: a stream for the functions that take one.
extern void *stdout;

static void streams(void) {
    __builtin_fputs("fputs ", stdout);
    __builtin_fputc('c', stdout);
    __builtin_putc('\n', stdout);
    __builtin_fprintf(stdout, "fprintf %d %s\n", 12, "ab");
    __builtin_fwrite("fwrite\n", 1, 7, stdout);
}

static void math(void) {
    volatile double x = 2.0, y = -3.75, z = 0.5;
    volatile float f = 2.0f;
    volatile long double l = 2.0L;
    __builtin_printf("%.12g %.12g %.12g\n", __builtin_sqrt(x), __builtin_sin(z), __builtin_cos(z));
    __builtin_printf("%.12g %.12g %.12g\n", __builtin_pow(x, 10), __builtin_exp(z), __builtin_log(x));
    __builtin_printf("%g %g %g %g\n", __builtin_fabs(y), __builtin_floor(y), __builtin_ceil(y),
                     __builtin_fmod(7.5, x));
    __builtin_printf("%g %g %g %g\n", __builtin_round(y), __builtin_trunc(y), __builtin_copysign(x, y),
                     __builtin_fmin(x, y) + __builtin_fmax(x, y));
    __builtin_printf("%.6g %.6g %.6g\n", __builtin_atan2(x, y), __builtin_hypot(3, 4), __builtin_cbrt(27));
    int e;
    double m = __builtin_frexp(48.0, &e);
    double ip;
    double frac = __builtin_modf(y, &ip);
    __builtin_printf("%g %d %g %g %g\n", m, e, __builtin_ldexp(m, e), ip, frac);
    __builtin_printf("%ld %lld %d\n", __builtin_lround(y), __builtin_llrint(2.5), __builtin_ilogb(1024.0));
    __builtin_printf("%.6g %.6g\n", (double)__builtin_sqrtf(f), (double)__builtin_powf(f, 0.5f));
    __builtin_printf("%.6Lg %.6Lg %.6Lg\n", __builtin_sqrtl(l), __builtin_expl(l), __builtin_fabsl(-l));
    __builtin_printf("%g %g\n", __builtin_powi(1.5, 3), (double)__builtin_powif(2.0f, -2));
}

static void misc(void) {
    __builtin_printf("%d %ld %lld %ld\n", __builtin_abs(-3), __builtin_labs(-4L), __builtin_llabs(-5LL),
                     (long)__builtin_imaxabs(-6));
    volatile int c = '7', u = 'q';
    __builtin_printf("%d %d %d %d\n", __builtin_isdigit(c), __builtin_isdigit(u), __builtin_isdigit('0'),
                     __builtin_isdigit(' '));
    __builtin_printf("%d %d %d %d\n", !!__builtin_isalpha(u), !!__builtin_isspace(' '), !!__builtin_isupper(u),
                     !!__builtin_isxdigit('f'));
    __builtin_printf("%c %c %d %d\n", __builtin_toupper(u), __builtin_tolower('Q'), __builtin_isascii(200),
                     __builtin_toascii(200));
    __builtin_putchar('o');
    __builtin_putchar('k');
    __builtin_putchar('\n');
}

int main(void) {
    strings();
    streams();
    math();
    misc();
    __builtin_exit(3);
}
