using Pipelines.Core;
using Pipelines.Trainers.Compression;
using Pipelines.Trainers.Mlp;

namespace Pipelines.AutoML.Student;

/// <summary>
/// What <see cref="StudentBuilder.Build"/> returns: the student's fitted preprocessing, the distilled network, and the
/// network after magnitude pruning, with pipelines that read raw rows (the teacher's input) and output the usual
/// prediction columns.
/// </summary>
/// <param name="Preprocessing">The fitted preprocessing (see <see cref="StudentBuilder"/>): raw rows in, the student's numeric features out.</param>
/// <param name="Distilled">The network as distillation left it.</param>
/// <param name="Pruned">The distilled network after magnitude pruning and fine-tuning.</param>
/// <param name="PruningReport">Parameters and non-zeros before and after pruning, with accuracies on the training rows.</param>
public sealed record StudentModel(TransformerChain Preprocessing, MlpModel Distilled, MlpModel Pruned, CompressionReport PruningReport)
{
    /// <summary>
    /// A decision step after the network (the teacher's tuned threshold or class weights, on the student's
    /// probabilities, which already mimic the teacher's calibrated ones), or null for argmax.
    /// </summary>
    public ITransformer? Decision { get; init; }

    /// <summary>The final student: preprocessing, then the pruned network (and the decision step).</summary>
    public TransformerChain Pipeline => new([.. Preprocessing.Steps, Pruned, .. Decided]);

    /// <summary>The student before pruning: preprocessing, then the distilled network (and the decision step).</summary>
    public TransformerChain DistilledPipeline => new([.. Preprocessing.Steps, Distilled, .. Decided]);

    /// <summary>The rows and epochs it was trained with (cut from the options' by <see cref="StudentBuilder.TimeLimit"/>); null when not recorded.</summary>
    internal StudentWorkload? Workload { get; init; }

    private ITransformer[] Decided => Decision is null ? [] : [Decision];

    /// <summary>The classes, in the order of the probability outputs (the teacher's order).</summary>
    public IReadOnlyList<string> Classes => Pruned.Classes;

    /// <summary>The numeric features the network reads, in order.</summary>
    public IReadOnlyList<string> Features => Pruned.Features;
}
