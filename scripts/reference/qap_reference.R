# QAP regression reference values from R sna's own netlm() and netlogit().
#
#     Rscript scripts/reference/qap_reference.R [OUTDIR]      # from the repository root
#
# OUTDIR defaults to Tests/TestSupport/Fixtures/qap. The script builds three small, seeded
# networks (actors with attributes, relations of several types), turns them into the
# dependent and predictor matrices exactly as `QAPDesign` (Sources/NetGraph/Analysis/QAP.swift)
# should, fits them with sna and writes one JSON file per network:
#
#   directed_linear.json      16 actors, directed dependent "informatie" (weights), netlm
#   undirected_linear.json    18 actors, undirected dependent "overleg" (weights), netlm
#   directed_logistic.json    20 actors, directed dependent "contract" (0/1), netlogit
#
# Each file holds the inputs (actors, relations, predictor specs, the n x n matrices with a
# zero diagonal, row-major) and sna's results: estimates, standard errors, t/z values,
# r-squared (linear, as print.summary.netlm computes it) or AIC/deviances (logistic), and
# Dekker's double semi-partialling p-values (nullhyp = "qapspp", test statistic t or z,
# reps permutations). The linear files also hold sna's QAP correlation (gcor + qaptest)
# of the dependent with the first predictor.
#
# Conventions (matching QAPDesign):
#   relation-type predictor   summed weights, 0 where absent; an undirected relation fills
#                             [i, j] and [j, i]; in an undirected model a directed type
#                             counts both directions (U + D + t(D))
#   same:ATTR                 1 when both actors have the same value
#   absdiff:ATTR              |v_i - v_j|
#   sender:ATTR / receiver:   v_i / v_j (directed models only)
#   logistic dependent        1 where at least one relation of the type exists
#
# Undirected models use the predictors' symmetric matrices, so sna's lower triangle
# (mode = "graph") and QAPDesign's upper triangle hold the same dyads.
#
# Install: apt-get install -y r-base-core r-cran-sna r-cran-jsonlite
# (Debian bookworm: R 4.2.2, sna 2.7-1, jsonlite 1.8.4).

