/* words.c - the sentences documents print, from per-language text
 * catalogues (data/text/zh.txt, en.txt: "key = text" lines, {name}
 * placeholders filled by the program), so that an office can reword a
 * document without a compiler. A catalogue is loaded once per language
 * and checked whole: a key the program asks for must be there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exporters/internal.h"
#include "exporters/math.h"

struct lc_words {
	char lang[3];
	char *text;          /* the file, NUL-split: keys and values */
	char **key, **val;   /* n entries, sorted by key */
	size_t n;
};

/* Orders "key, value" pairs by key (a and b point at the keys). */
static int by_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void lc_words_free(struct lc_words *w)
{
	if (!w)
		return;
	free(w->text);
	free(w->key);
	free(w->val);
	free(w);
}

/* Trims spaces and tabs around s in place; returns it. */
static char *trim(char *s)
{
	char *e = s + strlen(s);

	while (*s == ' ' || *s == '\t')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Checks the formulas ({math:...} and {display:...} spans) of val: 0,
 * or -1 with why. */
static int check_math(const char *val, char *why, size_t n)
{
	for (const char *p = val; (p = strchr(p, '{')); p++) {
		size_t at = exp_math_span_at(p);
		const char *e = at ? exp_math_span_end(p) : NULL;
		struct exp_math *m;

		if (!at)
			continue;
		if (!e) {
			snprintf(why, n, "formula: '%.*s' is never closed "
				 "(its braces do not pair)", (int)at, p);
			return -1;
		}
		if (exp_math_parse(p + at, (size_t)(e - p - at), &m, why, n)
		    < 0)
			return -1;
		exp_math_free(m);
		p = e;
	}
	return 0;
}

/* A text in double quotes keeps its spaces: the quotes are dropped. */
static char *unquote(char *s)
{
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		s[n - 1] = '\0';
		return s + 1;
	}
	return s;
}

int lc_words_load(const char *lang, struct lc_words **out,
		  struct lc_error *err)
{
	char rel[64], path[4096], why[160];
	struct lc_words *w;
	FILE *fp;
	long size, line = 0;
	char *p, **pairs = NULL;
	int rc;

	*out = NULL;
	snprintf(rel, sizeof rel, "text/%s.txt", exp_is_en(lang) ? "en" :
		 "zh");
	rc = lc_data_path(rel, path, sizeof path, err);
	if (rc)
		return rc;
	w = calloc(1, sizeof *w);
	fp = w ? lc_file_open(path, NULL, err) : NULL;
	if (!fp) {
		rc = !w ? lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				       "out of memory") :
		     err ? err->status : LC_EIO;
		free(w);
		return rc;
	}
	snprintf(w->lang, sizeof w->lang, "%s", exp_is_en(lang) ? "en" :
		 "zh");
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	w->text = malloc((size_t)(size > 0 ? size : 0) + 1);
	if (!w->text || (size > 0 &&
			 fread(w->text, 1, (size_t)size, fp) != (size_t)size)) {
		fclose(fp);
		lc_words_free(w);
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot read the text catalogue");
	}
	fclose(fp);
	w->text[size > 0 ? size : 0] = '\0';
	for (p = w->text; p && *p; ) {
		char *nl = strchr(p, '\n'), *eq, *k;

		line++;
		if (nl)
			*nl = '\0';
		k = trim(p);
		p = nl ? nl + 1 : NULL;
		if (!*k || *k == '#')
			continue;
		eq = strchr(k, '=');
		if (!eq || lc_text_check(k, 0, 4096, why, sizeof why) < 0) {
			free(pairs);
			lc_words_free(w);
			return lc_error_set(err, LC_EDATA, path, line, NULL,
					    "%s", eq ? why :
					    "expected 'key = text'");
		}
		*eq = '\0';
		pairs = realloc(pairs, (w->n + 1) * 2 * sizeof *pairs);
		if (!pairs) {
			lc_words_free(w);
			return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
					    "out of memory");
		}
		pairs[2 * w->n] = trim(k);
		pairs[2 * w->n + 1] = unquote(trim(eq + 1));
		if (check_math(pairs[2 * w->n + 1], why, sizeof why) < 0) {
			rc = lc_error_set(err, LC_EDATA, path, line,
					  pairs[2 * w->n], "%s", why);
			free(pairs);
			lc_words_free(w);
			return rc;
		}
		w->n++;
	}
	/* sorted pairs, then split into the two arrays */
	qsort(pairs, w->n, 2 * sizeof *pairs, by_key);
	w->key = malloc((w->n ? w->n : 1) * sizeof *w->key);
	w->val = malloc((w->n ? w->n : 1) * sizeof *w->val);
	if (!w->key || !w->val) {
		free(pairs);
		lc_words_free(w);
		return lc_error_set(err, LC_ENOMEM, path, 0, NULL,
				    "out of memory");
	}
	for (size_t i = 0; i < w->n; i++) {
		w->key[i] = pairs[2 * i];
		w->val[i] = pairs[2 * i + 1];
		if (i && !strcmp(w->key[i], w->key[i - 1])) {
			rc = lc_error_set(err, LC_EDATA, path, 0, w->key[i],
					  "key given twice");
			free(pairs);
			lc_words_free(w);
			return rc;
		}
	}
	free(pairs);
	*out = w;
	return 0;
}

const char *lc_words_get(const struct lc_words *w, const char *key)
{
	size_t lo = 0, hi = w->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(w->key[mid], key);

		if (c == 0)
			return w->val[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

char *lc_words_fill(const struct lc_words *w, const char *key,
		    const char *const *names, const char *const *values,
		    size_t nv, char *buf, size_t n)
{
	const char *t = lc_words_get(w, key);
	size_t o = 0;

	if (!t) {
		/* a missing sentence is a bug of the catalogue: say which */
		snprintf(buf, n, "[%s]", key);
		return buf;
	}
	while (*t && o + 1 < n) {
		const char *close = *t == '{' ? strchr(t, '}') : NULL;
		size_t k;

		/* a formula, between markers, for the document to parse */
		if (exp_math_span_at(t) && exp_math_span_end(t)) {
			size_t at = exp_math_span_at(t);
			const char *e = exp_math_span_end(t);
			size_t len = (size_t)(e - t - at);

			if (o + len + 3 > n)
				break;
			buf[o++] = at == 6 ? EXP_MATH_OPEN : EXP_MATH_DISPLAY;
			memcpy(buf + o, t + at, len);
			o += len;
			buf[o++] = EXP_MATH_CLOSE;
			t = e + 1;
			continue;
		}
		for (k = 0; close && k < nv; k++)
			if ((size_t)(close - t - 1) == strlen(names[k]) &&
			    !strncmp(t + 1, names[k], strlen(names[k])))
				break;
		if (close && k < nv) {
			/* no marker of a formula from a value */
			for (const char *v = values[k] ? values[k] : "";
			     *v && o + 1 < n; v++)
				if (*v != EXP_MATH_OPEN &&
				    *v != EXP_MATH_CLOSE &&
				    *v != EXP_MATH_DISPLAY)
					buf[o++] = *v;
			t = close + 1;
		} else {
			buf[o++] = *t++;
		}
	}
	buf[o] = '\0';
	/* a long name cut at the buffer's end: no half character */
	return lc_utf8_trim(buf);
}
