package site

import (
	"cmp"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"

	"yipin/generator/chart"
	"yipin/generator/config"
	"yipin/generator/config/yamlsrc"
	"yipin/generator/diag"
	"yipin/generator/score"
)

// PanggaoYear is one year of the 攀高 contest: /panggao/2025/.
type PanggaoYear struct {
	Year       int
	Page       *Page
	Entries    []*PanggaoEntry // by category, then rank, then unit order
	Boards     []*Leaderboard  // one per category with entries, in site.yaml order
	Multiplied []*PanggaoEntry // the entries with 党建乘数 inputs, in Entries order
}

// Leaderboard ranks the units of one category by 攀高指数.
type Leaderboard struct {
	Category string
	Year     int
	Entries  []*PanggaoEntry // by rank, ties in unit order
	max      float64         // the largest possible index, for the chart
}

// PanggaoEntry is one unit's year: its projects and its scores.
// content/panggao/<year>/<unit>/_index.md holds the scores.
type PanggaoEntry struct {
	Unit       *Unit
	Year       int
	Page       *Page
	Contest    *PanggaoYear
	Projects   []*Project // in list order
	Scores     []Score    // the three scores, in a fixed order
	Index      string     // 攀高指数 to score.Places decimals: "91.85"
	IndexExact bool       // whether Index is exact (else it is rounded)
	Rank       int        // within the category; tied entries share it
	Tied       bool
	Multiplier *Multiplier // nil unless its inputs are given
	index      score.Value
}

// Score is one of the three scores of an entry.
type Score struct {
	Key     string // target_difficulty
	Name    string // 目标难度
	Value   string // as written: "88.5"
	Weight  string // from site.yaml: "30"
	Min     string
	Max     string
	Written bool // false when it is missing (an error was reported)
}

// Multiplier is an entry's 党建乘数计分法: Final = Comprehensive × Actual
// ÷ Baseline. Inputs are shown as written; results rounded for display.
type Multiplier struct {
	Baseline, Actual, Comprehensive string
	Factor                          string // Actual ÷ Baseline, score.FactorPlaces decimals
	FactorExact                     bool
	Final                           string // score.Places decimals
	FinalExact                      bool
}

// Project is one of a unit's 十大攀高项目 of a year.
type Project struct {
	Page       *Page
	Entry      *PanggaoEntry
	Unit       *Unit
	Year       int
	Target     Target
	Measures   []string
	Milestones []Milestone // by quarter
	Status     string      // 未启动, 进行中, 已完成 or 未完成
	Result     string
}

// Target is what a project aims at.
type Target struct {
	Indicator string `yaml:"indicator"` // 免申即享惠企政策覆盖率
	Baseline  string `yaml:"baseline"`  // optional number
	Value     string `yaml:"value"`     // number
	Unit      string `yaml:"unit"`      // %
}

// Milestone is a quarter's plan and what was done.
type Milestone struct {
	Quarter string // 一季度 … 四季度
	Q       int    // 1 … 4
	Plan    string
	Actual  string
	Status  string
}

// statuses are the valid statuses of projects and milestones.
var statuses = [...]string{"未启动", "进行中", "已完成", "未完成"}

// MaxProjects is how many projects a unit may declare in a year.
const MaxProjects = 10

// panggaoDir is the content folder of the 攀高 contest.
const panggaoDir = "panggao"

type entryFront struct {
	Scores struct {
		TargetDifficulty string `yaml:"target_difficulty"`
		MeasureStrength  string `yaml:"measure_strength"`
		Determination    string `yaml:"determination"`
	} `yaml:"scores"`
	Multiplier struct {
		Baseline      string `yaml:"baseline"`
		Actual        string `yaml:"actual"`
		Comprehensive string `yaml:"comprehensive"`
	} `yaml:"multiplier"`
}

type projectFront struct {
	Target     Target           `yaml:"target"`
	Measures   []yamlsrc.Line   `yaml:"measures"`
	Milestones []milestoneFront `yaml:"milestones"`
	Status     string           `yaml:"status"`
	Result     string           `yaml:"result"`
}

type milestoneFront struct {
	Quarter string `yaml:"quarter"`
	Plan    string `yaml:"plan"`
	Actual  string `yaml:"actual"`
	Status  string `yaml:"status"`
}

