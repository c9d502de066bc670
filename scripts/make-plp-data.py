#!/usr/bin/env python3
"""make-plp-data.py - write the bundled SYNTHETIC PLP dataset, datasets/plp/.

What it makes
-------------
A made-up survey of a Parallel Learning Partnerships (PLP) programme in an
NHS trust, shaped after a published evaluation: 27 executives and senior
leaders, each paired for a year with one of 27 Black and minority ethnic
(BME) colleagues as equal learning partners; 26 of the 54 partners
answered an online survey; COVID-19 disrupted the meetings. Only those
counts, the two roles and the kinds of outcome measured come from the
evaluation: every answer below is invented by this script.

  datasets/plp/roster.csv    the 54 eligible partners: partner_id (P01-E,
                             P01-B, ...), pair (P01..P27), role (Executive
                             or BME partner); plain CSV, LF line ends
  datasets/plp/survey.csv    the survey as Qualtrics exports it with
                             "choice text" (the shape of
                             datasets/exports/qualtrics_labels.csv, byte
                             for byte: UTF-8 byte-order mark, CRLF rows,
                             three header rows - ids, question texts with
                             embedded line breaks, ImportId JSON -, the
                             metadata columns, the embedded data columns
                             PartnerID, PairID, Role at the end); 28
                             responses: the 26 kept ones, 1 "Survey
                             Preview" and 1 unfinished (Finished False),
                             both of which sk-import leaves out
  datasets/plp/codebook.csv  the checked codebook of sk-import's clean
                             table of survey.csv (names Q5_1, Q7_1_1, ...)
  (datasets/plp/README.md is written by hand.)

Run from anywhere: python3 scripts/make-plp-data.py [OUTDIR]
(default OUTDIR: datasets/plp next to this script). Python 3 standard
library only; one random.Random(SEED), drawn from in a fixed order, so the
output is byte-identical on every run and every platform (only random()
/ gauss() / shuffle() / choice() of the Mersenne Twister are used, whose
sequences Python keeps stable across versions).

The choices, and why
--------------------
Respondents. 26 of 54 answered: 12 executives and 14 BME partners; in 6
pairs both partners answered (12 respondents), in 14 pairs one (6
executives alone, 8 BME partners alone), in 7 pairs nobody. The pairs of
each kind are drawn at random. The 6 complete pairs are what makes dyadic
statistics possible (sk-compare --dyad, sk-agree on the pairs); 6 is
few, as in real programme evaluations.

Partnership items (Q5_1..Q5_8, 5-point agreement, the wording of the
example export). Each respondent has a latent partnership quality
theta = pair effect (sd 0.8, shared by the two partners of a pair: the
same relationship, seen from both sides) + own view (sd 0.35). An item's
keyed answer is its mean (3.6-4.0: the partnerships were "highly valued")
+ loading (0.9-1.0) * theta + noise (sd 0.7), rounded half up and cut to
1..5. In the 6 pairs where both answered, the partners' partnership
scores correlate about 0.8 (single items: 0 to 0.75). Q5_3 ("Differences
in seniority got in the way") and Q5_6 ("I often felt I had to hold
back") are worded against the others: their answer is 6 - keyed, so they
run opposite; sk-alpha finds alpha 0.87 with them reverse-keyed (0.26
without, and names both items). BME partners are a little less sure they
related as equals (Q5_1) and held back a little more (Q5_6): a small,
plausible role difference for sk-compare. Q5_4 ("I learned a great deal
from my partner") has 2 "Don't know" answers (the codebook's missing=yes
level).

Self-ratings (Q7, 1-10, "before the programme" and "now", retrospective;
the end points exported as "1 - Very low" and "10 - Very high", as
Qualtrics does for a scale labelled only at its ends). Four outcomes:
understanding of race equity issues in the NHS, confidence talking about
race and racism, motivation to act on race equity, inclusive leadership
practice. Before = outcome mean (by role: BME partners' understanding
about 2 points higher than executives', from lived experience) + the
person's general level (sd 0.8) + noise (sd 1.0). Now = before + change,
change = item mean (1.3-2.6 points; larger for executives' understanding,
smaller for BME partners', who started higher) + the person's general
gain (sd 0.8) + noise (sd 1.1): a mean change of about 2 points with an
sd of about 1.5, some respondents unchanged or lower, as retrospective
self-ratings go.

Meetings (Q9, a text-entry number 2-12, no free text here), COVID-19
impact (Q10, Not at all ... A great deal) and meetings online (Q11,
Yes / Partly / No) are drawn per pair (both partners lived the same
partnership), each partner reporting with a little noise; more COVID-19
impact, fewer meetings. Q12, a free-text comment, is mostly empty; the
comments are invented, one with a comma and quotes, one with a line
break, as free text comes.

Missing answers: 7 empty cells in 7 different items (at most one per
item, 7 respondents, none of them one with a Don't know), so that every
respondent has a partnership score (from at least 7 of the 8 items).

Metadata: dates in March 2021 (Europe/London), Status "IP Address", the
IP address and location blank (anonymised export), Progress 100,
Duration in seconds, EndDate = StartDate + duration, RecordedDate one
second later, ResponseId "R_" + 15 letters and digits, distribution
channel "email", language EN-GB, rows in the order recorded.
ExternalReference is empty: the link to the roster is the embedded data
field PartnerID (with PairID and Role, from the contact list). The
preview (the author trying the survey before it went out: Status "Survey
Preview", no partner) comes first; the unfinished response, last, is
from a partner who did not answer otherwise (no duplicate of a kept
response), stopped after two items and closed by Qualtrics a week later.
"""

