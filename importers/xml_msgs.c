/* xml_msgs.c - libxml2's messages about a submission file made fit for
 * a submitter: namespaces and programmers' advice taken out, the field
 * an element is, and the fields a schema message is about (so that
 * lowcarb's own message on the same field replaces it). */
#include <stdio.h>
#include <string.h>
#include "importers/internal.h"

/* Field name from an element's local name. */
int imp_xml_field(const char *name)
{
	int i;
	if (strcmp(name, "organisation") == 0)
		return LC_F_SUBMITTER;
	if (strcmp(name, "project") == 0 || strcmp(name, "site") == 0 ||
	    strcmp(name, "enterprise") == 0 || strcmp(name, "year") == 0 ||
	    strcmp(name, "capacity") == 0 || strcmp(name, "site_en") == 0 ||
	    strcmp(name, "enterprise_en") == 0 ||
	    strcmp(name, "capacity_en") == 0)
		return LC_F_DEMONSTRATIONS;
	if (strcmp(name, "owner") == 0)
		return LC_F_OWNERS;
	for (i = 0; i < 5; i++)
		if (strcmp(name, imp_sub_elem[i]) == 0)
			return imp_sub_field[i];
	return lc_field_lookup(name);
}

/* Copies libxml2's message without namespaces and the trailing newline,
 * and the element it is about into elem. */
void imp_xml_tidy(const char *m, char *out, size_t n, char *elem,
		  size_t en)
{
	size_t o = 0;
	elem[0] = '\0';
	/* libxml2's advice for programmers is no help to a submitter */
	if (strcasestr(m, "excessive depth in document")) {
		snprintf(out, n, "elements nested more than 256 deep are "
			 "refused");
		return;
	}
	if (strcasestr(m, "input is not proper UTF-8")) {
		snprintf(out, n, "bytes that are not UTF-8 (save the file as "
			 "UTF-8, or declare its encoding)");
		return;
	}
	if (strncmp(m, "Element '", 9) == 0) {
		const char *p = m + 9, *e = strchr(p, '\'');
		const char *b = memchr(p, '}', e ? (size_t)(e - p) : 0);
		if (e) {
			if (b)
				p = b + 1;
			snprintf(elem, en, "%.*s", (int)(e - p), p);
			m = e + 1;
			if (*m == ':')
				m++;
			while (*m == ' ')
				m++;
		}
	}
	while (*m && o + 1 < n) {
		if (*m == '{' && (strncmp(m + 1, "urn:", 4) == 0 ||
				  strncmp(m + 1, "http", 4) == 0)) {
			const char *c = strchr(m, '}');
			if (c) {
				m = c + 1;
				continue;
			}
		}
		/* one line: a message never spans two */
		out[o++] = *m == '\n' ? ' ' : *m;
		m++;
	}
	while (o > 0 && (out[o - 1] == '\n' || out[o - 1] == ' '))
		o--;
	out[o] = '\0';
	if (out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' &&
						out[1] <= 'Z'))
		out[0] = (char)(out[0] - 'A' + 'a');
}

/* The fields a schema message is about, as ",a,b,", into out: those it
 * says are expected ("Expected is ( a )", "Expected is one of ( a, b )")
 * when it is about an element lowcarb knows (a field or the technology),
 * else the field whose value it refuses. "" when lowcarb has no words of
 * its own for it (an element it does not know: the schema names the
 * cause). */
void imp_xml_subjects(int field, const char *elem, const char *msg,
		      char *out, size_t n)
{
	const char *p = strstr(msg, "Expected is");
	size_t o = 0;

	out[0] = '\0';
	if (field < 0 && strcmp(elem, "technology") != 0)
		return;
	if (!p) {
		if (field >= 0)
			snprintf(out, n, ",%s,", lc_field_name(field));
		return;
	}
	p = strchr(p, '(');
	if (!p)
		return;
	out[o++] = ',';
	while (*++p && *p != ')') {
		char name[64];
		size_t k = 0;
		int f, w;

		while (*p == ' ' || *p == ',')
			p++;
		while (*p && *p != ',' && *p != ' ' && *p != ')' &&
		       k + 1 < sizeof name)
			name[k++] = *p++;
		name[k] = '\0';
		if (k) {
			f = imp_xml_field(name);
			w = snprintf(out + o, n - o, "%s,",
				     f >= 0 ? lc_field_name(f) : name);
			if (w < 0 || (size_t)w >= n - o)
				break;
			o += (size_t)w;
		}
		if (*p == ')' || !*p)
			break;
	}
	out[o] = '\0';
	if (o < 2)
		out[0] = '\0';
}
