/* fileobject.c: text files (open(), sys.stdout/stderr/stdin), CPython's _io.TextIOWrapper.
 *
 * A file is a POSIX fd plus a write buffer and a read buffer; text is UTF-8 only. Reading
 * translates "\r\n" and "\r" to "\n" (universal newlines) as bytes arrive, so the read buffer
 * always holds translated text. The three standard files are static, immortal objects so that
 * they can be written to at any time during start-up and teardown and never leak:
 *   - stdout is fully buffered (line-buffered on a terminal) and flushed at exit, before
 *     reading stdin and before anything is written to stderr, so that output interleaves as
 *     in CPython;
 *   - stderr is unbuffered (every write goes straight to fd 2).
 * A write on stdout that fails with EPIPE (the reader went away, `| head`) ends the process
 * quietly, as CPython does for a broken pipe at the end of a pipeline. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "stdlib.h"

#define FILE_BUFSIZE 8192

/* Invariants: buffers are NULL until first use except for the std files, which use static
 * arrays; wlen <= wcap; rpos <= rlen <= rcap. While the read buffer holds unread bytes, the
 * fd's offset is rlen - rpos bytes past the logical position (matters for r+ and tell()).
 * Open files that may hold unwritten data are linked in `open_files` so they can be flushed
 * at exit even when their object is never freed. */
typedef struct OuFile {
    OuObject ob;
    int fd;
    bool readable, writable, closed;
    bool is_std;        /* static std file: fd is never closed, memory never freed */
    bool closefd;       /* close() closes the fd (false for open(fd, closefd=False)) */
    bool line_buffered; /* flush whenever a newline is written */
    bool eof;           /* the fd reported end of file */
    bool pending_cr;    /* the last byte read was '\r' (turned into '\n'): drop a next '\n' */
    bool raw_newlines;  /* newline='' or '\n' given to open(): no "\r" translation on reading */
    bool nl_any;        /* newline='': lines still end at '\r', '\r\n' or '\n' */
    Value name, mode, encoding;
    char *wbuf;
    size_t wlen, wcap;
    char *rbuf;
    size_t rpos, rlen, rcap;
    struct OuFile *prev, *next; /* the open_files list */
} OuFile;

#define AS_FILE(v) ((OuFile *)AS_OBJ(v))

Value ou_sys_stdout = OU_UNDEF, ou_sys_stderr = OU_UNDEF, ou_sys_stdin = OU_UNDEF;

static OuFile std_in, std_out, std_err;
static char stdout_buf[FILE_BUFSIZE], stdin_buf[FILE_BUFSIZE];
static OuFile *open_files;
static Value key_stdout, key_stderr, key_stdin;

static void link_file(OuFile *f)
{
    f->prev = NULL;
    f->next = open_files;
    if (open_files) open_files->prev = f;
    open_files = f;
}

static void unlink_file(OuFile *f)
{
    if (f->prev) f->prev->next = f->next;
    else if (open_files == f) open_files = f->next;
    if (f->next) f->next->prev = f->prev;
    f->prev = f->next = NULL;
}

/* ---------------------------------------------------------------------------------------------
 * Errors.
 * ------------------------------------------------------------------------------------------- */

/* Raise the OSError subclass CPython maps errno to, with errno, strerror and (when given)
 * filename: "[Errno 2] No such file or directory: 'x'". */
static Value raise_errno(int err, Value filename)
{
    OuType *t = ou_OSError;
    switch (err) {
    case ENOENT: t = ou_FileNotFoundError; break;
    case EEXIST: t = ou_FileExistsError; break;
    case EACCES: case EPERM: t = ou_PermissionError; break;
    case EISDIR: t = ou_IsADirectoryError; break;
    default: break;
    }
    Value msg = ou_str_cstr(strerror(err));
    if (IS_ERR(msg)) return OU_ERR;
    Value args[3] = {MK_SMALLINT(err), msg, filename};
    Value exc = ou_exc_new(t, args, IS_UNDEF(filename) ? 2 : 3);
    ou_decref(msg);
    if (IS_ERR(exc)) return OU_ERR;
    ou_err_set_exc(exc);
    ou_decref(exc);
    return OU_ERR;
}

