package tmplexec

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// The evaluation of pipelines follows text/template's exec.go function by
// function (evalPipeline, evalCommand, evalField, evalCall, evalArg,
// validateType); where text/template reports an error, these give up.

var (
	stringType = reflect.TypeFor[string]()

	reflectValueType = reflect.TypeFor[reflect.Value]()
)

// missing marks the absence of a value piped in from a previous command.
type missingType struct{}

var missing = reflect.ValueOf(missingType{})

func isMissing(v reflect.Value) bool {
	return v.Kind() == reflect.Struct && v.Type() == missing.Type()
}

// value evaluates to a value with dot.
type value func(s *state, dot reflect.Value) reflect.Value

// command evaluates one command of a pipeline; final is the value of the
// command before it, or missing.
type command func(s *state, dot, final reflect.Value) reflect.Value

func (c *compiler) pipeline(p *parse.PipeNode) (value, error) {
	if p == nil {
		return func(*state, reflect.Value) reflect.Value { return reflect.Value{} }, nil
	}
	eval, err := c.commands(p.Cmds)
	if err != nil {
		return nil, err
	}
	if len(p.Decl) == 0 {
		return eval, nil
	}
	names := make([]string, len(p.Decl))
	for i, d := range p.Decl {
		names[i] = d.Ident[0]
	}
	assign := p.IsAssign
	return func(s *state, dot reflect.Value) reflect.Value {
		v := eval(s, dot)
		for _, n := range names {
			if assign {
				s.setVar(n, v)
			} else {
				s.push(n, v)
			}
		}
		return v
	}, nil
}

func (c *compiler) commands(cmds []*parse.CommandNode) (value, error) {
	compiled := make([]command, len(cmds))
	for i, cmd := range cmds {
		var err error
		if compiled[i], err = c.command(cmd); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		v := missing
		for _, cmd := range compiled {
			v = cmd(s, dot, v)
			// A value of type interface{} stands for the value inside.
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = v.Elem()
			}
		}
		return v
	}, nil
}

func (c *compiler) command(cmd *parse.CommandNode) (command, error) {
	args, err := c.args(cmd.Args[1:])
	if err != nil {
		return nil, err
	}
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		chain := c.fieldChain(n.Ident)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain.eval(s, dot, dot, args, final)
		}, nil
	case *parse.ChainNode:
		if len(n.Field) == 0 || n.Node.Type() == parse.NodeNil {
			return nil, fmt.Errorf("不支持的链式取值 %s", n)
		}
		recv, err := c.operand(n.Node)
		if err != nil {
			return nil, err
		}
		chain := c.fieldChain(n.Field)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain.eval(s, dot, recv(s, dot), args, final)
		}, nil
	case *parse.VariableNode:
		name := n.Ident[0]
		if len(n.Ident) == 1 {
			return func(s *state, dot, final reflect.Value) reflect.Value {
				notAFunction(args, final)
				return s.varValue(name)
			}, nil
		}
		chain := c.fieldChain(n.Ident[1:])
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain.eval(s, dot, s.varValue(name), args, final)
		}, nil
	case *parse.IdentifierNode:
		return c.function(n.Ident, args)
	case *parse.PipeNode, *parse.DotNode, *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
		eval, err := c.operand(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value) reflect.Value {
			notAFunction(args, final)
			return eval(s, dot)
		}, nil
	}
	return nil, fmt.Errorf("不支持的命令 %s", cmd)
}

func notAFunction(args []*arg, final reflect.Value) {
	if len(args) > 0 || !isMissing(final) {
		giveUp("argument to a non-function")
	}
}

// operand compiles a node standing alone as a value: text/template's
// evalEmptyInterface.
func (c *compiler) operand(n parse.Node) (value, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return func(_ *state, dot reflect.Value) reflect.Value { return dot }, nil
	case *parse.FieldNode:
		chain := c.fieldChain(n.Ident)
		return func(s *state, dot reflect.Value) reflect.Value {
			return chain.eval(s, dot, dot, nil, missing)
		}, nil
	case *parse.VariableNode, *parse.ChainNode, *parse.IdentifierNode:
		cmd, err := c.command(&parse.CommandNode{Args: []parse.Node{n}})
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) reflect.Value { return cmd(s, dot, missing) }, nil
	case *parse.PipeNode:
		return c.pipeline(n)
	case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
		v, err := ideal(n)
		if err != nil {
			return nil, err
		}
		return func(*state, reflect.Value) reflect.Value { return v }, nil
	}
	return nil, fmt.Errorf("不支持的取值 %s", n)
}

