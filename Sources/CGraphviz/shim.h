#ifndef DIPLOGRAPH_CGRAPHVIZ_SHIM_H
#define DIPLOGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Swift 6 rejects the Agdirected/Agundirected globals as shared mutable state:
   hand out copies instead. */
static inline Agdesc_t diplograph_directed(void) { return Agdirected; }
static inline Agdesc_t diplograph_undirected(void) { return Agundirected; }

/* AGWARN / AGERR are enum values; exposing them as functions keeps the Swift side plain. */
static inline agerrlevel_t diplograph_agwarn(void) { return AGWARN; }
static inline agerrlevel_t diplograph_agerr(void) { return AGERR; }

#endif
