using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.Distillation;
using Pipelines.Trainers.Gan;
using Pipelines.Trainers.Gan.Training;
using Pipelines.Trainers.LinearModels;
using Pipelines.Trainers.Mlp;
using Pipelines.Trainers.Optimization;
using Pipelines.Trainers.Tests.Compression;
using Pipelines.Trainers.Tests.Gan;
using Pipelines.Trainers.Tests.Optimization;
using Pipelines.Trainers.Tests.Trees;
using Pipelines.Trainers.Trees;
using Pipelines.Trainers.Trees.Forest;
using Pipelines.Tests.Contract;

namespace Pipelines.Trainers.Tests;

/// <summary>
/// Every trainer honours the ambient <see cref="TrainingContext"/>: a cancelled token stops it with
/// <see cref="OperationCanceledException"/> (before any work when cancelled up front, between units of work when
/// cancelled during a fit that would otherwise run for a long time), and a cap of one thread gives the same model.
/// </summary>
[TestClass]
public sealed class TrainingContextTests
{
    /// <summary>Long enough uncancelled (many seconds) that only a check inside the loop can end it early.</summary>
    private const int CancelAfterMilliseconds = 30;

    private static readonly DataFrame Binary = TreeData.Binary(400, 5, seed: 21);

    /// <summary><see cref="Binary"/> without its categorical column, for the learners that need numbers.</summary>
    private static readonly DataFrame Numeric = Binary.Without("cat");

    [TestMethod]
    public void Gbdt_stops_when_cancelled_before_or_during_the_fit()
    {
        ThrowsWhenCancelledUpFront(() => new GbdtClassifier { Rounds = 5 }.Fit(Binary));
        ThrowsWhenCancelledDuringFit(() => new GbdtClassifier { Rounds = 1_000_000, NumLeaves = 4, MinChildSamples = 2 }.Fit(Binary));
        ThrowsWhenCancelledUpFront(() => new GbdtRegressor { Rounds = 5 }.Fit(ForestTestData.Regression(200, 3)));
    }

    [TestMethod]
    public void Forests_stop_when_cancelled_before_or_during_the_fit()
    {
        ThrowsWhenCancelledUpFront(() => new RandomForestClassifier { Trees = 8 }.Fit(Binary));
        ThrowsWhenCancelledUpFront(() => new ExtraTreesRegressor { Trees = 8 }.Fit(ForestTestData.Regression(200, 3)));
        ThrowsWhenCancelledDuringFit(() => new RandomForestClassifier { Trees = 1_000_000, MaxDepth = 3 }.Fit(Binary));
        ThrowsWhenCancelledDuringFit(() => new ExtraTreesClassifier { Trees = 1_000_000, MaxDepth = 3 }.Fit(Binary));
    }

