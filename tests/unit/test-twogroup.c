/* test-twogroup.c - CUnit tests of the two-group statistics (twogroup.h)
 * against R: t.test, effectsize's cohens_d and hedges_g, wilcox.test,
 * coin::wilcox_test and exactRankTests::wilcox.exact (exact with ties), a
 * hand-written Brunner-Munzel in R (checked against scipy), fisher.test.
 *
 * Reference values: R 4.2.2, effectsize 0.8.3, coin 1.4.2, exactRankTests
 * 0.8.35; tests/ref/unit-twogroup.R prints them (key value lines, which
 * fill the table below). A is the reference group, B the comparison. */
#include <config.h>

#include <CUnit/CUnit.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/twogroup.h"
#include "unit.h"

/* The data as R holds them (shortest decimals that read back the same
 * doubles: anorexia's weight changes carry R's binary rounding, and so
 * its ties). sleep: extra by group; mtcars: mpg by am; wex: the
 * two-sample example of ?wilcox.test (no ties); tooth: ToothGrowth len by
 * supp (VC, OJ); anorexia: MASS::anorexia Postwt - Prewt, Cont and CBT;
 * likert: 13 + 13 answers 1-5. */
static const double sleep_a[] = {
    0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0, 2
};
static const double sleep_b[] = {
    1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4
};
static const double mtcars_a[] = {
    21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4,
    10.4, 14.7, 21.5, 15.5, 15.2, 13.3, 19.2
};
static const double mtcars_b[] = {
    21, 21, 22.8, 32.4, 30.4, 33.9, 27.3, 26, 30.4, 15.8, 19.7, 15, 21.4
};
static const double tooth_a[] = {
    4.2, 11.5, 7.3, 5.8, 6.4, 10, 11.2, 11.2, 5.2, 7, 16.5, 16.5, 15.2,
    17.3, 22.5, 17.3, 13.6, 14.5, 18.8, 15.5, 23.6, 18.5, 33.9, 25.5, 26.4,
    32.5, 26.7, 21.5, 23.3, 29.5
};
static const double tooth_b[] = {
    15.2, 21.5, 17.6, 9.7, 14.5, 10, 8.2, 9.4, 16.5, 9.7, 19.7, 23.3, 23.6,
    26.4, 20, 25.2, 25.8, 21.2, 14.5, 27.3, 25.5, 26.4, 22.4, 24.5, 24.8,
    30.9, 26.4, 27.3, 29.4, 23
};
static const double anorexia_a[] = {
    -0.5, -9.3000000000000114, -5.3999999999999915, 12.299999999999997, -2,
    -10.200000000000003, -12.200000000000003, 11.600000000000009,
    -7.0999999999999943, 6.1999999999999886, -0.19999999999998863,
    -9.2000000000000028, 8.2999999999999972, 3.3000000000000114,
    11.299999999999997, 0, -1, -10.599999999999994, -4.5999999999999943,
    -6.7000000000000028, 2.7999999999999972, 0.29999999999999716,
    1.8000000000000114, 3.7000000000000028, 15.900000000000006,
    -10.200000000000003
};
static const double anorexia_b[] = {
    1.7000000000000028, 0.69999999999998863, -0.099999999999994316,
    -0.69999999999998863, -3.5, 14.899999999999991, 3.5,
    17.100000000000009, -7.5999999999999943, 1.5999999999999943,
    11.700000000000003, 6.0999999999999943, 1.1000000000000085, -4,
    20.900000000000006, -9.1000000000000085, 2.1000000000000085,
    -1.4000000000000057, 1.3999999999999915, -0.29999999999999716,
    -3.7000000000000028, -0.79999999999999716, 2.3999999999999915,
    12.600000000000009, 1.9000000000000057, 3.8999999999999915,
    0.099999999999994316, 15.400000000000006, -0.70000000000000284
};
static const double wex_a[] = { 1.15, 0.88, 0.90, 0.74, 1.21 };
static const double wex_b[] = {
    0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46
};
static const double likert_a[] = { 2, 3, 3, 1, 4, 2, 3, 2, 5, 3, 2, 1, 3 };
static const double likert_b[] = { 4, 3, 5, 4, 2, 4, 3, 5, 4, 3, 4, 2, 5 };

struct tg_case {
    const char *name;
    const double *a, *b;
    size_t na, nb;
    double wdiff, wse, wlo, whi, wt, wdf;
    double wp, sdiff, sse, slo, shi, st;
    double sdf, sp, wgp, wglo, wlp, wlhi;
    double sdp, d, g, dlo, dhi, glo;
    double ghi, eff_dlo, eff_dhi, eff_glo, eff_ghi, dglo;
    double eff_dglo, W, wxp, wcilo, wcihi, hl;
    double ncp, nccilo, nccihi, greaterp, greaterci, lessp;
    double lessci, coin_two, ert_two, coin_greater, ert_greater, coin_less;
    double ert_less, gt, eq, lt, bm_theta, bm_se;
    double bm_t, bm_df, bm_p, bm_lo, bm_hi, bmg_p;
    double bmg_lo, fisher;
};

