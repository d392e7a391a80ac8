"""MkDocs hooks of the documentation site (mkdocs.yml `hooks:`).

* Pages that say `<!-- rnnkit: cli -->` get the help of every `rnnkit` command, made from
  the command line's own argparse parsers as the site is built, so the reference is
  `--help` word for word and cannot drift from it; `<!-- rnnkit: http -->` gets the live
  server's HTTP contract, the docstring of rnnkit/serve/app.py.
* KaTeX (the npm package in docs/node_modules, `npm ci --prefix docs`) is copied into the
  built site under assets/katex, so the site typesets its math with no CDN; without it the
  site is built with a warning (its math shown as TeX), which `--strict` makes an error.
"""

import argparse
import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.rnnkit")
KATEX = Path(__file__).parent / "node_modules" / "katex" / "dist"
WIDTH = "100"  # columns argparse wraps the help at


def commands():
    """(name, help text) of `rnnkit` and of each of its commands."""
    from rnnkit.cli.main import build_parser

    os.environ["COLUMNS"] = WIDTH
    parser = build_parser()
    found = [("rnnkit", parser.format_help())]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((f"rnnkit {name}", sub.format_help()))
    return found


def cli_reference():
    """Markdown: a section per command, its --help in a code block."""
    parts = []
    for name, text in commands():
        parts.append(f"## `{name}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def http_reference():
    from rnnkit.serve import app

    return f"```text\n{app.__doc__.strip()}\n```\n"


def on_page_markdown(markdown, page, config, files):
    markdown = markdown.replace("<!-- rnnkit: cli -->", cli_reference())
    return markdown.replace("<!-- rnnkit: http -->", http_reference())


def on_post_build(config):
    if not KATEX.is_dir():  # (a warning: `mkdocs build --strict` fails on it)
        log.warning(
            "%s is missing, so the math shows as TeX: run `npm ci --prefix docs` (KaTeX)", KATEX
        )
        return
    target = Path(config["site_dir"]) / "assets" / "katex"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(KATEX, target, ignore=shutil.ignore_patterns("*.mjs", "*.js.map", "README*"))
