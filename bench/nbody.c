// bench: n-body gravity simulation (doubles, an array of structs, sqrt); the hot work is
// in functions. Five bodies on near-circular orbits around a heavy one; prints the energy
// before and after, and where the bodies end up. Usage: nbody [STEPS]
#ifndef SIZE
#define SIZE 4000000 // the default size; tests/programs/bench_nbody.c uses a smaller one
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define NBODIES 5

struct body {
  double x, y, z;
  double vx, vy, vz;
  double mass;
};

// A heavy central body and four light ones at growing radii, each started on a circular
// orbit (v = sqrt(M / r) with G = 1), tilted a little out of the plane.
static void setup(struct body *b) {
  static const double radius[NBODIES] = {0.0, 1.0, 1.7, 2.9, 4.4};
  static const double mass[NBODIES] = {30.0, 0.03, 0.011, 0.0042, 0.0065};
  static const double phase[NBODIES] = {0.0, 0.3, 2.1, 4.0, 5.5};
  static const double tilt[NBODIES] = {0.0, 0.02, -0.035, 0.05, 0.01};
  double px = 0, py = 0, pz = 0;
  for (int i = 0; i < NBODIES; i++) {
    double r = radius[i], v = r > 0 ? sqrt(mass[0] / r) : 0.0;
    b[i].x = r * cos(phase[i]);
    b[i].y = r * sin(phase[i]);
    b[i].z = r * tilt[i];
    b[i].vx = -v * sin(phase[i]);
    b[i].vy = v * cos(phase[i]);
    b[i].vz = v * tilt[i] * 0.5;
    b[i].mass = mass[i];
    px += b[i].vx * mass[i];
    py += b[i].vy * mass[i];
    pz += b[i].vz * mass[i];
  }
  // the central body absorbs the total momentum, so the system's centre stays put
  b[0].vx = -px / mass[0];
  b[0].vy = -py / mass[0];
  b[0].vz = -pz / mass[0];
}

// One step: velocities from the pairwise forces, then positions.
static void step(struct body *b, int n, double dt) {
  for (int i = 0; i < n; i++) {
    struct body *p = &b[i];
    for (int j = i + 1; j < n; j++) {
      struct body *q = &b[j];
      double dx = p->x - q->x, dy = p->y - q->y, dz = p->z - q->z;
      double d2 = dx * dx + dy * dy + dz * dz;
      double f = dt / (d2 * sqrt(d2));
      double fp = q->mass * f, fq = p->mass * f;
      p->vx -= dx * fp;
      p->vy -= dy * fp;
      p->vz -= dz * fp;
      q->vx += dx * fq;
      q->vy += dy * fq;
      q->vz += dz * fq;
    }
  }
  for (int i = 0; i < n; i++) {
    b[i].x += dt * b[i].vx;
    b[i].y += dt * b[i].vy;
    b[i].z += dt * b[i].vz;
  }
}

static double energy(const struct body *b, int n) {
  double e = 0.0;
  for (int i = 0; i < n; i++) {
    e += 0.5 * b[i].mass * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
    for (int j = i + 1; j < n; j++) {
      double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
      e -= b[i].mass * b[j].mass / sqrt(dx * dx + dy * dy + dz * dz);
    }
  }
  return e;
}

int main(int argc, char **argv) {
  int steps = argc > 1 ? atoi(argv[1]) : SIZE;
  struct body b[NBODIES];
  setup(b);
  printf("steps %d\n", steps);
  printf("energy before %.9f\n", energy(b, NBODIES));
  for (int s = 0; s < steps; s++)
    step(b, NBODIES, 0.001);
  printf("energy after  %.9f\n", energy(b, NBODIES));
  for (int i = 1; i < NBODIES; i++)
    printf("body %d at %.6f %.6f %.6f\n", i, b[i].x, b[i].y, b[i].z);
  return 0;
}
