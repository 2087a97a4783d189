#!/usr/bin/env Rscript
# Makes the two-wave reference for `coalition compare` from R's sna (Debian r-cran-sna):
# Coleman's (1964) friendship panel of 73 boys, fall and spring, as it ships with sna.
#   fixtures/reference/coleman-{fall,spring}.{actors,ties}.csv   the two waves as sheets
#                                                                (directed nominations)
#   fixtures/reference/coleman-sna.json                          gcor, hdist and qaptest
# Cases: all 73 boys directed (mode "digraph") and symmetrised ("weak", mode "graph"), and the
# first 12 boys, where the QAP p-value is not at its floor. qaptest's p is sna's pgreq, the share
# b/R of permutations whose correlation is at least the observed one, from 100,000 permutations
# (set.seed(1)). The tests read the committed files; they never run R.
#   Rscript scripts/make-sna-reference.R
suppressMessages(library(sna))
data(coleman)
root <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "..")
ref <- file.path(root, "fixtures", "reference")
ids <- sprintf("boy%02d", 1:73)
for (w in 1:2) {
  name <- c("fall", "spring")[w]
  m <- coleman[w, , ]
  writeLines(c("id,name", sprintf("%s,Boy %d", ids, 1:73)), file.path(ref, sprintf("coleman-%s.actors.csv", name)))
  e <- which(m == 1, arr.ind = TRUE)
  e <- e[order(e[, 1], e[, 2]), , drop = FALSE]
  writeLines(c("source,target,relation,directed", sprintf("%s,%s,friendship,yes", ids[e[, 1]], ids[e[, 2]])),
             file.path(ref, sprintf("coleman-%s.ties.csv", name)))
}
num <- function(x) formatC(x, digits = 12, format = "g")
case <- function(label, g1, g2, mode) {
  set.seed(1)
  q <- qaptest(list(g1, g2), gcor, g1 = 1, g2 = 2, reps = 100000, mode = mode)
  sprintf('    "%s": {"mode": "%s", "actors": %d, "ties_before": %d, "ties_after": %d, "gcor": %s, "hdist": %d, "qap_pgreq": %s, "qap_permutations": 100000}',
          label, mode, nrow(g1), if (mode == "graph") sum(g1) / 2 else sum(g1), if (mode == "graph") sum(g2) / 2 else sum(g2),
          num(gcor(g1, g2, mode = mode)), as.integer(hdist(g1, g2, mode = mode)), num(q$pgreq))
}
f <- coleman[1, , ]; s <- coleman[2, , ]
cases <- c(
  case("directed", f, s, "digraph"),
  case("undirected", symmetrize(f, "weak"), symmetrize(s, "weak"), "graph"),
  case("first12_directed", f[1:12, 1:12], s[1:12, 1:12], "digraph"),
  case("first12_undirected", symmetrize(f[1:12, 1:12], "weak"), symmetrize(s[1:12, 1:12], "weak"), "graph"))
writeLines(c("{", sprintf('  "source": "R %s, sna %s: gcor, hdist, qaptest (pgreq = b/R)",', getRversion(), packageVersion("sna")),
             '  "cases": {', paste(cases, collapse = ",\n"), "  }", "}"), file.path(ref, "coleman-sna.json"))
cat("wrote coleman-{fall,spring}.{actors,ties}.csv and coleman-sna.json\n")
