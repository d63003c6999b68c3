using Pipelines.AutoML.SearchSpace;

namespace Pipelines.AutoML.Tests;

[TestClass]
public sealed class ParameterSpaceTests
{
    internal static ParameterSpace Nested() => new(
        ("learner", new Choice([
            new ChoiceOption("gbdt", new ParameterSpace(
                ("num_leaves", new IntRange(4, 256, defaultValue: 4, log: true)),
                ("learning_rate", new FloatRange(0.01, 1, defaultValue: 0.1, log: true)))),
            new ChoiceOption("logreg", new ParameterSpace(("l2", new FloatRange(1e-6, 10, defaultValue: 1e-4, log: true)))),
            new ChoiceOption("dummy"),
        ], defaultValue: "gbdt")),
        ("scaling", new Choice("none", "zscore", "robust")),
        ("k", new Constant(5)));

    [TestMethod]
    public void Flat_vector_covers_every_leaf_in_depth_first_order()
    {
        var space = Nested();
        Assert.AreEqual(5, space.Dimension);
        CollectionAssert.AreEqual(
            new[] { "learner", "learner.gbdt.num_leaves", "learner.gbdt.learning_rate", "learner.logreg.l2", "scaling" },
            space.Dimensions.Select(d => d.Path).ToArray());
    }

    [TestMethod]
    public void Decode_then_encode_round_trips_parameters()
    {
        var space = Nested();
        var random = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var point = Enumerable.Range(0, space.Dimension).Select(_ => random.NextDouble()).ToArray();
            var decoded = space.Decode(point);
            Assert.AreEqual(decoded, space.Decode(space.Encode(decoded)), decoded.ToString());
        }
    }

    [TestMethod]
    public void Float_encode_decode_round_trips_values_on_both_scales()
    {
        var linear = new FloatRange(-2, 6);
        var log = new FloatRange(1e-4, 1e2, log: true);
        foreach (var x in new[] { -2.0, 0.0, 3.3, 6.0 }) Assert.AreEqual(x, linear.FromUnit(linear.ToUnit(x)), 1e-12);
        foreach (var x in new[] { 1e-4, 3e-3, 1.0, 100.0 }) Assert.AreEqual(x, log.FromUnit(log.ToUnit(x)), 1e-12 * x);
    }

    [TestMethod]
    public void Log_scale_gives_each_decade_equal_room()
    {
        var log = new FloatRange(1e-4, 1e2, log: true);
        Assert.AreEqual(1e-1, log.FromUnit(0.5), 1e-12);
        Assert.AreEqual(1.0 / 6, log.ToUnit(1e-3), 1e-12);
        var ints = new IntRange(1, 1000, log: true);
        // Half of the unit interval covers 1..31 on a log scale (sqrt(1001) ≈ 31.6), not 1..500.
        Assert.AreEqual(31, ints.FromUnit(0.4999));
        Assert.AreEqual(1, ints.FromUnit(0));
        Assert.AreEqual(1000, ints.FromUnit(1));
    }

    [TestMethod]
    public void Every_integer_round_trips_through_its_bucket()
    {
        foreach (var range in new[] { new IntRange(-3, 40), new IntRange(1, 300, log: true) })
        {
            for (var k = range.Min; k <= range.Max; k++)
            {
                Assert.AreEqual(k, range.FromUnit(range.ToUnit(k)));
                Assert.AreEqual(k - range.Min, range.LevelOf(range.UnitOf(k - range.Min)));
            }
        }
    }

    [TestMethod]
    public void Inactive_conditional_leaves_are_ignored_when_decoding()
    {
        var space = Nested();
        var a = new[] { 0.5, 0.1, 0.2, 0.3, 0.0 };   // learner bucket 1 of 3: logreg
        var b = new[] { 0.5, 0.9, 0.8, 0.3, 0.0 };   // only gbdt's leaves differ
        var pa = space.Decode(a);
        Assert.AreEqual("logreg", pa.GetString("learner"));
        Assert.AreEqual(pa, space.Decode(b));
        CollectionAssert.AreEqual(new[] { "l2" }, pa.GetSection("learner").Names.ToArray());
        Assert.AreEqual(0, space.Decode([0.9, 0, 0, 0, 0]).GetSection("learner").Count); // dummy has no parameters
    }

    [TestMethod]
    public void Defaults_decode_to_the_declared_low_cost_values()
    {
        var p = Nested().Default;
        Assert.AreEqual("gbdt", p.GetString("learner"));
        Assert.AreEqual(4, p.GetSection("learner").GetInt("num_leaves"));
        Assert.AreEqual(0.1, p.GetSection("learner").GetDouble("learning_rate"), 1e-12);
        Assert.AreEqual("none", p.GetString("scaling"));
        Assert.AreEqual(5, p.GetInt("k"));
    }

    [TestMethod]
    public void Typed_getters_fail_with_clear_messages()
    {
        var p = Nested().Default;
        StringAssert.Contains(Assert.ThrowsExactly<SearchSpaceException>(() => p.GetDouble("scaling")).Message, "string 'none'");
        StringAssert.Contains(Assert.ThrowsExactly<SearchSpaceException>(() => p.GetString("k")).Message, "number 5");
        StringAssert.Contains(Assert.ThrowsExactly<SearchSpaceException>(() => p.GetInt("nope")).Message, "present: learner, scaling, k");
        var lr = p.GetSection("learner");
        StringAssert.Contains(Assert.ThrowsExactly<SearchSpaceException>(() => lr.GetInt("learning_rate")).Message, "not an integer");
        Assert.ThrowsExactly<SearchSpaceException>(() => p.GetSection("scaling"));
    }

    [TestMethod]
    public void Bad_definitions_and_points_are_refused()
    {
        Assert.ThrowsExactly<SearchSpaceException>(() => new FloatRange(1, 1));
        Assert.ThrowsExactly<SearchSpaceException>(() => new FloatRange(0, 1, log: true));
        Assert.ThrowsExactly<SearchSpaceException>(() => new IntRange(0, 10, log: true));
        Assert.ThrowsExactly<SearchSpaceException>(() => new IntRange(0, 10, defaultValue: 11));
        Assert.ThrowsExactly<SearchSpaceException>(() => new Choice("a", "a"));
        Assert.ThrowsExactly<SearchSpaceException>(() => new Choice([new ChoiceOption("a")], defaultValue: "b"));
        Assert.ThrowsExactly<SearchSpaceException>(() => new ParameterSpace(("a.b", new Constant(1))));
        Assert.ThrowsExactly<SearchSpaceException>(() => Nested().Decode([0.1]));
        Assert.ThrowsExactly<SearchSpaceException>(() => Nested().Decode([double.NaN, 0, 0, 0, 0]));
    }

    [TestMethod]
    public void Pin_removes_the_choice_coordinate_and_keeps_the_sub_space()
    {
        var pinned = Nested().Pin("learner", "logreg");
        Assert.AreEqual(2, pinned.Dimension);
        var p = pinned.Default;
        Assert.AreEqual("logreg", p.GetString("learner"));
        Assert.AreEqual(1e-4, p.GetSection("learner").GetDouble("l2"), 1e-15);
    }

    [TestMethod]
    public void Parameters_json_round_trips()
    {
        var p = Nested().Decode([0.1, 0.3, 0.6, 0.2, 0.9]);
        var back = Parameters.FromJson(p.ToJsonNode());
        Assert.AreEqual(p, back);
        StringAssert.StartsWith(p.ToString(), "{\"learner\":{\"gbdt\":{\"num_leaves\":");
    }
}
