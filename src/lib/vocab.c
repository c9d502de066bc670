/* vocab.c - the ordered answer vocabularies of survey platforms. */
#include <config.h>

#include "vocab.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define V(name, ...)                                                       \
    static const char *const name##_l[] = { __VA_ARGS__ };

/* Agreement: Likert's, as Qualtrics, SurveyMonkey and Forms offer it. */
V(agree5, "strongly disagree", "disagree",
  "neither agree nor disagree|neither agree or disagree|neutral|undecided",
  "agree", "strongly agree")
V(agree7, "strongly disagree", "disagree", "somewhat disagree|slightly disagree",
  "neither agree nor disagree|neither agree or disagree|neutral|undecided",
  "somewhat agree|slightly agree", "agree", "strongly agree")
V(agree4, "strongly disagree", "disagree", "agree", "strongly agree")
V(amount5, "not at all|none at all", "a little", "a moderate amount|some|moderately",
  "a lot", "a great deal")
V(extent5, "not at all", "to a small extent|to a little extent",
  "to a moderate extent|to some extent", "to a large extent|to a great extent",
  "to a very large extent|to a very great extent")
V(freq5, "never", "rarely", "sometimes", "often|very often", "always")
V(quality5, "very poor", "poor", "fair|average", "good", "excellent|very good")
V(quality5b, "poor", "fair", "good", "very good", "excellent")
V(satisfy5, "very dissatisfied", "dissatisfied",
  "neither satisfied nor dissatisfied|neither satisfied or dissatisfied|neutral",
  "satisfied", "very satisfied")
V(likely5, "very unlikely|extremely unlikely", "unlikely|somewhat unlikely",
  "neither likely nor unlikely|neither likely or unlikely|neutral",
  "likely|somewhat likely", "very likely|extremely likely")
V(important5, "not at all important|not important", "slightly important",
  "moderately important", "very important", "extremely important")
V(confident5, "not at all confident", "slightly confident",
  "somewhat confident|moderately confident", "very confident",
  "extremely confident|completely confident")

#define E(name) { #name, sizeof name##_l / sizeof name##_l[0], name##_l }
static const struct vocab vocabs[] = {
    E(agree5), E(agree7), E(agree4), E(amount5), E(extent5), E(freq5),
    E(quality5), E(quality5b), E(satisfy5), E(likely5), E(important5),
    E(confident5),
};

static const char *const nonsub[] = {
    "don't know", "dont know", "do not know", "not sure", "unsure",
    "not applicable", "n/a", "prefer not to say", "prefer not to answer",
    "rather not say", "can't say", "cannot say", "no opinion",
};

char *vocab_norm(const char *label, size_t len)
{
    char *out = sk_xmalloc(len + 1), *p = out;
    int blank = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)label[i];
        if (c == 0xE2 && i + 2 < len && (unsigned char)label[i + 1] == 0x80 &&
            ((unsigned char)label[i + 2] == 0x98 ||
             (unsigned char)label[i + 2] == 0x99)) {
            c = '\'';
            i += 2;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            blank = 1;
            continue;
        }
        if (blank && p > out)
            *p++ = ' ';
        blank = 0;
        *p++ = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    *p = '\0';
    return out;
}

int vocab_nonsubstantive(const char *norm)
{
    for (size_t i = 0; i < sizeof nonsub / sizeof nonsub[0]; i++)
        if (strcmp(norm, nonsub[i]) == 0)
            return 1;
    return 0;
}

int vocab_index(const struct vocab *v, const char *norm)
{
    size_t len = strlen(norm);
    for (size_t i = 0; i < v->n; i++)
        for (const char *s = v->level[i]; *s;) {
            const char *bar = strchr(s, '|');
            size_t n = bar ? (size_t)(bar - s) : strlen(s);
            if (n == len && memcmp(s, norm, n) == 0)
                return (int)i;
            s += n + (bar != NULL);
        }
    return -1;
}

const struct vocab *vocab_find(const char *const *labels, size_t n)
{
    if (n == 0)
        return NULL;
    for (size_t v = 0; v < sizeof vocabs / sizeof vocabs[0]; v++) {
        size_t i = 0;
        while (i < n && vocab_index(&vocabs[v], labels[i]) >= 0)
            i++;
        if (i == n)
            return &vocabs[v];
    }
    return NULL;
}
