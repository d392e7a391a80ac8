// The live page: one EventSource on /api/stream carries the languages the viewer shows
// (`?lang=en,fr,...`, all of them when none is hidden; a new choice opens a new stream, which
// sends the game so far in those languages); each event {"line", "lang", "text"} fills one
// cell of its line's card. Events may repeat after a
// reconnection and arrive in any order across lines, so a cell is simply (line, lang). A
// `reset` event (the page resumed with an id of another server run) clears the feed.
// The stream is asked for `partial` events too: the running translation of the line being
// spoken, shown muted in the same cell and replaced there by the final text.
// The page shows the server's current game, or the one its address names (`/?game=ID`).
// When a game closes (`closed` event) the page keeps it on the board; one that follows the
// current game then waits for the next game to open and switches to it.
"use strict";

const MAX_LINES = 300; // cards kept on the page; older ones leave from the bottom
const STORE_LANGUAGES = "rnnkit.serve.languages";
const STORE_THEME = "rnnkit.serve.theme";
const NEXT_GAME_POLL_MS = 5000; // after a game closes, how often the page asks for the next
const PINNED_GAME = new URLSearchParams(location.search).get("game"); // null: the current one
const GAME_QUERY = PINNED_GAME ? `&game=${encodeURIComponent(PINNED_GAME)}` : "";

const state = {
  languages: [], // served languages, from /api/languages (and any event's lang)
  chosen: null, // Set of the codes this viewer shows, or null: all of them
  cards: new Map(), // line number -> <li> card
  lines: 0,
  source: null,
  asked: null, // the ?lang= list of the open stream ("" for every language)
};

const $ = (id) => document.getElementById(id);

function loadChoice() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_LANGUAGES));
    return Array.isArray(saved) ? new Set(saved) : null;
  } catch (error) {
    return null;
  }
}

function saveChoice() {
  try {
    if (state.chosen === null) localStorage.removeItem(STORE_LANGUAGES);
    else localStorage.setItem(STORE_LANGUAGES, JSON.stringify([...state.chosen]));
  } catch (error) {
    // private browsing: the choice lasts this visit only
  }
}

function isShown(code) {
  return state.chosen === null || state.chosen.has(code);
}

// --- connection state ----------------------------------------------------------------
function setConnection(stateName, text) {
  $("connection").dataset.state = stateName;
  $("connection-text").textContent = text || stateName;
}

function askedLanguages() {
  if (state.chosen === null || state.languages.length === 0) return ""; // every language
  return ["en", ...state.languages.filter((code) => state.chosen.has(code))].join(",");
}

function connect() {
  setConnection(state.source ? "reconnecting" : "connecting");
  state.asked = askedLanguages();
  const only = state.asked ? `&lang=${encodeURIComponent(state.asked)}` : "";
  const source = new EventSource(`/api/stream?partial=1${only}${GAME_QUERY}`);
  state.source = source;
  source.onopen = () => setConnection("live");
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    showEvent(event.line, event.lang, event.text, event.withheld === true);
    if (event.kind === "correction") cardFor(event.line).classList.add("corrected");
  };
  // The server's game is not the one this page shows (it restarted, or the game changed):
  // the events that follow are that game from its start.
  source.addEventListener("reset", () => clearFeed());
  source.addEventListener("partial", (message) => {
    const event = JSON.parse(message.data);
    showPartial(event.line, event.lang, event.text);
  });
  source.addEventListener("closed", (message) => {
    source.close(); // the game is over: the board keeps it
    setConnection("closed", "the game is over");
    if (!PINNED_GAME) awaitNextGame(JSON.parse(message.data).game);
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) {
      // refused (the server restarted: its game is new): start over with a clean board
      source.close();
      setConnection("reconnecting");
      setTimeout(() => {
        clearFeed();
        connect();
      }, 2000);
    } else {
      setConnection("reconnecting"); // the browser retries, sending Last-Event-ID
    }
  };
}

// After the current game closed: ask which game is current until a live one other than the
// closed one is, then show that one from its start.
function awaitNextGame(closed) {
  setTimeout(async () => {
    try {
      const info = await (await fetch("/api/languages")).json();
      if (info.game && info.game !== closed && !info.closed) {
        clearFeed();
        connect();
        return;
      }
    } catch (error) {
      // no game is live (404) or the server is away: ask again
    }
    awaitNextGame(closed);
  }, NEXT_GAME_POLL_MS);
}

// --- languages and the picker ----------------------------------------------------------
function addLanguage(code) {
  if (code === "en" || state.languages.includes(code)) return;
  state.languages.push(code);
  const info = languageInfo(code);
  const chip = document.createElement("button");
  chip.type = "button";
  chip.className = "chip";
  chip.dataset.lang = code;
  chip.setAttribute("aria-pressed", String(isShown(code)));
  const native = document.createElement("span");
  native.lang = info.tag;
  native.dir = info.dir;
  native.textContent = info.native;
  chip.append(native, ` ${info.name}`);
  chip.addEventListener("click", () => toggleLanguage(code));
  $("picker-chips").append(chip);
  for (const card of state.cards.values()) addCell(card, code);
  updateCounts();
}

function toggleLanguage(code) {
  if (state.chosen === null) state.chosen = new Set(state.languages);
  if (state.chosen.has(code)) state.chosen.delete(code);
  else state.chosen.add(code);
  applyChoice();
}

function applyChoice() {
  saveChoice();
  if (state.source && askedLanguages() !== state.asked) {
    state.source.close(); // a stream of the languages now shown; cells already filled stay
    connect();
  }
  for (const chip of $("picker-chips").children) {
    chip.setAttribute("aria-pressed", String(isShown(chip.dataset.lang)));
  }
  for (const cell of document.querySelectorAll(".cell")) cell.hidden = !isShown(cell.dataset.lang);
  updateCounts();
}

