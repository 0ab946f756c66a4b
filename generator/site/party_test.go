package site

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"yipin/generator/content"
	"yipin/generator/diag"
)

// partyFiles is a small valid site of the Party-building model: three
// units (two 经济, one 民生), a brand with a logo and a branch page, two
// cases, and 2025 攀高 entries with a tie in 经济.
var partyFiles = map[string]string{
	"units/caizheng/_index.md": "---\ntitle: 临江区财政局\nshort_name: 区财政局\nparty_org: 中共临江区财政局机关委员会\n" +
		"category: 经济\norder: 2\ncontact: {phone: 0571-1}\n---\n简介。\n",
	"units/fagai/_index.md":  "---\ntitle: 临江区发改局\nshort_name: 区发改局\nparty_org: 中共临江区发改局机关委员会\ncategory: 经济\norder: 1\n---\n",
	"units/jiaoyu/_index.md": "---\ntitle: 临江区教育局\nshort_name: 区教育局\nparty_org: 中共临江区教育局机关委员会\ncategory: 民生\n---\n",
	"units/caizheng/brand.md": "---\ntitle: 财惠临江·寸金有情\nslogan: 寸金有情\nlogo: logo.svg\nlogo_alt: 标志\n" +
		"logo_parts:\n  - {element: 铜钱, meaning: 财政干部}\naccent: \"#9F1D20\"\n" +
		"pillars:\n  - {name: 业务嵌入, text: 文字}\nmeasures:\n  - 梳理职责,形成清单\n" +
		"figures:\n  - {label: 具体举措, value: 66, unit: 条}\n" +
		"branches:\n  - {branch: 预算科党支部, feature: 精打细算, page: branches/yusuan.md}\n  - {branch: 国库科党支部, feature: 国库守护}\n---\n品牌故事。\n",
	"units/caizheng/logo.svg":           "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	"units/caizheng/branches/yusuan.md": "---\ntitle: 预算科党支部\ndate: 2025-01-02\n---\n",
	"news/a.md":                         "---\ntitle: 新闻甲\ndate: 2025-03-01\nunit: 区财政局\n---\n",
	"news/b.md":                         "---\ntitle: 新闻乙\ndate: 2025-04-01\nunit: [fagai, caizheng]\n---\n",
	"cases/x.md": "---\ntitle: 案例甲\ndate: 2025-02-01\nunit: caizheng\nthemes: [清廉机关, 模范机关]\nformula: \"145\"\n" +
		"figures:\n  - {label: 问卷, value: 916, unit: 份}\n---\n",
	"cases/y.md":             "---\ntitle: 案例乙\ndate: 2024-05-01\nregion: 宁波市鄞州区\nyear: 2021\nthemes: 清廉机关\n---\n",
	"panggao/2025/_index.md": "---\ntitle: 2025 年度攀高比拼\n---\n",
	"panggao/2025/caizheng/_index.md": "---\nscores: {target_difficulty: 92, measure_strength: 90, determination: 94}\n" +
		"multiplier: {baseline: 90, actual: 96, comprehensive: 91.5}\n---\n",
	"panggao/2025/fagai/_index.md":  "---\nscores: {target_difficulty: 95, measure_strength: 88, determination: 92}\n---\n",
	"panggao/2025/jiaoyu/_index.md": "---\nscores: {target_difficulty: 90, measure_strength: 85.5, determination: 88}\n---\n",
	"panggao/2025/caizheng/a.md": "---\ntitle: 项目甲\nweight: 1\ntarget: {indicator: 覆盖率, baseline: 45, value: 100, unit: \"%\"}\n" +
		"milestones:\n  - {quarter: 二季度, plan: 乙, status: 进行中}\n  - {quarter: Q1, plan: 甲, status: 已完成}\nstatus: 进行中\n---\n",
	"panggao/2025/caizheng/b.md": "---\ntitle: 项目乙\nweight: 2\ntarget: {indicator: 件数, value: 3}\nstatus: 已完成\n---\n",
	"panggao/2025/fagai/a.md":    "---\ntitle: 项目丙\ntarget: {indicator: 投资, value: 120}\nstatus: 未启动\n---\n",
	"panggao/2025/jiaoyu/a.md":   "---\ntitle: 项目丁\ntarget: {indicator: 学位, value: 3000}\nstatus: 已完成\n---\n",
}