// panggao reads content/panggao/: years, each unit's entry and projects;
// then scores and ranks the entries of each year.
func (b *builder) panggao() {
	root := b.sections[panggaoDir]
	if root == nil {
		return
	}
	root.Role = RolePanggao
	if root.src == nil || root.src.Front.Title == "" {
		root.Title = "攀高比拼"
	}
	years := map[string]*PanggaoYear{}
	entries := map[string]*PanggaoEntry{}
	for _, dir := range sortedKeys(b.sections) {
		sec := b.sections[dir]
		switch depth := strings.Count(dir, "/"); {
		case !strings.HasPrefix(dir, panggaoDir+"/"):
		case depth == 1:
			if y := b.panggaoYear(sec); y != nil {
				years[dir] = y
			}
		case depth == 2 && years[parentDir(dir)] != nil:
			if e := b.panggaoEntry(sec, years[parentDir(dir)]); e != nil {
				entries[dir] = e
			}
		case depth > 2:
			b.add(diag.New(b.firstFile(dir), 0, 0, "攀高项目应直接放在 content/panggao/<年份>/<单位代号>/ 里,不要再建下级文件夹 %s", path.Base(dir)).
				WithHint("把文件移到上一级文件夹"))
		}
	}
	for _, p := range b.site.RegularPages {
		if e := entries[p.Dir]; e != nil {
			b.project(p, e)
		}
	}
	for _, dir := range sortedKeys(entries) {
		b.scoreEntry(entries[dir])
	}
	for _, dir := range sortedKeys(years) {
		b.rank(years[dir])
		b.site.Panggao = append(b.site.Panggao, years[dir])
	}
	slices.Reverse(b.site.Panggao) // newest first
	for _, u := range b.site.Units {
		slices.SortFunc(u.Panggao, func(x, y *PanggaoEntry) int { return y.Year - x.Year })
	}
}

func (b *builder) panggaoYear(sec *Page) *PanggaoYear {
	name := path.Base(sec.Dir)
	year, err := strconv.Atoi(name)
	if err != nil || len(name) != 4 {
		b.add(diag.New(b.firstFile(sec.Dir), 0, 0, "攀高栏目下的文件夹 “%s” 应以四位数年份命名", name).
			WithHint("按年份建文件夹,例如 content/panggao/2025/,再在里面按单位建文件夹"))
		return nil
	}
	y := &PanggaoYear{Year: year, Page: sec}
	sec.Role, sec.Contest = RolePanggaoYear, y
	if sec.src == nil || sec.src.Front.Title == "" {
		sec.Title = fmt.Sprintf("%d 年度攀高比拼", year)
	}
	return y
}

func (b *builder) panggaoEntry(sec *Page, y *PanggaoYear) *PanggaoEntry {
	id := path.Base(sec.Dir)
	u := b.site.unitByID[id]
	if u == nil {
		b.add(b.unknownUnit(b.firstFile(sec.Dir), 0, 0, id))
		return nil
	}
	e := &PanggaoEntry{Unit: u, Year: y.Year, Page: sec, Contest: y}
	sec.Role, sec.Entry, sec.Units = RolePanggaoUnit, e, []*Unit{u}
	if sec.src == nil || sec.src.Front.Title == "" {
		sec.Title = fmt.Sprintf("%s %d 年攀高项目", u.Short, y.Year)
	}
	y.Entries = append(y.Entries, e)
	u.Panggao = append(u.Panggao, e)
	return e
}