suppressPackageStartupMessages({
  library(sna)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "Tests/TestSupport/Fixtures/qap"
dir.create(outdir, recursive = TRUE, showWarnings = FALSE)
reps <- 5000

actor_types <- c("gemeente", "zorgaanbieder", "welzijnsorganisatie", "wijkteam", "clientorganisatie")
regions <- c("Noord", "Zuid", "Oost")
sectors <- c("jeugd", "wmo", "participatie")

make_actors <- function(n) {
  data.frame(
    id = sprintf("a%02d", seq_len(n)),
    type = sample(actor_types, n, replace = TRUE),
    size = round(runif(n, 1, 50), 1),
    influence = sample(0:10, n, replace = TRUE),
    region = sample(regions, n, replace = TRUE),
    sector = sample(sectors, n, replace = TRUE),
    stringsAsFactors = FALSE
  )
}

# Relations of one type: a random share of ordered (directed) or unordered pairs.
random_relations <- function(actors, type, density, directed, lo = 0.5, hi = 10) {
  n <- nrow(actors)
  rows <- list()
  for (i in seq_len(n)) for (j in seq_len(n)) {
    if (i == j || (!directed && j < i)) next
    if (runif(1) < density) {
      w <- round(runif(1, lo, hi), 1)
      # Undirected relations are written in either order.
      if (!directed && runif(1) < 0.5) { a <- j; b <- i } else { a <- i; b <- j }
      rows[[length(rows) + 1]] <- data.frame(
        source = actors$id[a], target = actors$id[b], type = type, weight = w,
        directed = directed, stringsAsFactors = FALSE)
    }
  }
  do.call(rbind, rows)
}

# Relations of the dependent type from a matrix of values (> 0 becomes a relation).
relations_from <- function(actors, type, y, directed) {
  n <- nrow(actors)
  rows <- list()
  for (i in seq_len(n)) for (j in seq_len(n)) {
    if (i == j || (!directed && j < i) || y[i, j] <= 0) next
    if (!directed && runif(1) < 0.5) { a <- j; b <- i } else { a <- i; b <- j }
    rows[[length(rows) + 1]] <- data.frame(
      source = actors$id[a], target = actors$id[b], type = type, weight = y[i, j],
      directed = directed, stringsAsFactors = FALSE)
  }
  do.call(rbind, rows)
}

# Summed weights of one relation type; `model_directed` FALSE adds both directions of
# directed relations.
relation_matrix <- function(actors, relations, type, model_directed) {
  n <- nrow(actors)
  u <- matrix(0, n, n)
  d <- matrix(0, n, n)
  r <- relations[relations$type == type, ]
  for (k in seq_len(nrow(r))) {
    i <- match(r$source[k], actors$id)
    j <- match(r$target[k], actors$id)
    if (i == j) next
    if (r$directed[k]) {
      d[i, j] <- d[i, j] + r$weight[k]
    } else {
      u[i, j] <- u[i, j] + r$weight[k]
      u[j, i] <- u[j, i] + r$weight[k]
    }
  }
  m <- if (model_directed) u + d else u + d + t(d)
  diag(m) <- 0
  m
}

predictor_matrix <- function(actors, relations, spec, model_directed) {
  n <- nrow(actors)
  parts <- strsplit(spec, ":", fixed = TRUE)[[1]]
  if (length(parts) == 1) return(relation_matrix(actors, relations, spec, model_directed))
  v <- actors[[parts[2]]]
  m <- switch(parts[1],
    same = 1 * outer(v, v, "=="),
    absdiff = abs(outer(v, v, "-")),
    sender = matrix(v, n, n),
    receiver = matrix(v, n, n, byrow = TRUE),
    stop("unknown predictor ", spec))
  diag(m) <- 0
  m
}

# sna's r-squared (print.summary.netlm): mss / (mss + rss), mss about the mean fitted value.
netlm_r_squared <- function(fit) {
  mss <- sum((fit$fitted.values - mean(fit$fitted.values))^2)
  rss <- sum(fit$residuals^2)
  mss / (mss + rss)
}

write_fixture <- function(name, description, actors, relations, dependent_type, specs, directed,
                          model, seed) {
  n <- nrow(actors)
  y <- relation_matrix(actors, relations, dependent_type, directed)
  if (model == "logistic") y <- 1 * (y > 0)
  xs <- lapply(specs, function(s) predictor_matrix(actors, relations, s, directed))
  x <- array(0, dim = c(length(xs), n, n))
  for (k in seq_along(xs)) x[k, , ] <- xs[[k]]
  mode <- if (directed) "digraph" else "graph"

  set.seed(seed)
  if (model == "linear") {
    fit <- netlm(y, x, mode = mode, diag = FALSE, nullhyp = "qapspp", reps = reps)
    se <- sqrt(diag(chol2inv(fit$qr$qr)) * sum(fit$residuals^2) / (fit$n - fit$rank))
  } else {
    fit <- netlogit(y, x, mode = mode, diag = FALSE, nullhyp = "qapspp", reps = reps)
    se <- fit$se
  }

  # Cross-check the estimates with lm() / glm() on the same dyads.
  yv <- gvectorize(y, mode = mode, diag = FALSE)
  xv <- sapply(xs, function(m) gvectorize(m, mode = mode, diag = FALSE))
  colnames(xv) <- paste0("x", seq_along(xs))
  check <- if (model == "linear") lm(yv ~ xv) else glm(yv ~ xv, family = binomial())
  cs <- summary(check)$coefficients
  stopifnot(max(abs(cs[, 1] - fit$coefficients)) < 1e-8, max(abs(cs[, 2] - se)) < 1e-8)

  names <- c("intercept", specs)
  coefficients <- lapply(seq_along(names), function(k) list(
    name = names[k], estimate = unname(fit$coefficients[k]), std_error = unname(se[k]),
    statistic = unname(fit$tstat[k]), p_value = fit$pgreqabs[k], p_le = fit$pleeq[k],
    p_ge = fit$pgreq[k]))
  expected <- list(model = model, n = fit$n, reps = reps, seed = seed, coefficients = coefficients)
  if (model == "linear") {
    expected$r_squared <- netlm_r_squared(fit)
  } else {
    expected$aic <- fit$aic
    expected$deviance <- fit$deviance
    expected$null_deviance <- fit$null.deviance
  }

  out <- list(
    name = name, description = description, directed = directed, model = model,
    dependent_type = dependent_type,
    actors = actors, relations = relations, predictors = lapply(seq_along(specs), function(k)
      list(name = specs[k], matrix = xs[[k]])),
    dependent = y, expected = expected,
    provenance = list(
      r = R.version.string, sna = as.character(packageVersion("sna")),
      jsonlite = as.character(packageVersion("jsonlite")),
      script = "scripts/reference/qap_reference.R",
      call = sprintf("%s(y, x, mode = \"%s\", diag = FALSE, nullhyp = \"qapspp\", reps = %d)",
                     if (model == "linear") "netlm" else "netlogit", mode, reps)))

  if (model == "linear") {
    # QAP correlation of the dependent with the first predictor (Krackhardt 1988).
    set.seed(seed + 1)
    q <- qaptest(list(y, xs[[1]]), gcor, g1 = 1, g2 = 2, reps = reps, mode = mode, diag = FALSE)
    out$correlation <- list(
      predictor = specs[1], r = q$testval,
      p_value = mean(abs(q$dist) >= abs(q$testval)), reps = reps)
  }

  path <- file.path(outdir, paste0(name, ".json"))
  writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, dataframe = "rows",
                    matrix = "rowmajor"), path)
  cat("wrote", path, "\n")
  print(summary(fit))
}

