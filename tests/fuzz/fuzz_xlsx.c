/* fuzz_xlsx.c - the .xlsx submission reader (importers/xlsx_*.c) behind
 * lc_import_read, as `lowcarb validate book.xlsx` runs it. A mutated zip
 * mostly fails its checksums before any XML is read, so the input is the
 * workbook's parts and the harness zips them: the bytes are cut at each
 * "\n@@\n" into the first sheet, the shared strings, the workbook and its
 * relationships (a missing part stays out of the zip), stored with libzip
 * into a file the reader opens by its content. */
#include <string.h>
#include <zip.h>
#include "tests/fuzz/fuzz.h"
#include "importers/importers.h"

static const char *const part_name[] = {
	"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
	"xl/workbook.xml", "xl/_rels/workbook.xml.rels"
};
enum { NPART = 4 };

static int each(const struct lc_tech *t, long line, int valid, void *ctx)
{
	(void)t;
	(void)line;
	(void)valid;
	(void)ctx;
	return 0;
}

/* Adds len bytes at p as name (libzip copies them at zip_close). */
static void add(zip_t *z, const char *name, const void *p, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, p, len, 0);

	if (!s)
		abort();
	if (zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(s);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char types[] =
		"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
		"openxmlformats.org/package/2006/content-types\"/>";
	char zpath[64];
	struct lc_error err;
	const uint8_t *p = data, *end = data + size;
	zip_t *z;
	int e;

	fuzz_data();
	snprintf(zpath, sizeof zpath, "/dev/shm/lowcarb-fuzz-%d.xlsx",
		 (int)getpid());
	remove(zpath);
	z = zip_open(zpath, ZIP_CREATE | ZIP_TRUNCATE, &e);
	if (!z)
		abort();
	add(z, "[Content_Types].xml", types, sizeof types - 1);
	for (int i = 0; i < NPART && p <= end; i++) {
		const uint8_t *cut = p;

		while (cut + 4 <= end && memcmp(cut, "\n@@\n", 4) != 0)
			cut++;
		if (cut + 4 > end)
			cut = end;
		if (cut > p)
			add(z, part_name[i], p, (size_t)(cut - p));
		p = cut + 4;
	}
	if (zip_close(z) < 0)
		abort();
	lc_import_read(zpath, NULL, NULL, each, NULL, &err);
	remove(zpath);
	return 0;
}
