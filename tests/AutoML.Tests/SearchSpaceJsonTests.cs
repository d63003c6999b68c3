using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tests;

[TestClass]
public sealed class SearchSpaceJsonTests
{
    private const string HandWritten = """
        {
          // comments and trailing commas are allowed in hand-written sweeps
          "learner": {"choice": {
              "gbdt": {"num_leaves": {"int": [4, 256], "log": true, "default": 4}, "lr": {"float": [0.01, 1], "log": true, "default": 0.1}},
              "logreg": {"l2": {"float": [1e-6, 10], "log": true}},
              "none": {}
            }, "default": "logreg"},
          "scaling": {"choice": ["none", "zscore", "robust"]},
          "ratio": {"choice": [0.5, 1]},
          "k": 5,
          "mode": {"const": "fast"},
        }
        """;

    [TestMethod]
    public void Hand_written_json_reads_as_documented()
    {
        var space = SearchSpaceJson.Read(HandWritten);
        Assert.AreEqual(1 + 2 + 1 + 1 + 1, space.Dimension);
        var p = space.Default;
        Assert.AreEqual("logreg", p.GetString("learner"));
        Assert.AreEqual(Math.Sqrt(1e-6 * 10), p.GetSection("learner").GetDouble("l2"), 1e-12);
        Assert.AreEqual(0.5, p.GetDouble("ratio"));
        Assert.AreEqual(5, p.GetInt("k"));
        Assert.AreEqual("fast", p.GetString("mode"));
        var gbdt = (IntRange)((Choice)space["learner"]).Options[0].Space!["num_leaves"];
        Assert.IsTrue(gbdt.Log);
    }

    [TestMethod]
    public void Write_then_read_gives_the_same_space()
    {
        var space = ParameterSpaceTests.Nested();
        var json = SearchSpaceJson.Write(space);
        var back = SearchSpaceJson.Read(json);
        Assert.AreEqual(json, SearchSpaceJson.Write(back));
        var random = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            var point = Enumerable.Range(0, space.Dimension).Select(_ => random.NextDouble()).ToArray();
            Assert.AreEqual(space.Decode(point), back.Decode(point));
        }
    }

    [TestMethod]
    [DataRow("""{"a": {"int": [10, 2]}}""", "$.a.int", "min < max")]
    [DataRow("""{"a": {"float": [0, 1], "lg": true}}""", "$.a.lg", "unknown key \"lg\"")]
    [DataRow("""{"a": {"float": [0, 1], "int": [0, 1]}}""", "$.a", "exactly one of")]
    [DataRow("""{"l": {"choice": {"gbdt": {"n": {"int": [1.5, 4]}}}}}""", "$.l.choice.gbdt.n.int[0]", "integer")]
    [DataRow("""{"l": {"choice": {"gbdt": {"n": {"int": [1, 4], "default": 9}}}}}""", "$.l.choice.gbdt.n", "outside [1, 4]")]
    [DataRow("""{"a": {"float": [0, 1], "log": true}}""", "$.a", "min > 0")]
    [DataRow("""{"a": {"choice": []}}""", "$.a.choice", "at least one option")]
    [DataRow("""{"a": {"choice": ["x", "y"], "default": "z"}}""", "$.a", "not one of the options")]
    [DataRow("""{"a": {"float": [0, "1"]}}""", "$.a.float[1]", "finite number")]
    [DataRow("""{"a": [1, 2]}""", "$.a", "must be an object")]
    [DataRow("""[1]""", "$", "object of named parameters")]
    [DataRow("""{"a": {"float": [0, 1]}""", "line", "not valid JSON")]
    public void Bad_json_names_the_path(string json, string path, string problem)
    {
        var message = Assert.ThrowsExactly<SearchSpaceException>(() => SearchSpaceJson.Read(json)).Message;
        StringAssert.Contains(message, path);
        StringAssert.Contains(message, problem);
    }
}