    [TestMethod]
    public void Linear_learners_stop_when_cancelled_up_front()
    {
        ThrowsWhenCancelledUpFront(() => new LogisticRegression().Fit(Numeric));
        ThrowsWhenCancelledUpFront(() => new LogisticRegression { L1 = 1e-3 }.Fit(Numeric));
        ThrowsWhenCancelledUpFront(() => new SoftmaxRegression().Fit(TreeData.ThreeClasses(300, 3)));
        ThrowsWhenCancelledUpFront(() => new LinearRegression().Fit(ContractData.Regression().Without("color", "note")));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Quasi_newton_checks_the_token_every_iteration(bool l1)
    {
        using var source = new CancellationTokenSource();
        var function = new Cancelling(new Rosenbrock(), source, afterEvaluations: 5);
        var options = new OptimizerOptions { MaxIterations = 10_000, Tolerance = 0, GradientTolerance = 0 };
        using (TrainingContext.Enter(source.Token))
        {
            Assert.Throws<OperationCanceledException>(() =>
                _ = l1 ? OwlQn.Minimize(function, [-1.2, 1], [1e-6, 1e-6], options) : Lbfgs.Minimize(function, [-1.2, 1], options));
        }
        // The evaluation that cancelled belongs to one line search; the next iteration's check stops the run.
        Assert.IsLessThan(5 + options.MaxLineSearchSteps + 1, function.Evaluations);
    }

    [TestMethod]
    public void Mlp_and_fine_tuning_stop_when_cancelled_before_or_during_the_fit()
    {
        ThrowsWhenCancelledUpFront(() => new MlpClassifier { Epochs = 2 }.Fit(Numeric));
        ThrowsWhenCancelledUpFront(() => new MlpRegressor { Epochs = 2 }.Fit(ContractData.Regression().Without("color", "note")));
        ThrowsWhenCancelledDuringFit(() => new MlpClassifier { HiddenSizes = [8], Epochs = 1_000_000, EarlyStoppingPatience = 0 }.Fit(Numeric));
        var model = IrisFixture.Model;
        ThrowsWhenCancelledUpFront(() => new MlpFineTune { Model = model, Epochs = 2 }.Fit(IrisFixture.Test));
    }

    [TestMethod]
    public void Distillation_stops_when_cancelled_before_or_during_the_fit()
    {
        var teacher = new GbdtClassifier { Rounds = 5, Threads = 1 }.Fit(Numeric);
        ThrowsWhenCancelledUpFront(() => new DistillStudent { Teacher = teacher, Epochs = 2 }.Fit(Numeric));
        ThrowsWhenCancelledDuringFit(() => new DistillStudent { Teacher = teacher, HiddenSizes = [4], Augmentation = null, Epochs = 1_000_000 }.Fit(Numeric));
    }

    [TestMethod]
    public void Gan_stops_at_the_epoch_after_cancellation()
    {
        var frame = GanTrainingTests.ZeroInflated(200, 3);
        var options = GanTrainingTests.Small with { Epochs = 50 };
        using var source = new CancellationTokenSource();
        var epochs = 0;
        var progress = new SyncProgress(p =>
        {
            epochs = p.Epoch;
            if (p.Epoch == 2) source.Cancel();
        });
        using (TrainingContext.Enter(source.Token))
        {
            Assert.Throws<OperationCanceledException>(() => CtganTrainer.Fit(frame, options, progress));
        }
        Assert.AreEqual(2, epochs, "no epoch runs after the one that cancelled");
        ThrowsWhenCancelledUpFront(() => new TabularSynthesizer { Gan = options }.Fit(frame));
    }

    [TestMethod]
    public void A_single_thread_cap_gives_the_same_gbdt_and_forests()
    {
        var data = TreeData.Binary(3000, 6, seed: 5);
        var gbdt = new GbdtClassifier { Rounds = 8, NumLeaves = 15, RowSubsample = 0.8, ColumnSubsample = 0.7, Seed = 2 };
        CollectionAssert.AreEqual(gbdt.Fit(data).Predict(data), OnOneThread(() => gbdt.Fit(data)).Predict(data));
        data = TreeData.Binary(800, 6, seed: 5);
        var forest = new RandomForestClassifier { Trees = 12, Seed = 2 };
        CollectionAssert.AreEqual(forest.Fit(data).Predict(data), OnOneThread(() => forest.Fit(data)).Predict(data));
        var extra = new ExtraTreesClassifier { Trees = 12, Seed = 2, Threads = 2 };
        CollectionAssert.AreEqual(extra.Fit(data).Predict(data), OnOneThread(() => extra.Fit(data)).Predict(data));
    }

    [TestMethod]
    public void A_single_thread_cap_gives_the_same_mlp()
    {
        // Wide enough layers that the matrix products split into several row blocks per thread when threads are free.
        var mlp = new MlpClassifier { HiddenSizes = [128, 64], Epochs = 2, BatchSize = 200, EarlyStoppingPatience = 0, Seed = 3 };
        var data = TreeData.Binary(1000, 8, seed: 6).Without("cat");
        CollectionAssert.AreEqual(mlp.Fit(data).Predict(data), OnOneThread(() => mlp.Fit(data)).Predict(data));
    }

    [TestMethod]
    public void Tree_loops_take_their_thread_count_and_token_from_the_context()
    {
        Assert.AreEqual(Environment.ProcessorCount, TreeParallelism.ForTraining(null).MaxDegreeOfParallelism);
        Assert.AreEqual(1, TreeParallelism.ForTraining(1).MaxDegreeOfParallelism);
        using var source = new CancellationTokenSource();
        using (TrainingContext.Enter(source.Token, maxThreads: 1))
        {
            var options = TreeParallelism.ForTraining(null);
            Assert.AreEqual(1, options.MaxDegreeOfParallelism);
            Assert.AreEqual(source.Token, options.CancellationToken);
            Assert.AreEqual(1, TreeParallelism.ForTraining(8).MaxDegreeOfParallelism, "an explicit thread count is capped too");
            Assert.AreEqual(1, TreeParallelism.ForPrediction().MaxDegreeOfParallelism);
        }
    }

    private static T OnOneThread<T>(Func<T> fit)
    {
        using (TrainingContext.Enter(CancellationToken.None, maxThreads: 1)) return fit();
    }

    private static void ThrowsWhenCancelledUpFront(Action fit)
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        using (TrainingContext.Enter(source.Token)) Assert.Throws<OperationCanceledException>(fit);
    }

    private static void ThrowsWhenCancelledDuringFit(Action fit)
    {
        using var source = new CancellationTokenSource();
        using (TrainingContext.Enter(source.Token))
        {
            source.CancelAfter(CancelAfterMilliseconds);
            Assert.Throws<OperationCanceledException>(fit);
        }
    }

    /// <summary>A function that cancels its token at the given evaluation, counting every evaluation.</summary>
    private sealed class Cancelling(IDifferentiableFunction inner, CancellationTokenSource source, int afterEvaluations) : IDifferentiableFunction
    {
        public int Dimension => inner.Dimension;
        public int Evaluations { get; private set; }

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            if (++Evaluations == afterEvaluations) source.Cancel();
            return inner.Evaluate(x, gradient);
        }
    }

    private sealed class SyncProgress(Action<GanProgress> report) : IProgress<GanProgress>
    {
        public void Report(GanProgress value) => report(value);
    }
}
