/* gen.c - data for `make bench` and the linearity test (tests/scaling):
 * the files a user gives the `lowcarb` binary, generated, never timed.
 *   gen dossiers csv|xml|tsv N FILE   N submissions of edition 2025 from
 *                                     the four associations (tsv: the same
 *                                     dossiers as Tokyo Cabinet table
 *                                     records for `tctmgr importtsv`)
 *   gen experts E FILE                E experts over the five sectors
 *   gen scores ASSIGN FILE            one score per criterion of the top20
 *                                     profile for every `expert,id` line
 *                                     of ASSIGN (`assign list --format csv`)
 *   gen matrix M C FILE               an M x C decision matrix
 * Every output is a deterministic function of the arguments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const sectors[5] = {
	"steel", "nonferrous", "petrochemical", "chemical",
	"building-materials"
};
static const char *const codes[5] = { "ST", "NF", "PC", "CH", "BM" };

/* The submitting association of each sector, with its unified social
 * credit code (valid check characters, as in data/samples/2025). */
static const char *const orgs[5] = {
	"中国钢铁工业协会", "中国有色金属工业协会",
	"中国石油和化学工业联合会", "中国石油和化学工业联合会",
	"中国建筑材料联合会"
};
static const char *const orgcodes[5] = {
	"51100000500001836H", "511000005000024779", "51100000500003191Y",
	"51100000500003191Y", "511000005000045089"
};
static const char *const cats[6] = {
	"process", "energy-efficiency", "waste-heat", "ccus",
	"fuel-switch", "circular"
};
static const char *const crit[5] = {
	"carbon", "maturity", "economic", "replicability", "innovation"
};

/* A Chinese name for i, its base-64 digits as characters (least
 * significant first): neighbours share at most half of their character
 * trigrams, so that the import's near-duplicate check (similarity 0.6)
 * finds nothing, as in a real edition. */
static void name(long i, char *buf)
{
	char *p = buf;

	p += sprintf(p, "低碳");
	for (int k = 0; k < 4; k++, i /= 64) {
		unsigned cp = 0x4E00 + (unsigned)(i % 64) * 97 + (unsigned)k;

		*p++ = (char)(0xE0 | cp >> 12);
		*p++ = (char)(0x80 | (cp >> 6 & 0x3F));
		*p++ = (char)(0x80 | (cp & 0x3F));
	}
	strcpy(p, "工艺");
}

/* Dossier i, every field as a submitter writes it. */
struct dossier {
	char id[32], name[64], owners[64], trl[4];
	char potential[32], abatement[32], cost[16], payback[16];
	int s, c;
};

static void make(long i, struct dossier *d)
{
	unsigned long h = (unsigned long)i * 2654435761UL % 4294967291UL;

	d->s = (int)(i % 5);
	d->c = (int)(h % 6);
	/* TRL 4-9: most pass the top20 eligibility rule (TRL >= 6) */
	snprintf(d->trl, sizeof d->trl, "%d", 4 + (int)(h % 6));
	snprintf(d->id, sizeof d->id, "2025-%s-%06ld", codes[d->s],
		 i / 5 + 1);
	name(i, d->name);
	/* owners named like the experts' affiliations (gen experts):
	 * about one dossier in 100 is conflicted with some expert */
	if (h % 100 == 0)
		snprintf(d->owners, sizeof d->owners, "研究院%lu有限公司",
			 h / 100 % 500 * 4);
	else
		snprintf(d->owners, sizeof d->owners, "示范企业%lu有限公司",
			 h % 9973);
	snprintf(d->potential, sizeof d->potential, "%lu.%02lu万tCO2/a",
		 10 + h % 5000, h % 100);
	snprintf(d->abatement, sizeof d->abatement, "%lu kt",
		 1 + h / 7 % 300);
	snprintf(d->cost, sizeof d->cost, "%ld", (long)(h / 11 % 900) - 300);
	snprintf(d->payback, sizeof d->payback, "%lu年", 1 + h / 13 % 12);
}

