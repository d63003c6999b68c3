using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Errors;
using Pipelines.Persistence;

namespace Pipelines.Tests.Contract;

/// <summary>
/// The checks every transform, sampler and learner passes, chosen by its declared capabilities. Each test project
/// derives one empty [TestClass] from this; the cases are those of the <see cref="IContractCaseSource"/> classes in it.
/// </summary>
public abstract class ContractSuite
{
    public static IEnumerable<object[]> Cases => ContractCases.Names;

    [TestMethod]
    public void EveryAreaHasCases() => Assert.IsTrue(ContractCases.All.Count > 0, "no contract cases were found");

    /// <summary>
    /// Every public estimator of the src assemblies this project owns (<see cref="ContractCoverage.Owners"/>) is created
    /// by one of its cases, and every src assembly it uses that has public estimators has an owner.
    /// </summary>
    [TestMethod]
    public void EveryPublicEstimatorHasACase()
    {
        var tests = GetType().Assembly;
        var project = tests.GetName().Name!;
        var sources = ContractCoverage.SourceAssemblies(tests);
        var unowned = sources
            .Where(a => !ContractCoverage.Owners.ContainsKey(a.GetName().Name!) && ContractCoverage.PublicEstimators(a).Any())
            .Select(a => a.GetName().Name).ToList();
        Assert.AreEqual(0, unowned.Count,
            $"src assemblies with public estimators but no test project in ContractCoverage.Owners to hold their contract cases: {string.Join(", ", unowned)}");
        var owned = ContractCoverage.Owners.Where(o => o.Value == project).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var unreferenced = owned.Except(sources.Select(a => a.GetName().Name!)).ToList();
        Assert.AreEqual(0, unreferenced.Count, $"{project} owns the contract cases of {string.Join(", ", unreferenced)} but does not reference it");
        var created = ContractCoverage.CreatedTypes(ContractCases.All);
        var missing = sources.Where(a => owned.Contains(a.GetName().Name!))
            .SelectMany(ContractCoverage.PublicEstimators)
            .Where(t => !created.Contains(t))
            .Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.AreEqual(0, missing.Count,
            $"public estimators with no contract case in {project}: {string.Join(", ", missing)}. Add a ContractCase for each to an IContractCaseSource there.");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void OutputSchemaIsKnownBeforeRunning(string name)
    {
        var c = ContractCases.Get(name);
        var data = c.StandardData();
        var estimator = c.Create();
        var predicted = estimator.GetOutputSchema(data.Schema);
        var fitted = estimator.FitTransform(data);
        AssertSchemaCovers(predicted, fitted.Output.Schema, name);
        var transformed = fitted.Transformer.Transform(data);
        Assert.AreEqual(transformed.Schema, fitted.Transformer.GetOutputSchema(data.Schema), $"{name}: transformer schema differs from its output");
        Assert.IsTrue(fitted.Transformer.GetOutputSchema(data.Schema).IsExact, $"{name}: a fitted transformer's schema must be exact");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void SameSeedGivesSameResult(string name)
    {
        var c = ContractCases.Get(name);
        var data = c.StandardData();
        var first = c.Create().FitTransform(data);
        var second = c.Create().FitTransform(data);
        AssertFramesEqual(first.Output, second.Output, $"{name}: training output");
        AssertFramesEqual(first.Transformer.Transform(data), second.Transformer.Transform(data), $"{name}: transform output");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void InputIsNotMutated(string name)
    {
        var c = ContractCases.Get(name);
        var data = c.StandardData();
        var snapshot = Snapshot(data);
        var fitted = c.Create().FitTransform(data);
        fitted.Transformer.Transform(data);
        AssertFramesEqual(snapshot, data, $"{name}: input changed");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ScratchColumnsGiveTheSameOutputAndCallersColumnsStay(string name)
    {
        var c = ContractCases.Get(name);
        foreach (var data in c.Caps.AcceptsMissing ? new[] { c.StandardData(), WithMissing(c) } : [c.StandardData()])
        {
            if (c.Create().FitTransform(data).Transformer is not IScratchTransformer reusing) return;
            var expected = reusing.Transform(data);
            // Every column of a copy is scratch to a chain whose input was the original.
            AssertFramesEqual(expected, reusing.Transform(Snapshot(data), ScratchColumns.Outside(data)), $"{name}: over scratch columns");
            var snapshot = Snapshot(data);
            AssertFramesEqual(expected, reusing.Transform(data, ScratchColumns.Outside(data)), $"{name}: over the caller's columns");
            AssertFramesEqual(snapshot, data, $"{name}: the caller's columns changed");
        }
    }

    /// <summary>
    /// Derived numeric columns (computed as they are read, as imputed and one-hot columns are) are read as arrays are:
    /// the same fit, the same training output and the same transform, whether a reader takes the whole column, a block
    /// of rows or one value.
    /// </summary>
    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void DerivedColumnsGiveTheSameResult(string name)
    {
        var c = ContractCases.Get(name);
        foreach (var data in c.Caps.AcceptsMissing ? new[] { c.StandardData(), WithMissing(c) } : [c.StandardData()])
        {
            var derived = ContractData.Derived(data);
            var plain = c.Create().FitTransform(data);
            var fromDerived = c.Create().FitTransform(derived);
            AssertFramesEqual(plain.Output, fromDerived.Output, $"{name}: training output");
            AssertFramesEqual(plain.Transformer.Transform(data), fromDerived.Transformer.Transform(data), $"{name}: fitted on derived columns");
            AssertFramesEqual(plain.Transformer.Transform(data), plain.Transformer.Transform(derived), $"{name}: transforming derived columns");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void MissingValuesAreHandledOrRefusedClearly(string name)
    {
        var c = ContractCases.Get(name);
        var data = WithMissing(c);
        if (c.Caps.AcceptsMissing)
        {
            var fitted = c.Create().FitTransform(data);
            Assert.AreEqual(data.RowCount, fitted.Transformer.Transform(data).RowCount);
        }
        else
        {
            var error = Assert.ThrowsExactly<DataValueException>(() => c.Create().FitTransform(data), name);
            StringAssert.Contains(error.Message, "missing", $"{name}: the error should say values are missing");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void OneRowFitsOrIsRefusedClearly(string name)
    {
        var c = ContractCases.Get(name);
        var one = c.StandardData().Head(1);
        if (c.Caps.AcceptsOneRow)
        {
            var fitted = c.Create().FitTransform(one);
            Assert.AreEqual(1, fitted.Transformer.Transform(one).RowCount);
        }
        else
        {
            Assert.Throws<PipelineException>(() => c.Create().FitTransform(one), name);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EachRowIsTransformedOnItsOwn(string name)
    {
        var c = ContractCases.Get(name);
        if (!c.Caps.RowIndependent) return;
        var data = c.StandardData();
        var model = c.Create().Fit(data);
        var all = model.Transform(data);
        foreach (var row in new[] { 0, data.RowCount / 2, data.RowCount - 1 })
        {
            AssertFramesEqual(all.Take([row]), model.Transform(data.Take([row])), $"{name}: row {row} alone");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void ConstantColumnsGiveFiniteOutput(string name)
    {
        var c = ContractCases.Get(name);
        if (c.Data is not null) return; // the case brings its own data; constant columns are covered in its own tests
        var data = ContractData.WithConstant();
        var fitted = c.Create().FitTransform(data);
        foreach (var output in new[] { fitted.Output, fitted.Transformer.Transform(data) })
        {
            foreach (var column in output.Columns.OfType<NumericColumn>())
            {
                foreach (var v in column.Values)
                    Assert.IsTrue(float.IsFinite(v), $"{name}: column '{column.Name}' has {v} from data without missing values");
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void SaveAndLoadGiveTheSameTransform(string name)
    {
        var c = ContractCases.Get(name);
        var data = c.StandardData();
        var model = c.Create().Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.model");
        try
        {
            PipelineFile.Save(path, model, data.Schema, name);
            var loaded = PipelineFile.Load(path);
            Assert.AreEqual(model.GetType(), loaded.Model.GetType());
            Assert.AreEqual(data.Schema, loaded.InputSchema);
            AssertFramesEqual(model.Transform(data), loaded.Model.Transform(data), $"{name}: after load");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void MissingColumnAtTransformIsASchemaError(string name)
    {
        var c = ContractCases.Get(name);
        var data = c.StandardData();
        var model = c.Create().Fit(data);
        var refused = 0;
        foreach (var column in data.Schema.Features.Select(f => f.Name))
        {
            try
            {
                model.Transform(data.Without(column));
            }
            catch (SchemaException e)
            {
                StringAssert.Contains(e.Message, column, $"{name}: the error should name the missing column");
                refused++;
            }
        }
        if (c.Caps.ReadsColumns && !c.Caps.ChangesRows)
            Assert.IsTrue(refused > 0, $"{name}: removing any column it reads should be a SchemaException");
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void RowStepsPassDataThroughAtTransform(string name)
    {
        var c = ContractCases.Get(name);
        if (!c.Caps.ChangesRows) return;
        var data = c.StandardData();
        var fitted = c.Create().FitTransform(data);
        Assert.AreSame(data, fitted.Transformer.Transform(data), $"{name}: must not change rows at Transform time");
        Assert.AreEqual(data.Schema, fitted.Output.Schema, $"{name}: must keep the columns");
    }

    private static DataFrame WithMissing(ContractCase c)
    {
        if (c.Data is null) return ContractData.WithMissing();
        // Put NaN into the case's own data: every third value of each numeric feature.
        var data = c.StandardData();
        foreach (var column in data.Features.OfType<NumericColumn>().ToList())
        {
            var values = column.ToArray();
            for (var i = 1; i < values.Length; i += 3) values[i] = float.NaN;
            data = data.With(new NumericColumn(column.Name, values));
        }
        return data;
    }

    private static DataFrame Snapshot(DataFrame data) =>
        data.Take(Enumerable.Range(0, data.RowCount).ToArray());

    private static void AssertSchemaCovers(DataSchema predicted, DataSchema actual, string name)
    {
        if (predicted.IsExact)
        {
            Assert.AreEqual(predicted, actual, $"{name}: predicted schema {predicted} but got {actual}");
            return;
        }
        foreach (var column in predicted.Columns)
        {
            Assert.IsTrue(actual.TryGet(column.Name, out var found), $"{name}: predicted column '{column.Name}' is missing from {actual}");
            Assert.AreEqual(column, found, $"{name}: column '{column.Name}'");
        }
    }

    /// <summary>Schema, row count and every column equal (NaN equals NaN; categories compared by name).</summary>
    public static void AssertFramesEqual(DataFrame expected, DataFrame actual, string context)
    {
        Assert.AreEqual(expected.Schema, actual.Schema, $"{context}: schema");
        Assert.AreEqual(expected.RowCount, actual.RowCount, $"{context}: rows");
        for (var i = 0; i < expected.ColumnCount; i++)
        {
            Assert.IsTrue(expected[i].ContentEquals(actual[i]), $"{context}: column '{expected[i].Name}' differs");
        }
    }
}
