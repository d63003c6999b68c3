using Pipelines.Trainers.Neural;
using Pipelines.Trainers.Neural.Kernels;

namespace Pipelines.Trainers.Tests.Neural;

[TestClass]
public sealed class SgemmTests
{
    private static float[] Random(int count, int seed) => Torch.Randn(new Generator(seed), count).Data;

    /// <summary>
    /// Every kernel and transpose on sizes with edge tiles, several k blocks, (97 x 200 x 300) a B block packed by both
    /// threads, (600 x 9 x 20) a transposed A too wide to read in place, and narrow products (n &lt;= 4; 2000 x 3 x 200
    /// on both threads).
    /// </summary>
    public static IEnumerable<object[]> Cases()
    {
        foreach (var kernel in new[] { SgemmKernel.Scalar, SgemmKernel.Vector256, SgemmKernel.Vector512 })
        {
            foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 13, 5), (17, 33, 300), (100, 37, 513), (6, 16, 256), (97, 200, 300), (600, 9, 20), (13, 2, 37), (2000, 3, 200) })
            {
                foreach (var (ta, tb) in new[] { (false, false), (true, false), (false, true), (true, true) })
                    yield return [kernel, m, n, k, ta, tb];
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void MatchesTheNaiveReference(SgemmKernel kernel, int m, int n, int k, bool transA, bool transB)
    {
        var a = Random(m * k, 1);
        var b = Random(k * n, 2);
        var c = Random(m * n, 3);
        var expected = (float[])c.Clone();
        int lda = transA ? m : k, ldb = transB ? k : n;
        SgemmReference.Multiply(transA, transB, m, n, k, 0.7f, a, lda, b, ldb, 0.5f, expected, n);
        Sgemm.Multiply(transA, transB, m, n, k, 0.7f, a, lda, b, ldb, 0.5f, c, n, 2, kernel);
        for (var i = 0; i < c.Length; i++)
            Assert.AreEqual(expected[i], c[i], 1e-4f * (1 + MathF.Sqrt(k)), $"element {i} ({kernel}, {m}x{n}x{k}, tA={transA}, tB={transB})");
    }

    [TestMethod]
    public void WideMatricesCrossTheColumnBlock()
    {
        int m = 3, n = Sgemm.NC + 37, k = 5;
        var a = Random(m * k, 6);
        var b = Random(n * k, 7);
        var expected = new float[m * n];
        var c = new float[m * n];
        SgemmReference.Multiply(false, true, m, n, k, 1f, a, k, b, k, 0f, expected, n);
        Sgemm.Multiply(false, true, m, n, k, 1f, a, k, b, k, 0f, c, n);
        for (var i = 0; i < c.Length; i++) Assert.AreEqual(expected[i], c[i], 1e-4f, $"element {i}");
    }

    [TestMethod]
    public void BetaZeroOverwritesNaN()
    {
        var c = new[] { float.NaN, float.NaN };
        Sgemm.Multiply(false, false, 1, 2, 1, 1f, [2f], 1, [3f, 4f], 2, 0f, c, 2);
        CollectionAssert.AreEqual(new[] { 6f, 8f }, c);
    }

    [TestMethod]
    public void LeadingDimensionsAreHonoured()
    {
        // A is the left 2x2 of a 2x3 array, C the left 2x2 of a 2x4 array whose other cells must stay.
        float[] a = [1, 2, 99, 3, 4, 99];
        float[] b = [1, 0, 0, 1];
        var c = new float[8];
        Array.Fill(c, -1f);
        Sgemm.Multiply(false, false, 2, 2, 2, 1f, a, 3, b, 2, 0f, c, 4);
        CollectionAssert.AreEqual(new float[] { 1, 2, -1, -1, 3, 4, -1, -1 }, c);
    }

    /// <summary>301 x 70 x 600 through the micro-kernel; 3000 x 2 x 300 (B transposed) through narrow products.</summary>
    [TestMethod]
    [DataRow(301, 70, 600, false)]
    [DataRow(3000, 2, 300, true)]
    public void ResultDoesNotDependOnThreadsOrRowCount(int m, int n, int k, bool transB)
    {
        var a = Random(m * k, 4);
        var b = Random(k * n, 5);
        var ldb = transB ? k : n;
        var one = new float[m * n];
        var two = new float[m * n];
        Sgemm.Multiply(false, transB, m, n, k, 1f, a, k, b, ldb, 0f, one, n, threads: 1);
        Sgemm.Multiply(false, transB, m, n, k, 1f, a, k, b, ldb, 0f, two, n, threads: 2);
        CollectionAssert.AreEqual(one, two);
        foreach (var row in new[] { 0, m / 2, m - 1 })
        {
            var single = new float[n];
            Sgemm.Multiply(false, transB, 1, n, k, 1f, a[(row * k)..((row + 1) * k)], k, b, ldb, 0f, single, n);
            CollectionAssert.AreEqual(one[(row * n)..((row + 1) * n)], single, $"row {row} alone");
        }
    }

    [TestMethod]
    public void BadSizesAreRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => Sgemm.Multiply(false, false, 2, 2, 2, 1f, new float[3], 2, new float[4], 2, 0f, new float[4], 2));
}
