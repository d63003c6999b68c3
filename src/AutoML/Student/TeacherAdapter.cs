using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Prediction;

namespace Pipelines.AutoML.Student;

/// <summary>
/// The fitted teacher seen from the student's feature space, for <see cref="Trainers.Distillation.DistillStudent"/>: its
/// features are the student's preprocessed features, and <see cref="Predict"/> decodes each row back to a raw row
/// (<see cref="RawRowDecoder"/>) and returns the real teacher's probabilities for it. Used only while fitting; never saved.
/// </summary>
internal sealed class TeacherAdapter(ITransformer teacher, RawRowDecoder decoder, PredictionTask task, IReadOnlyList<string> features, IReadOnlyList<string> classes)
    : Predictor(task, features, classes)
{
    public override float[] Predict(DataFrame input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var raw = decoder.Decode(input);
        return PredictionReader.Probabilities(teacher.Transform(raw), Classes, nameof(TeacherAdapter));
    }
}