// project reads one project file into its entry.
func (b *builder) project(p *Page, e *PanggaoEntry) {
	var f projectFront
	d := b.schema(p, &f, "攀高项目页面")
	pr := &Project{Page: p, Entry: e, Unit: e.Unit, Year: e.Year, Target: f.Target,
		Measures: lines(f.Measures), Result: f.Result}
	if len(e.Projects) == MaxProjects {
		b.add(diag.New(p.File, 1, 1, "%s %d 年的攀高项目超过了 %d 个", e.Unit.Short, e.Year, MaxProjects).
			WithHint("每个单位每年最多申报 %d 个攀高项目(十大攀高项目):请合并或删去多余的项目", MaxProjects))
	}
	t := &pr.Target
	if t.Indicator == "" {
		missing(d, "target.indicator", "目标指标", "target: {indicator: 惠企政策覆盖率, value: 100, unit: \"%\"}")
	}
	for _, k := range []struct {
		key, what string
		v         string
		required  bool
	}{{"target.value", "目标值", t.Value, true}, {"target.baseline", "基数", t.Baseline, false}} {
		switch {
		case k.v == "" && k.required:
			missing(d, k.key, k.what, "value: 100")
		case k.v != "" && !isNumber(k.v):
			d.Fail(k.key, "只写数字,单位写在 target 的 unit 里,例如 value: 100、unit: \"%\"", "%s “%s” 不是数字", k.what, yamlsrc.Clip(k.v, 20))
		}
	}
	pr.Status = status(d, "status", f.Status, true)
	for i, mf := range f.Milestones {
		at := "milestones[" + itoa(i) + "]"
		q, ok := quarter(mf.Quarter)
		if !ok {
			d.Fail(at+".quarter", "写 一季度、二季度、三季度 或 四季度(也可写 Q1…Q4 或 1…4)", "季度 “%s” 无法识别", yamlsrc.Clip(mf.Quarter, 20))
			continue
		}
		pr.Milestones = append(pr.Milestones, Milestone{Quarter: quarterNames[q-1], Q: q, Plan: mf.Plan, Actual: mf.Actual,
			Status: status(d, at+".status", mf.Status, false)})
	}
	slices.SortStableFunc(pr.Milestones, func(x, y Milestone) int { return x.Q - y.Q })
	b.flush(p, d)
	p.Role, p.Project, p.Units = RoleProject, pr, []*Unit{e.Unit}
	e.Projects = append(e.Projects, pr)
}

var quarterNames = [...]string{"一季度", "二季度", "三季度", "四季度"}

// quarter reads 一季度, 第一季度, 一, Q1, q1 or 1 (and so on to 4).
func quarter(s string) (int, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "Q"), "q")
	s = strings.TrimSuffix(strings.TrimPrefix(s, "第"), "季度")
	for i, w := range []string{"一", "二", "三", "四"} {
		if s == w || s == strconv.Itoa(i+1) {
			return i + 1, true
		}
	}
	return 0, false
}

// status checks a project or milestone status.
func status(d *yamlsrc.Decoder, key, s string, required bool) string {
	hint := "可选的状态:" + strings.Join(statuses[:], "、")
	switch {
	case s == "" && required:
		d.Fail(key, hint+",例如 status: 进行中", "缺少状态 status")
	case s != "" && !slices.Contains(statuses[:], s):
		d.Fail(key, hint, "状态 “%s” 无法识别", yamlsrc.Clip(s, 20))
		return ""
	}
	return s
}

// scoreEntry checks an entry's scores and computes its 攀高指数 and
// multiplier.
func (b *builder) scoreEntry(e *PanggaoEntry) {
	sec := e.Page
	if sec.src == nil {
		if len(e.Projects) > 0 {
			b.add(diag.New(b.firstFile(sec.Dir), 0, 0, "%s %d 年有攀高项目,但缺少攀高指数评分", e.Unit.Short, e.Year).
				WithHint("新建 content/%s/_index.md,写上 scores: 下的 target_difficulty(目标难度)、measure_strength(措施力度)和 determination(决心态度)", sec.Dir))
		}
		return
	}
	var f entryFront
	d := b.schema(sec, &f, "攀高评分页面")
	defer b.flush(sec, d)
	cfg := b.site.Config.Panggao
	ok := true
	var weighted []score.Weighted
	for _, s := range []struct {
		key, name, v string
		cfg          config.Score
	}{
		{"target_difficulty", "目标难度", f.Scores.TargetDifficulty, cfg.TargetDifficulty},
		{"measure_strength", "措施力度", f.Scores.MeasureStrength, cfg.MeasureStrength},
		{"determination", "决心态度", f.Scores.Determination, cfg.Determination},
	} {
		lo, hi, w := score.FromFloat(s.cfg.Min), score.FromFloat(s.cfg.Max), score.FromFloat(s.cfg.Weight)
		sc := Score{Key: s.key, Name: s.name, Weight: w.String(), Min: lo.String(), Max: hi.String()}
		key := "scores." + s.key
		rng := fmt.Sprintf("%s 到 %s 之间", lo, hi)
		v, isNum := score.Parse(s.v)
		switch {
		case s.v == "":
			d.Fail(key, fmt.Sprintf("在 scores 下写上 %s: 分数(%s)", s.key, rng), "缺少%s评分 %s", s.name, key)
		case !isNum:
			d.Fail(key, "写阿拉伯数字,可带小数,例如 "+s.key+": 88.5", "%s评分 “%s” 不是数字", s.name, yamlsrc.Clip(s.v, 20))
		case v.Cmp(lo) < 0 || v.Cmp(hi) > 0:
			d.Fail(key, "分数范围在 site.yaml 的 panggao."+s.key+" 中设置", "%s评分 %s 超出范围,应在 %s", s.name, v, rng)
		default:
			sc.Value, sc.Written = v.String(), true
			weighted = append(weighted, score.Weighted{Value: v, Weight: w})
		}
		ok = ok && sc.Written
		e.Scores = append(e.Scores, sc)
	}
	if ok {
		e.index, _ = score.Mean(weighted)
		e.Index, e.IndexExact = e.index.Fixed(score.Places), e.index.Exact(score.Places)
	}
	e.Multiplier = multiplier(d, f.Multiplier.Baseline, f.Multiplier.Actual, f.Multiplier.Comprehensive)
}

