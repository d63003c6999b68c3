using Pipelines.Export.Runtime;

namespace Pipelines.Export.Tests.Runtime;

[TestClass]
public sealed class InferenceSessionTests
{
    private static float[] Features(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * 3];
        for (var i = 0; i < x.Length; i++) x[i] = (float)(random.NextDouble() * 4 - 2);
        return x;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.HasCount(expected.Length, actual);
        for (var i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], actual[i], 1e-5f, $"element {i}");
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(1000)]
    public void Linear_model_from_file_matches_the_formula(int rows)
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Linear));
        var x = Features(rows, seed: rows);
        var outputs = session.Run([NamedTensor.FromFloats("X", x, rows, 3)]);
        Assert.HasCount(1, outputs);
        Assert.AreEqual("Y", outputs[0].Name);
        Assert.AreEqual(TensorElementType.Float, outputs[0].ElementType);
        CollectionAssert.AreEqual(new long[] { rows, 2 }, outputs[0].Shape.ToArray());
        AssertClose(TestModels.LinearExpected(x), outputs[0].GetFloats());
    }

    [TestMethod]
    public void Linear_model_from_bytes_gives_the_same_outputs_as_from_file()
    {
        var path = TestModels.PathOf(TestModels.Linear);
        using var fromFile = new InferenceSession(path);
        using var fromBytes = new InferenceSession(File.ReadAllBytes(path));
        var x = Features(5, seed: 3);
        var a = fromFile.Run([NamedTensor.FromFloats("X", x, 5, 3)])[0].GetFloats();
        var b = fromBytes.Run([NamedTensor.FromFloats("X", x, 5, 3)])[0].GetFloats();
        CollectionAssert.AreEqual(a, b);
    }

    [TestMethod]
    public void Inputs_outputs_and_metadata_are_read_from_the_model()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Linear));
        Assert.AreEqual("X: Float[-1, 3]", session.Inputs.Single().ToString());
        Assert.AreEqual("Y: Float[-1, 2]", session.Outputs.Single().ToString());
        Assert.AreEqual("pipelines-tests", session.Metadata.ProducerName);
        Assert.AreEqual("a linear layer", session.Metadata.Description);
        Assert.AreEqual("linear", session.Metadata.GraphName);
        Assert.AreEqual(7L, session.Metadata.Version);
        Assert.HasCount(2, session.Metadata.CustomMetadata);
        Assert.AreEqual("test", session.Metadata.CustomMetadata["purpose"]);
        Assert.AreEqual("ort-binding", session.Metadata.CustomMetadata["author"]);
    }

    [TestMethod]
    public void Int64_model_adds_exactly()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.AddInt64));
        long[] a = [1, long.MaxValue - 5, -7, 0];
        long[] b = [2, 5, 7, -1];
        var z = session.Run([NamedTensor.FromInt64s("A", a, 2, 2), NamedTensor.FromInt64s("B", b, 2, 2)]).Single();
        Assert.AreEqual(TensorElementType.Int64, z.ElementType);
        CollectionAssert.AreEqual(new long[] { 3, long.MaxValue, 0, -1 }, z.GetInt64s());
    }

    [TestMethod]
    public void String_model_round_trips_strings_and_encodes_labels()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Strings));
        string[] s = ["a", "b", "é", "", "unknown"];
        var outputs = session.Run([NamedTensor.FromStrings("S", s)]);
        CollectionAssert.AreEqual(s, outputs[0].GetStrings());
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, -1, -1 }, outputs[1].GetInt64s());
        Assert.AreEqual("S: String[-1]", session.Inputs[0].ToString());
    }

    [TestMethod]
    public void Requested_outputs_come_back_in_the_order_asked()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Strings));
        var outputs = session.Run([NamedTensor.FromStrings("S", ["b"])], ["Code"]);
        Assert.HasCount(1, outputs);
        Assert.AreEqual("Code", outputs[0].Name);
        CollectionAssert.AreEqual(new long[] { 2 }, outputs[0].GetInt64s());
    }

    [TestMethod]
    public void Concurrent_runs_on_one_session_agree_with_the_formula()
    {
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Linear));
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var x = Features(1 + i % 7, seed: i);
            var y = session.Run([NamedTensor.FromFloats("X", x, x.Length / 3, 3)])[0].GetFloats();
            AssertClose(TestModels.LinearExpected(x), y);
        });
    }

    [TestMethod]
    public void Session_options_are_accepted()
    {
        var options = new InferenceSessionOptions { IntraOpThreads = 1, InterOpThreads = 2, OptimizationLevel = GraphOptimizationLevel.Disabled };
        using var session = new InferenceSession(TestModels.PathOf(TestModels.Linear), options);
        var x = Features(3, seed: 9);
        AssertClose(TestModels.LinearExpected(x), session.Run([NamedTensor.FromFloats("X", x, 3, 3)])[0].GetFloats());
        Assert.AreEqual(ExecutionProvider.Cpu, session.Provider);
    }

    [TestMethod]
    public void Dispose_is_idempotent_and_a_disposed_session_refuses_to_run()
    {
        var session = new InferenceSession(TestModels.PathOf(TestModels.Linear));
        session.Dispose();
        session.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => session.Run([NamedTensor.FromFloats("X", new float[3], 1, 3)]));
    }
}
