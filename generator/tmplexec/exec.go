// Package tmplexec executes html/template templates faster than the
// standard library, with the same output.
//
// html/template decides how every value must be escaped: on its first
// execution it rewrites the parse tree, appending escaper functions to
// each action ({{ .Title }} becomes {{ .Title | _html_template_htmlescaper }}).
// text/template then walks that tree, finding every method by name and
// calling every function, escapers included, through reflect. That walk
// is most of the cost of a page. Compile turns the escaped tree into Go
// closures instead: fields and methods are looked up once per call site
// and type, escapers are plain calls (escape.go), builtins are native.
//
// The standard library stays the reference. Compile refuses a tree with
// anything it does not implement (an unknown escaper, a print without
// one, a builtin it lacks), and Execute gives up with ErrFallback on
// anything unusual at run time: any error, a panic, a kind of value it
// does not handle. The caller then executes the template with
// html/template, which produces the output or the error message.
package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"
	"unsafe"
)

// ErrFallback means the template must be executed with html/template:
// the output written so far must be thrown away.
var ErrFallback = errors.New("tmplexec: 交给 html/template 执行")

// maxDepth bounds nested template calls; deeper recursion is left to
// text/template, which reports it.
const maxDepth = 1000

// Program is an escaped template and every template it calls, compiled.
type Program struct {
	root *tmpl
}

// tmpl is one compiled template. run is set once the body is compiled,
// so templates may call themselves.
type tmpl struct {
	run node
}

// fallback is the panic value that abandons an execution.
type fallback struct{ reason string }

// giveUp abandons the execution; the caller falls back to html/template.
func giveUp(format string, args ...any) {
	panic(fallback{fmt.Sprintf(format, args...)})
}

// Compile compiles the template called name in set and every template it
// calls. html/template must have escaped them already, that is, executed
// name successfully at least once. funcs are the functions set was
// parsed with. An error means the template uses something this package
// does not implement; execute it with html/template.
func Compile(set *htmltemplate.Template, name string, funcs htmltemplate.FuncMap, methods *Methods) (*Program, error) {
	text := textOf(set)
	if text == nil {
		return nil, errors.New("tmplexec: html/template 的内部结构与预期不同")
	}
	c := &compiler{text: text, funcs: map[string]reflect.Value{}, methods: methods, done: map[string]*tmpl{}}
	for n, f := range funcs {
		v := reflect.ValueOf(f)
		if v.Kind() != reflect.Func || goodFunc(v.Type()) != nil {
			return nil, fmt.Errorf("tmplexec: %s 不是可用的模板函数", n)
		}
		c.funcs[n] = v
	}
	root, err := c.template(name)
	if err != nil {
		return nil, err
	}
	return &Program{root: root}, nil
}

// textOf returns the text/template that holds set's escaped trees,
// including those html/template derived for other contexts (a block
// called inside <title> runs as "title$htmltemplate_stateRCDATA…"), which
// only the text/template knows. html/template does not export it; the
// field is read by name and type, so a change in the standard library
// makes Compile fail (and the caller use html/template) rather than
// misbehave.
func textOf(set *htmltemplate.Template) *template.Template {
	if set == nil {
		return nil
	}
	f := reflect.ValueOf(set).Elem().FieldByName("text")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*template.Template]() {
		return nil
	}
	return *(**template.Template)(unsafe.Pointer(f.UnsafeAddr()))
}

// Execute runs the program on data, writing to w. On ErrFallback (or any
// error) the caller must discard what was written and execute the
// template with html/template.
func (p *Program) Execute(w *bytes.Buffer, data any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if f, ok := r.(fallback); ok {
				err = fmt.Errorf("%w: %s", ErrFallback, f.reason)
				return
			}
			err = fmt.Errorf("%w: panic: %v", ErrFallback, r)
		}
	}()
	dot, ok := data.(reflect.Value) // as text/template: a reflect.Value is the dot itself
	if !ok {
		dot = reflect.ValueOf(data)
	}
	s := &state{w: w, vars: make([]variable, 0, 16), args: make([]reflect.Value, 0, 8)}
	s.vars = append(s.vars, variable{"$", dot})
	p.root.run(s, dot)
	return nil
}

// state is one execution: the output, the variables of the template
// being run (from base up) and the depth of template calls.
type state struct {
	w     *bytes.Buffer
	vars  []variable
	args  []reflect.Value // arguments of the calls being made (state.call)
	base  int
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	giveUp("undefined variable: %s", name)
}

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	giveUp("undefined variable: %s", name)
	return reflect.Value{}
}

// ctl says how a list of nodes ended: normally, or at {{break}} or
// {{continue}} inside a range.
type ctl uint8

