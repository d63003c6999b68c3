using System.Numerics.Tensors;

namespace Pipelines.Trainers.Neural;

/// <summary>Elementwise a + b, a - b, a * b, a / b with broadcasting (<see cref="Broadcast"/>).</summary>
public sealed partial class Tensor
{
    /// <summary>y = a + b; da = dy, db = dy (summed over broadcast dimensions).</summary>
    public Tensor Add(Tensor other) => Binary(this, other, nameof(Add));

    /// <summary>y = a - b; da = dy, db = -dy.</summary>
    public Tensor Sub(Tensor other) => Binary(this, other, nameof(Sub));

    /// <summary>y = a * b; da = dy * b, db = dy * a.</summary>
    public Tensor Mul(Tensor other) => Binary(this, other, nameof(Mul));

    /// <summary>y = a / b; da = dy / b, db = -dy * a / b^2. Division by zero gives infinity or NaN, as IEEE.</summary>
    public Tensor Div(Tensor other) => Binary(this, other, nameof(Div));

    public static Tensor operator +(Tensor a, Tensor b) => Binary(a, b, nameof(Add));
    public static Tensor operator -(Tensor a, Tensor b) => Binary(a, b, nameof(Sub));
    public static Tensor operator *(Tensor a, Tensor b) => Binary(a, b, nameof(Mul));
    public static Tensor operator /(Tensor a, Tensor b) => Binary(a, b, nameof(Div));
    public static Tensor operator +(Tensor a, float b) => Binary(a, Torch.Scalar(b), nameof(Add));
    public static Tensor operator -(Tensor a, float b) => Binary(a, Torch.Scalar(b), nameof(Sub));
    public static Tensor operator *(Tensor a, float b) => Binary(a, Torch.Scalar(b), nameof(Mul));
    public static Tensor operator /(Tensor a, float b) => Binary(a, Torch.Scalar(b), nameof(Div));
    public static Tensor operator +(float a, Tensor b) => Binary(Torch.Scalar(a), b, nameof(Add));
    public static Tensor operator -(float a, Tensor b) => Binary(Torch.Scalar(a), b, nameof(Sub));
    public static Tensor operator *(float a, Tensor b) => Binary(Torch.Scalar(a), b, nameof(Mul));
    public static Tensor operator /(float a, Tensor b) => Binary(Torch.Scalar(a), b, nameof(Div));
    public static Tensor operator -(Tensor a) => Binary(a, Torch.Scalar(-1f), nameof(Mul));

    private static Tensor Binary(Tensor a, Tensor b, string op)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (shape, rows, cols) = Broadcast.Shape(a, b, op);
        if (op is nameof(Add) or nameof(Sub) && a.Rows == rows && a.Cols == cols && b.Rows == 1 && b.Cols == cols)
            return AddRowVector(a, b, op == nameof(Sub), shape, rows, cols);
        var x = Broadcast.Expand(a, rows, cols);
        var y = Broadcast.Expand(b, rows, cols);
        var output = TensorArena.Take(rows * cols);
        switch (op)
        {
            case nameof(Add): TensorPrimitives.Add(x, y, output); break;
            case nameof(Sub): TensorPrimitives.Subtract(x, y, output); break;
            case nameof(Mul): TensorPrimitives.Multiply(x, y, output); break;
            default: TensorPrimitives.Divide(x, y, output); break;
        }
        return Result(output, shape, [a, b], grad =>
        {
            switch (op)
            {
                case nameof(Add):
                    Broadcast.AccumulateReduced(a, grad, rows, cols);
                    Broadcast.AccumulateReduced(b, grad, rows, cols);
                    break;
                case nameof(Sub):
                    Broadcast.AccumulateReduced(a, grad, rows, cols);
                    if (b.RequiresGrad)
                    {
                        var gb = TensorArena.Take(grad.Length);
                        TensorPrimitives.Negate(grad, gb);
                        Broadcast.AccumulateReduced(b, gb, rows, cols);
                    }
                    break;
                case nameof(Mul):
                    if (a.RequiresGrad) Broadcast.AccumulateReduced(a, Product(grad, y), rows, cols);
                    if (b.RequiresGrad) Broadcast.AccumulateReduced(b, Product(grad, x), rows, cols);
                    break;
                default:
                    if (a.RequiresGrad)
                    {
                        var ga = TensorArena.Take(grad.Length);
                        TensorPrimitives.Divide(grad, y, ga);
                        Broadcast.AccumulateReduced(a, ga, rows, cols);
                    }
                    if (b.RequiresGrad)
                    {
                        // d(a/b)/db = -(a/b)/b = -y_out / b.
                        var gb = TensorArena.Take(grad.Length);
                        TensorPrimitives.Multiply(grad, output, gb);
                        TensorPrimitives.Divide(gb, y, gb);
                        TensorPrimitives.Negate(gb, gb);
                        Broadcast.AccumulateReduced(b, gb, rows, cols);
                    }
                    break;
            }
        });
    }

    /// <summary>a + b or a - b for a row vector b (a bias), row by row without repeating b.</summary>
    private static Tensor AddRowVector(Tensor a, Tensor b, bool subtract, int[] shape, int rows, int cols)
    {
        var output = TensorArena.Take(rows * cols);
        for (var i = 0; i < rows; i++)
        {
            var row = a.Data.AsSpan(i * cols, cols);
            if (subtract) TensorPrimitives.Subtract(row, b.Data, output.AsSpan(i * cols, cols));
            else TensorPrimitives.Add(row, b.Data, output.AsSpan(i * cols, cols));
        }
        return Result(output, shape, [a, b], grad =>
        {
            a.AccumulateGrad(grad);
            if (!b.RequiresGrad) return;
            var g = b.GradBuffer();
            for (var i = 0; i < rows; i++)
            {
                var row = grad.AsSpan(i * cols, cols);
                if (subtract) TensorPrimitives.Subtract(g, row, g);
                else TensorPrimitives.Add(g, row, g);
            }
        });
    }

    private static float[] Product(float[] x, float[] y)
    {
        var result = TensorArena.Take(x.Length);
        TensorPrimitives.Multiply(x, y, result);
        return result;
    }
}
