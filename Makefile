# Ouro's build. `make` builds ./ouro (MODE=release, static when it can be); MODE=debug|asan|
# ubsan|gcstress|switch|shared (release flags, dynamic) build into build/$(MODE)/. Generated C
# (re2c, Bison) goes to build/gen/, never committed.
MODE ?= release
CC ?= cc
BUILD := build/$(MODE)
GEN := build/gen

WARN := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
# -Wshadow=local is GCC's; clang does not know it, so it is added only when the compiler does.
WARN += $(shell $(CC) -Wshadow=local -Werror -E -x c /dev/null >/dev/null 2>&1 && echo -Wshadow=local)
BASECFLAGS := -std=gnu11 $(WARN) -Iinclude -Ivm -Iparser -Ilexer -Igc -Idemo -I$(GEN) -MMD -MP
EDIT_CFLAGS := $(shell pkg-config --cflags libedit 2>/dev/null)
EDIT_LIBS := $(shell pkg-config --libs libedit 2>/dev/null || echo -ledit)

# Under ASan, a huge allocation (`[0] * 10**12`) must come back as NULL, so that Ouro raises
# MemoryError as in a normal build, instead of ASan aborting the process.
ifneq ($(filter asan,$(MODE)),)
  export ASAN_OPTIONS ?= allocator_may_return_null=1:detect_leaks=1
endif

ifeq ($(MODE),release)
  OPT := -O2 -g
  # The release binary is linked statically when the static libraries are installed (libedit-dev
  # brings them): loading libedit and its three libraries dynamically doubled the start-up time
  # (`ouro -c pass` 4.0-5.7 ms -> 2.4-3.0 ms CPU). STATIC=0, or a failed static link, gives the
  # dynamic binary. Valgrind cannot see malloc in a static binary: it runs MODE=shared.
  STATIC ?= 1
  # Profile-guided optimisation (gcc only; PGO=0 skips it, e.g. while editing the VM, since every
  # source change retrains): an instrumented build in build/pgogen/ runs the test suite
  # (tools/pgo-train.sh), and the release objects are compiled with the profile it wrote. It
  # bought 13-28% CPU on fib, binarytrees, nbody, exceptions and methods (bench/README.md).
  PGO ?= $(shell $(CC) -v 2>&1 | grep -q '^gcc version' && echo 1 || echo 0)
else ifeq ($(MODE),shared)
  OPT := -O2 -g
else ifeq ($(MODE),debug)
  OPT := -O0 -g3 -DOU_DEBUG=1
else ifeq ($(MODE),asan)
  OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  LDOPT := -fsanitize=address,undefined
else ifeq ($(MODE),ubsan)
  OPT := -O1 -g -fsanitize=undefined -fno-sanitize-recover=undefined
  LDOPT := -fsanitize=undefined
else ifeq ($(MODE),gcstress)
  OPT := -O1 -g -DOU_GC_STRESS=1
else ifeq ($(MODE),switch)
  OPT := -O2 -g -DOU_COMPUTED_GOTO=0
else
  $(error unknown MODE $(MODE))
endif

# Objects compiled with and without the profile must not mix (make does not track flags).
ifeq ($(MODE)$(PGO),release0)
  BUILD := build/release-nopgo
endif

CFLAGS ?=
CFLAGS_ALL := $(BASECFLAGS) $(OPT) $(EDIT_CFLAGS) $(CFLAGS)
LIBS := -lm $(EDIT_LIBS)

