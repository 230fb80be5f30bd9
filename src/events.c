/* events.c - events (being written). */
#include "internal.h"
dl_status dl_events_load(dl_engine *e, dl_error *err) { DL_UNUSED(e); DL_UNUSED(err); return DL_OK; }
void dl_events_free_lex(dl_event_lex *x) { DL_UNUSED(x); }
dl_status dl_events_find(dl_doc *d, dl_error *err) { DL_UNUSED(d); DL_UNUSED(err); return DL_OK; }
