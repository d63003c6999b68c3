namespace Pipelines.Trainers.Neural;

/// <summary>The shared driver of elementwise operations: y = f(x) forward, dx = dy * f'(x, y) backward.</summary>
public sealed partial class Tensor
{
    /// <summary>Forward fills y from x; derivative fills d (length N) with f'(x) given x and y.</summary>
    private Tensor Unary(Action<float[], float[]> forward, Action<float[], float[], float[]> derivative)
    {
        var output = TensorArena.Take(Count);
        forward(Data, output);
        return Result(output, Shape, [this], grad =>
        {
            if (!RequiresGrad) return;
            var d = TensorArena.Take(Count);
            derivative(Data, output, d);
            System.Numerics.Tensors.TensorPrimitives.Multiply(d, grad, d);
            AccumulateGrad(d);
        });
    }
}
