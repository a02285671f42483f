#ifndef NETAN_CGRAPHVIZ_SHIM_H
#define NETAN_CGRAPHVIZ_SHIM_H
// Thin C shim over Graphviz (libgvc + libcgraph). Swift 6 cannot read the C
// globals Graphviz exports (Agdirected, ...), and cgraph takes non-const
// char*; the inline functions below hide both.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>

/// Parse one graph from a NUL-terminated buffer (wraps agmemread).
static inline Agraph_t *netan_memread(const char *text) {
    return agmemread(text);
}

/// Route every cgraph error and warning to `callback` instead of stderr.
static inline void netan_set_error_callback(int (*callback)(char *)) {
    agseterr(AGWARN);
    agseterrf(callback);
}

static inline int netan_reset_errors(void) { return agreseterrors(); }

static inline int netan_layout(GVC_t *gvc, Agraph_t *g, const char *engine) {
    return gvLayout(gvc, g, engine);
}

static inline int netan_render_data(GVC_t *gvc, Agraph_t *g, const char *format,
                                     char **result, unsigned int *length) {
    return gvRenderData(gvc, g, format, result, length);
}

/// Number of plugins registered for an API kind ("layout", "render", ...);
/// zero means the plugin configuration file is missing.
static inline int netan_plugin_count(GVC_t *gvc, const char *kind) {
    int count = 0;
    char **list = gvPluginList(gvc, (char *)kind, &count, NULL);
    if (list) {
        for (int i = 0; i < count; i++) free(list[i]);
        free(list);
    }
    return count;
}

/// Whether a plugin of `kind` named `name` (e.g. "render", "png") is available.
static inline int netan_has_plugin(GVC_t *gvc, const char *kind, const char *name) {
    int count = 0, found = 0;
    char **list = gvPluginList(gvc, (char *)kind, &count, NULL);
    if (list) {
        for (int i = 0; i < count; i++) {
            const char *entry = list[i];
            // entries look like "png:cairo" or "png"
            size_t n = 0;
            while (name[n] && entry[n] == name[n]) n++;
            if (name[n] == '\0' && (entry[n] == '\0' || entry[n] == ':')) found = 1;
            free(list[i]);
        }
        free(list);
    }
    return found;
}

/// Head and tail of an edge (macros in cgraph.h, so invisible to Swift).
static inline Agnode_t *netan_edge_head(Agedge_t *e) { return aghead(e); }
static inline Agnode_t *netan_edge_tail(Agedge_t *e) { return agtail(e); }

#endif
