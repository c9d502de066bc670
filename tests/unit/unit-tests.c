/* unit-tests.c - runs every CUnit suite; exit 0 only when all pass. */
#include <config.h>

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/util.h"
#include "unit.h"

/* test-numfmt.c (not yet in unit.h) */

int main(void)
{
    sk_set_program_name("unit-tests");
    sk_gsl_init();
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 99;
    if (register_csvin_tests() || register_numparse_tests() ||
        register_stats_tests() || register_likert_tests() ||
        register_likert_sums_tests() ||
        register_paired_tests() || register_twogroup_tests() ||
        register_boot_tests() || register_agree_tests() ||
        register_numfmt_tests() || register_import_tests() ||
        register_groups_tests()) {
        fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
        CU_cleanup_registry();
        return 99;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() +
                      CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_asserts();
    CU_cleanup_registry();
    return run == 0 ? 99 : failed ? 1 : 0;
}
