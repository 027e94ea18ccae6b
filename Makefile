# paperpipe: small C filters for research-paper listings
# GNU make (pattern rules, second expansion).

VERSION = 0.1.0
PREFIX = /usr/local
MANPREFIX = $(PREFIX)/share/man

CC = cc
CFLAGS = -O2 -g
LDFLAGS =
WARN = -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
CPPFLAGS = -D_GNU_SOURCE -Icommon
PCRE_CFLAGS = `pkg-config --cflags libpcre2-8`
PCRE_LIBS = `pkg-config --libs libpcre2-8`

# Objects and binaries go under $(O); `make check` also builds a sanitizer
# tree under build/san.
O = build

ALLTOOLS = psplit plinks ptag pcount pdedupe pfmt
# The tools whose source is here (every one, once all have landed).
TOOLS = $(filter $(ALLTOOLS),$(basename $(notdir $(wildcard tools/*.c))))
LIBOBJ = buf ident json jval lines out path rec text tool utf8 util
# Shell scripts installed beside the tools (examples/NAME, man/NAME.1).
SCRIPTS = paper-digest
MAN1 = $(TOOLS:=.1) $(SCRIPTS:=.1)
MAN7 = paperpipe.7

# What each tool links beyond the record library.
XML_CFLAGS = `pkg-config --cflags libxml-2.0`
XML_LIBS = `pkg-config --libs libxml-2.0`
LIBS_psplit = -lcsv $(XML_LIBS)
LIBS_plinks = -lpsl -lutf8proc
LIBS_ptag = $(PCRE_LIBS)
LIBS_pcount = -lcsv -lutf8proc -lxxhash
LIBS_pdedupe = -lutf8proc -lxxhash
LIBS_pfmt = -lutf8proc
# Extra objects of a tool (tools/NAME-*.c), listed per tool.
EXTRA_psplit = psplit-detect psplit-util psplit-hf psplit-hfline psplit-arxiv \
	psplit-arxiv-list psplit-csv psplit-hfapi psplit-feed psplit-html
EXTRA_plinks = plinks-extract plinks-url plinks-kind
EXTRA_ptag = ptag-rules ptag-parse ptag-lit ptag-litparse
EXTRA_pcount = pcount-run pcount-cell pcount-out pcount-bars pcount-group pcount-cross \
	pcount-time
EXTRA_pdedupe = pdedupe-key pdedupe-state pdedupe-near pdedupe-tab
EXTRA_pfmt = pfmt-read pfmt-clean pfmt-out pfmt-mail pfmt-twice

# Debian packages: to build and test, and (bench-deps) to compare against.
DEPS = make gcc pkg-config libpcre2-dev libcsv-dev libutf8proc-dev \
	libxxhash-dev libpsl-dev publicsuffix libjansson-dev jq mandoc \
	clang libclang-rt-14-dev parallel bsdextrautils python3 \
	cmark python3-html5lib libxml2-dev curl
BENCH_DEPS = miller ripgrep gawk hyperfine time

# The sanitizer build also maps every file and lets go of each part at
# once (lines.c), and has pfmt mark only its first papers (pfmt-twice.c),
# so that the suite goes through those paths too.
SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined -DLINES_MAPMIN=1 -DLINES_KEEP=1 \
	-DPFMT_MARKS=100

BINS = $(TOOLS:%=$(O)/bin/%)
LIB = $(O)/lib/libpaperpipe.a
UNITS = $(O)/test/unit

all: $(BINS)

$(O)/obj/%.o: common/%.c common/*.h
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/obj/%.o: tools/%.c common/*.h tools/*.h
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(PCRE_CFLAGS) $(XML_CFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIBOBJ:%=$(O)/obj/%.o)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $(LIBOBJ:%=$(O)/obj/%.o)

$(O)/obj/plinks.o $(O)/obj/plinks-extract.o: tools/plinks.h
$(O)/obj/ptag.o $(O)/obj/ptag-parse.o $(O)/obj/ptag-lit.o \
		$(O)/obj/ptag-litparse.o: tools/ptag.h

# Keep the objects of the tools' parts, which make would delete as
# intermediate files, so that a rebuild compiles only what changed.
.SECONDARY:
.SECONDEXPANSION:
$(O)/bin/%: $(O)/obj/%.o $$(addprefix $(O)/obj/,$$(addsuffix .o,$$(EXTRA_$$*))) \
		$(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< \
		$(addprefix $(O)/obj/,$(addsuffix .o,$(EXTRA_$*))) \
		$(LIB) $(LIBS_$*)

$(O)/test/unit: tests/unit/*.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/unit/*.c \
		$(LIB) -ljansson

$(O)/test/fuzz-%: tests/fuzz/%.c $(LIB)
	@mkdir -p $(@D)
	clang $(CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined \
		-o $@ $< $(EXTRA_FUZZ_$*) common/*.c $(FUZZLIBS_$*)
FUZZLIBS_json = -ljansson
# psplit's target links its readers (tools/psplit-*.c), not its main.
EXTRA_FUZZ_psplit = -Itools $(XML_CFLAGS) $(EXTRA_psplit:%=tools/%.c)
FUZZLIBS_psplit = $(LIBS_psplit)
$(O)/test/fuzz-psplit: $(EXTRA_psplit:%=tools/%.c) $(wildcard tools/psplit*.h)
# One target per network reader: the same harness, held to those formats.
$(O)/test/fuzz-psplit-hfapi $(O)/test/fuzz-psplit-feed: tests/fuzz/psplit.c \
		$(EXTRA_psplit:%=tools/%.c) $(wildcard tools/psplit*.h) $(LIB)
	@mkdir -p $(@D)
	clang $(CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined \
		-DREADERS='"$(READERS_$(@F))"' -o $@ tests/fuzz/psplit.c \
		$(EXTRA_FUZZ_psplit) common/*.c $(FUZZLIBS_psplit)
READERS_fuzz-psplit-hfapi = hf-api
READERS_fuzz-psplit-feed = arxiv-atom,arxiv-rss,hf-html,arxiv-html
EXTRA_FUZZ_plinks = -Itools $(EXTRA_plinks:%=tools/%.c)
FUZZLIBS_plinks = -lpsl -lutf8proc
$(O)/test/fuzz-plinks: $(EXTRA_plinks:%=tools/%.c) tools/plinks.h tools/plinks-url.h
FUZZLIBS_jval = -ljansson
FUZZLIBS_path = -ljansson
EXTRA_FUZZ_ptag = -Itools $(EXTRA_ptag:%=tools/%.c)
FUZZLIBS_ptag = $(LIBS_ptag)
$(O)/test/fuzz-ptag: $(EXTRA_ptag:%=tools/%.c) tools/ptag.h
# pcount's target links its run and renderers (tools/pcount-*.c), not its main.
EXTRA_FUZZ_pcount = -Itools $(EXTRA_pcount:%=tools/%.c)
FUZZLIBS_pcount = $(LIBS_pcount)
$(O)/test/fuzz-pcount: $(EXTRA_pcount:%=tools/%.c) tools/pcount.h
EXTRA_FUZZ_pdedupe = -Itools $(EXTRA_pdedupe:%=tools/%.c)
FUZZLIBS_pdedupe = $(LIBS_pdedupe)
$(O)/test/fuzz-pdedupe: $(EXTRA_pdedupe:%=tools/%.c) tools/pdedupe.h \
		tools/pdedupe-tab.h
FUZZTIME = 60
FUZZERS = $(O)/test/fuzz-json $(O)/test/fuzz-jval $(O)/test/fuzz-psplit \
    $(O)/test/fuzz-psplit-hfapi $(O)/test/fuzz-psplit-feed \
    $(O)/test/fuzz-plinks $(O)/test/fuzz-ptag $(O)/test/fuzz-path \
    $(O)/test/fuzz-ident $(O)/test/fuzz-pcount $(O)/test/fuzz-pdedupe
# make check's short run of each fuzz target, two at a time
SMOKETIME = 6

test: all $(UNITS)
	sh tests/run.sh $(O)

check: lint
	$(MAKE) all $(UNITS)
	if command -v clang >/dev/null 2>&1; then $(MAKE) $(FUZZERS); fi
	$(MAKE) O=build/san CFLAGS="$(SAN)" LDFLAGS="$(SAN)" all build/san/test/unit
	sh tests/check.sh $(O) build/san $(SMOKETIME)

lint:
	mandoc -T lint -W warning man/*.[17]

# Short runs of every fuzz target on its seeds; skipped without clang.
fuzz-smoke:
	@if command -v clang >/dev/null 2>&1; then \
		$(MAKE) FUZZTIME=$(SMOKETIME) fuzz; \
	else echo "fuzz-smoke: skipped, no clang"; fi

fuzz: $(FUZZERS)
	sh tests/fuzz/run.sh $(O)/test $(FUZZTIME)

bench: all
	sh bench/run.sh $(O)/bin

demo: all
	sh examples/demo.sh $(O)/bin

# Install the Debian packages that are missing, and nothing when none is.
deps:
	@$(MAKE) -s PKGS="$(DEPS)" apt-install

bench-deps:
	@$(MAKE) -s PKGS="$(BENCH_DEPS)" apt-install

apt-install:
	@missing=; for p in $(PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all installed"; exit 0; fi; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	echo "deps: installing$$missing"; \
	$$sudo apt-get update -qq && \
	$$sudo env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANPREFIX)/man1 \
		$(DESTDIR)$(MANPREFIX)/man7
	cp -f $(BINS) $(DESTDIR)$(PREFIX)/bin/
	for s in $(SCRIPTS); do \
		cp -f examples/$$s $(DESTDIR)$(PREFIX)/bin/$$s && \
		chmod 755 $(DESTDIR)$(PREFIX)/bin/$$s || exit 1; \
	done
	cd man && cp -f $(MAN1) $(DESTDIR)$(MANPREFIX)/man1/
	cd man && cp -f $(MAN7) $(DESTDIR)$(MANPREFIX)/man7/

uninstall:
	cd $(DESTDIR)$(PREFIX)/bin && rm -f $(TOOLS) $(SCRIPTS)
	cd $(DESTDIR)$(MANPREFIX)/man1 && rm -f $(MAN1)
	cd $(DESTDIR)$(MANPREFIX)/man7 && rm -f $(MAN7)

# The committed tree, as paperpipe-VERSION.tar.gz.
dist:
	git archive --prefix=paperpipe-$(VERSION)/ -o paperpipe-$(VERSION).tar.gz HEAD

clean:
	rm -rf build paperpipe-$(VERSION).tar.gz

.PHONY: all test check lint fuzz fuzz-smoke bench demo deps bench-deps apt-install \
	install uninstall dist clean
