"""Tests for the commentary generator: determinism, held-out splits, grammar, live games.

The exact renderings below were written by hand from knowledge of each language, not
copied from the module's output, so they check the grammar rather than freeze it.
"""

import re
import string
from collections import Counter
from random import Random

import pytest

from rnnkit.translator.commentary import (
    FIELD_GOALS,
    LANGUAGES,
    REBOUNDS,
    ROSTERS,
    SHOTS,
    TABLES,
    TEMPLATES,
    Event,
    Game,
    generate_corpus,
    play_by_play,
    random_event,
    split_of,
    write_tsv,
)

# Numbers (scores, clocks, Vietnamese "54–49") are copied, not learned as words.
NUMBER = re.compile(r"^[\d:–]+$")


def every_event() -> list[Event]:
    """One event per template and per value of its shot, rebound and quarter slots."""
    events = []
    for template, slots in TEMPLATES.items():
        shots = FIELD_GOALS if template in ("assist", "block") else SHOTS
        for shot in shots if "shot" in slots else [None]:
            for rebound in REBOUNDS if "rebound" in slots else [None]:
                for quarter in (1, 2, 3, 4) if "quarter" in slots else [None]:
                    values = dict(
                        player="Tremblay",
                        other="Mensah",
                        team="Raptors",
                        opponent="Celtics",
                        shot=shot,
                        rebound=rebound,
                        a=54,
                        b=49,
                        quarter=quarter,
                        clock=225,
                    )
                    events.append(Event(template, **{s: values[s] for s in slots}))
    return events


def words(lang: str, sentence: str) -> set[str]:
    # Mandarin has no spaces; its unit is the character (Latin names come apart too).
    tokens = sentence.replace(" ", "") if lang == "zh" else sentence.split()
    return {token for token in tokens if not NUMBER.match(token) and not token.isdigit()}


def test_languages():
    assert LANGUAGES == {
        "fr": "French",
        "es": "Spanish",
        "pt": "Portuguese",
        "it": "Italian",
        "zh": "Mandarin",
        "vi": "Vietnamese",
    }


def test_corpus_is_deterministic_from_seed():
    assert generate_corpus(200, seed=3) == generate_corpus(200, seed=3)
    assert generate_corpus(200, seed=3) != generate_corpus(200, seed=4)
    assert play_by_play(seed=5, n_events=40) == play_by_play(seed=5, n_events=40)
    assert play_by_play(seed=5, n_events=40) != play_by_play(seed=6, n_events=40)


def test_corpus_shape_and_language_cycle():
    examples = generate_corpus(13, languages=["zh", "fr"])
    assert len(examples) == 13
    assert [lang for lang, _, _ in examples[:4]] == ["zh", "fr", "zh", "fr"]
    # Each English sentence is given in every requested language in turn.
    assert examples[0][1] == examples[1][1]
    with pytest.raises(ValueError):
        generate_corpus(5, languages=["xx"])
    with pytest.raises(ValueError):
        generate_corpus(5, split="validation")


def test_splits_never_share_a_sentence():
    english = {
        split: {en for _, en, _ in generate_corpus(2000, split=split, languages=["fr"])}
        for split in ("train", "dev", "test")
    }
    assert english["train"].isdisjoint(english["dev"])
    assert english["train"].isdisjoint(english["test"])
    assert english["dev"].isdisjoint(english["test"])
    # Held-out splits are varied, not a handful of templates.
    assert len(english["dev"]) > 500 and len(english["test"]) > 500


def test_split_is_a_pure_function_of_the_combination():
    # Same combination, different clock: same split, whatever the numbers.
    assert split_of(Event("made_clock", player="Tremblay", shot="three", quarter=1, clock=5)) == (
        split_of(Event("made_clock", player="Tremblay", shot="three", quarter=4, clock=600))
    )
    # Held-out combinations exist, and most are train.
    events = [random_event(Random(i), template) for i in range(500) for template in TEMPLATES]
    found = Counter(split_of(e) for e in events)
    assert found["dev"] > 0 and found["test"] > 0 and found["train"] > found["dev"]


def test_held_out_words_are_all_seen_in_train():
    train = generate_corpus(12000, split="train", seed=1)
    seen = {lang: set() for lang in ["en", *LANGUAGES]}
    for lang, en, target in train:
        seen["en"] |= words("en", en)
        seen[lang] |= words(lang, target)
    for split in ("dev", "test"):
        for lang, en, target in generate_corpus(3000, split=split, seed=1):
            assert words("en", en) <= seen["en"], en
            assert words(lang, target) <= seen[lang], (lang, target)


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_every_template_uses_exactly_its_slots(lang):
    assert set(TABLES[lang].templates) == set(TEMPLATES)
    for template, pattern in TABLES[lang].templates.items():
        fields = {
            name.split("[")[0]
            for _, name, _, _ in string.Formatter().parse(pattern)
            if name is not None
        }
        assert fields == set(TEMPLATES[template]), (lang, template)


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_every_event_renders_cleanly(lang):
    rendered = [event.render(lang) for event in every_event()]
    for sentence in rendered:
        assert sentence == sentence.strip() and "  " not in sentence, sentence
        assert not re.search(r"[{}]|None", sentence), sentence
        assert sentence[0] == sentence[0].upper(), sentence  # starts with a capital or a name
    # Different events never collapse to the same English sentence (that would let one
    # sentence belong to two splits).
    if lang == "en":
        assert len(set(rendered)) == len(rendered)


