package render_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"yipin/generator/config"
	"yipin/generator/content"
	"yipin/generator/render"
	"yipin/generator/theme"
)

// benchSiteYAML is a site.yaml like a real department's.
const benchSiteYAML = `title: 临江区机关党建
description: 临江区级机关工委主办的机关党建品牌与文化网站
keywords: [机关党建, 清廉机关, 模范机关]
base_url: https://example.gov.cn/dangjian/
page_size: 20
rss_limit: 20
taxonomies:
  tags: 标签
menus:
  main:
    - {name: 首页, url: /, weight: 1}
    - {name: 工作动态, url: /news/, weight: 2}
    - {name: 通知公告, url: /notice/, weight: 3}
    - {name: 理论学习, url: /study/, weight: 4}
    - {name: 典型案例, url: /cases/, weight: 5}
footer:
  sponsor: 中共临江区委区级机关工作委员会
  operator: 临江区机关事务服务中心
  contact: 0571-00000000
  site_code: "3301990001"
  icp: 浙ICP备00000000号
  police: 浙公网安备 33019902000000号
  links:
    - {name: 中国政府网, url: "https://www.gov.cn/"}
  copyright: 版权所有 中共临江区委区级机关工作委员会
`

var (
	benchSections = []string{"news", "notice", "study", "cases"}
	benchTags     = []string{"清廉机关", "模范机关", "一部门一品牌", "主题党日", "党纪学习教育", "作风建设",
		"基层党建", "理论学习", "志愿服务", "党建引领", "攀高比拼", "数字化改革"}
	benchUnits   = []string{"区财政局", "区发改局", "区教育局", "区卫健局", "区市场监管局", "区住建局", "区民政局", "区司法局"}
	benchLeads   = []string{"强化政治引领", "夯实基层基础", "深化作风建设", "推进清廉机关建设", "创新工作载体", "健全制度机制", "抓实理论学习", "提升服务效能"}
	benchPhrases = []string{
		"坚持以习近平新时代中国特色社会主义思想为指导", "全面贯彻党的二十大和二十届历次全会精神",
		"深入落实新时代党的建设总要求", "以高质量党建引领机关建设", "推动党建和业务深度融合",
		"持续深化模范机关创建", "切实发挥基层党组织战斗堡垒作用", "充分发挥党员先锋模范作用",
		"聚焦中心工作谋划党建", "围绕群众急难愁盼问题", "建立健全常态长效机制", "不断提升机关党建质量",
		"各支部结合实际制定具体措施", "形成了一批可复制可推广的经验做法", "取得了明显成效",
	}
)

// benchBody writes a ~7 KB Chinese article body with headings, bold
// lead-ins, lists, a table, a quote, a code block now and then, and links
// to other articles.
func benchBody(r *rand.Rand, i, n int) string {
	var b strings.Builder
	sentence := func() {
		for k := range 2 + r.IntN(3) {
			if k > 0 {
				b.WriteString("，")
			}
			b.WriteString(benchPhrases[r.IntN(len(benchPhrases))])
		}
		b.WriteString("。")
	}
	paragraph := func(k int) {
		for range k {
			sentence()
		}
		b.WriteString("\n\n")
	}
	paragraph(3)
	b.WriteString("<!--more-->\n\n")
	for h, title := range []string{"一、基本情况", "二、主要做法", "三、工作成效", "四、下步打算"} {
		b.WriteString("## " + title + "\n\n")
		paragraph(3 + r.IntN(2))
		for k := range 3 {
			fmt.Fprintf(&b, "**（%s）%s。**", []string{"一", "二", "三"}[k], benchLeads[(h*3+k)%len(benchLeads)])
			paragraph(2)
		}
		switch h {
		case 1:
			for k := range 4 {
				fmt.Fprintf(&b, "%d. **%s**：", k+1, benchLeads[r.IntN(len(benchLeads))])
				sentence()
				b.WriteString("\n")
			}
			b.WriteString("\n")
		case 2:
			b.WriteString("| 单位 | 2024年 | 2025年 |\n| --- | ---: | ---: |\n")
			for k := range 4 {
				fmt.Fprintf(&b, "| %s | %d | %d |\n", benchUnits[(i+k)%len(benchUnits)], 50+r.IntN(50), 60+r.IntN(50))
			}
			b.WriteString("\n> ")
			sentence()
			b.WriteString("\n\n")
		case 3:
			if i%10 == 0 {
				b.WriteString("```yaml\nproject: 清廉机关\nunit: caizhengju\ntarget: 全年完成8项重点任务\n```\n\n")
			}
			fmt.Fprintf(&b, "相关内容见[上一篇报道](../%s/%05d.md)。\n\n", benchSections[(i+1)%len(benchSections)], (i+1)%n)
		}
	}
	return b.String()
}

