using Pipelines.Export.Onnx.Conversion;
using Pipelines.Trainers.LinearModels;

namespace Pipelines.Export.Onnx.Converters;

/// <summary><see cref="LinearRegressionModel"/>: <see cref="OnnxLearnerOutputs.Score"/> = x w + b (Gemm), float [N, 1].</summary>
[OnnxConverter]
public sealed class LinearRegressionModelConverter : OnnxConverter<LinearRegressionModel>
{
    /// <inheritdoc/>
    protected override void Convert(LinearRegressionModel transformer, OnnxConversionContext context) =>
        LearnerOutputGraph.DeclareRegressor(context, LinearScoreGraph.Emit(transformer, context));
}