/* io.UnsupportedOperation (a subclass of OSError and ValueError), made on first use with
 * type(name, bases, dict) since it is the only exception class of the io module we need. */
static Value unsupported_type = OU_UNDEF;

static int err_unsupported(const char *what)
{
    if (IS_UNDEF(unsupported_type)) {
        Value name = ou_str_cstr("UnsupportedOperation");
        Value bases = ou_tuple_pack(2, MK_OBJ(ou_OSError), MK_OBJ(ou_ValueError));
        Value dict = ou_dict_new();
        Value t = OU_ERR;
        if (!IS_ERR(name) && !IS_ERR(bases) && !IS_ERR(dict) &&
            ou_dict_set_str(dict, "__module__", ou_str_intern("io")) == 0) {
            Value argv[3] = {name, bases, dict};
            t = ou_call(MK_OBJ(&ou_type_type), argv, 3, OU_UNDEF);
        }
        ou_xdecref(name);
        ou_xdecref(bases);
        ou_xdecref(dict);
        if (IS_ERR(t)) return -1;
        unsupported_type = t;
    }
    ou_err_format(AS_TYPE(unsupported_type), "%s", what);
    return -1;
}

void file_fini(void)
{
    ou_decref(unsupported_type);
    unsupported_type = OU_UNDEF;
}

static int err_closed(void)
{
    ou_err_format(ou_ValueError, "I/O operation on closed file.");
    return -1;
}

/* ---------------------------------------------------------------------------------------------
 * Low-level I/O.
 * ------------------------------------------------------------------------------------------- */

static int write_all(OuFile *f, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = write(f->fd, s, n);
        if (k < 0) {
            if (errno == EINTR) continue;
            if (errno == EPIPE && f == &std_out) {
                /* Nobody reads our output any more: stop quietly. */
                f->wlen = 0;
                _exit(0);
            }
            raise_errno(errno, OU_UNDEF);
            return -1;
        }
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

static int flush_wbuf(OuFile *f)
{
    if (f->wlen == 0) return 0;
    size_t n = f->wlen;
    f->wlen = 0;
    return write_all(f, f->wbuf, n);
}

void ou_stdout_flush(void)
{
    if (std_out.wlen > 0 && flush_wbuf(&std_out) < 0) ou_err_clear();
}

/* Drop read-ahead before writing or seeking, moving the fd back to the logical position. */
static void drop_readahead(OuFile *f)
{
    if (f->rpos < f->rlen && !f->is_std)
        lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
    f->rpos = f->rlen = 0;
    f->pending_cr = false;
}

int file_write_utf8(Value fv, const char *s, size_t n)
{
    OuFile *f = AS_FILE(fv);
    if (f->closed) return err_closed();
    if (!f->writable) return err_unsupported("not writable");
    if (f == &std_err) ou_stdout_flush();
    /* Like CPython's TextIOWrapper, a write after a read lands where the read-ahead left the
     * fd, not at the logical read position: the unread text is simply dropped. */
    f->rpos = f->rlen = 0;
    if (f->wcap == 0) {
        if (f->wbuf == NULL && !f->is_std) {
            f->wbuf = ou_mem_alloc(FILE_BUFSIZE);
            if (!f->wbuf) return -1;
            f->wcap = FILE_BUFSIZE;
        } else {
            return write_all(f, s, n);
        }
    }
    if (f->wlen + n > f->wcap && flush_wbuf(f) < 0) return -1;
    if (n >= f->wcap) return write_all(f, s, n);
    memcpy(f->wbuf + f->wlen, s, n);
    f->wlen += n;
    if (f->line_buffered && memchr(s, '\n', n)) return flush_wbuf(f);
    return 0;
}

int file_flush(Value fv)
{
    OuFile *f = AS_FILE(fv);
    if (f->closed) return err_closed();
    return flush_wbuf(f);
}

/* Read more bytes into the read buffer (which must be fully consumed), translating newlines.
 * Returns the number of bytes now available, 0 at end of file, -1 on error. */
static int64_t fill(OuFile *f)
{
    if (f->rbuf == NULL) {
        f->rbuf = ou_mem_alloc(FILE_BUFSIZE);
        if (!f->rbuf) return -1;
        f->rcap = FILE_BUFSIZE;
    }
    if (f->wlen && flush_wbuf(f) < 0) return -1;
    if (f == &std_in) ou_stdout_flush();
    f->rpos = f->rlen = 0;
    for (;;) {
        if (f->eof) return 0;
        ssize_t k = read(f->fd, f->rbuf, f->rcap);
        if (k < 0) {
            if (errno == EINTR) continue;
            raise_errno(errno, OU_UNDEF);
            return -1;
        }
        if (k == 0) {
            /* A terminal can deliver more after ^D; only regular files stay at EOF. */
            if (!f->is_std) f->eof = true;
            return 0;
        }
        if (f->raw_newlines) {
            f->rlen = (size_t)k;
            return k;
        }
        /* Universal newlines, in place: the text only shrinks. */
        char *b = f->rbuf;
        size_t j = 0;
        for (ssize_t i = 0; i < k; i++) {
            char c = b[i];
            if (f->pending_cr) {
                f->pending_cr = false;
                if (c == '\n') continue;
            }
            if (c == '\r') {
                c = '\n';
                f->pending_cr = true;
            }
            b[j++] = c;
        }
        f->rlen = j;
        if (j > 0) return (int64_t)j;
    }
}

/* A growable byte buffer for assembling read results; starts in caller stack space. */
typedef struct { char *p; size_t len, cap; char *stack; } ByteBuf;

static int bb_add(ByteBuf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap * 2;
        while (cap < b->len + n) cap *= 2;
        char *np;
        if (b->p == b->stack) {
            np = ou_mem_alloc(cap);
            if (np) memcpy(np, b->p, b->len);
        } else {
            np = ou_mem_realloc(b->p, cap);
        }
        if (!np) return -1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static void bb_free(ByteBuf *b)
{
    if (b->p != b->stack) ou_mem_free(b->p);
}

/* Length of the valid UTF-8 prefix of s[0..n); *bad is set to the reason if it stops early. */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n, const char **bad)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else { *bad = "invalid start byte"; return i; }
        if (i + len > n) { *bad = "unexpected end of data"; return i; }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) { *bad = "invalid continuation byte"; return i; }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            *bad = "invalid continuation byte";
            return i;
        }
        i += len;
    }
    return n;
}

