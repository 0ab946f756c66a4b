// yipin default theme. Every page works without this script; it adds the
// reader's controls (长辈版, 字号, 保护视力色, 打印) and the case filter.
// Plain ES5 so that older phones run it; no framework.

// Reader preferences: kept in localStorage and applied to <html> before
// the page is painted by prefs.js.
(function () {
  "use strict";
  var root = document.documentElement;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  function save(key, value) {
    try {
      if (value) localStorage.setItem(key, value); else localStorage.removeItem(key);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }
  function press(buttons, attr, value) {
    each(buttons, function (b) { b.setAttribute("aria-pressed", String(b.getAttribute(attr) === value)); });
  }

  var elder = document.getElementById("elder-toggle");
  if (elder) {
    elder.hidden = false;
    elder.setAttribute("aria-pressed", String(root.classList.contains("elder")));
    elder.addEventListener("click", function () {
      var on = root.classList.toggle("elder");
      elder.setAttribute("aria-pressed", String(on));
      save("yipin-elder", on ? "1" : "");
    });
  }

  each(document.querySelectorAll(".reader-tools"), function (tools) {
    var fonts = tools.querySelectorAll("[data-font]");
    var colours = tools.querySelectorAll("[data-eyecare]");
    tools.hidden = false;
    press(fonts, "data-font", root.getAttribute("data-font") || "medium");
    press(colours, "data-eyecare", root.getAttribute("data-eyecare") || "default");
    each(fonts, function (b) {
      b.addEventListener("click", function () {
        var v = b.getAttribute("data-font");
        root.setAttribute("data-font", v);
        press(fonts, "data-font", v);
        save("yipin-font", v === "medium" ? "" : v);
      });
    });
    each(colours, function (b) {
      b.addEventListener("click", function () {
        var v = b.getAttribute("data-eyecare");
        if (v === "default") root.removeAttribute("data-eyecare"); else root.setAttribute("data-eyecare", v);
        press(colours, "data-eyecare", v);
        save("yipin-eyecare", v === "default" ? "" : v);
      });
    });
    each(tools.querySelectorAll("[data-action=print]"), function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
  });

  // Printed links show where they lead: the full address of each link in
  // the article, for the print stylesheet (a[data-href]::after).
  window.addEventListener("beforeprint", function () {
    each(document.querySelectorAll(".article-body a[href]"), function (a) {
      if (a.getAttribute("href").charAt(0) !== "#") a.setAttribute("data-href", a.href);
    });
  });
})();

// Case library: filter the list in place by theme, unit and year. Without
// JavaScript the static filter pages (/cases/theme/…/) do the same.
(function () {
  "use strict";
  var form = document.querySelector(".case-filter-form");
  if (!form) return;
  var items = document.querySelectorAll(".case-list .case-item");
  var count = form.querySelector(".filter-count");
  form.hidden = false;
  function apply() {
    var wanted = [];
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (s) { if (s.value) wanted.push(s.value); });
    var shown = 0;
    Array.prototype.forEach.call(items, function (li) {
      var keys = " " + li.getAttribute("data-filter") + " ";
      var ok = wanted.every(function (w) { return keys.indexOf(" " + w + " ") >= 0; });
      li.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = "共 " + shown + " 个案例";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
