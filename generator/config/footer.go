package config

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"yipin/generator/config/yamlsrc"
)

// validateFooter checks the footer and fills in the default links of the
// ICP and police record numbers.
func (d *decoder) validateFooter(f *Footer) {
	if f.SiteCode != "" && !validSiteCode(f.SiteCode) {
		d.Fail("footer.site_code", "网站标识码是 10 位字母或数字,可在全国政府网站信息报送系统里查到,例如 site_code: 3301000001",
			"网站标识码 “%s” 应为 10 位字母或数字,现在是 %d 个字符", yamlsrc.Clip(f.SiteCode, 20), utf8.RuneCountInString(f.SiteCode))
		f.SiteCode = ""
	}
	d.footerURL("footer.icp_link", &f.ICPLink, "ICP 备案查询链接")
	if f.ICP != "" && f.ICPLink == "" {
		f.ICPLink = DefaultICPLink
	}
	d.footerURL("footer.police_link", &f.PoliceLink, "公安备案查询链接")
	if f.Police != "" && f.PoliceLink == "" {
		digits := digitsOf(f.Police)
		if digits == "" {
			d.Fail("footer.police", "照备案证书完整填写,例如 police: 浙公网安备 33010202000000号",
				"公安机关备案号 “%s” 里没有备案编号(数字)", yamlsrc.Clip(f.Police, 30))
		} else {
			f.PoliceLink = policeLinkPrefix + digits
		}
	}
	d.footerURL("footer.badge_script", &f.BadgeScript, "党政机关标识脚本")
	if f.BadgeImage != "" {
		if msg, hint := checkLink(f.BadgeImage, false); msg != "" {
			d.Fail("footer.badge_image", hint, "党政机关标识图片%s", msg)
			f.BadgeImage = ""
		}
	}
	d.footerURL("footer.badge_link", &f.BadgeLink, "党政机关标识链接")
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
		links = append(links, l)
	}
	f.Links = links
}

// footerURL checks an optional absolute http(s) URL, clearing it when bad.
func (d *decoder) footerURL(path string, v *string, what string) {
	if *v == "" {
		return
	}
	lower := strings.ToLower(*v)
	msg, hint := checkLink(*v, false)
	if msg == "" && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		msg, hint = " “"+clip(*v)+"” 应为以 http:// 或 https:// 开头的完整网址", "照发放单位给的地址原样填写,例如 https://…"
	}
	if msg != "" {
		d.Fail(path, hint, "%s%s", what, msg)
		*v = ""
	}
}

func validSiteCode(s string) bool {
	if len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
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