#define SUMMARY "以新工艺降低单位产品能耗与排放，已在示范线稳定运行。"

static void csv(FILE *o, long n)
{
	struct dossier d;

	fputs("id,edition,name_zh,sector,category,trl,submitter,"
	      "credit_code,contact,email,phone,owners,summary,scope,"
	      "abatement,potential,investment,lifetime,payback,"
	      "abatement_cost,penetration_now,penetration_target,"
	      "demonstrations,patents\r\n", o);
	for (long i = 0; i < n; i++) {
		make(i, &d);
		fprintf(o, "%s,2025,%s,%s,%s,%s,%s,%s,张工,"
			"tech@assoc.example.cn,010-6521 8720,%s,\"" SUMMARY
			"\",全行业,%s,%s,1.5亿元,20年,%s,%s,10%%,40%%,1,%ld"
			"\r\n", d.id, d.name, sectors[d.s], cats[d.c],
			d.trl, orgs[d.s], orgcodes[d.s], d.owners,
			d.abatement, d.potential, d.payback, d.cost, i % 40);
	}
}

/* XML: one file, the steel association as submitter (a file has one). */
static void xml(FILE *o, long n)
{
	struct dossier d;

	fprintf(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<submissions xmlns=\"urn:lowcarb:submission:1\" "
		"edition=\"2025\">\n  <submitter>\n"
		"    <organisation>%s</organisation>\n"
		"    <credit_code>%s</credit_code>\n"
		"    <contact>张工</contact>\n"
		"    <email>tech@assoc.example.cn</email>\n"
		"    <phone>010-6521 8720</phone>\n  </submitter>\n",
		orgs[0], orgcodes[0]);
	for (long i = 0; i < n; i++) {
		make(i, &d);
		fprintf(o, "  <technology id=\"%s\">\n"
			"    <name_zh>%s</name_zh>\n"
			"    <sector>%s</sector>\n"
			"    <category>%s</category>\n"
			"    <trl>%s</trl>\n"
			"    <owners><owner>%s</owner></owners>\n"
			"    <summary>" SUMMARY "</summary>\n"
			"    <scope>全行业</scope>\n"
			"    <abatement>%s</abatement>\n"
			"    <potential>%s</potential>\n"
			"    <investment>1.5亿元</investment>\n"
			"    <lifetime>20年</lifetime>\n"
			"    <payback>%s</payback>\n"
			"    <abatement_cost>%s</abatement_cost>\n"
			"    <penetration_now>10%%</penetration_now>\n"
			"    <penetration_target>40%%</penetration_target>\n"
			"    <patents>%ld</patents>\n"
			"    <demonstrations>\n      <project>\n"
			"        <site>河北唐山</site>\n"
			"        <year>2023</year>\n"
			"        <abatement unit=\"kt\">12</abatement>\n"
			"      </project>\n    </demonstrations>\n"
			"  </technology>\n", d.id, d.name,
			sectors[d.s], cats[d.c], d.trl, d.owners, d.abatement,
			d.potential, d.payback, d.cost, i % 40);
	}
	fputs("</submissions>\n", o);
}

/* The same dossiers as table records (key, then column name and value
 * pairs): the raw-store anchor's input when the catalog cannot be dumped
 * with `tctmgr list -pv`. */
static void tsv(FILE *o, long n)
{
	struct dossier d;

	for (long i = 0; i < n; i++) {
		make(i, &d);
		fprintf(o, "tech:%s\tkind\ttech\tid\t%s\tedition\t2025\t"
			"name_zh\t%s\tsector\t%s\tcategory\t%s\t"
			"trl\t%s\tsubmitter\t%s\tcredit_code\t%s\tcontact\t张工"
			"\temail\ttech@assoc.example.cn\tphone\t010-6521 8720\t"
			"owners\t%s\tsummary\t" SUMMARY "\tscope\t全行业\t"
			"abatement\t%s\tpotential\t%s\tinvestment\t1.5亿元\t"
			"lifetime\t20年\tpayback\t%s\tabatement_cost\t%s\t"
			"penetration_now\t10%%\tpenetration_target\t40%%\t"
			"demonstrations\t1\tpatents\t%ld\tstatus\tsubmitted\n",
			d.id, d.id, d.name, sectors[d.s], cats[d.c],
			d.trl, orgs[d.s], orgcodes[d.s], d.owners,
			d.abatement, d.potential, d.payback, d.cost, i % 40);
	}
}

