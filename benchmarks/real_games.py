"""The honest yardstick: a model on real-style commentary it never saw, in every language.

`benchmarks/real_games/dev.tsv` holds hand-written lines of live Raptors commentary with
real NBA players (never produced by the generator), with references in French, Spanish and
Mandarin (`README.md` there says how it may be used: never for training, never for tuning
but the confidence threshold). Each line is translated into every language of the model, as
the live server does (one batched pass per line, beam 3, no roster), and scored:

- invented: the translation holds a number the line does not (any script's digits), or a
  player of another line or of the demo's fictional rosters, in any form its language writes
  (in Latin letters with its capitals: "jump ball" names no LaMelo Ball);
- numbers kept: every number the line writes in digits is in the translation;
- names kept: every player and team the line names is in the translation, in one of the
  forms its language's table writes for it (transliteration, case forms; for a team the
  league's names) or in Latin letters (Mandarin: also the press names of names.tsv);
- loops: a word (or for Chinese, a character; a run of digits or Latin letters is one) n-gram
  repeated three times in a row, or a translation over 3x the line's length as the language
  measures it (3x its grammar's median ratio to the English) and longer than any sentence of
  one event its grammar writes (`too_long`);
- script: a letter outside the language's script and the Latin of names (with the ordinal
  indicators º and ª);
- chrF (sacrebleu) against the references, per language that has them;
- withheld: translations below --min-confidence, shown as the English instead (a withheld
  line invents nothing but misses every other target); "wrong shown": a shown translation
  with an invented fact, a lost number or name, a loop or the wrong script.

It prints one table per kind of line (plain, paraphrase, other, all), the confidence
distribution (the share of lines below each threshold and how many of those were wrong), and
writes every translation with its measures to --out (a TSV).

    python benchmarks/real_games.py --model-dir rnnkit-demo/model
    python benchmarks/real_games.py --model-dir M --min-confidence 0.3 --out translations.tsv
"""

import argparse
import csv
import functools
import re
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import sacrebleu

from rnnkit.cli.arguments import slot_policy
from rnnkit.demo import league
from rnnkit.demo.commentary import generate_corpus
from rnnkit.demo.grammar import PLAYERS
from rnnkit.demo.languages import TABLES
from rnnkit.demo.slot_policy import _form, write_name
from rnnkit.translator.decoding.inference import Translator

HERE = Path(__file__).parent / "real_games"
KINDS = ("plain", "paraphrase", "other")
REFERENCES = ("fr", "es", "zh")
SCRIPT_PREFIXES = {
    "Latin": ("LATIN",),
    "Cyrillic": ("CYRILLIC",),
    "Greek": ("GREEK",),
    "Han": ("CJK",),
    "Hangul": ("HANGUL",),
    "Arabic": ("ARABIC",),
    "Devanagari": ("DEVANAGARI",),
    "Bengali": ("BENGALI",),
    "Gujarati": ("GUJARATI",),
    "Gurmukhi": ("GURMUKHI",),
    "Tamil": ("TAMIL",),
}


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


NUMBER_WORDS = {
    word: value
    for value, words in enumerate(
        [
            (),
            ("one", "first"),
            ("two", "second", "double"),
            ("three", "third", "triple"),
            ("four", "fourth"),
            ("five", "fifth"),
            ("six", "sixth"),
            ("seven", "seventh"),
            ("eight", "eighth"),
            ("nine", "ninth"),
            ("ten", "tenth"),
        ]
    )
    for word in words
}


def source_numbers_any(text):
    """The numbers a line holds, in digits or in words ("third" quarter, "three" points):
    a translation that writes one of these in digits invents nothing."""
    words = re.findall(r"[a-z]+", text.lower())
    return set(numbers(text)) | {NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS}


def numbers(text):
    """The numbers written in digits (any script's), as ints, thousands commas removed."""
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else " " for c in text)
    return [int(run) for run in digits.split()]


def line_numbers(english, names):
    """The numbers of an English line, less those inside the names it mentions ("76ers")."""
    for name in names:
        english = english.replace(name["name"], " ")
    return numbers(english)


def team_forms(lang, nickname):
    """Every way `lang` may write the team `nickname`: the league's names, English ones."""
    team = league.TEAMS[nickname]
    forms = {nickname, team.city, team.full, *team.aliases}
    for value in league.team_names(lang, nickname).values():
        forms |= {value} if isinstance(value, str) else set(value.values())
    return forms


