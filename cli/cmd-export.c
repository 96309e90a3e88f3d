/* cmd-export.c - `lowcarb export`: the annual roadmap (HTML, FODT,
 * Markdown), the MACC data or chart, the catalog (XML, CSV, JSON), a
 * ranking with its explanations and the promotion catalog (HTML, FODT,
 * CSV). */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "exporters/exporters.h"

enum { OPT_FORMAT = 'f', OPT_LANG = 'l', OPT_PRICE = 256, OPT_RATE,
       OPT_STAMP, OPT_PROFILE, OPT_BOM, OPT_OUT, OPT_REF, OPT_REF_ED,
       OPT_ASSUME, OPT_HORIZON, OPT_PUB };

/* What the four subcommands may be given. */
struct args {
	struct lc_filter f;
	const char *format, *out, *lang, *profile;
	const char *reference, *ref_edition;   /* roadmap: benchmarking */
	const char *assumptions;  /* --assumptions FILE, NULL: default */
	const char *publication;               /* roadmap: the publisher */
	double price, rate;
	int stamp, bom;
};

static int parse_price(const char *cmd, const char *s, double *out)
{
	if (lc_num_parse(s, out) < 0)
		return cli_usage(cmd, "carbon price must be a number (CNY/tCO2)"
				 ", not '%s'", s);
	return 0;
}

/* "8%" or "0.08": a fraction in [0, 1). */
static int parse_rate(const char *cmd, const char *s, double *out)
{
	char buf[64];
	size_t n = strlen(s);
	int pct = n > 0 && s[n - 1] == '%';

	snprintf(buf, sizeof buf, "%.*s", (int)(pct ? n - 1 : n), s);
	if (n >= sizeof buf || lc_num_parse(buf, out) < 0)
		return cli_usage(cmd, "discount rate must be like 8%% or 0.08, "
				 "not '%s'", s);
	if (pct)
		*out /= 100;
	if (!(*out >= 0 && *out < 1))
		return cli_usage(cmd, "discount rate must be in [0%%, 100%%), "
				 "not '%s'", s);
	return 0;
}

static int parse(const char *cmd, int argc, char **argv, struct args *a)
{
	static const struct option opts[] = {
		CLI_FILTER_OPTIONS,
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, OPT_OUT },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "carbon-price", required_argument, NULL, OPT_PRICE },
		{ "discount-rate", required_argument, NULL, OPT_RATE },
		{ "stamp", no_argument, NULL, OPT_STAMP },
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "bom", no_argument, NULL, OPT_BOM },
		{ "reference", required_argument, NULL, OPT_REF },
		{ "reference-edition", required_argument, NULL, OPT_REF_ED },
		{ "assumptions", required_argument, NULL, OPT_ASSUME },
		{ "horizon", required_argument, NULL, OPT_HORIZON },
		{ "publication", required_argument, NULL, OPT_PUB },
		{ NULL, 0, NULL, 0 }
	};
	int c, idx, rc;

	memset(a, 0, sizeof *a);
	lc_filter_init(&a->f);
	a->lang = "zh";
	a->price = NAN;
	a->rate = NAN;    /* the assumptions' unless given */
	a->profile = "top20";
	for (;;) {
		idx = -1;
		c = getopt_long(argc, argv, "o:", opts, &idx);
		if (c == -1)
			break;
		/* -o is the output file; --sort shares its value. */
		if (c == 'o' && idx < 0) {
			a->out = optarg;
			continue;
		}
		/* --sector: an unknown one is named with the known ones */
		if (c == 's' && lc_sector_from_name(optarg) < 0) {
			struct lc_error err = { 0 };

			lc_error_set(&err, LC_EDATA, NULL, 0, "--sector",
				     "unknown sector '%s' (expected steel, "
				     "nonferrous, petrochemical, chemical, "
				     "building-materials)", optarg);
			return cli_fail(&err);
		}
		rc = cli_filter_opt(cmd, c, optarg, &a->f);
		if (rc == 2)
			return 2;
		if (rc == 1)
			continue;
		switch (c) {
		case OPT_FORMAT:
			a->format = optarg;
			break;
		case OPT_OUT:
			a->out = optarg;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "zh") && strcmp(optarg, "en"))
				return cli_usage(cmd, "language must be zh or "
						 "en, not '%s'", optarg);
			a->lang = optarg;
			break;
		case OPT_PRICE:
			if (parse_price(cmd, optarg, &a->price))
				return 2;
			break;
		case OPT_RATE:
			if (parse_rate(cmd, optarg, &a->rate))
				return 2;
			break;
		case OPT_STAMP:
			a->stamp = 1;
			break;
		case OPT_PROFILE:
			a->profile = optarg;
			break;
		case OPT_BOM:
			a->bom = 1;
			break;
		case OPT_REF:
			a->reference = optarg;
			break;
		case OPT_REF_ED:
			a->ref_edition = optarg;
			break;
		case OPT_ASSUME:
			a->assumptions = optarg;
			break;
		case OPT_HORIZON:
			/* what is available at the horizon: now TRL 8-9, by
			 * 2030 TRL 6-9, by 2060 any */
			if (!strcmp(optarg, "now"))
				a->f.min_trl = 8;
			else if (!strcmp(optarg, "2030"))
				a->f.min_trl = 6;
			else if (!strcmp(optarg, "2060"))
				a->f.min_trl = 0;
			else
				return cli_usage(cmd, "horizon must be now, "
						 "2030 or 2060, not '%s'",
						 optarg);
			break;
		case OPT_PUB:
			a->publication = optarg;
			break;
		default:
			return cli_usage(cmd, "bad option");
		}
	}
	if (optind < argc)
		return cli_usage(cmd, "unexpected argument '%s'",
				 argv[optind]);
	return 0;
}

