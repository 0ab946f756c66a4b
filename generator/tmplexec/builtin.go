package tmplexec

import (
	"fmt"
	"reflect"
)

// builtinFunc is a builtin of text/template, run natively.
type builtinFunc func(s *state, dot reflect.Value, args []*arg, final reflect.Value) reflect.Value

// builtin returns text/template's builtin called name, or nil for those
// left to the standard library (call, html, js, urlquery, slice).
func builtin(name string) builtinFunc {
	switch name {
	case "and", "or":
		return andOr(name == "or")
	case "not":
		return unary(func(v reflect.Value) reflect.Value { return reflect.ValueOf(!truth(v)) })
	case "len":
		return unary(length)
	case "index":
		return index
	case "eq":
		return compare(2, -1, func(a []reflect.Value) bool { return eq(a[0], a[1:]...) })
	case "ne":
		return compare(2, 2, func(a []reflect.Value) bool { return !eq(a[0], a[1]) })
	case "lt":
		return compare(2, 2, func(a []reflect.Value) bool { return lt(a[0], a[1]) })
	case "le":
		return compare(2, 2, func(a []reflect.Value) bool { return lt(a[0], a[1]) || eq(a[0], a[1]) })
	case "gt":
		return compare(2, 2, func(a []reflect.Value) bool { return !lt(a[0], a[1]) && !eq(a[0], a[1]) })
	case "ge":
		return compare(2, 2, func(a []reflect.Value) bool { return !lt(a[0], a[1]) })
	case "print":
		return viaCall(fmt.Sprint)
	case "printf":
		return viaCall(fmt.Sprintf)
	case "println":
		return viaCall(fmt.Sprintln)
	}
	return nil
}

// plainArgs are the arguments of a builtin taking reflect.Values, final
// last; there must be between min and max of them (max -1: no limit).
func plainArgs(s *state, dot reflect.Value, args []*arg, final reflect.Value, min, max int) []reflect.Value {
	n := len(args)
	if !isMissing(final) {
		n++
	}
	if n < min || max >= 0 && n > max {
		giveUp("wrong number of arguments")
	}
	vals := make([]reflect.Value, 0, n)
	for _, a := range args {
		vals = append(vals, a.plain(s, dot))
	}
	if !isMissing(final) {
		vals = append(vals, final)
	}
	return vals
}

func unary(f func(reflect.Value) reflect.Value) builtinFunc {
	return func(s *state, dot reflect.Value, args []*arg, final reflect.Value) reflect.Value {
		return f(plainArgs(s, dot, args, final, 1, 1)[0])
	}
}

func compare(min, max int, f func([]reflect.Value) bool) builtinFunc {
	return func(s *state, dot reflect.Value, args []*arg, final reflect.Value) reflect.Value {
		return reflect.ValueOf(f(plainArgs(s, dot, args, final, min, max)))
	}
}

func viaCall(fn any) builtinFunc {
	fun := reflect.ValueOf(fn)
	return func(s *state, dot reflect.Value, args []*arg, final reflect.Value) reflect.Value {
		return s.call(dot, fun, args, final, nil)
	}
}

