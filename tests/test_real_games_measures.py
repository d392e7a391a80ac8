"""benchmarks/real_games.py's measures on hand-made translations: a name counts as kept in
the way its language writes it beside other words, and a number inside a name is the
name's. (The yardstick's own run needs a trained model: benchmarks/README.md.)"""

import importlib.util
from pathlib import Path

from rnnkit.translator.decoding.inference import Translation

PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "real_games.py"
spec = importlib.util.spec_from_file_location("real_games", PATH)
real_games = importlib.util.module_from_spec(spec)
spec.loader.exec_module(real_games)

OLYNYK = {"name": "Kelly Olynyk", "kind": "player", "team": "Raptors", "zh": "凯利·奥利尼克"}
POELTL = {"name": "Jakob Poeltl", "kind": "player", "team": "Raptors", "zh": "雅各布·珀尔特尔"}
SIXERS = {"name": "76ers", "kind": "team", "team": "76ers", "zh": "76人"}
ARENA = {"name": "Scotiabank Arena", "kind": "arena", "team": "", "zh": "丰业银行球馆"}


def score(english, lang, text, names):
    row = {"en": english}
    return real_games.score_line(row, lang, Translation(text, 0.0, []), names, [])


def test_latin_names_inside_chinese_text_are_kept():
    # Chinese writes no spaces: "Olynyk替换Poeltl上场" names both players
    result = score("Olynyk checks in for Poeltl.", "zh", "Olynyk替换Poeltl上场", [OLYNYK, POELTL])
    assert result["names_kept"] == 2
    # ... but a Latin name inside a longer Latin word is not
    result = score(
        "Olynyk checks in for Poeltl.", "fr", "Olynykas remplace Poeltl", [OLYNYK, POELTL]
    )
    assert result["names_kept"] == 1


def test_a_number_inside_a_name_is_the_names():
    english = "The 76ers have not scored in 4:12."
    assert real_games.line_numbers(english, [SIXERS]) == [4, 12]
    result = score(english, "zh", "76人已经4分12秒没有得分", [SIXERS])
    assert (result["numbers_total"], result["numbers_kept"], result["names_kept"]) == (2, 2, 1)
    assert not result["invented"]
    # a language that writes the team in words keeps every number all the same
    result = score(english, "fr", "Les 76ers n'ont pas marqué depuis 4:12", [SIXERS])
    assert (result["numbers_kept"], result["names_kept"], result["invented"]) == (2, 1, False)
    # and a number that is nowhere in the line is still invented
    assert score(english, "fr", "Les 76ers mènent de 9 à 4:12", [SIXERS])["invented"]


def test_the_arena_in_any_case_form_of_the_language_is_kept():
    english = "Raptors lead it 30-22 here at Scotiabank Arena."
    ru = "Здесь, на «Скотиабанк Арене», «Рэпторс» ведут со счётом 30:22"
    assert score(english, "ru", ru, [ARENA])["names_kept"] == 1
    ko = "이곳 스코샤뱅크 아레나에서 랩터스가 30대 22로 앞서고 있습니다"  # a particle follows
    assert score(english, "ko", ko, [ARENA])["names_kept"] == 1
    assert score(english, "ru", "«Рэпторс» ведут со счётом 30:22", [ARENA])["names_kept"] == 0


def test_a_players_name_that_is_a_word_of_the_language_is_not_an_invented_player():
    # LaMelo Ball in Punjabi is ਬਾਲ, the "ball" of the table's own "ਜੰਪ ਬਾਲ" (jump ball)
    words = real_games.table_words("pa")
    assert "ਬਾਲ" in words
    ball = real_games.person_forms("pa", "LaMelo Ball")
    assert "ਬਾਲ" in ball and "ਲਾਮੇਲੋ ਬਾਲ" in ball - words
    text = "ਮੋਬਲੇ ਨੇ ਇੰਗ੍ਰਮ ਦੇ ਖ਼ਿਲਾਫ਼ ਜੰਪ ਬਾਲ ਜਿੱਤੀ"
    assert real_games.contains(text, frozenset(ball))  # what the measure used to count
    assert not real_games.contains(text, frozenset(ball - words))


def test_a_latin_name_counts_with_its_capitals():
    # Tagalog says "jump ball" as English does: that is no LaMelo Ball
    ball = real_games.person_forms("tl", "LaMelo Ball")
    assert not real_games.contains("Nanalo si Shead sa jump ball laban kay Holmgren", ball)
    assert real_games.contains("Nagkamali si Ball", ball)
    # other scripts have no capitals to go by: matched as they are written, in any case
    assert real_games.contains("Здесь, на «СКОТИАБАНК АРЕНЕ»", {"«Скотиабанк Арене»"})


def test_ordinal_indicators_are_latin_and_a_letter_of_another_script_is_not():
    assert real_games.script_ok("Es el 12.º cambio de líder del partido.", "es")
    assert real_games.script_ok("É a 12ª troca de liderança no jogo.", "pt")
    assert not real_games.script_ok("Es el cambio де líder", "es")
    assert not real_games.script_ok("Барнс забивает 3점", "ru")


def test_loops_are_repeats_and_runaways_not_a_long_language_or_a_number():
    # a phrase three times in a row is a loop; "5000" or "III" in Chinese is not
    assert real_games.repeats("tira 4 su 5, 6 ai 6 ai 6 ai liberi", "it")
    assert not real_games.repeats("Barnes砍下生涯新高的5000分。", "zh")
    assert not real_games.repeats("Murphy III命中三分", "zh")
    assert real_games.repeats("巴恩斯巴恩斯巴恩斯得分", "zh")
    # a short elliptic line said in full in a language that writes long is no runaway...
    tamil = "டொராண்டோ அணி 61–57 என்ற கணக்கில் முன்னிலை வகிக்கிறது."
    assert not real_games.too_long(tamil, "Toronto up 61-57.", "ta")
    # ... but a translation far past the longest sentence of one event is
    assert real_games.too_long(tamil * 4, "Toronto up 61-57.", "ta")
