// Site search: Material's search dialog, answered from the Pagefind bundle that
// explainer/search.py writes at build time (one index per language).
//
// The inline script in overrides/partials/search.html opens the dialog and
// imports this module on the reader's first move towards search, so a page
// loads nothing for search until then. Chinese is indexed as overlapping
// character bigrams (学徒制 → "学徒 徒制 制"): queries are encoded the same way and
// the bigrams are turned back into text for the snippets. Keep bigrams() in step
// with explainer/search.py. A query typed in the other Chinese script is first
// rewritten in the index's (学 → 學 on Traditional pages) with the index's
// script-map.json.
//
// Beside the index, data/search/<lang>.json (explainer/search_aliases.py) says where each
// page is (Art. 5, Q&A 4), which page a typed number names (第五条, Art. 5, 问4) and which
// form of a term this language's text uses (vocational gaokao → vocational college
// entrance examination). Every result the count announces can be reached: the list
// shows the first ones and a "more" button the rest.

const HAN = "\\u3007\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const HAN_CHAR = new RegExp(`^[${HAN}]$`, "u");
const PIECES = new RegExp(`([${HAN}]+)|(\\s+)|([^\\s${HAN}]+)`, "gu");
const WORDLIKE = /[\p{L}\p{N}]/u;
const TIGHT = /[\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2026\u2014]/u;
const RESULTS = 10;
const GLOSSARY_RESULTS = 3;
// Pages and glossary entries, searched apart (explainer/search.py gives entries one filter).
const KINDS = [{ not: { glossary: "entry" } }, { glossary: "entry" }];
const MAX_BIGRAMS = 4; // bigrams searched per Chinese word: each may load one more chunk of the index
const SNIPPET = { cjk: [24, 110], other: [60, 240] }; // characters before the first match, and in all

const isHan = (char) => HAN_CHAR.test(char);

/** The Pagefind index of a page language: Chinese has its own unsegmented key (see explainer/search.py). */
export function indexLanguage(lang) {
  const [primary, ...rest] = lang.split("-");
  if (primary.toLowerCase() !== "zh") return lang.toLowerCase();
  const script = rest.find((tag) => tag.length === 4);
  return `und-${script ? script.toLowerCase() : "hani"}`;
}

/** A typed number or term → its key in data/search/<lang>.json: keep in step with explainer/search_aliases.py's normalise(). */
export function normalise(text) {
  return text.normalize("NFKC").toLowerCase().replace(/[\s.·]+/g, "");
}

/** Whether a language is indexed as character bigrams. */
export function usesBigrams(lang) {
  return lang.split("-")[0].toLowerCase() === "zh";
}

/** Text → index tokens, exactly as explainer/search.py's bigrams(). */
export function bigrams(text) {
  const tokens = [];
  let afterHan = false;
  for (const [, han, space, other] of text.matchAll(PIECES)) {
    if (han) {
      const chars = Array.from(han);
      for (let i = 0; i < chars.length - 1; i++) tokens.push(chars[i] + chars[i + 1]);
      tokens.push(chars[chars.length - 1]);
      afterHan = true;
    } else if (space) {
      afterHan = false;
    } else {
      if (afterHan && !WORDLIKE.test(other)) tokens[tokens.length - 1] += other;
      else tokens.push(other);
      afterHan = false;
    }
  }
  return tokens;
}

/**
 * A reader's query → the terms given to Pagefind, which finds pages holding all of them.
 * A Chinese word becomes its bigrams (学徒制 → 学徒 徒制), so that it is found
 * inside longer words; one character stays alone and matches as a prefix. A long
 * word keeps four bigrams spread over it (推进不同层次职业教育 → 推进 同层 次职 教育):
 * each bigram may load one more chunk of the index, and the results are checked
 * for the whole word afterwards (see rankByPhrase).
 */
export function queryTerms(query, lang) {
  if (!usesBigrams(lang)) return query.trim();
  const terms = [];
  for (const [, han, , other] of query.matchAll(PIECES)) {
    if (han) {
      const chars = Array.from(han);
      if (chars.length === 1) terms.push(han);
      const last = chars.length - 2; // where the last bigram starts
      const starts = last < MAX_BIGRAMS
        ? Array.from({ length: last + 1 }, (_, i) => i)
        : Array.from({ length: MAX_BIGRAMS }, (_, i) => Math.round((i * last) / (MAX_BIGRAMS - 1)));
      for (const i of starts) terms.push(chars[i] + chars[i + 1]);
    } else if (other && WORDLIKE.test(other)) {
      terms.push(other);
    }
  }
  return [...new Set(terms)].join(" ");
}

