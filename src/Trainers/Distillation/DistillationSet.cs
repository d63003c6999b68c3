using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;

namespace Pipelines.Trainers.Distillation;

/// <summary>
/// What the student trains on: the real rows (with their true class, in the teacher's class order) followed by the
/// synthetic rows (true class -1), all labelled by the teacher's probabilities; and held-out synthetic rows, made the
/// same way from another seed, on which training measures how well the student copies the teacher. Features are raw
/// (not standardized), row-major, in the teacher's feature order.
/// </summary>
internal sealed record DistillationSet(
    float[] Features, int Rows, int RealRows, float[] TeacherProbabilities, int[] Targets,
    float[] ValidationFeatures, int ValidationRows, float[] ValidationProbabilities)
{
    /// <summary>The rows for <paramref name="options"/>: max(AugmentFactor n, MinSyntheticRows) synthetic rows for n real
    /// rows, and ValidationRows held-out rows (none without an augmentation).</summary>
    public static DistillationSet Build(string step, DistillStudent options, DataFrame input)
    {
        var teacher = options.Teacher;
        var augmentation = options.Augmentation;
        var set = TrainingSet.Read(step, input, allowMissing: false, allowCategorical: false, features: teacher.Features);
        var n = set.RowCount;
        if (n < 2) ThrowHelper.TooFewRows(step, n, 2);
        var targets = TeacherCodes(step, teacher, set, input.LabelName!);
        var k = teacher.Classes.Count;
        var real = set.RowMajor();
        var realProbabilities = teacher.Predict(new DataFrame(set.FeatureColumns));
        if (augmentation is null) return new DistillationSet(real, n, n, realProbabilities, targets, [], 0, []);
        var syntheticRows = Math.Max(options.AugmentFactor * n, options.MinSyntheticRows);
        var validationRows = options.ValidationRows;
        var seed = options.Seed;
        var realClasses = ClassificationMetrics.ArgMax(realProbabilities, k);
        int[] Classify(float[] values, int rows) => ClassificationMetrics.ArgMax(teacher.Predict(Frame(teacher.Features, values, rows)), k);
        var synthetic = SyntheticRows.Generate(step, augmentation, real, realClasses, teacher.Features, syntheticRows, seed, Classify);
        var held = SyntheticRows.Generate(step, augmentation, real, realClasses, teacher.Features, validationRows, seed ^ 0x5EED, Classify);
        return new DistillationSet(
            [.. real, .. synthetic], n + syntheticRows, n, [.. realProbabilities, .. Label(teacher, synthetic, syntheticRows)],
            [.. targets, .. Enumerable.Repeat(-1, syntheticRows)],
            held, validationRows, Label(teacher, held, validationRows));
    }

    private static float[] Label(IPredictor teacher, float[] values, int rows) =>
        rows == 0 ? [] : teacher.Predict(Frame(teacher.Features, values, rows));

    /// <summary>Row-major values as a frame of numeric columns named <paramref name="features"/>.</summary>
    public static DataFrame Frame(IReadOnlyList<string> features, float[] values, int rows)
    {
        var d = features.Count;
        var columns = new Column[d];
        for (var j = 0; j < d; j++)
        {
            var column = new float[rows];
            for (var r = 0; r < rows; r++) column[r] = values[r * d + j];
            columns[j] = new NumericColumn(features[j], column);
        }
        return new DataFrame(columns);
    }

    // The true classes as indices into the teacher's classes; a class the teacher does not know is an error.
    private static int[] TeacherCodes(string step, IPredictor teacher, TrainingSet set, string label)
    {
        if (set.Task == PredictionTask.Regression)
            throw new SchemaException($"{step}: the label '{label}' is numeric with many values; distillation here needs a classification label.");
        var map = new int[set.Classes.Count];
        for (var c = 0; c < map.Length; c++) map[c] = teacher.Classes.OrdinalIndexOf(set.Classes[c]);
        var codes = new int[set.RowCount];
        for (var r = 0; r < codes.Length; r++)
        {
            codes[r] = map[set.ClassCodes[r]];
            if (codes[r] < 0)
                throw new DataValueException(
                    $"{step}: the label '{label}' has class '{set.Classes[set.ClassCodes[r]]}', which the teacher does not know " +
                    $"(its classes: [{string.Join(", ", teacher.Classes)}]). Fit the teacher on the same classes.");
        }
        return codes;
    }
}
