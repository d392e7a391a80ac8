"""The publishing token: what a good one is, and how guessing it is slowed down.

The token is compared in constant time (`hmac.compare_digest`); that alone leaves guessing
as fast as the server answers, so `TokenGate` counts wrong tokens per client address: after
`free` wrong tokens every further one doubles the wait before that address may try again
(1 s, 2 s, 4 s, ... at most `longest` s), and a request during the wait gets 429 with
Retry-After without its token being looked at. A right token clears the address's count.
"""

import hmac
import math
import time
from collections import OrderedDict

MIN_TOKEN_CHARS = 16


def token_problem(token):
    """Why `token` cannot be a publishing token (None: it can): at least MIN_TOKEN_CHARS
    characters of printable ASCII without spaces (it travels in an HTTP header)."""
    if not all(33 <= ord(c) <= 126 for c in token):
        return "must be printable ASCII without spaces (it travels in an HTTP header)"
    if len(token) < MIN_TOKEN_CHARS:
        return (
            f"has {len(token)} characters; use at least {MIN_TOKEN_CHARS} (a short one is "
            "guessed), or leave it out for a random one"
        )
    return None


class TokenGate:
    """Checks Bearer tokens against the publishing token, slowing down wrong guesses."""

    def __init__(self, token, free=5, longest=300.0, addresses=65536, clock=time.monotonic):
        self.expected = token.encode()
        self.free, self.longest, self.addresses, self.clock = free, longest, addresses, clock
        self.wrong = OrderedDict()  # address -> (wrong tokens so far, may try again at)

    def wait(self, address):
        """Seconds `address` must wait before its next token is checked (0: none)."""
        entry = self.wrong.get(address)
        return 0.0 if entry is None else max(0.0, entry[1] - self.clock())

    def retry_after(self, address):
        """The wait as an HTTP Retry-After value: whole seconds, at least 1."""
        return max(1, math.ceil(self.wait(address)))

    def check(self, address, given):
        """Whether `given` (bytes) is the token; a wrong one adds to `address`'s wait."""
        if hmac.compare_digest(given, self.expected):
            self.wrong.pop(address, None)
            return True
        count = self.wrong.pop(address, (0, 0.0))[0] + 1
        delay = 0.0 if count <= self.free else min(self.longest, 2.0 ** (count - self.free - 1))
        self.wrong[address] = (count, self.clock() + delay)
        while len(self.wrong) > self.addresses:  # forget the address least recently wrong
            self.wrong.popitem(last=False)
        return False
