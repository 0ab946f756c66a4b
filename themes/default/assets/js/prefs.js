// Applies the reader's saved settings (长辈版, 字号, 保护视力色) to <html>
// before the page is painted, so nothing jumps; main.js adds the buttons.
// Loaded without defer from <head>; a separate file rather than an inline
// script, so that sites with a Content-Security-Policy can use it.
(function () {
  "use strict";
  var root = document.documentElement;
  root.className = "js";
  try {
    var store = window.localStorage;
    var font = store.getItem("yipin-font");
    var eyecare = store.getItem("yipin-eyecare");
    if (store.getItem("yipin-elder") === "1") root.className += " elder";
    if (font) root.setAttribute("data-font", font);
    if (eyecare) root.setAttribute("data-eyecare", eyecare);
  } catch (e) { /* storage blocked: default settings */ }
})();