// loadParty writes files (content paths → text) into a fresh content
// folder and builds the model.
func loadParty(t *testing.T, files map[string]string) (*Site, []*diag.Diagnostic) {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, "content", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := testConfig(t)
	sources, other, ds := content.Load(filepath.Join(root, "content"), "content", content.Options{Location: cst, Taxonomies: cfg.TaxonomyKeys()})
	if len(ds) > 0 {
		t.Fatalf("load: %v", messages(ds))
	}
	return New(cfg, sources, other, Options{Now: now})
}

func TestPartyModel(t *testing.T) {
	s, ds := loadParty(t, partyFiles)
	if len(ds) > 0 {
		t.Fatalf("diagnostics: %q", messages(ds))
	}
	// Units: ordered by category, then order; both ways to their pages.
	var ids []string
	for _, u := range s.Units {
		ids = append(ids, u.ID)
	}
	if !slices.Equal(ids, []string{"fagai", "caizheng", "jiaoyu"}) {
		t.Errorf("units %v", ids)
	}
	cz := s.UnitByID("caizheng")
	if cz.Page.Role != RoleUnit || cz.Page.Unit() != cz || cz.Short != "区财政局" || cz.Contact.Phone != "0571-1" ||
		cz.PartyOrg != "中共临江区财政局机关委员会" || cz.Page.Weight != 2 {
		t.Errorf("unit %+v", cz)
	}
	if cats := s.Categories(); len(cats) != 2 || cats[0].Name != "经济" || len(cats[0].Units) != 2 || cats[1].Units[0].ID != "jiaoyu" {
		t.Errorf("categories %+v", cats)
	}
	if p := mustPage(t, s, "/units/"); p.Role != RoleUnits || p.Title != "单位名录" {
		t.Errorf("units directory %q %q", p.Role, p.Title)
	}

	// The brand, its logo, accent, branches and the branch page.
	br := cz.Brand
	if br == nil || br.Page.Path != "/units/caizheng/brand/" || br.Page.Role != RoleBrand || br.Unit != cz || br.Page.Unit() != cz {
		t.Fatalf("brand %+v", br)
	}
	if br.Logo != "/units/caizheng/logo.svg" || br.Accent != "#9f1d20" || !slices.Equal(br.Parts(), []string{"财惠临江", "寸金有情"}) ||
		len(br.LogoParts) != 1 || len(br.Pillars) != 1 || br.Figures[0].Value != "66" {
		t.Errorf("brand fields %+v", br)
	}
	if !slices.Equal(br.Measures, []string{"梳理职责,形成清单"}) {
		t.Errorf("a measure with a comma was split: %q", br.Measures)
	}
	if len(br.Branches) != 2 || br.Branches[0].Page == nil || br.Branches[1].Page != nil {
		t.Fatalf("branches %+v", br.Branches)
	}
	bp := br.Branches[0].Page
	if bp.Role != RoleBranch || bp.Branch != br.Branches[0] || bp.Unit() != cz {
		t.Errorf("branch page role %q unit %v", bp.Role, bp.Unit())
	}
	if p := mustPage(t, s, "/brands/"); p.Role != RoleBrands || p.Title != "品牌矩阵" || p.Parent != s.Home {
		t.Errorf("brand matrix %q %q", p.Role, p.Title)
	}
	if got := s.Brands(); len(got) != 1 || got[0] != br {
		t.Errorf("Brands() = %v", got)
	}

	// Articles name units by id, short name or a list.
	if got := titles(cz.Articles); !slices.Equal(got, []string{"新闻乙", "新闻甲", "预算科党支部"}) {
		t.Errorf("caizheng articles %v", got)
	}
	if got := titles(cz.LatestArticles(2)); !slices.Equal(got, []string{"新闻乙", "新闻甲"}) {
		t.Errorf("latest %v", got)
	}
	if b := mustPage(t, s, "/news/b/"); len(b.Units) != 2 || b.Units[0].ID != "fagai" {
		t.Errorf("news b units %v", b.Units)
	}

	// Cases: fields, unit links, related by shared themes, filters.
	x := mustPage(t, s, "/cases/x/").Case
	y := mustPage(t, s, "/cases/y/").Case
	if x == nil || y == nil || x.Formula != "145" || x.Year != 2025 || y.Year != 2021 || y.Region != "宁波市鄞州区" {
		t.Fatalf("cases %+v %+v", x, y)
	}
	if len(cz.Cases) != 1 || cz.Cases[0] != x || x.Where() != "区财政局" || y.Where() != "宁波市鄞州区" {
		t.Errorf("case links: %v %q %q", cz.Cases, x.Where(), y.Where())
	}
	if len(x.Related) != 1 || x.Related[0] != y || len(y.Related) != 1 {
		t.Errorf("related %v %v", x.Related, y.Related)
	}
	lib := s.CaseLibrary
	if lib.Page.Role != RoleCases || len(lib.Cases) != 2 {
		t.Fatalf("library %+v", lib)
	}
	if got := paths(lib.Themes); !slices.Equal(got, []string{"/cases/theme/清廉机关/", "/cases/theme/模范机关/"}) {
		t.Errorf("theme filters %v", got)
	}
	if got := paths(lib.Units); !slices.Equal(got, []string{"/cases/unit/caizheng/"}) {
		t.Errorf("unit filters %v", got)
	}
	if got := paths(lib.Years); !slices.Equal(got, []string{"/cases/year/2025/", "/cases/year/2021/"}) {
		t.Errorf("year filters %v", got)
	}
	f := lib.Themes[0]
	if f.Kind != KindFilter || f.Role != RoleCaseFilter || f.Filter.Count != 2 || f.Parent != lib.Page || f.Title != "主题:清廉机关" {
		t.Errorf("filter page %+v", f)
	}
	if got := x.FilterKeys(); got != "theme:清廉机关 theme:模范机关 unit:caizheng year:2025" {
		t.Errorf("filter keys %q", got)
	}

	// 攀高: the year, leaderboards with a tie, the multiplier, projects.
	if len(s.Panggao) != 1 {
		t.Fatalf("panggao years %v", s.Panggao)
	}
	y25 := s.Panggao[0]
	if y25.Page.Path != "/panggao/2025/" || y25.Page.Contest != y25 || len(y25.Boards) != 2 {
		t.Fatalf("year %+v", y25)
	}
	eco := y25.Boards[0]
	var rows []string
	for _, e := range eco.Entries {
		rows = append(rows, e.Unit.ID+" "+e.Index+" "+e.RankText())
	}
	// 0.4×92 + 0.3×90 + 0.3×94 = 92 = 0.4×95 + 0.3×88 + 0.3×92: a tie,
	// shown in unit order (fagai has order 1).
	if want := []string{"fagai 92.00 并列第 1 名", "caizheng 92.00 并列第 1 名"}; !slices.Equal(rows, want) {
		t.Errorf("经济 board %q, want %q", rows, want)
	}
	jy := y25.Boards[1].Entries[0]
	if jy.Index != "88.05" || jy.RankText() != "第 1 名" || jy.Tied {
		t.Errorf("民生 board %s %s", jy.Index, jy.RankText())
	}
	e := cz.Panggao[0]
	if e.Page.Role != RolePanggaoUnit || e.Page.Title != "区财政局 2025 年攀高项目" || e.Page.Entry != e || e.Contest != y25 {
		t.Errorf("entry page %q %q", e.Page.Role, e.Page.Title)
	}
	if got := e.IndexSteps(); got != "(92 × 40 + 90 × 30 + 94 × 30) ÷ (40 + 30 + 30)" {
		t.Errorf("steps %q", got)
	}
	m := e.Multiplier
	if m == nil || m.Factor != "1.0667" || m.FactorExact || m.Final != "97.60" || !m.FinalExact || m.Comprehensive != "91.5" {
		t.Errorf("multiplier %+v", m)
	}
	if len(y25.Multiplied) != 1 || y25.Multiplied[0] != e {
		t.Errorf("multiplied %v", y25.Multiplied)
	}
	if len(e.Projects) != 2 || e.Done() != 1 {
		t.Fatalf("projects %v", e.Projects)
	}
	pa := e.Projects[0]
	if pa.Page.Role != RoleProject || pa.Page.Unit() != cz || pa.Category() != "经济" || pa.Target.Baseline != "45" ||
		pa.Milestones[0].Quarter != "一季度" || pa.Milestones[1].Q != 2 || pa.Progress() != 50 || e.Projects[1].Progress() != 100 {
		t.Errorf("project %+v", pa)
	}
	if StatusClass(pa.Status) != "doing" || StatusClass("未完成") != "missed" {
		t.Error("status classes")
	}
	svg := string(eco.Chart())
	if !strings.Contains(svg, "2025 年经济类单位攀高指数") || !strings.Contains(svg, "区发改局 92.00 分(并列第 1 名)") {
		t.Errorf("chart %s", svg)
	}
}

