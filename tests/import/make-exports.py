#!/usr/bin/env python3
"""make-exports.py - the extra exports of tests/import/input/, made from the
three copies of the shared synthetic exports (../shared/datasets/exports/:
qualtrics_labels.csv, surveymonkey.csv, forms_excel.csv; the answers are
invented, the file shapes follow the platforms' documented CSV exports).
Standard library only; the files it writes are committed, so 'make check'
needs no Python. Run from anywhere:

    python3 tests/import/make-exports.py

It writes, into tests/import/input/ (physical line numbers: qualtrics_*
files have three header rows, the second with embedded line breaks, so
their first response is on line 12):

qualtrics_numeric.csv
    Qualtrics' "numeric values" export of qualtrics_labels.csv: the same
    header rows and responses; Status 0 (IP Address) / 1 (Survey Preview),
    Finished 1 / 0, Q1 (consent) Yes = 1, Q2 (role) Executive / senior
    leader = 1, BME partner (learning partner) = 2, the agreement items
    Q5_* 1 (Strongly disagree) .. 5 (Strongly agree), the 1-10 ratings
    Q7#* as numbers ("10 - Very high" is 10), Q10 1 (Not at all) .. 5 (A
    great deal), Q11 Yes = 1, Partly = 2, No = 3; text entries (Q9, Q12)
    and embedded data (PairID, Role) as exported.
forms_semicolon.csv
    forms_excel.csv as Excel in most of Europe saves it: ';' delimiter,
    decimal commas in 'Average meeting length (hours)' (1,5), quoted only
    where a field holds a ';', a quote or a line break, UTF-8 byte-order
    mark, CRLF.
forms_utf16.txt
    forms_excel.csv saved as Excel's "Unicode text": UTF-16LE with a
    byte-order mark, tab-delimited, CRLF, decimal points.
latin1.csv
    a small one-header-row export (the first six responses of forms_excel,
    a few of its columns) saved in latin-1 (Windows "CSV" without UTF-8),
    no byte-order mark, CRLF, with non-ASCII names (Zoë Adams, François
    Dupré, José Núñez, Chloë Brontë) and a comment with 'café'.
qualtrics_dup.csv
    qualtrics_labels.csv with its second response (R_vvAwSQnENRbsJiz, line
    14) repeated identically after the fifth (as line 18): kept once.
qualtrics_dupconflict.csv
    the same, but the copy on line 18 answers Q5_1 'Strongly agree'
    instead of 'Agree': the same id with different answers, an error.
qualtrics_dk.csv
    qualtrics_labels.csv with four agreement answers replaced by "Don't
    know" (R_EHS2aycZkNge98v Q5_2 on line 13, R_DJKfbge5gnyMDKr Q5_4 on
    line 16, R_hxmSFhS6ND3bNYV Q5_3 on line 22, R_BQBZfV4JhDnwqgN Q5_7 on
    line 23) and the Q9 answer '8' of R_vvAwSQnENRbsJiz (line 14) written
    "8 ", quoted, with a trailing blank (the original's '5 ' on line 21 is
    unquoted).
"""
import csv
import io
import os

HERE = os.path.dirname(os.path.abspath(__file__))
INPUT = os.path.join(HERE, "input")

AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree",
         "Agree", "Strongly agree"]
AMOUNT = ["Not at all", "A little", "A moderate amount", "A lot",
          "A great deal"]


def read(name, delimiter=","):
    with open(os.path.join(INPUT, name), encoding="utf-8-sig",
              newline="") as f:
        return list(csv.reader(f, delimiter=delimiter))


def text(rows, delimiter=","):
    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n",
                   quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
    return out.getvalue()


def write(name, data):
    with open(os.path.join(INPUT, name), "wb") as f:
        f.write(data)


def utf8_bom(s):
    return b"\xef\xbb\xbf" + s.encode("utf-8")


