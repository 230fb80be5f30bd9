/* actors.c - actors (being written). */
#include "internal.h"
dl_status dl_actors_load(dl_engine *e, dl_error *err) { DL_UNUSED(e); DL_UNUSED(err); return DL_OK; }
dl_status dl_actors_load_file(dl_engine *e, const char *path, dl_error *err) { DL_UNUSED(e); return dl_fail(err, DL_EDATA, "%s: not supported yet", path); }
void dl_actors_free_dict(dl_actor_dict *x) { DL_UNUSED(x); }
dl_status dl_actors_find(dl_doc *d, dl_error *err) { DL_UNUSED(d); DL_UNUSED(err); return DL_OK; }
int dl_mention_at(const dl_doc *d, uint32_t tok) { DL_UNUSED(d); DL_UNUSED(tok); return -1; }
int dl_actors_resolve_at(dl_doc *d, int mention, const char *date) { DL_UNUSED(date); return mention >= 0 && (size_t)mention < d->nmen ? d->men[mention].actor : -1; }
