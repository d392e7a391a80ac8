// Typeset the page's math with KaTeX (served by the site itself, see docs/hooks.py): the
// arithmatex spans of Markdown pages and the $...$ of the tutorial's notebooks, again on
// every page that Material's instant navigation loads.
"use strict";

function typeset() {
  renderMathInElement(document.body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "\\[", right: "\\]", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
    ],
    ignoredClasses: ["highlight", "jp-OutputArea"],
    throwOnError: false,
  });
}

if (typeof document$ !== "undefined") document$.subscribe(typeset);
else document.addEventListener("DOMContentLoaded", typeset);
