#!/usr/bin/env Rscript
# Writes Tests/DiploGraphTests/Fixtures/null-reference.json: Monte-Carlo p-values of
# betweenness and Gould-Fernandez brokerage (total, sna's t) of every node of seeded random
# digraphs against sna's "edges" null (rgnm: the graph's node and tie counts, no loops),
# p = (1 + #{null >= observed}) / (N + 1), as `centrality --null edges` computes them.
#
# Run from the repository root:  Rscript Scripts/reference/make_null_fixtures.R
# Needs: R with sna (apt-get install r-cran-sna). The JSON is committed: the Swift tests
# need no R.
suppressMessages(library(sna))
set.seed(20261203)
draws <- 4000
cases <- list(list(n = 12, m = 26), list(n = 15, m = 40), list(n = 20, m = 45))
num <- function(x) paste0("[", paste(format(x, digits = 17, scientific = FALSE, trim = TRUE), collapse = ","), "]")
out <- character(0)
for (case in cases) {
  n <- case$n; m <- case$m
  g <- rgnm(1, n, m, mode = "digraph", diag = FALSE)
  cl <- sample(1:3, n, replace = TRUE)
  observed_b <- betweenness(g, gmode = "digraph", cmode = "directed")
  observed_t <- brokerage(g, cl)$raw.nli[, "t"]
  at_least_b <- numeric(n); at_least_t <- numeric(n)
  for (k in seq_len(draws)) {
    h <- rgnm(1, n, m, mode = "digraph", diag = FALSE)
    b <- betweenness(h, gmode = "digraph", cmode = "directed")
    t <- brokerage(h, cl)$raw.nli[, "t"]
    at_least_b <- at_least_b + (b >= observed_b - 1e-9 * pmax(1, abs(observed_b)))
    at_least_t <- at_least_t + (t >= observed_t - 1e-9 * pmax(1, abs(observed_t)))
  }
  edges <- which(g == 1, arr.ind = TRUE)
  edges <- edges[order(edges[, 1], edges[, 2]), , drop = FALSE]
  out <- c(out, paste0(
    "{\"nodes\":", n, ",\"draws\":", draws,
    ",\"sources\":", num(edges[, 1] - 1), ",\"targets\":", num(edges[, 2] - 1),
    ",\"groups\":", num(cl),
    ",\"betweenness\":", num(observed_b), ",\"brokerage\":", num(observed_t),
    ",\"betweenness_p\":", num((1 + at_least_b) / (draws + 1)),
    ",\"brokerage_p\":", num((1 + at_least_t) / (draws + 1)), "}"))
}
writeLines(paste0("[\n", paste(out, collapse = ",\n"), "\n]"), "Tests/DiploGraphTests/Fixtures/null-reference.json")