/* Make a str of decoded text, raising CPython's decode error for invalid UTF-8. */
static Value decode(const char *s, size_t n)
{
    const char *bad = NULL;
    size_t ok = utf8_valid_prefix((const unsigned char *)s, n, &bad);
    if (ok < n)
        return ou_err_format(ou_UnicodeError,
                             "'utf-8' codec can't decode byte 0x%x in position %zd: %s",
                             (unsigned)(unsigned char)s[ok], (ssize_t)ok, bad);
    return ou_str_new(s, (int64_t)n);
}

static int check_readable(OuFile *f)
{
    if (f->closed) return err_closed();
    if (!f->readable) return err_unsupported("not readable");
    return 0;
}

Value file_readline(Value fv)
{
    OuFile *f = AS_FILE(fv);
    if (check_readable(f) < 0) return OU_ERR;
    char stack[256];
    ByteBuf b = {stack, 0, sizeof stack, stack};
    /* after_cr: with newline='' a line ended by '\r' also takes a '\n' right after it. */
    bool after_cr = false;
    for (;;) {
        if (f->rpos == f->rlen) {
            int64_t k = fill(f);
            if (k < 0) { bb_free(&b); return OU_ERR; }
            if (k == 0) break;
        }
        char *start = f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos;
        if (after_cr) {
            if (start[0] == '\n') {
                if (bb_add(&b, start, 1) < 0) { bb_free(&b); return OU_ERR; }
                f->rpos++;
            }
            break;
        }
        char *nl = memchr(start, '\n', avail);
        if (f->raw_newlines && f->nl_any) {
            char *cr = memchr(start, '\r', nl ? (size_t)(nl - start) : avail);
            if (cr) {
                size_t take = (size_t)(cr - start) + 1;
                if (bb_add(&b, start, take) < 0) { bb_free(&b); return OU_ERR; }
                f->rpos += take;
                after_cr = true;
                continue;
            }
        }
        size_t take = nl ? (size_t)(nl - start) + 1 : avail;
        if (bb_add(&b, start, take) < 0) { bb_free(&b); return OU_ERR; }
        f->rpos += take;
        if (nl) break;
    }
    Value r = decode(b.p, b.len);
    bb_free(&b);
    return r;
}