SRCS := $(wildcard lexer/*.c parser/*.c vm/*.c gc/*.c stdlib/*.c demo/*.c)
GENSRCS := $(GEN)/lexer.c $(GEN)/grammar.tab.c
OBJS := $(patsubst %.c,$(BUILD)/%.o,$(SRCS)) $(patsubst $(GEN)/%.c,$(BUILD)/gen/%.o,$(GENSRCS))

ifeq ($(MODE),release)
  TARGET := ouro
else
  TARGET := $(BUILD)/ouro
endif

.PHONY: all deps test expected bench demo clean
# deps runs first and alone: the compile flags (pkg-config's libedit flags) are computed when
# make reads this file, so the real build is a second make started after deps has installed.
all: deps
	@$(MAKE) --no-print-directory $(TARGET)

deps:
	@sh tools/deps.sh

STATIC_LIBS := -lm -ledit -ltinfo -lbsd -lmd
ifeq ($(MODE)$(PGO),release1)
# The instrumented twin of every release object, its binary, and the training run. Each twin
# takes its release object's name as its dump base (-dumpbase), so the training writes
# build/release/X.gcda, which is where gcc looks when it compiles build/release/X.o, and the
# profile's function ids (hashed from that name for static functions) match.
PGO_GEN := build/pgogen
PGO_STAMP := $(PGO_GEN)/profile.stamp
PGO_OBJS := $(patsubst $(BUILD)/%,$(PGO_GEN)/%,$(OBJS))
PGO_GENFLAGS = -fprofile-generate -fprofile-update=single \
    -dumpbase $(patsubst $(PGO_GEN)/%,$(BUILD)/%,$@) -dumpbase-ext .o
CFLAGS_ALL += -fprofile-use -fprofile-partial-training -Wno-missing-profile

$(PGO_GEN)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $< (instrumented)"
	@$(CC) $(BASECFLAGS) $(OPT) $(EDIT_CFLAGS) $(CFLAGS) $(PGO_GENFLAGS) -c -o $@ $<

$(PGO_GEN)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC    $< (instrumented)"
	@$(CC) $(BASECFLAGS) $(OPT) $(EDIT_CFLAGS) $(CFLAGS) $(PGO_GENFLAGS) -Wno-unused-function -Wno-sign-compare -c -o $@ $<

$(PGO_GEN)/ouro: $(PGO_OBJS)
	@echo "  LINK  $@"
	@$(CC) $(OPT) -fprofile-generate -o $@ $(PGO_OBJS) $(LIBS)

$(PGO_STAMP): $(PGO_GEN)/ouro tools/pgo-train.sh
	@echo "  TRAIN $(PGO_GEN)/ouro (tools/pgo-train.sh)"
	@find $(BUILD) -name '*.gcda' -delete 2>/dev/null; true
	@sh tools/pgo-train.sh $(PGO_GEN)/ouro
	@touch $@

$(OBJS): $(PGO_STAMP)
-include $(PGO_OBJS:.o=.d)
endif

$(TARGET): $(OBJS)
	@echo "  LINK  $@"
	@if [ "$(STATIC)" = 1 ] && $(CC) $(OPT) -static -o $@ $(OBJS) $(STATIC_LIBS) 2>/dev/null; then :; \
	else $(CC) $(OPT) $(LDOPT) -o $@ $(OBJS) $(LIBS); fi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(CC) $(CFLAGS_ALL) -Wno-unused-function -Wno-sign-compare -c -o $@ $<

$(GEN)/lexer.c: lexer/lexer.re
	@mkdir -p $(GEN)
	@echo "  RE2C  $<"
	@re2c -W --utf8 -o $@ $<

$(GEN)/grammar.tab.c $(GEN)/grammar.tab.h: parser/grammar.y
	@mkdir -p $(GEN)
	@echo "  BISON $<"
	@bison -Wall --defines=$(GEN)/grammar.tab.h -o $(GEN)/grammar.tab.c $<

# The demo's scenes (examples/) are compiled into the binary (ouro --demo).
DEMO_SCENES := examples/person_friend.py examples/refcount_walk.py examples/weakref_scene.py
$(GEN)/demo_scenes.h: demo/embed.sh $(DEMO_SCENES)
	@mkdir -p $(GEN)
	@echo "  EMBED $(DEMO_SCENES)"
	@sh demo/embed.sh $(DEMO_SCENES) >$@.tmp && mv $@.tmp $@
$(BUILD)/demo/step.o: $(GEN)/demo_scenes.h

# Objects that include the generated parser header must wait for it.
$(patsubst %.c,$(BUILD)/%.o,$(wildcard lexer/*.c parser/*.c)) $(BUILD)/gen/lexer.o: $(GEN)/grammar.tab.h
ifeq ($(MODE)$(PGO),release1)
$(patsubst %.c,$(PGO_GEN)/%.o,$(wildcard lexer/*.c parser/*.c)) $(PGO_GEN)/gen/lexer.o: $(GEN)/grammar.tab.h
$(PGO_GEN)/demo/step.o: $(GEN)/demo_scenes.h
endif

# Sanitizer and GC-stress builds run several times slower: they get a longer per-test limit.
ifneq ($(filter asan ubsan gcstress debug,$(MODE)),)
  TEST_TIMEOUT ?= 120
else
  TEST_TIMEOUT ?= 10
endif

test: all
	@OURO_TEST_TIMEOUT=$(TEST_TIMEOUT) sh tools/runtests.sh $(TARGET)

# Regenerate the expected outputs of tests/ with CPython (the oracle); commit the result.
expected:
	@sh tools/mkexpected.sh

bench: all
	@sh bench/run.sh $(BENCH)

# The interactive walk-through of reference counting and cycle collection (docs/demo.md);
# piped, it prints everything without pausing.
demo: all
	@./$(TARGET) --demo

# libFuzzer targets (clang, ASan+UBSan) into build/fuzz/: tools/fuzz/, docs/testing.md.
.PHONY: fuzz
fuzz: deps $(GENSRCS)
	@$(MAKE) --no-print-directory -f tools/fuzz/fuzz.mk \
	    FUZZ_SRCS="$(filter-out vm/main.c,$(SRCS))" FUZZ_INC="$(filter -I%,$(BASECFLAGS))"

clean:
	rm -rf build ouro

-include $(OBJS:.o=.d)
