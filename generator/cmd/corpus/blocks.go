package main

import (
	"fmt"
	"slices"
)

// sentences writes n sentences, the first from first and the rest from
// the general set. On soft-wrapped pages it breaks the source line between
// some of them; on pages with inline links it sometimes adds one.
func (w *pageWriter) sentences(first []tmpl, n int) {
	breaks := 0
	for k := range n {
		if k > 0 {
			w.softBreak(&breaks)
			w.fill(w.v.sentence)
			continue
		}
		w.fill(first)
	}
	if w.inline && len(w.links) > 0 && w.r.IntN(3) == 0 {
		w.softBreak(&breaks)
		w.linkSentence()
	}
}

// softBreak ends the source line inside a paragraph now and then (at
// most twice a paragraph), as editors do when they wrap Chinese text.
func (w *pageWriter) softBreak(breaks *int) {
	if w.soft && *breaks < 2 && w.r.IntN(2) == 0 {
		w.b.WriteByte('\n')
		*breaks++
	}
}

func (w *pageWriter) paragraph(first []tmpl, n int) {
	w.sentences(first, n)
	w.b.WriteString("\n\n")
}

// leadIn writes a paragraph opened by a bold numbered lead-in ending in
// full-width punctuation: **（一）强化政治引领。**…
func (w *pageWriter) leadIn() {
	w.item++
	w.b.WriteString("**（" + cnNumber(w.item) + "）" + w.sectionLead() + "。**")
	w.sentences(w.v.sentence, 2+w.r.IntN(3))
	w.b.WriteString("\n\n")
}

// sectionLead is a lead-in phrase for the current item, distinct from
// the others of the same section.
func (w *pageWriter) sectionLead() string {
	leads := w.v.lists["lead"]
	return leads[(w.leadStart+4*w.item)%len(leads)] // 4 is coprime to 15
}

// ordinals writes a 一是…二是… paragraph whose bold parts end in a
// full-width comma: **一是抓实理论学习，**…
func (w *pageWriter) ordinals() {
	leads := w.v.lists["lead"]
	n := 2 + w.r.IntN(3)
	start := w.r.IntN(len(leads))
	breaks := 0
	for k := range n {
		if k > 0 {
			w.softBreak(&breaks)
		}
		w.b.WriteString("**" + cnNumber(k+1) + "是" + leads[(start+4*k)%len(leads)] + "，**")
		w.fill(w.v.clause)
		if k == n-1 {
			w.b.WriteString("。")
		} else {
			w.b.WriteString("；")
		}
	}
	w.b.WriteString("\n\n")
}

// list writes a bullet or numbered list of 3-5 clauses.
func (w *pageWriter) list(numbered bool) {
	if w.r.IntN(2) == 0 {
		w.b.WriteString(w.pick([]string{"具体举措如下：", "重点抓好以下几个方面：", "主要包括："}) + "\n\n")
	}
	n := 3 + w.r.IntN(3)
	bold := w.r.IntN(2) == 0
	for k := 1; k <= n; k++ {
		if numbered {
			w.writeInt(k)
			w.b.WriteString(". ")
		} else {
			w.b.WriteString("- ")
		}
		if bold {
			w.b.WriteString("**" + w.word("key") + "**：")
		}
		w.fill(w.v.clause)
		if k == n {
			w.b.WriteString("。\n")
		} else {
			w.b.WriteString("；\n")
		}
	}
	w.b.WriteString("\n")
}

