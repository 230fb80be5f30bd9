/* timex.c - time expressions (being written). */
#include "internal.h"
dl_status dl_timex_load(dl_engine *e, dl_error *err) { DL_UNUSED(e); DL_UNUSED(err); return DL_OK; }
void dl_timex_free_lex(dl_timex_lex *x) { DL_UNUSED(x); }
dl_status dl_timex_find(dl_doc *d, dl_error *err) { DL_UNUSED(d); DL_UNUSED(err); return DL_OK; }
int dl_cal_value_span(const char *value, dl_date *first, dl_date *last, const char **precision)
{ DL_UNUSED(value); DL_UNUSED(first); DL_UNUSED(last); DL_UNUSED(precision); return -1; }
int dl_cal_shift(const char *value, const char *duration, int sign, char *out, size_t n)
{ DL_UNUSED(value); DL_UNUSED(duration); DL_UNUSED(sign); DL_UNUSED(out); DL_UNUSED(n); return -1; }
