/*
 * Reader tools for teachers and partners, on top of the generated pages:
 *  - every numbered paragraph (.para with an id such as a05-p2) gets a permalink
 *    and a "copy citation" button, shown on hover and on keyboard focus;
 *  - the share panel's citation gets a "copy citation" button;
 *  - links in the text get their absolute URL in data-print-url, which the
 *    print stylesheet shows after the link.
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

  function setup() {
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
