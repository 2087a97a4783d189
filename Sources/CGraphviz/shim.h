// The Graphviz C API as Swift can import it: the function-like macros (agtail, aghead) and the
// Agdirected/Agundirected globals, which Swift 6 strict concurrency rejects, get small inline
// wrappers. Only the Graphviz module imports this.
#ifndef COALITION_CGRAPHVIZ_SHIM_H
#define COALITION_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
// zlib (Debian: zlib1g-dev): to rewrite the compressed page streams of the PDFs cairo writes.
#include <zlib.h>

static inline Agraph_t *cg_read_memory(const char *text) { return agmemread(text); }
static inline int cg_is_directed(Agraph_t *g) { return agisdirected(g); }
static inline int cg_is_strict(Agraph_t *g) { return agisstrict(g); }
static inline Agnode_t *cg_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *cg_head(Agedge_t *e) { return aghead(e); }
static inline int cg_node_kind(void) { return AGNODE; }
static inline int cg_edge_kind(void) { return AGEDGE; }
#endif
