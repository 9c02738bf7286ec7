/* Tests a singly linked list with malloc/free: push, append, insert sorted, reverse, remove, merge sort. */
#include <stdio.h>
#include <stdlib.h>

struct node { int val; struct node *next; };

static struct node *new_node(int v) {
    struct node *n = malloc(sizeof *n);
    if (!n) exit(99);
    n->val = v;
    n->next = NULL;
    return n;
}
static void push(struct node **head, int v) { struct node *n = new_node(v); n->next = *head; *head = n; }
static void append(struct node **head, int v) {
    while (*head) head = &(*head)->next;
    *head = new_node(v);
}
static void insert_sorted(struct node **head, int v) {
    while (*head && (*head)->val < v) head = &(*head)->next;
    struct node *n = new_node(v);
    n->next = *head;
    *head = n;
}
static int remove_val(struct node **head, int v) {
    int removed = 0;
    while (*head) {
        if ((*head)->val == v) { struct node *d = *head; *head = d->next; free(d); removed++; }
        else head = &(*head)->next;
    }
    return removed;
}
static struct node *reverse(struct node *h) {
    struct node *prev = NULL;
    while (h) { struct node *nx = h->next; h->next = prev; prev = h; h = nx; }
    return prev;
}
static void print(const char *label, const struct node *h) {
    printf("%s:", label);
    for (; h; h = h->next) printf(" %d", h->val);
    printf("\n");
}
static int length(const struct node *h) { return h ? 1 + length(h->next) : 0; }
static void free_list(struct node *h) { while (h) { struct node *n = h->next; free(h); h = n; } }
static struct node *merge(struct node *a, struct node *b) {
    struct node dummy = {0, NULL}, *t = &dummy;
    while (a && b) {
        if (a->val <= b->val) { t->next = a; a = a->next; }
        else { t->next = b; b = b->next; }
        t = t->next;
    }
    t->next = a ? a : b;
    return dummy.next;
}
static struct node *msort(struct node *h) {
    if (!h || !h->next) return h;
    struct node *slow = h, *fast = h->next;
    while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
    struct node *second = slow->next;
    slow->next = NULL;
    return merge(msort(h), msort(second));
}

int main(void) {
    struct node *list = NULL;
    for (int i = 1; i <= 5; i++) push(&list, i);
    print("pushed", list);
    for (int i = 10; i <= 12; i++) append(&list, i);
    print("appended", list);
    list = reverse(list);
    print("reversed", list);
    printf("length=%d\n", length(list));
    push(&list, 3);
    append(&list, 3);
    printf("removed %d threes\n", remove_val(&list, 3));
    print("after remove", list);
    printf("removed %d 42s\n", remove_val(&list, 42));
    free_list(list);
    struct node *sorted = NULL;
    int vals[] = {50, 20, 80, 10, 20, 90, 0, -5, 35};
    for (int i = 0; i < 9; i++) insert_sorted(&sorted, vals[i]);
    print("sorted", sorted);
    free_list(sorted);
    struct node *big = NULL;
    unsigned s = 7;
    for (int i = 0; i < 200; i++) { s = s * 1103515245u + 12345u; push(&big, (int)((s >> 16) % 1000)); }
    big = msort(big);
    int ok = 1, cnt = 0;
    for (struct node *n = big; n && n->next; n = n->next) { if (n->val > n->next->val) ok = 0; cnt++; }
    printf("msort ok=%d count=%d first=%d\n", ok, cnt + 1, big->val);
    int printed = 0;
    printf("first ten:");
    for (struct node *n = big; n && printed < 10; n = n->next, printed++) printf(" %d", n->val);
    printf("\n");
    free_list(big);
    return 0;
}
