/* Tests basic struct declaration, member access, assignment, pointers to structs and sizeof/offsetof. */
#include <stdio.h>
#include <stddef.h>
#include <string.h>

struct point { int x; int y; };
struct mixed { char c; int i; char d; double f; short s; };
struct person { char name[16]; int age; double height; };

int main(void) {
    struct point p = {3, 4};
    struct point q;
    q = p;
    q.x = 10;
    printf("p=(%d,%d) q=(%d,%d)\n", p.x, p.y, q.x, q.y);
    struct point *pp = &p;
    pp->y = 40;
    (*pp).x += 1;
    printf("p=(%d,%d)\n", p.x, p.y);
    printf("sizeof point=%zu mixed=%zu person=%zu\n", sizeof(struct point), sizeof(struct mixed), sizeof(struct person));
    printf("offsets mixed: c=%zu i=%zu d=%zu f=%zu s=%zu\n",
           offsetof(struct mixed, c), offsetof(struct mixed, i), offsetof(struct mixed, d),
           offsetof(struct mixed, f), offsetof(struct mixed, s));
    struct person ppl[3] = {{"Ann", 30, 1.65}, {"Bob", 25, 1.80}, {"Cy", 41, 1.72}};
    double total = 0;
    for (int i = 0; i < 3; i++) {
        printf("%-5s %3d %.2f\n", ppl[i].name, ppl[i].age, ppl[i].height);
        total += ppl[i].height;
    }
    printf("avg=%.4f\n", total / 3);
    struct person tmp = ppl[0];
    ppl[0] = ppl[2];
    ppl[2] = tmp;
    strcpy(ppl[1].name, "Robert");
    for (int i = 0; i < 3; i++) printf("%s ", ppl[i].name);
    printf("\n");
    /* anonymous struct type variable */
    struct { int a, b; } anon = {1, 2}, anon2;
    anon2 = anon;
    anon2.b = 99;
    printf("anon=%d,%d anon2=%d,%d\n", anon.a, anon.b, anon2.a, anon2.b);
    /* struct with array, copied by value */
    struct arr { int v[5]; } a1 = {{1, 2, 3, 4, 5}}, a2;
    a2 = a1;
    a2.v[0] = 100;
    printf("a1.v[0]=%d a2.v[0]=%d a2.v[4]=%d\n", a1.v[0], a2.v[0], a2.v[4]);
    /* self referential */
    struct node { int val; struct node *next; } n3 = {3, NULL}, n2 = {2, &n3}, n1 = {1, &n2};
    for (struct node *n = &n1; n; n = n->next) printf("node %d\n", n->val);
    printf("n1.next->next->val=%d\n", n1.next->next->val);
    /* zero init */
    struct mixed z = {0};
    printf("z: %d %d %d %.1f %d\n", z.c, z.i, z.d, z.f, z.s);
    /* comparing members */
    printf("memcmp equal copies: %d\n", memcmp(&a1, &a1, sizeof a1) == 0);
    return 0;
}
