/* A file with a syntax error, for transcript 65. */
int broken( {