def person_forms(lang, name, press=None):
    """Every way `lang` may write the player `name` (full, surname; forms; Latin; press)."""
    table = TABLES[lang]
    surfaces = {name, surname(name)}
    forms = set(surfaces)
    if press:
        forms |= {press, press.split("·")[-1]}
    for surface in surfaces:
        if table.player is None:
            continue
        keys = table.player("Name")
        for key in keys if isinstance(keys, dict) else [None]:
            forms.add(write_name(table, lang, surface, key))
        forms.add(_form(write_name(table, lang, surface, None), None))
    return {f for f in forms if f}


def table_words(lang):
    """The words (casefolded) the language's table writes in its own sentences: templates,
    shots, rebounds, quarters."""
    table = TABLES[lang]

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | tuple | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from strings(item)

    texts = [table.templates, table.shots, table.rebounds, table.quarters]
    words = " ".join(text for value in texts for text in strings(value)).casefold().split()
    return {word.strip(".,!?:;«»()\"'،，。！") for word in words}


def surname(name):
    """The last word of a name that is not a suffix ("Gary Trent Jr." -> "Trent")."""
    words = [w for w in name.split() if w not in ("Jr.", "Sr.", "II", "III", "IV")]
    return words[-1]


def mentioned(english, names):
    """The names of `names` (rows of names.tsv) that `english` mentions, by full name or
    surname (a surname that is also a common word only when capitalised mid-sentence)."""
    found = []
    for row in names:
        full = row["name"]
        candidates = [full]
        if row["kind"] == "player":
            candidates.append(surname(full))
        for candidate in candidates:
            after = r"(?=$|[^\w'’-]|['’]s\b)"  # a possessive ("Morant's") names him too
            if re.search(rf"(?<![\w'-]){re.escape(candidate)}{after}", english):
                found.append(row)
                break
    return found


def contains(text, forms):
    """Whether `text` holds one of `forms` as a whole word (Chinese: anywhere, if two
    characters or more); in Latin letters with its capitals ("jump ball" does not name
    LaMelo Ball), in other scripts case-insensitively."""
    return matcher(frozenset(forms)).search(text) is not None


def _latin(form):
    return all(unicodedata.name(c, "").startswith("LATIN") for c in form if c.isalpha())


@functools.cache
def matcher(forms):
    """One compiled pattern for `forms` (see contains). A form with Han characters matches
    anywhere ("76人请求暂停"); a form in Latin letters is a word among Latin letters only
    ("Olynyk替换Poeltl", Chinese writing no spaces); a Hangul form may take a particle
    ("아레나에서"); any other is a whole word of its script."""
    edge = r"[\w\u0900-\u0dff]"
    latin = r"[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
    parts = []
    every = {f if _latin(f) else f.casefold() for f in forms if f}
    for form in sorted(every, key=len, reverse=True):
        if re.search(r"[\u3400-\u9fff]", form):
            if len(form) >= 2:
                parts.append(re.escape(form))
        elif _latin(form):
            parts.append(rf"(?<!{latin}){re.escape(form)}(?!{latin})")
        elif re.search(r"[\uac00-\ud7af]", form):
            parts.append(rf"(?<!{edge}){re.escape(form)}")
        else:
            parts.append(rf"(?<!{edge}){re.escape(form)}(?!{edge})")
        if not _latin(form):
            parts[-1] = f"(?i:{parts[-1]})"
    return re.compile("|".join(parts) or r"(?!x)x")


def without(text, forms):
    """`text` with every occurrence of `forms` blanked (the line's own names, before
    looking for other players inside what is left)."""
    for form in sorted(forms, key=len, reverse=True):
        if form:
            text = re.sub(re.escape(form), " ", text, flags=re.IGNORECASE)
    return text


