/* mem.c - large arrays asked to sit in huge pages. A command that reads
 * a matrix of millions of rows and prints it in rank order reaches its
 * rows at random: with 4 KiB pages every such access misses the TLB
 * once the arrays pass a few hundred MB, and the page faults of filling
 * them cost as much as the work. Advice only: where the kernel offers
 * no transparent huge pages nothing changes. */
#include <stdint.h>
#include <sys/mman.h>
#include "catalog/catalog.h"

#define HUGE_PAGE ((size_t)2 << 20)
#define PAGE ((uintptr_t)4096)

void lc_mem_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	/* The whole pages the array touches: advice on a part of the
	 * mapping malloc made for it would split that mapping in three,
	 * and a later realloc could no longer grow it in place (mremap
	 * refuses a range across mappings: the array would be copied). The
	 * kernel puts huge pages where 2 MiB of the range are aligned. */
	uintptr_t a = (uintptr_t)p & ~(PAGE - 1);
	uintptr_t e = ((uintptr_t)p + n + PAGE - 1) & ~(PAGE - 1);

	/* small arrays gain nothing: the advice costs a system call */
	if (!p || n < 4 * HUGE_PAGE)
		return;
	(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}
