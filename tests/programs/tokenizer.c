/* Tests a tokenizer plus recursive-descent expression evaluator with variables, precedence, unary ops and errors. */
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <stdlib.h>

enum tok { T_NUM, T_IDENT, T_PLUS, T_MINUS, T_STAR, T_SLASH, T_PERCENT, T_CARET, T_LPAREN, T_RPAREN, T_ASSIGN, T_END, T_ERR };
static const char *tok_names[] = {"NUM", "IDENT", "+", "-", "*", "/", "%", "^", "(", ")", "=", "END", "ERR"};

struct token { enum tok kind; double num; char name[16]; };
struct lexer { const char *src; size_t pos; struct token cur; };

static void next(struct lexer *lx) {
    const char *s = lx->src;
    while (isspace((unsigned char)s[lx->pos])) lx->pos++;
    char c = s[lx->pos];
    struct token *t = &lx->cur;
    if (c == '\0') { t->kind = T_END; return; }
    if (isdigit((unsigned char)c) || c == '.') {
        char *end;
        t->num = strtod(s + lx->pos, &end);
        lx->pos = (size_t)(end - s);
        t->kind = T_NUM;
        return;
    }
    if (isalpha((unsigned char)c) || c == '_') {
        size_t n = 0;
        while ((isalnum((unsigned char)s[lx->pos]) || s[lx->pos] == '_') && n < sizeof t->name - 1) t->name[n++] = s[lx->pos++];
        t->name[n] = '\0';
        t->kind = T_IDENT;
        return;
    }
    lx->pos++;
    switch (c) {
    case '+': t->kind = T_PLUS; break;
    case '-': t->kind = T_MINUS; break;
    case '*': t->kind = T_STAR; break;
    case '/': t->kind = T_SLASH; break;
    case '%': t->kind = T_PERCENT; break;
    case '^': t->kind = T_CARET; break;
    case '(': t->kind = T_LPAREN; break;
    case ')': t->kind = T_RPAREN; break;
    case '=': t->kind = T_ASSIGN; break;
    default: t->kind = T_ERR; break;
    }
}

static struct { char name[16]; double val; } vars[16];
static int nvars;
static int error;

static double *var_ref(const char *name, int create) {
    for (int i = 0; i < nvars; i++) if (strcmp(vars[i].name, name) == 0) return &vars[i].val;
    if (!create) return NULL;
    strcpy(vars[nvars].name, name);
    vars[nvars].val = 0;
    return &vars[nvars++].val;
}

static double expr(struct lexer *lx);
static double primary(struct lexer *lx) {
    struct token t = lx->cur;
    if (t.kind == T_NUM) { next(lx); return t.num; }
    if (t.kind == T_IDENT) {
        next(lx);
        double *v = var_ref(t.name, 0);
        if (!v) { printf("  undefined variable %s\n", t.name); error = 1; return 0; }
        return *v;
    }
    if (t.kind == T_LPAREN) {
        next(lx);
        double v = expr(lx);
        if (lx->cur.kind != T_RPAREN) { printf("  expected ) got %s\n", tok_names[lx->cur.kind]); error = 1; return 0; }
        next(lx);
        return v;
    }
    if (t.kind == T_MINUS) { next(lx); return -primary(lx); }
    printf("  unexpected %s\n", tok_names[t.kind]);
    error = 1;
    return 0;
}
static double power(struct lexer *lx) {
    double base = primary(lx);
    if (lx->cur.kind == T_CARET) {
        next(lx);
        double e = power(lx);  /* right associative */
        double r = 1;
        for (int i = 0; i < (int)e; i++) r *= base;
        return r;
    }
    return base;
}
static double term(struct lexer *lx) {
    double v = power(lx);
    while (lx->cur.kind == T_STAR || lx->cur.kind == T_SLASH || lx->cur.kind == T_PERCENT) {
        enum tok k = lx->cur.kind;
        next(lx);
        double r = power(lx);
        if (k == T_STAR) v *= r;
        else if (r == 0) { printf("  division by zero\n"); error = 1; return 0; }
        else if (k == T_SLASH) v /= r;
        else v = (double)((long)v % (long)r);
    }
    return v;
}
static double expr(struct lexer *lx) {
    double v = term(lx);
    while (lx->cur.kind == T_PLUS || lx->cur.kind == T_MINUS) {
        enum tok k = lx->cur.kind;
        next(lx);
        double r = term(lx);
        v = k == T_PLUS ? v + r : v - r;
    }
    return v;
}
static void statement(const char *src) {
    struct lexer lx = {src, 0, {T_END, 0, ""}};
    error = 0;
    next(&lx);
    printf("> %s\n", src);
    if (lx.cur.kind == T_IDENT) {
        struct lexer save = lx;
        char name[16];
        strcpy(name, lx.cur.name);
        next(&lx);
        if (lx.cur.kind == T_ASSIGN) {
            next(&lx);
            double v = expr(&lx);
            if (!error && lx.cur.kind == T_END) { *var_ref(name, 1) = v; printf("  %s = %g\n", name, v); }
            else if (!error) printf("  trailing garbage\n");
            return;
        }
        lx = save;
    }
    double v = expr(&lx);
    if (error) return;
    if (lx.cur.kind != T_END) { printf("  trailing %s\n", tok_names[lx.cur.kind]); return; }
    printf("  %.10g\n", v);
}

int main(void) {
    const char *lines[] = {
        "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + -(-2)", "10 / 4", "17 % 5", "x = 5", "y = x * 2 + 1",
        "x * y - 3", "z + 1", "1 / 0", "(1 + 2", "3 + * 4", "rate = 0.075", "1000 * (1 + rate) ^ 10", "1 2", "3 $ 4",
        "  42  ", ".5 + .25", "1e3 / 8",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) statement(lines[i]);
    /* dump token stream of one line */
    struct lexer lx = {"a1 = (b_2+3.5)*-c", 0, {T_END, 0, ""}};
    for (next(&lx); lx.cur.kind != T_END; next(&lx)) {
        printf("[%s", tok_names[lx.cur.kind]);
        if (lx.cur.kind == T_NUM) printf(" %g", lx.cur.num);
        if (lx.cur.kind == T_IDENT) printf(" %s", lx.cur.name);
        printf("]");
    }
    printf("\n");
    return 0;
}
