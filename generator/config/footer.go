package config

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"yipin/generator/config/yamlsrc"
)

// validateFooter checks the footer and fills in the default links of the
// ICP and police record numbers.
func (d *decoder) validateFooter(f *Footer) {
	if f.SiteCode != "" {
		if why := siteCodeProblem(f.SiteCode); why != "" {
			d.Fail("footer.site_code", "网站标识码是 10 位英文字母或数字(半角),可在全国政府网站信息报送系统里查到,例如 site_code: 3301000001",
				"网站标识码 “%s” %s", yamlsrc.Clip(f.SiteCode, 20), why)
			f.SiteCode = ""
		}
	}
	if f.Email != "" && !validEmail(f.Email) {
		d.Fail("footer.email", "只写邮箱地址本身,例如 email: dangjian@example.gov.cn",
			"电子邮箱 “%s” 不是有效的邮箱地址", yamlsrc.Clip(f.Email, 40))
		f.Email = ""
	}
	d.footerURL("footer.icp_link", &f.ICPLink, "ICP 备案查询链接", DefaultICPLink)
	if f.ICP != "" && f.ICPLink == "" {
		f.ICPLink = DefaultICPLink
	}
	d.footerURL("footer.police_link", &f.PoliceLink, "公安备案查询链接", policeLinkPrefix+"33010202000000")
	if f.Police != "" && f.PoliceLink == "" {
		digits := digitsOf(f.Police)
		if digits == "" {
			d.Fail("footer.police", "照备案证书完整填写,例如 police: 浙公网安备 33010202000000号",
				"公安机关备案号 “%s” 里没有备案编号(数字)", yamlsrc.Clip(f.Police, 30))
		} else {
			f.PoliceLink = policeLinkPrefix + digits
		}
	}
	d.footerURL("footer.badge_script", &f.BadgeScript, "党政机关标识脚本", "")
	if f.BadgeImage != "" {
		if msg, _ := checkLink(f.BadgeImage, false); msg != "" {
			d.Fail("footer.badge_image", "站内图片以 / 开头,例如 /images/dzjg.png;站外图片写完整网址,例如 https://…",
				"党政机关标识图片%s", msg)
			f.BadgeImage = ""
		}
		d.siteLink("footer.badge_image", f.BadgeImage, "党政机关标识图片")
	}
	d.footerURL("footer.badge_link", &f.BadgeLink, "党政机关标识链接", "")
	d.checkBadge(f)
	links := f.Links[:0]
	for i, l := range f.Links {
		p := "footer.links[" + strconv.Itoa(i) + "]"
		l.Name, l.URL = strings.TrimSpace(l.Name), strings.TrimSpace(l.URL)
		switch {
		case l.Name == "":
			d.Fail(p, "每个链接都要写 name 和 url,例如:\n- name: 中国政府网\n  url: https://www.gov.cn/", "页脚链接缺少名称 name")
			continue
		case l.URL == "":
			d.Fail(p, "每个链接都要写 url,例如 url: https://www.gov.cn/", "页脚链接 “%s” 缺少网址 url", yamlsrc.Clip(l.Name, 20))
			continue
		}
		if msg, hint := checkLink(l.URL, true); msg != "" {
			d.Fail(p+".url", hint, "页脚链接 “%s” 的网址%s", yamlsrc.Clip(l.Name, 20), msg)
			continue
		}
		d.siteLink(p+".url", l.URL, "页脚链接 “"+yamlsrc.Clip(l.Name, 20)+"”")
		links = append(links, l)
	}
	f.Links = links
}

// checkBadge reports combinations of the 党政机关 badge keys of which one
// would be ignored: the badge is either the issued script (badge_script)
// or an image (badge_image) with its link (badge_link).
func (d *decoder) checkBadge(f *Footer) {
	switch {
	case f.BadgeScript != "" && f.BadgeImage != "":
		d.Fail("footer.badge_image", "有发放单位给的脚本地址时只保留 badge_script,删掉 badge_image 和 badge_link;"+
			"没有脚本时删掉 badge_script,保留 badge_image(和 badge_link)",
			"同时写了党政机关标识脚本 badge_script 和标识图片 badge_image,只能用其中一种")
		f.BadgeImage, f.BadgeLink = "", ""
	case f.BadgeScript != "" && f.BadgeLink != "":
		d.Fail("footer.badge_link", "删掉 badge_link:标识脚本会自己显示带链接的标识",
			"用标识脚本 badge_script 时不用写标识链接 badge_link")
		f.BadgeLink = ""
	case f.BadgeLink != "" && f.BadgeImage == "":
		d.Fail("footer.badge_link", "加上标识图片,例如 badge_image: /images/dzjg.png;用发放单位给的脚本时写 badge_script,删掉 badge_link",
			"写了党政机关标识链接 badge_link,却没有标识图片 badge_image")
		f.BadgeLink = ""
	}
}

// footerURL checks an optional absolute http(s) URL, clearing it when bad.
// example, when not "", is a URL to show in the hint.
func (d *decoder) footerURL(path string, v *string, what, example string) {
	if *v == "" {
		return
	}
	hint := "照发放单位给的地址原样填写,以 http:// 或 https:// 开头"
	if example != "" {
		hint = "写以 http:// 或 https:// 开头的完整网址,例如 " + example
	}
	lower := strings.ToLower(*v)
	var msg string
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		msg = " “" + clip(*v) + "” 应为以 http:// 或 https:// 开头的完整网址"
		if looksLikeHost(*v) {
			hint = "在前面加上 https://,写成 https://" + *v
		}
	} else {
		msg, _ = checkLink(*v, false)
	}
	if msg != "" {
		d.Fail(path, hint, "%s%s", what, msg)
		*v = ""
	}
}

// looksLikeHost reports whether s reads as an address written without
// http:// ("beian.miit.gov.cn/").
func looksLikeHost(s string) bool {
	host, _, _ := strings.Cut(s, "/")
	return strings.Contains(host, ".") && !strings.ContainsAny(s, ": \t") && !strings.HasPrefix(s, ".")
}

// validEmail accepts an address like name@example.gov.cn: one "@" with
// text before it and a domain after it, and nothing that would break a
// mailto: link.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(strings.Trim(domain, "."), ".") &&
		!strings.ContainsAny(s, " \t:/\\<>\"'?#,;，；") && !strings.Contains(domain, "@") && !hasControl(s)
}

// siteCodeProblem says what is wrong with a 网站标识码, which is exactly 10
// ASCII letters or digits, or returns "".
func siteCodeProblem(s string) string {
	if n := utf8.RuneCountInString(s); n != 10 {
		return fmt.Sprintf("应为 10 位英文字母或数字,现在是 %d 位", n)
	}
	for i, r := range []rune(s) {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return fmt.Sprintf("的第 %d 位 “%c” 不是英文字母或数字(要用半角)", i+1, r)
		}
	}
	return ""
}

func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