import csv
import io
import math
import os
import random
import sys
from datetime import datetime, timedelta

SEED = 20210308          # the day the (invented) survey opened
rng = random.Random(SEED)

NPAIRS = 27
N_BOTH, N_EXEC_ONLY, N_BME_ONLY = 6, 6, 8     # 7 pairs with nobody

AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree",
         "Agree", "Strongly agree"]
DONT_KNOW = "Don't know"
AMOUNT = ["Not at all", "A little", "A moderate amount", "A lot",
          "A great deal"]
ONLINE = ["No", "Partly", "Yes"]
ROLE_Q2 = {"E": "Executive / senior leader",
           "B": "BME partner (learning partner)"}
ROLE = {"E": "Executive", "B": "BME partner"}

Q5_STEM = ("To what extent do you agree or disagree with the following "
           "statements about your partnership?\n - ")
# (id, wording, keyed mean, loading, reverse-worded)
Q5 = [
    ("1", "My partner and I related to each other as equals", 3.8, 1.0, False),
    ("2", "I could be honest with my partner about race and racism", 3.8, 1.0, False),
    ("3", "Differences in seniority got in the way of our partnership", 3.7, 0.9, True),
    ("4", "I learned a great deal from my partner", 3.9, 0.9, False),
    ("5", "My partner valued what I brought to the partnership", 4.0, 0.9, False),
    ("6", "I often felt I had to hold back what I really thought", 3.6, 0.9, True),
    ("7", "Our meetings were a good use of my time", 3.9, 1.0, False),
    ("8", "The partnership has changed how I work", 3.7, 1.0, False),
]
# BME partners' shift on the keyed answer (a small role difference)
Q5_ROLE_SHIFT = {"1": -0.3, "6": -0.4}

Q7_STEM = ("Please rate yourself on each of the following, before the "
           "programme and now (1 = very low, 10 = very high).")
# (wording, before mean for E, for B, mean change for E, for B)
Q7 = [
    ("Understanding of race equity issues in the NHS", 4.2, 6.4, 2.6, 1.3),
    ("Confidence talking about race and racism", 3.9, 5.4, 2.2, 1.9),
    ("Motivation to act on race equity", 5.4, 6.3, 1.8, 1.5),
    ("Inclusive leadership practice", 5.0, 5.4, 2.1, 1.6),
]

