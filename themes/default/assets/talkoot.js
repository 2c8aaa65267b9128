// Talkoot progressive enhancement. Every page works without this file: the directory has
// static filter pages and the search page says how to browse without JavaScript.
(function () {
  "use strict";
  var root = document.querySelector(".tk");
  if (!root) return;

  // Directory: filter the list in place when the visitor picks options.
  var form = root.querySelector("[data-tk-filter]");
  var list = root.querySelector("[data-tk-list]");
  if (form && list) {
    root.classList.add("js-tk");
    form.hidden = false;
    var cards = Array.prototype.slice.call(list.querySelectorAll(".tk-association-card"));
    var count = root.querySelector("[data-tk-count]");
    var empty = root.querySelector("[data-tk-empty]");
    var fields = { sector: "sectors", area: "area", targetGroup: "groups", language: "languages" };
    var apply = function () {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = true;
        Object.keys(fields).forEach(function (name) {
          var el = form.elements[name];
          if (el && el.value) {
            var values = (card.getAttribute("data-" + fields[name]) || "").split(" ");
            if (values.indexOf(el.value) < 0) ok = false;
          }
        });
        var vol = form.elements.volunteers;
        if (vol && vol.checked && card.getAttribute("data-volunteers") !== "1") ok = false;
        card.hidden = !ok;
        if (ok) shown++;
      });
      Array.prototype.forEach.call(list.querySelectorAll(".tk-letter-group"), function (g) {
        g.hidden = !g.querySelector(".tk-association-card:not([hidden])");
      });
      if (count) count.textContent = String(shown);
      if (empty) empty.hidden = shown > 0;
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  }

  // Search: load Pagefind's UI when the index exists.
  var box = root.querySelector("#tk-search[data-pagefind]");
  if (box) {
    var base = box.getAttribute("data-pagefind");
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "pagefind-ui.css";
    document.head.appendChild(css);
    var s = document.createElement("script");
    s.src = base + "pagefind-ui.js";
    s.onload = function () {
      /* global PagefindUI */
      new PagefindUI({ element: "#tk-search", showSubResults: true, showImages: false });
    };
    s.onerror = function () {
      // No index (e.g. built without Pagefind): say so instead of leaving an empty box.
      var p = document.createElement("p");
      p.className = "tk-notice";
      p.textContent = box.getAttribute("data-unavailable") || "";
      box.appendChild(p);
    };
    document.head.appendChild(s);
  }
})();
