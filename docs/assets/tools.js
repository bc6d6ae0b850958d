/*
 * Reader tools for teachers and partners, on top of the generated pages:
 *  - every numbered paragraph (.para with an id such as a05-p2) gets a permalink
 *    and a "copy citation" button, shown on hover and on keyboard focus;
 *  - the share panel's citation gets a "copy citation" button;
 *  - links in the text get their absolute URL in data-print-url, which the
 *    print stylesheet shows after the link;
 *  - a glossary term opens a small card (tap, click or Enter) instead of leaving
 *    the page: the term, its counterpart, pinyin, the definition, a link to the entry;
 *    a bottom sheet on phones; Esc, the close button or a tap outside closes it;
 *  - the paragraph or sentence a link points at is marked on arrival (clearable);
 *  - the language switcher keeps the anchor, so it lands on the same sentence;
 *  - the glossary page gets a filter box.
 * Citation texts, URLs and labels come from the page ([data-cite], written at
 * build time in the page's language). Plain JavaScript, no library; works with
 * Material's instant navigation (document$) and without it.
 */
(function () {
  "use strict";

  var PARAGRAPH_ID = /^(.+)-p([1-9][0-9]*)$/;
  var status = null;
  var statusTimer = 0;

  /* The citation data of the page: {p: paragraph format, u: {unit: [citation, url]}, l: labels}. */
  function citationData() {
    var merged = null;
    document.querySelectorAll("[data-cite]").forEach(function (element) {
      var data;
      try {
        data = JSON.parse(element.getAttribute("data-cite"));
      } catch (error) {
        return;
      }
      if (!merged) {
        merged = { p: data.p, l: data.l, u: {} };
      }
      Object.keys(data.u).forEach(function (key) {
        merged.u[key] = data.u[key];
      });
    });
    return merged;
  }

  /* Replace {name} in a template; a function replacement keeps "$" in texts literal. */
  function fill(template, name, value) {
    return template.replace("{" + name + "}", function () {
      return String(value);
    });
  }

  function paragraphCitation(data, id) {
    var match = PARAGRAPH_ID.exec(id);
    var unit = match && data.u[match[1]];
    if (!unit) {
      return null;
    }
    return fill(fill(data.p, "n", match[2]), "unit", unit[0]) + " " + unit[1] + "#" + id;
  }

  function statusRegion() {
    if (!status || !document.body.contains(status)) {
      status = document.createElement("div");
      status.className = "cite-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    return status;
  }

  function announce(message, seconds) {
    var region = statusRegion();
    region.textContent = message;
    region.classList.add("cite-status--visible");
    window.clearTimeout(statusTimer);
    statusTimer = window.setTimeout(function () {
      region.classList.remove("cite-status--visible");
      region.textContent = "";
    }, seconds * 1000);
  }

  /* execCommand fallback for browsers or contexts without the asynchronous clipboard. */
  function legacyCopy(text) {
    var focused = document.activeElement;
    var area = document.createElement("textarea");
    var copied = false;
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "cite-copy-buffer";
    document.body.appendChild(area);
    area.select();
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(area);
    if (focused && focused.focus) {
      focused.focus();
    }
    return copied;
  }

  function copy(text, labels) {
    function copied() {
      announce(labels.copied + text, 4);
    }
    function fallback() {
      if (legacyCopy(text)) {
        copied();
      } else {
        announce(labels.failed + " " + text, 20);
      }
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(copied, fallback);
    } else {
      fallback();
    }
  }

  function copyButton(className, name, text, labels) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.setAttribute("aria-label", name);
    button.title = name;
    button.addEventListener("click", function () {
      copy(text, labels);
    });
    return button;
  }

  function addParagraphTools(paragraph, data) {
    var match = PARAGRAPH_ID.exec(paragraph.id);
    if (!match || paragraph.querySelector(":scope > .para-tools")) {
      return;
    }
    var tools = document.createElement("span");
    tools.className = "para-tools";
    var link = document.createElement("a");
    link.className = "para-link";
    link.href = "#" + paragraph.id;
    link.textContent = "¶";
    link.setAttribute("aria-label", fill(data.l.link, "n", match[2]));
    link.title = link.getAttribute("aria-label");
    tools.appendChild(link);
    var citation = paragraphCitation(data, paragraph.id);
    if (citation) {
      tools.appendChild(copyButton("para-cite", fill(data.l.copy, "n", match[2]), citation, data.l));
    }
    paragraph.appendChild(tools);
  }

  function addShareTools(citation, data) {
    var unit = data.u[citation.getAttribute("data-unit")];
    if (!unit || citation.querySelector(".share-copy")) {
      return;
    }
    var button = copyButton("share-copy", data.l.copy_unit, unit[0] + " " + unit[1], data.l);
    button.textContent = data.l.copy_unit;
    citation.appendChild(document.createTextNode(" "));
    citation.appendChild(button);
  }

  /* Absolute URLs of the text's links, resolved against the canonical (public) address of the page. */
  function markPrintUrls() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href;
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#" || link.hasAttribute("download") || link.closest(".para-tools, .headerlink") || link.classList.contains("term")) {
        return;
      }
      var url;
      try {
        url = new URL(href, base).href;
      } catch (error) {
        return;
      }
      if (link.textContent.trim() !== url) {
        link.setAttribute("data-print-url", url);
      }
    });
  }

  /*
   * When the page is ready, the theme fetches "sitemap.xml" relative to every
   * <link rel="alternate"> of the page, expecting language roots (/en/). Ours
   * are the absolute hreflang addresses of this very page, so that would cost
   * one request per language to a file that does not exist (answered with the
   * 404 page) on every page view, and a detour through a redirect when
   * switching languages. The language switcher already stays on the same page
   * (overrides/partials/alternate.html), so the links are hidden from that one
   * lookup: renamed now, before the document is ready, and restored in setup(),
   * which runs after the theme's own document$ subscribers.
   */
  var hiddenAlternates = Array.prototype.slice.call(document.querySelectorAll('link[rel="alternate"][hreflang]'));
  hiddenAlternates.forEach(function (link) {
    link.setAttribute("rel", "x-alternate");
  });

  function restoreAlternates() {
    hiddenAlternates.forEach(function (link) {
      link.setAttribute("rel", "alternate");
    });
    hiddenAlternates = [];
  }

  /*
   * With navigation.indexes, the theme's section toggles (<label id="__nav_2_label">)
   * hold only an icon, and the section's <nav> takes its name from them: every
   * expanded section then has an empty name (axe: landmark-unique), and the
   * focusable toggle has none either. Name each toggle after its section's link, with hidden text.
   */
  function nameSectionToggles() {
    document.querySelectorAll(".md-nav__container > label.md-nav__link[id]").forEach(function (toggle) {
      var link = toggle.parentNode.querySelector("a.md-nav__link");
      if (link && !toggle.textContent.trim()) {
        // Visually hidden text rather than aria-label: aria-label is prohibited on
        // a <label> without a role (axe: aria-prohibited-attr), and text content
        // names both the toggle and the <nav> labelled by it.
        var name = document.createElement("span");
        name.className = "visually-hidden";
        name.textContent = link.textContent.trim();
        toggle.appendChild(name);
      }
    });
  }

  /* Interface strings in the page's language (overrides/main.html, from explainer/i18n.py). */
  function uiText() {
    var element = document.getElementById("explainer-ui");
    try {
      return element ? JSON.parse(element.textContent) : {};
    } catch (error) {
      return {};
    }
  }

  /* -- Term cards ----------------------------------------------------------------------- */
  var card = null;
  var cardOpener = null;

  function closeCard(restoreFocus) {
    if (!card) {
      return;
    }
    card.parentNode.removeChild(card);
    card = null;
    if (cardOpener) {
      cardOpener.setAttribute("aria-expanded", "false");
      if (restoreFocus) {
        cardOpener.focus();
      }
    }
    cardOpener = null;
  }

  function textElement(tag, className, text, lang) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    if (lang) {
      element.setAttribute("lang", lang);
    }
    return element;
  }

  function openCard(link, ui) {
    closeCard(false);
    var pageLang = document.documentElement.getAttribute("lang") || "";
    card = document.createElement("div");
    card.className = "term-card";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-labelledby", "term-card-term");
    card.setAttribute("aria-describedby", "term-card-def");
    card.tabIndex = -1;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "term-card__close";
    close.setAttribute("aria-label", ui.term_card_close || "×");
    close.textContent = "×";
    close.addEventListener("click", function () {
      closeCard(true);
    });
    var term = textElement("p", "term-card__term", link.getAttribute("data-term"), pageLang);
    term.id = "term-card-term";
    card.appendChild(close);
    card.appendChild(term);
    card.appendChild(textElement("p", "term-card__other", link.getAttribute("data-other"), link.getAttribute("data-other-lang")));
    if (link.hasAttribute("data-pinyin")) {
      card.appendChild(textElement("p", "term-card__pinyin", link.getAttribute("data-pinyin"), "zh-Latn-pinyin"));
    }
    var definition = textElement("p", "term-card__def", link.getAttribute("data-def"), "");
    definition.id = "term-card-def";
    card.appendChild(definition);
    var entry = document.createElement("a");
    entry.className = "term-card__entry";
    entry.href = link.href;
    entry.textContent = (ui.term_card_entry || "") + " →";
    card.appendChild(entry);
    cardOpener = link;
    link.setAttribute("aria-expanded", "true");
    document.body.appendChild(card);
    if (!window.matchMedia("(max-width: 44.984375em)").matches) {
      var box = link.getBoundingClientRect();
      var left = Math.min(box.left, document.documentElement.clientWidth - card.offsetWidth - 8);
      card.style.left = Math.max(8, left) + window.scrollX + "px";
      card.style.top = box.bottom + window.scrollY + 6 + "px";
    }
    card.focus();
  }

  function setupTermCards(ui) {
    document.querySelectorAll("a[data-def]").forEach(function (link) {
      link.setAttribute("aria-haspopup", "dialog");
      link.setAttribute("aria-expanded", "false");
      if (link.__explainerCard) {
        return;
      }
      link.__explainerCard = true;
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
          return; // a new tab or window: the reader wants the glossary page itself
        }
        event.preventDefault();
        if (cardOpener === link) {
          closeCard(true);
        } else {
          openCard(link, ui);
        }
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && card) {
      closeCard(true);
    }
  });
  document.addEventListener("pointerdown", function (event) {
    if (card && !card.contains(event.target) && !(cardOpener && cardOpener.contains(event.target))) {
      closeCard(false);
    }
  });

  /* -- The place a link points at, marked on arrival ------------------------------------ */
  function clearMark() {
    document.querySelectorAll(".landed").forEach(function (element) {
      element.classList.remove("landed");
    });
    document.querySelectorAll(".landed-clear").forEach(function (button) {
      button.parentNode.removeChild(button);
    });
  }

  function markTarget(ui) {
    clearMark();
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !target.closest(".md-content") || !(target.classList.contains("s") || target.classList.contains("para") || target.classList.contains("par-row"))) {
      return;
    }
    target.classList.add("landed");
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "landed-clear";
    clear.setAttribute("aria-label", ui.mark_clear || "×");
    clear.title = ui.mark_clear || "";
    clear.textContent = "×";
    clear.addEventListener("click", clearMark);
    target.appendChild(clear);
  }

  /* -- The language switcher keeps the anchor ------------------------------------------- */
  function keepAnchorOnSwitch() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (link) {
      if (link.__explainerAnchor) {
        return;
      }
      link.__explainerAnchor = true;
      var update = function () {
        link.href = link.href.split("#")[0] + window.location.hash;
      };
      link.addEventListener("click", update);
      link.addEventListener("focus", update);
      link.addEventListener("pointerdown", update);
    });
  }

  /* -- Glossary filter ------------------------------------------------------------------ */
  function setupGlossaryFilter(ui) {
    var input = document.querySelector(".gloss-filter input");
    if (!input || input.__explainerFilter) {
      return;
    }
    input.__explainerFilter = true;
    input.closest(".gloss-filter").hidden = false;
    var entries = Array.prototype.slice.call(document.querySelectorAll(".gloss-entry"));
    var status = document.querySelector(".gloss-filter-status");
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      entries.forEach(function (entry) {
        var head = entry.querySelector(".gloss-head");
        var text = (head ? head.textContent : entry.textContent) + " " + (entry.getAttribute("data-variants") || "");
        var match = !query || text.toLowerCase().indexOf(query) >= 0;
        entry.hidden = !match;
        shown += match ? 1 : 0;
      });
      document.querySelectorAll(".md-content h2[id^='cat-']").forEach(function (heading) {
        var next = heading.nextElementSibling;
        var any = false;
        while (next && next.tagName !== "H2") {
          if (next.classList.contains("gloss-entry") && !next.hidden) {
            any = true;
          }
          next = next.nextElementSibling;
        }
        heading.hidden = !any;
      });
      if (status) {
        status.textContent = shown ? "" : ui.glossary_filter_none || "";
      }
    });
  }

  window.addEventListener("hashchange", function () {
    markTarget(uiText());
  });

  function setup() {
    var ui = uiText();
    setupTermCards(ui);
    markTarget(ui);
    keepAnchorOnSwitch();
    setupGlossaryFilter(ui);
    restoreAlternates();
    nameSectionToggles();
    var data = citationData();
    if (data) {
      statusRegion();
      document.querySelectorAll(".md-content .para[id]").forEach(function (paragraph) {
        addParagraphTools(paragraph, data);
      });
      document.querySelectorAll(".share-cite[data-unit]").forEach(function (citation) {
        addShareTools(citation, data);
      });
    }
    markPrintUrls();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
