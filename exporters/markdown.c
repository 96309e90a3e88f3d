/* markdown.c - the document model as GitHub-flavoured Markdown, each
 * chart written as its own .svg file beside the .md and linked. All the
 * files are written to temporaries and renamed into place together. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "exporters/internal.h"

static void md_table(FILE *fp, const struct doc_table *t)
{
	fputs("\n|", fp);
	for (size_t c = 0; c < t->ncols; c++) {
		putc(' ', fp);
		lc_md_text(fp, t->head[c]);
		fputs(" |", fp);
	}
	fputs("\n|", fp);
	for (size_t c = 0; c < t->ncols; c++)
		fputs(t->align[c] == 'r' ? " ---: |" : " --- |", fp);
	putc('\n', fp);
	for (size_t r = 0; r < t->nrows; r++) {
		putc('|', fp);
		for (size_t c = 0; c < t->ncols; c++) {
			putc(' ', fp);
			lc_md_text(fp, t->cells[r * t->ncols + c]);
			fputs(" |", fp);
		}
		putc('\n', fp);
	}
	putc('\n', fp);
}

/* The files of one export: each is written to a temporary beside its
 * final name and renamed into place only when all were written. */
struct mdfiles {
	char **final, **tmp;
	size_t n, cap;
};

/* Creates a temporary "PATH.tmpXXXXXX" for the final path (copied) and
 * opens it for writing into *out; 0, or LC_ENOMEM / LC_EIO with err. */
static int md_open(struct mdfiles *fs, const char *path, FILE **out,
		   struct lc_error *err)
{
	size_t len = strlen(path);
	char *fin = malloc(len + 1), *tmp = malloc(len + 16);
	FILE *fp = NULL;
	int fd;

	if (fs->n == fs->cap) {
		size_t cap = fs->cap ? fs->cap * 2 : 16;
		char **f2 = realloc(fs->final, cap * sizeof *f2);
		char **t2 = f2 ? realloc(fs->tmp, cap * sizeof *t2) : NULL;

		if (f2)
			fs->final = f2;
		if (t2)
			fs->tmp = t2;
		if (!f2 || !t2) {
			free(fin);
			free(tmp);
			return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
					    "out of memory");
		}
		fs->cap = cap;
	}
	if (!fin || !tmp) {
		free(fin);
		free(tmp);
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	}
	memcpy(fin, path, len + 1);
	snprintf(tmp, len + 16, "%s.tmpXXXXXX", path);
	fd = mkstemp(tmp);
	if (fd >= 0) {
		fp = fdopen(fd, "w");
		if (!fp) {
			close(fd);
			remove(tmp);
		}
	}
	if (!fp) {
		free(fin);
		free(tmp);
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "cannot write '%s'", path);
	}
	/* mkstemp makes the file 0600; give it the usual mode. */
	{
		mode_t um = umask(022);

		umask(um);
		(void)fchmod(fd, 0666 & ~um);
	}
	fs->final[fs->n] = fin;
	fs->tmp[fs->n++] = tmp;
	*out = fp;
	return 0;
}

/* Closes fp (opened by md_open); 0 or LC_EIO naming path. */
static int md_close(FILE *fp, const char *path, struct lc_error *err)
{
	int bad = ferror(fp);

	if (fclose(fp) != 0 || bad)
		return lc_error_set(err, LC_EIO, path, 0, NULL,
				    "write error on '%s'", path);
	return 0;
}

/* On success renames every temporary into place (the charts first, the
 * .md, opened first, last), once no final name is a folder in the way
 * (the one way a rename in the same folder fails that can be seen
 * beforehand: a rename failing half-way would leave new charts beside an
 * old .md); on failure, or for the temporaries left when a rename
 * fails, removes them. Frees the list. */
static int md_finish(struct mdfiles *fs, int rc, struct lc_error *err)
{
	for (size_t i = 0; i < fs->n && rc == 0; i++) {
		struct stat st;

		if (stat(fs->final[i], &st) == 0 && S_ISDIR(st.st_mode))
			rc = lc_error_set(err, LC_EIO, fs->final[i], 0, NULL,
					  "cannot write '%s': a folder is in "
					  "the way", fs->final[i]);
	}
	for (size_t k = 1; k <= fs->n && rc == 0; k++) {
		size_t i = k % fs->n;   /* 1, 2, ..., n - 1, then 0 */

		if (rename(fs->tmp[i], fs->final[i]) != 0) {
			rc = lc_error_set(err, LC_EIO, fs->final[i], 0, NULL,
					  "cannot write '%s'", fs->final[i]);
		} else {
			free(fs->tmp[i]);
			fs->tmp[i] = NULL;
		}
	}
	for (size_t i = 0; i < fs->n; i++) {
		if (fs->tmp[i])
			remove(fs->tmp[i]);
		free(fs->tmp[i]);
		free(fs->final[i]);
	}
	free(fs->tmp);
	free(fs->final);
	return rc;
}

