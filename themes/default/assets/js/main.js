// yipin default theme. The page works fully without this script; it only
// adds enhancements.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
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
    form.querySelectorAll("select").forEach(function (s) { if (s.value) wanted.push(s.value); });
    var shown = 0;
    items.forEach(function (li) {
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