def test_every_sentence_is_short():
    for event in every_event():
        assert 3 <= len(event.english.split()) <= 16, event.english


# Hand-written expected translations.
MADE_THREE_WITH_CLOCK = Event("made_clock", player="Tremblay", shot="three", quarter=2, clock=225)
LEAD = Event("lead_opponent", team="Raptors", opponent="Celtics", a=54, b=49)
ASSIST = Event("assist", player="Haddad", other="Mensah", shot="layup")
BLOCK = Event("block", player="Donnelly", other="Varga", shot="dunk")
QUARTER = Event("quarter_start", quarter=3)
TIED = Event("tied_clock", a=60, quarter=4, clock=48)

EXPECTED = {
    MADE_THREE_WITH_CLOCK: {
        "en": "Tremblay makes a three-pointer with 3:45 left in the second quarter",
        "fr": "Tremblay réussit un tir à trois points à 3:45 de la fin du deuxième quart-temps",
        "es": "Tremblay anota un triple a falta de 3:45 para el final del segundo cuarto",
        "pt": "Tremblay acerta um arremesso de três faltando 3:45 para o fim do segundo quarto",
        "it": "Tremblay realizza una tripla a 3:45 dalla fine del secondo quarto",
        "zh": "Tremblay在第二节还剩3:45时命中一记三分球",
        "vi": "Tremblay ném ba điểm thành công khi hiệp hai còn 3:45",
    },
    LEAD: {
        "en": "The Raptors lead the Celtics 54 to 49",
        "fr": "Les Raptors mènent 54 à 49 face aux Celtics",
        "es": "Los Raptors superan a los Celtics por 54 a 49",
        "pt": "Os Raptors estão à frente dos Celtics por 54 a 49",
        "it": "I Raptors sono avanti 54 a 49 sui Celtics",
        "zh": "猛龙以54比49领先凯尔特人",
        "vi": "Raptors dẫn trước Celtics 54–49",
    },
    ASSIST: {
        "en": "Haddad finds Mensah for the layup",
        "fr": "Haddad trouve Mensah pour le lay-up",
        "es": "Haddad encuentra a Mensah para la bandeja",
        "pt": "Haddad encontra Mensah para a bandeja",
        "it": "Haddad trova Mensah per l'appoggio",
        "zh": "Haddad助攻Mensah上篮得手",
        "vi": "Haddad chuyền bóng cho Mensah lên rổ",
    },
    BLOCK: {
        "en": "Donnelly blocks Varga on the dunk",
        "fr": "Donnelly contre le dunk de Varga",
        "es": "Donnelly bloquea el mate de Varga",
        "pt": "Donnelly dá um toco em Varga na enterrada",
        "it": "Donnelly stoppa la schiacciata di Varga",
        "zh": "Donnelly封盖了Varga的扣篮",
        "vi": "Donnelly chặn cú úp rổ của Varga",
    },
    QUARTER: {
        "en": "The third quarter begins",
        "fr": "Début du troisième quart-temps",
        "es": "Comienza el tercer cuarto",
        "pt": "Começa o terceiro quarto",
        "it": "Inizia il terzo quarto",
        "zh": "第三节比赛开始",
        "vi": "Hiệp ba bắt đầu",
    },
    TIED: {
        "en": "The game is tied at 60 with 0:48 left in the fourth quarter",
        "fr": "Égalité à 60 partout à 0:48 de la fin du quatrième quart-temps",
        "es": "El partido está empatado a 60 a falta de 0:48 para el final del cuarto cuarto",
        "pt": "O jogo está empatado em 60 a 60 faltando 0:48 para o fim do quarto quarto",
        "it": "La partita è in parità a quota 60 a 0:48 dalla fine del quarto quarto",
        "zh": "第四节还剩0:48，双方战成60平",
        "vi": "Hai đội đang hòa 60–60 khi hiệp bốn còn 0:48",
    },
}


@pytest.mark.parametrize(
    ("event", "lang"), [(event, lang) for event in EXPECTED for lang in EXPECTED[event]]
)
def test_exact_rendering(event, lang):
    assert event.render(lang) == EXPECTED[event][lang]