# 1. Directed, valued dependent (informatie), linear.
set.seed(20240601)
a1 <- make_actors(16)
fin1 <- random_relations(a1, "financiering", 0.2, TRUE)
# A second financiering relation on an existing pair: weights are summed.
fin1 <- rbind(fin1, transform(fin1[1, ], weight = 2.5))
sam1 <- random_relations(a1, "samenwerking", 0.15, FALSE, 1, 5)
r1 <- rbind(fin1, sam1)
spec1 <- c("financiering", "samenwerking", "same:region", "absdiff:size", "sender:influence",
           "receiver:size")
x1 <- lapply(spec1, function(s) predictor_matrix(a1, r1, s, TRUE))
lat1 <- -2 + 0.4 * x1[[1]] + 0.3 * x1[[2]] + 1.5 * x1[[3]] + 0.03 * x1[[4]] + 0.25 * x1[[5]] -
  0.02 * x1[[6]] + matrix(rnorm(16 * 16, 0, 1.5), 16)
y1 <- pmax(round(lat1, 1), 0)
diag(y1) <- 0
r1 <- rbind(r1, relations_from(a1, "informatie", y1, TRUE))
write_fixture("directed_linear", "16 actors; directed dependent informatie (weights); netlm",
              a1, r1, "informatie", spec1, TRUE, "linear", 101)

# 2. Undirected, valued dependent (overleg), linear; the directed financiering counts both ways.
set.seed(20240602)
a2 <- make_actors(18)
sam2 <- random_relations(a2, "samenwerking", 0.2, FALSE, 1, 5)
fin2 <- random_relations(a2, "financiering", 0.12, TRUE)
r2 <- rbind(sam2, fin2)
spec2 <- c("samenwerking", "financiering", "same:sector", "absdiff:influence")
x2 <- lapply(spec2, function(s) predictor_matrix(a2, r2, s, FALSE))
lat2 <- -1 + 0.5 * x2[[1]] + 0.2 * x2[[2]] + 1.2 * x2[[3]] - 0.15 * x2[[4]]
noise <- matrix(rnorm(18 * 18, 0, 1.2), 18)
noise[lower.tri(noise)] <- t(noise)[lower.tri(noise)]
y2 <- pmax(round(lat2 + noise, 1), 0)
diag(y2) <- 0
r2 <- rbind(r2, relations_from(a2, "overleg", y2, FALSE))
write_fixture("undirected_linear", "18 actors; undirected dependent overleg (weights); netlm",
              a2, r2, "overleg", spec2, FALSE, "linear", 202)

# 3. Directed, binary dependent (contract), logistic.
set.seed(20240603)
a3 <- make_actors(20)
fin3 <- random_relations(a3, "financiering", 0.2, TRUE)
r3 <- fin3
spec3 <- c("financiering", "same:type", "sender:size", "receiver:size", "absdiff:influence")
x3 <- lapply(spec3, function(s) predictor_matrix(a3, r3, s, TRUE))
eta3 <- -2.2 + 0.25 * x3[[1]] + 0.9 * x3[[2]] + 0.03 * x3[[3]] - 0.02 * x3[[4]] - 0.1 * x3[[5]]
y3 <- matrix(rbinom(20 * 20, 1, plogis(eta3)), 20)
diag(y3) <- 0
# Contract weights are counts; logistic models read only whether a contract exists.
y3w <- y3 * sample(1:5, 20 * 20, replace = TRUE)
con3 <- relations_from(a3, "contract", y3w, TRUE)
# A second contract on an existing pair: still one tie in the 0/1 dependent.
con3 <- rbind(con3, transform(con3[1, ], weight = 1))
r3 <- rbind(r3, con3)
write_fixture("directed_logistic", "20 actors; directed binary dependent contract; netlogit",
              a3, r3, "contract", spec3, TRUE, "logistic", 303)
