"""The documentation site (mkdocs.yml, docs/): `mkdocs build --strict` is clean, with every
tutorial page executed as the site is built (a page that stops running fails here, which is
what keeps the tutorial from drifting away from the library), the CLI reference equal to
`--help`, the HTTP contract the server's own, KaTeX served by the site itself and nothing
fetched from another host; in Chromium, the math typeset (no TeX left), every image loaded,
no console error, and the search finding "vanishing"; and the rnnkit program of "rnnkit for
PyTorch users" runs."""

import html
import os
import re
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from serving import CHROMEDRIVER, CHROMIUM, chromium

ROOT = Path(__file__).resolve().parent.parent
KATEX = ROOT / "docs" / "node_modules" / "katex" / "dist" / "katex.min.js"


def text_of(page):
    """The words of an HTML page, tags removed and entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not KATEX.exists():
        pytest.skip("KaTeX is missing: npm ci --prefix docs (the site's math)")
    out = tmp_path_factory.mktemp("site")
    # one BLAS thread: the pages' small products run several times faster than with a pool
    # that competes for the 2 cores (and the same on every machine)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "100", "OPENBLAS_NUM_THREADS": "1"}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert built.returncode == 0, built.stderr[-4000:]
    return out


def test_every_tutorial_page_was_executed_with_its_exercise_checked(site):
    """Outputs of every page (each page's last ones come from its exercises)."""
    outputs = {
        "01_notation": [
            "m = 400 examples",
            "sentences where encode differs from Vocabulary.encode: 0",
        ],
        "02_words": ["one_hot @ W equals W[ids]: True", "True True"],
        "03_forward": ["the loop equals nn.RNN: True", "\nTrue"],
        "04_bptt": [
            "backward() equals the finite differences: True",
            "the sum of the per-step gradients equals dL/dW_aa: True",
        ],
        "05_training": ["your step equals optim.SGD's: True", "J < 0.2 at step"],
        "06_gradients": [
            "clip equals clip_grad_norm_: True",
            "my_input_gradient_norms agrees with input_gradient_norms: True",
        ],
        "07_gates": [
            "reset_after=True: the simplified GRU: True",
            "check_gru_step(my_gru_step): True",
            "check_lstm_step(my_lstm_step): True",
        ],
        "08_translator": [
            "default_policy -> RetranslationPolicy",
            "equals the heat map's first row: True",
        ],
    }
    for page, wanted in outputs.items():
        text = text_of(site / "tutorial" / page / "index.html")
        for output in wanted:
            assert output in text, (page, output)


def test_the_pages_that_plot_show_their_figures(site):
    # (a library that switched matplotlib's backend on import once hid them: plots.py)
    for page in ("05_training", "06_gradients", "07_gates", "08_translator"):
        built = (site / "tutorial" / page / "index.html").read_text(encoding="utf-8")
        assert "data:image/png;base64," in built, page


def test_the_cli_reference_is_the_parsers_help(site):
    import importlib.util

    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    text = text_of(site / "reference" / "cli" / "index.html")
    for name, help_text in hooks.commands():
        for line in help_text.strip().splitlines():
            assert line.strip() in text, (name, line)


def test_the_http_reference_is_the_servers_contract(site):
    from rnnkit.serve import app

    text = text_of(site / "reference" / "http" / "index.html")
    for line in app.__doc__.strip().splitlines():
        assert line.strip() in text


def test_nothing_is_fetched_from_another_host_and_katex_is_served(site):
    assert (site / "assets" / "katex" / "katex.min.js").exists()
    assert (site / "assets" / "katex" / "contrib" / "auto-render.min.js").exists()
    external = re.compile(r"""<(?:script|link|img)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""")
    for page in site.rglob("*.html"):
        found = external.findall(page.read_text(encoding="utf-8"))
        assert not found, (page.relative_to(site), found[:3])
    assert "fonts.googleapis" not in "".join(p.read_text() for p in site.rglob("*.css"))


def test_the_rnnkit_program_for_pytorch_users_runs():
    page = (ROOT / "docs" / "pytorch.md").read_text(encoding="utf-8")
    block = page.split('=== "rnnkit"')[1].split("```python")[1].split("```")[0]
    code = "\n".join(line[4:] for line in block.splitlines()).replace("range(100)", "range(2)")
    scope = {}
    exec(compile(code, "pytorch.md", "exec"), scope)
    assert scope["loss"].data.shape == () and float(scope["loss"].data) > 0


@pytest.mark.skipif(
    not all(os.access(path, os.X_OK) for path in (CHROMIUM, CHROMEDRIVER)),
    reason="chromium and chromedriver are missing: apt-get install chromium chromium-driver",
)
def test_in_chromium_math_is_typeset_images_load_and_search_finds_vanishing(site, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    handler = partial(QuietFiles, directory=str(site))
    files = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=files.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{files.server_address[1]}"
    browser = chromium(tmp_path / "chromium-profile", "--window-size=1280,1000")
    browser.set_page_load_timeout(60)
    wait = WebDriverWait(browser, 60, poll_frequency=0.2)
    try:
        for page in ("", "tutorial/03_forward/", "tutorial/06_gradients/", "pytorch/"):
            browser.get(f"{url}/{page}")
            wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
            if "tutorial" in page:  # KaTeX has typeset the equations, none left as TeX
                wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".katex"))
                text = browser.find_element(By.TAG_NAME, "article").text
                assert "$$" not in text and "\\frac" not in text and "W_{aa}" not in text, page
            broken = browser.execute_script(
                "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0)"
                ".map(i => i.src.slice(0, 80))"
            )
            assert broken == [], (page, broken)
            errors = [
                entry["message"]
                for entry in browser.get_log("browser")
                if entry["level"] == "SEVERE" and "favicon" not in entry["message"]
            ]
            assert errors == [], (page, errors)
        browser.get(f"{url}/?q=vanishing")  # Material's search, from its own index
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
        found = " ".join(
            e.text for e in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
        )
        assert "Vanishing" in found or "vanishing" in found
    finally:
        browser.quit()
        files.shutdown()


class QuietFiles(SimpleHTTPRequestHandler):
    """The built site over HTTP (its search runs in a worker, which file:// would not
    allow), without a log line per request."""

    def log_message(self, *args):
        pass


def test_every_public_name_of_nn_and_optim_has_a_docstring_and_is_in_the_reference(site):
    import inspect

    from rnnkit import nn, optim

    def public(module):
        """The classes and functions of its __all__ (else those it defines itself)."""
        names = getattr(module, "__all__", None) or [
            name for name, value in vars(module).items() if not name.startswith("_")
        ]
        return [
            name
            for name in names
            if (inspect.isclass(getattr(module, name)) or inspect.isfunction(getattr(module, name)))
            and (hasattr(module, "__all__") or getattr(module, name).__module__ == module.__name__)
        ]

    for module, page in ((nn, "nn"), (optim, "optim")):
        built = (site / "reference" / page / "index.html").read_text(encoding="utf-8")
        for name in public(module):
            value = getattr(module, name)
            assert vars(value).get("__doc__") if inspect.isclass(value) else value.__doc__, name
            assert f"{module.__name__}.{name}" in built, f"{name} is not in reference/{page}"
