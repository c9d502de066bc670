/* choices.c - the option choices several programs share (choices.h). */
#include <config.h>

#include <stddef.h>

#include "choices.h"
#include "paired.h"
#include "stats.h"

const struct cli_name choices_alternative[] = {
    { "two-sided", STATS_TWO_SIDED, 0 },
    { "less", STATS_LESS, 0 },
    { "greater", STATS_GREATER, 0 },
    { "two.sided", STATS_TWO_SIDED, 1 },
    { NULL, 0, 0 }
};

const struct cli_name choices_adjust[] = {
    { "none", STATS_ADJUST_NONE, 0 },
    { "holm", STATS_ADJUST_HOLM, 0 },
    { "bh", STATS_ADJUST_BH, 0 },
    { "BH", STATS_ADJUST_BH, 1 },
    { "fdr", STATS_ADJUST_BH, 1 },
    { NULL, 0, 0 }
};
