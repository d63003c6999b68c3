using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Evaluation;
using Pipelines.Prediction;
using Pipelines.Trainers.Trees.Boosting;
using Pipelines.Trainers.Trees.Growing;
using Pipelines.Trainers.Trees.Prediction;
using Pipelines.Trainers.Trees.Splitting;

namespace Pipelines.Trainers.Trees;

/// <summary>What the classifier and regressor share: reading the data, the validation split, warm start, and the model.</summary>
internal static class GbdtFitting
{
    /// <summary>Per-class weight multipliers (by class code) for classification; null for regression.</summary>
    public delegate double[]? ClassWeighting(IReadOnlyList<string> classes);

    public static GbdtModel Fit(GbdtOptions options, DataFrame data, bool regression, string step, ClassWeighting classWeights)
    {
        ArgumentNullException.ThrowIfNull(data);
        Validate(options, step);
        var set = TrainingSet.Read(step, data, allowMissing: true, allowCategorical: true, regression: regression);
        var (task, classes, labels) = ReadLabels(set, data, regression, step);
        if (classWeights(classes) is { } multipliers)
        {
            for (var r = 0; r < labels.Rows; r++) labels.Weights[r] *= (float)multipliers[labels.Classes[r]];
        }
        var features = set.FeatureColumns;
        if (options.InitModel is { } init) CheckInitModel(init, set, task, classes, step);

        BoostingData train;
        BoostingData? valid = null;
        if (options.Validation is { } frame)
        {
            var vset = TrainingSet.Read(step, frame, allowMissing: true, allowCategorical: true, set.Features, regression);
            var (_, vclasses, vlabels) = ReadLabels(vset, frame, regression, step);
            if (!regression) vlabels = vlabels with { Classes = MapClasses(vlabels.Classes, vclasses, classes, step) };
            valid = new BoostingData(vset.FeatureColumns, vlabels, StartScores(options.InitModel, vset.FeatureColumns, set.Features));
            train = new BoostingData(features, labels, StartScores(options.InitModel, features, set.Features));
        }
        else if (options.EarlyStoppingRounds is not null)
        {
            var fold = Split.TrainTest(StratificationFrame(labels, classes, regression), options.ValidationFraction, options.Seed);
            var trainColumns = features.Select(c => c.Take(fold.Train)).ToArray();
            var validColumns = features.Select(c => c.Take(fold.Test)).ToArray();
            train = new BoostingData(trainColumns, labels.Take(fold.Train), StartScores(options.InitModel, trainColumns, set.Features));
            valid = new BoostingData(validColumns, labels.Take(fold.Test), StartScores(options.InitModel, validColumns, set.Features));
        }
        else
        {
            train = new BoostingData(features, labels, StartScores(options.InitModel, features, set.Features));
        }

        Objective objective = task switch
        {
            PredictionTask.Regression => new SquaredError(),
            PredictionTask.BinaryClassification => new BinaryLogLoss(),
            _ => new SoftmaxBoostingLoss(classes.Length),
        };
        var baseScores = options.InitModel is { } model ? [.. model.BaseScores] : objective.InitScores(train.Labels);
        var result = Booster.Train(objective, train, valid, baseScores, Settings(options));

        var trees = new List<RegressionTree>();
        var gain = result.GainImportance;
        var splits = result.SplitImportance;
        if (options.InitModel is { } previous)
        {
            trees.AddRange(previous.Trees);
            for (var f = 0; f < gain.Length; f++)
            {
                gain[f] += previous.GainImportance[f];
                splits[f] += previous.SplitImportance[f];
            }
        }
        trees.AddRange(result.Trees);
        var categorical = features.Select(c => c.Kind == ColumnKind.Categorical).ToArray();
        return new GbdtModel(task, set.Features, classes, categorical, baseScores, trees, gain, splits);
    }

    /// <summary>The boosting settings the options ask for.</summary>
    public static BoostingSettings Settings(GbdtOptions o)
    {
        var split = new SplitParameters(o.L1, o.L2, o.MinChildSamples, o.MinChildWeight, o.MinSplitGain, o.MaxCatThreshold, o.CatSmooth, o.CatL2, o.MinDataPerGroup);
        var parallel = TreeParallelism.ForTraining(o.Threads);
        return new BoostingSettings(
            o.Rounds, o.LearningRate, new GrowthParameters(o.NumLeaves, o.MaxDepth, split), o.RowSubsample, o.ColumnSubsample,
            o.MaxBins, o.BinSampleSize, o.EarlyStoppingRounds, o.Seed, parallel);
    }

