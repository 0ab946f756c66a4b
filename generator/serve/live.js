// yipin serve: live reload. Served only by the preview server.
(function () {
  "use strict";
  var OVERLAY = "yipin-overlay";

  function el(tag, style, text) {
    var e = document.createElement(tag);
    if (style) e.setAttribute("style", style);
    if (text) e.textContent = text;
    return e;
  }

  function showErrors(msg) {
    hideErrors();
    var box = el("div", "position:fixed;inset:0;overflow:auto;background:rgba(255,248,246,.97);color:#1a1a1a;" +
      "padding:24px;font:16px/1.6 system-ui,sans-serif;z-index:2147483647");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.appendChild(el("h1", "color:#b3261e;font-size:22px;margin:0 0 8px", "网站构建出错,修改并保存后会自动刷新"));
    box.appendChild(el("p", "margin:0 0 8px;color:#555", "下面是出错的文件和位置。改好后,页面会自动恢复。"));
    (msg.errors || []).forEach(function (e) {
      var s = el("section", "margin:16px 0;padding:12px;border-left:4px solid #b3261e;background:#fff");
      s.appendChild(el("p", "margin:0;font-weight:bold", (e.location ? e.location + ": " : "") + e.message));
      if (e.lines && e.lines.length) {
        var pre = el("pre", "margin:8px 0;padding:8px;background:#f4f4f4;overflow:auto;font:14px/1.5 monospace");
        e.lines.forEach(function (l) {
          var line = (l.here ? "> " : "  ") + l.num + " | " + l.text + "\n";
          if (l.here) {
            var m = el("mark", "", line);
            pre.appendChild(m);
            if (l.col > 0) {
              var pad = String(l.num).replace(/./g, " ") + "   " + Array.from(l.text).slice(0, l.col - 1)
                .map(function (c) { return /[\u1100-\uffff]/.test(c) ? "  " : (c === "\t" ? "\t" : " "); }).join("");
              pre.appendChild(document.createTextNode(pad + "  ^\n"));
            }
          } else {
            pre.appendChild(document.createTextNode(line));
          }
        });
        s.appendChild(pre);
      }
      if (e.hint) s.appendChild(el("p", "margin:0", "提示:" + e.hint));
      box.appendChild(s);
    });
    if (msg.more) box.appendChild(el("p", "", "……另有 " + msg.more + " 个错误未列出"));
    document.body.appendChild(box);
  }

  function hideErrors() {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
  }

  // swapCSS fetches this page again to learn the new (fingerprinted)
  // stylesheet addresses and swaps each link once the new sheet has loaded.
  function swapCSS() {
    fetch(location.href, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (text) {
      var fresh = new DOMParser().parseFromString(text, "text/html").querySelectorAll('link[rel~="stylesheet"]');
      var old = document.querySelectorAll('link[rel~="stylesheet"]');
      if (fresh.length !== old.length) { location.reload(); return; }
      old.forEach(function (link, i) {
        var url = new URL(fresh[i].getAttribute("href"), location.href);
        url.searchParams.set("yipin", Date.now());
        var next = link.cloneNode();
        next.href = url.href;
        next.onload = function () { link.remove(); };
        link.after(next);
      });
    }).catch(function () { location.reload(); });
  }

  var failing = document.getElementById(OVERLAY) !== null;
  // The server renders first the pages that browsers show.
  var events = new EventSource("/__yipin/events?path=" + encodeURIComponent(location.pathname));
  events.onmessage = function (e) {
    var msg;
    try { msg = JSON.parse(e.data); } catch (err) { return; }
    if (msg.type === "error") { failing = true; showErrors(msg); }
    else if (msg.type === "css" && !failing) swapCSS();
    else if (msg.path && msg.path !== decodeURI(location.pathname)) location.assign(msg.path); // follow the author to the page just edited
    else location.reload();
  };
})();
