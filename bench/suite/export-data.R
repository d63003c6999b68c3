# Exports the automl-suite data sets from Debian's R packages to CSV, one file per set, and writes manifest.tsv
# (name, file, label, task, rows, columns, source). Called by bench/suite/setup-data.sh; usage: Rscript export-data.R OUT_DIR
# Each set is the package's data frame as shipped, with these changes only: the named columns dropped, rows with a
# missing label dropped (counted in the manifest), factors and logicals written as their labels, NA as an empty field.
# A second argument 'unseen', 'fresh' or 'more' exports that list below instead of the suite.
suppressPackageStartupMessages({
  library(mlbench); library(kernlab); library(modeldata); library(AER); library(carData); library(dslabs); library(palmerpenguins); library(ggplot2); library(MASS)
})
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "."
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# name, package, object, label, task, columns to drop
sets <- list(
  list("ionosphere", "mlbench", "Ionosphere", "Class", "classification", character()),
  list("vehicle", "mlbench", "Vehicle", "Class", "classification", character()),
  list("vowel", "mlbench", "Vowel", "Class", "classification", character()),
  list("zoo", "mlbench", "Zoo", "type", "classification", character()),
  list("house_votes84", "mlbench", "HouseVotes84", "Class", "classification", character()),
  list("dna", "mlbench", "DNA", "Class", "classification", character()),
  list("shuttle", "mlbench", "Shuttle", "Class", "classification", character()),
  list("musk", "kernlab", "musk", "Class", "classification", character()),
  list("promotergene", "kernlab", "promotergene", "Class", "classification", character()),
  list("income", "kernlab", "income", "INCOME", "classification", character()),
  list("attrition", "modeldata", "attrition", "Attrition", "classification", character()),
  list("mlc_churn", "modeldata", "mlc_churn", "churn", "classification", character()),
  list("wa_churn", "modeldata", "wa_churn", "churn", "classification", character()),
  list("cells", "modeldata", "cells", "class", "classification", c("case")),
  list("ad_data", "modeldata", "ad_data", "Class", "classification", character()),
  list("stackoverflow", "modeldata", "stackoverflow", "Remote", "classification", character()),
  list("pd_speech", "modeldata", "pd_speech", "class", "classification", character()),
  list("hmda", "AER", "HMDA", "deny", "classification", character()),
  list("credit_card", "AER", "CreditCard", "card", "classification", character()),
  list("swiss_labor", "AER", "SwissLabor", "participation", "classification", character()),
  list("chile", "carData", "Chile", "vote", "classification", character()),
  list("titanic_survival", "carData", "TitanicSurvival", "survived", "classification", character()),
  list("olive", "dslabs", "olive", "region", "classification", c("area")),
  list("penguins", "palmerpenguins", "penguins", "species", "classification", character()),
  list("boston_housing", "mlbench", "BostonHousing", "medv", "regression", character()),
  list("concrete", "modeldata", "concrete", "compressive_strength", "regression", character()),
  list("ames", "modeldata", "ames", "Sale_Price", "regression", character()),
  list("sacramento", "modeldata", "Sacramento", "price", "regression", character()),
  list("cps1985", "AER", "CPS1985", "wage", "regression", character())
)

# Sets the project never iterated on, from the same packages: a check that what the suite shows carries over.
# Exported instead of the suite with a second argument: Rscript export-data.R OUT_DIR unseen
unseen <- list(
  list("glass", "mlbench", "Glass", "Type", "classification", character()),
  list("sonar", "mlbench", "Sonar", "Class", "classification", character()),
  list("pima2", "mlbench", "PimaIndiansDiabetes2", "diabetes", "classification", character()),
  list("breast_cancer_w", "mlbench", "BreastCancer", "Class", "classification", c("Id")),
  list("soybean", "mlbench", "Soybean", "Class", "classification", character()),
  list("satellite", "mlbench", "Satellite", "classes", "classification", character()),
  list("spam", "kernlab", "spam", "type", "classification", character()),
  list("credit_data", "modeldata", "credit_data", "Status", "classification", character()),
  list("hpc_data", "modeldata", "hpc_data", "class", "classification", character()),
  list("servo", "mlbench", "Servo", "Class", "regression", character()),
  list("ozone", "mlbench", "Ozone", "V4", "regression", character())
)

