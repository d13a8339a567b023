#ifndef DIPLOGRAPH_CGRAPHVIZ_SHIM_H
#define DIPLOGRAPH_CGRAPHVIZ_SHIM_H

#include <stddef.h>
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Swift 6 rejects the Agdirected/Agundirected globals as shared mutable state:
   hand out copies instead. */
static inline Agdesc_t diplograph_directed(void) { return Agdirected; }
static inline Agdesc_t diplograph_undirected(void) { return Agundirected; }

/* AGWARN / AGERR are enum values; exposing them as functions keeps the Swift side plain. */
static inline agerrlevel_t diplograph_agwarn(void) { return AGWARN; }
static inline agerrlevel_t diplograph_agerr(void) { return AGERR; }

/* gvPluginList has two signatures:
     Graphviz 2.x to 8.x:   char **gvPluginList(GVC_t *gvc, const char *kind, int *sz, char *str);
     Graphviz 9.0.0 and on: char **gvPluginList(GVC_t *gvc, const char *kind, int *sz);
   (the unused `str` was dropped in 9.0.0, graphviz commit 7a112085e). Both return a malloc'd
   array of `*sz` malloc'd strings that the caller frees.

   The form is chosen from the declaration the headers actually give, with C11 `_Generic` on the
   function's type, not from a version macro: the installed headers of 2.4x to 13.x carry no
   numeric version a preprocessor `#if` can compare (graphviz_version.h has PACKAGE_VERSION, a
   string; GVPLUGIN_VERSION is 6 both in 2.43 and in 9.x to 12.x; GRAPHVIZ_VERSION_MAJOR only
   appears in 14.0.0), and no public header includes graphviz_version.h anyway. Only the branch
   whose type matches is evaluated; the other one's cast is type-checked but never called. A third
   signature stops the build at the static assertion below instead of calling through a wrong type. */
typedef char **(*diplograph_plugin_list3_t)(GVC_t *, const char *, int *);
typedef char **(*diplograph_plugin_list4_t)(GVC_t *, const char *, int *, char *);

/* 3 or 4: the number of arguments this Graphviz's gvPluginList takes (0 if neither form). */
#define DIPLOGRAPH_GVPLUGINLIST_ARITY \
    _Generic(&gvPluginList, diplograph_plugin_list3_t: 3, diplograph_plugin_list4_t: 4, default: 0)

_Static_assert(DIPLOGRAPH_GVPLUGINLIST_ARITY != 0,
               "gvPluginList has neither the Graphviz 2.4x-8.x nor the 9+ signature; update shim.h");

/* The names of the plugins of one kind ("layout", "render", ...), `*count` of them, or NULL.
   The caller frees each entry and then the array. */
static inline char **diplograph_plugin_list(GVC_t *gvc, const char *kind, int *count) {
    /* Through a type-erased pointer, so that GCC does not warn about the branch not taken. */
    void (*function)(void) = (void (*)(void))&gvPluginList;
    return _Generic(&gvPluginList,
        diplograph_plugin_list3_t: ((diplograph_plugin_list3_t)function)(gvc, kind, count),
        diplograph_plugin_list4_t: ((diplograph_plugin_list4_t)function)(gvc, kind, count, NULL));
}

#endif
