# Gould-Fernandez brokerage reference values from R sna's own brokerage().
#
# Called by generate_power_fixtures.py (not meant to be run by hand):
#
#     Rscript scripts/reference/generate_brokerage.R WORKDIR
#
# For every WORKDIR/<name>.nodes.tsv (columns: id, group; node order = file order) and
# WORKDIR/<name>.arcs.tsv (columns: from, to, weight) it builds the N x N adjacency matrix
# (cell [from, to] = weight), runs sna::brokerage(g, cl) with cl = the group column, and
# writes WORKDIR/<name>.sna.tsv with every number printed as %.17g (round-trips a double):
#
#     meta     key        value                      (N, m, d, sna version, R version)
#     class    position   label   size               (sna's clid = unique(cl), in node order)
#     node     id         role    raw  exp  sd  z    (role = sna's w_I w_O b_IO b_OI b_O t)
#     group    label      role    exp  sd            (sna's exp.grp / sd.grp)
#     global   role       raw     exp  sd  z         (sna's graph-level raw/exp/sd/z)
#     check    name       TRUE/FALSE
#
# The "check" line weights_ignored compares brokerage() on the weighted matrix with
# brokerage() on its 0/1 version (sna counts arcs, it never reads the values).
# Install: apt-get install -y r-base-core r-cran-sna (Debian bookworm: sna 2.7-1).

suppressPackageStartupMessages(library(sna))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript generate_brokerage.R WORKDIR")
dir <- args[1]

num <- function(x) sprintf("%.17g", x)

for (nodes_file in sort(list.files(dir, pattern = "\\.nodes\\.tsv$", full.names = TRUE))) {
  name <- sub("\\.nodes\\.tsv$", "", basename(nodes_file))
  nodes <- read.delim(nodes_file, header = TRUE, colClasses = "character", quote = "")
  arcs <- read.delim(file.path(dir, paste0(name, ".arcs.tsv")), header = TRUE,
                     colClasses = c("character", "character", "numeric"), quote = "")
  N <- nrow(nodes)
  g <- matrix(0, N, N, dimnames = list(nodes$id, nodes$id))
  for (r in seq_len(nrow(arcs))) {
    if (arcs$from[r] == arcs$to[r]) stop("self-loop in ", name)
    if (g[arcs$from[r], arcs$to[r]] != 0) stop("duplicate arc in ", name)
    g[arcs$from[r], arcs$to[r]] <- arcs$weight[r]
  }
  cl <- nodes$group
  b <- brokerage(g, cl)
  b01 <- brokerage((g != 0) * 1, cl)
  same <- identical(b$raw.nli, b01$raw.nli) && identical(b$exp.nli, b01$exp.nli) &&
    identical(b$sd.nli, b01$sd.nli) && identical(b$z.nli, b01$z.nli)

  m <- sum(g != 0)
  out <- c(
    paste("meta", "N", num(N), sep = "\t"),
    paste("meta", "m", num(m), sep = "\t"),
    paste("meta", "d", num(m / (N * (N - 1))), sep = "\t"),
    paste("meta", "sna_version", as.character(packageVersion("sna")), sep = "\t"),
    paste("meta", "R_version", paste(R.version$major, R.version$minor, sep = "."), sep = "\t")
  )
  for (i in seq_along(b$clid))
    out <- c(out, paste("class", i, b$clid[i], num(b$n[i]), sep = "\t"))
  roles <- colnames(b$raw.nli)
  for (v in seq_len(N)) for (r in roles)
    out <- c(out, paste("node", nodes$id[v], r, num(b$raw.nli[v, r]), num(b$exp.nli[v, r]),
                        num(b$sd.nli[v, r]), num(b$z.nli[v, r]), sep = "\t"))
  for (i in seq_along(b$clid)) for (r in roles)
    out <- c(out, paste("group", b$clid[i], r, num(b$exp.grp[i, r]), num(b$sd.grp[i, r]), sep = "\t"))
  for (r in roles)
    out <- c(out, paste("global", r, num(b$raw.gli[r]), num(b$exp.gli[r]), num(b$sd.gli[r]),
                        num(b$z.gli[r]), sep = "\t"))
  out <- c(out, paste("check", "weights_ignored", same, sep = "\t"))
  writeLines(out, file.path(dir, paste0(name, ".sna.tsv")))
}
