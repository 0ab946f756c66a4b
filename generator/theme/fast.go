package theme

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sync/atomic"

	"yipin/generator/site"
	"yipin/generator/tmplexec"
)

// fast is the compiled form (tmplexec) of one template that is executed
// on its own: a layout, or a partial called by partial or partialCached.
// html/template escapes a template on its first execution; the template
// is compiled right after that and the program runs every later
// execution. Whatever the program declines (tmplexec.ErrFallback) is
// executed by html/template again, which stays the reference for output
// and errors.
type fast struct {
	prog      atomic.Pointer[tmplexec.Program]
	tried     atomic.Bool
	why       atomic.Pointer[string] // why it was not compiled, or the first fallback
	fallbacks atomic.Int64
}

// execute runs the template name of set with data into w, through its
// compiled program when there is one.
func (t *Theme) execute(w io.Writer, set *template.Template, name string, f *fast, data any) error {
	buf, isBuf := w.(*bytes.Buffer)
	if !isBuf || t.stdlib {
		return set.ExecuteTemplate(w, name, data)
	}
	if p := f.prog.Load(); p != nil {
		mark := buf.Len()
		err := p.Execute(buf, data)
		if err == nil {
			return nil
		}
		buf.Truncate(mark)
		if f.fallbacks.Add(1) == 1 {
			why := err.Error()
			f.why.Store(&why)
		}
	}
	err := set.ExecuteTemplate(w, name, data)
	if err == nil && !f.tried.Swap(true) {
		p, cerr := tmplexec.Compile(set, name, t.funcMap, t.methods)
		if cerr != nil {
			why := cerr.Error()
			f.why.Store(&why)
		} else {
			f.prog.Store(p)
		}
	}
	return err
}

// SlowPaths lists the templates executed by html/template rather than
// compiled, and why: those tmplexec could not compile and those whose
// program gave way at run time. The default theme has none; tests check.
func (t *Theme) SlowPaths() []string {
	var out []string
	add := func(name string, f *fast) {
		why := ""
		if p := f.why.Load(); p != nil {
			why = *p
		}
		switch {
		case !f.tried.Load():
		case f.prog.Load() == nil:
			out = append(out, fmt.Sprintf("%s: 未编译:%s", name, why))
		case f.fallbacks.Load() > 0:
			out = append(out, fmt.Sprintf("%s: %d 次交回 html/template:%s", name, f.fallbacks.Load(), why))
		}
	}
	for name, f := range t.fastLayouts {
		add(name, f)
	}
	for name, f := range t.fastPartials {
		add(name, f)
	}
	slices.Sort(out)
	return out
}

// siteMethods are the methods of the model's types that compiled
// templates call without reflect.
func siteMethods() *tmplexec.Methods {
	ms := &tmplexec.Methods{}
	tmplexec.AddMethods[*site.Page](ms)
	tmplexec.AddMethods[*site.Site](ms)
	tmplexec.AddMethods[*site.Term](ms)
	tmplexec.AddMethods[*site.Pager](ms)
	return ms
}