/* Printed by tests/ref/unit-twogroup.R (R 4.2.2). */
static const struct tg_case cases[] = {
    { "sleep", sleep_a, sleep_b, sizeof sleep_a / sizeof *sleep_a, sizeof sleep_b / sizeof *sleep_b,
      .wdiff = 1.5800000000000001, .wse = 0.84909101723876201,
      .wlo = -0.20548323071171018, .whi = 3.3654832307117104,
      .wt = 1.8608134674868531, .wdf = 17.776473516178498,
      .wp = 0.079394140187358173, .sdiff = 1.5800000000000001,
      .sse = 0.84909101723876212, .slo = -0.20387403228759859,
      .shi = 3.3638740322875984, .st = 1.8608134674868528, .sdf = 18,
      .sp = 0.079186714215938175, .wgp = 0.039697070093679086,
      .wglo = 0.44983552414302425, .wlp = 0.96030292990632093,
      .wlhi = 2.7101644758569763, .sdp = 1.8986252336303178,
      .d = 0.83218108134953961, .g = 0.7969352391911223,
      .dlo = -0.09545039821142294, .dhi = 1.7388168991034216,
      .glo = -0.091407732805160458, .ghi = 1.665171790674856,
      .eff_dlo = -0.095450381531230893, .eff_dhi = 1.738817030584243,
      .eff_glo = -0.091407716831434144, .eff_ghi = 1.6651719165869949,
      .dglo = 0.2212475923717413, .eff_dglo = 0.22124754551008993, .W = 74.5,
      .wxp = 0.069327575433626581, .wcilo = -0.099999999999110384,
      .wcihi = 3.5999999999999197, .hl = 1.3500000000000001,
      .ncp = 0.063722250155025223, .nccilo = -1.3554921280121422e-13,
      .nccihi = 3.5000000000003757, .greaterp = 0.034663787716813291,
      .greaterci = 0.30000000000014493, .lessp = 0.97075166860727435,
      .lessci = 2.6999999999996223, .coin_two = 0.065816536404771697,
      .ert_two = 0.065816536404771697, .coin_greater = 0.032908268202385849,
      .ert_greater = 0.032908268202385849, .coin_less = 0.97020935720626122,
      .ert_less = 0.97020935720626122, .gt = 0.72999999999999998,
      .eq = 0.029999999999999999, .lt = 0.23999999999999999,
      .bm_theta = 0.74499999999999988, .bm_se = 0.11423659658795864,
      .bm_t = 2.1446717367088004, .bm_df = 16.897546888708892,
      .bm_p = 0.046815954675819851, .bm_lo = 0.50387048153533298,
      .bm_hi = 0.98612951846466679, .bmg_p = 0.023407977337909926,
      .bmg_lo = 0.5926419269984915, .fisher = NAN },
    { "mtcars", mtcars_a, mtcars_b, sizeof mtcars_a / sizeof *mtcars_a, sizeof mtcars_b / sizeof *mtcars_b,
      .wdiff = 7.2449392712550598, .wse = 1.9232021338597201,
      .wlo = 3.2096841874699598, .whi = 11.280194355040161,
      .wt = 3.7671231451449252, .wdf = 18.332251638400461,
      .wp = 0.0013736383330710284, .sdiff = 7.2449392712550598,
      .sse = 1.764421631642803, .slo = 3.641509571648875,
      .shi = 10.848368970861245, .st = 4.1061269831006904, .sdf = 30,
      .sp = 0.00028502074393506728, .wgp = 0.00068681916653551419,
      .wglo = 4.6880942772018503, .wlp = 0.99931318083346454,
      .wlhi = 9.8017842653082692, .sdp = 4.9020288289315586,
      .d = 1.4779470958015888, .g = 1.4406354024018546,
      .dlo = 0.67056838574541155, .dhi = 2.2659732804460964,
      .glo = 0.65363946989750199, .ghi = 2.2087673760316768,
      .eff_dlo = 0.67056841631133801, .eff_dhi = 2.2659732671775106,
      .eff_glo = 0.6536394996917726, .eff_ghi = 2.2087673630980649,
      .dglo = 0.94467136299859444, .eff_dglo = 0.94467124777919409, .W = 205,
      .wxp = 0.0018713913331785568, .wcilo = 2.9000000000001811,
      .wcihi = 11.699999999999587, .hl = 6.8000000000000007,
      .ncp = 0.0017533351106512672, .nccilo = 2.9000000000002544,
      .nccihi = 11.300000000000578, .greaterp = 0.00093569566658927841,
      .greaterci = 4.5000000000000338, .lessp = 0.99917891925391955,
      .lessci = 10.499999999999636, .coin_two = 0.0011592907463319033,
      .ert_two = 0.0011592907463319031,
      .coin_greater = 0.00057950575403542472,
      .ert_greater = 0.00057950575403542472,
      .coin_less = 0.99946553796834303, .ert_less = 0.99946553796834303,
      .gt = 0.82591093117408909, .eq = 0.0080971659919028341,
      .lt = 0.16599190283400811, .bm_theta = 0.82995951417004055,
      .bm_se = 0.077358370149703648, .bm_t = 4.2653369445543392,
      .bm_df = 20.893075804622072, .bm_p = 0.00034786188873679112,
      .bm_lo = 0.66903383062351651, .bm_hi = 0.99088519771656458,
      .bmg_p = 0.00017393094436839556, .bmg_lo = 0.7275828354449464,
      .fisher = NAN },
    { "wex", wex_a, wex_b, sizeof wex_a / sizeof *wex_a, sizeof wex_b / sizeof *wex_b,
      .wdiff = 0.33699999999999997, .wse = 0.16508415362407675,
      .wlo = -0.019724996335104026, .whi = 0.69372499633510387,
      .wt = 2.0413830922100695, .wdf = 12.970538443257542,
      .wp = 0.062101343781078469, .sdiff = 0.33699999999999997,
      .sse = 0.2098202527439581, .slo = -0.1162890975191482,
      .shi = 0.79028909751914811, .st = 1.6061366602738689, .sdf = 13,
      .sp = 0.13225051067782634, .wgp = 0.031050671890539235,
      .wglo = 0.11408102425741382, .wlp = 0.96894932810946077,
      .wlhi = 0.55991897574258609, .sdp = 0.38307761816433689,
      .d = 0.8797172792680098, .g = 0.82779853612261767,
      .dlo = -0.26004779231008468, .dhi = 1.9889517029648296,
      .glo = -0.24470041326836833, .ghi = 1.8715686811367889,
      .eff_dlo = -0.26004762140920462, .eff_dhi = 1.9889517420954492,
      .eff_glo = -0.24470025245363652, .eff_ghi = 1.871568717958016,
      .dglo = 0.12804078690816592, .eff_dglo = 0.12804081771736245, .W = 35,
      .wxp = 0.2544122544122544, .wcilo = -0.15000000000000002,
      .wcihi = 0.7599999999999999, .hl = 0.30500000000000005,
      .ncp = 0.22067136191984679, .nccilo = -0.14999999999986077,
      .nccihi = 0.7599999999993905, .greaterp = 0.1272061272061272,
      .greaterci = -0.050000000000000044, .lessp = 0.89676989676989671,
      .lessci = 0.69999999999999996, .coin_two = 0.2544122544122544,
      .ert_two = 0.2544122544122544, .coin_greater = 0.1272061272061272,
      .ert_greater = 0.1272061272061272, .coin_less = 0.89676989676989671,
      .ert_less = 0.89676989676989671, .gt = 0.69999999999999996, .eq = 0,
      .lt = 0.29999999999999999, .bm_theta = 0.69999999999999996,
      .bm_se = 0.14181364924121764, .bm_t = 1.4103014841668051,
      .bm_df = 11.628257333004685, .bm_p = 0.18463589680367581,
      .bm_lo = 0.38991548461452669, .bm_hi = 1,
      .bmg_p = 0.092317948401837907, .bmg_lo = 0.50731134959440571,
      .fisher = NAN },
    { "tooth", tooth_a, tooth_b, sizeof tooth_a / sizeof *tooth_a, sizeof tooth_b / sizeof *tooth_b,
      .wdiff = 3.6999999999999993, .wse = 1.9318442541318446,
      .wlo = -0.17101561836716456, .whi = 7.5710156183671629,
      .wt = 1.915268268695268, .wdf = 55.30943268264059,
      .wp = 0.060634507880934066, .sdiff = 3.6999999999999993,
      .sse = 1.9318442541318444, .slo = -0.16700642014122544,
      .shi = 7.5670064201412242, .st = 1.9152682686952682, .sdf = 58,
      .sp = 0.06039337122412871, .wgp = 0.030317253940467033,
      .wglo = 1.1943090334040356, .wlp = 0.96968274605953297,
      .wlhi = 6.205690966595963, .sdp = 7.4820006237191219,
      .d = 0.49452014054508575, .g = 0.48809314960847167,
      .dlo = -0.0215100977513468, .dhi = 1.0064209760885485,
      .glo = -0.021230543508841716, .ghi = 0.99334110742109705,
      .eff_dlo = -0.021510127750807982, .eff_dhi = 1.0064209913149154,
      .eff_glo = -0.021230573118417334, .eff_ghi = 0.99334112244957562,
      .dglo = 0.15634333077133528, .eff_dglo = 0.1563433392381417,
      .W = 575.5, .wxp = 0.064490672133835691, .wcilo = -0.10000000000043727,
      .wcihi = 8.5000000000006501, .hl = 4.0000000000000009,
      .ncp = 0.063429676396888082, .nccilo = -0.09999999999953188,
      .nccihi = 8.4999999999998028, .greaterp = 0.032245336066917846,
      .greaterci = 1.4999999999995224, .lessp = 0.96880842755955598,
      .lessci = 7.1999999999997302, .coin_two = 0.063662207304688828,
      .ert_two = 0.063662207304688828, .coin_greater = 0.031831103652344414,
      .ert_greater = 0.031831103652344414, .coin_less = 0.96870373755622952,
      .ert_less = 0.96870373755622952, .gt = 0.63222222222222224,
      .eq = 0.014444444444444444, .lt = 0.35333333333333333,
      .bm_theta = 0.63944444444444437, .bm_se = 0.073526246895552635,
      .bm_t = 1.8965260751379236, .bm_df = 54.677244326277858,
      .bm_p = 0.063178578603416399, .bm_lo = 0.49207499993314985,
      .bm_hi = 0.78681388895573889, .bmg_p = 0.0315892893017082,
      .bmg_lo = 0.54406418067148454, .fisher = NAN },
    { "anorexia", anorexia_a, anorexia_b, sizeof anorexia_a / sizeof *anorexia_a, sizeof anorexia_b / sizeof *anorexia_b,
      .wdiff = 3.456896551724137, .wse = 2.0727910001291772,
      .wlo = -0.7044631926357503, .whi = 7.6182562960840237,
      .wt = 1.6677496918448129, .wdf = 50.970653304267834,
      .wp = 0.1014985956595162, .sdiff = 3.456896551724137,
      .sse = 2.0625909788217585, .slo = -0.68013704402636788,
      .shi = 7.5939301474746417, .st = 1.675997125566246, .sdf = 53,
      .sp = 0.099629013514921164, .wgp = 0.050749297829758101,
      .wglo = 0.76562093618972171, .wlp = 0.94925070217024188,
      .wlhi = 6.1481721672585516, .sdp = 7.6369059484743271,
      .d = 0.45265668780623691, .g = 0.44621570607297095,
      .dlo = -0.085706899686173565, .dhi = 0.98686514964456673,
      .glo = -0.084487351648633455, .ghi = 0.97282276261420353,
      .eff_dlo = -0.085706956569296736, .eff_dhi = 0.98686511687735412,
      .eff_glo = -0.084487407722350361, .eff_ghi = 0.97282273031324495,
      .dglo = 0.099879944909859075, .eff_dglo = 0.099879932473533897,
      .W = 472, .wxp = 0.11113155465131135, .wcilo = -0.60000000000005393,
      .wcihi = 8.1000000000002412, .hl = 3.0499999999999972,
      .ncp = 0.10925362582405927, .nccilo = -0.60000000000020393,
      .nccihi = 8.1000000000001418, .greaterp = 0.055565777325655673,
      .greaterci = 0.59999999999943465, .lessp = 0.94629956081084898,
      .lessci = 6.3000000000006793, .coin_two = 0.11070220738103215,
      .ert_two = 0.10966095553918778, .coin_greater = 0.055332681780048375,
      .ert_greater = 0.055332681780048375, .coin_less = 0.94563554428039609,
      .ert_less = 0.94563554428039609, .gt = 0.62599469496021221, .eq = 0,
      .lt = 0.37400530503978779, .bm_theta = 0.62599469496021221,
      .bm_se = 0.078344814294868267, .bm_t = 1.6082072067463575,
      .bm_df = 42.496661664311439, .bm_p = 0.11519494987115145,
      .bm_lo = 0.46794318395043111, .bm_hi = 0.7840462059699933,
      .bmg_p = 0.057597474935575724, .bmg_lo = 0.52400602122509132,
      .fisher = NAN },
    { "likert", likert_a, likert_b, sizeof likert_a / sizeof *likert_a, sizeof likert_b / sizeof *likert_b,
      .wdiff = 1.0769230769230771, .wse = 0.42249377059702775,
      .wlo = 0.2046217655776584, .whi = 1.9492243882684959,
      .wt = 2.548967941944499, .wdf = 23.836294185412001,
      .wp = 0.017667836778541474, .sdiff = 1.0769230769230771,
      .sse = 0.42249377059702775, .slo = 0.20493879149107061,
      .shi = 1.9489073623550837, .st = 2.548967941944499, .sdf = 24,
      .sp = 0.017616960171730738, .wgp = 0.0088339183892707368,
      .wglo = 0.52003731271834563, .wlp = 0.99116608161072928,
      .wlhi = 1.6338088411278087, .sdp = 1.0771519903228191,
      .d = 0.99978748273057239, .g = 0.96815943911249613,
      .dlo = 0.17200072872956726, .dhi = 1.8092388483277624,
      .glo = 0.16655952582938485, .ghi = 1.7520039997235923,
      .eff_dlo = 0.17200075640368664, .eff_dhi = 1.8092389243095615,
      .eff_glo = 0.16655955262803993, .eff_ghi = 1.752004073301725,
      .dglo = 0.45443183885350136, .eff_dglo = 0.4544318578513572,
      .W = 128.5, .wxp = 0.02164833899275018,
      .wcilo = 6.1454222442550206e-13, .wcihi = 2.0000000000000053, .hl = 1,
      .ncp = 0.020185690484514091, .nccilo = 8.7682345203376123e-13,
      .nccihi = 2.000000000000413, .greaterp = 0.01082416949637509,
      .greaterci = 0.99999999999923683, .lessp = 0.99059498701858906,
      .lessci = 1.9999999999995188, .coin_two = 0.022951752783493262,
      .ert_two = 0.022951752783493262, .coin_greater = 0.011475876391746631,
      .ert_greater = 0.011475876391746631, .coin_less = 0.99252389285233544,
      .ert_less = 0.99252389285233544, .gt = 0.66863905325443784,
      .eq = 0.18343195266272189, .lt = 0.14792899408284024,
      .bm_theta = 0.7603550295857987, .bm_se = 0.094643732654911855,
      .bm_t = 2.7508956196296714, .bm_df = 23.845643048019966,
      .bm_p = 0.011162778287715114, .bm_lo = 0.56495303147452081,
      .bm_hi = 0.9557570276970766, .bmg_p = 0.0055813891438575569,
      .bmg_lo = 0.63560725374804095, .fisher = 0.19221967963386538 },
};

