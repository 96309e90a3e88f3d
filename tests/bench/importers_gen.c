/* importers_gen.c - generates N dossiers for bench-importers.sh as
 * submission XML or as CSV (the raw-store anchor takes the records the
 * import stored, dumped from its catalog).
 * usage: importers_gen xml|csv N FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const sectors[5] = {
	"steel", "nonferrous", "petrochemical", "chemical",
	"building-materials"
};
static const char *const codes[5] = { "ST", "NF", "PC", "CH", "BM" };
static const char *const cats[4] = {
	"process", "energy-efficiency", "waste-heat", "ccus"
};
static const char *const words[8] = {
	"氢基", "竖炉", "余热", "电解", "熔炼", "捕集", "循环", "替代"
};

struct rec {
	char id[32], name[128], en[64];
	int s, c, trl;
	long pot;
};

static void make(long i, struct rec *r)
{
	r->s = (int)(i % 5);
	r->c = (int)(i % 4);
	r->trl = (int)(i % 9) + 1;
	r->pot = 1000 + (i * 37) % 500000;
	snprintf(r->id, sizeof r->id, "2025-%s-%06ld", codes[r->s],
		 i / 5 + 1);
	snprintf(r->name, sizeof r->name, "%s%s%s技术%ld号",
		 words[i % 8], words[(i / 8) % 8], words[(i / 64) % 8], i);
	snprintf(r->en, sizeof r->en, "Technology %ld", i);
}

#define ORG "中国钢铁工业协会"
#define CODE "51100000500001836H"

static void xml(FILE *o, long n)
{
	long i;
	struct rec r;
	fprintf(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<submissions xmlns=\"urn:lowcarb:submission:1\" "
		"edition=\"2025\">\n  <submitter>\n"
		"    <organisation>" ORG "</organisation>\n"
		"    <credit_code>" CODE "</credit_code>\n"
		"    <email>a@cisa.example.cn</email>\n"
		"    <phone>010-6521 8720</phone>\n  </submitter>\n");
	for (i = 0; i < n; i++) {
		make(i, &r);
		fprintf(o, "  <technology id=\"%s\">\n"
			"    <name_zh>%s</name_zh>\n"
			"    <name_en>%s</name_en>\n"
			"    <sector>%s</sector>\n"
			"    <category>%s</category>\n"
			"    <trl>%d</trl>\n"
			"    <summary>以新工艺降低单位产品能耗与排放。</summary>\n"
			"    <potential unit=\"万tCO2/a\">%ld.%02ld</potential>\n"
			"    <investment>1.5亿元</investment>\n"
			"    <payback>6年</payback>\n"
			"    <penetration_now>10%%</penetration_now>\n"
			"    <penetration_target>40%%</penetration_target>\n"
			"    <demonstrations>\n      <project>\n"
			"        <site>河北唐山</site>\n"
			"        <year>2023</year>\n"
			"        <abatement unit=\"kt\">12</abatement>\n"
			"      </project>\n    </demonstrations>\n"
			"  </technology>\n", r.id, r.name, r.en,
			sectors[r.s], cats[r.c], r.trl, r.pot / 100,
			r.pot % 100);
	}
	fprintf(o, "</submissions>\n");
}

static void csv(FILE *o, long n)
{
	long i;
	struct rec r;
	fprintf(o, "id,edition,name_zh,name_en,sector,category,trl,submitter,"
		"credit_code,email,phone,summary,potential,investment,"
		"payback,penetration_now,penetration_target,demonstrations\r\n");
	for (i = 0; i < n; i++) {
		make(i, &r);
		fprintf(o, "%s,2025,%s,%s,%s,%s,%d," ORG "," CODE
			",a@cisa.example.cn,010-6521 8720,"
			"\"以新工艺降低单位产品能耗与排放，效果显著。\","
			"%ld.%02ld万tCO2/a,1.5亿元,6年,10%%,40%%,1\r\n",
			r.id, r.name, r.en, sectors[r.s], cats[r.c], r.trl,
			r.pot / 100, r.pot % 100);
	}
}

int main(int argc, char **argv)
{
	FILE *o;
	char *end;
	long n;
	if (argc != 4) {
		fprintf(stderr, "usage: importers_gen xml|csv N FILE\n");
		return 2;
	}
	n = strtol(argv[2], &end, 10);
	if (*end || n < 0) {
		fprintf(stderr, "importers_gen: bad N '%s'\n", argv[2]);
		return 2;
	}
	o = fopen(argv[3], "w");
	if (!o) {
		perror(argv[3]);
		return 1;
	}
	if (strcmp(argv[1], "xml") == 0)
		xml(o, n);
	else if (strcmp(argv[1], "csv") == 0)
		csv(o, n);
	else {
		fclose(o);
		fprintf(stderr, "importers_gen: unknown format '%s'\n",
			argv[1]);
		return 2;
	}
	if (fclose(o) != 0) {
		perror(argv[3]);
		return 1;
	}
	return 0;
}