// ideal is the value of a constant where no type is asked for.
func ideal(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		switch {
		case n.IsComplex:
			return reflect.ValueOf(n.Complex128), nil
		case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
			return reflect.ValueOf(n.Float64), nil
		case n.IsInt && int64(int(n.Int64)) == n.Int64:
			return reflect.ValueOf(int(n.Int64)), nil
		}
	}
	return reflect.Value{}, fmt.Errorf("不支持的常量 %s", n)
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// arg is an argument of a function or method call. Its value may depend on
// the parameter's type: constants are converted to it.
type arg struct {
	eval  value      // non-constant nodes
	node  parse.Node // constants (and nil)
	ideal reflect.Value
}

func (c *compiler) args(nodes []parse.Node) ([]*arg, error) {
	args := make([]*arg, len(nodes))
	for i, n := range nodes {
		a := &arg{node: n}
		switch n.(type) {
		case *parse.NilNode:
		case *parse.BoolNode, *parse.StringNode, *parse.NumberNode:
			a.ideal, _ = ideal(n)
		default:
			var err error
			if a.eval, err = c.operand(n); err != nil {
				return nil, err
			}
		}
		args[i] = a
	}
	return args, nil
}

// plain is the argument as a builtin taking reflect.Value sees it.
func (a *arg) plain(s *state, dot reflect.Value) reflect.Value {
	if a.eval != nil {
		return a.eval(s, dot)
	}
	if !a.ideal.IsValid() {
		if _, isNil := a.node.(*parse.NilNode); !isNil {
			giveUp("constant %s", a.node)
		}
	}
	return a.ideal
}

// value is the argument for a parameter of type typ (evalArg).
func (a *arg) value(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
	if a.eval != nil {
		return validateType(a.eval(s, dot), typ)
	}
	if _, isNil := a.node.(*parse.NilNode); isNil {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		giveUp("nil for %s", typ)
	}
	if a.ideal.IsValid() && a.ideal.Type() == typ {
		return a.ideal
	}
	switch typ.Kind() {
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return a.plain(s, dot)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(a.plain(s, dot))
		}
	}
	v := reflect.New(typ).Elem()
	switch n := a.node.(type) {
	case *parse.BoolNode:
		if typ.Kind() == reflect.Bool {
			v.SetBool(n.True)
			return v
		}
	case *parse.StringNode:
		if typ.Kind() == reflect.String {
			v.SetString(n.Text)
			return v
		}
	case *parse.NumberNode:
		switch {
		case n.IsInt && v.CanInt():
			v.SetInt(n.Int64)
			return v
		case n.IsUint && v.CanUint():
			v.SetUint(n.Uint64)
			return v
		case n.IsFloat && v.CanFloat():
			v.SetFloat(n.Float64)
			return v
		}
	}
	giveUp("constant %s for %s", a.node, typ)
	return reflect.Value{}
}

// validateType makes value fit a parameter of type typ, as text/template does.
func validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.Value{}
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		giveUp("invalid value for %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				giveUp("nil pointer for %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			giveUp("wrong type %s for %s", value.Type(), typ)
		}
	}
	return value
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// field is one name in .A.B.C: a method, a struct field or a map key. The
// lookup by name is done once for each receiver type and kept.
type field struct {
	name    string
	methods *Methods
	cache   atomic.Pointer[lookup]
}

type lookup struct {
	typ    reflect.Type // the receiver's type, after indirection and taking its address
	method int          // index of the method, or -1
	direct method       // the method called directly, when Methods holds it
	index  []int        // the struct field, when not a method
}

type chain []*field

func (c *compiler) fieldChain(names []string) chain {
	ch := make(chain, len(names))
	for i, n := range names {
		ch[i] = &field{name: n, methods: c.methods}
	}
	return ch
}

// eval walks the chain from receiver; the last name gets the arguments.
func (c chain) eval(s *state, dot, receiver reflect.Value, args []*arg, final reflect.Value) reflect.Value {
	for _, f := range c[:len(c)-1] {
		receiver = f.eval(s, dot, receiver, nil, missing)
	}
	return c[len(c)-1].eval(s, dot, receiver, args, final)
}