/* scalars */
#define R_BIG_COIN 3.0671659807201332e-05
#define R_BIG_FISHER 0.00094967496647827031
#define R_BIG_W 80100
#define R_F7 0.0029658139638865338
#define R_F10 0.088520986916020769
#define R_F22 4.8812711377523944e-05
#define R_F3BIG 0.19388789201534162
#define R_POW_T 3.5202120626131914
#define R_POW_DF 9.293615292812456
#define R_POW_P 0.0061961521513792172
#define R_POW_LO 0.68768133010652988
#define R_POW_HI 3.1278742254490259
#define R_POS_T 3.5154701873690857
#define R_POS_DF 9.4210526315789469
#define R_POS_P 0.0061135495552276748
#define R_POS_LO 0.68846163697333784
#define R_POS_HI 3.1270939185822177
#define R_PEXW_T -2.419097628378315
#define R_PEXW_DF 18.422332269264114
#define R_PEXW_P 0.026104444861957454
#define R_PEXW_LO -3.7340970294721956
#define R_PEXW_HI -0.26590297052780465
#define R_PEXS_T -2.4207454512135929
#define R_PEXS_DF 18.5
#define R_PEXS_P 0.025967963675642445
#define R_PEXS_LO -3.7324079575682001
#define R_PEXS_HI -0.26759204243179968
#define R_POK_T 0.70046039894772771
#define R_POK_DF 4.0753678541771876
#define R_POK_P 0.52156929855408929
#define R_PO_PAIRED_T 3.8332593899996392
#define R_PO_PAIRED_DF 5
#define R_PO_PAIRED_P 0.01220710815631534
#define R_ONE_T -0.17565996462997355
#define R_ONE_P 0.87673687311441262
#define R_ONE_W 1
#define R_ONE_WP 1
#define R_C1_T 0.22941573387056155
#define R_C1_DF 2
#define R_C1_P 0.83987184619491306
#define R_SEP_W 12
#define R_SEP_P 0.049745990721503007

