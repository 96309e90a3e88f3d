/* lists.c - the closed lists of the data model (sectors, categories,
 * statuses) and the table of dossier fields, in published CSV order. */
#include <stdio.h>
#include <string.h>
#include "catalog/catalog.h"

static const struct {
	const char *name, *code, *zh, *en;
} sectors[LC_SECTOR__COUNT] = {
	{ "steel", "ST", "钢铁", "Steel" },
	{ "nonferrous", "NF", "有色金属", "Non-ferrous metals" },
	{ "petrochemical", "PC", "石化", "Petrochemicals" },
	{ "chemical", "CH", "化工", "Chemicals" },
	{ "building-materials", "BM", "建材", "Building materials" },
};

static const struct {
	const char *name, *zh, *en;
} categories[LC_CAT__COUNT] = {
	{ "process", "工艺流程再造", "Process innovation" },
	{ "energy-efficiency", "节能提效", "Energy efficiency" },
	{ "fuel-switch", "燃料替代", "Fuel switching" },
	{ "feedstock-substitution", "原料替代", "Feedstock substitution" },
	{ "hydrogen-metallurgy", "氢冶金", "Hydrogen metallurgy" },
	{ "electrification", "电气化", "Electrification" },
	{ "waste-heat", "余热余能利用", "Waste-heat recovery" },
	{ "ccus", "碳捕集利用与封存", "CCUS" },
	{ "circular", "循环利用", "Circular economy" },
	{ "digital", "数字化智能化", "Digital and smart" },
};

static const char *const statuses[LC_ST__COUNT] = {
	"submitted", "eligible", "rejected", "selected", "noticed",
	"withdrawn", "published"
};

static const struct {
	const char *name;
	enum lc_field_type type;
	int required;
	const char *unit, *zh, *en;
} fields[LC_F__COUNT] = {
	{ "id", LC_FT_TEXT, 1, "", "编号", "ID" },
	{ "edition", LC_FT_INT, 1, "", "年度", "Edition" },
	{ "name_zh", LC_FT_TEXT, 1, "", "技术名称", "Name (Chinese)" },
	{ "name_en", LC_FT_TEXT, 0, "", "英文名称", "Name (English)" },
	{ "sector", LC_FT_ENUM, 1, "", "行业", "Sector" },
	{ "category", LC_FT_ENUM, 1, "", "类别", "Category" },
	{ "trl", LC_FT_INT, 1, "", "技术成熟度", "TRL" },
	{ "submitter", LC_FT_TEXT, 1, "", "申报单位", "Submitter" },
	{ "credit_code", LC_FT_TEXT, 1, "", "统一社会信用代码",
	  "Unified social credit code" },
	{ "contact", LC_FT_TEXT, 0, "", "联系人", "Contact" },
	{ "email", LC_FT_TEXT, 0, "", "电子邮箱", "E-mail" },
	{ "phone", LC_FT_TEXT, 0, "", "联系电话", "Phone" },
	{ "owners", LC_FT_TEXT, 0, "", "技术所有方", "Owners" },
	{ "summary", LC_FT_TEXT, 1, "", "技术简介", "Summary" },
	{ "scope", LC_FT_TEXT, 0, "", "适用范围", "Applicable scope" },
	{ "co2_per_unit", LC_FT_NUM, 0, "tCO2/t", "单位产品减排量",
	  "CO2 reduction per unit of product" },
	{ "abatement", LC_FT_NUM, 0, "tCO2/a", "示范装置减排量",
	  "Abatement at the reference installation" },
	{ "potential", LC_FT_NUM, 0, "tCO2/a", "全国减排潜力",
	  "National abatement potential" },
	{ "energy_saving", LC_FT_NUM, 0, "tce/a", "节能量", "Energy saving" },
	{ "investment", LC_FT_NUM, 0, "CNY", "投资额", "Investment" },
	{ "opex_change", LC_FT_NUM, 0, "CNY/a", "运行成本变化",
	  "Change in operating cost" },
	{ "lifetime", LC_FT_NUM, 0, "a", "使用寿命", "Lifetime" },
	{ "payback", LC_FT_NUM, 0, "a", "投资回收期", "Payback" },
	{ "abatement_cost", LC_FT_NUM, 0, "CNY/tCO2", "减排成本",
	  "Abatement cost" },
	{ "penetration_now", LC_FT_NUM, 0, "%", "当前普及率",
	  "Current penetration" },
	{ "penetration_target", LC_FT_NUM, 0, "%", "目标普及率",
	  "Target penetration" },
	{ "demonstrations", LC_FT_INT, 0, "", "示范项目数",
	  "Demonstration projects" },
	{ "patents", LC_FT_INT, 0, "", "专利数", "Patents" },
	{ "key_indicators", LC_FT_TEXT, 0, "", "关键技术指标",
	  "Key technical indicators" },
	{ "penetration_target_year", LC_FT_INT, 0, "", "目标普及率年份",
	  "Target penetration year" },
	{ "trl_source", LC_FT_TEXT, 0, "", "技术成熟度（原文）",
	  "TRL as given" },
	{ "trl_scale", LC_FT_TEXT, 0, "", "成熟度等级标准", "TRL scale" },
	{ "lineage", LC_FT_TEXT, 0, "", "上一年度编号",
	  "Same technology in an earlier edition" },
	{ "product", LC_FT_TEXT, 0, "", "减排产品", "Product" },
	{ "baseline", LC_FT_TEXT, 0, "", "替代的基准工艺",
	  "Baseline route displaced" },
	{ "gas", LC_FT_ENUM, 0, "", "温室气体", "Greenhouse gas" },
	{ "origin", LC_FT_TEXT, 0, "", "来源目录的映射", "Read through mapping" },
	{ "projects", LC_FT_TEXT, 0, "", "示范项目", "Demonstration projects" },
	{ "summary_en", LC_FT_TEXT, 0, "", "技术简介（英文）",
	  "Summary (English)" },
	{ "scope_en", LC_FT_TEXT, 0, "", "适用范围（英文）",
	  "Applicable scope (English)" },
	{ "key_indicators_en", LC_FT_TEXT, 0, "", "关键技术指标（英文）",
	  "Key technical indicators (English)" },
};