func (f *field) eval(s *state, dot, receiver reflect.Value, args []*arg, final reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		return reflect.Value{}
	}
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		giveUp("nil pointer evaluating %s", f.name)
	}
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	l := f.cache.Load()
	if l == nil || l.typ != ptr.Type() {
		l = &lookup{typ: ptr.Type(), method: -1}
		if m, ok := l.typ.MethodByName(f.name); ok && (l.typ.Kind() == reflect.Interface || m.IsExported()) {
			l.method = m.Index
			l.direct = f.methods.lookup(l.typ, f.name)
		} else if receiver.Kind() == reflect.Struct {
			if sf, ok := receiver.Type().FieldByName(f.name); ok && sf.IsExported() {
				l.index = sf.Index
			}
		}
		if !isNil {
			f.cache.Store(l)
		}
	}
	if l.direct != nil && len(args) == 0 && isMissing(final) {
		return l.direct(ptr)
	}
	if l.method >= 0 {
		return s.call(dot, ptr.Method(l.method), args, final, nil)
	}
	if len(args) > 0 || !isMissing(final) {
		giveUp("%s has arguments but is not a method", f.name)
	}
	switch receiver.Kind() {
	case reflect.Struct:
		if l.index != nil {
			v, err := receiver.FieldByIndexErr(l.index)
			if err != nil {
				giveUp("%v", err)
			}
			return v
		}
	case reflect.Map:
		key := reflect.ValueOf(f.name)
		if key.Type().AssignableTo(receiver.Type().Key()) {
			return receiver.MapIndex(key) // invalid when missing, as text/template's default
		}
	}
	giveUp("can't evaluate field %s", f.name)
	return reflect.Value{}
}

// function compiles a call of a template function or a builtin. The
// site's functions come first, as in text/template.
func (c *compiler) function(name string, args []*arg) (command, error) {
	if fn, ok := c.funcs[name]; ok {
		d := directFunc(fn)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return s.call(dot, fn, args, final, d)
		}, nil
	}
	if b := builtin(name); b != nil {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return b(s, dot, args, final)
		}, nil
	}
	return nil, fmt.Errorf("不支持的函数 %s", name)
}

// call calls fun (a function, or a method with its receiver) with args
// and, last, final when present: text/template's evalCall. fun is called
// through d instead of reflect when d is not nil.
func (s *state) call(dot, fun reflect.Value, args []*arg, final reflect.Value, d funcCall) reflect.Value {
	typ := fun.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			giveUp("too few arguments")
		}
	} else if numIn != typ.NumIn() {
		giveUp("wrong number of arguments")
	}
	if goodFunc(typ) != nil {
		giveUp("bad function signature")
	}
	// The arguments go on s.args, a stack shared by the calls of one
	// execution: a call made while evaluating an argument pushes and pops
	// its own above them.
	base := len(s.args)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		s.args = append(s.args, args[i].value(s, dot, typ.In(i)))
	}
	if typ.IsVariadic() {
		elem := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			s.args = append(s.args, args[i].value(s, dot, elem))
		}
	}
	if !isMissing(final) {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		s.args = append(s.args, validateType(final, t))
	}
	argv := s.args[base:len(s.args):len(s.args)]
	defer s.popArgs(base)
	if d != nil {
		return d(argv)
	}
	out := fun.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		giveUp("error calling: %v", out[1].Interface())
	}
	v := out[0]
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// popArgs drops the arguments of a call from s.args, down to base.
func (s *state) popArgs(base int) {
	clear(s.args[base:])
	s.args = s.args[:base]
}

// goodFunc accepts the signatures text/template accepts: one result, or
// two with an error second.
func goodFunc(typ reflect.Type) error {
	switch {
	case typ.NumOut() == 1, typ.NumOut() == 2 && typ.Out(1) == errorType:
		return nil
	}
	return fmt.Errorf("%s 的返回值不合模板函数的要求", typ)
}

// sortedKeys are a map's keys in the order text/template ranges over
// them (internal/fmtsort), for the key kinds handled here.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch m.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpInt(a.Int(), b.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpInt(a.Uint(), b.Uint()) })
	default:
		giveUp("range over a map keyed by %s", m.Type().Key())
	}
	return keys
}

func cmpInt[T int64 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
