# fuzz.mk: builds Ouro's libFuzzer targets with clang into build/fuzz/ (run by `make fuzz`).
# The main Makefile passes FUZZ_SRCS (its sources without vm/main.c: libFuzzer brings main)
# and FUZZ_INC (its -I flags); they are compiled with -fsanitize=fuzzer-no-link,address,undefined.
# The generated lexer and parser come from the main Makefile's build/gen/ rules, run first.
FUZZ_CC ?= clang
FUZZ_BUILD := build/fuzz
GEN := build/gen
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS := -std=gnu11 -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN) \
    -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
    $(FUZZ_INC) -MMD -MP \
    $(shell pkg-config --cflags libedit 2>/dev/null)
FUZZ_LIBS := -lm $(shell pkg-config --libs libedit 2>/dev/null || echo -ledit)

FUZZ_SRCS ?= $(filter-out vm/main.c,$(wildcard lexer/*.c parser/*.c vm/*.c gc/*.c stdlib/*.c))
FUZZ_INC ?= -Iinclude -Ivm -Iparser -Ilexer -Igc -I$(GEN)
FUZZ_OBJS := $(patsubst %.c,$(FUZZ_BUILD)/%.o,$(FUZZ_SRCS)) \
    $(FUZZ_BUILD)/gen/lexer.o $(FUZZ_BUILD)/gen/grammar.tab.o
FUZZ_TARGETS := $(FUZZ_BUILD)/fuzz_compile $(FUZZ_BUILD)/fuzz_run $(FUZZ_BUILD)/fuzz_structured

all: $(FUZZ_TARGETS)

# The objects are kept between builds (they would otherwise be intermediate files).
.SECONDARY:

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $< (fuzz)"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

# The generated scanner is a 600 KB state machine that takes minutes at -O1 with the
# sanitizers; at -O0 it compiles in seconds and is still instrumented.
$(FUZZ_BUILD)/gen/%.o: $(GEN)/%.c
	@mkdir -p $(dir $@)
	@echo "  CC    $< (fuzz)"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -O0 -fsanitize=fuzzer-no-link -Wno-unused-function \
	    -Wno-sign-compare -c -o $@ $<

$(FUZZ_BUILD)/fuzz_compile.o: tools/fuzz/fuzz_ouro.c
	@mkdir -p $(dir $@)
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -DOU_FUZZ_TARGET=1 -c -o $@ $<
$(FUZZ_BUILD)/fuzz_run.o: tools/fuzz/fuzz_ouro.c
	@mkdir -p $(dir $@)
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -DOU_FUZZ_TARGET=2 -c -o $@ $<
$(FUZZ_BUILD)/fuzz_structured.o: tools/fuzz/fuzz_ouro.c
	@mkdir -p $(dir $@)
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -DOU_FUZZ_TARGET=3 -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/fuzz_%.o $(FUZZ_OBJS)
	@echo "  LINK  $@"
	@$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SAN) -o $@ $^ $(FUZZ_LIBS)

-include $(FUZZ_OBJS:.o=.d) $(FUZZ_TARGETS:=.d)