// table writes a GFM table of figures.
func (w *pageWriter) table() {
	b, r := w.b, w.r
	rows := 3 + r.IntN(4)
	switch r.IntN(3) {
	case 0:
		b.WriteString("近三年主要指标完成情况如下表所示：\n\n")
		fmt.Fprintf(b, "| 指标 | %d年 | %d年 | %d年 |\n| --- | ---: | ---: | ---: |\n", w.year-2, w.year-1, w.year)
		metrics := w.v.lists["metric"]
		for _, m := range r.Perm(len(metrics))[:rows] {
			v := 10 + r.IntN(400)
			b.WriteString("| " + metrics[m])
			for range 3 {
				fmt.Fprintf(b, " | %d", v)
				v += r.IntN(v/3 + 5)
			}
			b.WriteString(" |\n")
		}
	case 1:
		b.WriteString("年度重点项目推进情况见下表：\n\n")
		b.WriteString("| 序号 | 项目名称 | 责任支部 | 进度 |\n| :---: | --- | --- | --- |\n")
		projects := w.v.lists["project"]
		for k, p := range r.Perm(len(projects))[:rows] {
			fmt.Fprintf(b, "| %d | %s | 第%s党支部 | %s |\n", k+1, projects[p], cnNumber(1+r.IntN(9)), w.word("status"))
		}
	default:
		fmt.Fprintf(b, "%d年度部分单位攀高指数如下(满分100分)：\n\n", w.year)
		b.WriteString("| 单位 | 类别 | 目标难度 | 措施力度 | 决心态度 | 攀高指数 |\n")
		b.WriteString("| --- | :---: | ---: | ---: | ---: | ---: |\n")
		type row struct{ unit, cat, a, c, d int }
		var list []row
		for _, u := range r.Perm(len(w.v.units))[:rows] {
			list = append(list, row{u, r.IntN(4), 250 + r.IntN(84), 250 + r.IntN(84), 250 + r.IntN(84)})
		}
		total := func(x row) int { return x.a + x.c + x.d }
		slices.SortStableFunc(list, func(x, y row) int { return total(y) - total(x) })
		for _, x := range list {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", w.v.units[x.unit].Name, w.v.lists["cat"][x.cat],
				tenths(x.a), tenths(x.c), tenths(x.d), tenths(total(x)))
		}
	}
	b.WriteString("\n")
}

func tenths(x int) string { return fmt.Sprintf("%d.%d", x/10, x%10) }

// codeBlock writes a small fenced block: a climbing-project record in
// YAML, or the Party-building multiplier written as a Go function.
func (w *pageWriter) codeBlock() {
	b, r := w.b, w.r
	if r.IntN(2) == 0 {
		b.WriteString("攀高项目按统一格式申报，示例如下：\n\n```yaml\n")
		fmt.Fprintf(b, "# %d年度攀高项目申报(示例)\n", w.year)
		fmt.Fprintf(b, "project: %s\nunit: %s\ncategory: %s\n", w.word("project"), w.unit.ID, w.word("cat"))
		fmt.Fprintf(b, "target: 全年完成%d项重点任务\nmilestones:\n", 3+r.IntN(8))
		steps := []string{"完成调研摸底", "形成实施方案", "推进试点", "全面推开", "总结评估"}
		for q := 1; q <= 4; q++ {
			fmt.Fprintf(b, "  - quarter: %d\n    progress: %s\n", q, steps[min(q-1+r.IntN(2), len(steps)-1)])
		}
		b.WriteString("```\n\n")
		return
	}
	overall, party, base := 850+r.IntN(140), 850+r.IntN(150), 900
	b.WriteString("党建乘数计分法的计算方式可以用下面几行代码说明：\n\n```go\n")
	b.WriteString("// finalScore 按党建乘数计分：综合考评得分 × (党建实绩得分 ÷ 党建基准分)。\n")
	b.WriteString("func finalScore(overall, party, baseline float64) float64 {\n")
	b.WriteString("\tif baseline == 0 {\n\t\treturn overall\n\t}\n")
	b.WriteString("\treturn overall * party / baseline\n}\n\n")
	fmt.Fprintf(b, "// 例：finalScore(%s, %s, %s) = %.2f\n", tenths(overall), tenths(party), tenths(base),
		float64(overall)/10*float64(party)/float64(base))
	b.WriteString("```\n\n")
}

// quote writes a block quote of one or two paragraphs.
func (w *pageWriter) quote() {
	w.b.WriteString("> ")
	w.fill(w.v.quoteline)
	if w.r.IntN(2) == 0 {
		w.b.WriteString("\n>\n> ")
		w.fill(w.v.sentence)
	}
	w.b.WriteString("\n\n")
}
