/* codevet shim: every game header maps onto codevet's one original header set. */
#include "oot.h"
