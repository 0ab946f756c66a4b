package render_test

func demoFiles() map[string]string {
	return map[string]string{
		"site.yaml": "title: 测试机关工委\ndescription: 机关党建测试网站\nbase_url: https://example.gov.cn/dangjian/\npage_size: 2\nrss_limit: 3\nsummary_length: 20\n",
		"content/_index.md": "---\ntitle: 首页标题\n---\n首页导语。\n",
		"content/news/_index.md": "---\ntitle: 工作动态\n---\n栏目导语。\n",
		"content/news/first.md": "---\ntitle: 第一篇动态\ndate: 2025-01-02\ntags: 清廉机关\n---\n第一篇的正文,比较长的中文段落需要按照字数截断,而不是整段保留。\n",
		"content/news/second.md": "---\ntitle: 第二篇动态\ndate: 2025-03-04 10:00\ntags: [清廉机关, 模范机关]\naliases: [/old/second/, /旧/第二篇/]\n---\n第二篇正文。\n",
		"content/news/third.md": "---\ntitle: 第三篇动态\ndate: 2024-12-31\nweight: 1\n---\n置顶的第三篇。\n",
		"content/news/fourth.md": "---\ntitle: 第四篇 & “引号” <新>\ndate: 2025-05-06\nlastmod: 2025-05-08\n---\n最新的一篇,见[政策解读](2024/政策解读.md)。\n",
		"content/news/2024/政策解读.md": "---\ntitle: 政策解读\ndate: 2024-06-24 09:26\ntags: 模范机关\naliases: [/old/zcjd/]\n---\n政策解读正文。\n",
		"content/cases/linan/index.md": "---\ntitle: 临安案例\ndate: 2024-01-15\n---\n案例正文。\n",
		"content/about.md": "---\ntitle: 关于我们\n---\n关于本站。\n",
	}
}
