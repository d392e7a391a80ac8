"""Korean commentary: Hangul names by rule, particles by 받침 (of a syllable, and of a number
read aloud), the clock, and whole sentences, worked out by hand, not copied from output."""

import pytest

from rnnkit.demo.grammar import Event
from rnnkit.demo.languages import ko


def render(template, **slots):
    return ko.TABLE.render(Event(template, **slots))


@pytest.mark.parametrize(
    ("latin", "korean"),
    [
        ("Mensah", "멘사"),  # silent final h
        ("Lindqvist", "린드크비스트"),  # n closes 린; d, k, s, t get ㅡ; qv is kv
        ("Castellano", "카스텔라노"),  # l between vowels: ㄹㄹ
        ("Eklund", "에클룬드"),  # the l of a cluster: ㄹㄹ
        ("Rinaldi", "리날디"),  # l before a consonant closes 날
        ("Ndiaye", "은디아예"),  # a syllabic n; ye glides into 예
        ("Petrov", "페트로프"),
        ("Hartmann", "하르트만"),  # continental r before a consonant: 르
        ("Montoya", "몬토야"),
        ("Iwu", "이우"),
        ("Okonkwo", "오콘쿼"),  # kw + o: 쿼
        ("Ferreira", "페레이라"),
        ("Sutherland", "서덜랜드"),  # an exception: English th and u
    ],
)
def test_hangul(latin, korean):
    assert ko.hangul(latin) == korean


@pytest.mark.parametrize(
    ("surname", "i_ga", "eul", "wa"),
    [
        ("Mensah", "멘사가", "멘사를", "멘사와"),  # 사: no 받침
        ("Marin", "마린이", "마린을", "마린과"),  # 린: ㄴ
        ("Hartmann", "하르트만이", "하르트만을", "하르트만과"),
        ("Talbot", "탤벗이", "탤벗을", "탤벗과"),  # 벗: ㅅ
        ("Varga", "바르가가", "바르가를", "바르가와"),
    ],
)
def test_name_particles(surname, i_ga, eul, wa):
    forms = ko.player(surname)
    assert (forms["i_ga"], forms["eul"], forms["wa"]) == (i_ga, eul, wa)


@pytest.mark.parametrize(
    ("n", "ro"),
    [
        (0, "0으로"),  # 영
        (1, "1로"),  # 일: ㄹ takes 로
        (2, "2로"),  # 이
        (3, "3으로"),  # 삼
        (6, "6으로"),  # 육
        (7, "7로"),  # 칠
        (8, "8로"),  # 팔
        (10, "10으로"),  # 십
        (49, "49로"),  # 사십구
        (51, "51로"),  # 오십일
        (60, "60으로"),  # 육십
        (100, "100으로"),  # 백
        (110, "110으로"),  # 백십
        (105, "105로"),  # 백오
    ],
)
def test_number_particle(n, ro):
    assert ko.number(n)["ro"] == ro


def test_clock():
    assert ko.clock(225) == "3분 45초"
    assert ko.clock(48) == "48초"
    assert ko.clock(180) == "3분"


def test_sentences():
    assert render("assist", player="Haddad", other="Mensah", shot="layup") == (
        "하다드의 어시스트를 받은 멘사가 레이업을 성공시킵니다"
    )
    assert render("substitution", player="Marin", other="Hartmann") == (
        "마린이 하르트만과 교체되어 코트에 들어갑니다"
    )
    assert render("lead_opponent", team="Raptors", opponent="Celtics", a=54, b=49) == (
        "랩터스가 셀틱스에 54대 49로 앞서고 있습니다"
    )
    assert render("tied_clock", a=60, quarter=4, clock=48) == (
        "4쿼터 종료 48초 전, 양 팀이 60대 60으로 동점을 이루고 있습니다"
    )
    assert render("made_clock", player="Tremblay", shot="three", quarter=2, clock=225) == (
        "2쿼터 종료 3분 45초 전, 트랑블레가 3점슛을 성공시킵니다"
    )
    assert render("win", team="Lakers", a=103, b=101) == "레이커스가 103대 101로 승리합니다"


def test_every_name_is_hangul_with_the_right_particles():
    from rnnkit.demo.grammar import PLAYERS

    for surname in PLAYERS:
        forms = ko.player(surname)
        word = forms["name"]
        assert all("가" <= char <= "힣" for char in word), word
        has_coda = (ord(word[-1]) - ord("가")) % 28 != 0
        assert forms["i_ga"] == word + ("이" if has_coda else "가")
        assert forms["eul"] == word + ("을" if has_coda else "를")


def test_new_templates():
    # Ordinals: digits + 번째; 점 ends in ㅁ, so "점으로"; 에 after a team never changes.
    assert ko.TABLE.format_ordinal(3) == "3번째"
    assert render("foul_count", player="Talbot", nth=4) == "탤벗의 4번째 파울입니다"
    assert render("cut_lead", team="Bulls", a=3) == "불스가 점수 차를 3점으로 좁힙니다"
    assert render("player_scores_for", player="Marin", team="Bulls") == (
        "마린이 불스에 득점을 안깁니다"
    )
    assert render("final", team="Lakers", a=103, opponent="Celtics", b=101) == (
        "경기 종료, 레이커스가 셀틱스를 103대 101로 꺾습니다"
    )
    assert render("halftime", team="Raptors", a=60, b=51) == (
        "전반 종료, 랩터스가 60대 51로 앞서 있습니다"
    )
    assert render("turnover_team", player="Varga", team="Knicks") == (
        "바르가가 공을 놓치며 공격권이 닉스로 넘어갑니다"
    )
    assert render("checks_in", player="Marin", team="Bulls") == "불스가 마린을 투입합니다"
    assert render("shooting", player="Mensah", a=8, b=15) == (
        "멘사가 야투 15개 중 8개를 성공시키고 있습니다"
    )


def test_three_numbers_and_the_arena():
    # The trailing team's own score first; 60 육십 takes 으로, 49 사십구 takes 로.
    assert render("trail_score", team="Bulls", c=11, a=60, b=49) == (
        "불스가 49대 60으로 11점 뒤지고 있습니다"
    )
    assert render("lead_score", team="Raptors", c=5, a=54, b=49) == (
        "랩터스가 54대 49로 5점 앞서고 있습니다"
    )
    # 에서/에 never change, so the arena keeps the league's name as it is.
    assert render("arena_lead", team="Raptors", a=54, b=49, arena="Scotiabank Arena") == (
        "이곳 스코샤뱅크 아레나에서 랩터스가 54대 49로 앞서고 있습니다"
    )
