/* Tests a binary search tree: insert, search, traversals, height, delete, and freeing (recursive struct pointers). */
#include <stdio.h>
#include <stdlib.h>

typedef struct tree { int key; int count; struct tree *left, *right; } tree;

static tree *insert(tree *t, int key) {
    if (!t) {
        t = calloc(1, sizeof *t);
        t->key = key;
        t->count = 1;
        return t;
    }
    if (key < t->key) t->left = insert(t->left, key);
    else if (key > t->key) t->right = insert(t->right, key);
    else t->count++;
    return t;
}
static const tree *find(const tree *t, int key) {
    while (t && t->key != key) t = key < t->key ? t->left : t->right;
    return t;
}
static void inorder(const tree *t) { if (!t) return; inorder(t->left); printf(" %d", t->key); if (t->count > 1) printf("x%d", t->count); inorder(t->right); }
static void preorder(const tree *t) { if (!t) return; printf(" %d", t->key); preorder(t->left); preorder(t->right); }
static void postorder(const tree *t) { if (!t) return; postorder(t->left); postorder(t->right); printf(" %d", t->key); }
static int height(const tree *t) { if (!t) return 0; int l = height(t->left), r = height(t->right); return 1 + (l > r ? l : r); }
static int size(const tree *t) { return t ? 1 + size(t->left) + size(t->right) : 0; }
static tree *min_node(tree *t) { while (t->left) t = t->left; return t; }
static tree *delete(tree *t, int key) {
    if (!t) return NULL;
    if (key < t->key) t->left = delete(t->left, key);
    else if (key > t->key) t->right = delete(t->right, key);
    else {
        if (!t->left) { tree *r = t->right; free(t); return r; }
        if (!t->right) { tree *l = t->left; free(t); return l; }
        tree *m = min_node(t->right);
        t->key = m->key;
        t->count = m->count;
        m->count = 1;
        t->right = delete(t->right, m->key);
    }
    return t;
}
static void destroy(tree *t) { if (!t) return; destroy(t->left); destroy(t->right); free(t); }
static void print_levels(const tree *t) {
    const tree *queue[64];
    int head = 0, tail = 0;
    queue[tail++] = t;
    while (head < tail) {
        int level_end = tail;
        while (head < level_end) {
            const tree *n = queue[head++];
            printf(" %d", n->key);
            if (n->left) queue[tail++] = n->left;
            if (n->right) queue[tail++] = n->right;
        }
        printf(" |");
    }
    printf("\n");
}

int main(void) {
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50, 50, 10};
    tree *root = NULL;
    for (int i = 0; i < 14; i++) root = insert(root, keys[i]);
    printf("inorder:"); inorder(root); printf("\n");
    printf("preorder:"); preorder(root); printf("\n");
    printf("postorder:"); postorder(root); printf("\n");
    printf("levels:"); print_levels(root);
    printf("height=%d size=%d\n", height(root), size(root));
    int q[] = {35, 36, 10, 80, 0};
    for (int i = 0; i < 5; i++) { const tree *f = find(root, q[i]); printf("find %d: %s\n", q[i], f ? "yes" : "no"); }
    root = delete(root, 20);
    root = delete(root, 30);
    root = delete(root, 50);
    root = delete(root, 999);
    printf("after deletes:"); inorder(root); printf("\n");
    printf("levels:"); print_levels(root);
    printf("height=%d size=%d\n", height(root), size(root));
    destroy(root);
    tree *chain = NULL;
    for (int i = 0; i < 30; i++) chain = insert(chain, i);
    printf("degenerate height=%d\n", height(chain));
    destroy(chain);
    return 0;
}
