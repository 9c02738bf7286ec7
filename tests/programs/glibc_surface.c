// a wide sample of glibc's surface: functions that are macros or inline in the headers (htonl, isalpha, signbit, fpclassify), POSIX calls, and the variables stdout/environ
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <inttypes.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <signal.h>
#include <wchar.h>
#include <locale.h>
#include <getopt.h>
#include <fcntl.h>
#include <dirent.h>
#include <math.h>
int main(int argc, char **argv) {
    struct stat st;
    printf("stat %d fstat %d lstat %d\n", stat("/", &st) == 0, fstat(1, &st) == 0, lstat("/", &st) == 0);
    printf("getc/putc via stdin/stdout: %d\n", putc('x', stdout) == 'x');
    printf("fileno %d\n", fileno(stdout));
    printf("htonl %x ntohs %x\n", htonl(0x12345678), ntohs(0x1234));
    printf("isalpha %d toupper %c\n", isalpha('q') != 0, toupper('q'));
    printf("strtoimax %jd imaxabs %jd\n", strtoimax("-42", 0, 10), imaxabs(-7));
    struct timeval tv; printf("gettimeofday %d\n", gettimeofday(&tv, 0) == 0);
    struct timespec ts; printf("clock_gettime %d\n", clock_gettime(CLOCK_MONOTONIC, &ts) == 0);
    struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = SIG_IGN; printf("sigaction %d\n", sigaction(SIGUSR2, &sa, 0) == 0);
    char buf[64]; printf("strerror_r %d\n", strerror_r(2, buf, sizeof buf) != 0);
    printf("wcslen %zu\n", wcslen(L"abc"));
    printf("setlocale %d\n", setlocale(LC_ALL, "C") != 0);
    printf("getopt %d\n", getopt(argc, argv, "x") == -1);
    int fd = open("/dev/null", O_RDONLY); printf("open %d close %d\n", fd >= 0, close(fd) == 0);
    DIR *d = opendir("/"); printf("opendir %d\n", d != 0); closedir(d);
    printf("isnan %d isinf %d fpclassify %d signbit %d\n", isnan(NAN), isinf(INFINITY), fpclassify(1.0) == FP_NORMAL, signbit(-1.0) != 0);
    printf("ffs %d\n", ffs(8));
    return 0;
}