def test_agreement_and_contractions():
    def render(lang, template, **slots):
        return Event(template, **slots).render(lang)

    # Feminine nouns take feminine articles; masculine ones masculine.
    assert render("es", "made", player="Iwu", shot="layup") == "Iwu anota una bandeja"
    assert render("es", "made", player="Iwu", shot="three") == "Iwu anota un triple"
    assert render("pt", "missed", player="Iwu", shot="dunk") == "Iwu erra uma enterrada"
    assert render("pt", "missed", player="Iwu", shot="free_throw") == "Iwu erra um lance livre"
    assert render("it", "missed", player="Iwu", shot="three") == "Iwu sbaglia una tripla"
    assert render("it", "assist", player="Iwu", other="Marin", shot="jumper") == (
        "Iwu trova Marin per il tiro in sospensione"
    )
    assert "une faute personnelle" in render("fr", "foul_personal", player="Iwu", other="Marin")
    assert render("fr", "rebound", player="Iwu", rebound="defensive") == (
        "Iwu prend le rebond défensif"
    )
    # Contractions: fr "du", es "del", pt "no", it "al"/"del".
    assert render("fr", "quarter_end", quarter=1) == "Fin du premier quart-temps"
    assert render("es", "quarter_end", quarter=1) == "Fin del primer cuarto"
    assert render("pt", "block", player="Iwu", other="Marin", shot="three") == (
        "Iwu dá um toco em Marin no arremesso de três"
    )
    assert render("it", "substitution", player="Iwu", other="Marin") == (
        "Iwu entra al posto di Marin"
    )
    assert render("it", "quarter_end", quarter=2) == "Fine del secondo quarto"


def test_names_are_kept_and_numbers_are_copied():
    event = Event("lead_clock", team="Knicks", a=101, b=99, quarter=4, clock=7)
    for lang in LANGUAGES:
        sentence = event.render(lang)
        assert "101" in sentence and "99" in sentence and "0:07" in sentence
    assert event.render("zh") == "第四节还剩0:07，尼克斯以101比99领先"
    assert Event("steal", player="Okonkwo", other="Szabo").render("zh") == "Okonkwo抢断Szabo"


def test_write_tsv(tmp_path):
    examples = generate_corpus(14, languages=["zh", "vi"])
    path = tmp_path / "corpus.tsv"
    write_tsv(path, examples)
    text = path.read_bytes().decode("utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert [tuple(line.split("\t")) for line in text.splitlines()] == examples
    with pytest.raises(ValueError):
        write_tsv(path, [("fr", "a\tb", "c")])


def replay(events: list[Event]) -> None:
    """Check a game's events against a score and clock kept independently here."""
    team_of = {player: team for team, players in ROSTERS.items() for player in players}
    points = {"three": 3, "jumper": 2, "layup": 2, "dunk": 2, "free_throw": 1}
    score = Counter()
    quarter, clock = 0, 0
    for event in events:
        if event.template == "quarter_start":
            assert event.quarter == quarter + 1 and event.clock == 12 * 60
            quarter, clock = event.quarter, event.clock
        assert event.quarter == quarter and 0 <= event.clock <= clock, event
        clock = event.clock
        if event.template in ("made", "made_clock"):
            score[team_of[event.player]] += points[event.shot]
        elif event.template == "assist":
            assert team_of[event.player] == team_of[event.other]
            score[team_of[event.other]] += points[event.shot]
        elif event.template in ("lead", "lead_opponent", "lead_clock", "win"):
            others = [team for team in score if team != event.team]
            assert score[event.team] == event.a and all(score[t] == event.b for t in others)
            assert event.a > event.b
        elif event.template in ("tied", "tied_clock"):
            assert len(set(score.values())) <= 1 and max(score.values(), default=0) == event.a
        elif event.template in ("steal", "block", "foul_personal", "foul_shooting"):
            assert team_of[event.player] != team_of[event.other]
        elif event.template == "substitution":
            assert team_of[event.player] == team_of[event.other]


@pytest.mark.parametrize("seed", range(5))
def test_live_game_keeps_score_and_clock(seed):
    events = play_by_play(seed=seed, n_events=10_000)
    assert events[0].english == "The first quarter begins"
    assert [e.quarter for e in events if e.template == "quarter_end"] == [1, 2, 3, 4]
    assert events[-1].template == "win" and events[-2].english == "End of the fourth quarter"
    replay(events)
    # After a miss or a block the ball is loose, and the next line is the rebound.
    for before, after in zip(events, events[1:]):
        if before.template == "block" or (
            before.template == "missed" and before.shot != "free_throw"
        ):
            assert after.template == "rebound", (before, after)


def test_live_game_is_short_by_default_and_renders_everywhere():
    events = play_by_play(seed=0)
    assert len(events) == 12
    for event in events:
        for lang in LANGUAGES:
            assert event.render(lang)


def test_live_game_prefers_its_split():
    for split, other in (("test", "dev"), ("dev", "test")):
        found = Counter(split_of(e) for seed in range(3) for e in Game(seed=seed, split=split))
        total = sum(found.values())
        assert found[split] > 0.15 * total
        # Only events with no free choice (a fouled player's free throws) may come from
        # the other held-out split.
        assert found[other] < 0.02 * total
    assert all(split_of(e) == "train" for e in play_by_play(seed=1, n_events=60, split="train"))
