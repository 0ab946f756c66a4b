package tmplexec

import (
	htmltemplate "html/template"
	"reflect"
	"time"
)

// Methods are direct calls of methods that take no argument, the bulk of
// a theme's calls ({{ .RelPermalink }}, {{ .IsHome }}, {{ .Summary }}). A
// call through reflect.Value.Call lays out the frame, allocates the
// results and checks types on every call; a direct call does none of it.
// AddMethods fills Methods for a type; a method it does not hold is
// called through reflect as before, with the same result.
type Methods struct {
	m map[methodKey]method
}

type methodKey struct {
	typ  reflect.Type
	name string
}

// method calls one method on its receiver, which has the type it was
// added for.
type method func(receiver reflect.Value) reflect.Value

// AddMethods adds T's exported methods that take no argument and return
// one value of a kind a theme commonly asks for (string, bool, int,
// template.HTML, time.Time, []string, T itself or a slice of T).
func AddMethods[T any](ms *Methods) {
	if ms.m == nil {
		ms.m = map[methodKey]method{}
	}
	t := reflect.TypeFor[T]()
	for i := range t.NumMethod() {
		m := t.Method(i)
		if !m.IsExported() {
			continue
		}
		var call method
		switch f := m.Func.Interface().(type) {
		case func(T) string:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		case func(T) bool:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		case func(T) int:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		case func(T) htmltemplate.HTML:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		case func(T) time.Time:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		case func(T) T:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		case func(T) []T:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		case func(T) []string:
			call = func(r reflect.Value) reflect.Value { return reflect.ValueOf(f(r.Interface().(T))) }
		default:
			continue
		}
		ms.m[methodKey{t, m.Name}] = call
	}
}

// lookup returns the direct call of typ's method name, or nil.
func (ms *Methods) lookup(typ reflect.Type, name string) method {
	if ms == nil {
		return nil
	}
	return ms.m[methodKey{typ, name}]
}

// funcCall calls a function with its arguments, already of the types
// its parameters have (variadic ones one by one), and returns its result
// as reflect.Value.Call would.
type funcCall func(args []reflect.Value) reflect.Value

// directFunc returns a direct call of fn for the shapes of function that
// themes call most, or nil: fn is then called through reflect.
func directFunc(fn reflect.Value) funcCall {
	switch f := fn.Interface().(type) {
	case func(string) string:
		return func(a []reflect.Value) reflect.Value { return reflect.ValueOf(f(a[0].String())) }
	case func(time.Time) string:
		return func(a []reflect.Value) reflect.Value { return reflect.ValueOf(f(timeOf(a[0]))) }
	case func(string, time.Time) string:
		return func(a []reflect.Value) reflect.Value { return reflect.ValueOf(f(a[0].String(), timeOf(a[1]))) }
	case func(htmltemplate.HTML) string:
		return func(a []reflect.Value) reflect.Value {
			return reflect.ValueOf(f(htmltemplate.HTML(a[0].String())))
		}
	case func(int, any) any:
		return func(a []reflect.Value) reflect.Value {
			r := f(int(a[0].Int()), a[1].Interface())
			return reflect.ValueOf(&r).Elem()
		}
	case func(string, ...any) (string, error):
		return func(a []reflect.Value) reflect.Value {
			s, err := f(a[0].String(), anys(a[1:])...)
			if err != nil {
				giveUp("error calling: %v", err)
			}
			return reflect.ValueOf(s)
		}
	case func(string, any, ...any) (htmltemplate.HTML, error):
		return func(a []reflect.Value) reflect.Value {
			h, err := f(a[0].String(), a[1].Interface(), anys(a[2:])...)
			if err != nil {
				giveUp("error calling: %v", err)
			}
			return reflect.ValueOf(h)
		}
	}
	return nil
}

// timeOf is the time.Time in v, read through its address when it has one
// (a field such as .Date): Interface would copy it to the heap.
func timeOf(v reflect.Value) time.Time {
	if v.CanAddr() {
		return *v.Addr().Interface().(*time.Time)
	}
	return v.Interface().(time.Time)
}

// anys are the values of a variadic ...any.
func anys(vs []reflect.Value) []any {
	if len(vs) == 0 {
		return nil
	}
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v.Interface()
	}
	return out
}

// Holds reports whether typ's method name is called directly.
func (ms *Methods) Holds(typ reflect.Type, name string) bool {
	return ms.lookup(typ, name) != nil
}
