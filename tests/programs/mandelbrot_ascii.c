/* Tests double arithmetic in nested loops by rendering the Mandelbrot set as ASCII art with iteration counts. */
#include <stdio.h>

int main(void) {
    const char *shades = " .:-=+*#%@";
    int width = 72, height = 28, maxit = 200;
    long total = 0;
    for (int row = 0; row < height; row++) {
        double ci = -1.2 + 2.4 * row / (height - 1);
        for (int col = 0; col < width; col++) {
            double cr = -2.2 + 3.0 * col / (width - 1);
            double zr = 0, zi = 0;
            int it = 0;
            while (it < maxit && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += it;
            putchar(it == maxit ? '@' : shades[it % 9]);
        }
        putchar('\n');
    }
    printf("total iterations=%ld\n", total);
    return 0;
}
