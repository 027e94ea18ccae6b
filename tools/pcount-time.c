/* pcount-time.c: time buckets of ISO 8601 dates (-f FIELD:month) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paperpipe.h"
#include "pcount.h"

const char *buckets[] = { "day", "week", "month", "quarter", "year", NULL };

/* The last ':' of s that no backslash makes literal, or NULL. */
static const char *
lastcolon(const char *s)
{
	const char *colon = NULL;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == ':')
			colon = s;
	}
	return colon;
}

/* The bucket called name, or BNONE. */
static int
named(const char *name)
{
	int i;

	for (i = 0; buckets[i] != NULL; i++)
		if (strcmp(name, buckets[i]) == 0)
			return BDAY + i;
	return BNONE;
}

/*
 * Split a -f argument at its last ':' not made literal by a backslash:
 * return the bucket named after it (BNONE when there is no such ':') and
 * cut s there.  A name after the ':' that is no bucket is a usage error.
 */
int
bucket_split(char *s)
{
	const char *colon = lastcolon(s);
	int b;

	if (colon == NULL)
		return BNONE;
	if ((b = named(colon + 1)) == BNONE)
		die(EXIT_USAGE, "-f %s: unknown time bucket \"%s\"; buckets are "
		    "day, week, month, quarter, year (write \\: for a ':' in a "
		    "name)", s, colon + 1);
	s[colon - s] = '\0';
	return b;
}

/* The bucket a column name (a -f argument, or a merged "fields" name) ends in. */
int
bucket_of_name(const char *name)
{
	const char *colon = lastcolon(name);

	return colon != NULL ? named(colon + 1) : BNONE;
}

static int
num(const char *s, size_t n, int *v)
{
	size_t i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

static void
put4(char *o, int v)
{
	o[0] = (char)('0' + v / 1000);
	o[1] = (char)('0' + v / 100 % 10);
	o[2] = (char)('0' + v / 10 % 10);
	o[3] = (char)('0' + v % 10);
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's way). */
static long
days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The ISO week (1..53) of a date, and the year it belongs to. */
static void
isoweek(int y, int m, int d, int *wy, int *wk)
{
	long n = days(y, m, d);
	int wd = (int)(((n % 7) + 7 + 3) % 7) + 1;	/* Monday 1 .. Sunday 7 */
	long thu = n - wd + 4;			/* the Thursday of its week */
	long jan1;
	int ty = y;

	if (thu < days(y, 1, 1))
		ty = y - 1;
	else if (thu >= days(y + 1, 1, 1))
		ty = y + 1;
	jan1 = days(ty, 1, 1);
	*wy = ty;
	*wk = (int)((thu - jan1) / 7) + 1;
}

/*
 * The bucket b of the date at the start of s[0..n): YYYY-MM-DD, alone or
 * followed by a time (T or a space, then anything).  Writes the bucket's
 * text to out (at least 16 bytes) and returns its length, or 0 when s
 * is no ISO 8601 date.
 */
size_t
bucket_text(int b, const char *s, size_t n, char *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y, m, d, wy, wk;

	if (n < 10 || s[4] != '-' || s[7] != '-' || !num(s, 4, &y) ||
	    !num(s + 5, 2, &m) || !num(s + 8, 2, &d))
		return 0;
	if (n > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ')
		return 0;
	if (m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1] + (m == 2 && leap(y)))
		return 0;
	/* by hand: snprintf would cost more than the rest of the count */
	if (b == BWEEK) {
		isoweek(y, m, d, &wy, &wk);
		if (wy > 9999)
			return 0;	/* 9999-12-31 is in week 1 of 10000 */
		put4(out, wy);
		out[4] = '-';
		out[5] = 'W';
		out[6] = (char)('0' + wk / 10);
		out[7] = (char)('0' + wk % 10);
		return 8;
	}
	memcpy(out, s, 10);
	switch (b) {
	case BDAY:
		return 10;
	case BMONTH:
		return 7;
	case BQUARTER:
		out[5] = 'Q';
		out[6] = (char)('0' + (m + 2) / 3);
		return 7;
	default:
		return 4;
	}
}