# A third list, chosen after the unseen sets had been looked at: larger sets (two of 52,000 rows), strong imbalance,
# an identifier and a date column left in as a user's file has them. Rscript export-data.R OUT_DIR fresh
fresh <- list(
  list("lending_club", "modeldata", "lending_club", "Class", "classification", character()),
  list("ticdata", "kernlab", "ticdata", "CARAVAN", "classification", character()),
  list("resume_names", "AER", "ResumeNames", "call", "classification", character()),
  list("mpls_stops", "carData", "MplsStops", "problem", "classification", character()),
  list("wells", "carData", "Wells", "switch", "classification", character()),
  list("bank_wages", "AER", "BankWages", "job", "classification", character()),
  list("two_class_dat", "modeldata", "two_class_dat", "Class", "classification", character()),
  list("diamonds", "ggplot2", "diamonds", "price", "regression", character()),
  list("car_prices", "modeldata", "car_prices", "Price", "regression", character()),
  list("slid", "carData", "SLID", "wages", "regression", character()),
  list("salaries", "carData", "Salaries", "salary", "regression", character()),
  list("biomass", "modeldata", "biomass", "HHV", "regression", c("dataset"))
)
# A fourth list, chosen once the fresh list had been run: survey and health data, a bird-weight set without the
# weight that defines its label, a meat spectra set without the two other measures. Rscript export-data.R OUT more
more <- list(
  list("health_insurance", "AER", "HealthInsurance", "health", "classification", character()),
  list("arrests", "carData", "Arrests", "released", "classification", character()),
  list("wvs", "carData", "WVS", "poverty", "classification", character()),
  list("beps", "carData", "BEPS", "vote", "classification", character()),
  list("birthwt", "MASS", "birthwt", "low", "classification", c("bwt")),
  list("scat", "modeldata", "scat", "Species", "classification", character()),
  list("ces11", "carData", "CES11", "abortion", "classification", character()),
  list("meats", "modeldata", "meats", "water", "regression", c("fat", "protein")),
  list("doctor_visits", "AER", "DoctorVisits", "visits", "regression", character()),
  list("gss_vocab", "carData", "GSSvocab", "vocab", "regression", character()),
  list("college_distance", "AER", "CollegeDistance", "education", "regression", character()),
  list("teaching_ratings", "AER", "TeachingRatings", "eval", "regression", character())
)
if (length(args) > 1 && args[2] == "unseen") sets <- unseen
if (length(args) > 1 && args[2] == "fresh") sets <- fresh
if (length(args) > 1 && args[2] == "more") sets <- more

manifest <- data.frame()
for (s in sets) {
  name <- s[[1]]; pkg <- s[[2]]; object <- s[[3]]; label <- s[[4]]; task <- s[[5]]; drop <- s[[6]]
  env <- new.env()
  data(list = object, package = pkg, envir = env)
  frame <- as.data.frame(get(object, envir = env))
  if (!(label %in% names(frame))) stop(sprintf("%s::%s has no column '%s'", pkg, object, label))
  frame <- frame[, setdiff(names(frame), drop), drop = FALSE]
  missing <- is.na(frame[[label]])
  frame <- frame[!missing, , drop = FALSE]
  # Row names that carry data (TitanicSurvival's passenger names) are identifiers, not features: left out.
  for (column in names(frame)) {
    values <- frame[[column]]
    if (is.factor(values) || is.logical(values)) frame[[column]] <- as.character(values)
  }
  file <- paste0(name, ".csv")
  write.csv(frame, file.path(out, file), row.names = FALSE, na = "")
  manifest <- rbind(manifest, data.frame(name = name, file = file, label = label, task = task, rows = nrow(frame),
    columns = ncol(frame) - 1, dropped_label_rows = sum(missing), source = sprintf("%s::%s %s", pkg, object, packageVersion(pkg))))
}
write.table(manifest, file.path(out, "manifest.tsv"), sep = "\t", quote = FALSE, row.names = FALSE)
cat(sprintf("exported %d sets to %s\n", nrow(manifest), out))
