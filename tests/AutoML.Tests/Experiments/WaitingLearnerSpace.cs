using Pipelines.AutoML.SearchSpace;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.AutoML.Tests.Experiments;

/// <summary>
/// A learner for runner tests: waits "wait_ms" (checking the training context's token, as real trainers do between
/// rounds), throws when "fail" is "yes", then fits a logistic/softmax regression with "l2". Trials of known length
/// and outcome make budget, time-limit and memory-guard behaviour testable without timing luck.
/// </summary>
internal sealed class WaitingLearnerSpace(int waitMs = 0, bool canFail = false) : ILearnerSpace
{
    public string Name => "waiting";
    public double RelativeCost => 1;
    public bool AcceptsCategorical => false;
    public bool Supports(PredictionTask task) => task != PredictionTask.Regression;

    public ParameterSpace Space(PredictionTask task) => new(
        ("wait_ms", new Constant(waitMs)),
        ("fail", canFail ? new Choice("no", "yes") : new Constant("no")),
        ("l2", new FloatRange(1e-4, 10, defaultValue: 1, log: true)));

    public IEstimator<ITransformer> Create(Parameters parameters, PredictionTask task, int seed) =>
        new Waiting(parameters.GetInt("wait_ms"), parameters.GetString("fail") == "yes", parameters.GetDouble("l2"));

    private sealed class Waiting(int waitMs, bool fail, double l2) : IEstimator<ITransformer>
    {
        public DataSchema GetOutputSchema(DataSchema input) => new SoftmaxRegression { L2 = l2 }.GetOutputSchema(input);

        public ITransformer Fit(DataFrame input)
        {
            var until = Environment.TickCount64 + waitMs;
            while (Environment.TickCount64 < until)
            {
                TrainingContext.ThrowIfCancelled();
                Thread.Sleep(5);
            }
            if (fail) throw new InvalidOperationException("this trial was told to fail");
            return new SoftmaxRegression { L2 = l2 }.Fit(input);
        }
    }
}