/** Words of the query that a result must contain as written (the Chinese ones), for rankByPhrase. */
export function phrases(query, lang) {
  if (!usesBigrams(lang)) return [];
  return [...query.matchAll(PIECES)].map(([, han]) => han).filter((han) => han && Array.from(han).length > 2);
}

/**
 * Results that contain every Chinese word of the query as written come first, in Pagefind's
 * order; the others (their bigrams occur, but apart) follow.
 */
export function rankByPhrase(results, words) {
  if (!words.length) return results;
  const whole = (result) => words.every((word) => result.text.includes(word));
  return [...results.filter(whole), ...results.filter((result) => !whole(result))];
}

/**
 * Index words → the text a reader sees, with the [start, end) characters of each word.
 * A bigram shows its first character (the next word starts with its second);
 * Chinese needs no spaces between words, other text keeps them.
 */
export function decode(words, bigramText) {
  const chars = [];
  const spans = [];
  for (const word of words) {
    const letters = Array.from(word);
    const bigram = bigramText && letters.length >= 2 && isHan(letters[0]) && isHan(letters[1]);
    const shown = bigram ? [letters[0]] : letters;
    const previous = chars[chars.length - 1];
    if (previous !== undefined && !(bigramText && (tight(previous) || tight(shown[0])))) chars.push(" ");
    const start = chars.length;
    chars.push(...shown);
    // What a match on this word lights up: both characters of a bigram, the character of a
    // single Han token (not the punctuation after it), the whole of any other word.
    const end = bigram ? start + 2 : bigramText && isHan(letters[0]) ? start + 1 : chars.length;
    spans.push([start, end]);
  }
  return { chars, spans };
}

function tight(char) {
  return isHan(char) || TIGHT.test(char);
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]);

/** Characters [from, to) of ``chars`` as HTML, with the marked characters in <mark>. */
function highlighted(chars, marked, from, to) {
  let html = "";
  let open = false;
  for (let i = from; i < to; i++) {
    if (marked[i] && !open) html += "<mark>";
    if (!marked[i] && open) html += "</mark>";
    open = marked[i];
    html += escapeHtml(chars[i]);
  }
  return html + (open ? "</mark>" : "");
}

function markedChars(length, spans, locations) {
  const marked = new Array(length).fill(false);
  for (const location of locations) {
    const span = spans[location];
    if (span) for (let i = span[0]; i < Math.min(span[1], length); i++) marked[i] = true;
  }
  return marked;
}

/**
 * One Pagefind result (its loaded fragment) → what the dialog shows: the title, the
 * paragraph with the best matches and a snippet of it around the first match.
 */
export function presentResult(data, lang, kind = "text") {
  const bigramText = usesBigrams(lang);
  const words = data.content.split(/\s+/).filter(Boolean);
  const paragraphs = (data.anchors || []).filter((anchor) => anchor.element === "p").sort((a, b) => a.location - b.location);
  const bodyStart = paragraphs.length ? paragraphs[0].location : words.length;
  const scores = new Map();
  for (const { location, balanced_score: score } of data.weighted_locations || []) {
    const paragraph = paragraphs.filter((anchor) => anchor.location <= location).pop();
    if (paragraph) scores.set(paragraph, (scores.get(paragraph) || 0) + (score || 1));
  }
  const best = [...scores].sort((a, b) => b[1] - a[1])[0]?.[0];
  // A glossary entry shows its definition (its first paragraph), wherever the words matched.
  const shown = kind === "glossary" ? paragraphs[0] : best || paragraphs[0];
  const titleWords = (data.meta.title || "").split(/\s+/).filter(Boolean);
  const title = decode(titleWords, bigramText);
  const titleMarks = markedChars(title.chars.length, title.spans, data.locations.filter((location) => location < bodyStart));
  let snippet = "";
  if (shown) {
    const next = paragraphs.find((anchor) => anchor.location > shown.location);
    const first = shown.location;
    const own = words.slice(first, next ? next.location : words.length);
    const text = decode(own, bigramText);
    const locations = data.locations.filter((location) => location >= first).map((location) => location - first);
    const marked = markedChars(text.chars.length, text.spans, locations);
    const [before, length] = SNIPPET[bigramText ? "cjk" : "other"];
    const firstMark = marked.indexOf(true);
    let from = firstMark > before ? firstMark - before : 0;
    let to = Math.min(text.chars.length, from + length);
    if (!bigramText) {
      // Whole words only.
      if (from > 0) from = text.chars.indexOf(" ", from) + 1 || from;
      if (to < text.chars.length) to = text.chars.lastIndexOf(" ", to) > from ? text.chars.lastIndexOf(" ", to) : to;
    }
    snippet = (from > 0 ? "… " : "") + highlighted(text.chars, marked, from, to) + (to < text.chars.length ? " …" : "");
  }
  const url = data.meta.url || data.url;
  const anchor = best && !url.includes("#") ? `#${best.id}` : "";
  return {
    url: url + anchor,
    title: highlighted(title.chars, titleMarks, 0, title.chars.length),
    snippet,
    termMatched: titleMarks.includes(true),
    names: title.chars.join("").split(/[（）()]/), // a glossary title is "term（English）" or "English (term)"
    text: title.chars.join("") + "\n" + decode(words.slice(bodyStart), bigramText).chars.join(""),
  };
}

