"""The form of a counted noun after a number in the Slavic tables (ru, uk, sr, pl).

Russian, Ukrainian and Serbian take the singular after 1, 21, 31 ... (not 11), the paucal
("few") after 2-4, 22-24 ... (not 12-14) and the genitive plural ("many") after the rest;
Polish takes the singular after 1 alone (21 punktów), the rest as they do.
"""


def slavic(n: int, one: str, few: str, many: str, polish: bool = False) -> str:
    """The noun form after the number n (see the module's docstring)."""
    if n == 1 if polish else (n % 10 == 1 and n % 100 != 11):
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many