func TestPartyErrors(t *testing.T) {
	tests := []struct {
		name    string
		edit    map[string]string // content path → new text ("" deletes)
		want    string            // location and message
		wantAll []string          // more messages that must appear
	}{
		{"unknown unit on an article", map[string]string{"news/a.md": "---\ntitle: 甲\nunit: caizhen\n---\n"},
			"content/news/a.md:3:7: 错误:找不到单位 “caizhen”(提示:是不是想写 “caizheng”(区财政局)?)", nil},
		{"unknown unit in a list", map[string]string{"news/a.md": "---\ntitle: 甲\nunit:\n  - fagai\n  - 无此单位\n---\n"},
			"content/news/a.md:5:5: 错误:找不到单位 “无此单位”", nil},
		{"unknown category", map[string]string{"units/jiaoyu/_index.md": "---\ntitle: 教育局\nshort_name: 教育局\nparty_org: 中共\ncategory: 教育\n---\n"},
			"content/units/jiaoyu/_index.md:5:11: 错误:类别 “教育” 不在 site.yaml 的 categories 中", nil},
		{"unit without required fields", map[string]string{"units/jiaoyu/_index.md": "---\ntitle: 教育局\n---\n"},
			"content/units/jiaoyu/_index.md:2:1: 错误:单位页面缺少简称 short_name",
			[]string{"单位页面缺少党组织名称 party_org", "单位页面缺少类别 category"}},
		{"typo in a unit key", map[string]string{"units/jiaoyu/_index.md": "---\ntitle: 教育局\nshort_name: 教育局\nparty_org: 中共\ncategory: 民生\nshortname: x\n---\n"},
			"content/units/jiaoyu/_index.md:6:1: 错误:不认识的设置项 “shortname”(提示:是不是想写 “short_name”?)", nil},
		{"unit folder without _index.md", map[string]string{"units/weijian/brand.md": "---\ntitle: 品牌\n---\n"},
			"content/units/weijian/brand.md: 错误:单位文件夹 content/units/weijian 缺少单位信息文件 _index.md", nil},
		{"accent without contrast", map[string]string{"units/caizheng/brand.md": "---\ntitle: 品牌\naccent: \"#ff6666\"\n---\n"},
			"content/units/caizheng/brand.md:3:9: 错误:品牌主色 #ff6666 与白色页面的对比度只有 2.85:1,达不到无障碍要求的 4.5:1(提示:同色相中刚好达标的颜色是 \"#ee0000\"(对比度 4.53:1),可改为 accent: \"#ee0000\")",
			nil},
		{"accent that is not a colour", map[string]string{"units/caizheng/brand.md": "---\ntitle: 品牌\naccent: 红色\n---\n"},
			"content/units/caizheng/brand.md:3:9: 错误:品牌主色 “红色” 不是颜色值", nil},
		{"missing logo file", map[string]string{"units/caizheng/brand.md": "---\ntitle: 品牌\nlogo: nope.svg\nlogo_alt: x\n---\n"},
			"content/units/caizheng/brand.md:3:7: 错误:找不到文件 nope.svg", nil},
		{"logo without alt text", map[string]string{"units/caizheng/brand.md": "---\ntitle: 品牌\nlogo: logo.svg\n---\n"},
			"content/units/caizheng/brand.md:3:7: 错误:品牌标志缺少替代文字 logo_alt", nil},
		{"missing branch page", map[string]string{"units/caizheng/brand.md": "---\ntitle: 品牌\nbranches:\n  - {branch: 甲, feature: 乙, page: x.md}\n---\n"},
			"content/units/caizheng/brand.md:4:35: 错误:找不到支部页面 x.md", nil},
		{"figure that is not a number", map[string]string{"cases/x.md": "---\ntitle: 案例\nfigures:\n  - {label: 收入, value: 4.7万}\n---\n"},
			"content/cases/x.md:4:24: 错误:关键数字 “收入” 的数值 “4.7万” 不是数字", nil},
		{"typo in a case key", map[string]string{"cases/x.md": "---\ntitle: 案例\nregoin: 鄞州\n---\n"},
			"content/cases/x.md:3:1: 错误:不认识的设置项 “regoin”(提示:是不是想写 “region”?)", nil},
		{"score out of range", map[string]string{"panggao/2025/fagai/_index.md": "---\nscores: {target_difficulty: 120, measure_strength: 88, determination: 92}\n---\n"},
			"content/panggao/2025/fagai/_index.md:2:29: 错误:目标难度评分 120 超出范围,应在 0 到 100 之间", nil},
		{"missing score", map[string]string{"panggao/2025/fagai/_index.md": "---\nscores: {target_difficulty: 90, determination: 92}\n---\n"},
			"content/panggao/2025/fagai/_index.md:2:9: 错误:缺少措施力度评分 scores.measure_strength", nil},
		{"score that is not a number", map[string]string{"panggao/2025/fagai/_index.md": "---\nscores: {target_difficulty: 九十, measure_strength: 88, determination: 92}\n---\n"},
			"content/panggao/2025/fagai/_index.md:2:29: 错误:目标难度评分 “九十” 不是数字", nil},
		{"projects without scores", map[string]string{"panggao/2025/fagai/_index.md": ""},
			"content/panggao/2025/fagai/a.md: 错误:区发改局 2025 年有攀高项目,但缺少攀高指数评分", nil},
		{"half a multiplier", map[string]string{"panggao/2025/fagai/_index.md": "---\nscores: {target_difficulty: 90, measure_strength: 88, determination: 92}\nmultiplier: {baseline: 0, actual: 90}\n---\n"},
			"content/panggao/2025/fagai/_index.md:3:24: 错误:党建基准分 0 不对", []string{"缺少综合考评得分 multiplier.comprehensive"}},
		{"unknown quarter", map[string]string{"panggao/2025/fagai/a.md": "---\ntitle: 项目\ntarget: {indicator: 投资, value: 1}\nstatus: 进行中\nmilestones:\n  - {quarter: 五季度, plan: x}\n---\n"},
			"content/panggao/2025/fagai/a.md:6:15: 错误:季度 “五季度” 无法识别", nil},
		{"unknown status", map[string]string{"panggao/2025/fagai/a.md": "---\ntitle: 项目\ntarget: {indicator: 投资, value: 1}\nstatus: 完成\n---\n"},
			"content/panggao/2025/fagai/a.md:4:9: 错误:状态 “完成” 无法识别(提示:可选的状态:未启动、进行中、已完成、未完成)", nil},
		{"project without target", map[string]string{"panggao/2025/fagai/a.md": "---\ntitle: 项目\nstatus: 进行中\n---\n"},
			"content/panggao/2025/fagai/a.md:2:1: 错误:缺少目标指标 target.indicator", []string{"缺少目标值 target.value"}},
		{"project folder of an unknown unit", map[string]string{"panggao/2025/nobody/a.md": "---\ntitle: 项目\n---\n"},
			"content/panggao/2025/nobody/a.md: 错误:找不到单位 “nobody”", nil},
		{"year folder that is not a year", map[string]string{"panggao/next/fagai/a.md": "---\ntitle: 项目\n---\n"},
			"content/panggao/next/fagai/a.md: 错误:攀高栏目下的文件夹 “next” 应以四位数年份命名", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := maps.Clone(partyFiles)
			for k, v := range tt.edit {
				if v == "" {
					delete(files, k)
				} else {
					files[k] = v
				}
			}
			_, ds := loadParty(t, files)
			got := messages(ds)
			if len(got) == 0 || !strings.HasPrefix(got[0], tt.want) {
				t.Fatalf("got %q\nwant first %q", got, tt.want)
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.wantAll {
				if !strings.Contains(all, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			if ds[0].Line > 0 && len(ds[0].Excerpt) == 0 {
				t.Errorf("no source lines in %s", got[0])
			}
		})
	}
}

// TestEleventhProject: a unit may declare at most ten projects a year.
func TestEleventhProject(t *testing.T) {
	files := maps.Clone(partyFiles)
	for i := range 11 {
		files["panggao/2025/fagai/p"+string(rune('a'+i))+".md"] = "---\ntitle: 项目\nweight: " + itoa(i+1) +
			"\ntarget: {indicator: 投资, value: 1}\nstatus: 进行中\n---\n"
	}
	delete(files, "panggao/2025/fagai/a.md")
	_, ds := loadParty(t, files)
	got := messages(ds)
	if len(got) != 1 || got[0] != "content/panggao/2025/fagai/pk.md:1:1: 错误:区发改局 2025 年的攀高项目超过了 10 个"+
		"(提示:每个单位每年最多申报 10 个攀高项目(十大攀高项目):请合并或删去多余的项目)" {
		t.Errorf("got %q", got)
	}
}
