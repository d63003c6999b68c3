using System.Runtime.CompilerServices;

// The GBDT modules (binning, histograms, splitting, growing) are internal; their tests live in Trainers.Tests.
[assembly: InternalsVisibleTo("Trainers.Tests")]
