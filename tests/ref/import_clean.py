#!/usr/bin/env python3
"""import_clean.py - the hand-cleaned reference of tests/import-platforms.sh:
each export of tests/import/input/ cleaned the way a careful researcher
would clean it with Python's csv module, written independently of
sk-import (from the platforms' documented export formats, not from
src/lib/export.c), into tests/import/expected/NAME.csv.

    python3 tests/ref/import_clean.py

The researcher knows what each file is (platform, encoding, delimiter,
labels or numeric values): that is the table FILES below, not a guess.
The rules:

- header rows dropped: Qualtrics 3 (column ids, question text, ImportId
  JSON), SurveyMonkey 2 (the question, then the matrix sub-item or
  'Response'), Forms and spreadsheets 1 (the question text);
- Qualtrics: responses whose Status (Response Type) is a preview, a test
  or spam are dropped (Survey Preview = 1, Survey Test = 2, Spam = 8,
  Preview Spam = 9; IP Address = 0, Imported = 4, Offline = 16 are kept),
  and so are unfinished ones (Finished False / 0);
- a response repeated with the same id and the same answers is kept once;
  the same id with other answers is an error (no table is written);
- the columns are found by their question text and given hand names
  (agreement statements, before/now ratings, ...), see COLUMNS;
- agreement labels as codes 1 (Strongly disagree) .. 5 (Strongly agree),
  "Don't know" as missing (empty); the COVID item 1 (Not at all) .. 5 (A
  great deal); a rating labelled at its end ("10 - Very high") as its
  number; numbers with a decimal comma written with a point; blanks
  around an answer dropped; a free-text answer in a number column (about
  8, 10+) as missing (it is not analysed);
- a numeric-values export's codes are taken as they are.

Columns written: id, role (as answered), equals honest seniority learned
valued holdback meetings_use changed (agreement), before_X and now_X for X
in understanding confidence motivation inclusive (1-10 ratings), meetings
(times met), covid, and hours (Forms only); latin1.csv: id, name, equals,
honest, hours.
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
IMPORT = os.path.join(HERE, "..", "import")

AGREE = ["strongly disagree", "disagree", "neither agree nor disagree",
         "agree", "strongly agree"]
AMOUNT = ["not at all", "a little", "a moderate amount", "a lot",
          "a great deal"]
MISSING = ["don't know", "don\u2019t know", "not applicable"]

STATEMENTS = [
    ("My partner and I related to each other as equals", "equals"),
    ("I could be honest with my partner about race and racism", "honest"),
    ("Differences in seniority got in the way of our partnership",
     "seniority"),
    ("I learned a great deal from my partner", "learned"),
    ("My partner valued what I brought to the partnership", "valued"),
    ("I often felt I had to hold back what I really thought", "holdback"),
    ("Our meetings were a good use of my time", "meetings_use"),
    ("The partnership has changed how I work", "changed"),
]
RATINGS = [
    ("Understanding of race equity issues in the NHS", "understanding"),
    ("Confidence talking about race and racism", "confidence"),
    ("Motivation to act on race equity", "motivation"),
    ("Inclusive leadership practice", "inclusive"),
]
OTHERS = [
    ("Which of these best describes your role in the programme?", "role"),
    ("Roughly how many times did you and your partner meet during the "
     "year?", "meetings"),
    ("How much did COVID-19 affect your partnership?", "covid"),
    ("Average meeting length (hours)", "hours"),
    ("Response ID", "id"), ("Respondent ID", "id"), ("ID", "id"),
    ("Name", "name"),
]
COLUMNS = (["id", "role"] + [h for _, h in STATEMENTS]
           + ["before_" + h for _, h in RATINGS]
           + ["now_" + h for _, h in RATINGS]
           + ["meetings", "covid", "hours"])

# name, platform, encoding, delimiter, numeric values
FILES = [
    ("qualtrics_labels.csv", "qualtrics", "utf-8-sig", ",", False),
    ("qualtrics_numeric.csv", "qualtrics", "utf-8-sig", ",", True),
    ("qualtrics_dup.csv", "qualtrics", "utf-8-sig", ",", False),
    ("qualtrics_dupconflict.csv", "qualtrics", "utf-8-sig", ",", False),
    ("qualtrics_dk.csv", "qualtrics", "utf-8-sig", ",", False),
    ("surveymonkey.csv", "surveymonkey", "utf-8-sig", ",", False),
    ("forms_excel.csv", "forms", "utf-8-sig", ",", False),
    ("forms_semicolon.csv", "forms", "utf-8-sig", ";", False),
    ("forms_utf16.txt", "forms", "utf-16", "\t", False),
    ("latin1.csv", "forms", "latin-1", ",", False),
]


def hand_name(text):
    """The hand name of a column from its question text, or None."""
    text = " ".join(text.split())
    for s, h in STATEMENTS:
        if text.endswith(s):
            return h
    for s, h in RATINGS:
        if text.endswith(s):
            if "Before the programme" in text:
                return "before_" + h
            if "Now" in text:
                return "now_" + h
    for s, h in OTHERS:
        if text == s:
            return h
    return None


def number(v):
    v = v.strip().replace(",", ".")
    return v if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", v) else ""


def code(name, v, numeric):
    v = v.strip()
    if v == "" or v.lower() in MISSING:
        return ""
    if name in ("id", "role", "name"):
        return v
    if numeric:
        return number(v)
    if v.lower() in AGREE:
        return str(AGREE.index(v.lower()) + 1)
    if v.lower() in AMOUNT:
        return str(AMOUNT.index(v.lower()) + 1)
    m = re.fullmatch(r"([0-9]+) - .*", v)
    if m:
        return m.group(1)
    return number(v)


DROP_STATUS = {"Survey Preview", "Survey Test", "Spam", "Preview Spam",
               "1", "2", "8", "9"}


def clean(name, platform, encoding, delim, numeric):
    with open(os.path.join(IMPORT, "input", name), encoding=encoding,
              newline="") as f:
        rows = list(csv.reader(f, delimiter=delim))
    if platform == "qualtrics":
        ids, texts, data = rows[0], rows[1], rows[3:]
        status, finished = ids.index("Status"), ids.index("Finished")
        rid = ids.index("ResponseId")
        data = [r for r in data if r[status] not in DROP_STATUS
                and r[finished] in ("True", "1")]
    elif platform == "surveymonkey":
        # the matrix sub-item in the second row, else the question
        texts = [b if b not in ("", "Response", "Open-Ended Response")
                 else a for a, b in zip(rows[0], rows[1])]
        data, rid = rows[2:], 0
    else:
        texts, data, rid = rows[0], rows[1:], 0
    seen, kept = {}, []
    for r in data:
        if r[rid] in seen:
            if seen[r[rid]] != r:
                return None, "id %s twice with other answers" % r[rid]
            continue
        seen[r[rid]] = r
        kept.append(r)
    where = {}
    for i, t in enumerate(texts):
        h = hand_name(t)
        if h and h not in where:
            where[h] = i
    cols = [c for c in COLUMNS if c in where]
    if name == "latin1.csv":
        cols = ["id", "name", "equals", "honest", "hours"]
    out = [cols]
    for r in kept:
        out.append([code(c, r[where[c]], numeric) for c in cols])
    return out, None


def main():
    os.makedirs(os.path.join(IMPORT, "expected"), exist_ok=True)
    for spec in FILES:
        table, err = clean(*spec)
        base = os.path.splitext(spec[0])[0]
        if table is None:
            print("%s: %s: no table" % (spec[0], err), file=sys.stderr)
            continue
        with open(os.path.join(IMPORT, "expected", base + ".csv"), "w",
                  encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(table)
        print("%s: %d responses, %d columns" % (spec[0], len(table) - 1,
                                                 len(table[0])),
              file=sys.stderr)


if __name__ == "__main__":
    main()