static int need_edition(const char *cmd, const struct args *a)
{
	if (!a->f.edition)
		return cli_usage(cmd, "--edition YEAR is required");
	return 0;
}

static int run_roadmap(int argc, char **argv)
{
	const char *cmd = "export roadmap";
	struct lc_error err = { 0 };
	struct lc_assumptions *as = NULL;
	struct lc_roadmap_opts ro;
	struct lc_catalog *cat;
	struct lc_doc *doc = NULL;
	struct args a;
	struct cli_out o;
	int rc = parse(cmd, argc, argv, &a), fmt;

	if (rc)
		return rc;
	if (need_edition(cmd, &a))
		return 2;
	if (!a.format || (strcmp(a.format, "html") &&
			  strcmp(a.format, "fodt") && strcmp(a.format, "md")))
		return cli_usage(cmd, "--format must be html, fodt or md");
	fmt = a.format[0];
	if (fmt == 'm' && (!a.out || strcmp(a.out, "-") == 0))
		return cli_usage(cmd, "--format md needs -o FILE (its charts "
				 "go beside it)");
	rc = cli_assumptions(a.assumptions, &as);
	if (rc)
		return rc;
	lc_roadmap_opts_init(&ro);
	ro.edition = a.f.edition;
	ro.lang = a.lang;
	ro.carbon_price = a.price;
	ro.discount_rate = isnan(a.rate) ? lc_assumptions_discount_rate(as) :
			   a.rate;
	ro.assumptions = as;
	ro.stamp = a.stamp;
	ro.profile = a.profile;
	ro.reference = a.reference;
	ro.reference_edition = a.ref_edition;
	ro.sector = a.f.sector;
	ro.publication = a.publication;
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc) {
		lc_assumptions_free(as);
		return rc;
	}
	rc = lc_roadmap_build(cat, &ro, &doc, &err);
	lc_catalog_close(cat);
	lc_assumptions_free(as);
	if (rc < 0)
		return cli_fail(&err);
	if (fmt == 'm') {
		rc = lc_doc_write_md(doc, a.out, &err);
		lc_doc_free(doc);
		return rc < 0 ? cli_fail(&err) : 0;
	}
	rc = cli_out_open(&o, a.out);
	if (rc) {
		lc_doc_free(doc);
		return rc;
	}
	rc = fmt == 'h' ? lc_doc_write_html(doc, o.fp, &err) :
	     lc_doc_write_fodt(doc, o.fp, &err);
	lc_doc_free(doc);
	return cli_out_finish(&o, rc, &err);
}