/* Experts X00000...: one sector each, every seventh a second one; the
 * affiliation 研究院K (K = 4 x number) matches some dossiers' owners. */
static void experts(FILE *o, long e)
{
	fputs("id,name,affiliation,credit_codes,sectors,email\n", o);
	for (long i = 0; i < e; i++)
		fprintf(o, "X%05ld,专家%ld,研究院%ld,,%s%s%s,x%ld@example.cn\n",
			i, i, i * 4, sectors[i % 5], i % 7 ? "" : ";",
			i % 7 ? "" : sectors[(i + 1) % 5], i);
}

/* Long score rows for every `expert,id` line of the assignment list. */
static int scores(FILE *in, FILE *o)
{
	char line[256];
	unsigned long k = 0;

	fputs("expert,id,criterion,score,comment\n", o);
	if (!fgets(line, sizeof line, in))
		return 0;   /* header, or nothing assigned */
	while (fgets(line, sizeof line, in)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!*line)
			continue;
		for (int j = 0; j < 5; j++, k++)
			fprintf(o, "%s,%s,%lu.%lu,\n", line, crit[j],
				k * 7 % 11 % 10, k % 2 * 5);
	}
	return ferror(in) ? 1 : 0;
}

/* Names A0000001...; values 1-101 with three decimals. */
static void matrix(FILE *o, long m, long c)
{
	unsigned long long x = 88172645463325252ULL;

	fputs("alternative", o);
	for (long j = 0; j < c; j++)
		fprintf(o, ",c%ld", j + 1);
	fputc('\n', o);
	for (long i = 0; i < m; i++) {
		fprintf(o, "A%07ld", i + 1);
		for (long j = 0; j < c; j++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			fprintf(o, ",%llu.%03llu", 1 + x % 100, x / 100 % 1000);
		}
		fputc('\n', o);
	}
}

static long num(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 0) {
		fprintf(stderr, "gen: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

static FILE *out(const char *path)
{
	FILE *o = fopen(path, "w");

	if (!o) {
		perror(path);
		exit(1);
	}
	return o;
}

int main(int argc, char **argv)
{
	FILE *o, *in;
	int rc = 0;

	if (argc == 5 && !strcmp(argv[1], "dossiers")) {
		long n = num(argv[3]);

		o = out(argv[4]);
		if (!strcmp(argv[2], "csv"))
			csv(o, n);
		else if (!strcmp(argv[2], "xml"))
			xml(o, n);
		else if (!strcmp(argv[2], "tsv"))
			tsv(o, n);
		else
			rc = 2;
	} else if (argc == 4 && !strcmp(argv[1], "experts")) {
		o = out(argv[3]);
		experts(o, num(argv[2]));
	} else if (argc == 4 && !strcmp(argv[1], "scores")) {
		in = fopen(argv[2], "r");
		if (!in) {
			perror(argv[2]);
			return 1;
		}
		o = out(argv[3]);
		rc = scores(in, o);
		fclose(in);
	} else if (argc == 5 && !strcmp(argv[1], "matrix")) {
		o = out(argv[4]);
		matrix(o, num(argv[2]), num(argv[3]));
	} else {
		fputs("usage: gen dossiers csv|xml|tsv N FILE | experts E FILE"
		      " | scores ASSIGN FILE | matrix M C FILE\n", stderr);
		return 2;
	}
	if (fclose(o) != 0) {
		perror("gen");
		return 1;
	}
	if (rc == 2)
		fputs("gen: unknown format\n", stderr);
	return rc;
}