const (
	ctlNext ctl = iota
	ctlBreak
	ctlContinue
)

// node runs a compiled node with dot.
type node func(s *state, dot reflect.Value) ctl

type compiler struct {
	text    *template.Template
	funcs   map[string]reflect.Value
	methods *Methods
	done    map[string]*tmpl // templates compiled or being compiled, by name
}

func (c *compiler) template(name string) (*tmpl, error) {
	if t := c.done[name]; t != nil {
		return t, nil
	}
	tt := c.text.Lookup(name)
	if tt == nil || tt.Tree == nil || tt.Tree.Root == nil {
		return nil, fmt.Errorf("tmplexec: 找不到模板 %q", name)
	}
	t := &tmpl{}
	c.done[name] = t
	run, err := c.node(tt.Tree.Root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	t.run = run
	return t, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.ListNode:
		return c.list(n)
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) ctl {
			s.w.Write(text)
			return ctlNext
		}, nil
	case *parse.CommentNode:
		return func(*state, reflect.Value) ctl { return ctlNext }, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifWith(&n.BranchNode, false)
	case *parse.WithNode:
		return c.ifWith(&n.BranchNode, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateCall(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value) ctl { return ctlBreak }, nil
	case *parse.ContinueNode:
		return func(*state, reflect.Value) ctl { return ctlContinue }, nil
	}
	return nil, fmt.Errorf("不支持的节点 %s", n)
}

func (c *compiler) list(l *parse.ListNode) (node, error) {
	if l == nil {
		return func(*state, reflect.Value) ctl { return ctlNext }, nil
	}
	nodes := make([]node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		run, err := c.node(n)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, run)
	}
	if len(nodes) == 1 {
		return nodes[0], nil
	}
	return func(s *state, dot reflect.Value) ctl {
		for _, n := range nodes {
			if k := n(s, dot); k != ctlNext {
				return k
			}
		}
		return ctlNext
	}, nil
}

// action compiles {{ pipeline }}. A printing action must end in
// html/template's escapers; they run as one Go function and their text is
// written as is.
func (c *compiler) action(a *parse.ActionNode) (node, error) {
	pipe := a.Pipe
	if len(pipe.Decl) > 0 {
		eval, err := c.pipeline(pipe)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) ctl {
			eval(s, dot)
			return ctlNext
		}, nil
	}
	// Split off the trailing escapers.
	cmds := pipe.Cmds
	var chain []escaperFunc
	for len(cmds) > 0 {
		last := cmds[len(cmds)-1]
		id, ok := last.Args[0].(*parse.IdentifierNode)
		if !ok || len(last.Args) != 1 || !isEscaperName(id.Ident) {
			break
		}
		e := escaper(id.Ident)
		if e == nil {
			return nil, fmt.Errorf("不支持的转义函数 %s", id.Ident)
		}
		chain = append([]escaperFunc{e}, chain...)
		cmds = cmds[:len(cmds)-1]
	}
	if len(chain) == 0 || len(cmds) == 0 {
		return nil, fmt.Errorf("输出未经 html/template 转义:%s", a)
	}
	eval, err := c.commands(cmds)
	if err != nil {
		return nil, err
	}
	first, rest := chain[0], chain[1:]
	return func(s *state, dot reflect.Value) ctl {
		v := eval(s, dot)
		if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
			v = v.Elem()
		}
		text, ok := escapeValue(first, v)
		if !ok {
			giveUp("escaper declined a %s", v.Kind())
		}
		for _, e := range rest {
			if text, ok = e(text, plain); !ok {
				giveUp("escaper declined a string")
			}
		}
		s.w.WriteString(text)
		return ctlNext
	}, nil
}

func isEscaperName(name string) bool { return strings.HasPrefix(name, "_html_template_") }

// escapeValue gives v to the first escaper of an action as html/template
// would: an invalid value (a missing map key) as nil, strings and
// html/template's typed strings as they are, and anything else converted
// by stringify.
func escapeValue(e escaperFunc, v reflect.Value) (string, bool) {
	if !v.IsValid() {
		return escapeAny(e, nil)
	}
	if v.Kind() == reflect.String {
		if c, ok := stringContent(v.Type()); ok {
			return e(v.String(), c)
		}
	}
	if !v.CanInterface() {
		return "", false
	}
	return escapeAny(e, v.Interface())
}

// stringContent is the content kind of the string types typedString
// knows: ok is false for any other type.
func stringContent(t reflect.Type) (c content, ok bool) {
	switch t {
	case stringType:
		return plain, true
	case htmlType:
		return contentHTML, true
	case urlType:
		return contentURL, true
	case cssType:
		return contentCSS, true
	case attrType, jsType, jsStrType, srcsetType:
		return plain, true
	}
	return plain, false
}

