/* pdedupe-near.c: near-duplicate texts by MinHash sketches and LSH bands */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "paperpipe.h"
#include "pdedupe.h"

/*
 * A text's shingles are its overlapping word pairs.  One hash per shingle
 * feeds a one-permutation MinHash sketch of K bins (the bin from the top
 * bits, the minimum of the low 16 bits kept), so a record costs one pass
 * over its words.  Bins left empty by short texts borrow from the next
 * full one.  The share of equal bins of two sketches estimates the Jaccard
 * similarity of their shingle sets.  Sketches are cut into B bands of R
 * bins; records sharing a band are candidates, and only candidates are
 * compared.  A sketch and its band entries are kept for every record
 * passed: about 1 KB each.
 */
#define KBITS	7
#define K	(1 << KBITS)
#define R	4
#define B	(K / R)
#define CHAIN	8		/* kept records per band value, at most */

struct kept {
	uint16_t	 sig[K];
	uint64_t	 aid, did;
};

static double thresh;
static struct kept *kept;
static size_t nkept, capkept;
static uint32_t *band;		/* (band hash, kept index + 1) pairs */
static size_t bcap, bn;
static uint64_t *words;
static size_t wcap;

void
near_init(double t)
{
	thresh = t;
	bcap = 1024;
	band = ecalloc(bcap * 2, sizeof(*band));
}

static inline uint64_t
mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static void
band_grow(void)
{
	uint32_t *old = band;
	size_t oldcap = bcap, i, j;

	bcap *= 2;
	band = ecalloc(bcap * 2, sizeof(*band));
	for (i = 0; i < oldcap; i++) {
		if (old[2 * i + 1] == 0)
			continue;
		for (j = old[2 * i] & (bcap - 1); band[2 * j + 1] != 0;
		    j = (j + 1) & (bcap - 1))
			;
		band[2 * j] = old[2 * i];
		band[2 * j + 1] = old[2 * i + 1];
	}
	free(old);
}

static void
sketch(const char *p, size_t n, uint16_t *sig)
{
	const char *e = p + n, *w;
	uint32_t min[K];
	size_t nw = 0, i, j;
	uint64_t s, h;

	/*
	 * Words are separated by single spaces: hash them in one pass, a
	 * rotate and xor per byte (exact up to nine ASCII letters), mixed
	 * once per word.
	 */
	while (p < e) {
		for (w = p, h = 0; p < e && *p != ' '; p++)
			h = (h << 7 | h >> 57) ^ (unsigned char)*p;
		h = mix(h + (uint64_t)(p - w) * 0x9e3779b97f4a7c15ULL);
		p++;
		if (nw == wcap) {
			wcap = wcap ? wcap * 2 : 512;
			words = erealloc(words, wcap * sizeof(*words));
		}
		words[nw++] = h;
	}
	for (i = 0; i < K; i++)
		min[i] = UINT32_MAX;
	for (i = 0; i + 1 < nw || i == 0; i++) {
		s = nw > 1 ? mix(words[i] ^ (words[i + 1] << 29 |
		    words[i + 1] >> 35) * 0x9e3779b97f4a7c15ULL) : mix(words[0]);
		j = s >> (64 - KBITS);
		if ((uint32_t)(s & 0xffff) < min[j])
			min[j] = (uint32_t)(s & 0xffff);
	}
	for (i = 0; i < K; i++) {
		for (j = 0; j < K && min[(i + j) % K] == UINT32_MAX; j++)
			;
		sig[i] = (uint16_t)(mix(min[(i + j) % K] + j * 0x9e3779b9ULL));
		if (j == 0)
			sig[i] = (uint16_t)min[i];
	}
}

static int
similar(const uint16_t *a, const uint16_t *b)
{
	int i, eq = 0;

	for (i = 0; i < K; i++)
		eq += a[i] == b[i];
	return eq >= thresh * K - 1e-9;
}

/*
 * Is the normalised text [p, p+n) a near-duplicate of a text passed
 * before?  If not, remember it.  Records whose arXiv ids (aid) or DOIs
 * (did) differ are never near-duplicates; *refused says one was found.
 */
int
near_check(const char *p, size_t n, uint64_t aid, uint64_t did, int *refused)
{
	uint16_t sig[K];
	uint32_t bh[B], idx;
	struct kept *k;
	size_t b, j, chain;

	if (n == 0)
		return 0;
	sketch(p, n, sig);
	/* The band slots are scattered: ask for all of them at once. */
	for (b = 0; b < B; b++) {
		bh[b] = (uint32_t)XXH3_64bits_withSeed(sig + b * R,
		    R * sizeof(*sig), b);
		__builtin_prefetch(&band[2 * (bh[b] & (bcap - 1))]);
	}
	for (b = 0; b < B; b++) {
		for (j = bh[b] & (bcap - 1); (idx = band[2 * j + 1]) != 0;
		    j = (j + 1) & (bcap - 1)) {
			if (band[2 * j] != bh[b])
				continue;
			k = &kept[idx - 1];
			if (!similar(sig, k->sig))
				continue;
			if ((aid && k->aid && aid != k->aid) ||
			    (did && k->did && did != k->did)) {
				*refused = 1;
				continue;
			}
			return 1;
		}
	}
	if (nkept == capkept) {
		capkept = capkept ? capkept * 2 : 1024;
		kept = erealloc(kept, capkept * sizeof(*kept));
	}
	k = &kept[nkept++];
	memcpy(k->sig, sig, sizeof(sig));
	k->aid = aid;
	k->did = did;
	for (b = 0; b < B; b++) {
		if ((bn + 1) * 2 > bcap)
			band_grow();
		chain = 0;
		for (j = bh[b] & (bcap - 1); band[2 * j + 1] != 0;
		    j = (j + 1) & (bcap - 1))
			if (band[2 * j] == bh[b])
				chain++;
		if (chain >= CHAIN)
			continue;
		band[2 * j] = bh[b];
		band[2 * j + 1] = (uint32_t)nkept;
		bn++;
	}
	return 0;
}
