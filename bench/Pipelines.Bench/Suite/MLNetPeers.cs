using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Pipelines.Data;
using Pipelines.IO;

namespace Pipelines.Bench.Suite;

/// <summary>
/// ML.NET's LightGbm and FastTree at their defaults, in the pipeline ML.NET's Model Builder writes for tabular data:
/// the training CSV loaded with a TextLoader (numbers as Single, empty ones as NaN, categories as text), missing numbers replaced by the
/// column mean, categories one-hot encoded, all concatenated into Features; binary labels as Boolean for the binary
/// trainers, several classes as a key for LightGbm's multiclass trainer and a one-versus-all FastTree (as
/// Microsoft.ML.AutoML searches them). Test predictions are scored by <see cref="SuiteScores"/> like every tool's.
/// </summary>
internal sealed class MLNetPeers : ISuiteContender
{
    private const string LabelText = "LabelText";

    public IReadOnlyList<string> Tools => ["mlnet-lightgbm", "mlnet-fasttree"];

    public string? Unavailable => null;

    public IEnumerable<SuiteOutcome> Run(SuiteCase suiteCase, IReadOnlyList<string> tools, string build) =>
        suiteCase.WithCsvFiles<IEnumerable<SuiteOutcome>>("automl-suite-mlnet-", (train, test) =>
            [.. tools.Select(tool => RunOne(suiteCase, tool, train, test, build))]);

    private static SuiteOutcome RunOne(SuiteCase suiteCase, string tool, string trainPath, string testPath, string build)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var ml = new MLContext(seed: 0);
            var frame = suiteCase.Data.Train.Without(suiteCase.Data.TextColumns);
            var schema = frame.Schema;
            var label = frame.LabelName!;
            var loader = ml.Data.CreateTextLoader(new TextLoader.Options
            {
                Separators = [','],
                HasHeader = true,
                AllowQuoting = true,
                // Without it an empty number reads as 0 and the mean replacement never sees a missing value.
                MissingRealsAsNaNs = true,
                Columns = [.. schema.Columns.Select((c, i) => new TextLoader.Column(
                    c.Name == label ? LabelText : c.Name,
                    c.Name == label ? (suiteCase.IsClassification ? DataKind.String : DataKind.Single) : c.Kind == ColumnKind.Numeric ? DataKind.Single : DataKind.String,
                    i))],
            });
            var trainData = loader.Load(trainPath);
            var testData = loader.Load(testPath);
            var numeric = schema.Features.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name).ToArray();
            var categorical = schema.Features.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name).ToArray();
            IEstimator<ITransformer> features = new EstimatorChain<ITransformer>();
            if (numeric.Length > 0) features = features.Append(ml.Transforms.ReplaceMissingValues([.. numeric.Select(n => new InputOutputColumnPair(n))]));
            if (categorical.Length > 0) features = features.Append(ml.Transforms.Categorical.OneHotEncoding([.. categorical.Select(n => new InputOutputColumnPair(n))]));
            features = features.Append(ml.Transforms.Concatenate("Features", [.. numeric, .. categorical]));

            var target = suiteCase.Data.Target;
            var lightGbm = tool == "mlnet-lightgbm";
            if (!target.IsClassification)
            {
                var trainer = lightGbm ? (IEstimator<ITransformer>)ml.Regression.Trainers.LightGbm(labelColumnName: LabelText) : ml.Regression.Trainers.FastTree(labelColumnName: LabelText);
                var model = features.Append(trainer).Fit(trainData);
                var seconds = clock.Elapsed.TotalSeconds;
                var scores = model.Transform(testData).GetColumn<float>("Score").ToArray();
                return SuiteOutcome.Scored(tool, suiteCase, SuiteScores.Regression(target, suiteCase.TestRows, scores), seconds, null, build);
            }
            var classes = frame.Categorical(label).Categories;
            var present = frame.Categorical(label).CountPerCategory().Select((n, i) => (n, i)).Where(p => p.n > 0).Select(p => classes[p.i]).ToArray();
            var width = target.Width;
            var rows = suiteCase.TestRows.Count;
            var probabilities = new float[rows * width];
            var labels = new int[rows];
            if (present.Length == 2)
            {
                // Binary trainers take a Boolean label: true for the second class.
                var toBool = ml.Transforms.Conversion.MapValue("Label", [new KeyValuePair<string, bool>(present[0], false), new KeyValuePair<string, bool>(present[1], true)], LabelText);
                var trainer = lightGbm ? (IEstimator<ITransformer>)ml.BinaryClassification.Trainers.LightGbm() : ml.BinaryClassification.Trainers.FastTree();
                var model = toBool.Append(features).Append(trainer).Fit(trainData);
                var seconds = clock.Elapsed.TotalSeconds;
                var predicted = model.Transform(testData);
                var p = predicted.GetColumn<float>("Probability").ToArray();
                var yes = predicted.GetColumn<bool>("PredictedLabel").ToArray();
                var (no, positive) = (target.Classes.OrdinalIndexOf(present[0]), target.Classes.OrdinalIndexOf(present[1]));
                for (var r = 0; r < rows; r++)
                {
                    probabilities[r * width + positive] = p[r];
                    probabilities[r * width + no] = 1 - p[r];
                    labels[r] = yes[r] ? positive : no;
                }
                return SuiteOutcome.Scored(tool, suiteCase, SuiteScores.Classification(target, suiteCase.TestRows, labels, probabilities), seconds, null, build);
            }
            var toKey = ml.Transforms.Conversion.MapValueToKey("Label", LabelText, keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
            var multiclass = lightGbm
                ? (IEstimator<ITransformer>)ml.MulticlassClassification.Trainers.LightGbm()
                : ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree());
            var fitted = toKey.Append(features).Append(multiclass).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel")).Fit(trainData);
            var fitSeconds = clock.Elapsed.TotalSeconds;
            var output = fitted.Transform(testData);
            VBuffer<ReadOnlyMemory<char>> slotNames = default;
            output.Schema["Score"].GetSlotNames(ref slotNames);
            var slots = slotNames.DenseValues().Select(n => target.Classes.OrdinalIndexOf(n.ToString())).ToArray();
            var score = output.GetColumn<float[]>("Score").ToArray();
            var text = output.GetColumn<string>("PredictedText").ToArray();
            for (var r = 0; r < rows; r++)
            {
                for (var k = 0; k < slots.Length; k++) probabilities[r * width + slots[k]] = score[r][k];
                labels[r] = target.Classes.OrdinalIndexOf(text[r]);
            }
            return SuiteOutcome.Scored(tool, suiteCase, SuiteScores.Classification(target, suiteCase.TestRows, labels, probabilities), fitSeconds, null, build);
        }
#pragma warning disable CA1031 // a failed peer is a result of the suite
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return SuiteOutcome.Failed(tool, suiteCase, clock.Elapsed.TotalSeconds, $"{ex.GetType().Name}: {ex.Message}", build);
        }
    }
}