// andOr evaluates its arguments in order and stops at the first false
// (and) or true (or) one, which it returns; else the last.
func andOr(or bool) builtinFunc {
	return func(s *state, dot reflect.Value, args []*arg, final reflect.Value) reflect.Value {
		if len(args) == 0 && isMissing(final) {
			giveUp("and/or without arguments")
		}
		var v reflect.Value
		for _, a := range args {
			if v = a.plain(s, dot); truth(v) == or {
				return v
			}
		}
		if !isMissing(final) {
			v = final
		}
		return v
	}
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

func length(item reflect.Value) reflect.Value {
	item, isNil := indirect(item)
	if isNil {
		giveUp("len of nil pointer")
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(item.Len())
	}
	giveUp("len of %s", item.Kind())
	return reflect.Value{}
}

func index(s *state, dot reflect.Value, args []*arg, final reflect.Value) reflect.Value {
	vals := plainArgs(s, dot, args, final, 1, -1)
	item := indirectInterface(vals[0])
	if !item.IsValid() {
		giveUp("index of untyped nil")
	}
	for _, i := range vals[1:] {
		i = indirectInterface(i)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			giveUp("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			var x int64
			switch {
			case i.CanInt():
				x = i.Int()
			case i.CanUint():
				x = int64(i.Uint())
			default:
				giveUp("index of type %s", i.Kind())
			}
			if x < 0 || int(x) < 0 || int(x) > item.Len() {
				giveUp("index out of range")
			}
			item = item.Index(int(x)) // panics (and so gives up) at len, as text/template
		case reflect.Map:
			key := i
			kt := item.Type().Key()
			switch {
			case !key.IsValid():
				if !canBeNil(kt) {
					giveUp("nil map key")
				}
				key = reflect.Zero(kt)
			case key.Type().AssignableTo(kt):
			case intLike(key.Kind()) && intLike(kt.Kind()):
				key = key.Convert(kt)
			default:
				giveUp("map key of type %s", key.Type())
			}
			if x := item.MapIndex(key); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			giveUp("index of %s", item.Kind())
		}
	}
	return item
}

func intLike(k reflect.Kind) bool {
	return reflect.Int <= k && k <= reflect.Uintptr
}

// kind groups the kinds that text/template's comparisons tell apart.
type kind int

const (
	otherKind kind = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

func basicKind(v reflect.Value) kind {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.Complex64, reflect.Complex128:
		return complexKind
	case reflect.String:
		return stringKind
	}
	return otherKind
}

// eq is text/template's eq: a == b || a == c || …, with integers compared
// across signedness and nil-able values compared with nil.
func eq(a reflect.Value, bs ...reflect.Value) bool {
	a = indirectInterface(a)
	ka := basicKind(a)
	for _, b := range bs {
		b = indirectInterface(b)
		kb := basicKind(b)
		truth := false
		switch {
		case ka == intKind && kb == uintKind:
			truth = a.Int() >= 0 && uint64(a.Int()) == b.Uint()
		case ka == uintKind && kb == intKind:
			truth = b.Int() >= 0 && a.Uint() == uint64(b.Int())
		case ka != kb:
			if a.IsValid() && b.IsValid() {
				giveUp("incompatible types for comparison")
			}
		case ka == boolKind:
			truth = a.Bool() == b.Bool()
		case ka == complexKind:
			truth = a.Complex() == b.Complex()
		case ka == floatKind:
			truth = a.Float() == b.Float()
		case ka == intKind:
			truth = a.Int() == b.Int()
		case ka == stringKind:
			truth = a.String() == b.String()
		case ka == uintKind:
			truth = a.Uint() == b.Uint()
		default:
			if a.Kind() != b.Kind() && a.IsValid() && b.IsValid() {
				giveUp("non-comparable types")
			}
			if isNil(a) || isNil(b) {
				truth = isNil(a) == isNil(b)
			} else {
				if !b.Type().Comparable() {
					giveUp("non-comparable type")
				}
				truth = a.Interface() == b.Interface()
			}
		}
		if truth {
			return true
		}
	}
	return false
}

func isNil(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// lt is text/template's lt, for basic kinds only.
func lt(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	switch {
	case ka == otherKind || kb == otherKind:
		giveUp("invalid type for comparison")
	case ka == intKind && kb == uintKind:
		return a.Int() < 0 || uint64(a.Int()) < b.Uint()
	case ka == uintKind && kb == intKind:
		return b.Int() >= 0 && a.Uint() < uint64(b.Int())
	case ka != kb, ka == boolKind, ka == complexKind:
		giveUp("incompatible types for comparison")
	case ka == floatKind:
		return a.Float() < b.Float()
	case ka == intKind:
		return a.Int() < b.Int()
	case ka == stringKind:
		return a.String() < b.String()
	case ka == uintKind:
		return a.Uint() < b.Uint()
	}
	return false
}