// multiplier checks the 党建乘数 inputs: all three or none.
func multiplier(d *yamlsrc.Decoder, baseline, actual, comprehensive string) *Multiplier {
	if baseline == "" && actual == "" && comprehensive == "" {
		return nil
	}
	var vals [3]score.Value
	ok := true
	for i, in := range []struct{ key, name, v string }{
		{"baseline", "党建基准分", baseline}, {"actual", "党建实际得分", actual}, {"comprehensive", "综合考评得分", comprehensive},
	} {
		key := "multiplier." + in.key
		v, isNum := score.Parse(in.v)
		switch {
		case in.v == "":
			d.Fail(key, "党建乘数计分法要同时写 baseline(党建基准分)、actual(党建实际得分)和 comprehensive(综合考评得分);不用时三项都删掉",
				"缺少%s %s", in.name, key)
		case !isNum:
			d.Fail(key, "写阿拉伯数字,可带小数,例如 "+in.key+": 90", "%s “%s” 不是数字", in.name, yamlsrc.Clip(in.v, 20))
		case v.Sign() < 0 || (in.key == "baseline" && v.Sign() == 0):
			d.Fail(key, "党建基准分要大于 0,其他分数不能是负数", "%s %s 不对", in.name, v)
		default:
			vals[i] = v
			continue
		}
		ok = false
	}
	if !ok {
		return nil
	}
	m := score.Multiplier{Baseline: vals[0], Actual: vals[1], Comprehensive: vals[2]}
	factor, _ := m.Factor()
	final, _ := m.Final()
	return &Multiplier{Baseline: vals[0].String(), Actual: vals[1].String(), Comprehensive: vals[2].String(),
		Factor: factor.Fixed(score.FactorPlaces), FactorExact: factor.Exact(score.FactorPlaces),
		Final: final.Fixed(score.Places), FinalExact: final.Exact(score.Places)}
}

// rank builds a year's leaderboards: within each category, entries with
// every score are ranked by their index as shown (see score.Rank).
func (b *builder) rank(y *PanggaoYear) {
	cfg := b.site.Config.Panggao
	top, _ := score.Mean([]score.Weighted{
		{Value: score.FromFloat(cfg.TargetDifficulty.Max), Weight: score.FromFloat(cfg.TargetDifficulty.Weight)},
		{Value: score.FromFloat(cfg.MeasureStrength.Max), Weight: score.FromFloat(cfg.MeasureStrength.Weight)},
		{Value: score.FromFloat(cfg.Determination.Max), Weight: score.FromFloat(cfg.Determination.Weight)},
	})
	for _, cat := range b.site.Config.Categories {
		board := &Leaderboard{Category: cat, Year: y.Year, max: top.Float()}
		for _, e := range y.Entries {
			if e.Unit.Category == cat && e.Index != "" {
				board.Entries = append(board.Entries, e)
			}
		}
		if len(board.Entries) == 0 {
			continue
		}
		slices.SortStableFunc(board.Entries, func(x, z *PanggaoEntry) int {
			return cmp.Or(z.index.Round(score.Places).Cmp(x.index.Round(score.Places)), b.unitOrder(x.Unit, z.Unit))
		})
		vals := make([]score.Value, len(board.Entries))
		for i, e := range board.Entries {
			vals[i] = e.index
		}
		ranks, tied := score.Rank(vals, score.Places)
		for i, e := range board.Entries {
			e.Rank, e.Tied = ranks[i], tied[i]
		}
		y.Boards = append(y.Boards, board)
	}
	slices.SortStableFunc(y.Entries, func(x, z *PanggaoEntry) int {
		return cmp.Or(cmp.Compare(b.categoryIndex(x.Unit.Category), b.categoryIndex(z.Unit.Category)),
			cmpRank(x, z), b.unitOrder(x.Unit, z.Unit))
	})
	for _, e := range y.Entries {
		if e.Multiplier != nil {
			y.Multiplied = append(y.Multiplied, e)
		}
	}
}

