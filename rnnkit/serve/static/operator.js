// The operator's page: post commentary, see each line's state (queued, translated, with the
// time from the post to its translations), the queue and the viewers, and correct a line
// already sent (its new text replaces it for every viewer, in every language).
// The publishing token is asked once and kept in this tab's sessionStorage only. The page
// follows the server's current game (or `/operator?game=ID`) through the same stream as the
// viewers' page, asking for the English and one translation (all of a line's translations
// arrive together), and reads the queue and the viewers from /healthz.
"use strict";

const TOKEN_KEY = "rnnkit.operator.token";
const HEALTH_MS = 2000;
const PINNED_GAME = new URLSearchParams(location.search).get("game");
const $ = (id) => document.getElementById(id);

const state = {
  game: PINNED_GAME,
  languages: [],
  lines: new Map(), // line number -> { row, posted: ms (when this page posted it), text }
};

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function askToken() {
  $("token-form").hidden = false;
  $("token").focus();
}

function setConnection(name, text) {
  $("connection").dataset.state = name;
  $("connection-text").textContent = text || name;
}

function query(extra) {
  const params = new URLSearchParams(extra || {});
  if (state.game) params.set("game", state.game);
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function publish(path, body) {
  const response = await fetch(path + query(), {
    method: "POST",
    headers: { Authorization: `Bearer ${token()}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    askToken();
  }
  if (!response.ok) throw new Error(answer.error || `HTTP ${response.status}`);
  return answer;
}

function rowFor(number) {
  let entry = state.lines.get(number);
  if (entry) return entry;
  const row = document.createElement("li");
  row.className = "op-line";
  row.dataset.line = String(number);
  row.innerHTML = `<span class="number"></span><span class="text" lang="en"></span>
    <span class="state"></span><button type="button" class="fix">Correct</button>`;
  row.querySelector(".number").textContent = `#${number}`;
  row.querySelector(".fix").addEventListener("click", () => startCorrection(number));
  const list = $("lines");
  list.insertBefore(row, list.firstChild);
  entry = { row, posted: null, translatedAt: null, text: "" };
  state.lines.set(number, entry);
  return entry;
}

function setState(number, name, detail) {
  const entry = rowFor(number);
  entry.row.dataset.state = name;
  entry.row.querySelector(".state").textContent = detail ? `${name} · ${detail}` : name;
}

function showEnglish(number, text) {
  const entry = rowFor(number);
  entry.text = text;
  const shown = entry.row.querySelector(".text");
  if (shown) shown.textContent = text;
}

function startCorrection(number) {
  const entry = rowFor(number);
  const shown = entry.row.querySelector(".text");
  if (!shown) return; // already being corrected
  const input = document.createElement("input");
  input.className = "correction";
  input.value = entry.text;
  input.setAttribute("aria-label", `correct line ${number}`);
  shown.replaceWith(input);
  input.focus();
  const finish = (text) => {
    const span = document.createElement("span");
    span.className = "text";
    span.lang = "en";
    span.textContent = text;
    input.replaceWith(span);
  };
  input.addEventListener("keydown", async (event) => {
    if (event.key === "Escape") finish(entry.text);
    if (event.key !== "Enter") return;
    const text = input.value.trim();
    try {
      // queued from now: the stream's events (which may come before the answer) move it on
      entry.posted = performance.now();
      setState(number, "queued", "correction");
      await publish(`/api/lines/${number}/correction`, { text });
      finish(text);
    } catch (error) {
      $("post-error").textContent = error.message;
    }
  });
}

function connect() {
  const langs = ["en", ...state.languages.slice(0, 1)].join(",");
  const source = new EventSource(`/api/stream${query({ lang: langs })}`);
  source.onopen = () => setConnection("live");
  source.onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.lang === "en") {
      showEnglish(event.line, event.text);
      setState(event.line, "queued", event.kind === "correction" ? "correction" : "");
      return;
    }
    const entry = rowFor(event.line);
    entry.translatedAt = performance.now();
    const took = entry.posted === null ? "" : `${Math.round(entry.translatedAt - entry.posted)} ms`;
    entry.posted = null;
    setState(event.line, "translated", took);
  };
  source.addEventListener("reset", () => {
    state.lines.clear();
    $("lines").replaceChildren();
  });
  source.addEventListener("closed", () => {
    source.close();
    setConnection("closed", "the game is over");
  });
  source.onerror = () => setConnection("reconnecting");
}

async function health() {
  try {
    const info = await (await fetch("/healthz")).json();
    $("queue").textContent = String(info.waiting);
    $("viewers").textContent = String(info.viewers);
  } catch (error) {
    // the server is away: the stream's state says so
  }
  setTimeout(health, HEALTH_MS);
}

async function start() {
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    $("token-form").hidden = true;
    $("line").focus();
  });
  $("post-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!token()) return askToken();
    const text = $("line").value.trim();
    if (!text) return;
    const posted = performance.now();
    try {
      const answer = await publish("/api/lines", { text });
      $("post-error").textContent = "";
      $("line").value = "";
      const entry = rowFor(answer.line);
      if (entry.row.dataset.state === "translated") {
        // its translations came before this answer
        setState(answer.line, "translated", `${Math.round(entry.translatedAt - posted)} ms`);
      } else {
        entry.posted = posted;
      }
    } catch (error) {
      $("post-error").textContent = error.message;
    }
  });
  if (!token()) askToken();
  try {
    const info = await (await fetch(`/api/languages${query()}`)).json();
    state.languages = info.languages;
    state.game = state.game || info.game;
    const games = (await (await fetch("/api/games")).json()).games;
    const game = games.find((g) => g.id === state.game);
    const teams = game && game.home ? `${game.home} vs ${game.away}` : "a game without a roster";
    $("game-name").textContent = `Game ${state.game}: ${teams}`;
  } catch (error) {
    $("game-name").textContent = "no game is live: open one with POST /api/games";
    return;
  }
  connect();
  health();
}

document.addEventListener("DOMContentLoaded", start);