COMMENTS = [
    "Really valuable. We kept meeting after the year ended.",
    "It took a while to trust each other, but it was worth it.",
    'Some "difficult" conversations, in a good way.',
    "Meeting on Teams was harder for the informal side.\n"
    "I would have liked a face-to-face start.",
    "I'd like the programme to continue, with support for the BME "
    "partners afterwards.",
    "More time protected for the meetings, please.",
]

HEADER_META = [
    ("StartDate", "Start Date", '{"ImportId":"startDate","timeZone":"Europe/London"}'),
    ("EndDate", "End Date", '{"ImportId":"endDate","timeZone":"Europe/London"}'),
    ("Status", "Response Type", '{"ImportId":"status"}'),
    ("IPAddress", "IP Address", '{"ImportId":"ipAddress"}'),
    ("Progress", "Progress", '{"ImportId":"progress"}'),
    ("Duration (in seconds)", "Duration (in seconds)", '{"ImportId":"duration"}'),
    ("Finished", "Finished", '{"ImportId":"finished"}'),
    ("RecordedDate", "Recorded Date", '{"ImportId":"recordedDate","timeZone":"Europe/London"}'),
    ("ResponseId", "Response ID", '{"ImportId":"_recordId"}'),
    ("RecipientLastName", "Recipient Last Name", '{"ImportId":"recipientLastName"}'),
    ("RecipientFirstName", "Recipient First Name", '{"ImportId":"recipientFirstName"}'),
    ("RecipientEmail", "Recipient Email", '{"ImportId":"recipientEmail"}'),
    ("ExternalReference", "External Data Reference", '{"ImportId":"externalDataReference"}'),
    ("LocationLatitude", "Location Latitude", '{"ImportId":"locationLatitude"}'),
    ("LocationLongitude", "Location Longitude", '{"ImportId":"locationLongitude"}'),
    ("DistributionChannel", "Distribution Channel", '{"ImportId":"distributionChannel"}'),
    ("UserLanguage", "User Language", '{"ImportId":"userLanguage"}'),
]


def header():
    cols = list(HEADER_META)
    cols.append(("Q1", "Do you consent to take part in this survey?",
                 '{"ImportId":"QID1"}'))
    cols.append(("Q2", "Which of these best describes your role in the "
                 "programme?", '{"ImportId":"QID2"}'))
    for q in Q5:
        cols.append(("Q5_" + q[0], Q5_STEM + q[1],
                     '{"ImportId":"QID5_%s"}' % q[0]))
    for side, label in (("1", "Before the programme"), ("2", "Now")):
        for k, q in enumerate(Q7, 1):
            qid = "Q7#%s_%d" % (side, k)
            cols.append((qid, "%s - %s - %s" % (Q7_STEM, label, q[0]),
                         '{"ImportId":"QID7#%s_%d"}' % (side, k)))
    cols.append(("Q9", "Roughly how many times did you and your partner "
                 "meet during the year?", '{"ImportId":"QID9_TEXT"}'))
    cols.append(("Q10", "How much did COVID-19 affect your partnership?",
                 '{"ImportId":"QID10"}'))
    cols.append(("Q11", "Did your meetings move online because of "
                 "COVID-19?", '{"ImportId":"QID11"}'))
    cols.append(("Q12", "Is there anything else you would like to tell us "
                 "about the programme?", '{"ImportId":"QID12_TEXT"}'))
    for e in ("PartnerID", "PairID", "Role"):
        cols.append((e, e, '{"ImportId":"%s"}' % e))
    return cols


def clip(x, lo, hi):
    return max(lo, min(hi, x))


def rnd(x):
    """Round half up (not Python's half to even): the answer nearest x."""
    return int(math.floor(x + 0.5))


def rating_label(v):
    if v == 1:
        return "1 - Very low"
    if v == 10:
        return "10 - Very high"
    return str(v)


