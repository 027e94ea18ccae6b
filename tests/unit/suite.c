/*
 * suite.c: the JSON scanner against JSONTestSuite (every y_ accepted,
 * every n_ rejected, i_ results pinned in tests/unit/i_results.txt) and
 * against jansson on every record of the shared corpus.  Both need
 * $SHARED and are skipped without it.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "paperpipe.h"
#include "unit.h"

static char *
slurp(const char *path, size_t *n)
{
	struct buf b = { 0 };
	char tmp[65536];
	size_t r;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	while ((r = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		buf_add(&b, tmp, r);
	fclose(fp);
	*n = b.len;
	buf_addc(&b, '\0');
	return b.p;
}

static int
bynames(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
unit_suite(void)
{
	const char *shared = getenv("SHARED");
	char path[4096], *text, *pinned, **names = NULL, want[300];
	size_t n, nnames = 0, i, ny = 0, nn = 0, yok = 0, nok = 0, ni = 0;
	struct dirent *de;
	struct jerr err;
	struct buf got = { 0 };
	DIR *d;
	int acc;

	if (shared == NULL || *shared == '\0') {
		printf("ok - JSONTestSuite # skip no ../shared\n");
		return;
	}
	snprintf(path, sizeof(path), "%s/testdata/JSONTestSuite/test_parsing",
	    shared);
	if ((d = opendir(path)) == NULL) {
		check(0, "JSONTestSuite: open test_parsing");
		return;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = erealloc(names, (nnames + 1) * sizeof(*names));
		names[nnames++] = estrdup(de->d_name);
	}
	closedir(d);
	qsort(names, nnames, sizeof(*names), bynames);
	for (i = 0; i < nnames; i++) {
		snprintf(path, sizeof(path),
		    "%s/testdata/JSONTestSuite/test_parsing/%s", shared,
		    names[i]);
		if ((text = slurp(path, &n)) == NULL) {
			check(0, names[i]);
			continue;
		}
		acc = json_scan(text, n, NULL, &err) == 0;
		free(text);
		switch (names[i][0]) {
		case 'y':
			ny++;
			if (acc)
				yok++;
			else
				printf("# rejected %s\n", names[i]);
			break;
		case 'n':
			nn++;
			if (!acc)
				nok++;
			else
				printf("# accepted %s\n", names[i]);
			break;
		default:
			ni++;
			snprintf(want, sizeof(want), "%s %s\n", names[i],
			    acc ? "accept" : "reject");
			buf_adds(&got, want);
			break;
		}
		free(names[i]);
	}
	free(names);
	snprintf(want, sizeof(want), "JSONTestSuite: all %zu y_ files accepted",
	    ny);
	check(ny > 90 && yok == ny, want);
	snprintf(want, sizeof(want), "JSONTestSuite: all %zu n_ files rejected",
	    nn);
	check(nn > 180 && nok == nn, want);
	buf_addc(&got, '\0');
	pinned = slurp("tests/unit/i_results.txt", &n);
	check(pinned != NULL && ni > 30 && strcmp(pinned, got.p) == 0,
	    "JSONTestSuite: i_ results as pinned in tests/unit/i_results.txt");
	if (pinned == NULL || strcmp(pinned, got.p) != 0)
		printf("# i_ results now:\n%s", got.p);
	free(pinned);
	buf_free(&got);
}

/* Decoded string field key of an indexed record equals jansson's? */
static int
same_str(const struct rec *r, json_t *root, const char *key, struct buf *b)
{
	json_t *v = json_object_get(root, key);
	int st;

	b->len = 0;
	st = rec_str(r, key, b);
	if (v == NULL || !json_is_string(v))
		return st != 1;
	return st == 1 && b->len == json_string_length(v) &&
	    memcmp(b->p, json_string_value(v), b->len) == 0;
}

void
unit_oracle(void)
{
	const char *shared = getenv("SHARED");
	char path[4096], msg[200], *line;
	unsigned long long nrec = 0, bad = 0;
	struct rec r = { 0 };
	struct lines l;
	struct buf b = { 0 };
	struct jerr err;
	json_error_t jerr;
	json_t *root;
	long long n;
	int ours;

	if (shared == NULL || *shared == '\0') {
		printf("ok - oracle: corpus vs jansson # skip no ../shared\n");
		return;
	}
	snprintf(path, sizeof(path), "%s/corpus/papers.jsonl", shared);
	if (lines_open(&l, path) == -1) {
		check(0, "oracle: open papers.jsonl");
		return;
	}
	while ((n = lines_next(&l, &line)) >= 0) {
		nrec++;
		r.line = line;
		r.len = n;
		ours = json_scan(line, n, &r.ix, &err) == 0 && r.ix.isobj;
		root = json_loadb(line, n, 0, &jerr);
		if (ours != (root != NULL && json_is_object(root)) ||
		    (root != NULL && (!same_str(&r, root, "title", &b) ||
		    !same_str(&r, root, "abstract", &b)))) {
			if (bad++ < 5)
				printf("# differs from jansson at line %llu\n",
				    nrec);
		}
		json_decref(root);
	}
	lines_close(&l);
	snprintf(msg, sizeof(msg), "oracle: %llu corpus records decoded as "
	    "jansson does (verdict, title, abstract)", nrec);
	check(nrec == 16610 && bad == 0, msg);
	free(r.ix.m);
	buf_free(&b);
}