    /// <summary>Input schema plus the prediction columns; for classification partial, since class names come from the data.</summary>
    public static DataSchema OutputSchema(DataSchema input, bool regression, string step)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Label is null) ThrowHelper.NeedsLabel(step);
        foreach (var column in input.Features)
        {
            if (column.Kind is not (ColumnKind.Numeric or ColumnKind.Categorical))
                ThrowHelper.WrongKind(step, column.Name, column.Kind, ColumnKind.Numeric, ColumnKind.Categorical);
        }
        var added = regression
            ? new ColumnSchema(PredictionColumns.Score, ColumnKind.Numeric)
            : new ColumnSchema(PredictionColumns.PredictedLabel, ColumnKind.Categorical);
        var schema = new DataSchema([.. input.Columns.Where(c => c.Name != added.Name), added]);
        return regression ? schema : schema.AsPartial();
    }

    private static void Validate(GbdtOptions o, string step)
    {
        if (o.NumLeaves < 2) ThrowHelper.BadOption(step, nameof(o.NumLeaves), o.NumLeaves, "at least 2");
        if (!(o.LearningRate > 0) || double.IsInfinity(o.LearningRate)) ThrowHelper.BadOption(step, nameof(o.LearningRate), o.LearningRate, "a positive number");
        if (o.Rounds < 1) ThrowHelper.BadOption(step, nameof(o.Rounds), o.Rounds, "at least 1");
        if (o.MinChildSamples < 1) ThrowHelper.BadOption(step, nameof(o.MinChildSamples), o.MinChildSamples, "at least 1");
        if (!(o.MinChildWeight >= 0)) ThrowHelper.BadOption(step, nameof(o.MinChildWeight), o.MinChildWeight, "0 or more");
        if (!(o.L1 >= 0)) ThrowHelper.BadOption(step, nameof(o.L1), o.L1, "0 or more");
        if (!(o.L2 >= 0)) ThrowHelper.BadOption(step, nameof(o.L2), o.L2, "0 or more");
        if (!(o.MinSplitGain >= 0)) ThrowHelper.BadOption(step, nameof(o.MinSplitGain), o.MinSplitGain, "0 or more");
        if (o.RowSubsample is not (> 0 and <= 1)) ThrowHelper.BadOption(step, nameof(o.RowSubsample), o.RowSubsample, "a fraction in (0, 1]");
        if (o.ColumnSubsample is not (> 0 and <= 1)) ThrowHelper.BadOption(step, nameof(o.ColumnSubsample), o.ColumnSubsample, "a fraction in (0, 1]");
        if (o.MaxBins is < 2 or > 255) ThrowHelper.BadOption(step, nameof(o.MaxBins), o.MaxBins, "2 to 255");
        if (o.BinSampleSize < 1) ThrowHelper.BadOption(step, nameof(o.BinSampleSize), o.BinSampleSize, "at least 1");
        if (o.MaxCatThreshold < 1) ThrowHelper.BadOption(step, nameof(o.MaxCatThreshold), o.MaxCatThreshold, "at least 1");
        if (!(o.CatSmooth >= 0)) ThrowHelper.BadOption(step, nameof(o.CatSmooth), o.CatSmooth, "0 or more");
        if (!(o.CatL2 >= 0)) ThrowHelper.BadOption(step, nameof(o.CatL2), o.CatL2, "0 or more");
        if (o.MinDataPerGroup < 1) ThrowHelper.BadOption(step, nameof(o.MinDataPerGroup), o.MinDataPerGroup, "at least 1");
        if (o.EarlyStoppingRounds is < 1) ThrowHelper.BadOption(step, nameof(o.EarlyStoppingRounds), o.EarlyStoppingRounds, "at least 1, or null");
        if (o.ValidationFraction is not (> 0 and < 1)) ThrowHelper.BadOption(step, nameof(o.ValidationFraction), o.ValidationFraction, "a fraction in (0, 1)");
        if (o.Threads is < 1) ThrowHelper.BadOption(step, nameof(o.Threads), o.Threads, "at least 1, or null");
    }

    private static (PredictionTask Task, string[] Classes, Labels Labels) ReadLabels(TrainingSet set, DataFrame data, bool regression, string step)
    {
        var weights = (float[])set.Weights.Clone();
        if (!regression)
        {
            if (set.Task == PredictionTask.Regression)
                throw new SchemaException($"{step}: label '{data.LabelName}' holds numbers with many distinct values; use GbdtRegressor for regression.");
            return (set.Task, [.. set.Classes], new Labels(set.ClassCodes, [], weights));
        }
        return (set.Task, [], new Labels([], set.Targets, weights));
    }

    private static int[] MapClasses(int[] codes, string[] from, string[] to, string step)
    {
        var map = from.Select(name => Array.IndexOf(to, name)).ToArray();
        var unknown = from.Where((_, i) => map[i] < 0).ToList();
        if (unknown.Count > 0)
            throw new DataValueException($"{step}: the validation data has class(es) {string.Join(", ", unknown.Select(u => $"'{u}'"))} that the training data lacks.");
        return [.. codes.Select(c => map[c])];
    }

    private static DataFrame StratificationFrame(Labels labels, string[] classes, bool regression) =>
        regression
            ? new DataFrame([new NumericColumn("label", labels.Targets)], label: "label")
            : new DataFrame([new CategoricalColumn("label", labels.Classes, classes)], label: "label");

    private static double[]? StartScores(GbdtModel? init, IReadOnlyList<Column> columns, IReadOnlyList<string> names) =>
        init?.RawScores(new DataFrame(columns.Select((c, i) => c.Rename(names[i]))));

    private static void CheckInitModel(GbdtModel init, TrainingSet set, PredictionTask task, string[] classes, string step)
    {
        if (init.Task != task || !init.Features.SequenceEqual(set.Features) || !init.Classes.SequenceEqual(classes))
            throw new SchemaException(
                $"{step}: InitModel was fitted for {init.Task} on features [{string.Join(", ", init.Features)}] with classes [{string.Join(", ", init.Classes)}]; " +
                $"the data gives {task} on [{string.Join(", ", set.Features)}] with classes [{string.Join(", ", classes)}]. Continue a model only on data of the same shape.");
    }
}
