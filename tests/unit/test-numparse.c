#include <config.h>
#include <math.h>
#include "unit.h"
int register_numparse_tests(void) { return 0; }
