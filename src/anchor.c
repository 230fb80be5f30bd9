/* anchor.c - anchoring events in time (being written). */
#include "internal.h"
dl_status dl_anchor_events(dl_doc *d, dl_error *err) { DL_UNUSED(d); DL_UNUSED(err); return DL_OK; }
