// Library functions called with no declaration at all, as GCC 12 accepts them with a warning (exempt from -Werror): they get GCC's builtin prototypes, so pointers (malloc, strdup, strchr) and doubles (sqrt, pow) come back whole, and arguments are converted (sqrt(2)).
struct node {
    struct node *next;
    long value;
};

static struct node *push(struct node *head, long v) {
    struct node *n = malloc(sizeof *n);
    n->next = head;
    n->value = v;
    return n;
}

int main(void) {
    struct node *list = 0;
    for (long i = 1; i <= 5; i++)
        list = push(list, i * 1000000007L);
    long sum = 0;
    while (list) {
        struct node *next = list->next;
        sum += list->value;
        free(list);
        list = next;
    }
    printf("sum %ld\n", sum);

    char *s = strdup("implicit, declarations");
    char *comma = strchr(s, ',');
    *comma = 0;
    printf("%s|%s|%zu\n", s, comma + 2, strlen(comma + 2));
    char *buf = calloc(32, 1);
    strcpy(buf, s);
    strcat(buf, "!");
    memset(buf + strlen(buf), '?', 3);
    puts(buf);
    free(buf);
    free(s);

    printf("%.6f %.6f %.3f %g\n", sqrt(2), pow(2, 0.5), fabs(-1.25), floor(-0.5));
    printf("%d %ld %d\n", abs(-4), labs(-5L), toupper('x'));
    char *a = alloca(8);
    sprintf(a, "%d", 1234567);
    puts(a);
    exit(sum % 7);
}