/* read(n): n < 0 reads to the end; otherwise up to n characters (code points). */
static Value read_chars(OuFile *f, int64_t n)
{
    if (check_readable(f) < 0) return OU_ERR;
    if (n == 0) return ou_str_new("", 0);
    char stack[512];
    ByteBuf b = {stack, 0, sizeof stack, stack};
    /* chars counts complete-or-started characters taken; need is how many continuation bytes
     * the last one still lacks, so a character split across two reads is taken whole. */
    int64_t chars = 0, need = 0;
    for (;;) {
        if (n >= 0 && chars == n && need <= 0) break;
        if (f->rpos == f->rlen) {
            int64_t k = fill(f);
            if (k < 0) { bb_free(&b); return OU_ERR; }
            if (k == 0) break;
        }
        const char *start = f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos, take = avail;
        if (n >= 0) {
            size_t i = 0;
            for (; i < avail; i++) {
                unsigned char c = (unsigned char)start[i];
                if ((c & 0xC0) == 0x80) {
                    need--;
                    continue;
                }
                if (chars == n && need <= 0) break;
                chars++;
                need = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
            }
            take = i;
        }
        if (bb_add(&b, start, take) < 0) { bb_free(&b); return OU_ERR; }
        f->rpos += take;
    }
    Value r = decode(b.p, b.len);
    bb_free(&b);
    return r;
}

/* ---------------------------------------------------------------------------------------------
 * Public write helpers.
 * ------------------------------------------------------------------------------------------- */

int ou_file_write_str(Value file, Value s)
{
    if (file_is_builtin(file)) return file_write_utf8(file, ou_str_data(s), (size_t)ou_str_len(s));
    Value r = ou_call_method(file, "write", &s, 1);
    if (IS_ERR(r)) return -1;
    ou_decref(r);
    return 0;
}

int ou_file_write_cstr(Value file, const char *s)
{
    if (file_is_builtin(file)) return file_write_utf8(file, s, strlen(s));
    Value str = ou_str_cstr(s);
    if (IS_ERR(str)) return -1;
    int r = ou_file_write_str(file, str);
    ou_decref(str);
    return r;
}

static Value cur_std(Value key, Value fallback, const char *what)
{
    if (IS_UNDEF(mod_sys_dict)) return fallback;
    Value v = ou_dict_get(mod_sys_dict, key);
    if (IS_UNDEF(v)) return ou_err_format(ou_RuntimeError, "lost sys.%s", what);
    return v;
}

Value file_cur_stdout(void) { return cur_std(key_stdout, ou_sys_stdout, "stdout"); }
Value file_cur_stderr(void) { return cur_std(key_stderr, ou_sys_stderr, "stderr"); }
Value file_cur_stdin(void) { return cur_std(key_stdin, ou_sys_stdin, "stdin"); }

/* ---------------------------------------------------------------------------------------------
 * open().
 * ------------------------------------------------------------------------------------------- */

static bool is_utf8_name(const char *e)
{
    char norm[16];
    size_t n = 0;
    for (; *e && n < sizeof norm - 1; e++) {
        char c = *e;
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c == '_' || c == '-') continue;
        norm[n++] = c;
    }
    norm[n] = '\0';
    return !*e && (strcmp(norm, "utf8") == 0 || strcmp(norm, "u8") == 0 ||
                   strcmp(norm, "ascii") == 0 || strcmp(norm, "usascii") == 0);
}

