// The Graphviz C API as Swift can import it: the function-like macros (agtail, aghead) and the
// Agdirected/Agundirected globals, which Swift 6 strict concurrency rejects, get small inline
// wrappers. Only the Graphviz module imports this.
#ifndef COALITION_CGRAPHVIZ_SHIM_H
#define COALITION_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
// zlib (Debian: zlib1g-dev): to rewrite the compressed page streams of the PDFs cairo writes.
#include <zlib.h>

// cgraph's scanner keeps what it had not read yet (the line break after the closing brace, or
// the rest of a text it gave up on) and its line count for the next read, which then fails or
// names the wrong line. aaglex_destroy (exported by libcgraph, not declared in its header)
// drops the scanner's buffers; agreadline(1) starts the count again.
extern int aaglex_destroy(void);
static inline Agraph_t *cg_read_memory(const char *text) {
    agreadline(1);
    Agraph_t *g = agmemread(text);
    aaglex_destroy();
    return g;
}
static inline int cg_is_directed(Agraph_t *g) { return agisdirected(g); }
static inline int cg_is_strict(Agraph_t *g) { return agisstrict(g); }
static inline Agnode_t *cg_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *cg_head(Agedge_t *e) { return aghead(e); }
static inline int cg_node_kind(void) { return AGNODE; }
static inline int cg_edge_kind(void) { return AGEDGE; }
#endif
