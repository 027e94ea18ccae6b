/* pdedupe-tab.c: the key table, fingerprints in open addressing */
#include <stdint.h>
#include <stdlib.h>

#include "paperpipe.h"
#include "pdedupe-tab.h"

/*
 * The key table.  A segment is picked by the fingerprint's top bits and
 * probed linearly from a slot its low word picks; it grows by a quarter
 * when 85% full, so memory stays between 19 and 24 bytes per key (under 48
 * for a paper with an arXiv id and a title) and growing never holds two
 * copies of the whole table.
 */
void
tab_init(struct table *t)
{
	size_t i;

	for (i = 0; i < TAB_NSEG; i++) {
		t->seg[i].cap = 16;
		t->seg[i].n = 0;
		t->seg[i].slot = ecalloc(16, sizeof(struct fp));
	}
}

static inline size_t
slotof(uint64_t lo, size_t cap)
{
	return (size_t)(((unsigned __int128)lo * cap) >> 64);
}

static void
seg_resize(struct seg *s, size_t cap)
{
	struct fp *old = s->slot, *o;
	size_t oldcap = s->cap, j;

	s->cap = cap;
	s->slot = ecalloc(s->cap, sizeof(struct fp));
	for (o = old; o < old + oldcap; o++) {
		if (fp_empty(o))
			continue;
		for (j = slotof(o->lo, s->cap); !fp_empty(&s->slot[j]); )
			if (++j == s->cap)
				j = 0;
		s->slot[j] = *o;
	}
	free(old);
}

/*
 * Make room for n keys at once.  The state file lists keys in table order,
 * sorted by slot: inserted so into a small table that grows, they would
 * pile up in one cluster and make loading quadratic.
 */
void
tab_reserve(struct table *t, size_t n)
{
	struct seg *s;
	size_t i, want = n / TAB_NSEG + n / TAB_NSEG * 3 / 10 + 64;

	for (i = 0; i < TAB_NSEG; i++) {
		s = &t->seg[i];
		if (s->cap < want)
			seg_resize(s, want);
	}
}

/* The slot holding f; a new one (*isnew set) if f was not there. */
struct fp *
tab_get(struct table *t, struct fp f, int *isnew)
{
	struct seg *s = &t->seg[f.hi >> (64 - TAB_SEGBITS)];
	struct fp *p;
	size_t j;

	for (j = slotof(f.lo, s->cap);; ) {
		p = &s->slot[j];
		if (fp_empty(p))
			break;
		if (p->lo == f.lo && ((p->hi ^ f.hi) & ~FP_FLAGS) == 0) {
			*isnew = 0;
			return p;
		}
		if (++j == s->cap)
			j = 0;
	}
	if ((s->n + 1) * 20 > s->cap * 17) {
		seg_resize(s, s->cap + s->cap / 4);
		for (j = slotof(f.lo, s->cap); !fp_empty(&s->slot[j]); )
			if (++j == s->cap)
				j = 0;
		p = &s->slot[j];
	}
	*p = f;
	s->n++;
	*isnew = 1;
	return p;
}

void
tab_free(struct table *t)
{
	size_t i;

	for (i = 0; i < TAB_NSEG; i++)
		free(t->seg[i].slot);
}

/* The slot holding f, or NULL. */
struct fp *
tab_find(const struct table *t, struct fp f)
{
	const struct seg *s = &t->seg[f.hi >> (64 - TAB_SEGBITS)];
	struct fp *p;
	size_t j;

	for (j = slotof(f.lo, s->cap);; ) {
		p = &s->slot[j];
		if (fp_empty(p))
			return NULL;
		if (p->lo == f.lo && ((p->hi ^ f.hi) & ~FP_FLAGS) == 0)
			return p;
		if (++j == s->cap)
			j = 0;
	}
}