Value file_open(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener", NULL};
    Value file = OU_UNDEF, mode = OU_UNDEF, buffering = OU_UNDEF, encoding = OU_UNDEF,
          errors = OU_UNDEF, newline = OU_UNDEF, closefd = OU_UNDEF, opener = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "open", "O|OOOOOOO", names, &file, &mode,
                      &buffering, &encoding, &errors, &newline, &closefd, &opener) < 0)
        return OU_ERR;

    int64_t fdnum = -1;
    if (!IS_STR(file) && !ou_int_value(file, &fdnum))
        return ou_err_format(ou_TypeError, "expected str, bytes or os.PathLike object, not %T",
                             file);
    const char *m = "r";
    if (!IS_UNDEF(mode)) {
        if (!IS_STR(mode))
            return ou_err_format(ou_TypeError, "open() argument 'mode' must be str, not %T",
                                 mode);
        m = ou_str_data(mode);
    }
    int nrw = 0;
    bool rd = false, wr = false, app = false, plus = false, excl = false, bad = false;
    for (const char *p = m; *p; p++) {
        const char *seen = strchr("rwaxtb+", *p);
        if (!seen || strchr(p + 1, *p)) { bad = true; break; }
        switch (*p) {
        case 'r': rd = true; nrw++; break;
        case 'w': wr = true; nrw++; break;
        case 'a': app = true; nrw++; break;
        case 'x': excl = true; nrw++; break;
        case '+': plus = true; break;
        case 'b':
            return ou_err_format(ou_ValueError, "binary mode is not supported by Ouro");
        default: break;
        }
    }
    if (bad || nrw != 1)
        return ou_err_format(ou_ValueError, nrw > 1 && !bad
                             ? "must have exactly one of create/read/write/append mode"
                             : "invalid mode: '%s'", m);
    if (!IS_UNDEF(encoding) && !IS_NONE(encoding)) {
        if (!IS_STR(encoding))
            return ou_err_format(ou_TypeError, "open() argument 'encoding' must be str or None,"
                                 " not %T", encoding);
        if (!is_utf8_name(ou_str_data(encoding)))
            return ou_err_format(ou_LookupError, "unknown encoding: %U", encoding);
    }

    bool raw_newlines = false;
    if (!IS_UNDEF(newline) && !IS_NONE(newline)) {
        if (!IS_STR(newline))
            return ou_err_format(ou_TypeError, "open() argument 'newline' must be str or None, "
                                 "not %T", newline);
        const char *nl = ou_str_data(newline);
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n"))
            return ou_err_format(ou_ValueError, "illegal newline value: %U", newline);
        raw_newlines = nl[0] == '\0' || nl[0] == '\n';
    }

    int flags = O_CLOEXEC;
    if (rd) flags |= plus ? O_RDWR : O_RDONLY;
    else if (wr) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    else if (app) flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    else flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;

    int fd;
    if (fdnum >= 0) {
        fd = (int)fdnum;
    } else if (!IS_STR(file)) {
        return ou_err_format(ou_ValueError, "negative file descriptor");
    } else {
        do fd = open(ou_str_data(file), flags, 0666);
        while (fd < 0 && errno == EINTR);
        if (fd < 0) return raise_errno(errno, file);
        /* open() succeeds on a directory for reading; CPython reports EISDIR. */
        if (rd && !plus) {
            char probe;
            if (read(fd, &probe, 0) < 0 && errno == EISDIR) {
                close(fd);
                return raise_errno(EISDIR, file);
            }
        }
    }

    OuFile *f = ou_obj_alloc(&ou_file_type, sizeof(OuFile));
    if (!f) {
        if (fdnum < 0) close(fd);
        return OU_ERR;
    }
    f->fd = fd;
    f->raw_newlines = raw_newlines;
    f->nl_any = raw_newlines && ou_str_len(newline) == 0;
    f->readable = rd || plus;
    f->writable = wr || app || excl || plus;
    f->name = ou_newref(file);
    char mbuf[8];
    size_t mlen = 0;
    for (const char *p = m; *p && mlen < sizeof mbuf - 1; p++)
        if (*p != 't') mbuf[mlen++] = *p;
    mbuf[mlen] = '\0';
    f->mode = ou_str_cstr(mbuf);
    f->encoding = IS_STR(encoding) ? ou_newref(encoding) : ou_str_intern("UTF-8");
    f->closefd = IS_UNDEF(closefd) || ou_truthy(closefd) != 0;
    link_file(f);
    Value fv = MK_OBJ(f);
    if (IS_ERR(f->mode)) {
        f->mode = OU_NONE;
        ou_decref(fv);
        return OU_ERR;
    }
    return fv;
}

