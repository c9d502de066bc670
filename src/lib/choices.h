/* choices.h - the option choices several programs share, as cli_choice
 * tables: the alternative hypothesis (--alternative) and the p-value
 * adjustment (--adjust). The one place that ties option names to the
 * statistics core's enums. */
#ifndef SK_CHOICES_H
#define SK_CHOICES_H

#include "cli.h"

/* two-sided, less, greater (R's two.sided as an alias): enum stats_alt */
extern const struct cli_name choices_alternative[];

/* none, holm, bh (BH, fdr as aliases): enum stats_adjust */
extern const struct cli_name choices_adjust[];

#endif
