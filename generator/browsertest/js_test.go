package browsertest

import (
	"encoding/json"
	"fmt"
)

// jsHelpers are small functions the tests' page scripts share:
// visible(el), describe(el) for messages, and style(selector, property).
const jsHelpers = `
const visible = el => !!el && !el.hidden && el.checkVisibility({visibilityProperty: true, checkVisibilityCSS: true});
const describe = el => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  for (const c of el.classList) s += '.' + c;
  for (const a of ['href', 'type', 'data-font', 'data-eyecare']) {
    if (el.hasAttribute(a)) s += '[' + a + '=' + el.getAttribute(a) + ']';
  }
  const text = (el.textContent || (typeof el.value === 'string' && el.value) || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
  return text ? s + ' "' + text.slice(0, 24) + '"' : s;
};
const style = (sel, prop) => {
  const el = document.querySelector(sel);
  return el ? getComputedStyle(el)[prop] : '';
};
`

// jsPrefix starts what js returns.
const jsPrefix = "(() => {" + jsHelpers + "return ("

// js wraps the expression so that it can use jsHelpers.
func js(format string, args ...any) string {
	return jsPrefix + fmt.Sprintf(format, args...) + ");})()"
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
