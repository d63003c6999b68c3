using System.Diagnostics;
using System.Globalization;
using Pipelines.Core;
using Pipelines.Sampling;
using Pipelines.Tests.Contract;

namespace Pipelines.Tests.Sampling;

/// <summary>Class counts against imbalanced-learn, when the system Python has it (it is not installed by tests).</summary>
[TestClass]
public sealed class ImblearnParityTests
{
    private const string Python = "/usr/bin/python3";

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
        var output = RunPython(script);
        IEstimator<ITransformer> ours = sampler switch
        {
            "RandomOverSampler" => new RandomOverSample { Strategy = SamplingStrategy.Ratio(ratio) },
            "RandomUnderSampler" => new RandomUnderSample { Strategy = SamplingStrategy.Ratio(ratio) },
            _ => new Smote { Strategy = SamplingStrategy.Ratio(ratio) },
        };
        var counts = SamplingTestData.CountByClass(ours.FitTransform(data).Output);
        Assert.AreEqual(output.Trim(), $"{counts["no"]} {counts["yes"]}");
    }

    private static string RunPython(string script)
    {
        if (!File.Exists(Python)) Assert.Inconclusive($"{Python} is not there.");
        var probe = Run("-c \"import imblearn\"", null);
        if (probe.Code != 0) Assert.Inconclusive("imbalanced-learn is not installed for the system Python (Debian: python3-imblearn).");
        var result = Run("-", script);
        Assert.AreEqual(0, result.Code, result.Error);
        return result.Output;
    }

    private static (int Code, string Output, string Error) Run(string arguments, string? input)
    {
        var info = new ProcessStartInfo(Python, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