/**
 * The first results a reader sees: the glossary entry of the term typed (if its term matched) first,
 * then the document's pages, then other glossary entries. A glossary entry is a few words
 * around its term, so Pagefind ranks it above every article that uses the term; three
 * entries for 学徒制 would push the articles on apprenticeships down the list.
 */
export function arrange(pages, entries, query, words) {
  const text = rankByPhrase(pages, words);
  // An entry whose term (or English name) is exactly what was typed leads its neighbours.
  const bare = (text) => text.replace(/\s+/g, "").toLowerCase(); // decoded Chinese loses some spaces
  const exact = (entry) => entry.termMatched && entry.names.some((name) => bare(name) === bare(query));
  const glossary = rankByPhrase([...entries.filter(exact), ...entries.filter((entry) => !exact(entry))], words);
  const lead = glossary.length && glossary[0].termMatched ? glossary.splice(0, 1) : [];
  return [...lead, ...text, ...glossary];
}

/**
 * A query in the index's script: each character the index holds in the other Chinese script
 * is replaced by its own form (学徒制 → 學徒制 on Traditional pages), with the map that
 * explainer/search.py writes beside the index (script-map.json).
 */
export function toIndexScript(query, map) {
  return [...query].map((char) => map[char] || char).join("");
}

/** The script map of a Chinese index (fetched when search first opens); nothing to map for other languages. */
async function openScriptMap(bundle, lang) {
  if (!usesBigrams(lang)) return {};
  try {
    const response = await fetch(new URL("script-map.json", bundle));
    return response.ok ? await response.json() : {};
  } catch {
    return {}; // search still works in the page's own script
  }
}

/** data/search/<lang>.json (fetched when search first opens); search works without it. */
async function openAliases(root, lang) {
  const empty = { pages: {}, goto: {}, terms: {} };
  try {
    const response = await fetch(new URL(`data/search/${lang}.json`, root));
    return response.ok ? { ...empty, ...(await response.json()) } : empty;
  } catch {
    return empty;
  }
}

/** Pagefind results of several searches, each result once, in order. */
function unique(lists) {
  const seen = new Set();
  return lists.flat().filter((result) => !seen.has(result.id) && seen.add(result.id));
}

/** The Pagefind instance of this page's language (created once, when search first opens). */
async function openIndex(bundle, lang) {
  const pagefind = await import(new URL("pagefind.js", bundle).href);
  // Pagefind picks its index from <html lang> as it creates an instance (synchronously);
  // a Chinese page's index has a key of its own, given for that one moment.
  const html = document.documentElement;
  html.setAttribute("lang", indexLanguage(lang));
  let instance;
  try {
    instance = pagefind.createInstance({ basePath: new URL(bundle).pathname });
  } finally {
    html.setAttribute("lang", lang);
  }
  await instance.init();
  return instance;
}

