/* panel_util.c - small helpers of the panel code: a string hash map,
 * organisation name normalisation for conflict matching, sector lists. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/exporters.h"
#include "ranker/panel.h"

struct slot {
	char *key;     /* NULL: empty */
	long val;
};

/* Open addressing, linear probing, at most half full. */
struct lc_pnl_map {
	struct slot *s;
	size_t cap, count;
};

static uint64_t hash(const char *k)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *k; k++) {
		h ^= (unsigned char)*k;
		h *= 1099511628211ULL;
	}
	return h;
}

struct lc_pnl_map *lc_pnl_map_new(void)
{
	struct lc_pnl_map *m = calloc(1, sizeof *m);

	if (!m)
		return NULL;
	m->cap = 64;
	m->s = calloc(m->cap, sizeof *m->s);
	if (!m->s) {
		free(m);
		return NULL;
	}
	return m;
}

void lc_pnl_map_free(struct lc_pnl_map *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->s[i].key);
	free(m->s);
	free(m);
}

static struct slot *find(const struct lc_pnl_map *m, const char *key)
{
	size_t i = (size_t)(hash(key) & (m->cap - 1));

	while (m->s[i].key && strcmp(m->s[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->s[i];
}

static int grow(struct lc_pnl_map *m)
{
	struct lc_pnl_map n = { calloc(m->cap * 2, sizeof(struct slot)),
				m->cap * 2, m->count };

	if (!n.s)
		return LC_ENOMEM;
	for (size_t i = 0; i < m->cap; i++)
		if (m->s[i].key)
			*find(&n, m->s[i].key) = m->s[i];
	free(m->s);
	*m = n;
	return 0;
}

int lc_pnl_map_put(struct lc_pnl_map *m, const char *key, long val)
{
	struct slot *s;

	if ((m->count + 1) * 2 > m->cap && grow(m) < 0)
		return LC_ENOMEM;
	s = find(m, key);
	if (!s->key) {
		s->key = strdup(key);
		if (!s->key)
			return LC_ENOMEM;
		m->count++;
	}
	s->val = val;
	return 0;
}

long lc_pnl_map_get(const struct lc_pnl_map *m, const char *key, long dflt)
{
	const struct slot *s = find(m, key);

	return s->key ? s->val : dflt;
}

size_t lc_pnl_map_count(const struct lc_pnl_map *m)
{
	return m->count;
}

/* Decodes one UTF-8 sequence at *p (advancing it); invalid bytes come
 * back as themselves. */
static unsigned long utf8_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned long c = s[0];
	int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 :
		  (c >> 3) == 30 ? 4 : 1;

	if (len > 1) {
		c &= 0x3fUL >> (len - 1);
		for (int i = 1; i < len; i++) {
			if ((s[i] & 0xc0) != 0x80) {
				*p = s + 1;
				return s[0];
			}
			c = (c << 6) | (s[i] & 0x3f);
		}
	}
	*p = s + len;
	return c;
}

static size_t utf8_put(unsigned long c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Punctuation and spaces that never tell two organisations apart. */
static int is_noise(unsigned long c)
{
	if (c < 0x80)
		return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'));
	return c == 0x3000 || (c >= 0x3001 && c <= 0x303f) ||
	       c == 0x00b7 || c == 0x2014 || c == 0x2018 || c == 0x2019 ||
	       c == 0x201c || c == 0x201d || c == 0x2026 || c == 0x00a0 ||
	       c == 0x30fb;
}

static const char *const suffixes[] = {
	"股份有限公司", "有限责任公司", "有限公司", "公司",
	"coltd", "limited", "ltd", "inc", "corporation", "corp", "company",
	"co", NULL
};

char *lc_pnl_org_norm(const char *in, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)(in ? in : "");
	size_t len = 0;
	int again = 1;

	while (*p) {
		unsigned long c = utf8_next(&p);
		char buf[4];
		size_t k;

		if (c >= 0xff01 && c <= 0xff5e)   /* full-width ASCII */
			c -= 0xfee0;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (is_noise(c))
			continue;
		k = utf8_put(c, buf);
		if (len + k >= n)
			break;
		memcpy(out + len, buf, k);
		len += k;
	}
	out[len] = '\0';
	while (again) {
		again = 0;
		for (size_t i = 0; suffixes[i]; i++) {
			size_t sl = strlen(suffixes[i]);

			if (len > sl &&
			    memcmp(out + len - sl, suffixes[i], sl) == 0) {
				len -= sl;
				out[len] = '\0';
				again = 1;
				break;
			}
		}
	}
	return out;
}

long lc_pnl_sector_mask(const char *list, char *bad, size_t n)
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

void *lc_pnl_grow(void *v, size_t *cap, size_t n, size_t size)
{
	size_t ncap;

	if (n < *cap)
		return v;
	ncap = *cap ? *cap * 2 : 32;
	v = realloc(v, ncap * size);
	if (v)
		*cap = ncap;
	return v;
}

long lc_pnl_find_id(const void *base, size_t n, size_t size, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = *(char *const *)(const void *)
			((const char *)base + mid * size);
		int c = strcmp(k, id);

		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void out_cells(struct lc_pnl_out *o, const char *const *v)
{
	for (size_t j = 0; j < o->ncol; j++) {
		if (j)
			putc(' ', o->fp);
		if (j + 1 < o->ncol)
			lc_text_cell(o->fp, v[j] ? v[j] : "",
				     (size_t)o->width[j], 0);
		else
			fputs(v[j] ? v[j] : "", o->fp);
	}
	putc('\n', o->fp);
}

void lc_pnl_out_begin(struct lc_pnl_out *o)
{
	o->rows = 0;
	if (o->fmt == LC_PNL_CSV) {
		for (size_t j = 0; j < o->ncol; j++) {
			if (j)
				putc(',', o->fp);
			fputs(o->names[j], o->fp);
		}
		putc('\n', o->fp);
	} else if (o->fmt == LC_PNL_JSON) {
		putc('[', o->fp);
	} else {
		out_cells(o, o->heads);
	}
}

void lc_pnl_out_row(struct lc_pnl_out *o, const char *const *v)
{
	if (o->fmt == LC_PNL_CSV) {
		for (size_t j = 0; j < o->ncol; j++) {
			if (j)
				putc(',', o->fp);
			lc_csv_field(o->fp, v[j] ? v[j] : "", 1);
		}
		putc('\n', o->fp);
	} else if (o->fmt == LC_PNL_JSON) {
		fputs(o->rows ? ",\n  {" : "\n  {", o->fp);
		for (size_t j = 0; j < o->ncol; j++) {
			fprintf(o->fp, "%s\"%s\": ", j ? ", " : "",
				o->names[j]);
			lc_json_string(o->fp, v[j] ? v[j] : "");
		}
		putc('}', o->fp);
	} else {
		out_cells(o, v);
	}
	o->rows++;
}

void lc_pnl_out_end(struct lc_pnl_out *o)
{
	if (o->fmt == LC_PNL_JSON)
		fputs(o->rows ? "\n]\n" : "]\n", o->fp);
}

struct kind_ctx {
	struct lc_pnl_out *o;
	const char *const *from;
};

static int kind_row(const char *key, const struct lc_rec *r, void *vc)
{
	struct kind_ctx *k = vc;
	const char *v[16];

	(void)key;
	for (size_t j = 0; j < k->o->ncol && j < 16; j++)
		v[j] = lc_rec_get(r, k->from[j]);
	lc_pnl_out_row(k->o, v);
	return 0;
}

int lc_pnl_out_kind(struct lc_catalog *cat, const char *kind,
		    const char *const *from, struct lc_pnl_out *o,
		    struct lc_error *err)
{
	struct kind_ctx k = { o, from };
	int rc;

	lc_pnl_out_begin(o);
	rc = lc_catalog_rec_each(cat, kind, NULL, NULL, kind_row, &k, err);
	lc_pnl_out_end(o);
	return rc;
}