static int run_macc(int argc, char **argv)
{
	const char *cmd = "export macc";
	struct lc_error err = { 0 };
	int basis;
	struct lc_catalog *cat;
	struct lc_macc_bar *b = NULL;
	size_t n = 0;
	struct args a;
	struct cli_out o;
	struct lc_assumptions *as = NULL;   /* owned */
	int rc = parse(cmd, argc, argv, &a);

	if (rc)
		return rc;
	if (need_edition(cmd, &a))
		return 2;
	if (!a.format || (strcmp(a.format, "csv") &&
			  strcmp(a.format, "json") && strcmp(a.format, "svg")))
		return cli_usage(cmd, "--format must be csv, json or svg");
	{
		/* the profile's cost basis: the ranking's */
		struct lc_profile *p = NULL;

		if (lc_profile_load(a.profile, &p, &err) < 0)
			return cli_fail(&err);
		basis = lc_profile_cost_basis(p);
		lc_profile_free(p);
	}
	rc = cli_assumptions(a.assumptions, &as);
	if (rc)
		return rc;
	if (isnan(a.rate))
		a.rate = lc_assumptions_discount_rate(as);
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc) {
		lc_assumptions_free(as);
		return rc;
	}
	rc = lc_macc_edition(cat, a.f.edition, a.f.sector, a.f.min_trl,
			     a.rate, basis, a.lang, &b, &n, NULL, &err);
	lc_catalog_close(cat);
	if (rc < 0) {
		lc_assumptions_free(as);
		return cli_fail(&err);
	}
	rc = cli_out_open(&o, a.out);
	if (rc) {
		lc_macc_free(b, n);
		lc_assumptions_free(as);
		return rc;
	}
	if (a.format[0] == 'c') {
		lc_macc_write_csv(o.fp, b, n);
	} else if (a.format[0] == 'j') {
		lc_macc_write_json(o.fp, b, n, a.price, as);
	} else {
		char title[160], *desc, *svg = NULL;
		int en = strcmp(a.lang, "en") == 0;
		const char *sl = a.f.sector >= 0 ?
				 lc_sector_label(a.f.sector, a.lang) : NULL;

		if (sl && en)
			snprintf(title, sizeof title, "Marginal abatement "
				 "cost curve, %s, %s edition", sl,
				 a.f.edition);
		else if (sl)
			snprintf(title, sizeof title, "%s年度%s行业边际减排"
				 "成本曲线", a.f.edition, sl);
		else
			snprintf(title, sizeof title, en ? "Marginal "
				 "abatement cost curve, %s edition" :
				 "%s年度边际减排成本曲线", a.f.edition);
		desc = lc_macc_describe(b, n, a.price, a.lang);
		if (desc)
			svg = lc_svg_macc(b, n, a.price, title, desc, a.lang);
		if (svg)
			fputs(svg, o.fp);
		else
			rc = lc_error_set(&err, LC_ENOMEM, NULL, 0, NULL,
					  "out of memory");
		free(desc);
		free(svg);
	}
	lc_macc_free(b, n);
	lc_assumptions_free(as);
	return cli_out_finish(&o, rc, &err);
}

/* `export catalog` (ranking 0) and `export ranking` (ranking 1): both
 * stream from the catalog into the output. */
