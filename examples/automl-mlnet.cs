#:project ../src/AutoML/AutoML.csproj
#:property PublishAot=false

// A model builder script in ML.NET's idiom: load the churn data with mlContext.Data.LoadFromTextFile, run the AutoML
// experiment on the IDataView (6 trials, reproducible), take the final model as an ML.NET model (OnnxTransformer over
// the exported ONNX graph), predict with a PredictionEngine, save it with mlContext.Model.Save, load it back with
// mlContext.Model.Load and check the reloaded model predicts the same. The zip needs only Microsoft.ML,
// Microsoft.ML.OnnxTransformer and Microsoft.ML.OnnxRuntime to load; `pipelines automl` writes the same kind of file.
// Run with: dotnet run examples/automl-mlnet.cs [OUTPUT_FOLDER]   (default: a new temporary folder)
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipelines.AutoML.Experiments;
using ChurnExample;

var output = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), $"automl-mlnet-{Guid.NewGuid():N}");
Directory.CreateDirectory(output);
var dataFolder = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../data"));

var mlContext = new MLContext(seed: 1);
// TextLoader reads "?" and "NA" as missing numbers (NaN), and an empty number too with MissingRealsAsNaNs (else as 0);
// an empty category is missing.
var data = mlContext.Data.LoadFromTextFile<Customer>(Path.Combine(dataFolder, "messy_churn.csv"),
    new TextLoader.Options { Separators = [','], HasHeader = true, AllowQuoting = true, MissingRealsAsNaNs = true });

var run = new Experiment(new ExperimentOptions { MaxTrials = 6, Seed = 1 }).Run(data, "churned");
var experiment = run.Experiment;
var missing = run.Data.Features.Sum(c => c.MissingCount());
Console.WriteLine(Line($"read {run.Data.RowCount} rows, {run.Data.ColumnCount - 1} features, {missing} missing values"));
Console.WriteLine(Line($"{experiment.Trials.Count} trials; best trial {experiment.Best.Id} ({experiment.Best.Learner}), out-of-fold {experiment.Metric} {experiment.Best.Score:0.0000}"));

var model = run.ToMLNetModel(mlContext).Transformer;
var engine = mlContext.Model.CreatePredictionEngine<Customer, ChurnPrediction>(model);
var customer = new Customer { TenureMonths = 2, MonthlyCharges = 95.5f, TotalCharges = float.NaN, Contract = "Month-to-month", PaymentMethod = "Electronic check", InternetService = "Fiber optic", DataUsageGb = 40, SupportCalls = 6 };
var prediction = engine.Predict(customer);
Console.WriteLine(Line($"new customer: churned = {prediction.PredictedLabel} (probabilities {string.Join(", ", prediction.Probability.Select(p => p.ToString("0.000", CultureInfo.InvariantCulture)))})"));

var path = Path.Combine(output, "churn.mlnet.zip");
mlContext.Model.Save(model, data.Schema, path);
var reloaded = mlContext.Model.Load(path, out _);
var again = mlContext.Model.CreatePredictionEngine<Customer, ChurnPrediction>(reloaded).Predict(customer);
if (again.PredictedLabel != prediction.PredictedLabel || !again.Probability.SequenceEqual(prediction.Probability))
    throw new InvalidOperationException("The reloaded model predicts differently from the one that was saved.");
Console.WriteLine($"saved {path} ({new FileInfo(path).Length / 1024.0:0.0} KiB); the reloaded model predicts the same");
Console.WriteLine("example finished: OK");

static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

namespace ChurnExample
{
    /// <summary>The churn file's columns an ML.NET user would load (identifiers and free-text notes left out).</summary>
    public sealed class Customer
    {
        [LoadColumn(1), ColumnName("tenure_months")] public float TenureMonths { get; set; }
        [LoadColumn(2), ColumnName("monthly_charges")] public float MonthlyCharges { get; set; }
        [LoadColumn(3), ColumnName("total_charges")] public float TotalCharges { get; set; }
        [LoadColumn(4), ColumnName("contract")] public string? Contract { get; set; }
        [LoadColumn(5), ColumnName("payment_method")] public string? PaymentMethod { get; set; }
        [LoadColumn(6), ColumnName("internet_service")] public string? InternetService { get; set; }
        [LoadColumn(7), ColumnName("data_usage_gb")] public float DataUsageGb { get; set; }
        [LoadColumn(8), ColumnName("support_calls")] public float SupportCalls { get; set; }
        [LoadColumn(13), ColumnName("churned")] public string? Churned { get; set; }
    }

    /// <summary>What the ML.NET model outputs for a classifier: the class name and one probability per class.</summary>
    public sealed class ChurnPrediction
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Probability { get; set; } = [];
    }
}