/* ---------------------------------------------------------------------------------------------
 * Methods.
 * ------------------------------------------------------------------------------------------- */

static int file_close_impl(OuFile *f)
{
    if (f->closed) return 0;
    int r = flush_wbuf(f);
    f->closed = true;
    unlink_file(f);
    if (!f->is_std) {
        if (f->closefd) close(f->fd);
        ou_mem_free(f->wbuf);
        ou_mem_free(f->rbuf);
        f->wbuf = f->rbuf = NULL;
        f->wcap = f->rcap = 0;
    }
    f->wlen = f->rlen = f->rpos = 0;
    return r;
}

static void file_dealloc(OuObject *o)
{
    OuFile *f = (OuFile *)o;
    if (f->is_std && (f == &std_in || f == &std_out || f == &std_err)) return;
    if (file_close_impl(f) < 0) ou_err_clear();
    ou_decref(f->name);
    ou_decref(f->mode);
    ou_decref(f->encoding);
    ou_obj_free(o);
}

static Value file_repr(Value self)
{
    OuFile *f = AS_FILE(self);
    return ou_str_printf("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name, f->mode,
                         f->encoding);
}

static Value file_iter(Value self)
{
    if (AS_FILE(self)->closed) return err_closed(), OU_ERR;
    return ou_newref(self);
}

static Value file_next(Value self)
{
    Value line = file_readline(self);
    if (IS_ERR(line)) return OU_ERR;
    if (ou_str_len(line) == 0) {
        ou_decref(line);
        return OU_UNDEF;
    }
    return line;
}

static Value file_getattr(Value self, Value name)
{
    OuFile *f = AS_FILE(self);
    const char *n = ou_str_data(name);
    switch (n[0]) {
    case 'c':
        if (strcmp(n, "closed") == 0) return MK_BOOL(f->closed);
        break;
    case 'n':
        if (strcmp(n, "name") == 0) return ou_newref(f->name);
        break;
    case 'm':
        if (strcmp(n, "mode") == 0) return ou_newref(f->mode);
        break;
    case 'e':
        if (strcmp(n, "encoding") == 0) return ou_newref(f->encoding);
        if (strcmp(n, "errors") == 0) return ou_str_cstr("strict");
        break;
    case 'l':
        if (strcmp(n, "line_buffering") == 0) return MK_BOOL(f->line_buffered);
        break;
    default: break;
    }
    return ou_generic_getattr(self, name);
}

static Value m_read(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", NULL};
    Value self = args[0], size = OU_NONE;
    if (ou_parse_args(args + 1, nargs - 1, kwnames, "read", "|O", names, &size) < 0)
        return OU_ERR;
    int64_t n = -1;
    if (!IS_NONE(size) && ou_index(size, &n) < 0) return OU_ERR;
    return read_chars(AS_FILE(self), n);
}

static Value m_readline(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", NULL};
    Value size = OU_NONE;
    if (ou_parse_args(args + 1, nargs - 1, kwnames, "readline", "|O", names, &size) < 0)
        return OU_ERR;
    int64_t n = -1;
    if (!IS_NONE(size) && ou_index(size, &n) < 0) return OU_ERR;
    if (n < 0) return file_readline(args[0]);
    /* A size limit: read up to n characters, stopping after a newline. */
    Value out = ou_str_new("", 0);
    while (!IS_ERR(out) && ou_len(out) < n) {
        OuFile *f = AS_FILE(args[0]);
        Value c = read_chars(f, 1);
        if (IS_ERR(c)) { ou_decref(out); return OU_ERR; }
        if (ou_str_len(c) == 0) { ou_decref(c); break; }
        Value joined = ou_str_concat(out, c);
        bool nl = ou_str_data(c)[0] == '\n';
        ou_decref(c);
        ou_decref(out);
        out = joined;
        if (nl) break;
    }
    return out;
}

static Value m_readlines(Value *args, int nargs, Value kwnames)
{
    Value list = ou_list_new(0);
    if (IS_ERR(list)) return OU_ERR;
    for (;;) {
        Value line = file_readline(args[0]);
        if (IS_ERR(line)) { ou_decref(list); return OU_ERR; }
        if (ou_str_len(line) == 0) { ou_decref(line); break; }
        if (ou_list_append_steal(list, line) < 0) { ou_decref(list); return OU_ERR; }
    }
    return list;
}

