/* unit.h - the CUnit suites of surveykit's library. */
#ifndef SK_UNIT_H
#define SK_UNIT_H

#include <CUnit/CUnit.h>

/* Each test file registers its suite; returns 0 or a CUnit error. */
int register_csvin_tests(void);
int register_numparse_tests(void);
int register_stats_tests(void);
int register_likert_tests(void);
int register_likert_sums_tests(void);
int register_paired_tests(void);
int register_twogroup_tests(void);
int register_agree_tests(void);
int register_boot_tests(void);
int register_numfmt_tests(void);
int register_import_tests(void);
int register_groups_tests(void);

/* Assert |actual - expected| <= reltol * |expected| (or <= reltol when
 * expected is 0), with both printed on failure. */
#define ASSERT_REL(actual, expected, reltol)                               \
    CU_ASSERT_DOUBLE_EQUAL((actual), (expected),                           \
        (expected) == 0 ? (reltol) : (reltol) * fabs((double)(expected)))

#endif