def response_id():
    chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "R_" + "".join(rng.choice(chars) for _ in range(15))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = (sys.argv[1] if len(sys.argv) > 1
              else os.path.join(here, "..", "datasets", "plp"))
    os.makedirs(outdir, exist_ok=True)

    pairs = ["P%02d" % i for i in range(1, NPAIRS + 1)]

    # --- who answered ---------------------------------------------------
    order = pairs[:]
    rng.shuffle(order)
    both = order[:N_BOTH]
    exec_only = order[N_BOTH:N_BOTH + N_EXEC_ONLY]
    bme_only = order[N_BOTH + N_EXEC_ONLY:N_BOTH + N_EXEC_ONLY + N_BME_ONLY]
    nobody = order[N_BOTH + N_EXEC_ONLY + N_BME_ONLY:]
    resp = []                       # (pair, side)
    for p in pairs:
        if p in both:
            resp += [(p, "E"), (p, "B")]
        elif p in exec_only:
            resp.append((p, "E"))
        elif p in bme_only:
            resp.append((p, "B"))
    assert len(resp) == 26

    # --- pair-level draws (every pair, in pair order) ---------------------
    pair_eff, pair_covid, pair_meet, pair_online = {}, {}, {}, {}
    for p in pairs:
        pair_eff[p] = rng.gauss(0.0, 0.8)
        c = rng.random()
        # COVID-19 impact 1..5: mostly a little to a lot
        pair_covid[p] = (1 if c < 0.06 else 2 if c < 0.36 else
                         3 if c < 0.70 else 4 if c < 0.92 else 5)
        pair_meet[p] = 10.5 - 1.3 * (pair_covid[p] - 1) + rng.gauss(0, 1.2)
        o = rng.random()
        pair_online[p] = 2 if o < 0.6 else 1 if o < 0.85 else 0

    # --- each respondent's answers ------------------------------------------
    people = []
    for p, side in resp:
        a = {"pair": p, "side": side, "id": "%s-%s" % (p, side)}
        theta = pair_eff[p] + rng.gauss(0.0, 0.35)
        for qid, _, mu, lam, rev in Q5:
            keyed = mu + lam * theta + rng.gauss(0.0, 0.7)
            if side == "B":
                keyed += Q5_ROLE_SHIFT.get(qid, 0.0)
            v = clip(rnd(keyed), 1, 5)
            if rev:
                v = 6 - v
            a["Q5_" + qid] = AGREE[v - 1]
        level = rng.gauss(0.0, 0.8)
        gain = rng.gauss(0.0, 0.8)
        for k, (_, be, bb, ce, cb) in enumerate(Q7, 1):
            bmean, cmean = (be, ce) if side == "E" else (bb, cb)
            b = bmean + level + rng.gauss(0.0, 1.0)
            n = b + cmean + gain + rng.gauss(0.0, 1.1)
            a["Q7#1_%d" % k] = rating_label(clip(rnd(b), 1, 10))
            a["Q7#2_%d" % k] = rating_label(clip(rnd(n), 1, 10))
        a["Q9"] = str(clip(rnd(pair_meet[p] + rng.gauss(0, 0.8)), 2, 12))
        cv = pair_covid[p] + (1 if rng.random() < 0.15 else
                              -1 if rng.random() < 0.15 else 0)
        a["Q10"] = AMOUNT[clip(cv, 1, 5) - 1]
        on = pair_online[p] if rng.random() < 0.85 else rng.choice([0, 1, 2])
        a["Q11"] = ONLINE[on]
        a["Q12"] = ""
        people.append(a)

    # --- Don't know, missing answers, comments ------------------------------
    idx = list(range(len(people)))
    rng.shuffle(idx)
    dk = idx[:2]
    for i in dk:
        people[i]["Q5_4"] = DONT_KNOW
    # one empty cell in each of 7 items, 7 different respondents, none of
    # them a Don't know one (every partnership score from >= 7 items)
    missing_items = ["Q5_2", "Q5_6", "Q7#1_2", "Q7#2_3", "Q9", "Q10", "Q11"]
    for i, item in zip(idx[2:2 + len(missing_items)], missing_items):
        people[i][item] = ""
    rest = idx[2 + len(missing_items):]
    for i, text in zip(rest[:len(COMMENTS)], COMMENTS):
        people[i]["Q12"] = text

    # --- dates, durations, ids ------------------------------------------
    opened = datetime(2021, 3, 8)
    for a in people:
        day = opened + timedelta(days=rng.choice(
            [0, 0, 1, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17]))
        if day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())
        start = day + timedelta(seconds=int(8 * 3600 + rng.random() * 9.5 * 3600))
        a["start"] = start
        a["duration"] = int(300 + rng.random() * 1200)
        a["rid"] = response_id()

    cols = header()
    names = [c[0] for c in cols]

    def row(a, status="IP Address", progress="100", finished="True",
            lat="", lon="", channel="email"):
        end = a["start"] + timedelta(seconds=a["duration"])
        # recorded a second after the end; an unfinished response when
        # Qualtrics closed it (its duration: the week it stayed open)
        rec = end + timedelta(seconds=1 if finished == "True" else 5)
        f = "%Y-%m-%d %H:%M:%S"
        r = {
            "StartDate": a["start"].strftime(f), "EndDate": end.strftime(f),
            "Status": status, "IPAddress": "", "Progress": progress,
            "Duration (in seconds)": str(a["duration"]),
            "Finished": finished, "RecordedDate": rec.strftime(f),
            "ResponseId": a["rid"], "RecipientLastName": "",
            "RecipientFirstName": "", "RecipientEmail": "",
            "ExternalReference": "", "LocationLatitude": lat,
            "LocationLongitude": lon, "DistributionChannel": channel,
            "UserLanguage": "EN-GB", "Q1": "Yes",
        }
        r["Q2"] = ROLE_Q2[a["side"]] if a.get("side") else ""
        for k in names:
            if k not in r:
                r[k] = a.get(k, "")
        if a.get("side"):
            r["PartnerID"] = a["id"]
            r["PairID"] = a["pair"]
            r["Role"] = ROLE[a["side"]]
        return [r[k] for k in names], rec

    out = []
    for a in people:
        out.append(row(a))
    out.sort(key=lambda t: t[1])

    # the preview: the survey's author trying it before it went out
    prev = {"start": datetime(2021, 3, 5, 16, 12, 40), "duration": 274,
            "rid": response_id(), "side": "E", "id": "", "pair": ""}
    for q in Q5:
        prev["Q5_" + q[0]] = "Agree"
    for k in range(1, 5):
        prev["Q7#1_%d" % k] = "5"
        prev["Q7#2_%d" % k] = "7"
    prev.update({"Q9": "6", "Q10": "A little", "Q11": "Yes",
                 "Q12": "test - please ignore"})
    prow, _ = row(prev, status="Survey Preview", lat="51.5072",
                  lon="-0.1276", channel="preview")
    for e in ("PartnerID", "PairID", "Role"):
        prow[names.index(e)] = ""

    # the unfinished response: a partner who did not answer, stopped after
    # the first agreement items; Qualtrics closed it a week later
    answered = {a["id"] for a in people}
    left = [p + "-E" for p in bme_only] + [p + "-B" for p in exec_only]
    left = [x for x in left if x not in answered]
    who = rng.choice(sorted(left))
    unf = {"start": datetime(2021, 3, 19, 13, 41, 7), "duration": 604800,
           "rid": response_id(), "side": who[-1], "id": who,
           "pair": who[:3], "Q5_1": "Agree",
           "Q5_2": "Neither agree nor disagree"}
    urow, _ = row(unf, progress="35", finished="False")

    rows = [[c[0] for c in cols], [c[1] for c in cols], [c[2] for c in cols],
            prow] + [r for r, _ in out] + [urow]
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    with open(os.path.join(outdir, "survey.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))

    # --- the roster -------------------------------------------------------
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["partner_id", "pair", "role"])
    for p in pairs:
        for side in ("E", "B"):
            w.writerow(["%s-%s" % (p, side), p, ROLE[side]])
    with open(os.path.join(outdir, "roster.csv"), "wb") as f:
        f.write(buf.getvalue().encode("utf-8"))

    # --- the codebook ---------------------------------------------------
    with open(os.path.join(outdir, "codebook.csv"), "wb") as f:
        f.write(codebook().encode("utf-8"))


def codebook():
    """The checked codebook of sk-import's clean table of survey.csv: the
    draft (sk-import --codebook-out) finished by hand."""
    head = ["type", "name", "code", "label", "missing", "levels", "scale",
            "reverse", "scoring", "min", "alias", "text"]
    R = []

    def add(**kw):
        R.append([kw.get(h, "") for h in head])

    def comment(text):
        R.append(["# " + text] + [""] * (len(head) - 1))

    comment("Codebook of datasets/plp/survey.csv as sk-import writes it "
            "(sk-import -o plp.csv datasets/plp/survey.csv); SYNTHETIC "
            "data, see datasets/plp/README.md. Written by "
            "scripts/make-plp-data.py from sk-import's draft, checked.")
    for code, label in enumerate(AGREE, 1):
        add(type="level", name="agree5_dk", code=str(code), label=label,
            missing="no")
    add(type="level", name="agree5_dk", code="99", label=DONT_KNOW,
        missing="yes")
    comment("agree5_dk: the five agreement levels and Don't know "
            "(missing=yes: counted apart, never a value); Q5_4 has it")
    comment("points1_10: the questionnaire labels the ends only "
            "(1 = very low, 10 = very high); the export writes them "
            "'1 - Very low' and '10 - Very high', the other points as numbers")
    for code in range(1, 11):
        add(type="level", name="points1_10", code=str(code),
            label=rating_label(code), missing="no")
    for code, label in enumerate(AMOUNT, 1):
        add(type="level", name="amount5", code=str(code), label=label,
            missing="no")
    for code, label in enumerate(ONLINE, 1):
        add(type="level", name="online3", code=str(code), label=label,
            missing="no")
    add(type="scale", name="partnership", scoring="mean", min="6",
        text="Partnership quality and equality")
    comment("partnership: the mean of Q5_1 to Q5_8, Q5_3 and Q5_6 "
            "reverse-keyed (worded against the others); a score from 6 "
            "answered items")
    for qid, wording, _, _, rev in Q5:
        add(type="item", name="Q5_" + qid, levels="agree5_dk",
            scale="partnership", reverse="yes" if rev else "no",
            text=wording)   # the statement, as a paper's table shows it
    for side, label in (("1", "Before the programme"), ("2", "Now")):
        for k, q in enumerate(Q7, 1):
            add(type="item", name="Q7_%s_%d" % (side, k), levels="points1_10",
                reverse="no", alias="Q7#%s_%d" % (side, k),
                text="%s: %s" % (label, q[0]))
    add(type="item", name="Q9", levels="none", reverse="no",
        text="Roughly how many times did you and your partner meet during "
             "the year?")
    comment("Q9: a number typed in (2 to 12 here), read as it is")
    add(type="item", name="Q10", levels="amount5", reverse="no",
        text="How much did COVID-19 affect your partnership?")
    add(type="item", name="Q11", levels="online3", reverse="no",
        text="Did your meetings move online because of COVID-19?")
    comment("Q11: ordered No < Partly < Yes (how far the meetings moved "
            "online); also a group for -g")
    comment("Groups and identifiers, not items: Q2 (role as answered: "
            "'Executive / senior leader', 'BME partner (learning partner)'), "
            "Role (the same from the contact list: 'Executive', "
            "'BME partner'), PairID (the pair, for --dyad and sk-agree "
            "--id), PartnerID (the link to roster.csv); Q1 consent (all Yes); "
            "Q12 free text; the platform's metadata columns")
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(head)
    w.writerows(R)
    return buf.getvalue()


if __name__ == "__main__":
    main()