/* Writes the figure's SVG into a temporary for path; 0 or negative. */
static int write_svg(struct mdfiles *fs, const char *path, const char *svg,
		     struct lc_error *err)
{
	FILE *fp;
	int rc = md_open(fs, path, &fp, err);

	if (rc < 0)
		return rc;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	fputs(svg, fp);
	return md_close(fp, path, err);
}

int lc_doc_write_md(const struct lc_doc *d, const char *path,
		    struct lc_error *err)
{
	int en = exp_is_en(d->lang), fig = 0, rc = 0;
	size_t plen = strlen(path), stemlen;
	const char *base = strrchr(path, '/');
	struct mdfiles fs = { NULL, NULL, 0, 0 };
	char *svgpath;
	FILE *fp;

	if (d->broken)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory building the document");
	base = base ? base + 1 : path;
	stemlen = plen >= 3 && strcmp(path + plen - 3, ".md") == 0 ?
		  plen - 3 : plen;
	svgpath = malloc(plen + 32);
	if (!svgpath)
		return lc_error_set(err, LC_ENOMEM, NULL, 0, NULL,
				    "out of memory");
	rc = md_open(&fs, path, &fp, err);
	if (rc < 0) {
		free(svgpath);
		return md_finish(&fs, rc, err);
	}
	fputs("# ", fp);
	lc_md_text(fp, d->title ? d->title : "");
	fputs("\n\n", fp);
	if (d->subtitle) {
		fputs("**", fp);
		lc_md_text(fp, d->subtitle);
		fputs("**\n\n", fp);
	}
	for (size_t i = 0; i < d->nlines; i++) {
		lc_md_text(fp, d->lines[i]);
		fputs(i + 1 < d->nlines ? "  \n" : "\n\n", fp);
	}
	for (size_t i = 0; i < d->n && rc == 0; i++) {
		const struct doc_block *b = doc_blk(d, i);
		int next_item = i + 1 < d->n &&
				doc_blk(d, i + 1)->kind == BLK_ITEM;

		switch (b->kind) {
		case BLK_SECTION:
			fprintf(fp, "%.*s ", b->level + 1, "####");
			lc_md_text(fp, b->text);
			fputs("\n\n", fp);
			break;
		case BLK_PARA:
			lc_md_text(fp, b->text);
			fputs("\n\n", fp);
			break;
		case BLK_TOC:
			fputs("## ", fp);
			lc_md_text(fp, b->text);
			fputs("\n\n", fp);
			for (size_t k = i + 1; k < d->n; k++)
				if (doc_blk(d, k)->kind == BLK_SECTION &&
				    doc_blk(d, k)->level <= 2) {
					fputs(doc_blk(d, k)->level == 2 ?
					      "  - " : "- ", fp);
					lc_md_text(fp, doc_blk(d, k)->text);
					fputs("\n", fp);
				}
			fputs("\n", fp);
			break;
		case BLK_ITEM:
			fputs("- ", fp);
			lc_md_text(fp, b->text);
			fputs(next_item ? "\n" : "\n\n", fp);
			break;
		case BLK_TABLE:
			if (*b->text) {
				fputs("**", fp);
				lc_md_text(fp, b->text);
				fputs("**\n", fp);
			}
			md_table(fp, &b->tab);
			break;
		case BLK_FIGURE:
			fig++;
			snprintf(svgpath, plen + 32, "%.*s-fig-%d.svg",
				 (int)stemlen, path, fig);
			rc = write_svg(&fs, svgpath, b->svg, err);
			fprintf(fp, en ? "**Figure %d.** " : "**图%d** ", fig);
			lc_md_text(fp, b->text);
			fputs("\n\n![", fp);
			lc_md_text(fp, b->text);
			/* The link is our own file name: the stem of the
			 * output path, percent-free by construction only when
			 * the user chose so, hence <...> around it. */
			fprintf(fp, "](<%.*s-fig-%d.svg>)\n\n",
				(int)(stemlen - (size_t)(base - path)), base,
				fig);
			fputs("*", fp);
			lc_md_text(fp, b->desc);
			fputs("*\n", fp);
			md_table(fp, &b->tab);
			break;
		}
	}
	free(svgpath);
	if (md_close(fp, path, err) < 0 && rc == 0)
		rc = LC_EIO;
	return md_finish(&fs, rc, err);
}