function updateCounts() {
  $("language-count").textContent = String(state.languages.length);
  const shown = state.languages.filter(isShown).length;
  $("shown-count").textContent = `${shown}/${state.languages.length}`;
}

// --- the feed ------------------------------------------------------------------------
function addCell(card, code) {
  const grid = card.querySelector(".translations");
  if (grid.querySelector(`.cell[data-lang="${code}"]`)) return;
  const info = languageInfo(code);
  const cell = document.createElement("div");
  cell.className = "cell pending";
  cell.dataset.lang = code;
  cell.dataset.line = card.dataset.line;
  cell.hidden = !isShown(code);
  const label = document.createElement("span");
  label.className = "label";
  const native = document.createElement("span");
  native.lang = info.tag;
  native.textContent = info.native;
  label.append(native, ` · ${code.toUpperCase()}`);
  const text = document.createElement("p");
  text.className = "text";
  text.lang = info.tag;
  text.dir = info.dir;
  text.textContent = "…";
  cell.append(label, text);
  grid.append(cell);
}

function cardFor(line) {
  let card = state.cards.get(line);
  if (card) return card;
  card = document.createElement("li");
  card.className = "card";
  card.dataset.line = String(line);
  card.innerHTML = `<div class="card-head"><span class="line-number"></span><time></time></div>
    <p class="english" lang="en" dir="ltr"></p><div class="translations"></div>`;
  card.querySelector(".line-number").textContent = `#${line + 1}`;
  const now = new Date();
  const time = card.querySelector("time");
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  for (const code of state.languages) addCell(card, code);
  // newest first: before the first card with a smaller line number
  const feed = $("feed");
  const later = [...feed.children].find((other) => Number(other.dataset.line) < line);
  feed.insertBefore(card, later || null);
  state.cards.set(line, card);
  while (state.cards.size > MAX_LINES) {
    const oldest = Math.min(...state.cards.keys());
    state.cards.get(oldest).remove();
    state.cards.delete(oldest);
  }
  for (const other of feed.querySelectorAll(".card.latest")) other.classList.remove("latest");
  feed.firstElementChild.classList.add("latest");
  $("waiting").hidden = true;
  state.lines = Math.max(state.lines, line + 1);
  $("line-count").textContent = String(state.lines);
  return card;
}

// A withheld translation (the server was not confident of it) comes as the English line: it
// is shown as such, in English and marked untranslated, never as if it were the translation.
function showEvent(line, lang, text, withheld = false) {
  const card = cardFor(line);
  if (lang === "en") {
    card.querySelector(".english").textContent = text;
    card.classList.remove("open");
    card.classList.add("closed");
    return;
  }
  addLanguage(lang);
  const cell = card.querySelector(`.cell[data-lang="${lang}"]`);
  const target = cell.querySelector(".text");
  if (target.textContent === text && cell.classList.contains("final")) return;
  target.textContent = text;
  const info = languageInfo(lang);
  target.lang = withheld ? "en" : info.tag;
  target.dir = withheld ? "ltr" : info.dir;
  cell.classList.toggle("withheld", withheld);
  cell.title = withheld ? "Not translated: the translation was not reliable enough" : "";
  cell.classList.remove("pending", "partial");
  cell.classList.add("final", "arrived");
}

// A revision of the open line: it replaces the text in place, until the final one comes.
// The card keeps two lines of room per text (.card.streamed), so it does not grow word by
// word and push the cards below it.
function showPartial(line, lang, text) {
  const card = cardFor(line);
  card.classList.add("streamed");
  if (lang === "en") {
    if (card.classList.contains("closed")) return;
    card.querySelector(".english").textContent = text;
    card.classList.add("open");
    return;
  }
  addLanguage(lang);
  const cell = card.querySelector(`.cell[data-lang="${lang}"]`);
  if (cell.classList.contains("final")) return; // the final text stays
  cell.querySelector(".text").textContent = text;
  cell.classList.remove("pending");
  cell.classList.add("partial");
}

function clearFeed() {
  $("feed").replaceChildren();
  state.cards.clear();
  state.lines = 0;
  $("line-count").textContent = "0";
  $("waiting").hidden = false;
}

// --- theme -----------------------------------------------------------------------------
function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
}

function initTheme() {
  let theme = null;
  try {
    theme = localStorage.getItem(STORE_THEME);
  } catch (error) {
    theme = null;
  }
  if (theme !== "dark" && theme !== "light") {
    theme = window.matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark";
  }
  applyTheme(theme);
  $("theme-toggle").addEventListener("click", () => {
    const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    applyTheme(next);
    try {
      localStorage.setItem(STORE_THEME, next);
    } catch (error) {
      // private browsing: the theme lasts this visit only
    }
  });
}

// --- start -----------------------------------------------------------------------------
async function start() {
  initTheme();
  state.chosen = loadChoice();
  $("picker-toggle").addEventListener("click", () => {
    const picker = $("picker");
    picker.hidden = !picker.hidden;
    $("picker-toggle").setAttribute("aria-expanded", String(!picker.hidden));
  });
  $("pick-all").addEventListener("click", () => {
    state.chosen = null;
    applyChoice();
  });
  $("pick-none").addEventListener("click", () => {
    state.chosen = new Set();
    applyChoice();
  });
  try {
    const response = await fetch(`/api/languages?${GAME_QUERY.slice(1)}`);
    const info = await response.json();
    for (const code of info.languages) addLanguage(code);
  } catch (error) {
    // the stream's events name their languages too
  }
  updateCounts();
  connect();
}

document.addEventListener("DOMContentLoaded", start);