var (
	htmlType   = reflect.TypeFor[htmltemplate.HTML]()
	urlType    = reflect.TypeFor[htmltemplate.URL]()
	cssType    = reflect.TypeFor[htmltemplate.CSS]()
	attrType   = reflect.TypeFor[htmltemplate.HTMLAttr]()
	jsType     = reflect.TypeFor[htmltemplate.JS]()
	jsStrType  = reflect.TypeFor[htmltemplate.JSStr]()
	srcsetType = reflect.TypeFor[htmltemplate.Srcset]()
)

func (c *compiler) ifWith(b *parse.BranchNode, with bool) (node, error) {
	eval, err := c.pipeline(b.Pipe)
	if err != nil {
		return nil, err
	}
	list, err := c.list(b.List)
	if err != nil {
		return nil, err
	}
	var elseList node
	if b.ElseList != nil {
		if elseList, err = c.list(b.ElseList); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) ctl {
		mark := len(s.vars)
		val := eval(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			giveUp("if/with can't use %v", val)
		}
		k := ctlNext
		switch {
		case truth && with:
			k = list(s, val)
		case truth:
			k = list(s, dot)
		case elseList != nil:
			k = elseList(s, dot)
		}
		s.vars = s.vars[:mark]
		return k
	}, nil
}

func (c *compiler) rangeNode(r *parse.RangeNode) (node, error) {
	eval, err := c.pipeline(r.Pipe)
	if err != nil {
		return nil, err
	}
	body, err := c.list(r.List)
	if err != nil {
		return nil, err
	}
	var elseList node
	if r.ElseList != nil {
		if elseList, err = c.list(r.ElseList); err != nil {
			return nil, err
		}
	}
	decl, assign := len(r.Pipe.Decl), r.Pipe.IsAssign
	var names [2]string
	for i, d := range r.Pipe.Decl {
		if i < 2 {
			names[i] = d.Ident[0]
		}
	}
	return func(s *state, dot reflect.Value) ctl {
		outer := len(s.vars)
		val, _ := indirect(eval(s, dot))
		mark := len(s.vars)
		// one runs the body for one element, as text/template's
		// oneIteration does; it reports whether to stop.
		one := func(index, elem reflect.Value) bool {
			switch {
			case decl == 1 && assign:
				s.setVar(names[0], elem)
			case decl == 1:
				s.vars[mark-1].value = elem
			case decl > 1 && assign:
				s.setVar(names[0], index)
				s.setVar(names[1], elem)
			case decl > 1:
				s.vars[mark-1].value = elem
				s.vars[mark-2].value = index
			}
			k := body(s, elem)
			s.vars = s.vars[:mark]
			return k == ctlBreak
		}
		ran := true
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			n := val.Len()
			ran = n > 0
			for i := range n {
				if one(reflect.ValueOf(i), val.Index(i)) {
					break
				}
			}
		case reflect.Map:
			ran = val.Len() > 0
			for _, k := range sortedKeys(val) {
				if one(k, val.MapIndex(k)) {
					break
				}
			}
		case reflect.Invalid:
			ran = false
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if decl > 1 {
				giveUp("range over an integer with two variables")
			}
			ran = false
			for v := range val.Seq() {
				ran = true
				if one(reflect.Value{}, v) {
					break
				}
			}
		default:
			giveUp("range over %s", val.Kind())
		}
		if !ran && elseList != nil {
			elseList(s, dot)
		}
		s.vars = s.vars[:outer]
		return ctlNext
	}, nil
}

func (c *compiler) templateCall(t *parse.TemplateNode) (node, error) {
	callee, err := c.template(t.Name)
	if err != nil {
		return nil, err
	}
	eval, err := c.pipeline(t.Pipe)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) ctl {
		if s.depth == maxDepth {
			giveUp("template depth")
		}
		// Variables declared by the pipeline persist; the callee sees
		// none of them, only $.
		dot = eval(s, dot)
		base, mark := s.base, len(s.vars)
		s.base = mark
		s.depth++
		s.push("$", dot)
		callee.run(s, dot)
		s.vars = s.vars[:mark]
		s.base = base
		s.depth--
		return ctlNext
	}, nil
}

// isTrue is text/template's truth: not the zero of its type.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return false, false
	}
	return truth, true
}

// indirect follows pointers and interfaces to the value at the end; isNil
// reports a nil on the way (the result is then that pointer or interface).
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface returns the concrete value in an interface value.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}