// cmpRank orders ranked entries before unranked ones (missing scores).
func cmpRank(x, z *PanggaoEntry) int {
	switch {
	case x.Rank == z.Rank:
		return 0
	case x.Rank == 0:
		return 1
	case z.Rank == 0:
		return -1
	}
	return x.Rank - z.Rank
}

// unitOrder compares units by their place in Site.Units.
func (b *builder) unitOrder(x, z *Unit) int {
	return cmp.Compare(slices.Index(b.site.Units, x), slices.Index(b.site.Units, z))
}

// RankText is the rank as shown: "第 2 名", "并列第 2 名".
func (e *PanggaoEntry) RankText() string {
	if e.Rank == 0 {
		return ""
	}
	if e.Tied {
		return fmt.Sprintf("并列第 %d 名", e.Rank)
	}
	return fmt.Sprintf("第 %d 名", e.Rank)
}

// IndexSteps is the arithmetic of the index: "(92 × 40 + 88.5 × 30 + 95 × 30) ÷ (40 + 30 + 30)".
func (e *PanggaoEntry) IndexSteps() string {
	var terms, weights []string
	for _, s := range e.Scores {
		terms = append(terms, s.Value+" × "+s.Weight)
		weights = append(weights, s.Weight)
	}
	return "(" + strings.Join(terms, " + ") + ") ÷ (" + strings.Join(weights, " + ") + ")"
}

// Done counts the entry's finished projects.
func (e *PanggaoEntry) Done() int {
	n := 0
	for _, p := range e.Projects {
		if p.Status == "已完成" {
			n++
		}
	}
	return n
}

// Title is the board's heading: "经济类".
func (l *Leaderboard) Title() string { return l.Category + "类" }

// Chart is the board as an SVG bar chart of the indexes.
func (l *Leaderboard) Chart() template.HTML {
	c := chart.Bars{ID: fmt.Sprintf("board-%d-%s", l.Year, l.Category),
		Title: fmt.Sprintf("%d 年%s类单位攀高指数", l.Year, l.Category), Max: l.max}
	var desc []string
	for _, e := range l.Entries {
		note := ""
		if e.Tied {
			note = "并列"
		}
		c.Bars = append(c.Bars, chart.Bar{Label: e.Unit.Short, Value: e.index.Float(), Text: e.Index, Note: note})
		desc = append(desc, fmt.Sprintf("%s %s 分(%s)", e.Unit.Short, e.Index, e.RankText()))
	}
	c.Desc = "按攀高指数从高到低:" + strings.Join(desc, ",") + "。"
	return c.SVG()
}

// Progress is the share of the project's milestones that are done, in
// percent; 100 for a finished project.
func (p *Project) Progress() int {
	if p.Status == "已完成" {
		return 100
	}
	if len(p.Milestones) == 0 {
		return 0
	}
	done := 0
	for _, m := range p.Milestones {
		if m.Status == "已完成" {
			done++
		}
	}
	return done * 100 / len(p.Milestones)
}

// Category is the project's category, inherited from its unit.
func (p *Project) Category() string { return p.Unit.Category }

// StatusClass names a status for CSS: "todo", "doing", "done" or "missed".
func StatusClass(s string) string {
	switch s {
	case "进行中":
		return "doing"
	case "已完成":
		return "done"
	case "未完成":
		return "missed"
	}
	return "todo"
}

// StatusClass names the project's status for CSS; see StatusClass.
func (p *Project) StatusClass() string { return StatusClass(p.Status) }

// StatusClass names the milestone's status for CSS; see StatusClass.
func (m Milestone) StatusClass() string { return StatusClass(m.Status) }

// Weights describes how the index is computed, for pages: "目标难度 40、措施力度 30、决心态度 30".
func (y *PanggaoYear) Weights() string {
	if len(y.Entries) == 0 {
		return ""
	}
	var parts []string
	for _, s := range y.Entries[0].Scores {
		parts = append(parts, s.Name+" "+s.Weight)
	}
	return strings.Join(parts, "、")
}