#define NCASES (sizeof cases / sizeof *cases)

/* uniroot's roots (tol.root = 1e-12, absolute) against the exact pairwise
 * difference that they approximate */
#define ASSERT_ROOT(actual, expected) \
    CU_ASSERT_DOUBLE_EQUAL((actual), (expected), 1e-11)

static void test_ttest(void)
{
    for (size_t i = 0; i < NCASES; i++) {
        const struct tg_case *c = &cases[i];
        struct stats_ttest2 r;
        stats_ttest2(c->a, c->na, c->b, c->nb, 0.95, STATS_TWO_SIDED, 0, &r);
        ASSERT_REL(r.diff, c->wdiff, 1e-13);
        ASSERT_REL(r.se, c->wse, 1e-12);
        ASSERT_REL(r.lo, c->wlo, 1e-11);
        ASSERT_REL(r.hi, c->whi, 1e-11);
        ASSERT_REL(r.t, c->wt, 1e-12);
        ASSERT_REL(r.df, c->wdf, 1e-12);
        ASSERT_REL(r.p, c->wp, 1e-11);
        CU_ASSERT_EQUAL(r.flags, 0);
        stats_ttest2(c->a, c->na, c->b, c->nb, 0.95, STATS_TWO_SIDED, 1, &r);
        ASSERT_REL(r.se, c->sse, 1e-12);
        ASSERT_REL(r.lo, c->slo, 1e-11);
        ASSERT_REL(r.hi, c->shi, 1e-11);
        ASSERT_REL(r.t, c->st, 1e-12);
        CU_ASSERT_EQUAL(r.df, c->sdf);
        ASSERT_REL(r.p, c->sp, 1e-11);
        stats_ttest2(c->a, c->na, c->b, c->nb, 0.9, STATS_GREATER, 0, &r);
        ASSERT_REL(r.p, c->wgp, 1e-11);
        ASSERT_REL(r.lo, c->wglo, 1e-11);
        CU_ASSERT(isinf(r.hi) && r.hi > 0);
        stats_ttest2(c->a, c->na, c->b, c->nb, 0.9, STATS_LESS, 0, &r);
        ASSERT_REL(r.p, c->wlp, 1e-11);
        ASSERT_REL(r.hi, c->wlhi, 1e-11);
        CU_ASSERT(isinf(r.lo) && r.lo < 0);
    }
}

