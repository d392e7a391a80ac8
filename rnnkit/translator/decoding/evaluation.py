"""BLEU and chrF with sacrebleu, per target language and overall.

Each language is scored with the BLEU tokenizer made for it, so the per-language signatures
are sacrebleu's own: 'zh' for Chinese (Mandarin and Cantonese), 'char' for Japanese, Korean
and Thai, '13a' otherwise. sacrebleu's own default for Korean is 'ko-mecab' (and 'ja-mecab'
for Japanese), which needs the MeCab-ko analyser (sacrebleu[ko]); 'char' is the tokenizer of
its list that needs nothing, and Korean particles written onto the word (트렘블레이가) count
in part, not as a whole wrong word. Scripts written with spaces between words (Arabic,
Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Cyrillic, Greek) take '13a', sacrebleu's
default; its 'flores200' subword tokenizer would suit them too but downloads its model at
first use, so it is not used. chrF needs no tokenizer. The overall figure is the macro
average over languages (every language counts the same, however many test lines it has).
"""

from collections import defaultdict

from sacrebleu.metrics import BLEU, CHRF

CHARACTER_SCRIPTS = ("ja", "ko", "th")


def bleu_tokenizer(lang):
    base = (lang or "").split("-")[0].split("_")[0]
    if base in ("zh", "yue"):
        return "zh"
    return "char" if base in CHARACTER_SCRIPTS else "13a"


def score(hypotheses, references, langs):
    """hypotheses, references, langs: parallel lists of str (lang may be None).

    Returns {"bleu", "chrf", "per_language": {lang: {"bleu", "chrf", "sentences",
    "signature"}}, "signature"} with scores on sacrebleu's 0-100 scale.
    """
    if not (len(hypotheses) == len(references) == len(langs)):
        raise ValueError("hypotheses, references and langs must have the same length")
    groups = defaultdict(lambda: ([], []))
    for hyp, ref, lang in zip(hypotheses, references, langs):
        groups[lang][0].append(hyp)
        groups[lang][1].append(ref)
    per_language, signatures = {}, {}
    for lang in sorted(groups, key=str):
        hyps, refs = groups[lang]
        bleu, chrf = BLEU(tokenize=bleu_tokenizer(lang)), CHRF()
        b, c = bleu.corpus_score(hyps, [refs]), chrf.corpus_score(hyps, [refs])
        signature = f"{bleu.get_signature()} | {chrf.get_signature()}"
        per_language[lang or "-"] = {
            "bleu": round(b.score, 2),
            "chrf": round(c.score, 2),
            "sentences": len(hyps),
            "signature": signature,
        }
        signatures[lang] = signature
    n = max(len(per_language), 1)
    return {
        "bleu": round(sum(v["bleu"] for v in per_language.values()) / n, 2),
        "chrf": round(sum(v["chrf"] for v in per_language.values()) / n, 2),
        "per_language": per_language,
        "signature": "macro average over languages of: "
        + "; ".join(f"{lang or '-'}: {sig}" for lang, sig in signatures.items()),
    }


def format_table(result):
    """A plain-text table of per-language scores, for the terminal."""
    lines = [f"{'lang':<8}{'BLEU':>8}{'chrF':>8}{'lines':>8}"]
    for lang, s in result["per_language"].items():
        lines.append(f"{lang:<8}{s['bleu']:>8.1f}{s['chrf']:>8.1f}{s['sentences']:>8}")
    lines.append(f"{'all':<8}{result['bleu']:>8.1f}{result['chrf']:>8.1f}")
    return "\n".join(lines)


def format_latency(result):
    """The latency table of a simultaneous evaluation (AL, DAL, LAAL in source words,
    normalised erasure), for the terminal."""
    lines = [f"{'lang':<8}{'AL':>8}{'DAL':>8}{'LAAL':>8}{'erasure':>9}"]
    rows = [*result["per_language"].items(), ("all", result)]
    for lang, s in rows:
        cells = "".join(
            f"{'-' if s[k] is None else format(s[k], '.2f'):>{w}}"
            for k, w in (("al", 8), ("dal", 8), ("laal", 8), ("erasure", 9))
        )
        lines.append(f"{lang:<8}{cells}")
    return "\n".join(lines)


def evaluate_corpus(translator, corpus, beam=1, **options):
    """Translate a corpus and score it; returns the dict of `score` plus the hypotheses."""
    found = translator.translate(corpus.sources, corpus.langs, beam=beam, **options)
    hypotheses = [hyps[0].text for hyps in found]
    result = score(hypotheses, corpus.targets, corpus.langs)
    result["hypotheses"] = hypotheses
    return result
