using System.Globalization;
using Pipelines.Core;
using Pipelines.Sampling;
using Pipelines.Tests.Contract;

namespace Pipelines.Tests.Sampling;

/// <summary>Class counts against imbalanced-learn, in Debian's Python (python3-imblearn, installed by the test when run as root: DebianPackages).</summary>
[TestClass]
public sealed class ImblearnParityTests
{
    [TestMethod]
    [DataRow("RandomOverSampler", 0.5)]
    [DataRow("RandomUnderSampler", 0.5)]
    [DataRow("SMOTE", 0.8)]
    public void BinaryRatioGivesImblearnsCounts(string sampler, double ratio)
    {
        var data = ContractData.Standard().Without("color", "note");
        var labels = string.Join(",", Enumerable.Range(0, data.RowCount).Select(i => $"'{data.Label!.FormatValue(i)}'"));
        var script =
            "import numpy as np, collections\n" +
            "from imblearn.over_sampling import RandomOverSampler, SMOTE\n" +
            "from imblearn.under_sampling import RandomUnderSampler\n" +
            $"y = np.array([{labels}])\n" +
            "X = np.arange(len(y) * 2, dtype=float).reshape(-1, 2)\n" +
            $"_, r = {sampler}(sampling_strategy={ratio.ToString(CultureInfo.InvariantCulture)}, random_state=0).fit_resample(X, y)\n" +
            "c = collections.Counter(r)\nprint(c['no'], c['yes'])\n";
        var output = ReferencePython.Run(script);
        IEstimator<ITransformer> ours = sampler switch
        {
            "RandomOverSampler" => new RandomOverSample { Strategy = SamplingStrategy.Ratio(ratio) },
            "RandomUnderSampler" => new RandomUnderSample { Strategy = SamplingStrategy.Ratio(ratio) },
            _ => new Smote { Strategy = SamplingStrategy.Ratio(ratio) },
        };
        var counts = SamplingTestData.CountByClass(ours.FitTransform(data).Output);
        Assert.AreEqual(output.Trim(), $"{counts["no"]} {counts["yes"]}");
    }
}