/* n = 1 in a group, constant groups */
static void test_ttest_edges(void)
{
    static const double one[] = { 3.1 }, three[] = { 2.2, 4.5, 3.3 };
    struct stats_ttest2 r;
    stats_ttest2(three, 3, one, 1, 0.95, STATS_TWO_SIDED, 1, &r);
    ASSERT_REL(r.t, R_ONE_T, 1e-12);
    ASSERT_REL(r.p, R_ONE_P, 1e-11);
    CU_ASSERT_EQUAL(r.df, 2);
    CU_ASSERT(isnan(r.sd_b));
    stats_ttest2(three, 3, one, 1, 0.95, STATS_TWO_SIDED, 0, &r);
    CU_ASSERT(isnan(r.t) && isnan(r.p) && isnan(r.se));
    CU_ASSERT_EQUAL(r.flags, STATS_TG_SMALL_N);
    ASSERT_REL(r.diff, 3.1 - (2.2 + 4.5 + 3.3) / 3, 1e-15);
    stats_ttest2(three, 0, one, 1, 0.95, STATS_TWO_SIDED, 1, &r);
    CU_ASSERT(isnan(r.diff) && isnan(r.mean_a) && isnan(r.t));
    CU_ASSERT_EQUAL(r.flags, STATS_TG_SMALL_N);
    /* one group constant: Welch's df is the other's n - 1 */
    static const double c2[] = { 2, 2, 2 }, v3[] = { 1, 2, 3.5 };
    stats_ttest2(c2, 3, v3, 3, 0.95, STATS_TWO_SIDED, 0, &r);
    ASSERT_REL(r.t, R_C1_T, 1e-12);
    ASSERT_REL(r.df, R_C1_DF, 1e-14);
    ASSERT_REL(r.p, R_C1_P, 1e-11);
    /* both constant (R stops): t infinite, p 0, CI the difference */
    static const double c3[] = { 3.25, 3.25 };
    stats_ttest2(c2, 3, c3, 2, 0.95, STATS_TWO_SIDED, 0, &r);
    CU_ASSERT(isinf(r.t) && r.t > 0);
    CU_ASSERT_EQUAL(r.p, 0);
    CU_ASSERT(isnan(r.df));
    CU_ASSERT_EQUAL(r.lo, 1.25);
    CU_ASSERT_EQUAL(r.hi, 1.25);
    CU_ASSERT_EQUAL(r.flags, STATS_TG_CONSTANT);
    stats_ttest2(c2, 3, c3, 2, 0.95, STATS_LESS, 1, &r);
    CU_ASSERT_EQUAL(r.p, 1);
    CU_ASSERT_EQUAL(r.df, 3);
    stats_ttest2(c2, 3, c2, 2, 0.95, STATS_TWO_SIDED, 1, &r);
    CU_ASSERT(isnan(r.t) && isnan(r.p));
    CU_ASSERT_EQUAL(r.diff, 0);
    CU_ASSERT_EQUAL(r.flags, STATS_TG_CONSTANT);
}

/* effectsize's intervals come from optim and are about 1e-6 off the
 * noncentralities (see the R script); the uniroot values are asserted to
 * 1e-10, effectsize's to 1e-5. */
static void test_smd(void)
{
    for (size_t i = 0; i < NCASES; i++) {
        const struct tg_case *c = &cases[i];
        struct stats_smd r;
        stats_smd(c->a, c->na, c->b, c->nb, 0.95, STATS_TWO_SIDED, &r);
        ASSERT_REL(r.sd_pooled, c->sdp, 1e-13);
        ASSERT_REL(r.d, c->d, 1e-13);
        ASSERT_REL(r.g, c->g, 1e-13);
        ASSERT_REL(r.d_lo, c->dlo, 1e-10);
        ASSERT_REL(r.d_hi, c->dhi, 1e-10);
        ASSERT_REL(r.g_lo, c->glo, 1e-10);
        ASSERT_REL(r.g_hi, c->ghi, 1e-10);
        ASSERT_REL(r.d_lo, c->eff_dlo, 1e-5);
        ASSERT_REL(r.d_hi, c->eff_dhi, 1e-5);
        ASSERT_REL(r.g_lo, c->eff_glo, 1e-5);
        ASSERT_REL(r.g_hi, c->eff_ghi, 1e-5);
        CU_ASSERT_EQUAL(r.flags, 0);
        stats_smd(c->a, c->na, c->b, c->nb, 0.9, STATS_GREATER, &r);
        ASSERT_REL(r.d_lo, c->dglo, 1e-10);
        ASSERT_REL(r.d_lo, c->eff_dglo, 1e-5);
        CU_ASSERT(isinf(r.d_hi) && r.d_hi > 0);
    }
    static const double c2[] = { 2, 2, 2 }, c3[] = { 3.25, 3.25 };
    struct stats_smd r;
    stats_smd(c2, 3, c3, 2, 0.95, STATS_TWO_SIDED, &r);
    CU_ASSERT(isinf(r.d) && r.d > 0 && isinf(r.g));
    CU_ASSERT(isnan(r.d_lo) && isnan(r.g_hi));
    CU_ASSERT_EQUAL(r.flags, STATS_TG_CONSTANT);
    stats_smd(c2, 1, c3, 2, 0.95, STATS_TWO_SIDED, &r);   /* df = 1 */
    CU_ASSERT(isnan(r.d) && isnan(r.g));
    CU_ASSERT_EQUAL(r.flags, STATS_TG_SMALL_N);
}

static void test_ranksum(void)
{
    for (size_t i = 0; i < NCASES; i++) {
        const struct tg_case *c = &cases[i];
        struct stats_ranksum_opts o = { 0.95, STATS_TWO_SIDED, 0, 0, 1 };
        struct stats_ranksum r;
        int exact = c->na < 50 && c->nb < 50 && !strcmp(c->name, "wex");
        stats_ranksum(c->a, c->na, c->b, c->nb, &o, &r);
        CU_ASSERT_EQUAL(r.W, c->W);
        CU_ASSERT_EQUAL(r.method, exact ? STATS_W_EXACT : STATS_W_NORMAL);
        ASSERT_REL(r.p, c->wxp, 1e-11);
        ASSERT_REL(r.hl, c->hl, 1e-14);
        if (exact) {        /* order statistics of the differences */
            ASSERT_REL(r.hl_lo, c->wcilo, 1e-14);
            ASSERT_REL(r.hl_hi, c->wcihi, 1e-14);
        } else {
            ASSERT_ROOT(r.hl_lo, c->wcilo);
            ASSERT_ROOT(r.hl_hi, c->wcihi);
        }
        o.correct = 0;
        o.force_approx = 1;
        stats_ranksum(c->a, c->na, c->b, c->nb, &o, &r);
        ASSERT_REL(r.p, c->ncp, 1e-11);
        ASSERT_ROOT(r.hl_lo, c->nccilo);
        ASSERT_ROOT(r.hl_hi, c->nccihi);
        struct stats_ranksum_opts g = { 0.9, STATS_GREATER, 0, 0, 1 };
        stats_ranksum(c->a, c->na, c->b, c->nb, &g, &r);
        ASSERT_REL(r.p, c->greaterp, 1e-11);
        if (exact) {
            ASSERT_REL(r.hl_lo, c->greaterci, 1e-14);
        } else {
            ASSERT_ROOT(r.hl_lo, c->greaterci);
        }
        CU_ASSERT(isinf(r.hl_hi));
        g.alt = STATS_LESS;
        stats_ranksum(c->a, c->na, c->b, c->nb, &g, &r);
        ASSERT_REL(r.p, c->lessp, 1e-11);
        if (exact) {
            ASSERT_REL(r.hl_hi, c->lessci, 1e-14);
        } else {
            ASSERT_ROOT(r.hl_hi, c->lessci);
        }
        CU_ASSERT(isinf(r.hl_lo));
    }
}

