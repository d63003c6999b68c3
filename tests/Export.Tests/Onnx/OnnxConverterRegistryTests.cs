using System.Reflection;
using Pipelines.Core;
using Pipelines.Data;
using Pipelines.Export.Onnx;
using Pipelines.Export.Onnx.Conversion;
using Pipelines.Export.Onnx.Converters;
using Pipelines.Persistence;
using Pipelines.Prediction;
using Pipelines.Tests.Contract;
using Pipelines.Transforms.Normalization;

namespace Pipelines.Export.Tests.Onnx;

[TestClass]
public sealed class OnnxConverterRegistryTests
{
    [TestMethod]
    public void Every_persisted_transform_of_the_core_library_has_a_converter()
    {
        var transforms = typeof(ITransformer).Assembly.GetTypes()
            .Where(t => typeof(ITransformer).IsAssignableFrom(t) && !typeof(IPredictor).IsAssignableFrom(t) && t.GetCustomAttribute<PersistedTypeAttribute>() is not null)
            .ToList();
        Assert.IsTrue(transforms.Count >= 12, $"found only {transforms.Count} fitted transforms");
        var missing = transforms.Where(t => !OnnxConverterRegistry.Default.TryFind(t, out _)).Select(t => t.Name).ToList();
        Assert.AreEqual(0, missing.Count, "no converter for " + string.Join(", ", missing));
    }

    [TestMethod]
    public void A_type_without_converter_fails_naming_it_and_the_count()
    {
        var registry = new OnnxConverterRegistry([new AffineNormalizerConverter(), new TransformerChainConverter()]);
        var chain = new TransformerChain([new AffineNormalizer(["x1"], [0f], [1f]), new SignedLog1p(["x2"])]);
        var error = Assert.ThrowsExactly<OnnxExportException>(() => OnnxExporter.Export(chain, ContractData.Standard(), new OnnxExportOptions(Registry: registry)));
        Assert.AreEqual(
            "no ONNX converter for Pipelines.Transforms.Normalization.SignedLog1p (2 registered). Add a class deriving from OnnxConverter<SignedLog1p> " +
            "with [OnnxConverter] under src/Export/Onnx/Converters, or pass a registry that has one.", error.Message);
    }

    [TestMethod]
    public void A_second_converter_for_a_type_is_refused()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => OnnxConverterRegistry.Default.With(new AffineNormalizerConverter()));
        StringAssert.Contains(error.Message, "Two ONNX converters for Pipelines.Transforms.Normalization.AffineNormalizer");
    }

    [TestMethod]
    public void Default_registry_finds_the_marked_converters_by_exact_type()
    {
        var registry = OnnxConverterRegistry.Default;
        Assert.IsInstanceOfType<AffineNormalizerConverter>(registry.Find(typeof(AffineNormalizer)));
        Assert.IsFalse(registry.TryFind(typeof(ITransformer), out _));
        Assert.AreEqual(registry.Count, registry.Types.Count);
    }

    [TestMethod]
    public void A_converter_that_leaves_a_dropped_column_is_caught()
    {
        var registry = OnnxConverterRegistry.Default.With(new ForgetfulDropperConverter());
        var step = new ForgetfulDropper();
        var error = Assert.ThrowsExactly<OnnxExportException>(() => OnnxExporter.Export(step, ContractData.Standard(), new OnnxExportOptions(Registry: registry)));
        StringAssert.Contains(error.Message, "left column 'x1'");
    }

    /// <summary>A step that removes x1, whose converter forgets to.</summary>
    private sealed class ForgetfulDropper : ITransformer
    {
        public DataSchema GetOutputSchema(DataSchema input) => new(input.Columns.Where(c => c.Name != "x1"));

        public DataFrame Transform(DataFrame input) => input.Without("x1");
    }

    private sealed class ForgetfulDropperConverter : OnnxConverter<ForgetfulDropper>
    {
        protected override void Convert(ForgetfulDropper transformer, OnnxConversionContext context)
        {
        }
    }
}