static int run_stream(int argc, char **argv, int ranking)
{
	const char *cmd = ranking ? "export ranking" : "export catalog";
	struct lc_error err = { 0 };
	struct lc_catalog *cat;
	struct args a;
	struct cli_out o;
	struct lc_assumptions *as = NULL;   /* owned */
	int rc = parse(cmd, argc, argv, &a), fmt;

	if (rc)
		return rc;
	if (ranking && need_edition(cmd, &a))
		return 2;
	if (!a.format)
		fmt = ranking ? LC_EXPORT_CSV : LC_EXPORT_XML;
	else if (strcmp(a.format, "csv") == 0)
		fmt = LC_EXPORT_CSV;
	else if (strcmp(a.format, "json") == 0)
		fmt = LC_EXPORT_JSON;
	else if (!ranking && strcmp(a.format, "xml") == 0)
		fmt = LC_EXPORT_XML;
	else if (strcmp(a.format, "xlsx") == 0)
		fmt = LC_EXPORT_XLSX;
	else
		return cli_usage(cmd, "--format must be %s", ranking ?
				 "csv, json or xlsx" : "xml, csv, json or "
				 "xlsx");
	if (fmt == LC_EXPORT_XLSX && a.bom)
		return cli_usage(cmd, "--bom is for CSV (a workbook needs "
				 "none)");
	/* a ranking computes costs: with the published assumptions */
	if (ranking && (rc = cli_assumptions(a.assumptions, &as)) != 0)
		return rc;
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc == 0) {
		rc = cli_out_open(&o, a.out);
		if (rc)
			lc_catalog_close(cat);
	}
	if (rc) {
		lc_assumptions_free(as);
		return rc;
	}
	if (ranking)
		rc = lc_export_ranking(cat, a.f.edition, a.profile, as, fmt,
				       a.bom, o.fp, &err);
	else
		rc = lc_export_catalog(cat, &a.f, fmt, a.bom, o.fp, &err);
	lc_catalog_close(cat);
	lc_assumptions_free(as);
	return cli_out_finish(&o, rc, &err);
}

/* `export promotion-catalog`: the document (html, fodt) or the CSV the
 * ndrc-catalog profile re-imports. */
static int run_promotion(int argc, char **argv)
{
	const char *cmd = "export promotion-catalog";
	struct lc_error err = { 0 };
	struct lc_promo_opts po;
	struct lc_catalog *cat;
	struct lc_doc *doc = NULL;
	struct args a;
	struct cli_out o;
	int rc = parse(cmd, argc, argv, &a), fmt;

	if (rc)
		return rc;
	if (need_edition(cmd, &a))
		return 2;
	if (!a.format || (strcmp(a.format, "html") &&
			  strcmp(a.format, "fodt") && strcmp(a.format, "csv") &&
			  strcmp(a.format, "xlsx")))
		return cli_usage(cmd, "--format must be html, fodt, csv or "
				 "xlsx");
	fmt = a.format[0];
	lc_promo_opts_init(&po);
	po.edition = a.f.edition;
	po.sector = a.f.sector;
	po.lang = a.lang;
	po.publication = a.publication;
	switch (a.f.status) {
	case -1:
		po.status = LC_PROMO_DEFAULT;
		break;
	case LC_ST_SELECTED:
		po.status = LC_PROMO_SELECTED;
		break;
	case LC_ST_ELIGIBLE:
		po.status = LC_PROMO_ELIGIBLE;
		break;
	case LC_ST_PUBLISHED:
		po.status = LC_PROMO_PUBLISHED;
		break;
	default:
		return cli_usage(cmd, "--status must be selected, eligible or "
				 "published");
	}
	if (a.f.category >= 0 || a.f.min_trl || a.f.max_trl || a.f.match ||
	    a.f.sort)
		return cli_usage(cmd, "filters other than --sector and "
				 "--status do not apply");
	rc = cli_open(&cat, LC_OPEN_READ);
	if (rc)
		return rc;
	if (fmt != 'c' && fmt != 'x')
		rc = lc_promo_build(cat, &po, &doc, &err);
	if (rc < 0) {
		lc_catalog_close(cat);
		return cli_fail(&err);
	}
	rc = cli_out_open(&o, a.out);
	if (rc) {
		lc_catalog_close(cat);
		lc_doc_free(doc);
		return rc;
	}
	if (fmt == 'c')
		rc = lc_promo_write_csv(cat, &po, a.bom, o.fp, &err);
	else if (fmt == 'x')
		rc = lc_promo_write_xlsx(cat, &po, o.fp, &err);
	else if (fmt == 'h')
		rc = lc_doc_write_html(doc, o.fp, &err);
	else
		rc = lc_doc_write_fodt(doc, o.fp, &err);
	lc_catalog_close(cat);
	lc_doc_free(doc);
	return cli_out_finish(&o, rc, &err);
}