/* The exact conditional distribution (force_exact), against coin. Both
 * coin and exactRankTests define the two-sided p as P(|T - E T| >= |t -
 * E T|), and they agree on every set but anorexia (coin 0.110702,
 * exactRankTests 0.109661). coin is right: exactRankTests computes E T =
 * 29/55 * 1540 = 811.99999999999989 instead of 812, so that the mirror
 * point T = 2 E T - t = 717 falls outside its tail by rounding, and
 * dperm(717) = 0.0010412518418443637 is exactly the difference. Here the
 * doubled mid-ranks are integers and the comparison exact. */
static void test_ranksum_exact(void)
{
    for (size_t i = 0; i < NCASES; i++) {
        const struct tg_case *c = &cases[i];
        static const enum stats_alt alts[] = { STATS_TWO_SIDED, STATS_GREATER,
                                               STATS_LESS };
        double coin[] = { c->coin_two, c->coin_greater, c->coin_less };
        for (int k = 0; k < 3; k++) {
            struct stats_ranksum_opts o = { 0.95, alts[k], 1, 0, 1 };
            struct stats_ranksum r;
            stats_ranksum(c->a, c->na, c->b, c->nb, &o, &r);
            CU_ASSERT_EQUAL(r.method, strcmp(c->name, "wex")
                                      ? STATS_W_EXACT_TIES : STATS_W_EXACT);
            ASSERT_REL(r.p, coin[k], 1e-10);
            if (strcmp(c->name, "anorexia") || k > 0) {
                double ert[] = { c->ert_two, c->ert_greater, c->ert_less };
                ASSERT_REL(r.p, ert[k], 1e-10);
            }
        }
    }
}

/* Speed, measured with the clock() calls below (printed once, not
 * asserted; 2 shared cores): the 13 + 13 Likert answers on 5 levels take
 * 0.028 ms a call (stats_ranksum, exact with ties; the target was 10 ms);
 * 360 + 380 answers on 5 levels 115 ms. */
static void test_ranksum_exact_sizes(void)
{
    const struct tg_case *c = &cases[5];
    struct stats_ranksum_opts o = { 0.95, STATS_TWO_SIDED, 1, 0, 1 };
    struct stats_ranksum r;
    clock_t t0 = clock();
    for (int i = 0; i < 1000; i++)
        stats_ranksum(c->a, c->na, c->b, c->nb, &o, &r);
    double ms = (double)(clock() - t0) / CLOCKS_PER_SEC;  /* per call, ms */
    (void)ms;
    ASSERT_REL(r.p, c->coin_two, 1e-10);
    static const unsigned long ca[] = { 40, 80, 120, 90, 30 };
    static const unsigned long cb[] = { 30, 60, 110, 120, 60 };
    double *a = calloc(360, sizeof *a), *b = calloc(380, sizeof *b);
    CU_ASSERT_FATAL(a && b);
    size_t na = 0, nb = 0;
    for (int l = 0; l < 5; l++) {
        for (unsigned long j = 0; j < ca[l]; j++)
            a[na++] = l + 1;
        for (unsigned long j = 0; j < cb[l]; j++)
            b[nb++] = l + 1;
    }
    t0 = clock();
    stats_ranksum(a, na, b, nb, &o, &r);
    ms = 1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC;
    (void)ms;
    CU_ASSERT_EQUAL(r.W, R_BIG_W);
    ASSERT_REL(r.p, R_BIG_COIN, 1e-10);
    int flags = 0;
    ASSERT_REL(stats_fisher_2xk(ca, cb, 5, STATS_FISHER_WORK, &flags),
               R_BIG_FISHER, 1e-10);
    CU_ASSERT_EQUAL(flags, 0);
    free(a);
    free(b);
}

static void test_dominance(void)
{
    for (size_t i = 0; i < NCASES; i++) {
        const struct tg_case *c = &cases[i];
        struct stats_dominance r;
        stats_dominance(c->a, c->na, c->b, c->nb, 0.95, STATS_TWO_SIDED, &r);
        ASSERT_REL(r.p_gt, c->gt, 1e-15);
        ASSERT_REL(r.p_eq, c->eq, 1e-15);
        ASSERT_REL(r.p_lt, c->lt, 1e-15);
        ASSERT_REL(r.theta, c->bm_theta, 1e-14);
        ASSERT_REL(r.theta, c->W / ((double)c->na * c->nb), 1e-14);
        ASSERT_REL(r.delta, c->gt - c->lt, 1e-14);
        ASSERT_REL(r.se, c->bm_se, 1e-12);
        ASSERT_REL(r.t_bm, c->bm_t, 1e-12);
        ASSERT_REL(r.df, c->bm_df, 1e-12);
        ASSERT_REL(r.p_bm, c->bm_p, 1e-11);
        ASSERT_REL(r.theta_lo, c->bm_lo, 1e-12);
        ASSERT_REL(r.theta_hi, c->bm_hi, 1e-12);
        ASSERT_REL(r.delta_lo, 2 * c->bm_lo - 1, 1e-12);
        CU_ASSERT_EQUAL(r.flags, 0);
        stats_dominance(c->a, c->na, c->b, c->nb, 0.9, STATS_GREATER, &r);
        ASSERT_REL(r.p_bm, c->bmg_p, 1e-11);
        ASSERT_REL(r.theta_lo, c->bmg_lo, 1e-12);
        CU_ASSERT_EQUAL(r.theta_hi, 1);
    }
}

