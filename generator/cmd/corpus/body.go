package main

// How the headings of a body are laid out.
const (
	layoutNumbered = iota // "## 一、基本情况", "## 二、主要做法", …
	layoutPlain           // "## 主要做法" … without numbers; names come round again
	layoutTopic           // "## 强化政治引领" with "### 主要做法" / "### 工作成效" under each
)

func openingHeadings() []string {
	return []string{"基本情况", "背景与起因", "工作概况", "总体情况"}
}

func middleHeadings() []string {
	return []string{
		"主要做法", "实践探索", "特色做法", "工作举措", "创新亮点", "推进情况",
		"工作成效", "群众反响", "经验启示", "存在的问题", "思考与建议",
	}
}

// plainCycle is short so that on longer pages its names repeat.
func plainCycle() []string { return []string{"主要做法", "工作成效", "经验启示"} }

// body writes the Markdown after the front matter, until the file
// reaches a target size drawn for this page.
func (w *pageWriter) body() {
	b, r := w.b, w.r
	target := targetSize - sizeSpread - tailAllowance + r.IntN(2*sizeSpread+1)
	w.chooseLinks()
	w.inline = r.IntN(10) < 7
	w.soft = r.IntN(10) < 3
	table := r.IntN(100) < 85
	code := r.IntN(10) == 0
	quote := r.IntN(10) < 3

	w.paragraph(w.v.intro, 2+r.IntN(3))
	if r.IntN(2) == 0 {
		w.paragraph(w.v.sentence, 2+r.IntN(3))
	}
	if r.IntN(10) == 0 {
		b.WriteString("<!--more-->\n\n")
	}

	layout := r.IntN(3)
	offset := r.IntN(15)
	// Tables, code and quotes go into a random early section, or into
	// the last one if the page fills up before that.
	est := max(2, (target-b.Len())/1200)
	tableAt, codeAt, quoteAt := r.IntN(est), r.IntN(est), r.IntN(est)
	sec := 0
	for ; b.Len() < target; sec++ {
		w.heading(layout, sec, offset)
		blocks := 2 + r.IntN(3)
		results := max(1, blocks/2) // where "### 工作成效" goes in the topic layout
		for j := 0; j < blocks; j++ {
			if layout == layoutTopic && j == 0 {
				b.WriteString("### 主要做法\n\n")
			}
			if layout == layoutTopic && j == results {
				b.WriteString("### 工作成效\n\n")
			}
			w.block(layout)
			if b.Len() >= target && (layout != layoutTopic || j >= results) {
				break
			}
		}
		full := b.Len() >= target
		if table && (sec >= tableAt || full) {
			w.table()
			table = false
		}
		if code && (sec >= codeAt || full) {
			w.codeBlock()
			code = false
		}
		if quote && (sec >= quoteAt || full) {
			w.quote()
			quote = false
		}
	}
	if layout != layoutTopic && r.IntN(10) < 6 {
		if layout == layoutNumbered {
			b.WriteString("## " + cnNumber(sec+1) + "、下一步打算\n\n")
		} else {
			b.WriteString("## 下一步打算\n\n")
		}
		w.paragraph(w.v.closing, 2+r.IntN(2))
	}
	if len(w.links) > 0 {
		b.WriteString("相关阅读：\n\n")
		for _, t := range w.links {
			p := &w.s.pages[t]
			b.WriteString("- [" + p.Title + "](" + relPath(w.p.Dir, p.Path()) + ")\n")
		}
		w.links = nil
	}
	endWithNewline(b)
}

func (w *pageWriter) heading(layout, sec, offset int) {
	w.item = 0
	w.leadStart = w.r.IntN(len(w.v.lists["lead"]))
	var name string
	switch {
	case layout == layoutTopic:
		leads := w.v.lists["lead"]
		name = leads[(offset+sec*7)%len(leads)] // 7 is coprime to 15: no repeats
	case sec == 0:
		name = w.pick(openingHeadings())
	case layout == layoutPlain:
		c := plainCycle()
		name = c[(sec-1)%len(c)]
	default:
		m := middleHeadings()
		name = m[(offset%3+sec-1)%len(m)]
	}
	if layout == layoutNumbered {
		name = cnNumber(sec+1) + "、" + name
	}
	w.b.WriteString("## " + name + "\n\n")
}

// block writes one block of running text.
func (w *pageWriter) block(layout int) {
	switch x := w.r.IntN(100); {
	case x < 35:
		w.paragraph(w.v.sentence, 3+w.r.IntN(3))
	case x < 55:
		for range 2 + w.r.IntN(2) {
			w.leadIn()
		}
	case x < 65:
		w.ordinals()
	case x < 80:
		w.list(false)
	case x < 90:
		w.list(true)
	case layout == layoutNumbered:
		w.item++
		w.b.WriteString("### （" + cnNumber(w.item) + "）" + w.sectionLead() + "\n\n")
		w.paragraph(w.v.sentence, 3+w.r.IntN(3))
	default:
		w.paragraph(w.v.sentence, 3+w.r.IntN(3))
	}
}
