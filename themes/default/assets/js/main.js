// yipin default theme. The page works fully without this script; it only
// adds enhancements.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
})();