static void test_fisher(void)
{
    for (size_t i = 0; i < NCASES; i++) {
        const struct tg_case *c = &cases[i];
        int flags = 0;
        double p = stats_fisher_values(c->a, c->na, c->b, c->nb, &flags);
        if (isnan(c->fisher)) {         /* more than 10 distinct values */
            CU_ASSERT(isnan(p));
            CU_ASSERT_EQUAL(flags, STATS_TG_MANY_VALUES);
        } else {
            ASSERT_REL(p, c->fisher, 1e-10);
            CU_ASSERT_EQUAL(flags, 0);
        }
    }
    static const unsigned long ca[] = { 3, 0, 5, 2, 7, 1, 4 };
    static const unsigned long cb[] = { 1, 4, 2, 6, 0, 5, 3 };
    int flags = 0;
    ASSERT_REL(stats_fisher_2xk(ca, cb, 7, STATS_FISHER_WORK, &flags), R_F7,
               1e-10);
    /* 2 x 10, 210 answers: about 0.2 s */
    static const unsigned long ta[] = { 12, 8, 15, 9, 11, 7, 14, 10, 6, 13 };
    static const unsigned long tb[] = { 9, 14, 7, 12, 10, 15, 8, 11, 13, 6 };
    ASSERT_REL(stats_fisher_2xk(ta, tb, 10, STATS_FISHER_WORK, &flags),
               R_F10, 1e-10);
    CU_ASSERT_EQUAL(flags, 0);
    /* many answers: 2 x 2 by one pass; a 2 x 3 beyond STATS_FISHER_MAXN
     * answers with few tables is computed, with many refused at once */
    static const unsigned long a22[] = { 1200, 800 }, b22[] = { 1100, 950 };
    ASSERT_REL(stats_fisher_2xk(a22, b22, 2, STATS_FISHER_WORK, &flags),
               R_F22, 1e-10);
    static const unsigned long a3[] = { 2990, 1, 4 }, b3[] = { 3000, 4, 1 };
    ASSERT_REL(stats_fisher_2xk(a3, b3, 3, STATS_FISHER_WORK, &flags),
               R_F3BIG, 1e-10);
    CU_ASSERT_EQUAL(flags, 0);
    static const unsigned long a5[] = { 600, 700, 800, 900, 1000 };
    static const unsigned long b5[] = { 1000, 900, 800, 700, 600 };
    CU_ASSERT(isnan(stats_fisher_2xk(a5, b5, 5, STATS_FISHER_WORK, &flags)));
    CU_ASSERT_EQUAL(flags, STATS_TG_TOO_BIG);
    flags = 0;
    /* a work limit too small refuses */
    CU_ASSERT(isnan(stats_fisher_2xk(ca, cb, 7, 10, &flags)));
    CU_ASSERT_EQUAL(flags, STATS_TG_TOO_BIG);
}

/* Exact p-values in integer arithmetic (tests/ref/fisher-exact.py, which
 * says how; R's fisher.test agrees with them to about 1e-11, less
 * closely than these): 2 x 5 Likert-like tables of 200 and 1,000
 * answers, groups far apart, the observed table the mode (p = 1, every
 * table counts), equal-probability ties, 7 columns (met in the middle),
 * 3 columns of 600 answers, 6 columns, rows of 9 and 190. Each also with
 * the columns reversed and the rows swapped: p does not change. */
static void test_fisher_exact(void)
{
    static const struct {
        size_t k;
        unsigned long a[7], b[7];
        double p;
    } ex[] = {
        { 5, { 4, 11, 22, 43, 30 }, { 9, 12, 20, 35, 22 },
          0.50131126752050703 },
        { 5, { 2, 5, 15, 40, 38 }, { 20, 25, 30, 15, 10 },
          2.5280325617159056e-13 },
        { 5, { 5, 10, 20, 10, 5 }, { 5, 10, 20, 10, 5 }, 1 },
        { 4, { 10, 20, 20, 10 }, { 20, 10, 10, 20 }, 0.0036444720668071906 },
        { 7, { 3, 0, 5, 2, 7, 1, 4 }, { 1, 4, 2, 6, 0, 5, 3 },
          0.002965813963886552 },
        { 3, { 150, 90, 60 }, { 120, 110, 70 }, 0.047818611032130295 },
        { 6, { 5, 8, 12, 9, 6, 4 }, { 3, 10, 8, 14, 7, 2 },
          0.66862242053914822 },
        { 5, { 1, 2, 3, 2, 1 }, { 30, 40, 50, 40, 30 }, 1 },
        { 5, { 19, 43, 104, 217, 150 }, { 35, 48, 94, 182, 108 },
          0.025334931776526928 },
    };
    for (size_t i = 0; i < sizeof ex / sizeof *ex; i++) {
        size_t k = ex[i].k;
        unsigned long ra[7], rb[7];
        for (size_t l = 0; l < k; l++) {
            ra[l] = ex[i].a[k - 1 - l];
            rb[l] = ex[i].b[k - 1 - l];
        }
        int flags = 0;
        ASSERT_REL(stats_fisher_2xk(ex[i].a, ex[i].b, k, STATS_FISHER_WORK,
                                    &flags), ex[i].p, 1e-12);
        ASSERT_REL(stats_fisher_2xk(ra, rb, k, STATS_FISHER_WORK, &flags),
                   ex[i].p, 1e-12);
        ASSERT_REL(stats_fisher_2xk(ex[i].b, ex[i].a, k, STATS_FISHER_WORK,
                                    &flags), ex[i].p, 1e-12);
        CU_ASSERT_EQUAL(flags, 0);
    }
    /* q1 of the bench's 5,000 answers, groups apart (p about 3e-13):
     * predicted at 2.6 million nodes, beyond half STATS_FISHER_WORK, so
     * with that work refused before starting */
    static const unsigned long a5k[] = { 87, 228, 470, 1052, 735 };
    static const unsigned long b5k[] = { 194, 265, 453, 926, 590 };
    int flags = 0;
    CU_ASSERT(isnan(stats_fisher_2xk(a5k, b5k, 5, STATS_FISHER_WORK / 2,
                                     &flags)));
    CU_ASSERT_EQUAL(flags, STATS_TG_TOO_BIG);
}

/* groups of one, all answers equal, groups that do not overlap */
static void test_rank_edges(void)
{
    static const double one[] = { 3.1 }, three[] = { 2.2, 4.5, 3.3 };
    struct stats_ranksum_opts o = { 0.95, STATS_TWO_SIDED, 0, 0, 1 };
    struct stats_ranksum r;
    stats_ranksum(three, 3, one, 1, &o, &r);
    CU_ASSERT_EQUAL(r.W, R_ONE_W);
    ASSERT_REL(r.p, R_ONE_WP, 1e-14);
    stats_ranksum(three, 0, one, 1, &o, &r);
    CU_ASSERT(isnan(r.W) && isnan(r.p) && isnan(r.hl));
    CU_ASSERT_EQUAL(r.flags, STATS_TG_SMALL_N);
    static const double c2[] = { 2, 2, 2 }, c2b[] = { 2, 2 };
    stats_ranksum(c2, 3, c2b, 2, &o, &r);
    CU_ASSERT(isnan(r.W) && isnan(r.p) && isnan(r.hl_lo));
    CU_ASSERT_EQUAL(r.hl, 0);
    CU_ASSERT_EQUAL(r.flags, STATS_TG_ALL_EQUAL);
    struct stats_dominance d;
    stats_dominance(c2, 3, c2b, 2, 0.95, STATS_TWO_SIDED, &d);
    CU_ASSERT_EQUAL(d.p_eq, 1);
    CU_ASSERT_EQUAL(d.theta, 0.5);
    CU_ASSERT(isnan(d.se) && isnan(d.theta_lo));
    CU_ASSERT_EQUAL(d.flags, STATS_TG_ALL_EQUAL);
    int flags = 0;
    CU_ASSERT_EQUAL(stats_fisher_values(c2, 3, c2b, 2, &flags), 1);
    static const double lo[] = { 1, 2, 2, 3 }, hi[] = { 5.5, 6, 7 };
    stats_ranksum(lo, 4, hi, 3, &o, &r);
    CU_ASSERT_EQUAL(r.W, R_SEP_W);
    ASSERT_REL(r.p, R_SEP_P, 1e-11);
    stats_dominance(lo, 4, hi, 3, 0.95, STATS_TWO_SIDED, &d);
    CU_ASSERT_EQUAL(d.theta, 1);
    CU_ASSERT_EQUAL(d.delta, 1);
    CU_ASSERT(isnan(d.theta_lo));
    CU_ASSERT_EQUAL(d.flags, STATS_TG_CONSTANT);
}