// benchModel builds a realistic site of n articles in memory and converts
// their Markdown, with the real default theme.
func benchModel(tb testing.TB, n int) model {
	tb.Helper()
	cfg, ds := config.Parse("site.yaml", []byte(benchSiteYAML))
	noErrors(tb, "config", ds)
	r := rand.New(rand.NewPCG(1, 2))
	var sources []*content.Source
	for _, sec := range []string{"news", "notice", "study", "cases"} {
		sources = append(sources, &content.Source{
			Path: sec + "/_index.md", File: "content/" + sec + "/_index.md", Kind: content.Section, Dir: sec, Name: "_index",
			Body: []byte("本栏目发布相关信息。\n"), BodyLine: 4,
			Front: &content.FrontMatter{Title: map[string]string{"news": "工作动态", "notice": "通知公告", "study": "理论学习", "cases": "典型案例"}[sec],
				Terms: map[string][]string{}, Params: map[string]any{}, Pos: map[string]content.Pos{}},
		})
	}
	start := testNow.AddDate(-3, 0, 0).In(cfg.Location())
	for i := range n {
		sec := benchSections[i%len(benchSections)]
		date := start.Add(time.Duration(r.Int64N(int64(3 * 365 * 24 * time.Hour))))
		name := fmt.Sprintf("%05d", i)
		var tags []string
		for _, k := range r.Perm(len(benchTags))[:1+r.IntN(3)] {
			tags = append(tags, benchTags[k])
		}
		unit := benchUnits[r.IntN(len(benchUnits))]
		sources = append(sources, &content.Source{
			Path: sec + "/" + name + ".md", File: "content/" + sec + "/" + name + ".md", Kind: content.Page,
			Dir: sec, Name: name, Body: []byte(benchBody(r, i, n)), BodyLine: 9,
			Front: &content.FrontMatter{
				Title: fmt.Sprintf("%s%s工作取得新成效(第%d期)", unit, benchLeads[r.IntN(len(benchLeads))], i),
				Date:  date, Lastmod: date, Author: "宣传干事", Source: unit, Editor: "责任编辑",
				Terms: map[string][]string{"tags": tags}, Params: map[string]any{}, Pos: map[string]content.Pos{},
			},
		})
	}
	return newModel(tb, cfg, sources, nil, []theme.Dir{{Path: defaultTheme(tb), Display: "themes/default"}})
}

// BenchmarkRender times Renderer.Run over a 2,000-article site with the
// default theme; building the model and converting Markdown is setup.
func BenchmarkRender(b *testing.B) {
	const articles = 2000
	m := benchModel(b, articles)
	var bodies int
	for _, p := range m.site.RegularPages {
		bodies += len(p.Origin().Body)
	}
	if avg := bodies / articles; avg < 6500 || avg > 7500 {
		b.Fatalf("average body %d bytes, want about 7 KB", avg)
	}
	// One run to count the HTML pages and to check that nothing fails.
	out, ds := m.render(0)
	noErrors(b, "render", ds)
	pages := 0
	for _, name := range out.names() {
		if strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	// The first run released every article's HTML, so each timed run
	// converts the Markdown again as a build does: this is the cost of the
	// whole render stage, conversion included, without minifying or writing.
	r := &render.Renderer{Site: m.site, Theme: m.theme, Out: discard{}}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if ds := r.Run(); len(ds) > 0 {
			b.Fatal(ds[0].Long())
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(pages), "pages/op")
}