static int run(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";

	if (strcmp(what, "roadmap") == 0)
		return run_roadmap(argc - 1, argv + 1);
	if (strcmp(what, "macc") == 0)
		return run_macc(argc - 1, argv + 1);
	if (strcmp(what, "catalog") == 0)
		return run_stream(argc - 1, argv + 1, 0);
	if (strcmp(what, "ranking") == 0)
		return run_stream(argc - 1, argv + 1, 1);
	if (strcmp(what, "promotion-catalog") == 0)
		return run_promotion(argc - 1, argv + 1);
	if (!*what)
		return cli_usage("export", "what to export? one of: roadmap "
				 "(the roadmap document), macc (the abatement "
				 "cost curve), catalog (the dossiers), ranking "
				 "(a ranking), promotion-catalog (the national "
				 "catalog's layout)");
	return cli_usage("export", "unknown export '%s' (roadmap, macc, "
			 "catalog, ranking or promotion-catalog)", what);
}

const struct cli_cmd cli_cmd_export = {
	"export", N_("write a roadmap, MACC, catalog, ranking or "
	"promotion catalog"),
	N_("usage: lowcarb export roadmap --edition YEAR --format html|fodt|md\n"
	"                      -o FILE [--lang zh|en] [--carbon-price P]\n"
	"                      [--discount-rate R] [--profile NAME] [--stamp]\n"
	"                      [--assumptions FILE]\n"
	"                      [--reference FILE.tct [--reference-edition Y]]\n"
	"                      [--sector S]\n"
	"                      [--publication FILE]\n"
	"       lowcarb export macc --edition YEAR [--sector S]\n"
	"                      [--min-trl N | --horizon now|2030|2060]\n"
	"                      [--carbon-price P] [--discount-rate R]\n"
	"                      [--profile NAME] [--assumptions FILE]\n"
	"                      [--lang zh|en] --format csv|json|svg [-o FILE]\n"
	"       lowcarb export catalog [FILTERS] --format xml|csv|json|xlsx\n"
	"                      [--bom] [-o FILE]\n"
	"       lowcarb export ranking --edition YEAR [--profile NAME]\n"
	"                      [--assumptions FILE]\n"
	"                      --format csv|json|xlsx [--bom] [-o FILE]\n"
	"       lowcarb export promotion-catalog --edition YEAR [--sector S]\n"
	"                      [--status selected|eligible|published]\n"
	"                      [--lang zh|en] --format html|fodt|csv|xlsx\n"
	"                      [--publication FILE] [--bom] [-o FILE]\n"
	"\n"
	"roadmap  the edition's technology roadmap: title page, key findings,\n"
	"         the Top N with per-criterion contributions, one chapter per\n"
	"         sector by horizon (promote now TRL 8-9, demonstrate by 2030\n"
	"         TRL 6-7, research for 2060 TRL 1-5) with its MACC,\n"
	"         milestones, with --reference a chapter \"finding gaps by\n"
	"         benchmarking\" (as `lowcarb benchmark`: leads, lags and the\n"
	"         reference technologies with no domestic counterpart), and an\n"
	"         annex (full catalog, method, changes since the previous\n"
	"         edition by lineage). html: one self-contained\n"
	"         file, A4 print rules, inline SVG charts; fodt: flat\n"
	"         OpenDocument for LibreOffice (WPS and Word untested); md:\n"
	"         GitHub Markdown with the charts as FILE-fig-N.svg beside\n"
	"         it, all written in full before any is put in place.\n"
	"macc     the marginal abatement cost curve: CSV columns\n"
	"         id,name,cost,potential,xmin,xmax,product,claimed in\n"
	"         drawing order (cost ascending, ties by id; CNY/tCO2 and\n"
	"         tCO2e/a), JSON, or the SVG chart alone. Competing routes\n"
	"         count once: in cost order a dossier's potential counts\n"
	"         what remains of its product's baseline emissions\n"
	"         (lowcarb products); claimed is the potential it states,\n"
	"         the excess is drawn as overlap and never totalled.\n"
	"catalog  the dossiers passing FILTERS as submission XML (re-imports\n"
	"         to the same catalog), CSV (RFC 4180, formula injection\n"
	"         neutralised), JSON or xlsx (the CSV's columns on one sheet,\n"
	"         numbers as numbers in base units with the unit in the\n"
	"         header, frozen header with filters, widths by content).\n"
	"ranking  the edition ranked by the profile, every entry with rank,\n"
	"         score, selection, eligibility, per-criterion values and\n"
	"         contributions, tie-break and quota notes (xlsx as for the\n"
	"         catalog).\n"
	"promotion-catalog  in the layout of the national promotion catalogs\n"
	"         (README); csv re-imports with --profile ndrc-catalog;\n"
	"         xlsx: the csv's columns on one sheet, numbers as numbers.\n"),
	run,
	/* xgettext:no-c-format */
	N_("\n"
	"  --edition YEAR       the edition\n"
	"  --format F           output format (see above)\n"
	"  -o, --output FILE    write FILE (replaced only when all went\n"
	"                       well); default standard output (md needs -o)\n"
	"  --lang zh|en         headings and captions in Chinese (default) or\n"
	"                       English; an entry's name, scope, content,\n"
	"                       key indicators and projects in English\n"
	"                       where the dossier gives them (name_en,\n"
	"                       summary_en, scope_en, key_indicators_en,\n"
	"                       site_en...), else as written\n"
	"  --carbon-price P     draw a carbon price line at P CNY/tCO2 and\n"
	"                       state the abatement available at or below it\n"
	"  --discount-rate R    for abatement costs computed from investment,\n"
	"                       lifetime and operating cost: 8% or 0.08\n"
	"                       (default: the assumptions')\n"
	"  --assumptions FILE   published assumptions (discount rate; the\n"
	"                       roadmap's method annex names the file and\n"
	"                       its SHA-256); default\n"
	"                       data/assumptions/default.xml\n"
	"  --profile NAME       criteria profile (default top20); its cost\n"
	"                       basis picks the MACC's costs, as ranking's\n"
	"  --reference FILE.tct roadmap: benchmark against this reference\n"
	"                       catalog (the IEA guide imported with\n"
	"                       `import --profile iea-etp`)\n"
	"  --reference-edition Y  its edition (default: its latest not after\n"
	"                       the roadmap's)\n"
	"  --publication FILE   roadmap: the publisher's title, authority,\n"
	"                       document number, date, foreword and contact\n"
	"                       for the title page; promotion-catalog: its\n"
	"                       authority, number, date and contact (default\n"
	"                       data/templates/publication.xml; see the\n"
	"                       README)\n"
	"  --stamp              print the generation time on the title page\n"
	"                       (default: none, so output is reproducible)\n"
	"  --bom                CSV: begin with a UTF-8 byte order mark\n"
	"  --sector S           macc, promotion-catalog: only this sector;\n"
	"                       roadmap: the roadmap of this industry\n"
	"  --status ST          promotion-catalog (default: selected, or\n"
	"                       published once the edition is published)\n"
	"  --horizon H          macc: technologies available at H: now\n"
	"                       (TRL 8-9), 2030 (TRL 6-9) or 2060 (any);\n"
	"                       --min-trl N: TRL N and above\n"
	"FILTERS (catalog) are those of `lowcarb list`: --edition --sector\n"
	"  --category --min-trl --max-trl --status --match --sort.\n")
};