/* Partially overlapping samples: sleep's extra, the first 6 respondents
 * paired, A's 8-10 and B's 7-10 unpaired. Against a hand-written R
 * version of the paper's formulas, and R's own tests at the limits: no
 * pairs is t.test(b, a), pairs only (Welch form) the paired t.test. */
static void test_partover(void)
{
    const double *s1 = sleep_a, *s2 = sleep_b;
    struct stats_partover r;
    stats_partover(s1 + 7, 3, s2 + 6, 4, s1, s2, 6, 0.95, STATS_TWO_SIDED, 0,
                   &r);
    ASSERT_REL(r.t, R_POW_T, 1e-12);
    ASSERT_REL(r.df, R_POW_DF, 1e-12);
    ASSERT_REL(r.p, R_POW_P, 1e-11);
    ASSERT_REL(r.lo, R_POW_LO, 1e-11);
    ASSERT_REL(r.hi, R_POW_HI, 1e-11);
    stats_partover(s1 + 7, 3, s2 + 6, 4, s1, s2, 6, 0.95, STATS_TWO_SIDED, 1,
                   &r);
    ASSERT_REL(r.t, R_POS_T, 1e-12);
    ASSERT_REL(r.df, R_POS_DF, 1e-12);
    ASSERT_REL(r.p, R_POS_P, 1e-11);
    ASSERT_REL(r.lo, R_POS_LO, 1e-11);
    ASSERT_REL(r.hi, R_POS_HI, 1e-11);
    stats_partover(NULL, 0, NULL, 0, s1, s2, 6, 0.95, STATS_TWO_SIDED, 0, &r);
    ASSERT_REL(r.t, R_PO_PAIRED_T, 1e-12);
    ASSERT_REL(r.df, R_PO_PAIRED_DF, 1e-14);
    ASSERT_REL(r.p, R_PO_PAIRED_P, 1e-11);
    for (size_t i = 0; i < NCASES; i++) {
        const struct tg_case *c = &cases[i];
        for (int ve = 0; ve < 2; ve++) {
            stats_partover(c->a, c->na, c->b, c->nb, NULL, NULL, 0, 0.95,
                           STATS_TWO_SIDED, ve, &r);
            ASSERT_REL(r.t, ve ? c->st : c->wt, 1e-12);
            ASSERT_REL(r.df, ve ? c->sdf : c->wdf, 1e-12);
            ASSERT_REL(r.p, ve ? c->sp : c->wp, 1e-11);
            ASSERT_REL(r.lo, ve ? c->slo : c->wlo, 1e-11);
        }
    }
    stats_partover(s1, 3, s2, 3, s1, s2, 1, 0.95, STATS_TWO_SIDED, 0, &r);
    CU_ASSERT(isnan(r.t));
    CU_ASSERT_EQUAL(r.flags, STATS_TG_SMALL_N);
    /* a constant side of the pairs: r NA, taken as 0 */
    static const double k[] = { 2, 2, 2 };
    stats_partover(s1, 3, s2, 3, k, s2, 3, 0.95, STATS_TWO_SIDED, 0, &r);
    CU_ASSERT(isnan(r.r));
    ASSERT_REL(r.t, R_POK_T, 1e-12);
    ASSERT_REL(r.df, R_POK_DF, 1e-12);
    ASSERT_REL(r.p, R_POK_P, 1e-11);
    CU_ASSERT_EQUAL(r.flags, STATS_TG_PAIRS_CONSTANT);
    /* the paper's worked example (Derrick, Toher & White 2017): 8 + 8
     * unpaired, 8 pairs; equal variances p = 0.026 */
    static const double au[] = { 20, 21, 16, 18, 14, 12, 14, 17 };
    static const double ap[] = { 14, 15, 18, 20, 11, 19, 14, 15 };
    static const double bu[] = { 10, 16, 18, 16, 15, 14, 13, 10 };
    static const double bp[] = { 15, 10, 15, 17, 13, 19, 12, 13 };
    for (int ve = 0; ve < 2; ve++) {
        stats_partover(au, 8, bu, 8, ap, bp, 8, 0.95, STATS_TWO_SIDED, ve,
                       &r);
        ASSERT_REL(r.t, ve ? R_PEXS_T : R_PEXW_T, 1e-12);
        ASSERT_REL(r.df, ve ? R_PEXS_DF : R_PEXW_DF, 1e-12);
        ASSERT_REL(r.p, ve ? R_PEXS_P : R_PEXW_P, 1e-11);
        ASSERT_REL(r.lo, ve ? R_PEXS_LO : R_PEXW_LO, 1e-11);
        ASSERT_REL(r.hi, ve ? R_PEXS_HI : R_PEXW_HI, 1e-11);
    }
    CU_ASSERT(fabs(R_PEXS_P - 0.026) < 0.0005);    /* as published */
}

int register_twogroup_tests(void)
{
    CU_pSuite s = CU_add_suite("twogroup", NULL, NULL);
    if (!s ||
        !CU_add_test(s, "Welch and Student t", test_ttest) ||
        !CU_add_test(s, "t with n = 1 and constant groups", test_ttest_edges) ||
        !CU_add_test(s, "Cohen's d and Hedges' g", test_smd) ||
        !CU_add_test(s, "rank-sum test and Hodges-Lehmann", test_ranksum) ||
        !CU_add_test(s, "exact rank-sum with ties", test_ranksum_exact) ||
        !CU_add_test(s, "exact rank-sum, larger groups",
                     test_ranksum_exact_sizes) ||
        !CU_add_test(s, "dominance and Brunner-Munzel", test_dominance) ||
        !CU_add_test(s, "Fisher's exact 2 x k", test_fisher) ||
        !CU_add_test(s, "Fisher's exact against integer arithmetic",
                     test_fisher_exact) ||
        !CU_add_test(s, "rank statistics' edge cases", test_rank_edges) ||
        !CU_add_test(s, "partially overlapping samples", test_partover))
        return CU_get_error();
    return 0;
}