static Value m_write(Value *args, int nargs, Value kwnames)
{
    if (nargs != 2 || !IS_UNDEF(kwnames))
        return ou_err_format(ou_TypeError, "write() takes exactly one argument (%d given)",
                             nargs - 1);
    Value s = args[1];
    if (!IS_STR(s))
        return ou_err_format(ou_TypeError, "write() argument must be str, not %T", s);
    if (file_write_utf8(args[0], ou_str_data(s), (size_t)ou_str_len(s)) < 0) return OU_ERR;
    return ou_int(AS_STR(s)->nchars);
}

static Value m_writelines(Value *args, int nargs, Value kwnames)
{
    if (nargs != 2)
        return ou_err_format(ou_TypeError, "writelines() takes exactly one argument (%d given)",
                             nargs - 1);
    Value it = ou_iter(args[1]);
    if (IS_ERR(it)) return OU_ERR;
    for (;;) {
        Value s = ou_next(it);
        if (IS_UNDEF(s)) break;
        if (IS_ERR(s)) { ou_decref(it); return OU_ERR; }
        if (!IS_STR(s)) {
            ou_err_format(ou_TypeError, "write() argument must be str, not %T", s);
            ou_decref(s);
            ou_decref(it);
            return OU_ERR;
        }
        int r = file_write_utf8(args[0], ou_str_data(s), (size_t)ou_str_len(s));
        ou_decref(s);
        if (r < 0) { ou_decref(it); return OU_ERR; }
    }
    ou_decref(it);
    return OU_NONE;
}

static Value m_close(Value *args, int nargs, Value kwnames)
{
    OuFile *f = AS_FILE(args[0]);
    if (f->is_std && (f == &std_in || f == &std_out || f == &std_err)) {
        /* Closing a std file only flushes it and marks it closed; the fd stays open. */
        if (flush_wbuf(f) < 0) return OU_ERR;
        f->closed = true;
        return OU_NONE;
    }
    return file_close_impl(f) < 0 ? OU_ERR : OU_NONE;
}

static Value m_flush(Value *args, int nargs, Value kwnames)
{
    return file_flush(args[0]) < 0 ? OU_ERR : OU_NONE;
}

static Value m_enter(Value *args, int nargs, Value kwnames)
{
    if (AS_FILE(args[0])->closed) return err_closed(), OU_ERR;
    return ou_newref(args[0]);
}

static Value m_exit(Value *args, int nargs, Value kwnames)
{
    return m_close(args, 1, OU_UNDEF);
}

static Value m_iter(Value *args, int nargs, Value kwnames) { return file_iter(args[0]); }

static Value m_next(Value *args, int nargs, Value kwnames)
{
    Value r = file_next(args[0]);
    if (IS_UNDEF(r)) {
        Value exc = ou_exc_new(ou_StopIteration, NULL, 0);
        if (IS_ERR(exc)) return OU_ERR;
        ou_err_set_exc(exc);
        ou_decref(exc);
        return OU_ERR;
    }
    return r;
}

static Value m_fileno(Value *args, int nargs, Value kwnames)
{
    OuFile *f = AS_FILE(args[0]);
    if (f->closed) return err_closed(), OU_ERR;
    return MK_SMALLINT(f->fd);
}

static Value m_isatty(Value *args, int nargs, Value kwnames)
{
    OuFile *f = AS_FILE(args[0]);
    if (f->closed) return err_closed(), OU_ERR;
    return MK_BOOL(isatty(f->fd));
}

static Value m_readable(Value *args, int nargs, Value kwnames)
{
    OuFile *f = AS_FILE(args[0]);
    if (f->closed) return err_closed(), OU_ERR;
    return MK_BOOL(f->readable);
}

static Value m_writable(Value *args, int nargs, Value kwnames)
{
    OuFile *f = AS_FILE(args[0]);
    if (f->closed) return err_closed(), OU_ERR;
    return MK_BOOL(f->writable);
}