/* The columns of a workbook's demonstration-projects sheet (示范项目),
 * written by the template and read by the .xlsx reader. */
static const struct {
	const char *name, *unit, *zh, *en;
} demo_cols[LC_DC__COUNT] = {
	{ "id", "", "技术编号", "Technology id" },
	{ "site", "", "地点", "Site" },
	{ "enterprise", "", "企业", "Enterprise" },
	{ "year", "", "投运年份", "Year in operation" },
	{ "capacity", "", "规模", "Capacity" },
	{ "abatement", "tCO2/a", "减排量", "Abatement" },
	{ "site_en", "", "地点（英文）", "Site (English)" },
	{ "enterprise_en", "", "企业（英文）", "Enterprise (English)" },
	{ "capacity_en", "", "规模（英文）", "Capacity (English)" },
};

const char *lc_demo_col_name(int k)
{
	return k >= 0 && k < LC_DC__COUNT ? demo_cols[k].name : NULL;
}

const char *lc_demo_col_unit(int k)
{
	return k >= 0 && k < LC_DC__COUNT ? demo_cols[k].unit : "";
}

static const char *const gases[LC_GAS__COUNT] = {
	"CO2", "CH4", "N2O", "CF4", "C2F6", "SF6", "HFC-23"
};

int lc_gas_from_name(const char *name)
{
	for (int i = 0; name && i < LC_GAS__COUNT; i++)
		if (strcmp(name, gases[i]) == 0)
			return i;
	return -1;
}

const char *lc_gas_name(int g)
{
	return g >= 0 && g < LC_GAS__COUNT ? gases[g] : NULL;
}

static int is_en(const char *lang)
{
	return lang && strncmp(lang, "en", 2) == 0;
}

int lc_sector_from_name(const char *name)
{
	for (int i = 0; name && i < LC_SECTOR__COUNT; i++)
		if (strcmp(name, sectors[i].name) == 0)
			return i;
	return -1;
}

int lc_sector_from_code(const char *code2)
{
	for (int i = 0; code2 && i < LC_SECTOR__COUNT; i++)
		if (strncmp(code2, sectors[i].code, 2) == 0)
			return i;
	return -1;
}

const char *lc_sector_name(int s)
{
	return s >= 0 && s < LC_SECTOR__COUNT ? sectors[s].name : NULL;
}

const char *lc_sector_code(int s)
{
	return s >= 0 && s < LC_SECTOR__COUNT ? sectors[s].code : NULL;
}

const char *lc_sector_label(int s, const char *lang)
{
	if (s < 0 || s >= LC_SECTOR__COUNT)
		return NULL;
	return is_en(lang) ? sectors[s].en : sectors[s].zh;
}

int lc_category_from_name(const char *name)
{
	for (int i = 0; name && i < LC_CAT__COUNT; i++)
		if (strcmp(name, categories[i].name) == 0)
			return i;
	return -1;
}

const char *lc_category_name(int c)
{
	return c >= 0 && c < LC_CAT__COUNT ? categories[c].name : NULL;
}

const char *lc_category_label(int c, const char *lang)
{
	if (c < 0 || c >= LC_CAT__COUNT)
		return NULL;
	return is_en(lang) ? categories[c].en : categories[c].zh;
}

int lc_status_from_name(const char *name)
{
	for (int i = 0; name && i < LC_ST__COUNT; i++)
		if (strcmp(name, statuses[i]) == 0)
			return i;
	return -1;
}

const char *lc_status_name(int st)
{
	return st >= 0 && st < LC_ST__COUNT ? statuses[st] : NULL;
}

const char *lc_field_name(int f)
{
	return f >= 0 && f < LC_F__COUNT ? fields[f].name : NULL;
}

int lc_field_lookup(const char *name)
{
	for (int i = 0; name && i < LC_F__COUNT; i++)
		if (strcmp(name, fields[i].name) == 0)
			return i;
	return -1;
}

enum lc_field_type lc_field_type(int f)
{
	return f >= 0 && f < LC_F__COUNT ? fields[f].type : LC_FT_TEXT;
}

int lc_field_required(int f)
{
	return f >= 0 && f < LC_F__COUNT && fields[f].required;
}

const char *lc_field_unit(int f)
{
	return f >= 0 && f < LC_F__COUNT ? fields[f].unit : "";
}

const char *lc_field_label(int f, const char *lang)
{
	if (f < 0 || f >= LC_F__COUNT)
		return NULL;
	return is_en(lang) ? fields[f].en : fields[f].zh;
}

const char *lc_demo_col_label(int k, const char *lang)
{
	if (k < 0 || k >= LC_DC__COUNT)
		return NULL;
	return is_en(lang) ? demo_cols[k].en : demo_cols[k].zh;
}

long lc_sector_mask(const char *list, char *bad, size_t n)
{
	long mask = 0;
	const char *p = list ? list : "";

	while (*p) {
		const char *e = strchr(p, ';');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char name[64];
		int s;

		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len) {
			if (len >= sizeof name)
				len = sizeof name - 1;
			memcpy(name, p, len);
			name[len] = '\0';
			s = lc_sector_from_name(name);
			if (s < 0) {
				snprintf(bad, n, "%s", name);
				return -1;
			}
			mask |= 1L << s;
		}
		if (!e)
			break;
		p = e + 1;
	}
	return mask;
}