def repeats(text, lang):
    """Whether a word (Chinese: a character; a run of digits or Latin letters there is one
    unit, so "5000" or "III" is no loop) n-gram, n <= 4, comes three times in a row."""
    if lang in ("zh", "yue"):
        units = re.findall(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+", text)
    else:
        units = text.split()
    for n in range(1, 5):
        for start in range(len(units) - 3 * n + 1):
            gram = units[start : start + n]
            if units[start + n : start + 2 * n] == gram == units[start + 2 * n : start + 3 * n]:
                if n > 1 or not all(c in "!.…" for c in gram[0]):
                    return True
    return False


def grammar_lengths(lang):
    """(the median ratio of the length of `lang`'s sentences to the English ones', the
    longest sentence of one event) in the demo grammar's own held-out commentary."""
    return _grammar_lengths()[lang]


@functools.cache
def _grammar_lengths():
    """grammar_lengths for every language, from one corpus of 200 lines each."""
    by_lang = defaultdict(list)
    for code, en, t in generate_corpus(24 * 200, "test", seed=0):
        by_lang[code].append((en, t))
    return {
        code: (statistics.median(len(t) / len(en) for en, t in rows), max(len(t) for _, t in rows))
        for code, rows in by_lang.items()
    }


def too_long(text, english, lang):
    """Whether `text` runs past 3x `english` as `lang` measures it (its grammar's median
    length ratio: Tamil's sentences are 1.4x the English, Mandarin's 0.4x), and past the
    longest sentence of one event the grammar writes in it: a short elliptic line ("Barnes,
    and one!") said in full is no runaway."""
    ratio, longest = grammar_lengths(lang)
    return len(text) > max(3 * ratio * len(english), longest)


def script_ok(text, lang):
    """Every letter of `text` in the language's script or in Latin (names); "º" and "ª",
    the ordinal indicators of Spanish, Italian and Portuguese ("12.º"), are Latin's."""
    allowed = SCRIPT_PREFIXES[TABLES[lang].script] + ("LATIN", "MASCULINE ORD", "FEMININE ORD")
    for char in text:
        if char.isalpha() and not unicodedata.name(char, "").startswith(allowed):
            return False
    return True


def score_line(row, lang, translation, names, other_names):
    """The measures of one translation of `row` into `lang`; `names`: the rows of names.tsv
    it mentions; `other_names`: the forms (sets) of every player it does not."""
    english, text = row["en"], translation.text
    result = {"withheld": translation.withheld, "confidence": translation.confidence}
    if translation.withheld:
        return result
    kept_names, own_forms = 0, set()
    for name in names:
        if name["kind"] == "team":
            forms = team_forms(lang, name["team"] or name["name"]) | {name["name"]}
        elif name["kind"] == "arena":  # (an arena the league does not know: a name)
            forms = {name["name"]} | ({name["zh"]} if lang == "zh" else set())
            forms |= person_forms(lang, name["name"])
            forms.add(league.ARENA_NAMES.get(lang, name["name"]))
            arena = TABLES[lang].arena  # its case forms ("«Скотиабанк Арене»")
            forms |= set(arena.values()) if isinstance(arena, dict) else {arena or ""}
        else:
            forms = person_forms(lang, name["name"], name["zh"] if lang == "zh" else None)
        kept_names += contains(text, forms)
        own_forms |= forms
    result["names_total"], result["names_kept"] = len(names), kept_names
    rest = without(text, own_forms)
    # a number inside a name ("76ers", "76人") is the name's, not a number of the line
    source_numbers, got = line_numbers(english, names), numbers(rest)
    result["numbers_total"] = len(source_numbers)
    result["numbers_kept"] = sum(1 for n in set(source_numbers) if n in got) + (
        len(source_numbers) - len(set(source_numbers))
    )
    invented_number = any(n not in source_numbers_any(english) for n in got)
    invented_name = any(contains(rest, forms) for forms in other_names)
    result["invented"] = invented_number or invented_name
    result["loop"] = repeats(text, lang) or too_long(text, english, lang)
    result["script_ok"] = script_ok(text, lang)
    result["wrong"] = (
        result["invented"]
        or result["numbers_kept"] < result["numbers_total"]
        or kept_names < len(names)
        or result["loop"]
        or not result["script_ok"]
    )
    return result


def summarise(rows):
    def share(part, whole):
        return f"{100 * part / whole:.1f}%" if whole else "n/a"

    table = []
    for kind in (*KINDS, "all"):
        chosen = [r for r in rows if kind == "all" or r["kind"] == kind]
        shown = [r for r in chosen if not r["withheld"]]
        invented = sum(r["invented"] for r in shown)
        numbers_kept = sum(r["numbers_kept"] for r in shown)
        names_kept = sum(r["names_kept"] for r in shown)
        # a withheld line counts as a miss for its numbers and names
        numbers_total = sum(r["numbers_in_line"] for r in chosen)
        names_total = sum(r["names_in_line"] for r in chosen)
        table.append(
            {
                "kind": kind,
                "translations": len(chosen),
                "withheld": share(len(chosen) - len(shown), len(chosen)),
                "invented": share(invented, len(chosen)),
                "numbers kept": share(numbers_kept, numbers_total),
                "names kept": share(names_kept, names_total),
                "loops": share(sum(r["loop"] for r in shown), len(chosen)),
                "wrong script": share(sum(not r["script_ok"] for r in shown), len(chosen)),
                "wrong shown": share(sum(r["wrong"] for r in shown), len(shown)),
            }
        )
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", default="rnnkit-demo/model")
    parser.add_argument("--data", default=str(HERE / "dev.tsv"))
    parser.add_argument("--names", default=str(HERE / "names.tsv"))
    parser.add_argument("--beam", type=int, default=3)
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--out", help="write every translation and its measures here (TSV)")
    args = parser.parse_args()

    lines = read_tsv(args.data)
    names = read_tsv(args.names)
    translator = Translator.load(args.model_dir, slots=slot_policy())
    languages = translator.languages
    players = sorted({n["name"] for n in names if n["kind"] == "player"} | set(PLAYERS))
    forms_of = {}  # a player's forms that are also words of the language's own commentary
    for lang in languages:  # (Punjabi "ਜੰਪ ਬਾਲ", jump ball) show no invented player
        words = table_words(lang)
        forms_of[lang] = {p: person_forms(lang, p) - words for p in players}
    rows, hypotheses = [], defaultdict(list)
    started = time.perf_counter()
    for line in lines:
        named = mentioned(line["en"], names)
        own = {n["name"] for n in named}
        found = translator.translate(
            [line["en"]] * len(languages),
            languages,
            beam=args.beam,
            replace_unk=True,
            min_confidence=args.min_confidence,
        )
        surnames = {surname(name) for name in own}
        for lang, hyps in zip(languages, found):
            translation = hyps[0]
            others = [f for p, f in forms_of[lang].items() if surname(p) not in surnames]
            measured = score_line(line, lang, translation, named, others)
            measured.update(id=line["id"], kind=line["kind"], lang=lang, en=line["en"])
            measured.update(text=translation.text, names_in_line=len(named))
            measured.update(numbers_in_line=len(line_numbers(line["en"], named)))
            rows.append(measured)
            hypotheses[lang].append(translation.text)
    seconds = time.perf_counter() - started
    for row in rows:
        for key in ("numbers_total", "numbers_kept", "names_total", "names_kept"):
            row.setdefault(key, 0)
        for key in ("invented", "loop", "wrong"):
            row.setdefault(key, False)
        row.setdefault("script_ok", True)

    print(
        f"{len(lines)} lines x {len(languages)} languages, beam {args.beam}, min confidence "
        f"{args.min_confidence}, {seconds:.0f} s; model {args.model_dir}\n"
    )
    table = summarise(rows)
    columns = list(table[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for entry in table:
        print("| " + " | ".join(str(entry[c]) for c in columns) + " |")
    print("\nchrF against the references (all lines / plain / paraphrase / other):")
    for lang in REFERENCES:
        if lang not in languages:
            continue
        scores = []
        for kind in (None, *KINDS):
            chosen = [i for i, line in enumerate(lines) if kind in (None, line["kind"])]
            hyps = [hypotheses[lang][i] for i in chosen]
            refs = [lines[i][lang] for i in chosen]
            scores.append(f"{sacrebleu.corpus_chrf(hyps, [refs]).score:.1f}")
        print(f"  {lang}: {' / '.join(scores)}")
    confidences = sorted(r["confidence"] for r in rows)
    print("\nconfidence: share of translations below each threshold (and of those, wrong):")
    for threshold in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        below = [r for r in rows if r["confidence"] < threshold]
        wrong = sum(r["wrong"] for r in below)
        print(f"  < {threshold:.1f}: {100 * len(below) / len(rows):5.1f}% ({wrong} wrong)")
    fifth = confidences[int(0.05 * len(confidences))]
    print(f"  the 5th percentile: {fifth:.3f}")
    if args.out:
        fields = ["id", "kind", "lang", "en", "text", "confidence", "withheld", "invented"]
        fields += ["numbers_total", "numbers_kept", "names_total", "names_kept", "loop"]
        fields += ["script_ok", "wrong"]
        with open(args.out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fields, delimiter="\t", extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