def qualtrics():
    rows = read("qualtrics_labels.csv")
    # the copy must be what Qualtrics wrote, byte for byte, when written back
    with open(os.path.join(INPUT, "qualtrics_labels.csv"), "rb") as f:
        assert f.read() == utf8_bom(text(rows)), "qualtrics_labels round trip"
    return rows


def col(rows, cid):
    return rows[0].index(cid)


def numeric(rows):
    ids = rows[0]
    out = [r[:] for r in rows[:3]]
    maps = {
        "Status": {"IP Address": "0", "Survey Preview": "1"},
        "Finished": {"True": "1", "False": "0"},
        "Q1": {"Yes": "1", "No": "2"},
        "Q2": {"Executive / senior leader": "1",
               "BME partner (learning partner)": "2"},
        "Q10": {a: str(i + 1) for i, a in enumerate(AMOUNT)},
        "Q11": {"Yes": "1", "Partly": "2", "No": "3"},
    }
    for r in rows[3:]:
        n = r[:]
        for c, cid in enumerate(ids):
            v = r[c]
            if v == "":
                continue
            if cid in maps:
                n[c] = maps[cid][v]
            elif cid.startswith("Q5_"):
                n[c] = str(AGREE.index(v) + 1)
            elif cid.startswith("Q7#"):
                n[c] = v.split(" - ")[0]
        out.append(n)
    return out


def main():
    q = qualtrics()
    rid = col(q, "ResponseId")
    write("qualtrics_numeric.csv", utf8_bom(text(numeric(q))))

    # responses: q[3] is the preview (line 12), q[4] the first real one
    dup = q[:9] + [q[5][:]] + q[9:]
    assert dup[9][rid] == "R_vvAwSQnENRbsJiz"
    write("qualtrics_dup.csv", utf8_bom(text(dup)))
    conflict = [r[:] for r in dup]
    c51 = col(q, "Q5_1")
    assert conflict[9][c51] == "Agree"
    conflict[9][c51] = "Strongly agree"
    write("qualtrics_dupconflict.csv", utf8_bom(text(conflict)))

    dk = [r[:] for r in q]
    changes = [("R_EHS2aycZkNge98v", "Q5_2"), ("R_DJKfbge5gnyMDKr", "Q5_4"),
               ("R_hxmSFhS6ND3bNYV", "Q5_3"), ("R_BQBZfV4JhDnwqgN", "Q5_7")]
    for who, cid in changes:
        r = next(r for r in dk if r[rid] == who)
        assert r[col(q, cid)] in AGREE
        r[col(q, cid)] = "Don't know"
    r = next(r for r in dk if r[rid] == "R_vvAwSQnENRbsJiz")
    assert r[col(q, "Q9")] == "8"
    r[col(q, "Q9")] = "8 "
    s = text(dk)
    assert s.count(",8 ,A little,") == 1
    s = s.replace(",8 ,A little,", ',"8 ",A little,')
    write("qualtrics_dk.csv", utf8_bom(s))

    f = read("forms_excel.csv")
    hours = f[0].index("Average meeting length (hours)")
    semi = [r[:] for r in f]
    for r in semi[1:]:
        r[hours] = r[hours].replace(".", ",")
    write("forms_semicolon.csv", utf8_bom(text(semi, ";")))
    write("forms_utf16.txt",
          ("\ufeff" + text(f, "\t")).encode("utf-16-le"))

    keep = ["ID", "Start time", "Completion time", "Email", "Name",
            "My partner and I related to each other as equals",
            "I could be honest with my partner about race and racism",
            "Average meeting length (hours)",
            "Is there anything else you would like to tell us about the "
            "programme?"]
    idx = [f[0].index(k) for k in keep]
    small = [[r[i] for i in idx] for r in f[:7]]
    names = ["Zoë Adams", "", "François Dupré", "José Núñez", "",
             "Chloë Brontë"]
    for r, n in zip(small[1:], names):
        r[4] = n
    small[2][8] = "Our chats in the café helped a lot."
    write("latin1.csv", text(small).encode("latin-1"))


if __name__ == "__main__":
    main()