static Value m_tell(Value *args, int nargs, Value kwnames)
{
    OuFile *f = AS_FILE(args[0]);
    if (f->closed) return err_closed(), OU_ERR;
    if (flush_wbuf(f) < 0) return OU_ERR;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) return raise_errno(errno, OU_UNDEF);
    return ou_int((int64_t)pos - (int64_t)(f->rlen - f->rpos));
}

static Value m_seek(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", "", NULL};
    Value off = OU_UNDEF, whence = MK_SMALLINT(0);
    if (ou_parse_args(args + 1, nargs - 1, kwnames, "seek", "O|O", names, &off, &whence) < 0)
        return OU_ERR;
    OuFile *f = AS_FILE(args[0]);
    if (f->closed) return err_closed(), OU_ERR;
    int64_t o, w;
    if (ou_index(off, &o) < 0 || ou_index(whence, &w) < 0) return OU_ERR;
    if (flush_wbuf(f) < 0) return OU_ERR;
    drop_readahead(f);
    f->eof = false;
    off_t pos = lseek(f->fd, (off_t)o, (int)w);
    if (pos < 0) return raise_errno(errno, OU_UNDEF);
    return ou_int((int64_t)pos);
}

static const OuMethodDef file_methods[] = {
    {"read", m_read, NULL},
    {"readline", m_readline, NULL},
    {"readlines", m_readlines, NULL},
    {"write", m_write, NULL},
    {"writelines", m_writelines, NULL},
    {"close", m_close, NULL},
    {"flush", m_flush, NULL},
    {"__enter__", m_enter, NULL},
    {"__exit__", m_exit, NULL},
    {"__iter__", m_iter, NULL},
    {"__next__", m_next, NULL},
    {"fileno", m_fileno, NULL},
    {"isatty", m_isatty, NULL},
    {"readable", m_readable, NULL},
    {"writable", m_writable, NULL},
    {"tell", m_tell, NULL},
    {"seek", m_seek, NULL},
    {NULL, NULL, NULL},
};

OuType ou_file_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(OuFile),
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .next = file_next,
    .getattr = file_getattr,
};

/* ---------------------------------------------------------------------------------------------
 * Start-up.
 * ------------------------------------------------------------------------------------------- */

static void init_std(OuFile *f, int fd, const char *name, const char *mode, char *wbuf,
                     size_t wcap, char *rbuf, size_t rcap)
{
    f->ob.rc = 1u << 30;
    f->ob.gcflags = OU_GCF_IMMORTAL;
    f->ob.type = &ou_file_type;
    f->fd = fd;
    f->readable = fd == 0;
    f->writable = fd != 0;
    f->is_std = true;
    f->line_buffered = fd == 1 && isatty(1);
    f->name = ou_str_intern(name);
    f->mode = ou_str_intern(mode);
    f->encoding = ou_str_intern("utf-8");
    f->wbuf = wbuf;
    f->wcap = wcap;
    f->rbuf = rbuf;
    f->rcap = rcap;
}

/* At exit, write out what is still buffered: stdout and files never closed or freed. */
static void flush_at_exit(void)
{
    for (OuFile *f = open_files; f; f = f->next)
        if (!f->closed && f->wlen) (void)flush_wbuf(f);
    if (std_out.wlen) (void)flush_wbuf(&std_out);
    if (ou_err_occurred()) ou_err_clear();
}

int vm_init_file(void)
{
    if (ou_type_ready(&ou_file_type) < 0) return -1;
    if (ou_add_functions(ou_file_type.dict, file_methods, OU_UNDEF) < 0) return -1;
    key_stdout = ou_str_intern("stdout");
    key_stderr = ou_str_intern("stderr");
    key_stdin = ou_str_intern("stdin");
    init_std(&std_in, 0, "<stdin>", "r", NULL, 0, stdin_buf, sizeof stdin_buf);
    init_std(&std_out, 1, "<stdout>", "w", stdout_buf, sizeof stdout_buf, NULL, 0);
    init_std(&std_err, 2, "<stderr>", "w", NULL, 0, NULL, 0);
    ou_sys_stdin = MK_OBJ(&std_in);
    ou_sys_stdout = MK_OBJ(&std_out);
    ou_sys_stderr = MK_OBJ(&std_err);
    static bool registered;
    if (!registered) {
        registered = true;
        atexit(flush_at_exit);
    }
    return 0;
}