/** The address of a record (``/en/articles/05/#a05-p1``, from the site's root, wherever the site is deployed). */
function pageUrl(root, path) {
  return new URL(path.replace(/^\//, ""), root).href;
}

/** Our own interface strings in the page's language (overrides/main.html). */
function interfaceStrings() {
  try {
    return JSON.parse(document.getElementById("explainer-ui").textContent) || {};
  } catch {
    return {};
  }
}

function translations() {
  try {
    return JSON.parse(document.getElementById("__config").textContent).translations || {};
  } catch {
    return {};
  }
}

// Loaded with the search, not with every page: contrast that passes WCAG AA (Material's
// result count is grey on grey, and its highlight is the indigo accent on white).
const STYLE = `
.md-search-result__meta { color: var(--md-default-fg-color); }
.md-search-result mark { color: var(--md-typeset-a-color); }
.md-search-result__article { padding-top: .6rem; }
.search-where { display: inline-block; margin: 0 .6rem .2rem 0; padding: 0 .4rem; font-size: .65rem; font-weight: 700;
  border: 1px solid var(--md-default-fg-color--lighter); border-radius: .2rem; color: var(--md-default-fg-color); }
.search-more { margin: .8rem 0 1rem 2.4rem; padding: .4rem .9rem; font: inherit; font-size: .75rem; cursor: pointer;
  color: var(--md-typeset-a-color); background: none; border: 1px solid currentcolor; border-radius: 1rem; }
`;

/** Take over the search dialog: queries, results, keyboard. Called once, by the inline script. */
export function attach(dialog) {
  const style = document.createElement("style");
  style.textContent = STYLE;
  document.head.append(style);
  const input = dialog.querySelector(".md-search__input");
  const form = input.form;
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const toggle = document.getElementById("__search");
  const bundle = new URL(dialog.dataset.bundle, document.baseURI).href;
  const root = new URL(dialog.dataset.root, document.baseURI).href;
  const lang = document.documentElement.getAttribute("lang") || "en";
  const texts = translations();
  const ui = interfaceStrings();
  const say = (key, count) => (texts[key] || "").replace("#", String(count));
  const index = openIndex(bundle, lang);
  const scriptMap = openScriptMap(bundle, lang);
  const aliases = openAliases(root, lang);
  const more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.hidden = true;
  list.after(more);
  let latest = 0;
  let state = null; // the results of the latest query: {jumps, text, glossary, shown…}

  const close = () => {
    if (toggle.checked) toggle.click();
  };

  function finish(typed, message, items) {
    meta.textContent = message;
    list.replaceChildren(...items.map(render));
    list.dataset.query = typed; // the query these results answer (the browser tests wait for it)
    updateMore();
  }

  async function run() {
    const typed = input.value;
    const ticket = ++latest;
    const [map, data] = await Promise.all([scriptMap, aliases]);
    if (ticket !== latest) return;
    aliasesData = data;
    const query = toIndexScript(typed, map);
    const key = normalise(typed);
    // A number as readers type it (第五条, Art. 5, 问4) names its page: that page comes first.
    const jumps = (data.goto[key] || []).map((path) => jumpResult(path, data.pages[path]));
    // A term typed in another form (a variant, the other language) also finds the text using this language's form.
    const alternative = data.terms[key];
    const searches = [queryTerms(query, lang), ...(alternative ? [queryTerms(toIndexScript(alternative, map), lang)] : [])].filter(Boolean);
    state = null;
    if (!searches.length && !jumps.length) {
      finish(typed, say("search.result.placeholder"), []);
      return;
    }
    try {
      const pagefind = await index;
      const runs = await Promise.all(searches.flatMap((terms) => KINDS.map((filters) => pagefind.search(terms, { filters }))));
      let text = unique(runs.filter((_, i) => i % 2 === 0).map((search) => search.results));
      if (jumps.length) {
        // The page a number names is listed once: as the first result, not again among the text results.
        const named = new Set(jumps.map((jump) => new URL(pageUrl(root, jump.url)).pathname));
        const loaded = await Promise.all(text.map((result) => result.data()));
        text = text.filter((_, i) => !named.has(new URL(pageUrl(root, loaded[i].meta.url || loaded[i].url)).pathname));
      }
      const glossary = unique(runs.filter((_, i) => i % 2 === 1).map((search) => search.results));
      const load = (results) => Promise.all(results.map((result) => result.data()));
      const [pages, entries] = await Promise.all([load(text.slice(0, RESULTS)), load(glossary.slice(0, GLOSSARY_RESULTS))]);
      if (ticket !== latest) return;
      const words = phrases(query, lang);
      const first = arrange(
        pages.map((page) => withWhere(presentResult(page, lang, "text"))),
        entries.map((entry) => withWhere(presentResult(entry, lang, "glossary"), true)),
        alternative || query,
        words,
      );
      state = { ticket, words, text, glossary, textShown: pages.length, glossaryShown: entries.length, shown: jumps.length + first.length };
      state.count = jumps.length + text.length + glossary.length;
      const count = state.count;
      finish(typed, count === 0 ? say("search.result.none") : count === 1 ? say("search.result.one") : say("search.result.other", count), [...jumps, ...first]);
    } catch (error) {
      if (ticket !== latest) return;
      console.error("search failed", error);
      finish(typed, say("search.result.none"), []);
    }
  }

  let aliasesData = { pages: {} };

  function jumpResult(path, page) {
    const [where, title] = page || ["", path];
    return { url: path, where, title: escapeHtml(title), snippet: "" };
  }

  /** The next results of the latest query: text pages first, then the other glossary entries. */
  async function showMore() {
    if (!state) return;
    const current = state;
    const text = current.text.slice(current.textShown, current.textShown + RESULTS);
    const glossary = current.glossary.slice(current.glossaryShown, current.glossaryShown + RESULTS - text.length);
    const [pages, entries] = await Promise.all([text, glossary].map((results) => Promise.all(results.map((result) => result.data()))));
    if (state !== current) return;
    const next = [
      ...rankByPhrase(pages.map((data) => withWhere(presentResult(data, lang, "text"))), current.words),
      ...entries.map((data) => withWhere(presentResult(data, lang, "glossary"), true)),
    ];
    current.textShown += text.length;
    current.glossaryShown += glossary.length;
    current.shown += next.length;
    const firstNew = list.children.length;
    list.append(...next.map(render));
    updateMore();
    list.children[firstNew]?.querySelector("a")?.focus();
  }

  function withWhere(result, glossary = false) {
    const path = result.url.split("#")[0]; // from the site's root, as data/search/<lang>.json keys it
    result.where = glossary ? ui.where_glossary : (aliasesData.pages[path] || [])[0] || "";
    return result;
  }

  function updateMore() {
    const left = state ? state.count - state.shown : 0;
    more.hidden = left <= 0;
    if (state) more.textContent = `${ui.search_more || "…"} (${(ui.search_shown || "{shown}/{count}").replace("{shown}", state.shown).replace("{count}", state.count)})`;
  }
  more.addEventListener("click", showMore);

  function render(result) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const where = result.where ? `<span class="search-where">${escapeHtml(result.where)}</span>` : "";
    item.innerHTML =
      `<a class="md-search-result__link" href="${escapeHtml(pageUrl(root, result.url))}">` +
      `<article class="md-search-result__article md-typeset">` +
      `<div class="md-search-result__icon md-icon"></div>` +
      `${where}<h1>${result.title}</h1>${result.snippet ? `<p>${result.snippet}</p>` : ""}</article></a>`;
    return item;
  }

  // Material's own search listens to keyup; input events also catch pasting and dictation.
  let asked = null;
  const changed = (event) => {
    if (event.isComposing || input.value === asked) return;
    asked = input.value;
    run();
  };
  for (const type of ["input", "keyup", "compositionend"]) input.addEventListener(type, changed);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    latest++; // a search still running for the old text must not fill the list again
    asked = "";
    state = null;
    updateMore();
    list.replaceChildren();
    list.dataset.query = "";
    meta.textContent = say("search.result.placeholder");
    input.focus();
  });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) close();
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.isComposing) return;
    const links = [...list.querySelectorAll(".md-search-result__link")];
    const position = [input, ...links].indexOf(document.activeElement);
    if (event.key === "Escape") {
      close();
      input.blur();
    } else if (event.key === "Enter" && document.activeElement === input) {
      event.preventDefault();
      links[0]?.click();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && position >= 0) {
      event.preventDefault();
      const targets = [input, ...links];
      targets[(position + (event.key === "ArrowDown" ? 1 : targets.length - 1)) % targets.length].focus();
    }
  });
  // Leaving the dialog with the keyboard closes it, as a click on the page around it does.
  dialog.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !dialog.contains(event.relatedTarget)) close();
  });
  asked = input.value;
  run();
}
