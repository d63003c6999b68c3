using Pipelines.Calibration;
using Pipelines.Evaluation;
using Pipelines.Tests.Contract;
using Pipelines.Trainers.Trees;

namespace Pipelines.Tests.Calibration;

/// <summary>
/// <see cref="CalibratedClassifier"/> under the shared contract, around a small GBDT (which reads the categorical column
/// and missing values itself; the text column is left out). Cross-fitting needs two classes in every fold, so it refuses one row.
/// </summary>
public sealed class CalibrationCases : IContractCaseSource
{
    public IEnumerable<ContractCase> Cases =>
    [
        new("calibrated-classifier",
            () => new CalibratedClassifier(new GbdtClassifier { Rounds = 8, NumLeaves = 4, MinChildSamples = 5, Seed = 3 })
            {
                Folds = 3,
                Seed = 1,
                Objective = DecisionObjective.Maximize(Metric.MacroF1),
            },
            new Capabilities { AcceptsOneRow = false },
            () => ContractData.Standard().Without("note")),
    ];
}
