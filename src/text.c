/*
 * text.c - reading text: checks that the input is text, repairs invalid UTF-8, and finds
 * the document date at the top of the document when none was given.
 *
 * The repaired text keeps every valid byte where it was (a BOM, CRLF line ends, curly
 * quotes stay), so code-point offsets count the input's own characters. Invalid bytes
 * become U+FFFD the way Python's "replace" decoding (and the Unicode Standard's "maximal
 * subpart" practice, also WHATWG's) counts them: a truncated sequence that was valid so
 * far ("E2 82" before an ASCII byte) is one U+FFFD, any other bad byte is one U+FFFD each
 * (so an overlong "C0 AF" or a surrogate "ED A0 80" gives one per byte).
 *
 * Limits: a document of DL_MAX_DOC_BYTES or more is refused (token and sentence offsets
 * are 32-bit), and UTF-16 (a NUL byte on every other byte) gets its own error message.
 */
#include <string.h>

#include "internal.h"

int dl_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;   /* a continuation byte, an overlong lead (C0, C1) or F5..FF */
    }
    if (n < (size_t)len)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;   /* overlong, out of range, or a surrogate */
    *cp = v;
    return len;
}

/* The length of the longest prefix of s that starts a valid UTF-8 sequence but is cut
 * short (Unicode Table 3-7 ranges): those bytes make one U+FFFD together. At least 1. */
static size_t maximal_subpart(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    int len;
    unsigned lo = 0x80, hi = 0xBF;   /* range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;          /* no overlong forms */
        else if (c == 0xED)
            hi = 0x9F;          /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;          /* nothing above U+10FFFF */
    } else
        return 1;
    size_t k = 1;
    if (k < n && s[k] >= lo && s[k] <= hi) {
        k++;
        while (k < (size_t)len && k < n && (s[k] & 0xC0) == 0x80)
            k++;
    }
    return k;
}

/* The first bytes looked at for control characters, and the share of them (one in
 * twenty) that makes a file binary. */
#define CTL_WINDOW 65536

static int is_ctl(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
}

/* Binary data: a NUL byte (here), or many control characters in the first CTL_WINDOW
 * bytes (counted by dl_text_prepare as it copies them). */
static dl_status check_text(const dl_input *in, dl_error *err)
{
    const unsigned char *s = (const unsigned char *)in->text;
    if (in->len >= DL_MAX_DOC_BYTES)
        return dl_fail(err, DL_EARG, "document too large (%zu bytes; the limit is %zu)",
                       in->len, (size_t)DL_MAX_DOC_BYTES - 1);
    const void *nul = memchr(s, 0, in->len);
    if (nul && in->len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return dl_fail(err, DL_EBINARY, "UTF-16 text (byte order mark %02X %02X); convert it to "
                       "UTF-8, e.g. iconv -f UTF-16 -t UTF-8", s[0], s[1]);
    if (nul)
        return dl_fail(err, DL_EBINARY, "not a text file (NUL byte at byte %zu)",
                       (size_t)((const unsigned char *)nul - s));
    return DL_OK;
}

dl_status dl_text_prepare(dl_doc *d, const dl_input *in, dl_error *err)
{
    if (!in->text && in->len)
        return dl_fail(err, DL_EARG, "no text (a NULL pointer with a length of %zu)", in->len);
    dl_input empty;
    if (!in->text) {   /* NULL with length 0: an empty document */
        empty = *in;
        empty.text = "";
        in = &empty;
    }
    dl_status st = check_text(in, err);
    if (st != DL_OK)
        return st;
    const unsigned char *s = (const unsigned char *)in->text;
    size_t n = in->len, bad = 0, first_bad = 0;
    dl_buf b;
    dl_buf_init(&b);
    dl_buf_reserve(&b, n + DL_TEXT_PAD);   /* one allocation for a valid text */
    /* Most texts are valid: copy runs of valid bytes at once. */
    size_t run = 0, i = 0, ctl = 0, window = n < CTL_WINDOW ? n : CTL_WINDOW;
    while (i < n) {
        if (s[i] < 0x80) {
            /* ASCII, eight bytes at a time while none is below 0x20 (SWAR: a borrow out
             * of a byte, which may also flag a byte after it) or above 0x7F; those one at
             * a time, counting control characters. */
            uint64_t w;
            while (i + 8 <= n && (memcpy(&w, s + i, 8),
                                  !((w | ((w - 0x2020202020202020ull) & ~w)) & 0x8080808080808080ull)))
                i += 8;
            if (i < n && s[i] < 0x80) {
                ctl += i < window && is_ctl(s[i]);
                i++;
            }
            continue;
        }
        uint32_t cp;
        int l = dl_utf8_decode(s + i, n - i, &cp);
        if (l > 0) {
            i += (size_t)l;
            continue;
        }
        if (!bad)
            first_bad = i;
        size_t k = maximal_subpart(s + i, n - i);
        bad += k;
        dl_buf_append(&b, (const char *)s + run, i - run);
        dl_buf_append(&b, "\xEF\xBF\xBD", 3);
        i += k;
        run = i;
    }
    dl_buf_append(&b, (const char *)s + run, n - run);
    if (n > 0 && ctl * 20 > window) {
        dl_buf_free(&b);
        return dl_fail(err, DL_EBINARY, "not a text file (%zu control bytes in the first %zu)", ctl, window);
    }
    if (!dl_buf_reserve(&b, DL_TEXT_PAD))
        memset(b.p + b.len, 0, DL_TEXT_PAD + 1);
    if (b.oom || !b.p) {
        dl_buf_free(&b);
        return dl_fail(err, DL_ENOMEM, "out of memory");
    }
    d->text = b.p;
    d->len = b.len;
    if (bad && dl_doc_warn(d, "invalid UTF-8 at byte %zu (%zu bytes replaced by U+FFFD)", first_bad, bad))
        return dl_fail(err, DL_ENOMEM, "out of memory");
    return DL_OK;
}
